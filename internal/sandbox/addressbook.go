package sandbox

import (
	"crypto/subtle"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode"
)

// The Address Book (contacts, groups and membership) on v3.00 and v2.04,
// and the opt-out list on v3.00 (optout.go). doc.go describes them; this
// file holds the records, the routes and the Address Book handlers.

// Address Book texts. The 403 and 404 bodies are TNZ's (its OpenAPI file,
// 403Forbidden and 404RecordNotFound); the checks' texts are the Node
// SDK's where it has one ("Missing GroupName", the e-mail and ViewEditBy
// texts) and otherwise the sandbox's own.
const (
	msgAddressBookForbidden = "Unauthorized access to Addressbook API!"
	msgRecordNotFound       = "Unable to find or access record with id '%s'."
	msgMissingGroupName     = "Missing GroupName"
	msgMissingGroupID       = "Missing GroupID"
	msgMissingContactID     = "Missing ContactID"
	msgEmailFormat          = "Invalid email address format for %s property"
	msgPhoneFormat          = "Invalid phone number format for %s property"
	msgOption               = "Invalid %s option - must be %s"
	msgTooLong              = "%s must be at most %d characters"
)

// recordOwner is the Owner of every record: the sandbox's API user.
const recordOwner = DefaultSender

// fieldRule is how the sandbox checks one writable field: its maximum
// length (TNZ's OpenAPI file), and its options or kind when it has them.
type fieldRule struct {
	name    string
	max     int
	options []string // allowed values, matched ignoring case and stored as written here
	def     string   // the value when none is given (options fields)
	email   bool
	phone   bool
}

// accessOptions are ViewBy, EditBy and ViewEditBy's options.
var accessOptions = []string{"Account", "SubAccount", "Department", "No"}

// contactRules are Contact_Object's fields on v3.00, with DirectPhone,
// which only v2.04 has (the v2 SDKs' ContactModel).
var contactRules = func() []fieldRule {
	rules := []fieldRule{
		{name: "ExType", max: 20}, {name: "ExID", max: 100},
		{name: "ViewBy", max: 20, options: accessOptions, def: "Account"},
		{name: "EditBy", max: 20, options: accessOptions, def: "Account"},
		{name: "AccessControl", max: 20, options: []string{"Limited", "Granted"}, def: "Limited"},
		{name: "Attention", max: 200},
		{name: "Title", max: 20, options: []string{"", "Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Hon"}},
	}
	for _, n := range []string{"Company", "RecipDepartment", "FirstName", "LastName", "Position", "StreetAddress",
		"Suburb", "City", "State", "Country", "Postcode"} {
		rules = append(rules, fieldRule{name: n, max: 100})
	}
	for _, n := range []string{"MainPhone", "AltPhone1", "AltPhone2", "AltPhone3", "AltPhone4", "AltPhone5",
		"AltPhone6", "AltPhone7", "AltPhone8", "MobilePhone", "FaxNumber", "DirectPhone"} {
		rules = append(rules, fieldRule{name: n, max: 100, phone: true})
	}
	rules = append(rules, fieldRule{name: "EmailAddress", max: 100, email: true}, fieldRule{name: "WebAddress", max: 100})
	for _, n := range []string{"Custom1", "Custom2", "Custom3", "Custom4"} {
		rules = append(rules, fieldRule{name: n, max: 100})
	}
	return append(rules, fieldRule{name: "Notes", max: 1000})
}()

// v2ContactFields are the contact fields v2.04 has (the Node SDK's ContactModel).
var v2ContactFields = map[string]bool{
	"ViewBy": true, "EditBy": true, "Attention": true, "Title": true, "Company": true, "RecipDepartment": true,
	"FirstName": true, "LastName": true, "Position": true, "StreetAddress": true, "Suburb": true, "City": true,
	"State": true, "Country": true, "Postcode": true, "MainPhone": true, "AltPhone1": true, "AltPhone2": true,
	"DirectPhone": true, "MobilePhone": true, "FaxNumber": true, "EmailAddress": true, "WebAddress": true,
	"Custom1": true, "Custom2": true, "Custom3": true, "Custom4": true,
}

