package tnz

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
	"github.com/hashicorp/terraform-plugin-log/tfsdklog"
)

// echoServer answers sends with a body that carries secrets (the token, and
// legacy APIKey/Sender members) and echoes the Authorization header, so the
// tests see masking work on responses as well as requests.
func echoServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.ReadAll(r.Body)
		w.Header().Set("X-Echo-Authorization", r.Header.Get("Authorization"))
		if r.Method == http.MethodGet {
			writeJSON(w, 200, `{"MessageID":"ID1","JobStatus":"Completed","Recipients":[{"Destination":"+6421000001","Status":"Success"}]}`)
			return
		}
		writeJSON(w, 200, `{"MessageID":"ID1","Echo":"`+testToken+`","Webhook":{"Sender":"api-user@example.com","APIKey":"ta8wr7ymd"}}`)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func loggedSMS() *SMSMessage {
	m := smsTo("ID1", "+6421000001")
	m.Destinations[0].FirstName = "Johnathan"
	m.Message = "Token is " + testToken
	return m
}

func TestLoggingTraceMasksSecrets(t *testing.T) {
	var buf bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &buf)
	srv := echoServer(t)
	c := newTestClient(t, srv.URL)

	if _, err := c.Send(ctx, loggedSMS()); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Status(ctx, SMS, "ID1"); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	entries, err := tflogtest.MultilineJSONDecode(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 6 { // per call: TRACE request, DEBUG summary, TRACE response
		t.Errorf("got %d log entries, want 6:\n%s", len(entries), out)
	}
	for _, secret := range []string{testToken, "ta8wr7ymd", "api-user@example.com"} {
		if strings.Contains(out, secret) {
			t.Errorf("log contains secret %q:\n%s", secret, out)
		}
	}
	for _, want := range []string{
		"+6421000001",               // recipient, allowed at TRACE
		"Johnathan",                 // request body is logged at TRACE
		`Authorization: Bearer ***`, // scheme kept, value masked
		`\"APIKey\":\"***\"`,        // member kept, value masked
		`X-Echo-Authorization: Bearer ***`,
		`"tnz_path":"/api/v3.00/sms"`, // DEBUG summary
		`"tnz_status":200`,
		`"tnz_attempt":1`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %s:\n%s", want, out)
		}
	}
}

// The body the transport logged must still reach the server intact.
func TestLoggingKeepsBodies(t *testing.T) {
	var got string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got = string(b)
		writeJSON(w, 200, `{"MessageID":"ID7"}`)
	}))
	defer srv.Close()
	var buf bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &buf)
	// A transport without GetBody support exercises the clone path.
	c := newTestClient(t, srv.URL, func(c *Config) {
		c.Transport = roundTripFunc(func(r *http.Request) (*http.Response, error) {
			return http.DefaultTransport.RoundTrip(r)
		})
	})
	res, err := c.Send(ctx, smsTo("ID7", "+6421000007"))
	if err != nil || res.MessageID != "ID7" {
		t.Fatalf("got %+v, %v", res, err)
	}
	if want := `{"MessageID":"ID7","Destinations":[{"ToNumber":"+6421000007"}],"Message":"Hello"}`; got != want {
		t.Errorf("server got %s", got)
	}
	if !strings.Contains(buf.String(), `ID7`) {
		t.Errorf("response body not logged")
	}
}

func TestPeekRequestBodyWithoutGetBody(t *testing.T) {
	req, _ := http.NewRequest("POST", "http://127.0.0.1/x", io.NopCloser(strings.NewReader("payload")))
	req.GetBody = nil
	b, out, err := peekRequestBody(req)
	if err != nil || string(b) != "payload" {
		t.Fatalf("got %q, %v", b, err)
	}
	if out == req {
		t.Fatal("original request was reused after its body was consumed")
	}
	rest, _ := io.ReadAll(out.Body)
	if string(rest) != "payload" {
		t.Errorf("body for sending = %q", rest)
	}
}

