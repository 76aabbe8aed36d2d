package sandbox

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

const okSMSv2 = `{"Message":"hi","Destinations":[{"Recipient":"+6421000001"}]}`

// failedList decodes a 400 Failed answer's ErrorMessage.
func failedList(t *testing.T, code int, b string) []string {
	t.Helper()
	var got struct {
		Result       string
		ErrorMessage []string
	}
	decode(t, b, &got)
	if code != http.StatusBadRequest || got.Result != "Failed" {
		t.Errorf("got %d %s, want 400 Failed", code, b)
	}
	return got.ErrorMessage
}

// The form checks of a send's credentials and MessageData are synchronous
// and listed together; nothing is stored.
func TestV2SendFormChecks(t *testing.T) {
	md := `"MessageData":` + okSMSv2
	tests := []struct {
		name, version, auth, body string
		want                      []string
	}{
		{"nothing", "v2.04", "", `{` + md + `}`, []string{wantMissingSender}},
		{"blank Sender", "v2.04", "", `{"Sender":"  ","APIKey":"k",` + md + `}`, []string{wantMissingSender}},
		{"null Sender", "v2.02", "", `{"Sender":null,"APIKey":"k",` + md + `}`, []string{wantMissingSender}},
		{"APIKey without Sender", "v2.02", "", `{"APIKey":"k",` + md + `}`, []string{wantMissingSender}},
		{"no APIKey", "v2.02", "", `{"Sender":"api@example.com",` + md + `}`, []string{wantMissingAPIKey}},
		{"blank APIKey", "v2.04", "", `{"Sender":"api@example.com","APIKey":" ",` + md + `}`, []string{wantMissingAPIKey}},
		{"null APIKey", "v2.01", "", `{"Sender":"api@example.com","APIKey":null,` + md + `}`, []string{wantMissingAPIKey}},
		{"Sender not an e-mail", "v2.02", "", `{"Sender":"application","APIKey":"k",` + md + `}`, []string{wantSenderFormat}},
		{"Sender with two @", "v2.02", "", `{"Sender":"a@b@c","APIKey":"k",` + md + `}`, []string{wantSenderFormat}},
		{"bad Sender and no APIKey", "v2.02", "", `{"Sender":"application",` + md + `}`, []string{wantSenderFormat, wantMissingAPIKey}},
		{"Basic alone is no header", "v2.04", "Basic", `{` + md + `}`, []string{wantMissingSender}},
		{"Bearer and spaces is no header", "v2.04", "Bearer   ", `{` + md + `}`, []string{wantMissingSender}},
		{"v2.02 ignores a valid token", "v2.02", basicAuth, `{` + md + `}`, []string{wantMissingSender}},
		{"v2.01 ignores a valid token", "v2.01", basicAuth, `{` + md + `}`, []string{wantMissingSender}},

		{"no MessageData", "v2.04", basicAuth, `{}`, []string{wantMissingData}},
		{"null MessageData", "v2.04", basicAuth, `{"MessageData":null}`, []string{wantMissingData}},
		{"empty MessageData", "v2.04", basicAuth, `{"MessageData":{}}`, []string{wantMissingData}},
		{"MessageData of nulls and blanks", "v2.02", "", `{` + legacyCreds + `,"MessageData":{"Message":null,"MessageID":" "}}`, []string{wantMissingData}},
		{"MessageData a string", "v2.04", basicAuth, `{"MessageData":"hi"}`, []string{wantMissingData}},
		{"MessageData an array", "v2.04", basicAuth, `{"MessageData":[` + okSMSv2 + `]}`, []string{wantMissingData}},
		{"v3 flat body", "v2.04", basicAuth, `{"Message":"hi","Destination":"+6421000001"}`, []string{wantMissingData}},
		{"messagedata in lower case", "v2.04", basicAuth, `{"messagedata":` + okSMSv2 + `}`, []string{wantMissingData}},
		{"no credentials, no data", "v2.02", "", `{"HTTPMethod":"POST"}`, []string{wantMissingSender, wantMissingData}},
		{"bad credentials and message", "v2.02", "", `{"Sender":"x","MessageData":{"Destinations":[]}}`,
			[]string{wantSenderFormat, wantMissingAPIKey, wantNoDest, wantNoSMS}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, Options{})
			code, b := f.v2(t, http.MethodPost, "/api/"+tt.version+"/send/sms", tt.body, map[string]string{"Authorization": tt.auth})
			if got := failedList(t, code, b); !slices.Equal(got, tt.want) {
				t.Errorf("ErrorMessage = %q, want %q", got, tt.want)
			}
			if len(f.srv.Received()) != 0 {
				t.Error("a rejected send was recorded")
			}
		})
	}
}

// runV2Checks sends each case's MessageData to /api/v2.04/send/<ch> in the
// legacy form and compares the answer as runChecks does.
func runV2Checks(t *testing.T, ch string, tests []checkCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, Options{})
			code, b := f.sendV2(t, v2Forms[1], ch, tt.body)
			if tt.want == nil {
				if code != http.StatusOK || len(f.srv.Received()) != 1 {
					t.Fatalf("got %d %s, want 200", code, b)
				}
				return
			}
			if got := failedList(t, code, b); !slices.Equal(got, tt.want) {
				t.Errorf("ErrorMessage = %q, want %q", got, tt.want)
			}
			if len(f.srv.Received()) != 0 {
				t.Error("a rejected send was recorded")
			}
		})
	}
}