// groupRules are Group_Object's fields.
var groupRules = []fieldRule{
	{name: "GroupName", max: 100},
	{name: "SubAccount", max: 40}, {name: "Department", max: 40},
	{name: "ViewEditBy", max: 20, options: accessOptions, def: "Account"},
	{name: "AccessControl", max: 20, options: []string{"Limited", "Granted"}, def: "Limited"},
}

// contactFieldsOf lists the fields a version reads and shows.
func contactFieldsOf(version string) []fieldRule {
	var out []fieldRule
	for _, r := range contactRules {
		if version == "v3.00" && r.name != "DirectPhone" || version != "v3.00" && v2ContactFields[r.name] {
			out = append(out, r)
		}
	}
	return out
}

// readFields applies b's members to fields by rules: a member that is
// absent or null leaves the field alone, a blank one clears it (an options
// field goes back to its default), and anything else is checked and set.
// Keys the rules do not name are ignored, as the real server ignores
// unknown keys. It returns the rejections, in the rules' order.
func readFields(b body, rules []fieldRule, fields map[string]string) []string {
	var errs []string
	for _, r := range rules {
		v, ok := b[r.name]
		if !ok || v == nil {
			continue
		}
		s := strings.TrimSpace(asString(v))
		switch {
		case s == "" && r.options != nil:
			fields[r.name] = r.def
			continue
		case s == "":
			fields[r.name] = ""
			continue
		case len([]rune(s)) > r.max:
			errs = append(errs, fmt.Sprintf(msgTooLong, r.name, r.max))
		case r.options != nil:
			i := slices.IndexFunc(r.options, func(o string) bool { return strings.EqualFold(o, s) })
			if i < 0 {
				errs = append(errs, fmt.Sprintf(msgOption, r.name, strings.Join(slices.DeleteFunc(slices.Clone(r.options), blank), "/")))
				continue
			}
			s = r.options[i]
		case r.email:
			if _, ok := emailAddress(s); !ok {
				errs = append(errs, fmt.Sprintf(msgEmailFormat, r.name))
			}
		case r.phone:
			if _, _, ok := phoneDigits(s); !ok {
				errs = append(errs, fmt.Sprintf(msgPhoneFormat, r.name))
			}
		}
		fields[r.name] = s
	}
	return errs
}

// defaults sets every options field that has no value to its default.
func defaults(rules []fieldRule, fields map[string]string) {
	for _, r := range rules {
		if r.def != "" && fields[r.name] == "" {
			fields[r.name] = r.def
		}
	}
}

// contactRecord is one contact; fields are by API name, as given.
type contactRecord struct {
	id               string
	fields           map[string]string
	created, updated time.Time
}

// groupRecord is one group; members are contact ids in the order added.
type groupRecord struct {
	id, code string
	fields   map[string]string
	created  time.Time
	members  []string
}

// records are the Address Book and the opt-out list, in creation order.
// The Server's mutex guards them.
type records struct {
	contacts []*contactRecord
	groups   []*groupRecord
	optOuts  []*optOutRecord
}

func (rc *records) contact(id string) *contactRecord {
	for _, c := range rc.contacts {
		if strings.EqualFold(c.id, strings.TrimSpace(id)) {
			return c
		}
	}
	return nil
}

// group finds a group by GroupID or, as the Node and TypeScript SDKs allow in
// /group/{id} paths, by GroupCode.
func (rc *records) group(idOrCode string) *groupRecord {
	idOrCode = strings.TrimSpace(idOrCode)
	for _, g := range rc.groups {
		if strings.EqualFold(g.id, idOrCode) {
			return g
		}
	}
	for _, g := range rc.groups {
		if strings.EqualFold(g.code, idOrCode) {
			return g
		}
	}
	return nil
}

// groupsOf lists the groups a contact is in, in creation order.
func (rc *records) groupsOf(contactID string) []*groupRecord {
	var out []*groupRecord
	for _, g := range rc.groups {
		if slices.Contains(g.members, contactID) {
			out = append(out, g)
		}
	}
	return out
}