// At DEBUG, one line per request and no recipient details.
func TestLoggingDebugHidesRecipients(t *testing.T) {
	logFile := filepath.Join(t.TempDir(), "tf.log")
	t.Setenv("TF_LOG", "DEBUG")
	t.Setenv("TF_LOG_PATH", logFile)
	t.Setenv("TF_ACC_LOG_PATH", "")
	t.Setenv("TF_LOG_PATH_MASK", "")
	ctx := tfsdklog.ContextWithTestLogging(context.Background(), t.Name())
	ctx = tfsdklog.NewRootProviderLogger(ctx)

	c := newTestClient(t, echoServer(t).URL)
	if _, err := c.Send(ctx, loggedSMS()); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Status(ctx, SMS, "ID1"); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatal(err)
	}
	out := string(b)
	if n := strings.Count(out, "TNZ API request"); n != 2 {
		t.Errorf("got %d request lines, want 2:\n%s", n, out)
	}
	// hclog's text format writes fields in map order, so match each alone.
	for _, want := range []string{`tnz_path=/api/v3.00/sms(\s|$)`, `tnz_path=/api/v3.00/sms/ID1(\s|$)`, `tnz_status=200`, `tnz_method=POST`, `tnz_attempt=1`} {
		if !regexp.MustCompile(`(?m)` + want).MatchString(out) {
			t.Errorf("log lacks %s:\n%s", want, out)
		}
	}
	for _, hidden := range []string{"+6421000001", "Johnathan", testToken, "Authorization", "ta8wr7ymd"} {
		if strings.Contains(out, hidden) {
			t.Errorf("DEBUG log contains %q:\n%s", hidden, out)
		}
	}
}

func TestLoggingAttemptNumbers(t *testing.T) {
	var buf bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &buf)
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			writeJSON(w, 503, `{}`)
			return
		}
		writeJSON(w, 200, `{"MessageID":"ID1"}`)
	}))
	defer srv.Close()
	if _, err := newTestClient(t, srv.URL).Status(ctx, SMS, "ID1"); err != nil {
		t.Fatal(err)
	}
	entries, err := tflogtest.MultilineJSONDecode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	var summaries []string
	for _, e := range entries {
		if e["@level"] == "debug" {
			summaries = append(summaries, fmt.Sprintf("%v:%v", e["tnz_attempt"], e["tnz_status"]))
		}
	}
	if got := strings.Join(summaries, " "); got != "1:503 2:200" {
		t.Errorf("DEBUG summaries (attempt:status) = %q, want \"1:503 2:200\"", got)
	}
}

func TestMaskBody(t *testing.T) {
	lt := newLoggingTransport(nil, "TOK")
	for in, want := range map[string]string{
		`{"Sender":"a@b.c","APIKey":"k\"ey","MessageData":{"Message":"x"}}`: `{"Sender":"***","APIKey":"***","MessageData":{"Message":"x"}}`,
		`{"apikey" : "k", "n":{"SENDER":"s"}}`:                              `{"apikey" : "***", "n":{"SENDER":"***"}}`,
		`{"APIKey":null}`:                                                   `{"APIKey":null}`,
		`{"Message":"my TOK here"}`:                                         `{"Message":"my *** here"}`,
		`not json TOK "Sender":"x"`:                                         `not json *** "Sender":"***"`,
	} {
		if got := lt.maskBody([]byte(in)); got != want {
			t.Errorf("maskBody(%s) = %s, want %s", in, got, want)
		}
	}
	if got := lt.maskBody(bytes.Repeat([]byte("a"), maxLoggedBody+10)); len(got) > maxLoggedBody+20 || !strings.HasSuffix(got, "(truncated)") {
		t.Errorf("long body not truncated: %d bytes", len(got))
	}
}

func TestMaskHeader(t *testing.T) {
	for _, tc := range [][3]string{
		{"Authorization", "Bearer abc.def", "Bearer ***"},
		{"authorization", "Basic abc", "Basic ***"},
		{"Authorization", "abc.def", "***"},
		{"Authorization", "a.b c", "***"},
		{"Cookie", "session=abc; x=y", "***"},
		{"Accept", "application/json", "application/json"},
	} {
		if got := maskHeader(tc[0], tc[1]); got != tc[2] {
			t.Errorf("maskHeader(%s, %s) = %s, want %s", tc[0], tc[1], got, tc[2])
		}
	}
}