// Every v3 send check, with the same texts, on v2 MessageData; v2 has no
// top-level shorthands, TemplateID or v3 content synonyms.
func TestV2MessageChecks(t *testing.T) {
	const (
		sms  = `"Destinations":[{"Recipient":"+6421000001"}]`
		call = `"Destinations":[{"Recipient":"095006000"}]`
		tid  = `"TemplateID":"123e4567-e89b-12d3-a456-426614174000"`
	)
	t.Run("sms", func(t *testing.T) {
		runV2Checks(t, "sms", []checkCase{
			{"valid", okSMSv2, nil},
			{"MobileNumber entry", `{"Message":"hi","Destinations":[{"MobileNumber":"021 000 001"}]}`, nil},
			{"Address Book entries", `{"Message":"hi","Destinations":[{"ContactID":"c1"},{"GroupID":"g1"}]}`, nil},
			{"no destinations", `{"Message":"hi"}`, []string{wantNoDest}},
			{"empty Destinations", `{"Message":"hi","Destinations":[]}`, []string{wantNoDest}},
			{"v3 shorthands are unknown keys", `{"Message":"hi","Destination":"+6421000001","ToNumber":"+6421000001","ContactID":"c","GroupID":"g"}`, []string{wantNoDest}},
			{"e-mail recipient", `{"Message":"hi","Destinations":[{"Recipient":"a@example.com"}]}`, []string{wantNoValid}},
			{"no message", `{` + sms + `}`, []string{wantNoSMS}},
			{"MessageText is not Message", `{"MessageText":"hi",` + sms + `}`, []string{wantNoSMS}},
			{"TemplateID is not content", `{` + tid + `,` + sms + `}`, []string{wantNoSMS}},
			{"http webhook", `{"Message":"hi","WebhookCallbackURL":"http://example.com",` + sms + `}`, []string{wantWebhook}},
			{"https webhook", `{"Message":"hi","WebhookCallbackURL":"https://example.com","WebhookCallbackFormat":"JSON",` + sms + `}`, nil},
			{"files", `{"Message":"hi","Files":[{"Data":"QQ=="},{"Name":"b"}],` + sms + `}`, []string{wantFileName(1), wantFileData(2)}},
			{"bad MessageID", `{"Message":"hi","MessageID":"a_b",` + sms + `}`, []string{wantBadID}},
			{"everything wrong", `{"Destinations":[{"Recipient":"a@example.com"}],"WebhookCallbackURL":"ftp://x","Files":[{}],"MessageID":"a b"}`,
				[]string{wantNoValid, wantNoSMS, wantWebhook, wantFileName(1), wantFileData(1), wantBadID}},
		})
	})
	t.Run("email", func(t *testing.T) {
		const to = `"Destinations":[{"Recipient":"a@example.com"}]`
		runV2Checks(t, "email", []checkCase{
			{"MessagePlain", `{"MessagePlain":"x",` + to + `}`, nil},
			{"MessageHTML", `{"MessageHTML":"<p>x</p>",` + to + `}`, nil},
			{"EmailAddress entry", `{"MessagePlain":"x","Destinations":[{"EmailAddress":"a@example.com"}]}`, nil},
			{"v3's Message synonym", `{"Message":"x",` + to + `}`, []string{wantNoBody}},
			{"TemplateID", `{` + tid + `,` + to + `}`, []string{wantNoBody}},
			{"phone recipient", `{"MessagePlain":"x","Destinations":[{"Recipient":"+6421000001"}]}`, []string{wantNoValid}},
			{"top-level EmailAddress", `{"MessagePlain":"x","EmailAddress":"a@example.com"}`, []string{wantNoDest}},
		})
	})
	t.Run("fax", func(t *testing.T) {
		const to = `"Destinations":[{"Recipient":"095006000"}]`
		runV2Checks(t, "fax", []checkCase{
			{"Files", `{"Files":[{"Name":"a.pdf","Data":"QQ=="}],` + to + `}`, nil},
			{"Message", `{"Message":"text fax",` + to + `}`, nil},
			{"FaxNumber entry", `{"Message":"x","Destinations":[{"FaxNumber":"095006000"}]}`, nil},
			{"nothing", `{` + to + `}`, []string{wantNoFax}},
			{"TemplateID", `{` + tid + `,` + to + `}`, []string{wantNoFax}},
			{"file without data", `{"Files":[{"Name":"a.pdf"}],` + to + `}`, []string{wantFileData(1)}},
		})
	})
	for _, ch := range []string{"tts", "voice"} {
		t.Run(ch, func(t *testing.T) {
			kp := func(keypads string) string { return `{"MessageToPeople":"hi",` + call + `,"Keypads":` + keypads + `}` }
			runV2Checks(t, ch, []checkCase{
				{"valid", `{"MessageToPeople":"hi",` + call + `}`, nil},
				{"PhoneNumber entry", `{"MessageToPeople":"hi","Destinations":[{"PhoneNumber":"09 500 6000"}]}`, nil},
				{"v3's Message synonym", `{"Message":"hi",` + call + `}`, []string{wantNoPeople}},
				{"TemplateID", `{` + tid + `,` + call + `}`, []string{wantNoPeople}},
				{"answerphone message only", `{"MessageToAnswerphones":"hi",` + call + `}`, []string{wantNoPeople}},
				{"top-level MainPhone", `{"MessageToPeople":"hi","MainPhone":"095006000"}`, []string{wantNoDest}},
				{"e-mail recipient", `{"MessageToPeople":"hi","Destinations":[{"Recipient":"a@example.com"}]}`, []string{wantNoValid}},
				{"keypad PlayFile", kp(`[{"Tone":1,"PlayFile":"UklGRg=="}]`), nil},
				{"keypad Play", kp(`[{"Tone":"2","Play":"hello"}]`), nil},
				{"keypad RouteNumber", kp(`[{"Tone":3,"RouteNumber":"+64800123123"}]`), nil},
				{"keypad with the Node SDK's local File only", kp(`[{"Tone":1,"File":"/tmp/a.wav"}]`), []string{wantNoAction(1)}},
				{"keypad without tone", kp(`[{"PlayFile":"UklGRg=="}]`), []string{wantNoTone(1)}},
				{"keypad tone 10", kp(`[{"Tone":10,"PlayFile":"UklGRg=="}]`), []string{wantBadTone(1)}},
				{"keypad route of 9 digits", kp(`[{"Tone":1,"RouteNumber":"800123123"}]`), []string{wantBadRoute(1)}},
				{"keypads in order", kp(`[{"Tone":1,"PlayFile":"x"},{}]`), []string{wantNoTone(2), wantNoAction(2)}},
				{"http webhook", `{"MessageToPeople":"hi","WebhookCallbackURL":"http://x",` + call + `}`, []string{wantWebhook}},
			})
		})
	}
}

