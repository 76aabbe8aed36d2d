package sandbox

import (
	"errors"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

var uuid4 = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

// receivedList returns GET /api/v3.00/sms/received?<query>, which must answer 200.
func (f *fixture) receivedList(t *testing.T, query string) (receivedResponse, string) {
	t.Helper()
	code, _, b := f.do(t, http.MethodGet, "/api/v3.00/sms/received?"+spaces(query), "", nil)
	if code != http.StatusOK {
		t.Fatalf("received?%s: %d %s", query, code, b)
	}
	var r receivedResponse
	decode(t, b, &r)
	return r, b
}

// spaces escapes the spaces of a query ("2026-03-01 09:30:00").
func spaces(query string) string { return strings.ReplaceAll(query, " ", "%20") }

const replySMS = `{"Message":"Reply YES","MessageID":"ask1","SubAccount":"Unit One","Department":"Alpha","Timezone":"UTC",
	"Destinations":[{"ToNumber":"021 000 001","ContactID":"cid-1"},{"ToNumber":"+6421000002"},{"ToNumber":"+6421000001"},{"ToNumber":"+6421000099"}]}`

func TestInjectReply(t *testing.T) {
	f := newFixture(t, Options{})
	id := f.mustSend(t, replySMS)
	f.clock.Advance(DefaultCompletionDelay)
	f.clock.Advance(time.Minute)
	if err := f.srv.InjectReply(id, "0064 21 000 001", "YES please"); err != nil {
		t.Fatal(err)
	}
	st, raw := f.statusOf(t, "sms", id)
	replies := st.Recipients[0].SMSReplies
	if len(replies) != 1 {
		t.Fatalf("recipient 1 has %d replies: %s", len(replies), raw)
	}
	r := replies[0]
	if !uuid4.MatchString(r.ReceivedID) || r.From != "+6421000001" || r.MessageText != "YES please" || r.Timezone != "UTC" ||
		r.ReceivedTimeUTC != "2026-03-01 09:31:02" || r.ReceivedTimeLocal != "2026-03-01 09:31:02" || r.ReceivedRFC3339 != "2026-03-01T09:31:02.000Z" {
		t.Errorf("reply = %+v", r)
	}
	// Only the first recipient with that number gets it; the others keep [].
	for i, rs := range st.Recipients[1:] {
		if rs.SMSReplies == nil || len(rs.SMSReplies) != 0 {
			t.Errorf("recipient %d replies %+v", i+2, rs.SMSReplies)
		}
	}
	if strings.Count(raw, `"SMSReplies":[]`) != 3 {
		t.Errorf("status: %s", raw)
	}

	list, body := f.receivedList(t, "timePeriod=5")
	if list.pagination != (pagination{1, 100, 1, 1}) || len(list.Messages) != 1 {
		t.Fatalf("received: %s", body)
	}
	m := list.Messages[0]
	want := receivedMessage{
		ReceivedID: r.ReceivedID, MessageID: "ask1", JobNum: st.JobNum, SubAccount: "Unit One", Department: "Alpha",
		ReceivedTimeLocal: r.ReceivedTimeLocal, ReceivedTimeUTC: r.ReceivedTimeUTC, ReceivedRFC3339: r.ReceivedRFC3339,
		From: "+6421000001", ContactID: "cid-1", MessageText: "YES please", Timezone: "UTC", Version: "v3.00",
	}
	if m != want {
		t.Errorf("received item = %+v\nwant %+v", m, want)
	}

	// A second reply is listed after the first.
	f.clock.Advance(time.Second)
	if err := f.srv.InjectReply(id, "+6421000002", "no"); err != nil {
		t.Fatal(err)
	}
	st, _ = f.statusOf(t, "sms", id)
	if len(st.Recipients[1].SMSReplies) != 1 || st.Recipients[1].SMSReplies[0].MessageText != "no" {
		t.Errorf("second reply: %+v", st.Recipients[1])
	}
	if list, _ := f.receivedList(t, "timePeriod=5"); len(list.Messages) != 2 || list.Messages[1].MessageText != "no" || list.Messages[1].ContactID != "" {
		t.Errorf("received after two replies: %+v", list.Messages)
	}
}

func TestInjectReplyErrors(t *testing.T) {
	f := newFixture(t, Options{})
	id := f.mustSend(t, replySMS)
	f.mustSendTo(t, "email", `{"MessagePlain":"hi","Destination":"a@example.com","MessageID":"mail1"}`)
	tests := []struct {
		name, id, from string
		want           string // in the error
		unknown        bool
	}{
		{"not yet delivered", id, "+6421000001", "has not been delivered to +6421000001", false},
		{"unknown id", "nope", "+6421000001", `no SMS with that MessageID: "nope"`, true},
		{"email id", "mail1", "+6421000001", "no SMS with that MessageID", true},
		{"not a recipient", id, "+6421000003", "+6421000003 is not a recipient", false},
		{"not a number", id, "someone", `"someone" is not a phone number`, false},
	}
	check := func(tt struct {
		name, id, from string
		want           string
		unknown        bool
	}) {
		t.Helper()
		err := f.srv.InjectReply(tt.id, tt.from, "hi")
		if err == nil || !strings.Contains(err.Error(), tt.want) || errors.Is(err, ErrUnknownMessage) != tt.unknown {
			t.Errorf("%s: %v, want %q (unknown %v)", tt.name, err, tt.want, tt.unknown)
		}
	}
	for _, tt := range tests {
		check(tt)
	}
	f.clock.Advance(DefaultCompletionDelay)
	check(struct {
		name, id, from string
		want           string
		unknown        bool
	}{"failed recipient", id, "+6421000099", "has not been delivered to +6421000099", false})
	if list, _ := f.receivedList(t, "timePeriod=1440"); len(list.Messages) != 0 {
		t.Errorf("refused replies were listed: %+v", list.Messages)
	}
	// Aborted recipients were not sent anything either.
	aborted := f.mustSend(t, `{"Message":"x","Destination":"+6421000005","SendTime":"2099-01-01T00:00"}`)
	f.mustAct(t, "sms", aborted, "abort", "")
	if err := f.srv.InjectReply(aborted, "+6421000005", "hi"); err == nil {
		t.Error("a reply to an aborted SMS was accepted")
	}
	// Test mode recipients count as delivered.
	testMode := f.mustSend(t, `{"Message":"x","Destination":"+6421000006","Mode":"Test"}`)
	if err := f.srv.InjectReply(testMode, "+6421000006", "hi"); err != nil {
		t.Errorf("reply to a Test mode SMS: %v", err)
	}
}

func TestInjectInbound(t *testing.T) {
	for _, tt := range []struct {
		tz, wantTZ, wantLocal string
	}{
		{"", "New Zealand", t0.In(location("Pacific/Auckland")).Format(plainLayout)},
		{"UTC", "UTC", "2026-03-01 09:30:00"},
		{"W. Australia", "W. Australia", "2026-03-01 17:30:00"},
	} {
		f := newFixture(t, Options{Timezone: tt.tz})
		f.srv.InjectInbound("021 555 0000", "STOP")
		f.srv.InjectInbound("TNZ", "not from a phone")
		list, raw := f.receivedList(t, "timePeriod=1")
		if len(list.Messages) != 2 {
			t.Fatalf("received: %s", raw)
		}
		m := list.Messages[0]
		if !uuid4.MatchString(m.ReceivedID) || m.From != "+64215550000" || m.MessageText != "STOP" || m.Timezone != tt.wantTZ ||
			m.ReceivedTimeLocal != tt.wantLocal || m.ReceivedTimeUTC != "2026-03-01 09:30:00" || m.Version != "v3.00" {
			t.Errorf("Timezone %q: inbound = %+v", tt.tz, m)
		}
		if list.Messages[1].From != "TNZ" {
			t.Errorf("a non-phone From became %q", list.Messages[1].From)
		}
		for _, key := range []string{`"MessageID"`, `"JobNum"`} {
			if strings.Contains(raw, key) {
				t.Errorf("an unmatched inbound SMS has %s: %s", key, raw)
			}
		}
		for _, key := range []string{`"SubAccount":""`, `"Department":""`, `"ContactID":""`} {
			if !strings.Contains(raw, key) {
				t.Errorf("an unmatched inbound SMS lacks %s: %s", key, raw)
			}
		}
	}
}

func TestOptionsTimezone(t *testing.T) {
	f := newFixture(t, Options{Timezone: "W. Australia"})
	st := f.status(t, f.mustSend(t, `{"Message":"hi","Destination":"+6421000001","SendTime":"2026-03-01T18:00"}`))
	if st.Timezone != "W. Australia" || st.CreatedTimeLocal != "2026-03-01 17:30:00" || st.DelayedTimeUTC != "2026-03-01 10:00:00" {
		t.Errorf("a message without Timezone did not use the user's: %+v", st)
	}
	if st := f.status(t, f.mustSend(t, `{"Message":"hi","Destination":"+6421000001","Timezone":"UTC"}`)); st.Timezone != "UTC" {
		t.Errorf("a message's own Timezone lost: %q", st.Timezone)
	}
}

func TestReceivedWindow(t *testing.T) {
	f := newFixture(t, Options{Timezone: "UTC"})
	f.srv.InjectInbound("+6421000001", "at 09:30")
	f.clock.Advance(10 * time.Minute)
	f.srv.InjectInbound("+6421000002", "at 09:40")
	f.clock.Advance(time.Hour)
	f.srv.InjectInbound("+6421000003", "at 10:40")
	f.clock.Advance(24 * time.Hour) // now: 2026-03-02 10:40

	texts := func(query string) string {
		t.Helper()
		list, _ := f.receivedList(t, query)
		var out []string
		for _, m := range list.Messages {
			out = append(out, strings.TrimPrefix(m.MessageText, "at "))
		}
		return strings.Join(out, ",")
	}
	tests := []struct{ query, want string }{
		{"timePeriod=1", ""},
		{"timePeriod=1440", "10:40"}, // both ends included
		{"TimePeriod=1440", "10:40"}, // names in any case
		{"dateFrom=2026-03-01 09:30:00&dateTo=2026-03-01 09:40:00", "09:30,09:40"},
		{"dateFrom=2026-03-01T09:31&dateTo=2026-03-02T00:00:00", "09:40,10:40"},
		{"datefrom=2026-03-01 00:00:00&DATETO=2026-03-08 00:00:00", "09:30,09:40,10:40"},
		{"timePeriod=1440&dateFrom=2026-03-01 00:00:00&dateTo=2026-03-02 00:00:00", "10:40"}, // timePeriod wins
		{"timePeriod=&dateFrom=2026-03-01 00:00:00&dateTo=2026-03-02 00:00:00", "09:30,09:40,10:40"},
	}
	for _, tt := range tests {
		if got := texts(tt.query); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.query, got, tt.want)
		}
	}

	// dateFrom/dateTo are read in the API user's Timezone.
	nz := newFixture(t, Options{})
	nz.srv.InjectInbound("+6421000001", "x") // 09:30 UTC = 22:30 NZDT
	if list, _ := nz.receivedList(t, "dateFrom=2026-03-01 22:30:00&dateTo=2026-03-01 22:30:00"); len(list.Messages) != 1 {
		t.Errorf("NZ local window: %+v", list)
	}
	if list, _ := nz.receivedList(t, "dateFrom=2026-03-01 09:00:00&dateTo=2026-03-01 10:00:00"); len(list.Messages) != 0 {
		t.Errorf("a UTC window matched in NZ: %+v", list)
	}
}

