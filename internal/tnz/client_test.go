package tnz

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

const testToken = "eyTEST.token-0123456789"

// newTestClient returns a client for url with retry pauses shortened.
func newTestClient(t *testing.T, baseURL string, mutate ...func(*Config)) *Client {
	t.Helper()
	cfg := Config{BaseURL: baseURL, AuthToken: testToken, MaxRetries: 2}
	for _, m := range mutate {
		m(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	c.waitMin, c.waitMax, c.recheckWait = time.Millisecond, 5*time.Millisecond, time.Millisecond
	return c
}

func smsTo(id string, numbers ...string) *SMSMessage {
	m := &SMSMessage{Common: Common{MessageID: id}, Message: "Hello"}
	for _, n := range numbers {
		m.Destinations = append(m.Destinations, Destination{Recipient: n})
	}
	return m
}

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	io.WriteString(w, body)
}

func TestNewDefaults(t *testing.T) {
	c, err := New(Config{AuthToken: " " + testToken + "\n"})
	if err != nil {
		t.Fatal(err)
	}
	if c.cfg.BaseURL != DefaultBaseURL || c.cfg.APIVersion != V300 || c.cfg.RequestTimeout != 30*time.Second ||
		c.cfg.UserAgent != "terraform-provider-tnz" || c.cfg.AuthToken != testToken || c.cfg.MaxRetries != 0 {
		t.Errorf("defaults: %+v", c.cfg)
	}
}

func TestNewRejects(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  Config
		want string
	}{
		{"unknown version", Config{APIVersion: "v9.99"}, `unsupported API version "v9.99": use one of v3.00, v2.04, v2.03, v2.02, v2.01`},
		{"negative timeout", Config{RequestTimeout: -time.Second}, "negative"},
		{"negative retries", Config{MaxRetries: -1}, "negative"},
		{"token with space", Config{AuthToken: "ab cd"}, "copy it again"},
		{"user agent control", Config{UserAgent: "x\r\ny"}, "control characters"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(tc.cfg)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to contain %q", err, tc.want)
			}
			if err != nil && tc.cfg.AuthToken != "" && strings.Contains(err.Error(), tc.cfg.AuthToken) {
				t.Errorf("error echoes the token: %v", err)
			}
		})
	}
}

func TestBaseURLNormalisation(t *testing.T) {
	for in, want := range map[string]string{
		"":                                     "https://api.tnz.co.nz",
		"  https://api.tnz.co.nz/  ":           "https://api.tnz.co.nz",
		"https://api.tnz.co.nz/api/v3.00":      "https://api.tnz.co.nz",
		"https://api.tnz.co.nz/api/v3.00/":     "https://api.tnz.co.nz",
		"https://api.tnz.co.nz/API/V2.04":      "https://api.tnz.co.nz",
		"HTTPS://api.tnz.co.nz":                "https://api.tnz.co.nz",
		"https://gw.example.com/tnz/api/v3.00": "https://gw.example.com/tnz",
		"http://127.0.0.1:8086/api/v3.00":      "http://127.0.0.1:8086",
		"http://127.5.6.7":                     "http://127.5.6.7",
		"http://localhost:8086/":               "http://localhost:8086",
		"http://LocalHost:8086":                "http://LocalHost:8086",
		"http://[::1]:8086":                    "http://[::1]:8086",
	} {
		c, err := New(Config{BaseURL: in, AuthToken: testToken})
		if err != nil {
			t.Errorf("%q: %v", in, err)
			continue
		}
		if c.cfg.BaseURL != want {
			t.Errorf("%q -> %q, want %q", in, c.cfg.BaseURL, want)
		}
	}
}

