package tnz

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
)

// v2.0x sends: golden MessageData bodies per channel in both forms of
// authentication, headers, and what is refused before any call.

const (
	testSender = "api.user@example.com"
	testAPIKey = "K3y-ta8wr7ymd-0123"
	// v2SendAnswer is the documented v2 success body (TNZ's v2.01 API documentation; the Node SDK checks Result).
	v2SendAnswer = `{"Result":"Success","MessageID":"SRV1"}`
)

// newV2Client returns a client for version with every credential set; the
// legacy versions get no token, so that a token cannot leak into them. The
// token versions get Sender and APIKey as well, which must not be sent.
func newV2Client(t *testing.T, baseURL, version string, mutate ...func(*Config)) *Client {
	t.Helper()
	return newTestClient(t, baseURL, append([]func(*Config){func(c *Config) {
		c.APIVersion = version
		if dialects[version].auth == senderKeyAuth { // one kind of credentials only
			c.AuthToken, c.Sender, c.APIKey = "", testSender, testAPIKey
		}
	}}, mutate...)...)
}

// v2Versions are the four versions, two of each form.
var v2Versions = []string{V204, V203, V202, V201}

func isLegacy(version string) bool { return dialects[version].auth == senderKeyAuth }

// v2Wrap is MessageData as each form sends it.
func v2Wrap(version, data string) string {
	if isLegacy(version) {
		return `{"Sender":"` + testSender + `","APIKey":"` + testAPIKey + `","MessageData":` + data + `}`
	}
	return `{"MessageData":` + data + `}`
}

// checkV2Auth checks a request's authentication for its form: Basic token
// only on the token versions, never an Authorization header on the legacy
// ones.
func checkV2Auth(t *testing.T, version string, req capturedRequest) {
	t.Helper()
	got := req.Header.Values("Authorization")
	if isLegacy(version) {
		if len(got) != 0 {
			t.Errorf("%s sent Authorization %q, want none", version, got)
		}
		return
	}
	if len(got) != 1 || got[0] != "Basic "+testToken {
		t.Errorf("%s sent Authorization %q, want [Basic <token>]", version, got)
	}
}

// forV2 removes from a full fixture what v2.0x refuses: TemplateID,
// NotificationType, GroupCode destinations, BCCEmail, AnswerPhoneMode,
// EndCallMessage, SMSCustomPageID and FallbackMode.
func forV2[M Message](m M) M {
	c := m.CommonPart()
	c.TemplateID, c.NotificationType = "", ""
	var keep []Destination
	for _, d := range c.Destinations {
		if d.GroupCode == "" {
			keep = append(keep, d)
		}
	}
	c.Destinations = keep
	switch x := any(m).(type) {
	case *SMSMessage:
		x.SMSCustomPageID, x.FallbackMode = "", ""
	case *EmailMessage:
		x.BCCEmail = ""
	case *TTSMessage:
		x.AnswerPhoneMode, x.EndCallMessage = "", ""
	case *VoiceMessage:
		x.AnswerPhoneMode, x.EndCallMessage = "", ""
	}
	return m
}

// goldenV2Common is forV2(fullCommon) as v2 MessageData, without the
// closing brace.
func goldenV2Common(first, second string) string {
	return `{"MessageID":"ID123","Reference":"Ref","SendTime":"2026-08-29T14:00","TimeZone":"New Zealand",` +
		`"SubAccount":"SA","Department":"Dept","ChargeCode":"CC","WebhookCallbackURL":"https://example.com/hook",` +
		`"WebhookCallbackFormat":"JSON","ReportTo":"reports@example.com","Mode":"Test","Destinations":[` +
		`{"Recipient":"` + first + `","Attention":"Att","Company":"Co","FirstName":"John","LastName":"Doe",` +
		`"Custom1":"c1","Custom2":"c2","Custom3":"c3","Custom4":"c4","Custom5":"c5","Custom6":"c6","Custom7":"c7","Custom8":"c8","Custom9":"c9"},` +
		`{"Recipient":"` + second + `"},` +
		`{"ContactID":"` + fixtureContactID + `"},` +
		`{"GroupID":"` + fixtureGroupID + `"}]`
}