func TestReceivedRejections(t *testing.T) {
	f := newFixture(t, Options{})
	tests := []struct {
		query string
		want  []string
	}{
		{"", []string{"Missing TimePeriod or DateFrom & DateTo"}},
		{"timePeriod=", []string{"Missing TimePeriod or DateFrom & DateTo"}},
		{"dateFrom=2026-03-01 00:00:00", []string{"Missing TimePeriod or DateFrom & DateTo"}},
		{"dateTo=2026-03-01 00:00:00", []string{"Missing TimePeriod or DateFrom & DateTo"}},
		{"timePeriod=ten", []string{"TimePeriod must be a number - number of minutes"}},
		{"timePeriod=1.5", []string{"TimePeriod must be a number - number of minutes"}},
		{"timePeriod=0", []string{"Invalid TimePeriod: must be between 1 and 1440 minutes"}},
		{"timePeriod=1441", []string{"Invalid TimePeriod: must be between 1 and 1440 minutes"}},
		{"timePeriod=-5", []string{"Invalid TimePeriod: must be between 1 and 1440 minutes"}},
		{"dateFrom=yesterday&dateTo=2026-03-01 00:00:00", []string{"DateFrom/DateTo must be datetime format"}},
		{"dateFrom=2026-03-01&dateTo=2026-03-02", []string{"DateFrom/DateTo must be datetime format"}},
		{"dateFrom=2026-03-02 00:00:00&dateTo=2026-03-01 00:00:00", []string{"Invalid date range: dateFrom must not be after dateTo"}},
		{"dateFrom=2026-03-01 00:00:00&dateTo=2026-03-08 00:00:01", []string{"Invalid date range: dateFrom and dateTo must be within 7 days"}},
		{"timePeriod=0&recordsPerPage=101&page=0", []string{"Invalid TimePeriod: must be between 1 and 1440 minutes", "RecordsPerPage must be between 1 and 100", "Page must be 1 or greater"}},
	}
	for _, tt := range tests {
		code, _, b := f.do(t, http.MethodGet, "/api/v3.00/sms/received?"+spaces(tt.query), "", nil)
		if code != http.StatusBadRequest || b != failedBody(tt.want...) {
			t.Errorf("?%s: %d %s, want 400 %q", tt.query, code, b, tt.want)
		}
	}
	if code, _, b := f.do(t, http.MethodGet, "/api/v3.00/sms/received?timePeriod=5", "", map[string]string{"Authorization": ""}); code != 401 || b != body401 {
		t.Errorf("received without auth: %d %s", code, b)
	}
}

