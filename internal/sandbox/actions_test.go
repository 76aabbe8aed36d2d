package sandbox

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"
)

// act sends PATCH /api/v3.00/<ch>/<id>/<action> with body (JSON when not
// empty) and returns the answer.
func (f *fixture) act(t *testing.T, ch, id, action, body string) (int, string) {
	t.Helper()
	hdr := map[string]string{}
	if body != "" {
		hdr["Content-Type"] = "application/json"
	}
	code, _, b := f.do(t, http.MethodPatch, "/api/v3.00/"+ch+"/"+id+"/"+action, body, hdr)
	return code, b
}

// mustAct is act that must answer 200; it returns the decoded answer.
func (f *fixture) mustAct(t *testing.T, ch, id, action, body string) actionResponse {
	t.Helper()
	code, b := f.act(t, ch, id, action, body)
	if code != http.StatusOK {
		t.Fatalf("PATCH %s/%s/%s %s: %d %s", ch, id, action, body, code, b)
	}
	var r actionResponse
	decode(t, b, &r)
	return r
}

// failedBody is the sandbox's 400 body for msgs.
func failedBody(msgs ...string) string {
	rec := httptest.NewRecorder()
	writeError(rec, http.StatusBadRequest, "Failed", "", msgs...)
	return rec.Body.String()
}

// inspection returns GET /sandbox/messages, decoded.
func (f *fixture) inspection(t *testing.T) []inspected {
	t.Helper()
	_, _, raw := f.do(t, http.MethodGet, "/sandbox/messages", "", nil)
	var got struct{ Messages []inspected }
	decode(t, raw, &got)
	return got.Messages
}

// actionBodies is, per channel, a valid send to one delivered and one
// failing recipient.
var actionBodies = map[string]string{
	"sms":   `{"Message":"hi","Destinations":[{"ToNumber":"+6421000001"},{"ToNumber":"+6421000099"}]`,
	"email": `{"MessagePlain":"hi","Destinations":[{"EmailAddress":"a@example.com"},{"EmailAddress":"bounce@example.com"}]`,
	"fax":   `{"Files":[{"Name":"a.pdf","Data":"QQ=="}],"Destinations":[{"ToNumber":"095006000"},{"ToNumber":"095006099"}]`,
	"tts":   `{"MessageToPeople":"hi","Destinations":[{"MainPhone":"095006000"},{"MainPhone":"095006099"}]`,
	"voice": `{"MessageToPeople":"UklGRg==","Destinations":[{"MainPhone":"095006000"},{"MainPhone":"095006099"}]`,
}

var allChannels = []string{"sms", "email", "fax", "tts", "voice"}

// sendFor sends the channel's action body with extra fields.
func (f *fixture) sendFor(t *testing.T, ch string, extra ...string) string {
	t.Helper()
	b := actionBodies[ch]
	for _, e := range extra {
		b += "," + e
	}
	return f.mustSendTo(t, ch, b+"}")
}