// Inputs the v2 SDKs really send are accepted and read.
func TestV2LenientInputs(t *testing.T) {
	t.Run("the Python SDK 2.4 nulls inside MessageData", func(t *testing.T) {
		f := newFixture(t, Options{})
		md := `{"MessageID":null,"Reference":null,"SendTime":null,"TimeZone":null,"SubAccount":null,"Department":null,"ChargeCode":null,
			"WebhookCallbackURL":null,"WebhookCallbackFormat":null,"ErrorEmailNotify":null,"ReportTo":null,"FromNumber":null,"SMSEmailReply":null,
			"CharacterConversion":null,"Message":"hi","Mode":null,"Destinations":[{"Recipient":"+6421000001","Company":null,"Custom1":null}],"Files":null}`
		id := f.mustSendV2(t, legacyForm, "sms", md)
		st, _ := f.mustStatusV2(t, legacyForm, id)
		if !uuid4.MatchString(id) || st.Timezone != DefaultTimezone || st.Status != "Pending" || st.Reference != "" {
			t.Errorf("status = %+v", st)
		}
	})
	t.Run("Node SDK legacy body and headers", func(t *testing.T) {
		f := newFixture(t, Options{})
		body := `{"Sender":"api@example.com","APIKey":"sandbox-api-key","MessageData":{"MessageID":"","Reference":"","WebhookCallbackURL":"",
			"WebhookCallbackFormat":"JSON","SendTime":"","TimeZone":"New Zealand","SubAccount":"","Department":"","ChargeCode":"","FromNumber":"",
			"SMSEmailReply":"","CharacterConversion":false,"Message":"hi","Mode":"","Destinations":[{"Recipient":"+6421000001"}],"Files":[],
			"HTTPMethod":"GET"},"HTTPMethod":"GET"}`
		code, b := f.v2(t, http.MethodPost, "/api/v2.04/send/sms", body, map[string]string{
			"Content-Type": "application/json", "Accept": "application/json", "encoding": "utf-8", "Authorization": "", "User-Agent": "tnzapi-nodejs"})
		if code != http.StatusOK || !strings.HasPrefix(b, `{"Result":"Success","MessageID":"`) {
			t.Fatalf("Node SDK legacy send: %d %s", code, b)
		}
		// The Node SDK's "Authorization: " header (empty when it has no token) is no header.
		code, b = f.v2(t, http.MethodPost, "/api/v2.04/send/sms", body, map[string]string{"Authorization": " "})
		if code != http.StatusOK {
			t.Errorf("blank Authorization header: %d %s", code, b)
		}
		f.clock.Advance(DefaultCompletionDelay)
		if n := len(f.srv.Notifications()); n != 0 {
			t.Errorf("%d notifications for valid credentials", n)
		}
	})
	t.Run("TimeZone and Timezone", func(t *testing.T) {
		tests := []struct {
			name, version, zones, want string
		}{
			{"v2 TimeZone", "v2.04", `"TimeZone":"UTC"`, "UTC"},
			{"v2 Timezone", "v2.04", `"Timezone":"UTC"`, "UTC"},
			{"v2 both: TimeZone wins", "v2.04", `"Timezone":"W. Australia","TimeZone":"UTC"`, "UTC"},
			{"v2 null TimeZone", "v2.04", `"TimeZone":null,"Timezone":"UTC"`, "UTC"},
			{"v3 Timezone", "v3.00", `"Timezone":"UTC"`, "UTC"},
			{"v3 TimeZone", "v3.00", `"TimeZone":"UTC"`, "UTC"},
			{"v3 both: Timezone wins", "v3.00", `"TimeZone":"W. Australia","Timezone":"UTC"`, "UTC"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				f := newFixture(t, Options{})
				fields := `"MessageID":"tz",` + tt.zones + `,"SendTime":"2026-03-02T09:00","Message":"hi"`
				var st statusResponse
				if tt.version == "v3.00" {
					f.mustSend(t, `{`+fields+`,"Destination":"+6421000001"}`)
					st, _ = f.statusOf(t, "sms", "tz")
				} else {
					f.mustSendV2(t, tokenForm, "sms", `{`+fields+`,"Destinations":[{"Recipient":"+6421000001"}]}`)
					v2, _ := f.mustStatusV2(t, tokenForm, "tz")
					st = statusResponse{Timezone: v2.Timezone, DelayedTimeUTC: v2.DelayedTimeUTC}
				}
				// The SendTime is read in the zone that won: 09:00 UTC, not Perth's 01:00 UTC.
				if st.Timezone != tt.want || st.DelayedTimeUTC != "2026-03-02 09:00:00" {
					t.Errorf("Timezone %q, DelayedTimeUTC %q; want %q and 2026-03-02 09:00:00", st.Timezone, st.DelayedTimeUTC, tt.want)
				}
			})
		}
	})
	t.Run("answerphone and ReportTo spellings", func(t *testing.T) {
		tests := []struct {
			name, version, ch, fields string
			answer                    bool
			reportTo                  string
		}{
			{"v2 MessageToAnswerphones", "v2.04", "tts", `"MessageToAnswerphones":"call back"`, true, ""},
			{"v2 MessageToAnswerPhones", "v2.04", "voice", `"MessageToAnswerPhones":"UklGRg=="`, true, ""},
			{"v3 MessageToAnswerphones", "v3.00", "tts", `"MessageToAnswerphones":"call back"`, true, ""},
			{"no answerphone message", "v2.04", "tts", `"MessageToAnswerphones":" ","MessageToAnswerPhones":null`, false, ""},
			{"not on SMS", "v2.04", "sms", `"MessageToAnswerPhones":"x"`, false, ""},
			{"v2 ErrorEmailNotify", "v2.04", "sms", `"ErrorEmailNotify":"ops@example.com"`, false, "ops@example.com"},
			{"v2 ReportTo", "v2.04", "tts", `"ReportTo":"ops@example.com"`, false, "ops@example.com"},
			{"ReportTo wins", "v2.04", "email", `"ErrorEmailNotify":"old@example.com","ReportTo":"new@example.com"`, false, "new@example.com"},
			{"v3 ErrorEmailNotify", "v3.00", "fax", `"ErrorEmailNotify":"ops@example.com"`, false, "ops@example.com"},
		}
		content := map[string]string{"sms": `"Message":"hi"`, "email": `"MessagePlain":"hi"`, "fax": `"Message":"hi"`,
			"tts": `"MessageToPeople":"hi"`, "voice": `"MessageToPeople":"UklGRg=="`}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				f := newFixture(t, Options{})
				to := map[string]string{"sms": "+6421000001", "email": "a@example.com"}[tt.ch]
				if to == "" {
					to = "095006000"
				}
				if tt.version == "v3.00" {
					f.mustSendTo(t, tt.ch, `{`+content[tt.ch]+`,`+tt.fields+`,"Destinations":[{"Recipient":"`+to+`"}]}`)
				} else {
					f.mustSendV2(t, tokenForm, tt.ch, `{`+content[tt.ch]+`,`+tt.fields+`,"Destinations":[{"Recipient":"`+to+`"}]}`)
				}
				got := f.inspection(t)
				if len(got) != 1 || got[0].AnswerPhoneMessage != tt.answer || got[0].ReportTo != tt.reportTo {
					t.Errorf("inspection = %+v, want AnswerPhoneMessage %v, ReportTo %q", got, tt.answer, tt.reportTo)
				}
			})
		}
	})
	t.Run("bodies on GET and HTTPMethod keys", func(t *testing.T) {
		f := newFixture(t, Options{})
		f.mustSendV2(t, tokenForm, "sms", `{"MessageID":"g1","SendTime":"2026-03-02T09:00","Message":"hi","Destinations":[{"Recipient":"+6421000001"}]}`)
		for _, body := range []string{`{"HTTPMethod":"GET"}`, `{"HTTPMethod":"PATCH","Sender":null}`, `not json`, `[1]`} {
			code, b := f.v2(t, http.MethodGet, "/api/v2.04/get/status/g1/?recordsPerPage=100&page=1", body, tokenHdr)
			if code != http.StatusOK || !strings.Contains(b, `"Status":"Delayed"`) {
				t.Errorf("GET with body %s: %d %s", body, code, b)
			}
		}
		// The key never changes the method: a legacy abort that says GET still aborts.
		code, b := f.v2(t, http.MethodPost, "/api/v2.02/set/abort", `{`+legacyCreds+`,"MessageID":"g1","HTTPMethod":"GET"}`, nil)
		if code != http.StatusOK || !strings.Contains(b, `"Action":"Abort"`) {
			t.Errorf("legacy abort with HTTPMethod GET: %d %s", code, b)
		}
		// Legacy credentials in a GET body are read when there is no header.
		code, b = f.v2(t, http.MethodGet, "/api/v2.04/get/status/g1", `{`+legacyCreds+`}`, nil)
		if code != http.StatusOK || !strings.Contains(b, `"Result":"Aborted"`) {
			t.Errorf("GET with legacy credentials in its body: %d %s", code, b)
		}
	})
}

