package sandbox

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// book makes an Address Book or opt-out call with the default token and
// returns the status and the decoded object.
func (f *fixture) book(t *testing.T, method, path, body string) (int, map[string]any) {
	t.Helper()
	return f.bookAs(t, DefaultToken, method, path, body)
}

func (f *fixture) bookAs(t *testing.T, token, method, path, body string) (int, map[string]any) {
	t.Helper()
	hdr := map[string]string{"Authorization": "Bearer " + token}
	if strings.HasPrefix(path, "/api/v2.04/") {
		hdr["Authorization"] = "Basic " + token
	}
	if body != "" {
		hdr["Content-Type"] = "application/json"
	}
	code, _, b := f.do(t, method, path, body, hdr)
	var v map[string]any
	decode(t, b, &v)
	return code, v
}

// mustBook is book that requires a 200.
func (f *fixture) mustBook(t *testing.T, method, path, body string) map[string]any {
	t.Helper()
	code, v := f.book(t, method, path, body)
	if code != http.StatusOK {
		t.Fatalf("%s %s %s: %d %v", method, path, body, code, v)
	}
	return v
}

// newContact creates a contact on v3.00 and returns its id.
func (f *fixture) newContact(t *testing.T, body string) string {
	t.Helper()
	return asString(f.mustBook(t, http.MethodPost, "/api/v3.00/addressbook/contact", body)["ContactID"])
}

func (f *fixture) newGroup(t *testing.T, name string) (id, code string) {
	t.Helper()
	v := f.mustBook(t, http.MethodPost, "/api/v3.00/addressbook/group", `{"GroupName":"`+name+`"}`)
	return asString(v["GroupID"]), asString(v["GroupCode"])
}

func (f *fixture) join(t *testing.T, contactID, groupID string) {
	t.Helper()
	f.mustBook(t, http.MethodPatch, "/api/v3.00/addressbook/contact/"+contactID+"/group", `{"GroupID":"`+groupID+`"}`)
}

func errorMessages(v map[string]any) []string {
	var out []string
	for _, m := range v["ErrorMessage"].([]any) {
		out = append(out, asString(m))
	}
	return out
}

func ids(items any, key string) []string {
	var out []string
	for _, it := range items.([]any) {
		out = append(out, asString(it.(map[string]any)[key]))
	}
	return out
}