func TestAbortDelayed(t *testing.T) {
	for _, ch := range allChannels {
		t.Run(ch, func(t *testing.T) {
			f := newFixture(t, Options{})
			id := f.sendFor(t, ch, `"MessageID":"d1"`, `"Timezone":"UTC"`, `"SendTime":"2026-03-01T12:00"`)
			code, b := f.act(t, ch, id, "abort", "{}")
			if want := `{"ActionResult":"Success","MessageID":"d1","JobNum":"SB000001","Status":"Completed","Action":"Abort"}`; code != http.StatusOK || b != want {
				t.Fatalf("abort: %d %s, want 200 %s", code, b, want)
			}
			for _, when := range []time.Duration{0, 3 * time.Hour} {
				f.clock.Advance(when)
				st, raw := f.statusOf(t, ch, id)
				if st.JobStatus != "Completed" || st.Count != 2 || st.Complete != 2 || st.Failed != 2 || st.Success != 0 || st.Price != nil {
					t.Errorf("after abort (+%v): %s", when, raw)
				}
				if st.DelayedTimeUTC != "2026-03-01 12:00:00" {
					t.Errorf("DelayedTimeUTC %q after abort", st.DelayedTimeUTC)
				}
				for _, r := range st.Recipients {
					if r.Status != "Failed" || r.Result != "Aborted" || r.Price != nil || r.SentTimeUTC != "" || r.MessageText != "" {
						t.Errorf("aborted recipient %+v", r)
					}
				}
			}
			if code, b := f.act(t, ch, id, "abort", ""); code != http.StatusBadRequest || b != failedBody("Message has already been aborted") {
				t.Errorf("second abort: %d %s", code, b)
			}
			got := f.inspection(t)
			if len(got) != 1 || len(got[0].Actions) != 1 || got[0].Actions[0].Action != "Abort" ||
				got[0].Actions[0].At != "2026-03-01T09:30:00Z" || got[0].JobStatus != "Completed" {
				t.Errorf("inspection after abort: %+v", got)
			}
		})
	}
}

func TestAbortPendingAndCompleted(t *testing.T) {
	f := newFixture(t, Options{})
	id := f.sendFor(t, "sms")
	if r := f.mustAct(t, "sms", id, "abort", ""); r.Status != "Completed" || r.Action != "Abort" {
		t.Errorf("abort of a Pending message: %+v", r)
	}
	if st := f.status(t, id); st.Failed != 2 || st.Recipients[0].Result != "Aborted" {
		t.Errorf("aborted Pending message: %+v", st)
	}

	id = f.sendFor(t, "sms", `"MessageID":"done"`)
	f.clock.Advance(DefaultCompletionDelay)
	if code, b := f.act(t, "sms", id, "abort", "{}"); code != http.StatusBadRequest || b != failedBody("Message has already been sent and cannot be aborted") {
		t.Errorf("abort of a Completed message: %d %s", code, b)
	}
	if st := f.status(t, id); st.Success != 1 || st.Failed != 1 || st.Recipients[1].Result != "Bad Number" {
		t.Errorf("a refused abort changed the message: %+v", st)
	}

	id = f.sendFor(t, "email", `"Mode":"Test"`)
	if code, b := f.act(t, "email", id, "abort", ""); code != http.StatusBadRequest || b != failedBody("Message has already been sent and cannot be aborted") {
		t.Errorf("abort of a Test mode message: %d %s", code, b)
	}
}

func TestActionUnknownID(t *testing.T) {
	routes := map[string][]string{
		"sms": {"abort", "reschedule"}, "email": {"abort", "reschedule", "resubmit"}, "fax": {"abort", "reschedule", "resubmit"},
		"tts": {"abort", "reschedule", "resubmit", "pacing"}, "voice": {"abort", "reschedule", "resubmit", "pacing"},
	}
	f := newFixture(t, Options{})
	f.sendFor(t, "email", `"MessageID":"onemail"`)
	for ch, acts := range routes {
		for _, act := range acts {
			for _, id := range []string{"nope", "ONEMAIL"} {
				if ch == "email" && id == "onemail" {
					continue
				}
				code, _, b := f.do(t, http.MethodPatch, "/api/v3.00/"+ch+"/"+id+"/"+act, `{"SendTime":"2099-01-01T00:00","NumberOfOperators":5}`, map[string]string{"Content-Type": "application/json"})
				want := `{"Result":"RecordNotFound","MessageID":"` + id + `","ErrorMessage":["Unable to find entry."]}`
				if code != http.StatusNotFound || b != want {
					t.Errorf("%s %s/%s: %d %s, want 404 %s", act, ch, id, code, b, want)
				}
			}
		}
	}
	// The id of another channel is not this channel's.
	if code, _ := f.act(t, "sms", "onemail", "abort", ""); code != http.StatusNotFound {
		t.Errorf("an email id aborted on /sms: %d", code)
	}
}

