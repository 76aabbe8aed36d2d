package sandbox

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The opt-out list (v3.00): entries that block a destination, or an
// Address Book contact, on one channel, for the whole account or one
// SubAccount/Department. A send to a blocked recipient is still accepted;
// the recipient's result is "Destination is blacklisted".

// Opt-out texts: TNZ's documented unsupported-DestType text (its OpenAPI
// file, POST /optout 400 example), the .NET SDK's texts for a missing type
// or destination, and the sandbox's own for the rest.
const (
	msgUnsupportedDestType = "Unsupported DestType - Supported DestType: Fax / Text / SMS / Email / Speech / Voice."
	msgEmptyDestType       = "Empty DestType: Please specify DestType"
	msgEmptyDestination    = "Empty Destination: Please specify Destination or ContactID"
	msgDestinationAndID    = "Specify Destination or ContactID, not both"
	msgOptOutDestination   = "Invalid Destination - use a phone number in E.164 format or an e-mail address"
	msgOptOutPeriod        = "TimePeriod must be a number of days, 1 or more"
	msgOptOutRecordsRange  = "RecordsPerPage must be between 5 and 1000"
	// blacklistedResult is the Result of a recipient on the opt-out list
	// (TNZ's OpenAPI file, OptOut tag); its Status is Failed.
	blacklistedResult = "Destination is blacklisted"
)

// Opt-out list paging: TNZ's OpenAPI file allows 5-1000 records per page
// here (its TypeScript copy says at most 100), default 100.
const (
	minOptOutRecordsPerPage = 5
	maxOptOutRecordsPerPage = 1000
)

// optOutTypes maps every DestType the server accepts (ignoring case) to
// the one it keeps and answers with: SMS is Text and Voice is Speech (the
// comments in TNZ's .NET SDK on the live API).
var optOutTypes = map[string]string{
	"sms": "Text", "text": "Text", "email": "Email", "fax": "Fax", "voice": "Speech", "speech": "Speech",
}

// optOutTypeOf is the DestType that blocks a channel.
var optOutTypeOf = map[string]string{"sms": "Text", "email": "Email", "fax": "Fax", "tts": "Speech", "voice": "Speech"}

// optOutRecord is one entry. destination is kept as the channel shows
// recipients: E.164 for phone numbers, the e-mail address as given.
type optOutRecord struct {
	id                                  string
	destType, destination, contactID    string
	subAccount, department              string
	stopMessage, notes, originalMessage string
	created, updated                    time.Time
}

// optOutRules are OptOut_Object's free-text fields.
var optOutRules = []fieldRule{
	{name: "SubAccount", max: 60}, {name: "Department", max: 60},
	{name: "StopMessage", max: 1000}, {name: "Notes", max: 1000},
}

// optOutRoute resolves the paths after /api/v3.00/optout.
func (s *Server) optOutRoute(rest []string) (endpoint, bool) {
	post := []string{http.MethodPost}
	ep := func(methods []string, serve func(*bookCall)) (endpoint, bool) {
		return endpoint{methods: methods, serve: func(w http.ResponseWriter, r *http.Request) {
			b, ok := s.readRecord(w, r)
			if !ok {
				return
			}
			serve(&bookCall{w: w, r: r, version: "v3.00", body: b, q: newQuery(r.URL.Query())})
		}}, true
	}
	switch {
	case len(rest) == 0:
		return ep(post, func(c *bookCall) { s.createOptOuts(c, false) })
	case len(rest) == 1 && strings.EqualFold(rest[0], "batch"):
		return ep(post, func(c *bookCall) { s.createOptOuts(c, true) })
	case len(rest) == 1 && strings.EqualFold(rest[0], "list"):
		return ep([]string{http.MethodGet, http.MethodHead}, s.listOptOuts)
	case len(rest) == 1:
		return ep([]string{http.MethodGet, http.MethodHead, http.MethodPatch, http.MethodDelete}, func(c *bookCall) { s.optOutDetail(c, rest[0]) })
	}
	return endpoint{}, false
}