func TestContactLifecycle(t *testing.T) {
	f := newFixture(t, Options{})
	created := f.mustBook(t, http.MethodPost, "/api/v3.00/addressbook/contact",
		`{"FirstName":"Aroha","LastName":"Ngata","MobilePhone":"021 000 001","viewby":"x","Unknown":1,"Title":"dr"}`)
	id := asString(created["ContactID"])
	if len(id) != 36 {
		t.Fatalf("ContactID %q is not a UUID", id)
	}
	for k, want := range map[string]string{
		"FirstName": "Aroha", "MobilePhone": "021 000 001", "EmailAddress": "", "Title": "Dr",
		"ViewBy": "Account", "EditBy": "Account", "AccessControl": "Limited", "Owner": DefaultSender,
		"Timezone": DefaultTimezone, "CreatedTimeUTC_RFC3339": "2026-03-01T09:30:00.000Z", "CreatedTimeLocal": "2026-03-01 22:30:00",
	} {
		if got := asString(created[k]); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	if _, ok := created["Unknown"]; ok {
		t.Error("an unknown key was kept")
	}

	got := f.mustBook(t, http.MethodGet, "/api/v3.00/addressbook/contact/"+id, "")
	if groups, ok := got["Groups"].([]any); !ok || len(groups) != 0 {
		t.Errorf("Groups = %v, want []", got["Groups"])
	}

	f.clock.Advance(60e9)
	patched := f.mustBook(t, http.MethodPatch, "/api/v3.00/addressbook/contact/"+id, `{"LastName":"","Company":"TNZ","FirstName":null,"ViewBy":"no"}`)
	for k, want := range map[string]string{"FirstName": "Aroha", "LastName": "", "Company": "TNZ", "ViewBy": "No",
		"UpdatedTimeUTC_RFC3339": "2026-03-01T09:31:00.000Z", "CreatedTimeUTC_RFC3339": "2026-03-01T09:30:00.000Z"} {
		if got := asString(patched[k]); got != want {
			t.Errorf("after PATCH %s = %q, want %q", k, got, want)
		}
	}

	other := f.newContact(t, `{"FirstName":"Hemi","EmailAddress":"Hemi@Example.com"}`)
	list := f.mustBook(t, http.MethodGet, "/api/v3.00/addressbook/contact/list", "")
	if got := ids(list["Contacts"], "ContactID"); !slices.Equal(got, []string{id, other}) || list["TotalRecords"] != 2.0 {
		t.Errorf("list = %v", list)
	}
	for query, want := range map[string][]string{
		"EmailAddress=hemi@example.com": {other},
		"EmailAddress=hemi@example":     nil, // whole address only
		"MobilePhone=0210":              {id},
		"MobilePhone=%2B64":             nil,
		"Company=tn":                    {id},
		"FirstName=e&LastName=":         {other},
	} {
		v := f.mustBook(t, http.MethodGet, "/api/v3.00/addressbook/contact/search?"+query, "")
		if got := ids(v["Contacts"], "ContactID"); !slices.Equal(got, want) {
			t.Errorf("search %s = %v, want %v", query, got, want)
		}
	}

	deleted := f.mustBook(t, http.MethodDelete, "/api/v3.00/addressbook/contact/"+id, "")
	if deleted["ContactID"] != id {
		t.Errorf("delete answered %v", deleted)
	}
	code, _, body := f.do(t, http.MethodGet, "/api/v3.00/addressbook/contact/"+id, "", nil)
	if want := `{"Result":"RecordNotFound","ErrorMessage":["Unable to find or access record with id '` + id + `'."]}`; code != 404 || body != want {
		t.Errorf("after delete: %d %s, want 404 %s", code, body, want)
	}
}

func TestContactChecks(t *testing.T) {
	f := newFixture(t, Options{})
	code, v := f.book(t, http.MethodPost, "/api/v3.00/addressbook/contact",
		`{"ExType":"`+strings.Repeat("x", 21)+`","ViewBy":"Everyone","Title":"Sir","MobilePhone":"call me","EmailAddress":"nobody","AccessControl":"Full"}`)
	want := []string{
		"ExType must be at most 20 characters",
		"Invalid ViewBy option - must be Account/SubAccount/Department/No",
		"Invalid AccessControl option - must be Limited/Granted",
		"Invalid Title option - must be Mr/Mrs/Ms/Miss/Dr/Prof/Hon",
		"Invalid phone number format for MobilePhone property",
		"Invalid email address format for EmailAddress property",
	}
	if code != 400 || v["Result"] != "Failed" || !slices.Equal(errorMessages(v), want) {
		t.Errorf("%d %v, want 400 with %q", code, v, want)
	}
	list := f.mustBook(t, http.MethodGet, "/api/v3.00/addressbook/contact/list", "")
	if list["TotalRecords"] != 0.0 {
		t.Errorf("a rejected contact was stored: %v", list)
	}
	// v2.04 has no AltPhone3: it is an unknown key there, so ignored.
	v2 := f.mustBook(t, http.MethodPost, "/api/v2.04/addressbook/contact", `{"AltPhone3":"not checked","DirectPhone":"09 500 6000"}`)
	if c := v2["Contact"].(map[string]any); c["DirectPhone"] != "09 500 6000" || c["AltPhone3"] != nil {
		t.Errorf("v2.04 contact %v", c)
	}
}

func TestGroupLifecycle(t *testing.T) {
	f := newFixture(t, Options{})
	id, code := f.newGroup(t, "On-call team (NZ)")
	if code != "On_call_team_NZ" {
		t.Errorf("GroupCode = %q", code)
	}
	if _, code2 := f.newGroup(t, "On call team NZ"); code2 != "On_call_team_NZ_2" {
		t.Errorf("second GroupCode = %q, want a unique one", code2)
	}
	got := f.mustBook(t, http.MethodGet, "/api/v3.00/addressbook/group/"+code, "")
	if got["GroupID"] != id || got["ViewEditBy"] != "Account" || got["AccessControl"] != "Limited" || got["SubAccount"] != "" {
		t.Errorf("group by code = %v", got)
	}
	renamed := f.mustBook(t, http.MethodPatch, "/api/v3.00/addressbook/group/"+id, `{"GroupName":"Pager","SubAccount":"Ops","ViewEditBy":"department"}`)
	if renamed["GroupName"] != "Pager" || renamed["GroupCode"] != code || renamed["SubAccount"] != "Ops" || renamed["ViewEditBy"] != "Department" {
		t.Errorf("renamed = %v", renamed)
	}
	for body, want := range map[string][]string{
		`{"GroupName":""}`: {"Missing GroupName"},
		`{"SubAccount":"` + strings.Repeat("s", 41) + `","ViewEditBy":"All"}`: {"SubAccount must be at most 40 characters", "Invalid ViewEditBy option - must be Account/SubAccount/Department/No"},
	} {
		code, v := f.book(t, http.MethodPatch, "/api/v3.00/addressbook/group/"+id, body)
		if code != 400 || !slices.Equal(errorMessages(v), want) {
			t.Errorf("PATCH %s: %d %v, want %q", body, code, v, want)
		}
	}
	if code, v := f.book(t, http.MethodPost, "/api/v3.00/addressbook/group", `{"Department":"Ops"}`); code != 400 || !slices.Equal(errorMessages(v), []string{"Missing GroupName"}) {
		t.Errorf("group without a name: %d %v", code, v)
	}
	member := f.newContact(t, `{"FirstName":"Aroha"}`)
	f.join(t, member, id)
	f.mustBook(t, http.MethodDelete, "/api/v3.00/addressbook/group/"+id, "")
	if code, _ := f.book(t, http.MethodGet, "/api/v3.00/addressbook/group/"+id, ""); code != 404 {
		t.Errorf("deleted group answered %d", code)
	}
	if code, _ := f.book(t, http.MethodGet, "/api/v3.00/addressbook/contact/"+member, ""); code != 200 {
		t.Error("deleting a group deleted its contact")
	}
}

func TestMembership(t *testing.T) {
	f := newFixture(t, Options{})
	a, b := f.newContact(t, `{"FirstName":"A"}`), f.newContact(t, `{"FirstName":"B"}`)
	g, _ := f.newGroup(t, "G")
	f.join(t, b, g)
	f.join(t, a, g)
	f.join(t, a, g) // again: no change
	v := f.mustBook(t, http.MethodGet, "/api/v3.00/addressbook/group/"+g+"/contact/list", "")
	if got := ids(v["Contacts"], "ContactID"); !slices.Equal(got, []string{b, a}) || v["Group"].(map[string]any)["GroupID"] != g {
		t.Errorf("group contacts = %v", v)
	}
	v = f.mustBook(t, http.MethodGet, "/api/v3.00/addressbook/contact/"+a+"/group/list", "")
	if got := ids(v["Groups"], "GroupID"); !slices.Equal(got, []string{g}) || v["Contact"].(map[string]any)["ContactID"] != a {
		t.Errorf("contact groups = %v", v)
	}
	if got := f.mustBook(t, http.MethodGet, "/api/v3.00/addressbook/contact/"+a, "")["Groups"]; fmt.Sprint(got) != "["+g+"]" {
		t.Errorf("contact detail Groups = %v", got)
	}
	removed := f.mustBook(t, http.MethodDelete, "/api/v3.00/addressbook/contact/"+a+"/group/"+g, "")
	if removed["Contact"].(map[string]any)["ContactID"] != a || removed["Group"].(map[string]any)["GroupID"] != g {
		t.Errorf("remove answered %v", removed)
	}
	if code, v := f.book(t, http.MethodDelete, "/api/v3.00/addressbook/contact/"+a+"/group/"+g, ""); code != 404 || v["Result"] != "RecordNotFound" {
		t.Errorf("removing again: %d %v", code, v)
	}
	for _, tc := range []struct{ path, body, want string }{
		{"/api/v3.00/addressbook/contact/" + a + "/group", `{}`, "Missing GroupID"},
		{"/api/v3.00/addressbook/contact/" + a + "/group", `{"GroupID":"nope"}`, "Unable to find or access record with id 'nope'."},
		{"/api/v3.00/addressbook/contact/nope/group", `{"GroupID":"` + g + `"}`, "Unable to find or access record with id 'nope'."},
	} {
		_, v := f.book(t, http.MethodPatch, tc.path, tc.body)
		if got := errorMessages(v); !slices.Equal(got, []string{tc.want}) {
			t.Errorf("PATCH %s %s: %v, want %q", tc.path, tc.body, got, tc.want)
		}
	}
	f.mustBook(t, http.MethodDelete, "/api/v3.00/addressbook/contact/"+b, "")
	if v := f.mustBook(t, http.MethodGet, "/api/v3.00/addressbook/group/"+g+"/contact/list", ""); v["TotalRecords"] != 0.0 {
		t.Errorf("a deleted contact is still a member: %v", v)
	}
}

func TestAddressBookV204(t *testing.T) {
	f := newFixture(t, Options{})
	c := f.mustBook(t, http.MethodPost, "/api/v2.04/addressbook/contact", `{"FirstName":"Aroha","MobilePhone":"+6421000001"}`)
	if c["Result"] != "Success" {
		t.Fatalf("create answered %v", c)
	}
	contact := c["Contact"].(map[string]any)
	id := asString(contact["ContactID"])
	if _, ok := contact["CreatedTimeUTC_RFC3339"]; ok || contact["CreatedTimeUTC"] != "2026-03-01 09:30:00" {
		t.Errorf("v2.04 times: %v", contact)
	}
	if _, ok := contact["Notes"]; ok {
		t.Error("v2.04 shows Notes, which its contact model lacks")
	}
	g := f.mustBook(t, http.MethodPost, "/api/v2.04/addressbook/group", `{"GroupName":"G"}`)["Group"].(map[string]any)
	gid := asString(g["GroupID"])
	f.mustBook(t, http.MethodPost, "/api/v2.04/addressbook/group/"+gid+"/contact", `{"ContactID":"`+id+`"}`)
	m := f.mustBook(t, http.MethodGet, "/api/v2.04/addressbook/contact/"+id+"/group/"+gid, "")
	if m["Result"] != "Success" || m["Contact"].(map[string]any)["ContactID"] != id {
		t.Errorf("membership = %v", m)
	}
	list := f.mustBook(t, http.MethodGet, "/api/v2.04/addressbook/group/"+gid+"/contact/list", "")
	if list["Result"] != "Success" || !slices.Equal(ids(list["Contacts"], "ContactID"), []string{id}) {
		t.Errorf("list = %v", list)
	}
	f.mustBook(t, http.MethodDelete, "/api/v2.04/addressbook/group/"+gid+"/contact/"+id, "")
	if code, _ := f.book(t, http.MethodGet, "/api/v2.04/addressbook/contact/"+id+"/group/"+gid, ""); code != 404 {
		t.Errorf("membership after removal: %d", code)
	}
	f.mustBook(t, http.MethodPost, "/api/v2.04/addressbook/contact/"+id+"/group", `{"GroupID":"`+gid+`"}`)
	// The same Address Book serves v3.00.
	if v := f.mustBook(t, http.MethodGet, "/api/v3.00/addressbook/group/"+gid+"/contact/list", ""); v["TotalRecords"] != 1.0 {
		t.Errorf("v3.00 sees %v", v)
	}
	// v3.00's PATCH is not v2.04's method, and v2.02 has no Address Book.
	if code, _ := f.book(t, http.MethodPatch, "/api/v2.04/addressbook/contact/"+id+"/group", `{"GroupID":"`+gid+`"}`); code != 405 {
		t.Errorf("PATCH membership on v2.04: %d, want 405", code)
	}
	if code, _ := f.book(t, http.MethodGet, "/api/v2.02/addressbook/contact/list", ""); code != 404 {
		t.Errorf("v2.02 Address Book: %d, want 404", code)
	}
	if code, _ := f.book(t, http.MethodGet, "/api/v2.04/optout/list", ""); code != 404 {
		t.Errorf("v2.04 opt-out list: %d, want 404", code)
	}
}

func TestAddressBookForbidden(t *testing.T) {
	f := newFixture(t, Options{})
	const forbidden = `{"Result":"Failed","ErrorMessage":["Unauthorized access to Addressbook API!"]}`
	for _, path := range []string{"/api/v3.00/addressbook/contact/list", "/api/v2.04/addressbook/group/list"} {
		code, _, b := f.do(t, http.MethodGet, path, "", map[string]string{"Authorization": "Bearer " + NoAddressBookToken})
		if code != 403 || b != forbidden {
			t.Errorf("%s: %d %s, want 403 %s", path, code, b, forbidden)
		}
	}
	code, _, b := f.do(t, http.MethodPost, "/api/v3.00/addressbook/contact", `{"FirstName":"A"}`,
		map[string]string{"Authorization": "Bearer " + NoAddressBookToken})
	if code != 403 || b != forbidden {
		t.Errorf("create: %d %s", code, b)
	}
	// The token is good for everything else.
	if code, _, b := f.do(t, http.MethodPost, "/api/v3.00/sms", okSMS, map[string]string{"Authorization": "Bearer " + NoAddressBookToken}); code != 200 {
		t.Errorf("send with the token: %d %s", code, b)
	}
	if code, _ := f.bookAs(t, NoAddressBookToken, http.MethodGet, "/api/v3.00/optout/list", ""); code != 200 {
		t.Errorf("opt-out list with the token: %d", code)
	}
	// Configured tokens replace the default one.
	g := newFixture(t, Options{Tokens: []string{"mine"}})
	if code, _, _ := g.do(t, http.MethodGet, "/api/v3.00/addressbook/contact/list", "", map[string]string{"Authorization": "Bearer " + NoAddressBookToken}); code != 401 {
		t.Errorf("default no-Address-Book token with Tokens set: %d, want 401", code)
	}
	h := newFixture(t, Options{Tokens: []string{"mine"}, NoAddressBookTokens: []string{"limited"}})
	if code, _, _ := h.do(t, http.MethodGet, "/api/v3.00/addressbook/contact/list", "", map[string]string{"Authorization": "Bearer limited"}); code != 403 {
		t.Errorf("configured no-Address-Book token: %d, want 403", code)
	}
}

// A send to a group reaches exactly its members with the channel's
// address; a send to a contact its address.
func TestSendResolvesAddressBook(t *testing.T) {
	f := newFixture(t, Options{CompletionDelay: -1})
	a := f.newContact(t, `{"FirstName":"Aroha","MobilePhone":"021 000 001","EmailAddress":"aroha@example.com","MainPhone":"09 500 6000"}`)
	b := f.newContact(t, `{"FirstName":"Hemi","MobilePhone":"+6421000002"}`)
	c := f.newContact(t, `{"FirstName":"Mere","EmailAddress":"mere@example.com"}`) // no phone
	outsider := f.newContact(t, `{"FirstName":"Other","MobilePhone":"+6421000009"}`)
	g, code := f.newGroup(t, "On-call")
	empty, _ := f.newGroup(t, "Empty")
	for _, m := range []string{a, b, c} {
		f.join(t, m, g)
	}
	_ = outsider
	dests := func(id string) []string {
		var out []string
		for _, r := range f.srv.Recipients(id) {
			out = append(out, r.Destination+"|"+r.ContactID)
		}
		return out
	}
	for _, tc := range []struct {
		name, ch, body string
		want           []string
	}{
		{"sms to a GroupID", "sms", `{"Message":"Kia ora [[FirstName]]","Destinations":[{"GroupID":"` + g + `"}]}`,
			[]string{"+6421000001|" + a, "+6421000002|" + b}},
		{"sms to a GroupCode", "sms", `{"Message":"hi","Destinations":[{"GroupCode":"` + code + `"}]}`,
			[]string{"+6421000001|" + a, "+6421000002|" + b}},
		{"sms to a top-level GroupID and a number", "sms", `{"Message":"hi","GroupID":"` + g + `","Destination":"+6421000005"}`,
			[]string{"+6421000005|", "+6421000001|" + a, "+6421000002|" + b}},
		{"email to the group", "email", `{"MessagePlain":"hi","Destinations":[{"GroupID":"` + g + `"}]}`,
			[]string{"aroha@example.com|" + a, "mere@example.com|" + c}},
		{"tts prefers MainPhone", "tts", `{"MessageToPeople":"hi","Destinations":[{"GroupID":"` + g + `"}]}`,
			[]string{"+6495006000|" + a, "+6421000002|" + b}},
		{"sms to a contact", "sms", `{"Message":"hi","Destinations":[{"ContactID":"` + b + `"}]}`,
			[]string{"+6421000002|" + b}},
		{"an unknown group stays one recipient", "sms", `{"Message":"hi","Destinations":[{"GroupID":"4000000b-f002-4007-b00a-c00000000002"}]}`,
			[]string{"|"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			id := f.mustSendTo(t, tc.ch, tc.body)
			if got := dests(id); !slices.Equal(got, tc.want) {
				t.Errorf("recipients = %q, want %q", got, tc.want)
			}
		})
	}
	id := f.mustSend(t, `{"Message":"Kia ora [[FirstName]]","Destinations":[{"GroupID":"`+g+`"}]}`)
	st := f.status(t, id)
	if st.Count != 2 || st.Recipients[0].MessageText != "Kia ora Aroha" || st.Recipients[1].ContactID != b {
		t.Errorf("status = %+v", st)
	}
	for name, body := range map[string]string{
		"an empty group":             `{"Message":"hi","Destinations":[{"GroupID":"` + empty + `"}]}`,
		"a contact without a mobile": `{"Message":"hi","Destinations":[{"ContactID":"` + c + `"}]}`,
	} {
		code, resp := f.send(t, body)
		if code != 400 || resp != `{"Result":"Failed","ErrorMessage":["Error - Could not find any valid destination(s)."]}` {
			t.Errorf("%s: %d %s", name, code, resp)
		}
	}
}