func TestActionRouting(t *testing.T) {
	f := newFixture(t, Options{})
	f.sendFor(t, "sms", `"MessageID":"r1"`)
	tests := []struct {
		method, path string
		want         int
		wantBody     string
	}{
		{"PATCH", "/api/v3.00/sms/r1/resubmit", 404, body404},
		{"PATCH", "/api/v3.00/sms/r1/pacing", 404, body404},
		{"PATCH", "/api/v3.00/email/r1/pacing", 404, body404},
		{"PATCH", "/api/v3.00/fax/r1/pacing", 404, body404},
		{"PATCH", "/api/v3.00/sms/r1/cancel", 404, body404},
		{"PATCH", "/api/v3.00/sms/r1/abort/now", 404, body404},
		{"GET", "/api/v3.00/sms/r1/abort", 405, ""},
		{"POST", "/api/v3.00/sms/r1/reschedule", 405, ""},
		{"PATCH", "/API/V3.00/SMS/r1/ABORT/", 200, ""},
	}
	for _, tt := range tests {
		code, h, b := f.do(t, tt.method, tt.path, "", nil)
		if code != tt.want || (tt.wantBody != "" && b != tt.wantBody) {
			t.Errorf("%s %s: %d %s, want %d %s", tt.method, tt.path, code, b, tt.want, tt.wantBody)
		}
		if code == 405 && h.Get("Allow") != "PATCH" {
			t.Errorf("%s %s: Allow %q", tt.method, tt.path, h.Get("Allow"))
		}
	}
}

func TestActionRequests(t *testing.T) {
	f := newFixture(t, Options{})
	id := f.sendFor(t, "tts", `"SendTime":"2099-01-01T00:00"`)
	path := "/api/v3.00/tts/" + id + "/pacing"
	tests := []struct {
		name     string
		body     string
		hdr      map[string]string
		want     int
		wantBody string
	}{
		{"wrong token", `{"NumberOfOperators":5}`, map[string]string{"Authorization": "Bearer x", "Content-Type": "application/json"}, 401, body401},
		{"text/plain body", `{"NumberOfOperators":5}`, map[string]string{"Content-Type": "text/plain"}, 415, body415},
		{"no Content-Type with a body", `{"NumberOfOperators":5}`, nil, 415, body415},
		{"Accept excludes JSON", `{"NumberOfOperators":5}`, map[string]string{"Content-Type": "application/json", "Accept": "application/xml"}, 415, body415},
		{"malformed", `{"NumberOfOperators":`, map[string]string{"Content-Type": "application/json"}, 400, body400},
		{"array", `[]`, map[string]string{"Content-Type": "application/json"}, 400, body400},
		{"no body", ``, nil, 400, failedBody("Missing NumberOfOperators")},
		{"null", `{"NumberOfOperators":null}`, map[string]string{"Content-Type": "application/json"}, 400, failedBody("Missing NumberOfOperators")},
		{"not a number", `{"NumberOfOperators":"five"}`, map[string]string{"Content-Type": "application/json"}, 400, failedBody("NumberOfOperators must be a number")},
		{"fraction", `{"NumberOfOperators":2.5}`, map[string]string{"Content-Type": "application/json"}, 400, failedBody("NumberOfOperators must be a number")},
		{"zero", `{"NumberOfOperators":0}`, map[string]string{"Content-Type": "application/json"}, 400, failedBody("NumberOfOperators must be between 1 and 99999")},
		{"too many", `{"NumberOfOperators":100000}`, map[string]string{"Content-Type": "application/json"}, 400, failedBody("NumberOfOperators must be between 1 and 99999")},
		{"string number", `{"NumberOfOperators":"7","Unknown":1}`, map[string]string{"Content-Type": "application/json; charset=utf-8"}, 200, ""},
		{"maximum", `{"NumberOfOperators":99999}`, map[string]string{"Content-Type": "application/json"}, 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, b := f.do(t, http.MethodPatch, path, tt.body, tt.hdr)
			if code != tt.want || (tt.wantBody != "" && b != tt.wantBody) {
				t.Errorf("%d %s, want %d %s", code, b, tt.want, tt.wantBody)
			}
		})
	}
}