func fullV2Fax() *FaxMessage {
	m := forV2(fullFax())
	m.Message = "See attached." // v2 has a fax Message; v3.00 refuses it
	return m
}

func TestV2SendGoldenBodies(t *testing.T) {
	callTail := func(audio func(string) string, keypadKey string) string {
		return `,"MessageToPeople":"` + audio("Hello, press 1 to talk to us.") + `",` +
			`"MessageToAnswerphones":"` + audio("Sorry we missed you.") + `",` +
			`"Keypads":[{"Tone":0,"` + keypadKey + `":"` + audio("You pressed zero.") + `"},` +
			`{"Tone":1,"` + keypadKey + `":"` + audio("Connecting you now.") + `","RouteNumber":"6421000001"},` +
			`{"Tone":2,"PlaySection":"Main"}],` +
			`"KeypadOptionRequired":true,"CallRouteMessageToPeople":"` + audio("Connecting you now.") + `",` +
			`"CallRouteMessageToOperators":"` + audio("Incoming call.") + `",` +
			`"CallRouteMessageOnWrongKey":"` + audio("Sorry, that key is not valid.") + `",` +
			`"NumberOfOperators":5,"CallerID":"+6495005000","BillingAccount":"BA-7","RetryAttempts":1,"RetryPeriod":5`
	}
	text := func(s string) string { return s }
	wav := func(string) string { return shortWAV }
	for _, tc := range []struct {
		name string
		msg  func() Message
		ch   Channel
		want string // MessageData
	}{
		{
			"sms minimal", func() Message { return minimalSMS() }, SMS,
			`{"Destinations":[{"Recipient":"+6421000001"}],"Message":"Hello"}`,
		},
		{
			"sms full", func() Message { return forV2(fullSMS()) }, SMS,
			goldenV2Common("+6421000001", "021-000002") +
				`,"Message":"Hi [[FirstName]] <b>&</b> [[File1]]","FromNumber":"61408080909",` +
				`"SMSEmailReply":"reply@example.com","CharacterConversion":true,` + goldenFiles + `}`,
		},
		{
			"email minimal", func() Message { return minimalEmail() }, Email,
			`{"Destinations":[{"Recipient":"john.doe@example.com"}],"MessagePlain":"Hello"}`,
		},
		{
			"email full", func() Message { return forV2(fullEmail()) }, Email,
			goldenV2Common("john.doe@example.com", "jane@example.com") +
				`,"EmailSubject":"Your appointment","MessagePlain":"Hello [[FirstName]]",` +
				`"MessageHTML":"<p>Hello <b>[[FirstName]]</b> & welcome</p>","From":"Company One Ltd",` +
				`"FromEmail":"help@example.com","SMTPFrom":"bounces@example.com","ReplyTo":"replies@example.com",` +
				`"CCEmail":"notices@example.com",` + goldenFiles + `}`,
		},
		{
			"fax minimal", func() Message { return minimalFax() }, Fax,
			`{"Destinations":[{"Recipient":"+6495006000"}],"Files":[{"Name":"My Example.pdf","Data":"` + fixturePDF + `"}]}`,
		},
		{
			"fax text only", func() Message {
				return &FaxMessage{Common: Common{Destinations: []Destination{{Recipient: "+6495006000"}}}, Message: "Hello"}
			}, Fax,
			`{"Destinations":[{"Recipient":"+6495006000"}],"Message":"Hello"}`,
		},
		{
			"fax full", func() Message { return fullV2Fax() }, Fax,
			goldenV2Common("+6495006000", "09 500 6001") +
				`,"Message":"See attached.","Resolution":"High","CSID":"My HP Fax Machine","StampFormat":"Stamp01",` +
				`"RetryAttempts":0,"RetryPeriod":5,` +
				`"WatermarkFolder":"Folder01","WatermarkFirstPage":"Watermark First.ps","WatermarkAllPages":"Watermark All.docx",` +
				goldenFiles + `}`,
		},
		{
			"tts minimal", func() Message { return minimalTTS() }, TTS,
			`{"Destinations":[{"Recipient":"+6495005000"}],"MessageToPeople":"Hello"}`,
		},
		{
			"tts full", func() Message { return forV2(fullTTS()) }, TTS,
			goldenV2Common("+6495005000", "09 500 6001") + callTail(text, "Play") + `,"Voice":"Female1","Options":"Record"}`,
		},
		{
			"voice minimal", func() Message { return minimalVoice(shortWAV) }, Voice,
			`{"Destinations":[{"Recipient":"+6495005000"}],"MessageToPeople":"` + shortWAV + `"}`,
		},
		{
			"voice full", func() Message { return forV2(fullVoice(shortWAV)) }, Voice,
			goldenV2Common("+6495005000", "09 500 6001") + callTail(wav, "PlayFile") + `,"Options":"Record"}`,
		},
	} {
		for _, version := range v2Versions {
			t.Run(version+" "+tc.name, func(t *testing.T) {
				srv := newCaptureServer(t, http.StatusOK, v2SendAnswer)
				res, err := newV2Client(t, srv.URL, version).Send(context.Background(), tc.msg())
				if err != nil {
					t.Fatalf("Send: %v", err)
				}
				reqs := srv.captured()
				if len(reqs) != 1 {
					t.Fatalf("server received %d requests, want 1", len(reqs))
				}
				req := reqs[0]
				if path := "/api/" + version + "/send/" + string(tc.ch); req.Method != http.MethodPost || req.Path != path || req.RawQuery != "" {
					t.Errorf("request = %s %s?%s, want POST %s", req.Method, req.Path, req.RawQuery, path)
				}
				if got, want := string(req.Body), v2Wrap(version, tc.want); got != want {
					t.Errorf("body\n got %s\nwant %s", got, want)
				}
				checkV2Auth(t, version, req)
				if got := req.Header.Get("Content-Type"); got != "application/json" {
					t.Errorf("Content-Type = %q", got)
				}
				if res.MessageID != "SRV1" || res.Recovered {
					t.Errorf("result = %+v, want the id the server answered", res)
				}
			})
		}
	}
}

