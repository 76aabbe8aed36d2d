package sandbox

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

func (f *fixture) newOptOut(t *testing.T, body string) string {
	t.Helper()
	return asString(f.mustBook(t, http.MethodPost, "/api/v3.00/optout", body)["ID"])
}

func TestOptOutLifecycle(t *testing.T) {
	f := newFixture(t, Options{})
	o := f.mustBook(t, http.MethodPost, "/api/v3.00/optout", `{"DestType":"sms","Destination":"021 000 001","StopMessage":"STOP"}`)
	id := asString(o["ID"])
	for k, want := range map[string]string{"DestType": "Text", "Destination": "+6421000001", "StopMessage": "STOP", "SubAccount": "", "Timezone": DefaultTimezone} {
		if got := asString(o[k]); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	if _, ok := o["ContactID"]; ok {
		t.Error("an entry for a destination shows a ContactID")
	}
	if got := f.mustBook(t, http.MethodGet, "/api/v3.00/optout/"+id, ""); got["ID"] != id {
		t.Errorf("get = %v", got)
	}
	f.clock.Advance(time.Minute)
	p := f.mustBook(t, http.MethodPatch, "/api/v3.00/optout/"+id, `{"DestType":"SMS","Notes":"by phone","SubAccount":"Ops"}`)
	if p["Notes"] != "by phone" || p["SubAccount"] != "Ops" || p["StopMessage"] != "STOP" || p["UpdatedTimeUTC_RFC3339"] != "2026-03-01T09:31:00.000Z" {
		t.Errorf("patched = %v", p)
	}
	f.mustBook(t, http.MethodDelete, "/api/v3.00/optout/"+id, "")
	code, _, b := f.do(t, http.MethodGet, "/api/v3.00/optout/"+id, "", nil)
	if code != 404 || b != body404 {
		t.Errorf("after delete: %d %s, want 404 %s", code, b, body404)
	}
}

func TestOptOutChecks(t *testing.T) {
	f := newFixture(t, Options{})
	for _, tc := range []struct {
		body string
		code int
		want []string
	}{
		{`{"Destination":"+6421000001"}`, 400, []string{"Empty DestType: Please specify DestType"}},
		{`{"DestType":"WhatsApp","Destination":"+6421000001"}`, 400, []string{"Unsupported DestType - Supported DestType: Fax / Text / SMS / Email / Speech / Voice."}},
		{`{"DestType":"SMS"}`, 400, []string{"Empty Destination: Please specify Destination or ContactID"}},
		{`{"DestType":"SMS","Destination":"+6421000001","ContactID":"x"}`, 400, []string{"Specify Destination or ContactID, not both"}},
		{`{"DestType":"SMS","Destination":"not an address"}`, 400, []string{"Invalid Destination - use a phone number in E.164 format or an e-mail address"}},
		{`{"DestType":"SMS","Destination":"+6421000001","Notes":"` + strings.Repeat("n", 1001) + `"}`, 400, []string{"Notes must be at most 1000 characters"}},
		{`{"DestType":"Email","ContactID":"nope"}`, 404, []string{"Unable to find or access record with id 'nope'."}},
	} {
		code, v := f.book(t, http.MethodPost, "/api/v3.00/optout", tc.body)
		if code != tc.code || !slices.Equal(errorMessages(v), tc.want) {
			t.Errorf("%s: %d %v, want %d %q", tc.body, code, v, tc.code, tc.want)
		}
	}
	if v := f.mustBook(t, http.MethodGet, "/api/v3.00/optout/list", ""); v["TotalRecords"] != 0.0 {
		t.Errorf("a rejected entry was stored: %v", v)
	}
}

func TestOptOutListAndBatch(t *testing.T) {
	f := newFixture(t, Options{})
	contact := f.newContact(t, `{"EmailAddress":"a@example.com"}`)
	old := f.newOptOut(t, `{"DestType":"Voice","Destination":"+6495006000"}`)
	f.clock.Advance(10 * 24 * time.Hour)
	first := f.mustBook(t, http.MethodPost, "/api/v3.00/optout/batch",
		`{"DestType":"SMS, Email","Destination":"+6421000001","Destinations":["+6421000002"],"ContactIDs":["`+contact+`"]}`)
	if first["DestType"] != "Text" || first["Destination"] != "+6421000001" {
		t.Errorf("batch answered %v", first)
	}
	all := f.mustBook(t, http.MethodGet, "/api/v3.00/optout/list", "")
	if all["TotalRecords"] != 7.0 {
		t.Fatalf("list = %v, want the old entry and 2 types x 3 targets", all)
	}
	for query, want := range map[string]float64{
		"destType=SMS":            3,
		"destType=text":           3,
		"destType=Speech":         1,
		"contactID=" + contact:    2,
		"timePeriod=5":            6,
		"timePeriod=11":           7,
		"recordsPerPage=5&page=2": 7,
	} {
		v := f.mustBook(t, http.MethodGet, "/api/v3.00/optout/list?"+query, "")
		if v["TotalRecords"] != want {
			t.Errorf("%s: TotalRecords %v, want %v", query, v["TotalRecords"], want)
		}
		if query == "recordsPerPage=5&page=2" && len(v["OptOuts"].([]any)) != 2 {
			t.Errorf("page 2 of 5 has %d entries", len(v["OptOuts"].([]any)))
		}
	}
	if got := ids(f.mustBook(t, http.MethodGet, "/api/v3.00/optout/list?destType=voice", "")["OptOuts"], "ID"); !slices.Equal(got, []string{old}) {
		t.Errorf("voice entries %v", got)
	}
	for query, want := range map[string]string{
		"recordsPerPage=4": "RecordsPerPage must be between 5 and 1000",
		"timePeriod=0":     "TimePeriod must be a number of days, 1 or more",
		"destType=Fish":    "Unsupported DestType - Supported DestType: Fax / Text / SMS / Email / Speech / Voice.",
	} {
		if code, v := f.book(t, http.MethodGet, "/api/v3.00/optout/list?"+query, ""); code != 400 || !slices.Equal(errorMessages(v), []string{want}) {
			t.Errorf("%s: %d %v", query, code, v)
		}
	}
}

// A recipient on the opt-out list is accepted and fails with TNZ's text;
// the others are delivered.
func TestSendToOptedOutRecipient(t *testing.T) {
	f := newFixture(t, Options{CompletionDelay: -1})
	a := f.newContact(t, `{"FirstName":"Aroha","MobilePhone":"+6421000001","EmailAddress":"aroha@example.com"}`)
	b := f.newContact(t, `{"FirstName":"Hemi","MobilePhone":"021 000 002"}`)
	c := f.newContact(t, `{"FirstName":"Mere","MobilePhone":"+6421000003"}`)
	g, _ := f.newGroup(t, "On-call")
	for _, m := range []string{a, b, c} {
		f.join(t, m, g)
	}
	f.newOptOut(t, `{"DestType":"SMS","Destination":"+6421000002"}`)            // b by number
	f.newOptOut(t, `{"DestType":"Email","Destination":"+6421000001"}`)          // another channel
	f.newOptOut(t, `{"DestType":"SMS","ContactID":"`+c+`","SubAccount":"Ops"}`) // c, only in Ops

	results := func(id string) []string {
		var out []string
		for _, r := range f.status(t, id).Recipients {
			out = append(out, r.Destination+" "+r.Status+" "+r.Result)
		}
		return out
	}
	id := f.mustSend(t, `{"Message":"hi","Destinations":[{"GroupID":"`+g+`"}]}`)
	want := []string{"+6421000001 Success Delivered", "+6421000002 Failed Destination is blacklisted", "+6421000003 Success Delivered"}
	if got := results(id); !slices.Equal(got, want) {
		t.Errorf("results = %q, want %q", got, want)
	}
	st := f.status(t, id)
	if st.Failed != 1 || st.Success != 2 || st.Recipients[1].Price != nil || st.Recipients[1].SentTimeUTC != "" {
		t.Errorf("status = %+v", st)
	}
	if rs := f.srv.Recipients(id); len(rs) != 3 || !rs[1].Blacklisted || rs[0].Blacklisted {
		t.Errorf("Recipients = %+v", rs)
	}
	id = f.mustSend(t, `{"Message":"hi","SubAccount":"ops","Destinations":[{"GroupID":"`+g+`"},{"ToNumber":"021 000 002"}]}`)
	want = []string{"+6421000001 Success Delivered", "+6421000002 Failed Destination is blacklisted",
		"+6421000003 Failed Destination is blacklisted", "+6421000002 Failed Destination is blacklisted"}
	if got := results(id); !slices.Equal(got, want) {
		t.Errorf("in sub-account Ops: %q, want %q", got, want)
	}
	// Pending recipients are not yet shown as blocked.
	f2 := newFixture(t, Options{})
	f2.newOptOut(t, `{"DestType":"SMS","Destination":"+6421000001"}`)
	id = f2.mustSend(t, okSMS)
	if r := f2.status(t, id).Recipients[0]; r.Status != "Pending" || r.Result != "" {
		t.Errorf("pending recipient = %+v", r)
	}
}