func TestReceivedPaging(t *testing.T) {
	f := newFixture(t, Options{})
	for _, text := range []string{"a", "b", "c", "d", "e"} {
		f.srv.InjectInbound("+6421000001", text)
	}
	tests := []struct {
		query string
		pg    pagination
		want  string
	}{
		{"", pagination{5, 100, 1, 1}, "abcde"},
		{"&recordsPerPage=2", pagination{5, 2, 3, 1}, "ab"},
		{"&recordsPerPage=2&page=3", pagination{5, 2, 3, 3}, "e"},
		{"&recordsPerPage=2&page=4", pagination{5, 2, 3, 4}, ""},
		{"&RecordsPerPage=5&Page=1", pagination{5, 5, 1, 1}, "abcde"},
	}
	for _, tt := range tests {
		list, raw := f.receivedList(t, "timePeriod=5"+tt.query)
		var got string
		for _, m := range list.Messages {
			got += m.MessageText
		}
		if list.pagination != tt.pg || got != tt.want || !strings.Contains(raw, `"Messages":[`) {
			t.Errorf("%s: %+v %q, want %+v %q", tt.query, list.pagination, got, tt.pg, tt.want)
		}
	}
	empty := newFixture(t, Options{})
	if _, raw := empty.receivedList(t, "timePeriod=5"); raw != `{"TotalRecords":0,"RecordsPerPage":100,"PageCount":0,"Page":1,"Messages":[]}` {
		t.Errorf("nothing received: %s", raw)
	}
}

