package sandbox

import (
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"
)

// These tests run the sandbox on a real TCP listener: what a client sees
// when a connection is reset, dropped, held past its timeout or answered
// slowly depends on the network, not only on the handler.

// listenT starts a sandbox on a free port for one test.
func listenT(t *testing.T, opts Options) *Running {
	t.Helper()
	rn, err := Listen(opts, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = rn.Close() })
	return rn
}

// postSMS sends an SMS with MessageID id through a client of its own (a
// new connection each time, so Go's transport never retries on a reused
// one) that gives up after timeout.
func postSMS(t *testing.T, rn *Running, id string, timeout time.Duration) (*http.Response, error) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, rn.URL+"/api/v3.00/sms", strings.NewReader(`{"Message":"hi","Destination":"+6421000001","MessageID":"`+id+`"}`))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+DefaultToken)
	req.Header.Set("Content-Type", "application/json")
	client := &http.Client{Timeout: timeout, Transport: &http.Transport{DisableKeepAlives: true}}
	return client.Do(req)
}

// storedIDs lists the MessageIDs srv stored, in order.
func storedIDs(srv *Server) []string {
	var ids []string
	for _, m := range srv.Received() {
		ids = append(ids, m.MessageID)
	}
	return ids
}

// eventually polls cond every 10ms for up to limit.
func eventually(limit time.Duration, cond func() bool) bool {
	for end := time.Now().Add(limit); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		if cond() {
			return true
		}
	}
	return cond()
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