func TestPeekResponseBodyKeepsEverything(t *testing.T) {
	big := strings.Repeat("x", maxResponseBody+5)
	resp := &http.Response{Body: io.NopCloser(strings.NewReader(big))}
	logged := peekResponseBody(resp)
	if len(logged) != maxResponseBody {
		t.Errorf("logged %d bytes, want %d", len(logged), maxResponseBody)
	}
	rest, err := io.ReadAll(resp.Body)
	if err != nil || string(rest) != big {
		t.Errorf("caller read %d bytes (%v), want %d", len(rest), err, len(big))
	}
}

// v2.0x at TRACE: the legacy form's Sender and APIKey are masked as body
// members and wherever else their values appear (here echoed by the server
// under other keys and inside a message); the token form's Basic token is
// masked in the header. Status and actions are logged the same way.
func TestLoggingTraceMasksV2Credentials(t *testing.T) {
	// The API key with a quote and a backslash travels JSON-escaped.
	const oddKey = `K3y"with\slash-0123`
	for _, tc := range []struct {
		version string
		mutate  func(*Config)
		secrets []string
		want    []string
	}{
		{V202, func(c *Config) { c.APIKey = oddKey }, []string{testSender, oddKey, `K3y\"with\\slash-0123`, "api.user"},
			[]string{`\"Sender\":\"***\"`, `\"APIKey\":\"***\"`, `\"Echo\":\"***\"`, `\"Account\":\"***\"`, `"tnz_path":"/api/v2.02/send/sms"`, `"tnz_path":"/api/v2.02/set/abort"`}},
		// v2.04 authenticates with the token alone (sender and key are not configured).
		{V204, nil, []string{testToken},
			[]string{`Authorization: Basic ***`, `"tnz_path":"/api/v2.04/get/status/ID1"`, `"tnz_path":"/api/v2.04/set/abort/ID1"`}},
	} {
		t.Run(tc.version, func(t *testing.T) {
			var buf bytes.Buffer
			ctx := tflogtest.RootLogger(context.Background(), &buf)
			var apiKey string
			srv := newRecordingServer(t, func(req capturedRequest, w http.ResponseWriter) {
				switch {
				case strings.Contains(req.Path, "/send/"):
					// A server echoing the credentials under other keys.
					writeJSON(w, 200, fmt.Sprintf(`{"Result":"Success","MessageID":"ID1","Echo":%q,"Account":%q}`, apiKey, testSender))
				case strings.Contains(req.Path, "/set/"):
					writeJSON(w, 200, `{"Result":"Success","MessageID":"ID1","Action":"Abort"}`)
				default:
					writeJSON(w, 200, `{"Result":"Success","MessageID":"ID1","Status":"Completed","Recipients":[]}`)
				}
			})
			muts := []func(*Config){}
			if tc.mutate != nil {
				muts = append(muts, tc.mutate)
			}
			c := newV2Client(t, srv.URL, tc.version, muts...)
			apiKey = c.cfg.APIKey
			msg := loggedSMS()
			msg.Message = "Sender is " + testSender + ", key " + apiKey
			if _, err := c.Send(ctx, msg); err != nil {
				t.Fatal(err)
			}
			if _, err := c.Status(ctx, Email, "ID1"); err != nil {
				t.Fatal(err)
			}
			if _, err := c.Abort(ctx, SMS, "ID1"); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			if n := strings.Count(out, `"@level":"trace"`); n != 6 {
				t.Errorf("got %d TRACE entries, want 6 (request and response of 3 calls):\n%s", n, out)
			}
			for _, secret := range tc.secrets {
				if strings.Contains(out, secret) {
					t.Errorf("log contains secret %q:\n%s", secret, out)
				}
			}
			for _, want := range append(tc.want, "+6421000001", "Johnathan") {
				if !strings.Contains(out, want) {
					t.Errorf("log lacks %s:\n%s", want, out)
				}
			}
		})
	}
}

func TestNewLoggingTransportSecrets(t *testing.T) {
	lt := newLoggingTransport(nil, "", "ab", "xabx", `q"b`)
	if got, want := strings.Join(lt.secrets, " "), `xabx q\"b q"b ab`; got != want {
		t.Errorf("secrets = %s, want %s (escaped forms added, longest first, empty skipped)", got, want)
	}
	if got := lt.mask(`xabx ab q"b q\"b`); got != "*** *** *** ***" {
		t.Errorf("mask = %s", got)
	}
}