// newGroupCode makes a group's code from its name: letters and digits
// kept, every other run of characters one "_" (the OpenAPI file's example pairs "My
// Test Group" with "My_Test_Group"), unique with a numeric suffix.
func (rc *records) newGroupCode(name string) string {
	var b strings.Builder
	under := false
	for _, r := range strings.TrimSpace(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			under = false
		} else if !under && b.Len() > 0 {
			b.WriteByte('_')
			under = true
		}
	}
	base := strings.TrimSuffix(b.String(), "_")
	if base == "" {
		base = "Group"
	}
	if len(base) > 90 {
		base = base[:90]
	}
	code := base
	for n := 2; rc.group(code) != nil; n++ {
		code = fmt.Sprintf("%s_%d", base, n)
	}
	return code
}

// recordRoute resolves the record paths after /api/<version>/: the
// Address Book on v3.00 and v2.04, the opt-out list on v3.00. version is
// in lower case.
func (s *Server) recordRoute(version string, rest []string) (endpoint, bool) {
	seg := func(i int) string {
		if i < len(rest) {
			return strings.ToLower(rest[i])
		}
		return ""
	}
	if seg(0) == "optout" && version == "v3.00" {
		return s.optOutRoute(rest[1:])
	}
	if seg(0) != "addressbook" {
		return endpoint{}, false
	}
	v2 := version != "v3.00"
	get := []string{http.MethodGet, http.MethodHead}
	one := []string{http.MethodGet, http.MethodHead, http.MethodPatch, http.MethodDelete}
	ep := func(methods []string, serve func(*bookCall)) (endpoint, bool) {
		return endpoint{methods: methods, serve: func(w http.ResponseWriter, r *http.Request) {
			s.serveBook(w, r, version, serve)
		}}, true
	}
	addMethod := []string{http.MethodPatch}
	if v2 {
		addMethod = []string{http.MethodPost}
	}
	n := len(rest)
	switch {
	case seg(1) == "contact" && n == 2:
		return ep([]string{http.MethodPost}, s.createContact)
	case seg(1) == "contact" && n == 3 && (seg(2) == "list" || seg(2) == "search"):
		search := seg(2) == "search"
		return ep(get, func(c *bookCall) { s.listContacts(c, search) })
	case seg(1) == "contact" && n == 3:
		return ep(one, func(c *bookCall) { s.contactDetail(c, rest[2]) })
	case seg(1) == "contact" && n == 4 && seg(3) == "group":
		return ep(addMethod, func(c *bookCall) { s.addMember(c, rest[2], "") })
	case seg(1) == "contact" && n == 5 && seg(3) == "group" && seg(4) == "list":
		return ep(get, func(c *bookCall) { s.contactGroups(c, rest[2]) })
	case seg(1) == "contact" && n == 5 && seg(3) == "group":
		methods := []string{http.MethodDelete}
		if v2 {
			methods = append(get, http.MethodDelete)
		}
		return ep(methods, func(c *bookCall) { s.membership(c, rest[2], rest[4]) })
	case seg(1) == "group" && n == 2:
		return ep([]string{http.MethodPost}, s.createGroup)
	case seg(1) == "group" && n == 3 && seg(2) == "list":
		return ep(get, s.listGroups)
	case seg(1) == "group" && n == 3:
		return ep(one, func(c *bookCall) { s.groupDetail(c, rest[2]) })
	case seg(1) == "group" && n == 5 && seg(3) == "contact" && seg(4) == "list":
		return ep(get, func(c *bookCall) { s.groupContacts(c, rest[2]) })
	case v2 && seg(1) == "group" && n == 4 && seg(3) == "contact":
		return ep(addMethod, func(c *bookCall) { s.addMember(c, "", rest[2]) })
	case v2 && seg(1) == "group" && n == 5 && seg(3) == "contact":
		return ep(append(get, http.MethodDelete), func(c *bookCall) { s.membership(c, rest[4], rest[2]) })
	}
	return endpoint{}, false
}

// bookCall is one Address Book request being served.
type bookCall struct {
	w       http.ResponseWriter
	r       *http.Request
	version string
	body    body
	q       query
}

func (c *bookCall) v2() bool { return c.version != "v3.00" }