func TestFaultResetOverTCP(t *testing.T) {
	rn := listenT(t, Options{})
	rn.Server.InjectFaults(Fault{Kind: FaultReset, Request: SendRequest})
	resp, err := postSMS(t, rn, "reset1", 10*time.Second)
	if err == nil {
		resp.Body.Close()
		t.Fatalf("the reset send answered %d", resp.StatusCode)
	}
	if !errors.Is(err, syscall.ECONNRESET) {
		t.Errorf("client error %v, want a connection reset", err)
	}
	if ids := storedIDs(rn.Server); len(ids) != 0 {
		t.Errorf("the reset send was stored: %v", ids)
	}
	if a := rn.Server.AppliedFaults(); len(a) != 1 || a[0].Fault != FaultReset || a[0].Request != SendRequest || a[0].MessageID != "reset1" || !a[0].Queued {
		t.Errorf("AppliedFaults = %+v", a)
	}
	resp, err = postSMS(t, rn, "after", 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if ids := storedIDs(rn.Server); resp.StatusCode != http.StatusOK || len(ids) != 1 || ids[0] != "after" {
		t.Errorf("next send: %d, stored %v", resp.StatusCode, ids)
	}
}

func TestFaultResetWithoutHijacker(t *testing.T) {
	f := newFixture(t, Options{})
	f.srv.InjectFaults(Fault{Kind: FaultReset})
	defer func() {
		if r := recover(); r != http.ErrAbortHandler {
			t.Errorf("recovered %v, want http.ErrAbortHandler", r)
		}
		if n := len(f.srv.Received()); n != 0 {
			t.Errorf("the reset send was stored (%d)", n)
		}
	}()
	f.do(t, http.MethodPost, "/api/v3.00/sms", okSMS, nil)
	t.Error("the reset did not abort the handler")
}

func TestFaultDropOverTCP(t *testing.T) {
	rn := listenT(t, Options{})
	rn.Server.InjectFaults(Fault{Kind: FaultDropAfterAccept, Request: SendRequest})
	resp, err := postSMS(t, rn, "drop1", 10*time.Second)
	if err == nil {
		resp.Body.Close()
		t.Fatalf("the dropped send answered %d", resp.StatusCode)
	}
	// An orderly close after the request: the client reads end of file,
	// not a reset and not a timeout.
	if !errors.Is(err, io.EOF) || errors.Is(err, syscall.ECONNRESET) || isTimeout(err) {
		t.Errorf("client error %v, want EOF", err)
	}
	if ids := storedIDs(rn.Server); len(ids) != 1 || ids[0] != "drop1" {
		t.Errorf("stored %v, want the dropped send", ids)
	}
}

// TestFaultLatencyOverTCP shows what the latency fault does when the
// client gives up first: the request is served when the hold ends anyway.
func TestFaultLatencyOverTCP(t *testing.T) {
	rn := listenT(t, Options{})
	const hold = 1500 * time.Millisecond
	rn.Server.InjectFaults(Fault{Kind: FaultLatency, Delay: hold, Request: SendRequest})
	start := time.Now()
	resp, err := postSMS(t, rn, "late1", 200*time.Millisecond)
	if err == nil {
		resp.Body.Close()
		t.Fatalf("the held send answered %d before the client's timeout", resp.StatusCode)
	}
	if !isTimeout(err) {
		t.Errorf("client error %v, want its timeout", err)
	}
	if ids := storedIDs(rn.Server); len(ids) != 0 && time.Since(start) < hold {
		t.Fatalf("stored %v before the hold ended", ids)
	}
	if !eventually(hold+10*time.Second, func() bool { return len(rn.Server.Received()) == 1 }) {
		t.Fatalf("the held send was never stored after the client gave up")
	}
	if waited := time.Since(start); waited < hold {
		t.Errorf("stored after %v, before the hold of %v ended", waited, hold)
	}
	if ids := storedIDs(rn.Server); len(ids) != 1 || ids[0] != "late1" {
		t.Errorf("stored %v", ids)
	}
	if a := rn.Server.AppliedFaults(); len(a) != 1 || a[0].Delay != hold {
		t.Errorf("AppliedFaults = %+v", a)
	}
}

// TestFaultLatencyDroppedWhenStopped: a zero Delay holds for
// DefaultFaultHold, and stopping the sandbox drops the held request
// unserved.
func TestFaultLatencyDroppedWhenStopped(t *testing.T) {
	rn := listenT(t, Options{})
	rn.Server.InjectFaults(Fault{Kind: FaultLatency})
	errc := make(chan error, 1)
	go func() {
		resp, err := postSMS(t, rn, "held", time.Minute)
		if err == nil {
			resp.Body.Close()
		}
		errc <- err
	}()
	if !eventually(10*time.Second, func() bool { return len(rn.Server.AppliedFaults()) == 1 }) {
		t.Fatal("the request never arrived")
	}
	if a := rn.Server.AppliedFaults(); a[0].Delay != DefaultFaultHold {
		t.Errorf("hold %v, want the default %v", a[0].Delay, DefaultFaultHold)
	}
	start := time.Now()
	if err := rn.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-errc:
		if err == nil {
			t.Error("the held request was answered when the sandbox stopped")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the held request outlived the sandbox")
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("stopping took %v", time.Since(start))
	}
	time.Sleep(50 * time.Millisecond) // a handler that went on would store now
	if n := len(rn.Server.Received()); n != 0 {
		t.Errorf("the held request was served after the sandbox stopped (%d stored)", n)
	}
}

func TestFaultSlowBodyOverTCP(t *testing.T) {
	rn := listenT(t, Options{})
	const spread = time.Second
	rn.Server.InjectFaults(Fault{Kind: FaultSlowBody, Delay: spread, Request: SendRequest})
	start := time.Now()
	resp, err := postSMS(t, rn, "slow1", 30*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	headersAfter := time.Since(start)
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	bodyAfter := time.Since(start)
	if err != nil || string(b) != `{"MessageID":"slow1"}` || resp.StatusCode != http.StatusOK || resp.ContentLength != int64(len(b)) {
		t.Fatalf("slow answer: %d %q (length %d), %v", resp.StatusCode, b, resp.ContentLength, err)
	}
	if headersAfter > spread/2 || bodyAfter < spread-time.Millisecond {
		t.Errorf("headers after %v and body after %v; want headers at once and the body after %v", headersAfter, bodyAfter, spread)
	}

	// A client whose timeout ends while the body dribbles sees a timeout
	// reading the body; the send was stored all the same.
	rn.Server.InjectFaults(Fault{Kind: FaultSlowBody, Delay: 3 * time.Second, Request: SendRequest})
	resp, err = postSMS(t, rn, "slow2", 500*time.Millisecond)
	if err != nil {
		t.Fatalf("headers of the slow answer: %v", err)
	}
	_, err = io.ReadAll(resp.Body)
	resp.Body.Close()
	if !isTimeout(err) {
		t.Errorf("reading the slow body: %v, want the client's timeout", err)
	}
	if ids := storedIDs(rn.Server); len(ids) != 2 || ids[1] != "slow2" {
		t.Errorf("stored %v", ids)
	}
}

func TestFaultCreateLaterCancelledWhenStopped(t *testing.T) {
	rn := listenT(t, Options{})
	rn.Server.InjectFaults(Fault{Kind: FaultServerErrorCreateLater, Delay: time.Hour})
	resp, err := postSMS(t, rn, "never", 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusInternalServerError || rn.Server.DeferredRequests() != 1 {
		t.Fatalf("answer %d, deferred %d", resp.StatusCode, rn.Server.DeferredRequests())
	}
	if err := rn.Close(); err != nil {
		t.Fatal(err)
	}
	if !eventually(5*time.Second, func() bool { return rn.Server.DeferredRequests() == 0 }) {
		t.Fatal("the deferred request outlived the sandbox")
	}
	if n := len(rn.Server.Received()); n != 0 {
		t.Errorf("a cancelled deferred request was stored (%d)", n)
	}
}
