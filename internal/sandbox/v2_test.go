package sandbox

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"
)

// The v2 texts, written out again so that a typo in the implementation
// fails: the documented rejection codes, the Node SDK's client-side "Missing
// MessageID", and the sandbox's own wording where TNZ documents none.
const (
	wantMissingSender = "Missing Sender"
	wantMissingAPIKey = "Missing APIKey"
	wantSenderFormat  = "Invalid sender format"
	wantMissingData   = "Missing message data"
	wantMissingID     = "Missing MessageID"
	wantAuthFailed    = "Authentication failed"
	wantNoSMS         = "Missing or empty message"
	body401v2         = `{"Result":"Unauthorized","ErrorMessage":["Access denied: Auth Token or credentials are incorrect or have expired."]}`
)

func notFoundV2(id string) string {
	return `{"Result":"Failed","MessageID":"` + id + `","ErrorMessage":["Message(s) NOT found"]}`
}

const (
	basicAuth   = "Basic " + DefaultToken
	legacyCreds = `"Sender":"api@example.com","APIKey":"sandbox-api-key"`
)

var tokenHdr = map[string]string{"Authorization": basicAuth}

// v2 serves one request: no Authorization header unless hdr sets one, and
// Content-Type application/json when there is a body; hdr entries with an
// empty value remove a header.
func (f *fixture) v2(t *testing.T, method, path, body string, hdr map[string]string) (int, string) {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range hdr {
		if v == "" {
			req.Header.Del(k)
		} else {
			req.Header.Set(k, v)
		}
	}
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

func legacyBody(md string) string { return `{` + legacyCreds + `,"MessageData":` + md + `}` }
func tokenBody(md string) string  { return `{"MessageData":` + md + `}` }

// v2Form is one way of calling v2: a version and its credentials.
type v2Form struct {
	name, version string
	hdr           map[string]string
	legacy        bool // Sender and APIKey in the body (POST forms for non-sends)
}

func (fm v2Form) wrap(md string) string {
	if fm.legacy {
		return legacyBody(md)
	}
	return tokenBody(md)
}

var v2Forms = []v2Form{
	{"v2.04 token", "v2.04", tokenHdr, false},
	{"v2.04 legacy", "v2.04", nil, true},
	{"v2.03 token", "v2.03", tokenHdr, false},
	{"v2.02 legacy", "v2.02", nil, true},
	{"v2.01 legacy", "v2.01", nil, true},
}

var (
	tokenForm  = v2Forms[0]
	legacyForm = v2Forms[3]
)

// v2Bodies are, per channel, v2 MessageData (as the v2 SDKs write it) to
// one delivered and one failing recipient.
var v2Bodies = map[string]string{
	"sms":   `{"Message":"hi [[FirstName]]","Destinations":[{"Recipient":"+6421000001","FirstName":"Ann"},{"Recipient":"+6421000099"}]}`,
	"email": `{"EmailSubject":"s","MessagePlain":"hi","Destinations":[{"Recipient":"a@example.com"},{"Recipient":"bounce@example.com"}]}`,
	"fax":   `{"Files":[{"Name":"a.pdf","Data":"QQ=="}],"Destinations":[{"Recipient":"095006000"},{"Recipient":"095006099"}]}`,
	"tts":   `{"MessageToPeople":"hi","Destinations":[{"Recipient":"095006000"},{"Recipient":"095006099"}]}`,
	"voice": `{"MessageToPeople":"UklGRg==","Destinations":[{"Recipient":"095006000"},{"Recipient":"095006099"}]}`,
}

// v2Results are each channel's delivered and failed Result and price.
var v2Results = map[string][3]string{
	"sms":   {"Delivered", "Bad Number", "0.10"},
	"email": {"250 OK", "550 Mailbox unavailable", "0.05"},
	"fax":   {"SentOK", "Busy", "0.30"},
	"tts":   {"Answered", "No Answer", "0.40"},
	"voice": {"Answered", "No Answer", "0.40"},
}

// sendV2 posts md in form fm to /send/<ch> and returns the answer.
func (f *fixture) sendV2(t *testing.T, fm v2Form, ch, md string) (int, string) {
	t.Helper()
	return f.v2(t, http.MethodPost, "/api/"+fm.version+"/send/"+ch, fm.wrap(md), fm.hdr)
}

// mustSendV2 is sendV2 that must be accepted; it checks the v2 answer's
// exact shape and returns the MessageID.
func (f *fixture) mustSendV2(t *testing.T, fm v2Form, ch, md string) string {
	t.Helper()
	code, b := f.sendV2(t, fm, ch, md)
	var r struct{ Result, MessageID string }
	if code == http.StatusOK {
		decode(t, b, &r)
	}
	if code != http.StatusOK || r.Result != "Success" || r.MessageID == "" || b != `{"Result":"Success","MessageID":"`+r.MessageID+`"}` {
		t.Fatalf("v2 send %s to %s (%s): %d %s", md, ch, fm.name, code, b)
	}
	return r.MessageID
}

// statusV2 asks for id's status in form fm (GET /get/status/{id} with the
// header, or POST /get/status with Sender, APIKey and MessageID); path
// "sms/reply" asks for the replies instead.
func (f *fixture) statusV2(t *testing.T, fm v2Form, path, id string) (int, string) {
	t.Helper()
	if fm.legacy {
		return f.v2(t, http.MethodPost, "/api/"+fm.version+"/get/"+path, `{`+legacyCreds+`,"MessageID":"`+id+`"}`, nil)
	}
	return f.v2(t, http.MethodGet, "/api/"+fm.version+"/get/"+path+"/"+id, "", fm.hdr)
}

func (f *fixture) mustStatusV2(t *testing.T, fm v2Form, id string) (v2StatusResponse, string) {
	t.Helper()
	code, b := f.statusV2(t, fm, "status", id)
	if code != http.StatusOK {
		t.Fatalf("v2 status %s (%s): %d %s", id, fm.name, code, b)
	}
	var st v2StatusResponse
	decode(t, b, &st)
	return st, b
}

// orderedKeys returns the member names of the JSON object raw, in order.
func orderedKeys(t *testing.T, raw []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("not an object: %s", raw)
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

// member returns the raw value of name in the JSON object raw.
func member(t *testing.T, raw []byte, name string) json.RawMessage {
	t.Helper()
	var m map[string]json.RawMessage
	decode(t, string(raw), &m)
	return m[name]
}

func TestV2SendAndStatusEveryChannelAndForm(t *testing.T) {
	for _, fm := range v2Forms {
		for _, ch := range allChannels {
			t.Run(fm.name+"/"+ch, func(t *testing.T) {
				f := newFixture(t, Options{})
				id := f.mustSendV2(t, fm, ch, v2Bodies[ch])
				if !uuid4.MatchString(id) {
					t.Errorf("generated MessageID %q is not a UUIDv4", id)
				}
				got := f.srv.Received()
				if len(got) != 1 || got[0].Channel != ch || got[0].APIVersion != fm.version || got[0].MessageID != id || string(got[0].Body) != fm.wrap(v2Bodies[ch]) {
					t.Fatalf("Received() = %+v", got)
				}
				st, _ := f.mustStatusV2(t, fm, id)
				if st.Result != "Success" || st.Status != "Pending" || st.Count != 2 || st.Complete != 0 || st.Recipients[0].Status != "Pending" {
					t.Errorf("at once: %+v", st)
				}
				f.clock.Advance(DefaultCompletionDelay)
				st, _ = f.mustStatusV2(t, fm, id)
				res := v2Results[ch]
				r0, r1 := st.Recipients[0], st.Recipients[1]
				if st.Status != "Completed" || st.Success != 1 || st.Failed != 1 || st.Price == nil || *st.Price != res[2] ||
					r0.Status != "Success" || r0.Result != res[0] || r1.Status != "Failed" || r1.Result != res[1] ||
					r0.SentTimeUTC != "2026-03-01 09:30:02" {
					t.Errorf("completed: %+v", st)
				}
				if wantText := map[bool]string{true: "hi Ann", false: ""}[ch == "sms"]; r0.MessageText != wantText {
					t.Errorf("MessageText = %q, want %q", r0.MessageText, wantText)
				}
				// One model of messages: v3 reads what v2 sent.
				if v3, _ := f.statusOf(t, ch, id); v3.JobStatus != "Completed" || v3.Success != 1 || v3.JobNum != st.JobNum {
					t.Errorf("v3 status of a v2 message: %+v", v3)
				}
			})
		}
	}
}

func TestV2ReadsV3Messages(t *testing.T) {
	f := newFixture(t, Options{})
	id := f.sendFor(t, "email", `"MessageID":"v3msg"`)
	f.clock.Advance(DefaultCompletionDelay)
	st, _ := f.mustStatusV2(t, tokenForm, id)
	if st.MessageID != "v3msg" || st.Status != "Completed" || st.Recipients[1].Result != "550 Mailbox unavailable" {
		t.Errorf("v2 status of a v3 message: %+v", st)
	}
	// The latest message with the id on any channel.
	f.mustSendV2(t, tokenForm, "tts", `{"MessageID":"v3msg","MessageToPeople":"hi","Destinations":[{"Recipient":"095006000"}]}`)
	if st, _ := f.mustStatusV2(t, legacyForm, id); st.Count != 1 || st.Recipients[0].Type != "Voice" {
		t.Errorf("v2 status did not find the latest message: %+v", st)
	}
	if st, _ := f.statusOf(t, "email", id); st.Count != 2 {
		t.Errorf("v3 email status lost its message: %+v", st)
	}
}

func TestV2StatusShape(t *testing.T) {
	f := newFixture(t, Options{})
	md := `{"MessageID":"shape1","Reference":"r","SubAccount":"S","Department":"D","TimeZone":"UTC","SendTime":"2026-03-01T10:00",
		"Message":"hi","Destinations":[{"Recipient":"+6421000001","Attention":"A","Company":"C","Custom1":"c1","Custom9":"c9"},{"Recipient":"+6421000002"},{"Recipient":"+6421000003"}]}`
	f.mustSendV2(t, tokenForm, "sms", md)
	_, raw := f.mustStatusV2(t, tokenForm, "shape1")
	wantTop := []string{"Result", "MessageID", "Status", "JobNum", "Account", "SubAccount", "Department", "Reference",
		"CreatedTimeLocal", "CreatedTimeUTC", "DelayedTimeLocal", "DelayedTimeUTC", "Timezone", "Count", "Complete", "Success",
		"Failed", "Price", "TotalRecords", "RecordsPerPage", "PageCount", "Page", "Recipients"}
	if got := orderedKeys(t, []byte(raw)); !slices.Equal(got, wantTop) {
		t.Errorf("status keys = %q\nwant %q", got, wantTop)
	}
	var st v2StatusResponse
	decode(t, raw, &st)
	if st.Status != "Delayed" || st.Account != "101202" || st.DelayedTimeUTC != "2026-03-01 10:00:00" || st.Timezone != "UTC" ||
		st.Reference != "r" || st.SubAccount != "S" || st.Department != "D" || st.Price != nil || !strings.HasPrefix(st.JobNum, "SB") {
		t.Errorf("status = %+v", st)
	}
	if strings.Contains(raw, "RFC3339") || strings.Contains(raw, "JobStatus") || strings.Contains(raw, "SMSReplies") {
		t.Errorf("v3-only fields in a v2 status: %s", raw)
	}

	f.clock.Advance(time.Hour)
	_, raw = f.mustStatusV2(t, tokenForm, "shape1")
	var recips []json.RawMessage
	decode(t, string(member(t, []byte(raw), "Recipients")), &recips)
	wantRecipient := []string{"Type", "DestSeq", "Destination", "ContactID", "Status", "Result", "SentTimeLocal", "SentTimeUTC",
		"Attention", "Company", "Custom1", "Custom2", "Custom3", "Custom4", "Custom5", "Custom6", "Custom7", "Custom8", "Custom9",
		"MessageText", "RemoteID", "Price"} // the Node SDK's RecipientDTO order (MessageText is v3's, for SMS)
	if got := orderedKeys(t, recips[0]); !slices.Equal(got, wantRecipient) {
		t.Errorf("recipient keys = %q\nwant %q", got, wantRecipient)
	}
	decode(t, raw, &st)
	r := st.Recipients[0]
	if r.Attention != "A" || r.Company != "C" || r.Custom1 != "c1" || r.Custom9 != "c9" || r.SentTimeLocal != "2026-03-01 10:00:02" || *r.Price != "0.10" {
		t.Errorf("recipient = %+v", r)
	}
	if strings.Contains(raw, "RFC3339") {
		t.Errorf("RFC 3339 fields after completion: %s", raw)
	}

	// Paging: the query on the GET form, body members on the legacy form.
	for _, c := range []struct {
		name string
		code int
		body string
	}{
		{"query", 0, ""},
		{"legacy body", 0, `{` + legacyCreds + `,"MessageID":"shape1","RecordsPerPage":1,"Page":"2"}`},
	} {
		var code int
		if c.body == "" {
			code, raw = f.v2(t, http.MethodGet, "/api/v2.04/get/status/shape1/?recordsPerPage=1&page=2", "", tokenHdr)
		} else {
			code, raw = f.v2(t, http.MethodPost, "/api/v2.04/get/status", c.body, nil)
		}
		var pg v2StatusResponse
		decode(t, raw, &pg)
		if code != http.StatusOK || pg.TotalRecords != 3 || pg.RecordsPerPage != 1 || pg.PageCount != 3 || pg.Page != 2 ||
			len(pg.Recipients) != 1 || pg.Recipients[0].DestSeq != "00000002" || pg.Count != 3 {
			t.Errorf("%s paging: %d %s", c.name, code, raw)
		}
	}
	if code, b := f.v2(t, http.MethodGet, "/api/v2.04/get/status/shape1?recordsPerPage=0&page=x", "", tokenHdr); code != http.StatusBadRequest ||
		b != failedBody("RecordsPerPage must be between 1 and 100", "Page must be a number") {
		t.Errorf("bad paging: %d %s", code, b)
	}
}

func TestV2Replies(t *testing.T) {
	f := newFixture(t, Options{})
	f.mustSendV2(t, tokenForm, "sms", `{"MessageID":"ask","TimeZone":"UTC","Message":"Reply YES","Destinations":[{"Recipient":"+6421000001"},{"Recipient":"+6421000002"}]}`)
	f.mustSendV2(t, tokenForm, "email", `{"MessageID":"mail","MessagePlain":"x","Destinations":[{"Recipient":"a@example.com"}]}`)
	f.clock.Advance(DefaultCompletionDelay)
	if err := f.srv.InjectReply("ask", "021 000 001", "YES"); err != nil {
		t.Fatal(err)
	}
	for _, fm := range []v2Form{tokenForm, legacyForm} {
		code, raw := f.statusV2(t, fm, "sms/reply", "ask")
		if code != http.StatusOK {
			t.Fatalf("%s reply: %d %s", fm.name, code, raw)
		}
		var st v2StatusResponse
		decode(t, raw, &st)
		if st.Result != "Success" || st.Status != "Completed" || len(st.Recipients) != 2 || len(st.Recipients[0].SMSReplies) != 1 ||
			st.Recipients[1].SMSReplies == nil || len(st.Recipients[1].SMSReplies) != 0 {
			t.Fatalf("%s reply: %s", fm.name, raw)
		}
		rp := st.Recipients[0].SMSReplies[0]
		if !uuid4.MatchString(rp.ReceivedID) || rp.From != "+6421000001" || rp.MessageText != "YES" || rp.Timezone != "UTC" ||
			rp.ReceivedTimeUTC != "2026-03-01 09:30:02" || rp.ReceivedTimeLocal != "2026-03-01 09:30:02" {
			t.Errorf("%s reply item = %+v", fm.name, rp)
		}
		var recips []json.RawMessage
		decode(t, string(member(t, []byte(raw), "Recipients")), &recips)
		var replies []json.RawMessage
		decode(t, string(member(t, recips[0], "SMSReplies")), &replies)
		if got, want := orderedKeys(t, replies[0]), []string{"ReceivedID", "ReceivedTimeLocal", "ReceivedTimeUTC", "Timezone", "From", "MessageText"}; !slices.Equal(got, want) {
			t.Errorf("reply keys = %q, want %q", got, want)
		}
		if strings.Contains(raw, "RFC3339") {
			t.Errorf("RFC 3339 fields in a v2 reply: %s", raw)
		}
	}
	// The status endpoint has no replies; the reply endpoint knows only SMS.
	if _, raw := f.mustStatusV2(t, tokenForm, "ask"); strings.Contains(raw, "SMSReplies") {
		t.Errorf("status shows replies: %s", raw)
	}
	if code, b := f.statusV2(t, tokenForm, "sms/reply", "mail"); code != http.StatusNotFound || b != notFoundV2("mail") {
		t.Errorf("reply of an e-mail: %d %s", code, b)
	}
}

func TestV2NotFound(t *testing.T) {
	f := newFixture(t, Options{})
	for _, c := range []struct{ method, path, body string }{
		{http.MethodGet, "/api/v2.04/get/status/nope", ""},
		{http.MethodPost, "/api/v2.02/get/status", `{` + legacyCreds + `,"MessageID":"nope"}`},
		{http.MethodGet, "/api/v2.04/get/sms/reply/nope", ""},
		{http.MethodPost, "/api/v2.04/get/sms/reply", `{` + legacyCreds + `,"MessageID":"nope"}`},
		{http.MethodPatch, "/api/v2.04/set/abort/nope", ""},
		{http.MethodPost, "/api/v2.01/set/reschedule", `{` + legacyCreds + `,"MessageID":"nope","SendTime":"2026-03-02T09:00"}`},
	} {
		if code, b := f.v2(t, c.method, c.path, c.body, tokenHdr); code != http.StatusNotFound || b != notFoundV2("nope") {
			t.Errorf("%s %s: %d %s, want 404 %s", c.method, c.path, code, b, notFoundV2("nope"))
		}
	}
}

func TestV2Routing(t *testing.T) {
	md := tokenBody(`{"Message":"hi","Destinations":[{"Recipient":"+6421000001"}]}`)
	tests := []struct {
		method, path, body string
		want               int
		wantBody           string
	}{
		{"POST", "/api/v2.04/send/sms", md, 200, ""},
		{"POST", "/API/V2.04/SEND/SMS", md, 200, ""},
		{"POST", "/api/v2.04/Send/Sms/", md, 200, ""},
		{"POST", "/api/v2.05/send/sms", md, 404, body404},
		{"POST", "/api/v2.00/send/sms", md, 404, body404},
		{"POST", "/api/v2.04/send/whatsapp", md, 404, body404},
		{"POST", "/api/v2.04/send", md, 404, body404},
		{"POST", "/api/v2.04/sms", md, 404, body404},
		{"POST", "/api/v2.04/send/sms/extra", md, 404, body404},
		{"GET", "/api/v2.04/get/result/x", "", 404, body404},
		{"GET", "/api/v2.04/get/nope/x", "", 404, body404},
		{"GET", "/api/v2.04/get/sms/x", "", 404, body404},
		{"PATCH", "/api/v2.04/set/nope/x", "", 404, body404},
		{"PATCH", "/api/v2.04/set/abort/x/y", "", 404, body404},
		{"GET", "/api/v2.04", "", 404, body404},
		{"GET", "/api/v2.04/send/sms", "", 405, ""},
		{"POST", "/api/v2.04/get/status/x", md, 405, ""},
		{"GET", "/api/v2.04/get/status", "", 405, ""},
		{"PATCH", "/api/v2.04/set/abort", "", 405, ""},
		{"POST", "/api/v2.04/set/abort/x", md, 405, ""},
		{"DELETE", "/api/v2.04/get/sms/received", "", 405, ""},
		// Routed: the lookup answers, not the router.
		{"GET", "/api/v2.04/GET/STATUS/x", "", 404, notFoundV2("x")},
		{"HEAD", "/api/v2.04/get/status/x", "", 404, notFoundV2("x")},
		{"GET", "/api/v2.04/Get/Sms/Reply/x", "", 404, notFoundV2("x")},
		{"PATCH", "/api/v2.04/SET/ABORT/x", "", 404, notFoundV2("x")},
		{"PATCH", "/api/v2.04/set/Reschedule/x", `{"SendTime":"2026-03-02T09:00"}`, 404, notFoundV2("x")},
		{"GET", "/api/v2.04/get/SMS/Received?timePeriod=5", "", 200, ""},
		{"POST", "/api/v2.04/get/sms/received", `{"TimePeriod":5}`, 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			f := newFixture(t, Options{})
			code, b := f.v2(t, tt.method, tt.path, tt.body, tokenHdr)
			if code != tt.want || tt.wantBody != "" && b != tt.wantBody {
				t.Errorf("got %d %s, want %d %s", code, b, tt.want, tt.wantBody)
			}
			if f.srv.APIRequests() != 1 {
				t.Errorf("APIRequests = %d", f.srv.APIRequests())
			}
		})
	}
	// MessageIDs in paths keep their case.
	f := newFixture(t, Options{})
	f.mustSendV2(t, tokenForm, "sms", `{"MessageID":"MiXeD","Message":"hi","Destinations":[{"Recipient":"+6421000001"}]}`)
	if code, b := f.v2(t, http.MethodGet, "/api/v2.04/get/status/mixed", "", tokenHdr); code != http.StatusNotFound {
		t.Errorf("status found a MessageID in another case: %d %s", code, b)
	}
	if code, b := f.v2(t, http.MethodGet, "/API/V2.04/GET/STATUS/MiXeD", "", tokenHdr); code != http.StatusOK {
		t.Errorf("status of MiXeD: %d %s", code, b)
	}
}

func TestV2MediaTypesAndSyntax(t *testing.T) {
	md := tokenBody(`{"Message":"hi","Destinations":[{"Recipient":"+6421000001"}]}`)
	tests := []struct {
		name, method, path, body string
		hdr                      map[string]string
		want                     int
		wantBody                 string
	}{
		{"docs' content type", "POST", "/api/v2.04/send/sms", md, map[string]string{"Content-Type": "application/json; encoding='utf-8'", "Accept": "application/json"}, 200, ""},
		{"the Node SDK's encoding header", "POST", "/api/v2.04/send/sms", md, map[string]string{"encoding": "utf-8", "User-Agent": "tnzapi-nodejs"}, 200, ""},
		{"no content type", "POST", "/api/v2.04/send/sms", md, map[string]string{"Content-Type": ""}, 415, body415},
		{"xml content type", "POST", "/api/v2.04/send/sms", md, map[string]string{"Content-Type": "application/xml"}, 415, body415},
		{"xml accept", "POST", "/api/v2.04/send/sms", md, map[string]string{"Accept": "application/xml"}, 415, body415},
		{"legacy status text/plain", "POST", "/api/v2.02/get/status", `{` + legacyCreds + `,"MessageID":"x"}`, map[string]string{"Content-Type": "text/plain"}, 415, body415},
		{"not json", "POST", "/api/v2.04/send/sms", "not json", nil, 400, body400},
		{"array", "POST", "/api/v2.04/send/sms", "[]", nil, 400, body400},
		{"two objects", "POST", "/api/v2.04/send/sms", md + "{}", nil, 400, body400},
		{"empty legacy body", "POST", "/api/v2.02/set/abort", "", map[string]string{"Content-Type": "application/json"}, 400, body400},
		{"PATCH text body", "PATCH", "/api/v2.04/set/abort/x", "x", map[string]string{"Content-Type": "text/plain"}, 415, body415},
		{"PATCH bad json", "PATCH", "/api/v2.04/set/abort/x", "{", nil, 400, body400},
		{"PATCH empty", "PATCH", "/api/v2.04/set/abort/x", "", nil, 404, notFoundV2("x")},
		{"GET non-JSON body", "GET", "/api/v2.04/get/status/x", "not json", map[string]string{"Content-Type": "text/plain", "Accept": "text/html"}, 404, notFoundV2("x")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, Options{})
			hdr := map[string]string{"Authorization": basicAuth}
			for k, v := range tt.hdr {
				hdr[k] = v
			}
			code, b := f.v2(t, tt.method, tt.path, tt.body, hdr)
			if code != tt.want || tt.wantBody != "" && b != tt.wantBody {
				t.Errorf("got %d %s, want %d %s", code, b, tt.want, tt.wantBody)
			}
			if accepted := len(f.srv.Received()) == 1; accepted != (tt.want == 200 && tt.method == "POST" && strings.Contains(tt.path, "/send/")) {
				t.Errorf("recorded %d messages", len(f.srv.Received()))
			}
		})
	}
}