func TestReschedule(t *testing.T) {
	f := newFixture(t, Options{})
	// Read in the message's own Timezone: 12:00 in Perth is 04:00 UTC.
	id := f.sendFor(t, "sms", `"MessageID":"r1"`, `"Timezone":"W. Australia"`, `"SendTime":"2026-03-02T12:00"`)
	st := f.status(t, id)
	if st.JobStatus != "Delayed" || st.DelayedTimeUTC != "2026-03-02 04:00:00" || st.DelayedTimeLocal != "2026-03-02 12:00:00" ||
		st.DelayedRFC3339 != "2026-03-02T04:00:00.000Z" {
		t.Fatalf("delayed send: %+v", st)
	}
	r := f.mustAct(t, "sms", id, "reschedule", `{"SendTime":"2026-03-01T20:30:15"}`)
	if r != (actionResponse{"Success", "r1", "SB000001", "Delayed", "Reschedule"}) {
		t.Errorf("reschedule answered %+v", r)
	}
	st = f.status(t, id)
	if st.JobStatus != "Delayed" || st.DelayedTimeLocal != "2026-03-01 20:30:15" || st.DelayedTimeUTC != "2026-03-01 12:30:15" ||
		st.DelayedRFC3339 != "2026-03-01T12:30:15.000Z" || st.JobNum != "SB000001" || st.Count != 2 {
		t.Errorf("after reschedule: %+v", st)
	}
	// Later the same message is rescheduled again, with the other layouts.
	f.clock.Advance(time.Hour)
	f.mustAct(t, "sms", id, "reschedule", `{"SendTime":"2026-03-01 19:00"}`)
	if st := f.status(t, id); st.DelayedTimeUTC != "2026-03-01 11:00:00" {
		t.Errorf("second reschedule: DelayedTimeUTC %q", st.DelayedTimeUTC)
	}

	// One message, rescheduled in place.
	if n := len(f.srv.Received()); n != 1 {
		t.Errorf("Received has %d sends after rescheduling, want 1", n)
	}
	got := f.inspection(t)
	if len(got) != 1 || got[0].MessageID != "r1" || got[0].JobStatus != "Delayed" {
		t.Fatalf("inspection: %+v", got)
	}
	want := []inspectedAction{
		{Action: "Reschedule", At: "2026-03-01T09:30:00Z", SendTime: "2026-03-01T20:30:15"},
		{Action: "Reschedule", At: "2026-03-01T10:30:00Z", SendTime: "2026-03-01 19:00"},
	}
	if fmt.Sprint(got[0].Actions) != fmt.Sprint(want) {
		t.Errorf("actions %+v, want %+v", got[0].Actions, want)
	}

	// It is sent at the new time.
	f.clock.Advance(30*time.Minute - time.Second) // 10:59:59 UTC
	if st := f.status(t, id); st.JobStatus != "Delayed" {
		t.Errorf("before the new SendTime: %s", st.JobStatus)
	}
	f.clock.Advance(time.Second + DefaultCompletionDelay)
	st = f.status(t, id)
	if st.JobStatus != "Completed" || st.Success != 1 || st.Recipients[0].SentTimeUTC != "2026-03-01 11:00:02" {
		t.Errorf("after the new SendTime: %+v", st)
	}
	if code, b := f.act(t, "sms", id, "reschedule", `{"SendTime":"2026-03-05T10:00"}`); code != http.StatusBadRequest ||
		b != failedBody("Only a delayed message can be rescheduled; this one is Completed") {
		t.Errorf("reschedule of a Completed message: %d %s", code, b)
	}
}