// A wrong credential on a v2 send is accepted and fails afterwards, as the
// rejection table's preamble describes; a notification goes to the API
// Error Email Notify address and never contains the secret.
func TestV2DeferredAuthentication(t *testing.T) {
	const notify = "alerts@example.com"
	md := `{"MessageID":"bad1","Mode":"Test","SendTime":"2026-03-09T09:00","TimeZone":"UTC","Message":"hi",
		"Destinations":[{"Recipient":"+6421000001"},{"Recipient":"+6421000002"}]}`
	tests := []struct {
		name, version, auth, creds string
		reason, secret             string
	}{
		{"wrong token", "v2.04", "Basic wrong-token-123", "", "the auth token in the Authorization header is incorrect", "wrong-token-123"},
		{"wrong token with a SendTime", "v2.04", "Basic wrong-token-123", "", "the auth token in the Authorization header is incorrect", "wrong-token-123"},
		{"wrong token on v2.03", "v2.03", "basic wrong-token-123", "", "the auth token in the Authorization header is incorrect", "wrong-token-123"},
		{"v3's Bearer scheme", "v2.04", "Bearer " + DefaultToken, "", `is not of the form "Basic <auth token>"`, DefaultToken},
		{"token without scheme", "v2.04", DefaultToken, "", `is not of the form "Basic <auth token>"`, DefaultToken},
		{"wrong APIKey", "v2.02", "", `"Sender":"api@example.com","APIKey":"not-the-key"`, `the APIKey given for the Sender "api@example.com" is incorrect`, "not-the-key"},
		{"APIKey in another case", "v2.04", "", `"Sender":"api@example.com","APIKey":"SANDBOX-API-KEY"`, `the APIKey given for the Sender "api@example.com" is incorrect`, "SANDBOX-API-KEY"},
		{"unknown Sender", "v2.01", "", `"Sender":"someone@example.com","APIKey":"sandbox-api-key"`, `the Sender "someone@example.com" is not an API user`, "sandbox-api-key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, Options{ErrorNotifyEmail: notify})
			md := md
			if strings.Contains(tt.name, "SendTime") { // without Mode Test, which would hide a delay
				md = strings.Replace(md, `"Mode":"Test",`, "", 1)
			}
			body := `{"MessageData":` + md + `}`
			if tt.creds != "" {
				body = `{` + tt.creds + `,"MessageData":` + md + `}`
			}
			code, b := f.v2(t, http.MethodPost, "/api/"+tt.version+"/send/sms", body, map[string]string{"Authorization": tt.auth})
			if code != http.StatusOK || b != `{"Result":"Success","MessageID":"bad1"}` {
				t.Fatalf("send with wrong credentials: %d %s, want 200 Success", code, b)
			}
			// Read with valid credentials: Pending at first, whatever the SendTime and Mode.
			st, _ := f.mustStatusV2(t, tokenForm, "bad1")
			if st.Status != "Pending" || st.DelayedTimeUTC != "" || st.Recipients[0].Status != "Pending" {
				t.Errorf("at once: %+v", st)
			}
			if n := f.srv.Notifications(); len(n) != 0 {
				t.Errorf("notified before the authentication engine ran: %+v", n)
			}
			f.clock.Advance(DefaultCompletionDelay)
			st, raw := f.mustStatusV2(t, tokenForm, "bad1")
			if st.Status != "Completed" || st.Count != 2 || st.Complete != 2 || st.Failed != 2 || st.Success != 0 || st.Price != nil {
				t.Errorf("after the delay: %s", raw)
			}
			for i, r := range st.Recipients {
				if r.Status != "Failed" || r.Result != wantAuthFailed || r.Price != nil || r.SentTimeUTC != "" || r.MessageText != "" {
					t.Errorf("recipient %d = %+v", i+1, r)
				}
			}
			ns := f.srv.Notifications()
			if len(ns) != 1 {
				t.Fatalf("notifications = %+v, want 1", ns)
			}
			n := ns[0]
			if n.To != notify || n.MessageID != "bad1" || !n.At.Equal(t0.Add(DefaultCompletionDelay)) || n.Subject == "" ||
				!strings.Contains(n.Body, tt.reason) || !strings.Contains(n.Body, "bad1") || !strings.Contains(n.Body, "/api/"+tt.version+"/send/sms") ||
				!strings.Contains(n.Body, `"Authentication failed"`) {
				t.Errorf("notification = %+v", n)
			}
			if strings.Contains(n.Body, tt.secret) || strings.Contains(n.Subject, tt.secret) {
				t.Errorf("the notification shows the secret %q: %+v", tt.secret, n)
			}
			_, _, listed := f.do(t, http.MethodGet, "/sandbox/notifications", "", map[string]string{"Authorization": ""})
			var wire struct {
				Notifications []struct{ To, Subject, Body, MessageID, At string }
			}
			decode(t, listed, &wire)
			if len(wire.Notifications) != 1 || wire.Notifications[0].At != "2026-03-01T09:30:02Z" || wire.Notifications[0].Body != n.Body ||
				wire.Notifications[0].To != notify || wire.Notifications[0].MessageID != "bad1" || wire.Notifications[0].Subject != n.Subject {
				t.Errorf("/sandbox/notifications = %s", listed)
			}
			_, _, inspected := f.do(t, http.MethodGet, "/sandbox/messages", "", nil)
			for _, s := range []string{listed, inspected} {
				if strings.Contains(s, tt.secret) {
					t.Errorf("a sandbox listing shows the secret %q: %s", tt.secret, s)
				}
			}
			// A resubmit fails the same way, without a second e-mail.
			f.mustSendV2(t, tokenForm, "email", `{"MessageID":"other","MessagePlain":"x","Destinations":[{"Recipient":"a@example.com"}]}`)
			code, b = f.v2(t, http.MethodPatch, "/api/v2.04/set/resubmit/bad1", "", tokenHdr)
			if code != http.StatusBadRequest || b != failedBody("Resubmit is not available for SMS messages") {
				t.Errorf("resubmit of SMS: %d %s", code, b)
			}
		})
	}
}

