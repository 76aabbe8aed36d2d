package sandbox

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)

const (
	body401 = `{"Result":"Unauthorized","ErrorMessage":["Access denied: Auth Token or credentials are incorrect or have expired."]}`
	body400 = `{"Result":"Failed","ErrorMessage":["Failed to process your API request. Check your syntax."]}`
	body404 = `{"ErrorMessage":["Unable to find or access the data you're looking for."]}`
	body415 = `{"status":415,"extend1":"info1","extend2":"info2"}`
	okSMS   = `{"Message":"hi","Destination":"+6421000001"}`
)

type fixture struct {
	srv   *Server
	clock *ManualClock
}

func newFixture(t *testing.T, opts Options) *fixture {
	t.Helper()
	c := NewManualClock(t0)
	if opts.Clock == nil {
		opts.Clock = c
	}
	return &fixture{srv: New(opts), clock: c}
}

// do serves one request; hdr entries with an empty value remove the default.
func (f *fixture) do(t *testing.T, method, path, body string, hdr map[string]string) (int, http.Header, string) {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+DefaultToken)
	if method == http.MethodPost {
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
	b, _ := io.ReadAll(rec.Result().Body)
	return rec.Code, rec.Header(), string(b)
}

func (f *fixture) send(t *testing.T, body string) (int, string) {
	t.Helper()
	return f.sendTo(t, "sms", body)
}

// sendTo posts body to /api/v3.00/<ch>.
func (f *fixture) sendTo(t *testing.T, ch, body string) (int, string) {
	t.Helper()
	code, _, b := f.do(t, http.MethodPost, "/api/v3.00/"+ch, body, nil)
	return code, b
}

// mustSend sends body and returns the MessageID the sandbox answered with.
func (f *fixture) mustSend(t *testing.T, body string) string {
	t.Helper()
	return f.mustSendTo(t, "sms", body)
}

func (f *fixture) mustSendTo(t *testing.T, ch, body string) string {
	t.Helper()
	code, b := f.sendTo(t, ch, body)
	if code != http.StatusOK {
		t.Fatalf("send %s to %s: %d %s", body, ch, code, b)
	}
	var r struct{ MessageID string }
	decode(t, b, &r)
	return r.MessageID
}

func (f *fixture) status(t *testing.T, id string) statusResponse {
	t.Helper()
	st, _ := f.statusOf(t, "sms", id)
	return st
}

// statusOf returns the decoded status of id on ch and its raw body.
func (f *fixture) statusOf(t *testing.T, ch, id string) (statusResponse, string) {
	t.Helper()
	code, _, b := f.do(t, http.MethodGet, "/api/v3.00/"+ch+"/"+id, "", nil)
	if code != http.StatusOK {
		t.Fatalf("status %s/%s: %d %s", ch, id, code, b)
	}
	var st statusResponse
	decode(t, b, &st)
	return st, b
}

func decode(t *testing.T, s string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatalf("decode %q: %v", s, err)
	}
}

func TestAuth(t *testing.T) {
	tests := []struct {
		name   string
		header string
		ok     bool
	}{
		{"missing", "", false},
		{"wrong token", "Bearer nope", false},
		{"scheme only", "Bearer", false},
		{"token without scheme", DefaultToken, false},
		{"other scheme", "Digest " + DefaultToken, false},
		{"bearer", "Bearer " + DefaultToken, true},
		{"basic", "Basic " + DefaultToken, true},
		{"scheme case-insensitive", "bEARER " + DefaultToken, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, Options{})
			hdr := map[string]string{"Authorization": tt.header}
			sendCode, sendHdr, sendBody := f.do(t, http.MethodPost, "/api/v3.00/sms", okSMS, hdr)
			getCode, _, getBody := f.do(t, http.MethodGet, "/api/v3.00/sms/unknown", "", hdr)
			if !tt.ok {
				for _, got := range []struct {
					code int
					body string
				}{{sendCode, sendBody}, {getCode, getBody}} {
					if got.code != http.StatusUnauthorized || got.body != body401 {
						t.Errorf("got %d %s, want 401 %s", got.code, got.body, body401)
					}
				}
				if ct := sendHdr.Get("Content-Type"); ct != "application/json; charset=utf-8" {
					t.Errorf("Content-Type = %q", ct)
				}
				if n := len(f.srv.Received()); n != 0 {
					t.Errorf("an unauthorised send was recorded (%d)", n)
				}
				return
			}
			if sendCode != http.StatusOK || getCode != http.StatusNotFound {
				t.Errorf("send %d %s, status %d %s; want 200 and 404", sendCode, sendBody, getCode, getBody)
			}
		})
	}
}