// serveBook refuses a token without Address Book access (403), reads the
// request (readRecord) and serves it.
func (s *Server) serveBook(w http.ResponseWriter, r *http.Request, version string, serve func(*bookCall)) {
	if !s.addressBookAllowed(r) {
		writeError(w, http.StatusForbidden, "Failed", "", msgAddressBookForbidden)
		return
	}
	b, ok := s.readRecord(w, r)
	if !ok {
		return
	}
	serve(&bookCall{w: w, r: r, version: version, body: b, q: newQuery(r.URL.Query())})
}

// readRecord reads a record call's body as a v2 call's is read; a DELETE,
// like a GET, may carry any body or none (the Node SDK sends
// {"HTTPMethod":"DELETE"}), and it is ignored.
func (s *Server) readRecord(w http.ResponseWriter, r *http.Request) (body, bool) {
	if r.Method == http.MethodDelete {
		_, _ = io.Copy(io.Discard, http.MaxBytesReader(w, r.Body, s.maxBody))
		return body{}, true
	}
	b, _, ok := s.readV2(w, r)
	return b, ok
}

// addressBookAllowed reports whether the request's token has Address Book
// access: every accepted token but those of Options.NoAddressBookTokens.
func (s *Server) addressBookAllowed(r *http.Request) bool {
	_, token, _ := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	denied := 0
	for _, t := range s.noBookTokens {
		denied |= subtle.ConstantTimeCompare(t, []byte(strings.TrimSpace(token)))
	}
	return denied == 0
}

// fail answers a rejection: 400 with every text.
func (c *bookCall) fail(errs ...string) {
	writeError(c.w, http.StatusBadRequest, "Failed", "", errs...)
}

// notFound answers TNZ's 404 RecordNotFound for id.
func (c *bookCall) notFound(id string) {
	writeError(c.w, http.StatusNotFound, "RecordNotFound", "", fmt.Sprintf(msgRecordNotFound, id))
}

// answer writes a record answer: on v2.04 wrapped as {"Result":"Success",
// key: v, …}; on v3.00 v itself, or, when there are several parts, an
// object of them.
func (c *bookCall) answer(parts map[string]any, only string) {
	if c.v2() {
		out := map[string]any{"Result": "Success"}
		for k, v := range parts {
			out[k] = v
		}
		writeJSON(c.w, http.StatusOK, out)
		return
	}
	if only != "" {
		writeJSON(c.w, http.StatusOK, parts[only])
		return
	}
	writeJSON(c.w, http.StatusOK, parts)
}

// page answers a list: the pagination, the items of the page under key,
// and extra parts (the Contact or Group the list belongs to).
func (c *bookCall) page(key string, items []map[string]any, extra map[string]any) {
	p, errs := readPaging(c.q)
	if len(errs) > 0 {
		c.fail(errs...)
		return
	}
	c.writePage(p, key, items, extra)
}

func (c *bookCall) writePage(p paging, key string, items []map[string]any, extra map[string]any) {
	pg, from, to := p.slice(len(items))
	out := map[string]any{
		"TotalRecords": pg.TotalRecords, "RecordsPerPage": pg.RecordsPerPage, "PageCount": pg.PageCount, "Page": pg.Page,
		key: append([]map[string]any{}, items[from:to]...),
	}
	for k, v := range extra {
		out[k] = v
	}
	if c.v2() {
		out["Result"] = "Success"
	}
	writeJSON(c.w, http.StatusOK, out)
}

// times adds t's Local, UTC and UTC_RFC3339 forms as prefix* keys.
func (s *Server) times(out map[string]any, prefix string, t time.Time, v2 bool) {
	local, utc, rfc := formatTimes(t, s.loc)
	out[prefix+"Local"], out[prefix+"UTC"] = local, utc
	if !v2 {
		out[prefix+"UTC_RFC3339"] = rfc
	}
}

// contactJSON is a contact as the version shows it: Contact_Detail on
// v3.00 (every field, "" where empty), the v2 SDKs' ContactModel on v2.04.
func (s *Server) contactJSON(c *contactRecord, version string) map[string]any {
	out := map[string]any{"ContactID": c.id, "Owner": recordOwner, "Timezone": s.timezone}
	s.times(out, "CreatedTime", c.created, version != "v3.00")
	s.times(out, "UpdatedTime", c.updated, version != "v3.00")
	for _, r := range contactFieldsOf(version) {
		out[r.name] = c.fields[r.name]
	}
	return out
}