func TestV2DeferredAuthenticationResubmit(t *testing.T) {
	f := newFixture(t, Options{})
	code, b := f.v2(t, http.MethodPost, "/api/v2.04/send/tts", tokenBody(`{"MessageID":"r1","MessageToPeople":"hi","Destinations":[{"Recipient":"095006000"}]}`),
		map[string]string{"Authorization": "Basic nope"})
	if code != http.StatusOK {
		t.Fatalf("send: %d %s", code, b)
	}
	f.clock.Advance(DefaultCompletionDelay)
	if r := f.mustAct(t, "tts", "r1", "resubmit", "{}"); r.Status != "Pending" {
		t.Errorf("resubmit: %+v", r)
	}
	f.clock.Advance(time.Minute)
	st, _ := f.statusOf(t, "tts", "r1")
	if st.JobStatus != "Completed" || st.Recipients[0].Result != wantAuthFailed {
		t.Errorf("resubmitted round: %+v", st)
	}
	if ns := f.srv.Notifications(); len(ns) != 1 || ns[0].To != DefaultErrorNotifyEmail || DefaultErrorNotifyEmail != "api-errors@example.com" {
		t.Errorf("notifications = %+v", ns)
	}
}

// Valid credentials (the control for the test above) deliver, and notify
// nobody; an immediate completion delay makes the failure immediate.
func TestV2ValidCredentialsAndImmediateFailure(t *testing.T) {
	f := newFixture(t, Options{CompletionDelay: -1})
	for _, fm := range v2Forms {
		id := f.mustSendV2(t, fm, "sms", okSMSv2)
		if st, _ := f.mustStatusV2(t, fm, id); st.Status != "Completed" || st.Recipients[0].Result != "Delivered" {
			t.Errorf("%s: %+v", fm.name, st)
		}
	}
	if n := f.srv.Notifications(); len(n) != 0 {
		t.Fatalf("notifications for valid credentials: %+v", n)
	}
	code, _ := f.v2(t, http.MethodPost, "/api/v2.02/send/sms", `{"Sender":"api@example.com","APIKey":"x","MessageData":`+okSMSv2+`}`, nil)
	if ns := f.srv.Notifications(); code != http.StatusOK || len(ns) != 1 || !ns[0].At.Equal(t0) {
		t.Errorf("immediate failure: %d, %+v", code, ns)
	}
}

func TestV2SendersOption(t *testing.T) {
	f := newFixture(t, Options{Senders: map[string]string{"Ops@Example.COM": "k1", "": "x", "half@example.com": ""}})
	ops := `"Sender":"OPS@example.com","APIKey":"k1"`
	send := func(creds string) int {
		code, _ := f.v2(t, http.MethodPost, "/api/v2.02/send/sms", `{`+creds+`,"MessageData":`+okSMSv2+`}`, nil)
		return code
	}
	for _, creds := range []string{ops, legacyCreds, `"Sender":"half@example.com","APIKey":"anything"`} {
		if code := send(creds); code != http.StatusOK {
			t.Fatalf("send with %s: %d", creds, code)
		}
	}
	f.clock.Advance(DefaultCompletionDelay)
	ns := f.srv.Notifications()
	if len(ns) != 2 || !strings.Contains(ns[0].Body, `"api@example.com" is not an API user`) || !strings.Contains(ns[1].Body, `"half@example.com" is not an API user`) {
		t.Errorf("notifications = %+v", ns)
	}
	all := f.srv.Received()
	if st, _ := f.statusOf(t, "sms", all[0].MessageID); st.Recipients[0].Result != "Delivered" {
		t.Errorf("configured sender: %+v", st)
	}
	// The same credentials at once on non-send calls.
	if code, _ := f.v2(t, http.MethodPost, "/api/v2.02/get/status", `{`+ops+`,"MessageID":"`+all[0].MessageID+`"}`, nil); code != http.StatusOK {
		t.Errorf("status with the configured sender: %d", code)
	}
	if code, b := f.v2(t, http.MethodPost, "/api/v2.02/get/status", `{`+legacyCreds+`,"MessageID":"`+all[0].MessageID+`"}`, nil); code != http.StatusUnauthorized || b != body401v2 {
		t.Errorf("status with the default sender, not configured: %d %s", code, b)
	}
	if s := New(Options{}); len(s.senders) != 1 || string(s.senders[DefaultSender]) != DefaultAPIKey || s.notifyTo != DefaultErrorNotifyEmail ||
		DefaultSender != "api@example.com" || DefaultAPIKey != "sandbox-api-key" {
		t.Errorf("defaults: %v %q", s.senders, s.notifyTo)
	}
}