func TestReceivedRoute(t *testing.T) {
	f := newFixture(t, Options{})
	// An SMS with MessageID "received" cannot be read at /sms/received:
	// that path is the OpenAPI file's inbound list.
	f.mustSend(t, `{"Message":"hi","Destination":"+6421000001","MessageID":"received"}`)
	code, _, b := f.do(t, http.MethodGet, "/api/v3.00/SMS/Received/?timePeriod=5", "", nil)
	if code != http.StatusOK || !strings.HasPrefix(b, `{"TotalRecords":0,`) {
		t.Errorf("/sms/received: %d %s", code, b)
	}
	if code, h, _ := f.do(t, http.MethodPost, "/api/v3.00/sms/received", "{}", nil); code != http.StatusMethodNotAllowed || h.Get("Allow") != "GET, HEAD" {
		t.Errorf("POST /sms/received: %d %q", code, h.Get("Allow"))
	}
	// Its actions still work, and on other channels "received" is an id.
	if code, b := f.act(t, "sms", "received", "abort", ""); code != http.StatusOK {
		t.Errorf("abort of the SMS with id received: %d %s", code, b)
	}
	f.mustSendTo(t, "email", `{"MessagePlain":"hi","Destination":"a@example.com","MessageID":"received"}`)
	if st, _ := f.statusOf(t, "email", "received"); st.MessageID != "received" {
		t.Errorf("/email/received: %+v", st)
	}
	if code, _, b := f.do(t, http.MethodGet, "/api/v3.00/fax/received?timePeriod=5", "", nil); code != http.StatusNotFound ||
		b != `{"Result":"RecordNotFound","MessageID":"received","ErrorMessage":["Unable to find entry."]}` {
		t.Errorf("/fax/received: %d %s", code, b)
	}
}