// groupJSON is Group_Detail.
func (s *Server) groupJSON(g *groupRecord, version string) map[string]any {
	out := map[string]any{"GroupID": g.id, "GroupCode": g.code, "Owner": recordOwner, "Timezone": s.timezone}
	s.times(out, "CreatedTime", g.created, version != "v3.00")
	for _, r := range groupRules {
		out[r.name] = g.fields[r.name]
	}
	return out
}

func (s *Server) createContact(c *bookCall) {
	fields := map[string]string{}
	if errs := readFields(c.body, contactFieldsOf(c.version), fields); len(errs) > 0 {
		c.fail(errs...)
		return
	}
	defaults(contactRules, fields)
	s.mu.Lock()
	now := s.clock.Now()
	rec := &contactRecord{id: newUUID(), fields: fields, created: now, updated: now}
	s.records.contacts = append(s.records.contacts, rec)
	out := s.contactJSON(rec, c.version)
	s.mu.Unlock()
	c.answer(map[string]any{"Contact": out}, "Contact")
}

// contactDetail serves GET, PATCH and DELETE /addressbook/contact/{id}.
// GET adds Groups: the ids of the contact's groups.
func (s *Server) contactDetail(c *bookCall, id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec := s.records.contact(id)
	if rec == nil {
		c.notFound(id)
		return
	}
	switch c.r.Method {
	case http.MethodPatch:
		changed := maps.Clone(rec.fields)
		if errs := readFields(c.body, contactFieldsOf(c.version), changed); len(errs) > 0 {
			c.fail(errs...)
			return
		}
		rec.fields, rec.updated = changed, s.clock.Now()
	case http.MethodDelete:
		s.records.contacts = slices.DeleteFunc(s.records.contacts, func(x *contactRecord) bool { return x == rec })
		for _, g := range s.records.groups {
			g.members = slices.DeleteFunc(g.members, func(m string) bool { return m == rec.id })
		}
	}
	out := s.contactJSON(rec, c.version)
	if c.r.Method == http.MethodGet || c.r.Method == http.MethodHead {
		ids := []string{}
		for _, g := range s.records.groupsOf(rec.id) {
			ids = append(ids, g.id)
		}
		out["Groups"] = ids
	}
	c.answer(map[string]any{"Contact": out}, "Contact")
}

// listContacts serves the contact list and the contact search: the
// search's EmailAddress matches whole (ignoring case), MobilePhone and
// MainPhone match digits anywhere in the number, the others text
// anywhere (ignoring case).
func (s *Server) listContacts(c *bookCall, search bool) {
	filters := map[string]string{}
	if search {
		for _, k := range []string{"EmailAddress", "MobilePhone", "MainPhone", "Attention", "FirstName", "LastName", "Company"} {
			if v, ok := c.q.get(k); ok {
				filters[k] = v
			}
		}
	}
	s.mu.Lock()
	items := []map[string]any{}
	for _, rec := range s.records.contacts {
		if contactMatches(rec, filters) {
			items = append(items, s.contactJSON(rec, c.version))
		}
	}
	s.mu.Unlock()
	c.page("Contacts", items, nil)
}

func contactMatches(rec *contactRecord, filters map[string]string) bool {
	for k, want := range filters {
		got := rec.fields[k]
		switch k {
		case "EmailAddress":
			if !strings.EqualFold(strings.TrimSpace(got), want) {
				return false
			}
		case "MobilePhone", "MainPhone":
			g, _, _ := phoneDigits(got)
			w, _, _ := phoneDigits(want)
			if w == "" || !strings.Contains(g, w) {
				return false
			}
		default:
			if !strings.Contains(strings.ToLower(got), strings.ToLower(want)) {
				return false
			}
		}
	}
	return true
}