// Status, replies, received and actions check credentials at once: 400 for
// the form, 401 for wrong ones.
func TestV2NonSendCredentials(t *testing.T) {
	type call struct {
		name, method, path, body string // body holds %s for the credentials (legacy form)
	}
	calls := []call{
		{"status GET", "GET", "/api/{v}/get/status/m1", ""},
		{"status POST", "POST", "/api/{v}/get/status", `{%s"MessageID":"m1"}`},
		{"reply GET", "GET", "/api/{v}/get/sms/reply/m1", ""},
		{"reply POST", "POST", "/api/{v}/get/sms/reply", `{%s"MessageID":"m1"}`},
		{"received GET", "GET", "/api/{v}/get/sms/received?timePeriod=10", ""},
		{"received POST", "POST", "/api/{v}/get/sms/received", `{%s"TimePeriod":10}`},
		{"abort PATCH", "PATCH", "/api/{v}/set/abort/m1", ""},
		{"abort POST", "POST", "/api/{v}/set/abort", `{%s"MessageID":"m1"}`},
		{"pacing PATCH", "PATCH", "/api/{v}/set/pacing/m1", `{"NumberOfOperators":3}`},
	}
	creds := []struct {
		name, version, auth, body string
		want                      int
		wantBody                  string
	}{
		{"valid token", "v2.04", basicAuth, "", 200, ""},
		{"valid legacy", "v2.02", "", legacyCreds + ",", 200, ""},
		{"valid legacy on v2.04", "v2.04", "", legacyCreds + ",", 200, ""},
		{"wrong token", "v2.04", "Basic nope", "", 401, body401v2},
		{"Bearer", "v2.03", "Bearer " + DefaultToken, "", 401, body401v2},
		{"header wins over valid body credentials", "v2.04", "Basic nope", legacyCreds + ",", 401, body401v2},
		{"wrong APIKey", "v2.02", "", `"Sender":"api@example.com","APIKey":"nope",`, 401, body401v2},
		{"unknown Sender", "v2.04", "", `"Sender":"x@example.com","APIKey":"sandbox-api-key",`, 401, body401v2},
		{"nothing", "v2.04", "", "", 400, failedBody(wantMissingSender)},
		{"token on v2.02", "v2.02", basicAuth, "", 400, failedBody(wantMissingSender)},
		{"Sender format", "v2.02", "", `"Sender":"app","APIKey":"k",`, 400, failedBody(wantSenderFormat)},
		{"no APIKey", "v2.02", "", `"Sender":"api@example.com",`, 400, failedBody(wantMissingAPIKey)},
	}
	for _, c := range calls {
		for _, cr := range creds {
			t.Run(c.name+"/"+cr.name, func(t *testing.T) {
				f := newFixture(t, Options{})
				f.mustSendV2(t, tokenForm, "tts", `{"MessageID":"m1","SendTime":"2026-03-02T09:00","MessageToPeople":"hi","Destinations":[{"Recipient":"095006000"}]}`)
				path := strings.Replace(c.path, "{v}", cr.version, 1)
				body := c.body
				switch {
				case strings.Contains(body, "%s"):
					body = strings.Replace(body, "%s", cr.body, 1)
				case cr.body != "" && body == "":
					body = `{` + strings.TrimSuffix(cr.body, ",") + `}` // a GET or PATCH carrying the legacy credentials
				case cr.body != "":
					body = `{` + cr.body + body[1:]
				}
				code, b := f.v2(t, c.method, path, body, map[string]string{"Authorization": cr.auth})
				want, wantBody := cr.want, cr.wantBody
				if want == 200 && strings.Contains(c.name, "reply") {
					want, wantBody = 404, notFoundV2("m1") // authenticated; m1 is not an SMS
				}
				if code != want || wantBody != "" && b != wantBody {
					t.Errorf("got %d %s, want %d %s", code, b, want, wantBody)
				}
				if st, _ := f.statusOf(t, "tts", "m1"); st.JobStatus != map[bool]string{true: "Completed", false: "Delayed"}[want == 200 && strings.Contains(c.name, "abort")] {
					t.Errorf("after the call the message is %s", st.JobStatus)
				}
			})
		}
	}
	// A legacy call without its MessageID.
	f := newFixture(t, Options{})
	for _, path := range []string{"/api/v2.02/get/status", "/api/v2.02/get/sms/reply", "/api/v2.02/set/abort", "/api/v2.02/set/reschedule"} {
		if code, b := f.v2(t, http.MethodPost, path, `{`+legacyCreds+`,"MessageID":" "}`, nil); code != 400 || b != failedBody(wantMissingID) {
			t.Errorf("%s without MessageID: %d %s", path, code, b)
		}
		if code, b := f.v2(t, http.MethodPost, path, `{}`, nil); code != 400 || b != failedBody(wantMissingSender, wantMissingID) {
			t.Errorf("%s without anything: %d %s", path, code, b)
		}
	}
	if code, b := f.v2(t, http.MethodPost, "/api/v2.02/get/status", `{"Sender":"x","RecordsPerPage":0}`, nil); code != 400 ||
		b != failedBody(wantSenderFormat, wantMissingAPIKey, wantMissingID, "RecordsPerPage must be between 1 and 100") {
		t.Errorf("every form rejection: %d %s", code, b)
	}
}

func TestV2Actions(t *testing.T) {
	// send makes a message on ch; delayed ones have a future SendTime.
	send := func(t *testing.T, f *fixture, ch, id string, delayed bool) {
		t.Helper()
		md := strings.Replace(v2Bodies[ch], `{`, `{"MessageID":"`+id+`","TimeZone":"UTC",`, 1)
		if delayed {
			md = strings.Replace(md, `{`, `{"SendTime":"2026-03-02T09:00",`, 1)
		}
		f.mustSendV2(t, tokenForm, ch, md)
	}
	tests := []struct {
		name, ch, action string
		delayed          bool
		advance          time.Duration
		tokenBody        string // PATCH body; the legacy form adds Sender, APIKey and MessageID
		wantStatus       string
		check            func(t *testing.T, f *fixture)
	}{
		{"abort", "sms", "abort", true, 0, "", "Completed", func(t *testing.T, f *fixture) {
			if st, _ := f.statusOf(t, "sms", "a1"); st.Recipients[0].Result != "Aborted" {
				t.Errorf("after abort: %+v", st.Recipients[0])
			}
		}},
		{"abort of a v3 email", "email", "abort", true, 0, `{"HTTPMethod":"PATCH"}`, "Completed", nil},
		{"reschedule in the Node SDK's casing", "fax", "Reschedule", true, 0, `{"SendTime":"2026-03-03T10:00","HTTPMethod":"PATCH"}`, "Delayed", func(t *testing.T, f *fixture) {
			if st, _ := f.statusOf(t, "fax", "a1"); st.DelayedTimeUTC != "2026-03-03 10:00:00" {
				t.Errorf("after reschedule: %+v", st)
			}
		}},
		{"resubmit", "email", "resubmit", false, DefaultCompletionDelay, `{}`, "Pending", func(t *testing.T, f *fixture) {
			if st, _ := f.statusOf(t, "email", "a1"); st.Recipients[1].Status != "Pending" || st.Recipients[0].Status != "Success" {
				t.Errorf("after resubmit: %+v", st.Recipients)
			}
		}},
		{"pacing", "voice", "pacing", true, 0, `{"NumberOfOperators":"7"}`, "Delayed", func(t *testing.T, f *fixture) {
			if got := f.inspection(t); got[0].NumberOfOperators != 7 {
				t.Errorf("after pacing: %+v", got[0])
			}
		}},
	}
	for _, tt := range tests {
		for _, fm := range []v2Form{tokenForm, legacyForm} {
			t.Run(tt.name+"/"+fm.name, func(t *testing.T) {
				f := newFixture(t, Options{})
				if strings.Contains(tt.name, "v3") {
					f.sendFor(t, tt.ch, `"MessageID":"a1"`, `"SendTime":"2026-03-02T09:00"`)
				} else {
					send(t, f, tt.ch, "a1", tt.delayed)
				}
				f.clock.Advance(tt.advance)
				var code int
				var b string
				if fm.legacy {
					body := `{` + legacyCreds + `,"MessageID":"a1"`
					if inner := strings.Trim(tt.tokenBody, "{}"); inner != "" {
						body += "," + inner
					}
					code, b = f.v2(t, http.MethodPost, "/api/"+fm.version+"/set/"+tt.action, body+"}", nil)
				} else {
					code, b = f.v2(t, http.MethodPatch, "/api/"+fm.version+"/set/"+tt.action+"/a1", tt.tokenBody, fm.hdr)
				}
				st, _ := f.statusOf(t, tt.ch, "a1")
				name := strings.ToUpper(tt.action[:1]) + strings.ToLower(tt.action[1:])
				want := `{"Result":"Success","MessageID":"a1","Status":"` + tt.wantStatus + `","JobNum":"` + st.JobNum + `","Action":"` + name + `"}`
				if code != http.StatusOK || b != want {
					t.Fatalf("got %d %s\nwant 200 %s", code, b, want)
				}
				if tt.check != nil {
					tt.check(t, f)
				}
			})
		}
	}

	f := newFixture(t, Options{})
	send(t, f, "sms", "s1", true)
	send(t, f, "email", "e1", true)
	for _, c := range []struct{ path, body, want string }{
		{"/api/v2.04/set/resubmit/s1", `{}`, "Resubmit is not available for SMS messages"},
		{"/api/v2.04/set/pacing/s1", `{"NumberOfOperators":2}`, "Pacing is not available for SMS messages"},
		{"/api/v2.04/set/pacing/e1", `{"NumberOfOperators":2}`, "Pacing is not available for Email messages"},
		{"/api/v2.04/set/reschedule/s1", `{"HTTPMethod":"PATCH"}`, "Missing SendTime"},
		{"/api/v2.04/set/reschedule/s1", `{"SendTime":"soon"}`, "Unable to parse SendTime. Use YYYY-MM-DD hh:mm format."},
		{"/api/v2.04/set/resubmit/e1", `{}`, "Only a completed message can be resubmitted; this one is Delayed"},
	} {
		if code, b := f.v2(t, http.MethodPatch, c.path, c.body, tokenHdr); code != http.StatusBadRequest || b != failedBody(c.want) {
			t.Errorf("%s %s: %d %s, want 400 %q", c.path, c.body, code, b, c.want)
		}
	}
	if got := f.inspection(t); len(got[0].Actions) != 0 || len(got[1].Actions) != 0 {
		t.Errorf("refused actions were recorded: %+v", got)
	}
}