func TestTokensOption(t *testing.T) {
	f := newFixture(t, Options{Tokens: []string{"", "alpha", "beta"}})
	for token, want := range map[string]int{"alpha": 200, "beta": 200, DefaultToken: 401, "": 401} {
		code, _, b := f.do(t, http.MethodPost, "/api/v3.00/sms", okSMS, map[string]string{"Authorization": "Bearer " + token})
		if code != want {
			t.Errorf("token %q: %d %s, want %d", token, code, b, want)
		}
	}
}

func TestMediaType(t *testing.T) {
	tests := []struct {
		contentType, accept string
		want                int
	}{
		{"", "", 415},
		{"text/plain", "", 415},
		{"application/xml", "", 415},
		{"application/x-www-form-urlencoded", "", 415},
		{"application/json", "application/xml", 415},
		{"application/json", "", 200},
		{"application/json; charset=utf-8", "", 200},
		{`application/json; encoding="UTF-8"`, `application/json; encoding="UTF-8"`, 200},
		{"application/json; encoding='utf-8'", "*/*", 200},
		{"Application/JSON", "text/html, application/*;q=0.8", 200},
	}
	for _, tt := range tests {
		t.Run(tt.contentType+"|"+tt.accept, func(t *testing.T) {
			f := newFixture(t, Options{})
			hdr := map[string]string{"Content-Type": tt.contentType, "Accept": tt.accept}
			code, h, b := f.do(t, http.MethodPost, "/api/v3.00/sms", okSMS, hdr)
			if code != tt.want {
				t.Fatalf("got %d %s, want %d", code, b, tt.want)
			}
			if code == 415 && b != body415 {
				t.Errorf("415 body = %s, want %s", b, body415)
			}
			if ct := h.Get("Content-Type"); ct != "application/json; charset=utf-8" {
				t.Errorf("Content-Type = %q", ct)
			}
		})
	}
}

func TestMalformedBody(t *testing.T) {
	for _, body := range []string{"", " ", "not json", "{", `{"Message":"hi",}`, "[]", `"text"`, "42", "null", okSMS + " {}", okSMS + "x"} {
		t.Run(body, func(t *testing.T) {
			f := newFixture(t, Options{})
			code, b := f.send(t, body)
			if code != http.StatusBadRequest || b != body400 {
				t.Errorf("got %d %s, want 400 %s", code, b, body400)
			}
			if len(f.srv.Received()) != 0 {
				t.Error("a malformed send was recorded")
			}
		})
	}
}

func TestBodyTooLarge(t *testing.T) {
	f := newFixture(t, Options{})
	f.srv.maxBody = 64
	if code, _ := f.send(t, okSMS); code != http.StatusOK {
		t.Fatalf("a body under the limit got %d", code)
	}
	big := `{"Message":"` + strings.Repeat("a", 64) + `","Destination":"+6421000001"}`
	if code, b := f.send(t, big); code != http.StatusRequestEntityTooLarge || !strings.Contains(b, "Check your syntax") {
		t.Errorf("got %d %s, want 413", code, b)
	}
}