// contactGroups serves /contact/{id}/group/list: Pagination, the Contact
// and its Groups.
func (s *Server) contactGroups(c *bookCall, id string) {
	s.mu.Lock()
	rec := s.records.contact(id)
	var contact map[string]any
	items := []map[string]any{}
	if rec != nil {
		contact = s.contactJSON(rec, c.version)
		for _, g := range s.records.groupsOf(rec.id) {
			items = append(items, s.groupJSON(g, c.version))
		}
	}
	s.mu.Unlock()
	if rec == nil {
		c.notFound(id)
		return
	}
	c.page("Groups", items, map[string]any{"Contact": contact})
}

// addMember puts a contact in a group: v3.00 PATCH /contact/{id}/group
// {"GroupID"}; v2.04 POST to that path, or POST /group/{id}/contact
// {"ContactID"}. Adding a member again changes nothing. It answers
// {Group, Contact}.
func (s *Server) addMember(c *bookCall, contactID, groupID string) {
	if contactID == "" {
		contactID = strings.TrimSpace(c.body.str("ContactID"))
		if contactID == "" {
			c.fail(msgMissingContactID)
			return
		}
	}
	if groupID == "" {
		groupID = strings.TrimSpace(c.body.str("GroupID"))
		if groupID == "" {
			c.fail(msgMissingGroupID)
			return
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, g := s.records.contact(contactID), s.records.group(groupID)
	switch {
	case rec == nil:
		c.notFound(contactID)
		return
	case g == nil:
		c.notFound(groupID)
		return
	}
	if !slices.Contains(g.members, rec.id) {
		g.members = append(g.members, rec.id)
	}
	c.answer(map[string]any{"Group": s.groupJSON(g, c.version), "Contact": s.contactJSON(rec, c.version)}, "")
}

// membership serves one membership: DELETE takes the contact out of the
// group, GET (v2.04) reads it; either answers {Group, Contact}, and 404
// when the contact is not in the group.
func (s *Server) membership(c *bookCall, contactID, groupID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, g := s.records.contact(contactID), s.records.group(groupID)
	switch {
	case rec == nil:
		c.notFound(contactID)
		return
	case g == nil || !slices.Contains(g.members, rec.id):
		c.notFound(groupID)
		return
	}
	if c.r.Method == http.MethodDelete {
		g.members = slices.DeleteFunc(g.members, func(m string) bool { return m == rec.id })
	}
	c.answer(map[string]any{"Group": s.groupJSON(g, c.version), "Contact": s.contactJSON(rec, c.version)}, "")
}

func (s *Server) createGroup(c *bookCall) {
	fields := map[string]string{}
	errs := readFields(c.body, groupRules, fields)
	if fields["GroupName"] == "" {
		errs = append([]string{msgMissingGroupName}, errs...)
	}
	if len(errs) > 0 {
		c.fail(errs...)
		return
	}
	defaults(groupRules, fields)
	s.mu.Lock()
	g := &groupRecord{id: newUUID(), code: s.records.newGroupCode(fields["GroupName"]), fields: fields, created: s.clock.Now()}
	s.records.groups = append(s.records.groups, g)
	out := s.groupJSON(g, c.version)
	s.mu.Unlock()
	c.answer(map[string]any{"Group": out}, "Group")
}

// groupDetail serves GET, PATCH and DELETE /addressbook/group/{id}. A
// group's code stays when it is renamed; deleting a group keeps its
// contacts.
func (s *Server) groupDetail(c *bookCall, id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.records.group(id)
	if g == nil {
		c.notFound(id)
		return
	}
	switch c.r.Method {
	case http.MethodPatch:
		changed := maps.Clone(g.fields)
		errs := readFields(c.body, groupRules, changed)
		if changed["GroupName"] == "" {
			errs = append([]string{msgMissingGroupName}, errs...)
		}
		if len(errs) > 0 {
			c.fail(errs...)
			return
		}
		g.fields = changed
	case http.MethodDelete:
		s.records.groups = slices.DeleteFunc(s.records.groups, func(x *groupRecord) bool { return x == g })
	}
	c.answer(map[string]any{"Group": s.groupJSON(g, c.version)}, "Group")
}

func (s *Server) listGroups(c *bookCall) {
	s.mu.Lock()
	items := []map[string]any{}
	for _, g := range s.records.groups {
		items = append(items, s.groupJSON(g, c.version))
	}
	s.mu.Unlock()
	c.page("Groups", items, nil)
}

// groupContacts serves /group/{id}/contact/list: Pagination, the Group
// and its Contacts in the order they were added.
func (s *Server) groupContacts(c *bookCall, id string) {
	s.mu.Lock()
	g := s.records.group(id)
	var group map[string]any
	items := []map[string]any{}
	if g != nil {
		group = s.groupJSON(g, c.version)
		for _, m := range g.members {
			if rec := s.records.contact(m); rec != nil {
				items = append(items, s.contactJSON(rec, c.version))
			}
		}
	}
	s.mu.Unlock()
	if g == nil {
		c.notFound(id)
		return
	}
	c.page("Contacts", items, map[string]any{"Group": group})
}

// resolve expands the Address Book references of an accepted send's
// recipients, in order, and marks the recipients on the opt-out list; b
// holds the message's fields (for SubAccount and Department). The caller
// holds s.mu.
//
//   - A group the Address Book holds (by GroupID, or GroupCode) becomes
//     its members, in the order they were added, each as the contact
//     below; an empty group becomes nobody.
//   - A contact the Address Book holds gets the address its channel
//     uses (contactAddressKeys: SMS, WhatsApp and RCS MobilePhone; Email
//     EmailAddress; Fax FaxNumber; TTS and Voice MainPhone, else
//     MobilePhone; Workflow the first of MobilePhone, MainPhone and
//     EmailAddress) and its Attention, Company,
//     FirstName, LastName and Custom1-Custom4 where the entry gave none;
//     without such an address it is dropped.
//   - An id the Address Book does not hold stays one recipient with an
//     empty Destination that is delivered, as TNZ documents no rejection
//     for it.
//
// When nothing is left, the send is rejected with "Error - Could not find
// any valid destination(s).".
func (rc *records) resolve(ch *channel, rs []recipient, b body) ([]recipient, []string) {
	var out []recipient
	for _, r := range rs {
		switch {
		case r.groupID != "" && rc.group(r.groupID) != nil:
			for _, id := range rc.group(r.groupID).members {
				if m, ok := rc.fromContact(ch, recipient{contactID: id, fields: r.fields}); ok {
					out = append(out, m)
				}
			}
		case r.groupID == "" && r.address == "" && r.contactID != "" && rc.contact(r.contactID) != nil:
			if m, ok := rc.fromContact(ch, r); ok {
				out = append(out, m)
			}
		default:
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return nil, []string{msgNoValidDestinations}
	}
	for i := range out {
		out[i].blacklisted = rc.blacklisted(ch, out[i], b.str("SubAccount"), b.str("Department"))
	}
	return out, nil
}

// contactAddressKeys are the contact fields that hold each channel's
// address, in preference order.
var contactAddressKeys = map[string][]string{
	"sms": {"MobilePhone"}, "email": {"EmailAddress"}, "fax": {"FaxNumber"},
	"tts": {"MainPhone", "MobilePhone"}, "voice": {"MainPhone", "MobilePhone"},
	"whatsapp": {"MobilePhone"}, "rcs": {"MobilePhone"},
	"workflow": {"MobilePhone", "MainPhone", "EmailAddress"},
}

// contactEchoKeys are the contact fields a recipient takes for
// personalisation.
var contactEchoKeys = []string{"Attention", "Company", "FirstName", "LastName", "Custom1", "Custom2", "Custom3", "Custom4"}

// fromContact fills r, which names a contact the Address Book holds, from
// that contact; false when the contact has no address for ch.
func (rc *records) fromContact(ch *channel, r recipient) (recipient, bool) {
	c := rc.contact(r.contactID)
	out := recipient{contactID: c.id, fields: map[string]string{}}
	for _, k := range contactAddressKeys[ch.name] {
		if a, ok := ch.address(c.fields[k]); ok {
			out.address = a
			break
		}
	}
	if out.address == "" {
		return recipient{}, false
	}
	for _, k := range contactEchoKeys {
		if v := c.fields[k]; v != "" {
			out.fields[k] = v
		}
	}
	maps.Copy(out.fields, r.fields)
	return out, true
}