func TestRescheduleRejections(t *testing.T) {
	f := newFixture(t, Options{})
	delayed := f.sendFor(t, "voice", `"SendTime":"2099-01-01T00:00"`)
	pending := f.sendFor(t, "voice")
	aborted := f.sendFor(t, "voice", `"SendTime":"2099-01-01T00:00"`)
	f.mustAct(t, "voice", aborted, "abort", "")
	tests := []struct {
		id, body string
		want     string
	}{
		{delayed, ``, "Missing SendTime"},
		{delayed, `{}`, "Missing SendTime"},
		{delayed, `{"SendTime":null}`, "Missing SendTime"},
		{delayed, `{"SendTime":"  "}`, "Missing SendTime"},
		{delayed, `{"SendTime":"next week"}`, "Unable to parse SendTime. Use YYYY-MM-DD hh:mm format."},
		{delayed, `{"SendTime":"2099-13-01T00:00"}`, "Unable to parse SendTime. Use YYYY-MM-DD hh:mm format."},
		{pending, `{"SendTime":"2099-01-01T00:00"}`, "Only a delayed message can be rescheduled; this one is Pending"},
		{aborted, `{"SendTime":"2099-01-01T00:00"}`, "Only a delayed message can be rescheduled; this one is Completed"},
	}
	for _, tt := range tests {
		if code, b := f.act(t, "voice", tt.id, "reschedule", tt.body); code != http.StatusBadRequest || b != failedBody(tt.want) {
			t.Errorf("reschedule %s: %d %s, want 400 %q", tt.body, code, b, tt.want)
		}
	}
	for _, m := range f.inspection(t) {
		if m.MessageID != aborted && len(m.Actions) != 0 {
			t.Errorf("a refused action was recorded: %+v", m)
		}
	}
	// A SendTime that has passed sends at once; RFC 3339 with a zone is read as written.
	r := f.mustAct(t, "voice", delayed, "reschedule", `{"SendTime":"2026-03-01T09:00:00Z"}`)
	if st, _ := f.statusOf(t, "voice", delayed); r.Status != "Pending" || st.JobStatus != "Pending" || st.DelayedTimeUTC != "2026-03-01 09:30:00" {
		t.Errorf("reschedule into the past: %+v, %+v", r, st)
	}
}