func TestSandboxInbound(t *testing.T) {
	f := newFixture(t, Options{})
	id := f.mustSend(t, replySMS)
	f.clock.Advance(DefaultCompletionDelay)
	noAuth := map[string]string{"Authorization": ""}
	code, _, b := f.do(t, http.MethodPost, "/sandbox/inbound", `{"From":"+6421000002","MessageText":"yes","MessageID":"`+id+`"}`, noAuth)
	var got receivedMessage
	decode(t, b, &got)
	if code != http.StatusOK || got.MessageID != id || got.From != "+6421000002" || got.MessageText != "yes" || !uuid4.MatchString(got.ReceivedID) {
		t.Fatalf("reply through /sandbox/inbound: %d %s", code, b)
	}
	if st := f.status(t, id); len(st.Recipients[1].SMSReplies) != 1 || st.Recipients[1].SMSReplies[0].ReceivedID != got.ReceivedID {
		t.Errorf("the reply is not in the status: %+v", st.Recipients[1])
	}
	// Content-Type is not required: this is for curl and the demo.
	code, _, b = f.do(t, http.MethodPost, "/sandbox/inbound", `{"From":"021 555 0000","MessageText":"hello","MessageID":null}`, map[string]string{"Content-Type": ""})
	if code != http.StatusOK || strings.Contains(b, `"MessageID"`) || !strings.Contains(b, `"From":"+64215550000"`) {
		t.Errorf("unmatched through /sandbox/inbound: %d %s", code, b)
	}
	if list, _ := f.receivedList(t, "timePeriod=5"); len(list.Messages) != 2 {
		t.Errorf("received lists %d", len(list.Messages))
	}

	tests := []struct {
		body     string
		want     int
		wantBody string
	}{
		{`{`, 400, body400},
		{`{}`, 400, failedBody("Missing From", "Missing MessageText")},
		{`{"From":"nobody","MessageText":"x"}`, 400, failedBody("Invalid From - must be a phone number")},
		{`{"From":"+6421000001","MessageText":"` + strings.Repeat("é", 1001) + `"}`, 400, failedBody("MessageText must be at most 1000 characters")},
		{`{"From":"+6421000001","MessageText":"x","MessageID":"nope"}`, 404, `{"Result":"RecordNotFound","MessageID":"nope","ErrorMessage":["Unable to find entry."]}`},
		{`{"From":"+6421000007","MessageText":"x","MessageID":"` + id + `"}`, 400, failedBody(`+6421000007 is not a recipient of SMS "` + id + `"`)},
	}
	for _, tt := range tests {
		if code, _, b := f.do(t, http.MethodPost, "/sandbox/inbound", tt.body, noAuth); code != tt.want || b != tt.wantBody {
			t.Errorf("%.60s: %d %s, want %d %s", tt.body, code, b, tt.want, tt.wantBody)
		}
	}
	if code, _, _ := f.do(t, http.MethodPost, "/sandbox/inbound", `{"From":"+6421000001","MessageText":"`+strings.Repeat("é", 1000)+`"}`, noAuth); code != http.StatusOK {
		t.Errorf("1000 characters refused: %d", code)
	}
	if code, _, _ := f.do(t, http.MethodGet, "/sandbox/inbound", "", nil); code != http.StatusMethodNotAllowed {
		t.Errorf("GET /sandbox/inbound: %d", code)
	}
	if n := f.srv.APIRequests(); n != 3 { // the send, one status read, one received list
		t.Errorf("APIRequests = %d; /sandbox/inbound must not count", n)
	}
}