func TestV2Received(t *testing.T) {
	f := newFixture(t, Options{}) // the API user's Timezone is New Zealand: UTC+13 in March
	f.mustSendV2(t, tokenForm, "sms", `{"MessageID":"ask","SubAccount":"S","Department":"D","Message":"hi","Destinations":[{"Recipient":"+6421000001","ContactID":"c1"}]}`)
	f.clock.Advance(DefaultCompletionDelay)
	if err := f.srv.InjectReply("ask", "+6421000001", "yes"); err != nil {
		t.Fatal(err)
	}
	f.srv.InjectInbound("021 555 0000", "hello")
	jobNum := f.status(t, "ask").JobNum

	check := func(t *testing.T, code int, raw string, n int) []v2ReceivedMessage {
		t.Helper()
		var r v2ReceivedResponse
		decode(t, raw, &r)
		if code != http.StatusOK || r.Result != "Success" || len(r.Messages) != n || r.TotalRecords != n || r.Page != 1 || r.RecordsPerPage != 100 {
			t.Fatalf("got %d %s, want %d messages", code, raw, n)
		}
		if got := orderedKeys(t, []byte(raw)); !slices.Equal(got, []string{"Result", "TotalRecords", "RecordsPerPage", "PageCount", "Page", "Messages"}) {
			t.Errorf("keys = %q", got)
		}
		return r.Messages
	}
	code, raw := f.v2(t, http.MethodGet, "/api/v2.04/get/sms/received?timePeriod=5&recordsPerPage=100&page=1", `{"HTTPMethod":"GET"}`, tokenHdr)
	ms := check(t, code, raw, 2)
	var items []json.RawMessage
	decode(t, string(member(t, []byte(raw), "Messages")), &items)
	wantKeys := []string{"ID", "ReceivedID", "MessageID", "JobNum", "Account", "SubAccount", "Department", "Date", "DateUTC",
		"ReceivedTimeLocal", "ReceivedTimeUTC", "From", "ContactID", "MessageText", "Timezone"}
	if got := orderedKeys(t, items[0]); !slices.Equal(got, wantKeys) {
		t.Errorf("item keys = %q\nwant %q", got, wantKeys)
	}
	if got := orderedKeys(t, items[1]); slices.Contains(got, "MessageID") || slices.Contains(got, "JobNum") || len(got) != len(wantKeys)-2 {
		t.Errorf("unmatched item keys = %q", got)
	}
	m := ms[0]
	if !uuid4.MatchString(m.ID) || m.ReceivedID != m.ID || m.MessageID != "ask" || m.JobNum != jobNum || m.Account != "101202" ||
		m.SubAccount != "S" || m.Department != "D" || m.Date != "2026-03-01 22:30:02" || m.DateUTC != "2026-03-01 09:30:02" ||
		m.ReceivedTimeLocal != m.Date || m.ReceivedTimeUTC != m.DateUTC || m.From != "+6421000001" || m.ContactID != "c1" ||
		m.MessageText != "yes" || m.Timezone != "New Zealand" {
		t.Errorf("matched item = %+v", m)
	}
	if u := ms[1]; u.From != "+64215550000" || u.MessageText != "hello" || u.MessageID != "" || u.Account != "101202" {
		t.Errorf("unmatched item = %+v", u)
	}

	// The Node SDK's legacy body: TimePeriod with null dates, paging as numbers.
	legacy := func(fields string) (int, string) {
		return f.v2(t, http.MethodPost, "/api/v2.02/get/sms/received", `{`+legacyCreds+`,`+fields+`}`, nil)
	}
	code, raw = legacy(`"TimePeriod":5,"DateFrom":null,"DateTo":null,"RecordsPerPage":100,"Page":1`)
	if got := check(t, code, raw, 2); got[0] != m {
		t.Errorf("legacy item = %+v", got[0])
	}
	f.clock.Advance(10 * time.Minute)
	code, raw = legacy(`"TimePeriod":1`)
	check(t, code, raw, 0)
	// DateFrom and DateTo win over the Node SDK's default TimePeriod, in both forms.
	code, raw = legacy(`"TimePeriod":1,"DateFrom":"2026-03-01 22:00:00","DateTo":"2026-03-01T23:00"`)
	check(t, code, raw, 2)
	code, raw = f.v2(t, http.MethodGet, "/api/v2.04/get/sms/received?timePeriod=1&dateFrom=2026-03-01T22:00&dateTo=2026-03-01T22:30:01", "", tokenHdr)
	check(t, code, raw, 0)
	code, raw = f.v2(t, http.MethodGet, "/api/v2.04/get/sms/received?timePeriod=1&dateFrom=2026-03-01T22:00&dateTo=2026-03-01T22:31", "", tokenHdr)
	check(t, code, raw, 2)
	code, raw = f.v2(t, http.MethodGet, "/api/v2.04/get/sms/received?recordsPerPage=1&page=2&dateFrom=2026-03-01T22:00&dateTo=2026-03-01T22:31", "", tokenHdr)
	var pg v2ReceivedResponse
	decode(t, raw, &pg)
	if code != 200 || pg.TotalRecords != 2 || pg.PageCount != 2 || len(pg.Messages) != 1 || pg.Messages[0].MessageText != "hello" {
		t.Errorf("paged: %d %s", code, raw)
	}

	for _, c := range []struct{ fields, want string }{
		{`"HTTPMethod":"POST"`, "Missing TimePeriod or DateFrom & DateTo"},
		{`"TimePeriod":"abc"`, "TimePeriod must be a number - number of minutes"},
		{`"TimePeriod":1441`, "Invalid TimePeriod: must be between 1 and 1440 minutes"},
		{`"DateFrom":"2026-03-01","DateTo":"x"`, "DateFrom/DateTo must be datetime format"},
		{`"DateFrom":"2026-03-01 22:00","TimePeriod":5`, ""},
	} {
		code, b := legacy(c.fields)
		if c.want == "" {
			if code != http.StatusOK {
				t.Errorf("%s: %d %s", c.fields, code, b)
			}
			continue
		}
		if code != http.StatusBadRequest || b != failedBody(c.want) {
			t.Errorf("%s: %d %s, want 400 %q", c.fields, code, b, c.want)
		}
	}
}

