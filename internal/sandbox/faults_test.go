package sandbox

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

const (
	body500 = `{"Result":"Failed","ErrorMessage":["Error occurred while creating job"]}`
	body429 = `{"Result":"Failed","ErrorMessage":["Too many requests - retry after 1 second"]}`
)

func TestFaultServerErrorAndRateLimit(t *testing.T) {
	f := newFixture(t, Options{})
	f.srv.InjectFaults(Fault{Kind: FaultRateLimited}, Fault{Kind: FaultServerError})
	if n := f.srv.PendingFaults(); n != 2 {
		t.Fatalf("PendingFaults = %d", n)
	}
	code, h, b := f.do(t, http.MethodPost, "/api/v3.00/sms", okSMS, nil)
	if code != http.StatusTooManyRequests || b != body429 || h.Get("Retry-After") != "1" || h.Get("Content-Type") != "application/json; charset=utf-8" {
		t.Errorf("first request: %d %s (Retry-After %q)", code, b, h.Get("Retry-After"))
	}
	code, h, b = f.do(t, http.MethodPost, "/api/v3.00/sms", okSMS, nil)
	if code != http.StatusInternalServerError || b != body500 || h.Get("Retry-After") != "" {
		t.Errorf("second request: %d %s", code, b)
	}
	if n := len(f.srv.Received()); n != 0 {
		t.Errorf("%d faulted sends were stored", n)
	}
	if code, b := f.send(t, okSMS); code != http.StatusOK {
		t.Errorf("third request: %d %s", code, b)
	}
	if f.srv.PendingFaults() != 0 || len(f.srv.Received()) != 1 || f.srv.APIRequests() != 3 {
		t.Errorf("pending %d, received %d, API requests %d", f.srv.PendingFaults(), len(f.srv.Received()), f.srv.APIRequests())
	}
}

func TestFaultFilters(t *testing.T) {
	f := newFixture(t, Options{})
	id := f.mustSend(t, okSMS)
	f.srv.InjectFaults(
		Fault{Kind: FaultServerError, Method: "post", PathPrefix: "/API/v3.00/email"},
		Fault{Kind: FaultRateLimited, Method: http.MethodPost},
		Fault{Kind: FaultServerError, Method: http.MethodGet},
	)
	// Sandbox routes are never faulted and consume nothing.
	if code, _, _ := f.do(t, http.MethodGet, "/sandbox/messages", "", nil); code != http.StatusOK {
		t.Errorf("inspection faulted: %d", code)
	}
	// An SMS send skips the email-only fault and takes the next POST one.
	if code, _ := f.send(t, okSMS); code != http.StatusTooManyRequests {
		t.Errorf("SMS send: %d, want 429", code)
	}
	// A status read takes the GET fault, whether the id exists or not.
	if code, _, _ := f.do(t, http.MethodGet, "/api/v3.00/sms/"+id, "", nil); code != http.StatusInternalServerError {
		t.Errorf("status: %d, want 500", code)
	}
	if code, _, _ := f.do(t, http.MethodGet, "/api/v3.00/sms/"+id, "", nil); code != http.StatusOK {
		t.Errorf("second status: %d, want 200", code)
	}
	if code, _ := f.send(t, okSMS); code != http.StatusOK {
		t.Errorf("second SMS send: %d", code)
	}
	if n := f.srv.PendingFaults(); n != 1 {
		t.Errorf("PendingFaults = %d, want the email fault", n)
	}
	// Faults apply before authentication and routing: the request reached the server.
	if code, _ := f.sendTo(t, "email/extra/path/x", "{}"); code != http.StatusInternalServerError {
		t.Errorf("unknown email path: %d, want 500", code)
	}
}

func TestFaultLatency(t *testing.T) {
	f := newFixture(t, Options{})
	ts := httptest.NewServer(f.srv)
	defer ts.Close()
	const delay = 50 * time.Millisecond
	f.srv.InjectFaults(Fault{Kind: FaultLatency, Delay: delay, Method: http.MethodPost})
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/api/v3.00/sms", strings.NewReader(okSMS))
	req.Header.Set("Authorization", "Bearer "+DefaultToken)
	req.Header.Set("Content-Type", "application/json")
	start := time.Now()
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if elapsed := time.Since(start); resp.StatusCode != http.StatusOK || elapsed < delay {
		t.Errorf("delayed send: %d after %v, want 200 after at least %v", resp.StatusCode, elapsed, delay)
	}
	if len(f.srv.Received()) != 1 {
		t.Error("the delayed send was not stored")
	}
}