// The token never travels in a legacy body or header, and the legacy
// credentials never in a token request: New refuses both kinds at once, and
// each form carries only its own.
func TestV2CredentialsOnlyInTheirForm(t *testing.T) {
	for _, version := range v2Versions {
		if _, err := New(Config{BaseURL: "http://127.0.0.1:1", APIVersion: version, AuthToken: testToken, Sender: testSender, APIKey: testAPIKey}); err == nil {
			t.Errorf("%s: both kinds of credentials accepted", version)
		}
		srv := newCaptureServer(t, http.StatusOK, v2SendAnswer)
		c := newV2Client(t, srv.URL, version)
		if _, err := c.Send(context.Background(), smsTo("ID1", "+6421000001")); err != nil {
			t.Fatalf("%s: %v", version, err)
		}
		req := srv.captured()[0]
		body := string(req.Body)
		if isLegacy(version) {
			if strings.Contains(body, testToken) || req.Header.Get("Authorization") != "" {
				t.Errorf("%s: the token was sent: %s %v", version, body, req.Header)
			}
			if !strings.HasPrefix(body, `{"Sender":"`+testSender+`","APIKey":"`+testAPIKey+`","MessageData":{`) {
				t.Errorf("%s: body = %s, want Sender and APIKey before MessageData", version, body)
			}
		} else if strings.Contains(body, testSender) || strings.Contains(body, testAPIKey) || strings.Contains(body, `"Sender"`) {
			t.Errorf("%s: legacy credentials were sent: %s", version, body)
		}
	}
}