func TestResubmit(t *testing.T) {
	for _, ch := range []string{"email", "fax", "tts", "voice"} {
		t.Run(ch, func(t *testing.T) {
			f := newFixture(t, Options{})
			id := f.sendFor(t, ch, `"MessageID":"x1"`, `"Timezone":"UTC"`)
			f.clock.Advance(DefaultCompletionDelay)
			before, _ := f.statusOf(t, ch, id)
			if before.Success != 1 || before.Failed != 1 {
				t.Fatalf("before: %+v", before)
			}

			f.clock.Advance(time.Minute)
			r := f.mustAct(t, ch, id, "resubmit", "")
			if r != (actionResponse{"Success", "x1", "SB000001", "Pending", "Resubmit"}) {
				t.Errorf("resubmit answered %+v", r)
			}
			st, raw := f.statusOf(t, ch, id)
			ok, failed := st.Recipients[0], st.Recipients[1]
			if st.JobStatus != "Pending" || st.Complete != 1 || st.Success != 1 || st.Failed != 0 ||
				!reflect.DeepEqual(ok, before.Recipients[0]) || failed.Status != "Pending" || failed.SentTimeUTC != "" || failed.Result != "" {
				t.Errorf("resubmitted: %s", raw)
			}
			if st.Price == nil || before.Price == nil || *st.Price != *before.Price {
				t.Errorf("Price %v while resubmitting, want %v", st.Price, before.Price)
			}

			f.clock.Advance(DefaultCompletionDelay)
			st, raw = f.statusOf(t, ch, id)
			failed = st.Recipients[1]
			// The outcome is chosen from the recipient again, so it fails again.
			if st.JobStatus != "Completed" || st.Complete != 2 || st.Failed != 1 || !reflect.DeepEqual(st.Recipients[0], before.Recipients[0]) ||
				failed.Status != "Failed" || failed.Result != before.Recipients[1].Result || failed.SentTimeUTC != "2026-03-01 09:31:04" {
				t.Errorf("after the resubmitted round: %s", raw)
			}

			// A future SendTime delays the round; read in the message's Timezone.
			r = f.mustAct(t, ch, id, "resubmit", `{"SendTime":"2026-03-01T10:00"}`)
			st, _ = f.statusOf(t, ch, id)
			if r.Status != "Delayed" || st.JobStatus != "Delayed" || st.DelayedTimeUTC != "2026-03-01 10:00:00" {
				t.Errorf("delayed resubmit: %+v, %+v", r, st)
			}
			got := f.inspection(t)
			if len(got) != 1 || len(got[0].Actions) != 2 || got[0].Actions[0] != (inspectedAction{Action: "Resubmit", At: "2026-03-01T09:31:02Z", Resent: 1}) ||
				got[0].Actions[1] != (inspectedAction{Action: "Resubmit", At: "2026-03-01T09:31:04Z", SendTime: "2026-03-01T10:00", Resent: 1}) {
				t.Errorf("inspection: %+v", got)
			}
			if code, b := f.act(t, ch, id, "resubmit", ""); code != http.StatusBadRequest || b != failedBody("Only a completed message can be resubmitted; this one is Delayed") {
				t.Errorf("resubmit of a Delayed message: %d %s", code, b)
			}
		})
	}
}

func TestResubmitRejections(t *testing.T) {
	f := newFixture(t, Options{})
	allGood := f.mustSendTo(t, "email", `{"MessagePlain":"hi","Destination":"a@example.com"}`)
	completed := f.sendFor(t, "email")
	f.clock.Advance(DefaultCompletionDelay)
	pending := f.sendFor(t, "email")
	tests := []struct {
		id, body, want string
	}{
		{allGood, ``, "Message has no failed recipients to resubmit"},
		{pending, ``, "Only a completed message can be resubmitted; this one is Pending"},
		{completed, `{"SendTime":"soon"}`, "Unable to parse SendTime. Use YYYY-MM-DD hh:mm format."},
	}
	for _, tt := range tests {
		if code, b := f.act(t, "email", tt.id, "resubmit", tt.body); code != http.StatusBadRequest || b != failedBody(tt.want) {
			t.Errorf("resubmit %s %s: %d %s, want 400 %q", tt.id, tt.body, code, b, tt.want)
		}
	}
	testMode := f.sendFor(t, "fax", `"Mode":"Test"`)
	if code, b := f.act(t, "fax", testMode, "resubmit", ""); code != http.StatusBadRequest || b != failedBody("Message has no failed recipients to resubmit") {
		t.Errorf("resubmit of a Test mode message: %d %s", code, b)
	}
}