func TestV2Inspection(t *testing.T) {
	const key = "s3cret-api-key-value"
	f := newFixture(t, Options{Senders: map[string]string{"ops@example.com": key}})
	legacy := "{\n  \"Sender\": \"ops@example.com\",\n  \"APIKey\" : \"" + key + "\",\n  \"MessageData\": " + okSMSv2 + "\n}"
	if code, b := f.v2(t, http.MethodPost, "/api/V2.02/send/sms", legacy, nil); code != http.StatusOK {
		t.Fatalf("legacy send: %d %s", code, b)
	}
	f.mustSendV2(t, tokenForm, "email", `{"MessagePlain":"x","Destinations":[{"Recipient":"a@example.com"}]}`)

	code, _, raw := f.do(t, http.MethodGet, "/sandbox/messages", "", map[string]string{"Authorization": ""})
	if code != http.StatusOK || strings.Contains(raw, key) || strings.Contains(raw, DefaultToken) || strings.Contains(raw, "Basic") {
		t.Fatalf("inspection shows a secret: %d %s", code, raw)
	}
	got := f.inspection(t)
	if len(got) != 2 || got[0].APIVersion != "v2.02" || got[1].APIVersion != "v2.04" || got[0].Channel != "sms" || got[1].Channel != "email" {
		t.Fatalf("inspection = %+v", got)
	}
	want := `{"Sender":"ops@example.com","APIKey":"***","MessageData":` + okSMSv2 + `}`
	if string(got[0].Body) != want {
		t.Errorf("legacy body = %s\nwant %s", got[0].Body, want)
	}
	if string(got[1].Body) != tokenBody(`{"MessagePlain":"x","Destinations":[{"Recipient":"a@example.com"}]}`) {
		t.Errorf("token body = %s", got[1].Body)
	}
	// Received keeps the raw body for tests.
	if r := f.srv.Received(); string(r[0].Body) != legacy || r[0].APIVersion != "v2.02" {
		t.Errorf("Received()[0] = %+v (%s)", r[0], r[0].Body)
	}
}

func TestMaskSecrets(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"APIKey":"k"}`, `{"APIKey":"***"}`},
		{`{ "Sender" : "a@b.c" ,` + "\n\t" + `"APIKey" :  "k" , "X":1}`, `{ "Sender" : "a@b.c" ,` + "\n\t" + `"APIKey" :  "***" , "X":1}`},
		{`{"X":{},"Y":[],"apikey":123,"Z":[{"APIKEY":{"a":[1,"APIKey"]}}]}`, `{"X":{},"Y":[],"apikey":"***","Z":[{"APIKEY":"***"}]}`},
		{`{"A":{"APIKey":"k"},"APIKey":"\"esc\\aped\u0041"}`, `{"A":{"APIKey":"***"},"APIKey":"***"}`},
		{`{"APIKey":"k","APIKey":"k2"}`, `{"APIKey":"***","APIKey":"***"}`},
		{`{"APIKey":1e3,"B":true}`, `{"APIKey":"***","B":true}`},
		{`{"APIKey":null}`, `{"APIKey":null}`},
		{`{"APIKey":"  "}`, `{"APIKey":"  "}`},
		{`{"Note":"APIKey","APIKey2":"x","L":["APIKey","v"],"M":{"k":"APIKey"}}`, `{"Note":"APIKey","APIKey2":"x","L":["APIKey","v"],"M":{"k":"APIKey"}}`},
		{`{"L":[{"A":1},"APIKey",{"APIKey":"k"}],"APIKey":"z"}`, `{"L":[{"A":1},"APIKey",{"APIKey":"***"}],"APIKey":"***"}`},
	}
	for _, tt := range tests {
		if got := string(maskSecrets([]byte(tt.in))); got != tt.want {
			t.Errorf("maskSecrets(%s)\n = %s\nwant %s", tt.in, got, tt.want)
		}
	}
}

func TestV2Faults(t *testing.T) {
	f := newFixture(t, Options{})
	f.srv.InjectFaults(Fault{Kind: FaultServerError, PathPrefix: "/api/v2.04/send"})
	if code, b := f.sendV2(t, tokenForm, "sms", okSMSv2); code != http.StatusInternalServerError || b != failedBody("Error occurred while creating job") {
		t.Errorf("faulted v2 send: %d %s", code, b)
	}
	if len(f.srv.Received()) != 0 || f.srv.PendingFaults() != 0 {
		t.Error("the fault did not apply once")
	}
}