// What v2.0x does not have is refused before any call, with a message that
// says what to do instead; v3.00 accepts the same messages.
func TestV2RefusesV3OnlyFieldsBeforeAnyCall(t *testing.T) {
	withTemplate := minimalSMS()
	withTemplate.TemplateID = fixtureTemplate
	withNotification := minimalFax()
	withNotification.NotificationType = "Email"
	withGroupCode := minimalSMS()
	withGroupCode.Destinations = append(withGroupCode.Destinations, Destination{GroupCode: "My_Test_Group"})
	withBCC := minimalEmail()
	withBCC.BCCEmail = "archive@example.com"
	ttsMode := minimalTTS()
	ttsMode.AnswerPhoneMode = "NDAS"
	voiceMode := minimalVoice(shortWAV)
	voiceMode.AnswerPhoneMode = "DAF"
	customPage := minimalSMS()
	customPage.SMSCustomPageID = fixtureCustomPage
	fallback := minimalSMS()
	fallback.FallbackMode = "Voice"
	ttsEnd := minimalTTS()
	ttsEnd.EndCallMessage = "Goodbye."
	voiceEnd := minimalVoice(shortWAV)
	voiceEnd.EndCallMessage = shortWAV
	for _, tc := range []struct {
		name string
		msg  Message
		want []string
	}{
		{"TemplateID", withTemplate, []string{"TemplateID", "only supported by API v3.00", "put the content in the message"}},
		{"NotificationType", withNotification, []string{"NotificationType", "only supported by API v3.00", "API user's default"}},
		{"GroupCode", withGroupCode, []string{"destination 2", "GroupCode", "GroupID instead"}},
		{"BCCEmail", withBCC, []string{"BCCEmail", "only supported by API v3.00"}},
		{"TTS AnswerPhoneMode", ttsMode, []string{"AnswerPhoneMode", "only supported by API v3.00"}},
		{"Voice AnswerPhoneMode", voiceMode, []string{"AnswerPhoneMode", "only supported by API v3.00"}},
		{"SMSCustomPageID", customPage, []string{"SMSCustomPageID", "only supported by API v3.00", "[[CustomPage]]"}},
		{"FallbackMode", fallback, []string{"FallbackMode", "only supported by API v3.00", "fall back"}},
		{"TTS EndCallMessage", ttsEnd, []string{"EndCallMessage", "only supported by API v3.00"}},
		{"Voice EndCallMessage", voiceEnd, []string{"EndCallMessage", "only supported by API v3.00"}},
	} {
		for _, version := range v2Versions {
			t.Run(version+" "+tc.name, func(t *testing.T) {
				srv := newCaptureServer(t, http.StatusOK, v2SendAnswer)
				_, err := newV2Client(t, srv.URL, version).Send(context.Background(), tc.msg)
				if err == nil {
					t.Fatal("Send succeeded, want a refusal")
				}
				for _, want := range append(tc.want, version) {
					if !strings.Contains(err.Error(), want) {
						t.Errorf("err = %v, want it to mention %q", err, want)
					}
				}
				if n := len(srv.captured()); n != 0 {
					t.Errorf("server received %d requests, want none", n)
				}
			})
		}
		t.Run("v3.00 "+tc.name, func(t *testing.T) {
			if _, err := newV300(Config{}).sendRequest(tc.msg); err != nil {
				t.Errorf("v3.00 refuses it too: %v", err)
			}
		})
	}
}