func TestResubmitAborted(t *testing.T) {
	f := newFixture(t, Options{})
	id := f.sendFor(t, "tts", `"SendTime":"2099-01-01T00:00"`)
	f.mustAct(t, "tts", id, "abort", "")
	// Aborted recipients are failed ones: resubmitting sends them all.
	if r := f.mustAct(t, "tts", id, "resubmit", `{"SendTime":null}`); r.Status != "Pending" {
		t.Errorf("resubmit of an aborted message: %+v", r)
	}
	f.clock.Advance(DefaultCompletionDelay)
	st, raw := f.statusOf(t, "tts", id)
	if st.JobStatus != "Completed" || st.Success != 1 || st.Failed != 1 || st.Recipients[0].Result != "Answered" {
		t.Errorf("aborted then resubmitted: %s", raw)
	}
	// An abort during a resubmitted round stops only that round's recipients.
	f.clock.Advance(time.Minute)
	f.mustAct(t, "tts", id, "resubmit", `{"SendTime":"2099-01-01T00:00"}`)
	f.mustAct(t, "tts", id, "abort", "{}")
	st, raw = f.statusOf(t, "tts", id)
	if st.JobStatus != "Completed" || st.Recipients[0].Result != "Answered" || st.Recipients[1].Result != "Aborted" {
		t.Errorf("abort of a resubmitted round: %s", raw)
	}
	var names []string
	for _, a := range f.inspection(t)[0].Actions {
		names = append(names, a.Action)
	}
	if got := strings.Join(names, ","); got != "Abort,Resubmit,Resubmit,Abort" {
		t.Errorf("actions %s", got)
	}
}

func TestPacing(t *testing.T) {
	for _, ch := range []string{"tts", "voice"} {
		t.Run(ch, func(t *testing.T) {
			f := newFixture(t, Options{})
			plain := f.sendFor(t, ch, `"MessageID":"p0"`)
			withOps := f.sendFor(t, ch, `"MessageID":"p1"`, `"NumberOfOperators":12`)
			delayed := f.sendFor(t, ch, `"MessageID":"p2"`, `"SendTime":"2099-01-01T00:00"`)
			if r := f.mustAct(t, ch, withOps, "pacing", `{"NumberOfOperators":3}`); r != (actionResponse{"Success", "p1", "SB000002", "Pending", "Pacing"}) {
				t.Errorf("pacing answered %+v", r)
			}
			if r := f.mustAct(t, ch, delayed, "pacing", `{"NumberOfOperators":"40"}`); r.Status != "Delayed" {
				t.Errorf("pacing of a Delayed message answered %+v", r)
			}
			got := f.inspection(t)
			if got[0].NumberOfOperators != 0 || got[1].NumberOfOperators != 3 || got[2].NumberOfOperators != 40 {
				t.Errorf("NumberOfOperators %d %d %d, want 0 3 40", got[0].NumberOfOperators, got[1].NumberOfOperators, got[2].NumberOfOperators)
			}
			if a := got[1].Actions; len(a) != 1 || a[0] != (inspectedAction{Action: "Pacing", At: "2026-03-01T09:30:00Z", NumberOfOperators: 3}) {
				t.Errorf("actions %+v", a)
			}
			f.clock.Advance(DefaultCompletionDelay)
			if code, b := f.act(t, ch, plain, "pacing", `{"NumberOfOperators":3}`); code != http.StatusBadRequest ||
				b != failedBody("Message has already been sent; NumberOfOperators cannot be changed") {
				t.Errorf("pacing of a Completed message: %d %s", code, b)
			}
		})
	}
	f := newFixture(t, Options{})
	f.sendFor(t, "tts", `"NumberOfOperators":12`)
	if got := f.inspection(t); got[0].NumberOfOperators != 12 {
		t.Errorf("the send's NumberOfOperators shows as %d", got[0].NumberOfOperators)
	}
}

func TestActionsTargetTheLatestMessage(t *testing.T) {
	f := newFixture(t, Options{})
	f.sendFor(t, "sms", `"MessageID":"same"`, `"SendTime":"2099-01-01T00:00"`)
	f.sendFor(t, "sms", `"MessageID":"same"`, `"SendTime":"2099-02-01T00:00"`)
	if r := f.mustAct(t, "sms", "same", "abort", ""); r.JobNum != "SB000002" {
		t.Errorf("abort hit %s, want the latest message SB000002", r.JobNum)
	}
	got := f.inspection(t)
	if got[0].JobStatus != "Delayed" || len(got[0].Actions) != 0 || got[1].JobStatus != "Completed" || len(got[1].Actions) != 1 {
		t.Errorf("inspection: %+v", got)
	}
}