func TestBaseURLRejected(t *testing.T) {
	for in, want := range map[string]string{
		"http://api.tnz.co.nz/api/v3.00": "use https://api.tnz.co.nz",
		"http://10.0.0.1:8086":           "use https://10.0.0.1:8086",
		"http://localhost.example.com":   "only for loopback hosts",
		"http://[::2]":                   "only for loopback hosts",
		"ftp://api.tnz.co.nz":            "absolute https URL",
		"api.tnz.co.nz":                  "absolute https URL",
		"https://":                       "absolute https URL",
		"https://u:secret@api.tnz.co.nz": "user name or password",
		"https://api.tnz.co.nz/?x=1":     "query or fragment",
		"https://api.tnz.co.nz/#frag":    "query or fragment",
	} {
		_, err := New(Config{BaseURL: in})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err = %v, want it to contain %q", in, err, want)
		}
		if err != nil && strings.Contains(err.Error(), "secret") {
			t.Errorf("%q: error echoes the password: %v", in, err)
		}
	}
}

func TestSendHeadersAndBody(t *testing.T) {
	type seen struct {
		method, uri string
		header      http.Header
		body        string
	}
	got := make(chan seen, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got <- seen{r.Method, r.RequestURI, r.Header.Clone(), string(b)}
		writeJSON(w, 200, `{"MessageID":"ID1"}`)
	}))
	defer srv.Close()

	c := newTestClient(t, srv.URL+"/api/v3.00/", func(cfg *Config) { cfg.UserAgent = "tf-test/1.0" })
	res, err := c.Send(context.Background(), smsTo("ID1", "+6421000001"))
	if err != nil {
		t.Fatal(err)
	}
	if res != (SendResult{MessageID: "ID1"}) {
		t.Errorf("result = %+v", res)
	}
	s := <-got
	if s.method != "POST" || s.uri != "/api/v3.00/sms" {
		t.Errorf("request = %s %s", s.method, s.uri)
	}
	for k, want := range map[string]string{
		"Authorization": "Bearer " + testToken,
		"User-Agent":    "tf-test/1.0",
		"Content-Type":  "application/json",
		"Accept":        "application/json",
	} {
		if v := s.header.Get(k); v != want {
			t.Errorf("%s = %q, want %q", k, v, want)
		}
	}
	if want := `{"MessageID":"ID1","Destinations":[{"ToNumber":"+6421000001"}],"Message":"Hello"}`; s.body != want {
		t.Errorf("body = %s, want %s", s.body, want)
	}
}