func TestV2SendErrors(t *testing.T) {
	for _, tc := range []struct {
		name         string
		status       int
		body         string
		wantStatus   int
		wantResult   string
		wantMessages []string
	}{
		{"200 failed, list", 200, `{"Result":"Failed","ErrorMessage":["Missing or empty message","Missing Sender"]}`,
			200, "Failed", []string{"Missing or empty message", "Missing Sender"}},
		{"200 error, string", 200, `{"Result":"Error","ErrorMessage":"Missing or empty destinations"}`,
			200, "Error", []string{"Missing or empty destinations"}},
		{"400 list", 400, `{"Result":"Failed","ErrorMessage":["Failed to process your API request. Check your syntax."]}`,
			400, "Failed", []string{"Failed to process your API request. Check your syntax."}},
		{"401 string", 401, `{"Result":"Unauthorized","ErrorMessage":"Missing or empty sender"}`,
			401, "Unauthorized", []string{"Missing or empty sender"}},
	} {
		for _, version := range []string{V204, V202} {
			t.Run(version+" "+tc.name, func(t *testing.T) {
				srv := newCaptureServer(t, tc.status, tc.body)
				_, err := newV2Client(t, srv.URL, version).Send(context.Background(), smsTo("ID1", "+6421000001"))
				var apiErr *APIError
				if !errors.As(err, &apiErr) {
					t.Fatalf("err = %T %v, want *APIError", err, err)
				}
				if apiErr.StatusCode != tc.wantStatus || apiErr.Result != tc.wantResult ||
					strings.Join(apiErr.Messages, "|") != strings.Join(tc.wantMessages, "|") || apiErr.Body != tc.body {
					t.Errorf("got %+v", apiErr)
				}
				if n := len(srv.captured()); n != 1 {
					t.Errorf("server received %d requests, want 1 (a rejected send is not retried)", n)
				}
			})
		}
	}
}

func TestV2DecodeSend(t *testing.T) {
	d := newV2(Config{APIVersion: V204, AuthToken: "tok"})
	for _, tc := range []struct {
		name, body, sentID, wantID, wantErr string
	}{
		{"documented", `{"Result":"Success","MessageID":"SRV1"}`, "MINE", "SRV1", ""},
		{"success any case", `{"Result":"SUCCESS","MessageID":"SRV1"}`, "", "SRV1", ""},
		{"no id echoed", `{"Result":"Success"}`, "MINE", "MINE", ""},
		{"no result is accepted", `{"MessageID":"SRV1"}`, "", "SRV1", ""},
		{"failed", `{"Result":"Failed","ErrorMessage":["Missing Sender"]}`, "MINE", "", "Missing Sender"},
		{"record not found", `{"Result":"RecordNotFound","ErrorMessage":"x"}`, "MINE", "", "RecordNotFound"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := d.decodeSend(200, []byte(tc.body), tc.sentID)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want it to contain %q", err, tc.wantErr)
				}
				return
			}
			if err != nil || res.MessageID != tc.wantID {
				t.Errorf("got %+v, %v; want MessageID %q", res, err, tc.wantID)
			}
		})
	}
}

// An ambiguous v2 send (5xx) is looked up by id in the version's own
// status form, and not sent again when found.
func TestV2SendRecoversByStatusLookup(t *testing.T) {
	for _, version := range []string{V204, V202} {
		t.Run(version, func(t *testing.T) {
			var sends, looks atomic.Int32
			var lookup capturedRequest
			srv := newRecordingServer(t, func(req capturedRequest, w http.ResponseWriter) {
				switch {
				case strings.Contains(req.Path, "/send/"):
					sends.Add(1)
					writeJSON(w, 500, `{"Result":"Failed","ErrorMessage":["Error occurred while creating job"]}`)
				case strings.Contains(req.Path, "/get/status"):
					looks.Add(1)
					lookup = req
					writeJSON(w, 200, `{"Result":"Success","MessageID":"ID1","Status":"Pending"}`)
				default:
					t.Errorf("unexpected %s %s", req.Method, req.Path)
				}
			})
			res, err := newV2Client(t, srv.URL, version).Send(context.Background(), smsTo("ID1", "+6421000001"))
			if err != nil || !res.Recovered || res.MessageID != "ID1" {
				t.Fatalf("got %+v, %v; want recovered ID1", res, err)
			}
			if sends.Load() != 1 || looks.Load() != 1 {
				t.Errorf("sends = %d, look-ups = %d; want 1 and 1", sends.Load(), looks.Load())
			}
			if isLegacy(version) {
				if lookup.Method != http.MethodPost || lookup.Path != "/api/v2.02/get/status" {
					t.Errorf("look-up = %s %s", lookup.Method, lookup.Path)
				}
			} else if lookup.Method != http.MethodGet || lookup.Path != "/api/v2.04/get/status/ID1" {
				t.Errorf("look-up = %s %s", lookup.Method, lookup.Path)
			}
		})
	}
}