func (s *Server) optOutJSON(o *optOutRecord) map[string]any {
	out := map[string]any{
		"ID": o.id, "DestType": o.destType, "Destination": o.destination, "SubAccount": o.subAccount,
		"Department": o.department, "StopMessage": o.stopMessage, "Notes": o.notes,
		"OriginalMessage": o.originalMessage, "Timezone": s.timezone,
	}
	if o.contactID != "" { // the OpenAPI file's ContactID is a uuid: "" would not be one
		out["ContactID"] = o.contactID
	}
	s.times(out, "CreatedTime", o.created, false)
	s.times(out, "UpdatedTime", o.updated, false)
	return out
}

// readDestType reads a DestType: one for an entry, a comma list for a
// batch.
func readDestTypes(v string, many bool) ([]string, []string) {
	if blank(v) {
		return nil, []string{msgEmptyDestType}
	}
	parts := []string{v}
	if many {
		parts = strings.Split(v, ",")
	}
	var out []string
	for _, p := range parts {
		t, ok := optOutTypes[strings.ToLower(strings.TrimSpace(p))]
		if !ok {
			return nil, []string{msgUnsupportedDestType}
		}
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out, nil
}

// optOutDestination reads a Destination: a phone number (kept in E.164)
// or an e-mail address, at most 60 characters.
func optOutDestination(v string) (string, bool) {
	v = strings.TrimSpace(v)
	if len(v) > 60 {
		return "", false
	}
	if a, ok := e164(v); ok {
		return a, true
	}
	return emailAddress(v)
}

// createOptOuts serves POST /optout (one entry) and POST /optout/batch
// (every DestType for every Destination, Destinations[], ContactID and
// ContactIDs[]). Both answer OptOut_Detail of the first entry made, as
// TNZ's OpenAPI file documents for both.
func (s *Server) createOptOuts(c *bookCall, batch bool) {
	types, errs := readDestTypes(c.body.str("DestType"), batch)
	var dests, contacts []string
	if d := c.body.str("Destination"); !blank(d) {
		dests = append(dests, d)
	}
	if id := c.body.str("ContactID"); !blank(id) {
		contacts = append(contacts, strings.TrimSpace(id))
	}
	if batch {
		for _, d := range c.body.list("Destinations") {
			if v := asString(d); !blank(v) {
				dests = append(dests, v)
			}
		}
		for _, id := range c.body.list("ContactIDs") {
			if v := asString(id); !blank(v) {
				contacts = append(contacts, strings.TrimSpace(v))
			}
		}
	}
	switch {
	case len(dests) == 0 && len(contacts) == 0:
		errs = append(errs, msgEmptyDestination)
	case !batch && len(dests) > 0 && len(contacts) > 0:
		errs = append(errs, msgDestinationAndID)
	}
	var normalised []string
	for _, d := range dests {
		a, ok := optOutDestination(d)
		if !ok {
			errs = append(errs, msgOptOutDestination)
			break
		}
		normalised = append(normalised, a)
	}
	fields := map[string]string{}
	errs = append(errs, readFields(c.body, optOutRules, fields)...)
	if len(errs) > 0 {
		c.fail(errs...)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, id := range contacts {
		if s.records.contact(id) == nil {
			c.notFound(id)
			return
		}
	}
	now := s.clock.Now()
	var made []map[string]any
	for _, t := range types {
		add := func(dest, contactID string) {
			o := &optOutRecord{
				id: newUUID(), destType: t, destination: dest, contactID: contactID,
				subAccount: fields["SubAccount"], department: fields["Department"],
				stopMessage: fields["StopMessage"], notes: fields["Notes"], created: now, updated: now,
			}
			s.records.optOuts = append(s.records.optOuts, o)
			made = append(made, s.optOutJSON(o))
		}
		for _, d := range normalised {
			add(d, "")
		}
		for _, id := range contacts {
			add("", id)
		}
	}
	writeJSON(c.w, http.StatusOK, made[0])
}

// optOut finds an entry by id.
func (rc *records) optOut(id string) *optOutRecord {
	for _, o := range rc.optOuts {
		if strings.EqualFold(o.id, strings.TrimSpace(id)) {
			return o
		}
	}
	return nil
}

// optOutDetail serves GET, PATCH and DELETE /optout/{id}. An unknown id
// answers TNZ's opt-out 404 (no Result). PATCH changes what the body
// gives, with a create's checks.
func (s *Server) optOutDetail(c *bookCall, id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.records.optOut(id)
	if o == nil {
		writeError(c.w, http.StatusNotFound, "", "", msgNotFound)
		return
	}
	switch c.r.Method {
	case http.MethodPatch:
		next := *o
		var errs []string
		if v := c.body.str("DestType"); !blank(v) {
			var types []string
			if types, errs = readDestTypes(v, false); len(errs) == 0 {
				next.destType = types[0]
			}
		}
		if v := c.body.str("Destination"); !blank(v) {
			a, ok := optOutDestination(v)
			if !ok {
				errs = append(errs, msgOptOutDestination)
			}
			next.destination, next.contactID = a, ""
		}
		if v := strings.TrimSpace(c.body.str("ContactID")); v != "" {
			if !blank(c.body.str("Destination")) {
				errs = append(errs, msgDestinationAndID)
			}
			next.contactID, next.destination = v, ""
		}
		fields := map[string]string{"SubAccount": o.subAccount, "Department": o.department, "StopMessage": o.stopMessage, "Notes": o.notes}
		errs = append(errs, readFields(c.body, optOutRules, fields)...)
		if len(errs) > 0 {
			c.fail(errs...)
			return
		}
		if next.contactID != o.contactID && next.contactID != "" && s.records.contact(next.contactID) == nil {
			c.notFound(next.contactID)
			return
		}
		next.subAccount, next.department, next.stopMessage, next.notes = fields["SubAccount"], fields["Department"], fields["StopMessage"], fields["Notes"]
		next.updated = s.clock.Now()
		*o = next
	case http.MethodDelete:
		s.records.optOuts = slices.DeleteFunc(s.records.optOuts, func(x *optOutRecord) bool { return x == o })
	}
	writeJSON(c.w, http.StatusOK, s.optOutJSON(o))
}

// listOptOuts serves GET /optout/list: timePeriod (days back from the
// Clock's now), destType (any accepted spelling) and contactID filter;
// recordsPerPage is 5-1000 (default 100) and page from 1.
func (s *Server) listOptOuts(c *bookCall) {
	var errs []string
	var since time.Time
	if v, ok := c.q.get("timePeriod"); ok {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			errs = append(errs, msgOptOutPeriod)
		}
		since = s.clock.Now().AddDate(0, 0, -n)
	}
	destType := ""
	if v, ok := c.q.get("destType"); ok {
		types, typeErrs := readDestTypes(v, false)
		errs = append(errs, typeErrs...)
		if len(types) > 0 {
			destType = types[0]
		}
	}
	contactID, _ := c.q.get("contactID")
	p, pagingErrs := readPagingWithin(c.q, minOptOutRecordsPerPage, maxOptOutRecordsPerPage, msgOptOutRecordsRange)
	if errs = append(errs, pagingErrs...); len(errs) > 0 {
		c.fail(errs...)
		return
	}
	s.mu.Lock()
	items := []map[string]any{}
	for _, o := range s.records.optOuts {
		if o.created.Before(since) || destType != "" && o.destType != destType ||
			contactID != "" && !strings.EqualFold(o.contactID, contactID) {
			continue
		}
		items = append(items, s.optOutJSON(o))
	}
	s.mu.Unlock()
	c.writePage(p, "OptOuts", items, nil)
}

// blacklisted reports whether r, a recipient of a message on ch with
// subAccount and department, is on the opt-out list: an entry of the
// channel's DestType names its address (phone numbers compared in
// E.164, e-mail addresses ignoring case) or its ContactID, and the
// entry's SubAccount and Department are empty or the message's. The
// caller holds s.mu.
func (rc *records) blacklisted(ch *channel, r recipient, subAccount, department string) bool {
	for _, o := range rc.optOuts {
		if o.destType != optOutTypeOf[ch.name] {
			continue
		}
		if o.subAccount != "" && !strings.EqualFold(o.subAccount, strings.TrimSpace(subAccount)) ||
			o.department != "" && !strings.EqualFold(o.department, strings.TrimSpace(department)) {
			continue
		}
		if r.address != "" && strings.EqualFold(o.destination, r.address) ||
			o.contactID != "" && strings.EqualFold(o.contactID, r.contactID) {
			return true
		}
	}
	return false
}