func TestRouting(t *testing.T) {
	tests := []struct {
		method, path string
		want         int
		wantBody     string
	}{
		{"GET", "/", 404, body404},
		{"GET", "/api", 404, body404},
		{"GET", "/api/v3.00", 404, body404},
		{"POST", "/api/v3.00/nope", 404, body404},
		{"POST", "/api/v9.99/sms", 404, body404},
		{"GET", "/api/v3.00/sms/id/extra/more", 404, body404},
		{"GET", "/sandbox/nope", 404, body404},
		{"GET", "/other/path", 404, body404},
		{"POST", "/api/v3.00/sms", 200, ""},
		{"POST", "/API/V3.00/SMS", 200, ""},
		{"POST", "/api/v3.00/Sms/", 200, ""},
		{"GET", "/api/v3.00/sms", 405, ""},
		{"DELETE", "/api/v3.00/sms/abc", 405, ""},
		{"POST", "/sandbox/messages", 405, ""},
		{"GET", "/sandbox/health", 200, `{"Status":"OK"}`},
		{"GET", "/SANDBOX/Health/", 200, `{"Status":"OK"}`},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			f := newFixture(t, Options{})
			code, h, b := f.do(t, tt.method, tt.path, okSMS, map[string]string{"Content-Type": "application/json"})
			if code != tt.want {
				t.Fatalf("got %d %s, want %d", code, b, tt.want)
			}
			if tt.wantBody != "" && b != tt.wantBody {
				t.Errorf("body = %s, want %s", b, tt.wantBody)
			}
			if code == 405 && h.Get("Allow") == "" {
				t.Error("405 without Allow header")
			}
			if ct := h.Get("Content-Type"); ct != "application/json; charset=utf-8" {
				t.Errorf("Content-Type = %q", ct)
			}
		})
	}
}

func TestHealthNeedsNoAuth(t *testing.T) {
	f := newFixture(t, Options{})
	code, _, _ := f.do(t, http.MethodGet, "/sandbox/health", "", map[string]string{"Authorization": ""})
	if code != http.StatusOK {
		t.Errorf("health without auth: %d", code)
	}
}

func TestNewDefaults(t *testing.T) {
	s := New(Options{})
	if s.delay != DefaultCompletionDelay {
		t.Errorf("delay = %v, want %v", s.delay, DefaultCompletionDelay)
	}
	if _, ok := s.clock.(systemClock); !ok {
		t.Errorf("clock = %T, want the system clock", s.clock)
	}
	if len(s.tokens) != 1 || string(s.tokens[0]) != DefaultToken {
		t.Errorf("tokens = %q", s.tokens)
	}
}

func TestConcurrentSends(t *testing.T) {
	f := newFixture(t, Options{})
	const n = 50
	done := make(chan string, n)
	for range n {
		go func() {
			req := httptest.NewRequest(http.MethodPost, "/api/v3.00/sms", strings.NewReader(okSMS))
			req.Header.Set("Authorization", "Bearer "+DefaultToken)
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			f.srv.ServeHTTP(rec, req)
			var r struct{ MessageID string }
			_ = json.Unmarshal(rec.Body.Bytes(), &r)
			done <- r.MessageID
		}()
	}
	seen := map[string]bool{}
	for range n {
		seen[<-done] = true
	}
	if len(seen) != n || len(f.srv.Received()) != n {
		t.Errorf("distinct ids %d, received %d; want %d", len(seen), len(f.srv.Received()), n)
	}
	jobs := map[string]bool{}
	for id := range seen {
		jobs[f.status(t, id).JobNum] = true
	}
	if len(jobs) != n {
		t.Errorf("distinct JobNums %d, want %d", len(jobs), n)
	}
}

func TestAPIRequestsCountsEveryAPICall(t *testing.T) {
	s := New(Options{})
	if s.APIRequests() != 0 {
		t.Fatal("a new sandbox has seen requests")
	}
	for _, req := range []*http.Request{
		httptest.NewRequest(http.MethodPost, "/api/v3.00/sms", strings.NewReader(`{}`)), // unauthorized
		httptest.NewRequest(http.MethodGet, "/sandbox/messages", nil),                   // not an API call
		httptest.NewRequest(http.MethodGet, "/api/v3.00/sms/abc", nil),                  // unauthorized status
	} {
		s.ServeHTTP(httptest.NewRecorder(), req)
	}
	if got := s.APIRequests(); got != 2 {
		t.Errorf("APIRequests() = %d, want 2", got)
	}
}