func TestNewCredentials(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  Config
		want string // "" means accepted
	}{
		{"v3.00 without token", Config{APIVersion: V300}, "API v3.00 authenticates with an auth token, and none is set"},
		{"v2.04 without token", Config{APIVersion: V204, Sender: testSender, APIKey: testAPIKey}, "API v2.04 authenticates with an auth token, and none is set: generate one in the TNZ Dashboard (Users > API), or use API v2.02"},
		{"v2.03 without token", Config{APIVersion: V203}, "API v2.03 authenticates with an auth token"},
		{"v2.04 blank token", Config{APIVersion: V204, AuthToken: " \n"}, "API v2.04 authenticates with an auth token"},
		{"v2.02 without sender", Config{APIVersion: V202, APIKey: testAPIKey}, "API v2.02 authenticates with a sender and an API key in every request, and a sender (the API user's e-mail address) is missing"},
		{"v2.02 without key", Config{APIVersion: V202, Sender: testSender}, "and an API key is missing"},
		{"v2.02 without either", Config{APIVersion: V202}, "a sender (the API user's e-mail address) and an API key are missing"},
		{"v2.02 with only a token", Config{APIVersion: V202, AuthToken: testToken}, "with an auth token use API v2.04 or v3.00 instead"},
		{"v2.01 without key", Config{APIVersion: V201, Sender: testSender}, "API v2.01 authenticates with a sender and an API key"},
		{"v2.02 key with space", Config{APIVersion: V202, Sender: testSender, APIKey: "K3y ta8wr7ymd"}, "the API key contains spaces or control characters"},
		{"v2.02 sender control", Config{APIVersion: V202, Sender: "api\x00user@example.com", APIKey: testAPIKey}, "the sender contains control characters"},
		{"v2.02 ok", Config{APIVersion: V202, Sender: testSender, APIKey: testAPIKey}, ""},
		{"v2.01 ok", Config{APIVersion: V201, Sender: testSender, APIKey: testAPIKey}, ""},
		{"v2.04 ok", Config{APIVersion: V204, AuthToken: testToken}, ""},
		{"v2.03 ok", Config{APIVersion: V203, AuthToken: testToken}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(tc.cfg)
			if tc.want == "" {
				if err != nil {
					t.Fatalf("New: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tc.want)
			}
			for _, secret := range []string{testToken, testSender, testAPIKey, "ta8wr7ymd", "api\x00user"} {
				if strings.Contains(err.Error(), secret) {
					t.Errorf("error echoes a credential %q: %v", secret, err)
				}
			}
		})
	}
}

func TestNewDefaultVersionFollowsCredentials(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  Config
		want string
	}{
		{"token", Config{AuthToken: testToken}, V300},
		{"legacy only", Config{Sender: " " + testSender + " ", APIKey: testAPIKey + "\n"}, V202},
	} {
		c, err := New(tc.cfg)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if c.cfg.APIVersion != tc.want {
			t.Errorf("%s: version = %s, want %s", tc.name, c.cfg.APIVersion, tc.want)
		}
		if tc.want == V202 && (c.cfg.Sender != testSender || c.cfg.APIKey != testAPIKey) {
			t.Errorf("%s: credentials not trimmed: %q %q", tc.name, c.cfg.Sender, c.cfg.APIKey)
		}
	}
	if _, err := New(Config{}); err == nil || !strings.Contains(err.Error(), "API v3.00 authenticates with an auth token") {
		t.Errorf("no credentials at all: err = %v", err)
	}
}

// The version is the path segment as configured: v2.03 and v2.01 are not
// rewritten to v2.04 and v2.02.
func TestV2VersionInPath(t *testing.T) {
	for _, version := range v2Versions {
		req, err := newV2(Config{APIVersion: version, AuthToken: "tok", Sender: "s@example.com", APIKey: "k"}).sendRequest(minimalSMS())
		if err != nil {
			t.Fatal(err)
		}
		if want := "/api/" + version + "/send/sms"; req.path != want {
			t.Errorf("%s: path %s, want %s", version, req.path, want)
		}
	}
}