func TestFaultDropAfterAccept(t *testing.T) {
	f := newFixture(t, Options{})
	ts := httptest.NewServer(f.srv)
	defer ts.Close()
	f.srv.InjectFaults(Fault{Kind: FaultDropAfterAccept, Method: http.MethodPost, PathPrefix: "/api/v3.00/sms"})
	post := func(body string) (*http.Response, error) {
		req, _ := http.NewRequest(http.MethodPost, ts.URL+"/api/v3.00/sms", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+DefaultToken)
		req.Header.Set("Content-Type", "application/json")
		return ts.Client().Do(req)
	}
	resp, err := post(`{"Message":"hi","Destination":"+6421000001","MessageID":"dropped1"}`)
	if err == nil {
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		t.Fatalf("the dropped send answered %d %s", resp.StatusCode, b)
	}
	// The message was accepted before the connection was dropped: a
	// client that checks by MessageID finds it.
	if got := f.srv.Received(); len(got) != 1 || got[0].MessageID != "dropped1" {
		t.Fatalf("Received after the drop: %+v", got)
	}
	if st := f.status(t, "dropped1"); st.JobStatus != "Pending" {
		t.Errorf("status of the dropped send: %+v", st)
	}
	resp, err = post(okSMS)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || len(f.srv.Received()) != 2 {
		t.Errorf("next send: %d", resp.StatusCode)
	}

	// A rejected send is dropped too, and stores nothing.
	f.srv.InjectFaults(Fault{Kind: FaultDropAfterAccept})
	if _, err := post(`{}`); err == nil {
		t.Error("a dropped rejection answered")
	}
	if n := len(f.srv.Received()); n != 2 {
		t.Errorf("Received has %d", n)
	}
}

func TestFaultDropWithoutHijacker(t *testing.T) {
	f := newFixture(t, Options{})
	f.srv.InjectFaults(Fault{Kind: FaultDropAfterAccept})
	defer func() {
		if r := recover(); r != http.ErrAbortHandler {
			t.Errorf("recovered %v, want http.ErrAbortHandler", r)
		}
		if len(f.srv.Received()) != 1 {
			t.Error("the send was not stored before the drop")
		}
	}()
	f.do(t, http.MethodPost, "/api/v3.00/sms", okSMS, nil)
	t.Error("the drop did not abort the handler")
}

func TestInjectFaultsValidates(t *testing.T) {
	for _, bad := range []Fault{{}, {Kind: FaultSlowBody + 1}, {Kind: FaultLatency, Delay: -time.Second}, {Kind: FaultReset, Request: OtherRequest + 1}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("InjectFaults(%+v) did not panic", bad)
				}
			}()
			New(Options{}).InjectFaults(bad)
		}()
	}
	var names []string
	for k := FaultLatency; k <= FaultSlowBody+1; k++ {
		names = append(names, k.String())
	}
	if got := strings.Join(names, " "); got != "FaultLatency FaultServerError FaultRateLimited FaultDropAfterAccept FaultReset "+
		"FaultServerErrorAfterAccept FaultServerErrorCreateLater FaultMalformedJSON FaultSlowBody FaultKind(10)" {
		t.Errorf("names: %s", got)
	}
	names = nil
	for k := AnyRequest; k <= OtherRequest+1; k++ {
		names = append(names, k.String())
	}
	if got := strings.Join(names, " "); got != "any send status lookup action other RequestKind(6)" {
		t.Errorf("request kinds: %s", got)
	}
}

func TestFaultsConcurrent(t *testing.T) {
	f := newFixture(t, Options{})
	const n = 20
	faults := make([]Fault, n)
	for i := range faults {
		faults[i] = Fault{Kind: FaultServerError}
	}
	f.srv.InjectFaults(faults...)
	codes := make(chan int, 2*n)
	for range 2 * n {
		go func() {
			code, _ := f.send(t, okSMS)
			codes <- code
		}()
	}
	count := map[int]int{}
	for range 2 * n {
		count[<-codes]++
	}
	if count[500] != n || count[200] != n || len(f.srv.Received()) != n {
		t.Errorf("codes %v, received %d; want %d of each", count, len(f.srv.Received()), n)
	}
}