func TestSendServerGeneratedID(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"MessageID":"1000000a-f002-4007-b00a-d00000000002"}`)
	}))
	defer srv.Close()
	res, err := newTestClient(t, srv.URL).Send(context.Background(), smsTo("", "+6421000001"))
	if err != nil || res.MessageID != "1000000a-f002-4007-b00a-d00000000002" {
		t.Errorf("got %+v, %v", res, err)
	}
}

func TestStatusRequest(t *testing.T) {
	var uri, accept, ctype, auth string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		uri, accept, ctype, auth = r.RequestURI, r.Header.Get("Accept"), r.Header.Get("Content-Type"), r.Header.Get("Authorization")
		if r.Method != http.MethodGet {
			t.Errorf("method = %s", r.Method)
		}
		writeJSON(w, 200, `{"MessageID":"a/b","JobStatus":"Pending","Count":"1","Recipients":[{"Destination":"+6421000001","Status":"Pending"}]}`)
	}))
	defer srv.Close()
	st, err := newTestClient(t, srv.URL).Status(context.Background(), Voice, "a/b")
	if err != nil {
		t.Fatal(err)
	}
	if uri != "/api/v3.00/voice/a%2Fb?recordsPerPage=100&page=1" || accept != "application/json" || ctype != "" || auth != "Bearer "+testToken {
		t.Errorf("uri=%q accept=%q content-type=%q auth=%q", uri, accept, ctype, auth)
	}
	if st.JobStatus != JobPending || st.Count != 1 || len(st.Recipients) != 1 || st.Recipients[0].Status != RecipientPending {
		t.Errorf("status = %+v", st)
	}
}

func TestStatusArgumentErrors(t *testing.T) {
	c := newTestClient(t, "http://127.0.0.1:1")
	if _, err := c.Status(context.Background(), Channel("sms/../x"), "ID"); err == nil {
		t.Error("unknown channel accepted")
	}
	if _, err := c.Status(context.Background(), SMS, " "); err == nil {
		t.Error("empty id accepted")
	}
}

func TestSendErrorBodies(t *testing.T) {
	for _, tc := range []struct {
		name, body   string
		status       int
		wantMessages []string
		wantRaw      bool
	}{
		{"list", `{"Result":"Failed","ErrorMessage":["Missing or empty message"]}`, 400, []string{"Missing or empty message"}, false},
		{"string", `{"Result":"Failed","ErrorMessage":"Missing or empty destinations"}`, 400, []string{"Missing or empty destinations"}, false},
		{"non-json", `<html><body>Request blocked</body></html>`, 403, nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var posts atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				posts.Add(1)
				w.WriteHeader(tc.status)
				io.WriteString(w, tc.body)
			}))
			defer srv.Close()
			_, err := newTestClient(t, srv.URL).Send(context.Background(), smsTo("ID1", "+6421000001"))
			var apiErr *APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("err = %T %v, want *APIError", err, err)
			}
			if IsUncertain(err) {
				t.Errorf("a %d is a definite rejection, not uncertain", tc.status)
			}
			if apiErr.StatusCode != tc.status || fmt.Sprint(apiErr.Messages) != fmt.Sprint(tc.wantMessages) || apiErr.Body != tc.body {
				t.Errorf("got %+v", apiErr)
			}
			if tc.wantRaw && !strings.Contains(err.Error(), "Request blocked") {
				t.Errorf("raw body missing from %q", err)
			}
			if n := posts.Load(); n != 1 {
				t.Errorf("POST %d answered with %d was sent %d times, want once", tc.status, tc.status, n)
			}
		})
	}
}

func TestStatusNotFoundAndUnauthorized(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		if strings.HasSuffix(r.URL.Path, "/missing") {
			writeJSON(w, 404, `{"Result":"RecordNotFound","MessageID":"missing","ErrorMessage":["Unable to find entry."]}`)
			return
		}
		writeJSON(w, 401, `{"Result":"Unauthorized","ErrorMessage":"Access denied: Auth Token or credentials are incorrect or have expired."}`)
	}))
	defer srv.Close()
	c := newTestClient(t, srv.URL)

	_, err := c.Status(context.Background(), SMS, "missing")
	if !IsNotFound(err) || IsUnauthorized(err) {
		t.Errorf("404: IsNotFound=%v IsUnauthorized=%v (%v)", IsNotFound(err), IsUnauthorized(err), err)
	}
	_, err = c.Status(context.Background(), SMS, "other")
	if !IsUnauthorized(err) || IsNotFound(err) {
		t.Errorf("401: IsNotFound=%v IsUnauthorized=%v (%v)", IsNotFound(err), IsUnauthorized(err), err)
	}
	if n := calls.Load(); n != 2 {
		t.Errorf("4xx must not be retried: %d calls, want 2", n)
	}
}

func TestStatusRetriedOn503(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) <= 2 {
			w.Header().Set("Retry-After", "0")
			writeJSON(w, 503, `{"Result":"Failed","ErrorMessage":["busy"]}`)
			return
		}
		writeJSON(w, 200, `{"MessageID":"ID1","JobStatus":"Completed"}`)
	}))
	defer srv.Close()
	st, err := newTestClient(t, srv.URL).Status(context.Background(), SMS, "ID1")
	if err != nil {
		t.Fatal(err)
	}
	if st.JobStatus != JobCompleted || calls.Load() != 3 {
		t.Errorf("status %q after %d calls, want Completed after 3", st.JobStatus, calls.Load())
	}
}

func TestStatusGivesUpAfterMaxRetries(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		writeJSON(w, 500, `{"Result":"Failed","ErrorMessage":["An unexpected error occurred while processing."]}`)
	}))
	defer srv.Close()
	_, err := newTestClient(t, srv.URL, func(c *Config) { c.MaxRetries = 3 }).Status(context.Background(), SMS, "ID1")
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 500 || len(apiErr.Messages) != 1 {
		t.Errorf("err = %v, want the last 500 as *APIError", err)
	}
	if n := calls.Load(); n != 4 {
		t.Errorf("calls = %d, want 1 + 3 retries", n)
	}
}

func TestStatusRetriedAfterAttemptTimeout(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
			return
		}
		writeJSON(w, 200, `{"MessageID":"ID1","JobStatus":"Completed"}`)
	}))
	defer srv.Close()
	c := newTestClient(t, srv.URL, func(c *Config) { c.RequestTimeout = 200 * time.Millisecond })
	st, err := c.Status(context.Background(), SMS, "ID1")
	if err != nil || st.JobStatus != JobCompleted || calls.Load() != 2 {
		t.Errorf("got %+v, %v after %d calls; want Completed after 2", st, err, calls.Load())
	}
}

func TestSendRetriedOn429(t *testing.T) {
	var posts atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if posts.Add(1) == 1 {
			w.Header().Set("Retry-After", "0")
			writeJSON(w, 429, `{"Result":"Failed","ErrorMessage":["Too many requests"]}`)
			return
		}
		writeJSON(w, 200, `{"MessageID":"ID1"}`)
	}))
	defer srv.Close()
	res, err := newTestClient(t, srv.URL).Send(context.Background(), smsTo("ID1", "+6421000001"))
	if err != nil || res.MessageID != "ID1" || posts.Load() != 2 {
		t.Errorf("got %+v, %v after %d posts; want success after 2", res, err, posts.Load())
	}
}

// The server reads the whole request, accepts the message, then drops the
// connection without answering: the client must find the message by its id
// instead of sending it again.
func TestSendRecoversAfterDroppedConnection(t *testing.T) {
	var accepted, gets atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodPost && r.URL.Path == "/api/v3.00/sms":
			io.ReadAll(r.Body)
			accepted.Add(1)
			conn, _, err := w.(http.Hijacker).Hijack()
			if err != nil {
				t.Error(err)
				return
			}
			conn.Close()
		case r.Method == http.MethodGet && r.URL.Path == "/api/v3.00/sms/ID1":
			gets.Add(1)
			if accepted.Load() == 0 {
				writeJSON(w, 404, `{"Result":"RecordNotFound","MessageID":"ID1","ErrorMessage":["Unable to find entry."]}`)
				return
			}
			writeJSON(w, 200, `{"MessageID":"ID1","JobStatus":"Pending"}`)
		default:
			t.Errorf("unexpected %s %s", r.Method, r.URL)
		}
	}))
	defer srv.Close()

	res, err := newTestClient(t, srv.URL, func(c *Config) { c.MaxRetries = 3 }).Send(context.Background(), smsTo("ID1", "+6421000001"))
	if err != nil {
		t.Fatal(err)
	}
	if res != (SendResult{MessageID: "ID1", Recovered: true}) {
		t.Errorf("result = %+v, want recovered ID1", res)
	}
	if n := accepted.Load(); n != 1 {
		t.Errorf("server accepted %d sends, want exactly 1", n)
	}
	if n := gets.Load(); n != 1 {
		t.Errorf("status checks = %d, want 1", n)
	}
}

// A 500 leaves the outcome unknown; the status check says the id does not
// exist (twice, since 404 may mean "still processing"), so it is re-submitted
// once and the second attempt succeeds.
// After an ambiguous failure the client looks the id up and never submits
// again: TNZ's 404 also means "still processing", and TNZ's own 500 body
// ("Error occurred while creating job") does not prove that no job was
// created (TNZ has been seen creating it seconds later), so it is uncertain.
func TestSendNeverResubmitsAfter500(t *testing.T) {
	var posts, gets atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodPost:
			posts.Add(1)
			writeJSON(w, 500, `{"Result":"Failed","ErrorMessage":["Error occurred while creating job"]}`)
		case http.MethodGet:
			gets.Add(1)
			writeJSON(w, 404, `{"Result":"RecordNotFound","MessageID":"ID1","ErrorMessage":["Unable to find entry."]}`)
		}
	}))
	defer srv.Close()
	_, err := newTestClient(t, srv.URL).Send(context.Background(), smsTo("ID1", "+6421000001"))
	var apiErr *APIError
	if !IsUncertain(err) || !errors.As(err, &apiErr) || apiErr.StatusCode != 500 || apiErr.Messages[0] != "Error occurred while creating job" {
		t.Fatalf("err = %v, want an uncertain error keeping TNZ's job error", err)
	}
	if p, g := posts.Load(), gets.Load(); p != 1 || g != 2 {
		t.Errorf("posts=%d gets=%d, want 1 and 2", p, g)
	}
}

// A gateway error without TNZ's body leaves it unknown whether TNZ got the
// message: uncertain, and still submitted only once.
func TestSendGatewayErrorIsUncertain(t *testing.T) {
	var posts atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			posts.Add(1)
			w.WriteHeader(http.StatusBadGateway)
			_, _ = w.Write([]byte("<html>bad gateway</html>"))
			return
		}
		writeJSON(w, 404, `{"Result":"RecordNotFound","ErrorMessage":["Unable to find entry."]}`)
	}))
	defer srv.Close()
	_, err := newTestClient(t, srv.URL).Send(context.Background(), smsTo("ABC123", "+6421000001"))
	if !IsUncertain(err) {
		t.Fatalf("err = %v, want uncertain", err)
	}
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 502 {
		t.Errorf("the uncertain error must keep the HTTP answer: %v", err)
	}
	if p := posts.Load(); p != 1 {
		t.Errorf("posts = %d, want 1", p)
	}
}

func TestSendWithoutMessageIDNeverRetriesAmbiguous(t *testing.T) {
	var requests, gets atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet {
			gets.Add(1)
		}
		requests.Add(1)
		writeJSON(w, 502, `bad gateway`)
	}))
	defer srv.Close()
	_, err := newTestClient(t, srv.URL, func(c *Config) { c.MaxRetries = 5 }).Send(context.Background(), smsTo("", "+6421000001"))
	if !IsUncertain(err) || !strings.Contains(err.Error(), "no MessageID") {
		t.Errorf("err = %v, want uncertain without MessageID", err)
	}
	if n, g := requests.Load(), gets.Load(); n != 1 || g != 0 {
		t.Errorf("requests=%d gets=%d, want one POST only", n, g)
	}
}

func TestSendTimeoutWithoutMessageIDNotRetried(t *testing.T) {
	var posts atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		posts.Add(1)
		io.ReadAll(r.Body) // lets the server notice the client hanging up
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}))
	defer srv.Close()
	c := newTestClient(t, srv.URL, func(c *Config) { c.RequestTimeout = 100 * time.Millisecond; c.MaxRetries = 3 })
	_, err := c.Send(context.Background(), smsTo("", "+6421000001"))
	if !IsUncertain(err) {
		t.Errorf("err = %v, want uncertain", err)
	}
	if n := posts.Load(); n != 1 {
		t.Errorf("posts = %d, want 1", n)
	}
}

func TestSendCancelledContext(t *testing.T) {
	started := make(chan struct{})
	var once sync.Once
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.ReadAll(r.Body) // lets the server notice the client hanging up
		once.Do(func() { close(started) })
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-started; cancel() }()
	begin := time.Now()
	_, err := newTestClient(t, srv.URL).Send(ctx, smsTo("ID1", "+6421000001"))
	if !errors.Is(err, context.Canceled) || !IsUncertain(err) {
		t.Errorf("err = %v, want an uncertain context.Canceled", err)
	}
	if d := time.Since(begin); d > 5*time.Second {
		t.Errorf("took %s after cancel", d)
	}
}

// Connection refused: nothing reached a server, so the send is retried and
// then reported as a plain (not uncertain) failure.
func TestSendConnectionRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()

	var attempts atomic.Int32
	c := newTestClient(t, "http://"+addr, func(c *Config) {
		c.MaxRetries = 2
		c.Transport = roundTripFunc(func(r *http.Request) (*http.Response, error) {
			attempts.Add(1)
			return http.DefaultTransport.RoundTrip(r)
		})
	})
	_, err = c.Send(context.Background(), smsTo("ID1", "+6421000001"))
	if err == nil || IsUncertain(err) {
		t.Fatalf("err = %v, want a definite failure", err)
	}
	if !notSent(err) {
		t.Errorf("connection refused not classified as not sent: %v", err)
	}
	if n := attempts.Load(); n != 3 {
		t.Errorf("attempts = %d, want 1 + 2 retries", n)
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestRetryDecisions(t *testing.T) {
	dial := &url.Error{Op: "Post", URL: "https://api.tnz.co.nz/api/v3.00/sms",
		Err: &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: "api.tnz.co.nz", IsNotFound: true}}}
	refused := &url.Error{Op: "Post", Err: &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}}
	reset := &url.Error{Op: "Post", Err: &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}}
	written := &url.Error{Op: "Post", Err: &net.OpError{Op: "write", Net: "tcp", Err: syscall.EPIPE}}
	eof := &url.Error{Op: "Post", Err: io.EOF}
	timeout := &url.Error{Op: "Post", Err: context.DeadlineExceeded}
	resp := func(code int) *http.Response { return &http.Response{StatusCode: code, Header: http.Header{}} }

	live := context.Background()
	done, cancel := context.WithCancel(context.Background())
	cancel()

	for _, tc := range []struct {
		name          string
		ctx           context.Context
		resp          *http.Response
		err           error
		send, idempot bool
	}{
		{"dns failure", live, nil, dial, true, true},
		{"connection refused", live, nil, refused, true, true},
		{"reset after write", live, nil, reset, false, true},
		{"write error", live, nil, written, false, true},
		{"eof", live, nil, eof, false, true},
		{"timeout", live, nil, timeout, false, true},
		{"429", live, resp(429), nil, true, true},
		{"500", live, resp(500), nil, false, true},
		{"502", live, resp(502), nil, false, true},
		{"503", live, resp(503), nil, false, true},
		{"501", live, resp(501), nil, false, false},
		{"400", live, resp(400), nil, false, false},
		{"404", live, resp(404), nil, false, false},
		{"200", live, resp(200), nil, false, false},
		{"cancelled dial", done, nil, refused, false, false},
		{"cancelled 503", done, resp(503), nil, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, err := retrySend(tc.ctx, tc.resp, tc.err); got != tc.send || err != nil {
				t.Errorf("retrySend = %v, %v; want %v", got, err, tc.send)
			}
			if got, err := retryIdempotent(tc.ctx, tc.resp, tc.err); got != tc.idempot || err != nil {
				t.Errorf("retryIdempotent = %v, %v; want %v", got, err, tc.idempot)
			}
		})
	}
}

func TestBackoff(t *testing.T) {
	c := newTestClient(t, "")
	c.waitMin, c.waitMax, c.maxRetryAfter = 100*time.Millisecond, time.Second, 30*time.Second
	if d := c.backoff(0, 0, 0, nil); d != 100*time.Millisecond {
		t.Errorf("attempt 0: %s", d)
	}
	if d := c.backoff(0, 0, 2, nil); d != 400*time.Millisecond {
		t.Errorf("attempt 2: %s", d)
	}
	if d := c.backoff(0, 0, 10, nil); d != time.Second {
		t.Errorf("attempt 10: %s, want capped at 1s", d)
	}
	r := &http.Response{StatusCode: 429, Header: http.Header{"Retry-After": {"7"}}}
	if d := c.backoff(0, 0, 0, r); d != 7*time.Second {
		t.Errorf("Retry-After 7: %s", d)
	}
	r.Header.Set("Retry-After", "3600")
	if d := c.backoff(0, 0, 0, r); d != 30*time.Second {
		t.Errorf("Retry-After 3600: %s, want capped at 30s", d)
	}
}

// Many sends through one client at once: the retry clients and logging
// transport must be safe for concurrent use (run with -race).
func TestConcurrentUse(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet {
			writeJSON(w, 200, `{"MessageID":"X","JobStatus":"Completed"}`)
			return
		}
		writeJSON(w, 200, `{}`)
	}))
	defer srv.Close()
	c := newTestClient(t, srv.URL)
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := fmt.Sprintf("ID%d", i)
			if res, err := c.Send(context.Background(), smsTo(id, "+6421000001")); err != nil || res.MessageID != id {
				t.Errorf("send %s: %+v, %v", id, res, err)
			}
			if _, err := c.Status(context.Background(), SMS, id); err != nil {
				t.Errorf("status %s: %v", id, err)
			}
		}()
	}
	wg.Wait()
}
