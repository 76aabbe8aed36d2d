package sandbox

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

// smsWithID is a valid SMS send with MessageID id.
func smsWithID(id string) string {
	return `{"Message":"hi","Destination":"+6421000001","MessageID":"` + id + `"}`
}

func TestFaultServerErrorAfterAccept(t *testing.T) {
	f := newFixture(t, Options{})
	f.srv.InjectFaults(Fault{Kind: FaultServerErrorAfterAccept, Request: SendRequest})
	if code, b := f.send(t, smsWithID("s500")); code != http.StatusInternalServerError || b != body500 {
		t.Errorf("answer %d %s, want the 500", code, b)
	}
	if ids := storedIDs(f.srv); len(ids) != 1 || ids[0] != "s500" {
		t.Fatalf("stored %v, want the send", ids)
	}
	if st := f.status(t, "s500"); st.MessageID != "s500" {
		t.Errorf("status %+v", st)
	}
	// A rejected send is answered 500 too, and stores nothing.
	f.srv.InjectFaults(Fault{Kind: FaultServerErrorAfterAccept})
	if code, b := f.send(t, `{}`); code != http.StatusInternalServerError || b != body500 {
		t.Errorf("rejected send: %d %s", code, b)
	}
	if n := len(f.srv.Received()); n != 1 {
		t.Errorf("stored %d", n)
	}
}

func TestFaultServerErrorCreateLater(t *testing.T) {
	f := newFixture(t, Options{})
	const later = 300 * time.Millisecond
	f.srv.InjectFaults(
		Fault{Kind: FaultServerErrorCreateLater, Delay: later, Request: SendRequest},
		Fault{Kind: FaultServerErrorCreateLater, Delay: later, Request: SendRequest},
	)
	start := time.Now()
	if code, b := f.send(t, smsWithID("late500")); code != http.StatusInternalServerError || b != body500 {
		t.Errorf("answer %d %s, want the 500", code, b)
	}
	if code, b := f.send(t, `{"Destination":"+6421000001"}`); code != http.StatusInternalServerError {
		t.Errorf("answer to an invalid send %d %s, want the 500", code, b)
	}
	if n := len(f.srv.Received()); n != 0 && time.Since(start) < later {
		t.Fatalf("stored %d before the delay", n)
	}
	if n := f.srv.DeferredRequests(); n != 2 && time.Since(start) < later {
		t.Errorf("DeferredRequests = %d, want 2", n)
	}
	_, _, raw := f.do(t, http.MethodGet, "/sandbox/messages", "", nil)
	if !strings.Contains(raw, `"DeferredRequests":2`) && time.Since(start) < later {
		t.Errorf("inspection does not show the deferred requests: %s", raw)
	}
	if !eventually(later+10*time.Second, func() bool { return f.srv.DeferredRequests() == 0 }) {
		t.Fatal("the deferred requests were never served")
	}
	if waited := time.Since(start); waited < later {
		t.Errorf("served after %v, before the delay of %v", waited, later)
	}
	// The valid send is stored; the invalid one is refused then, as it
	// would have been at once.
	if ids := storedIDs(f.srv); len(ids) != 1 || ids[0] != "late500" {
		t.Errorf("stored %v", ids)
	}
	if _, _, raw := f.do(t, http.MethodGet, "/sandbox/messages", "", nil); strings.Contains(raw, "DeferredRequests") {
		t.Errorf("inspection still shows deferred requests: %s", raw)
	}
}

func TestFaultRateLimitedRetryAfter(t *testing.T) {
	f := newFixture(t, Options{})
	f.srv.InjectFaults(Fault{Kind: FaultRateLimited, Delay: 2500 * time.Millisecond})
	code, h, b := f.do(t, http.MethodPost, "/api/v3.00/sms", okSMS, nil)
	if code != http.StatusTooManyRequests || h.Get("Retry-After") != "3" ||
		b != `{"Result":"Failed","ErrorMessage":["Too many requests - retry after 3 seconds"]}` {
		t.Errorf("answer %d %s (Retry-After %q)", code, b, h.Get("Retry-After"))
	}
	if n := len(f.srv.Received()); n != 0 {
		t.Errorf("stored %d", n)
	}
}

func TestFaultMalformedJSON(t *testing.T) {
	f := newFixture(t, Options{})
	f.srv.InjectFaults(Fault{Kind: FaultMalformedJSON, Request: SendRequest})
	code, h, b := f.do(t, http.MethodPost, "/api/v3.00/sms", smsWithID("bad1"), nil)
	full := `{"MessageID":"bad1"}`
	if code != http.StatusOK || b != full[:len(full)/2] || json.Valid([]byte(b)) || h.Get("Content-Type") != "application/json; charset=utf-8" {
		t.Errorf("answer %d %q (%s)", code, b, h.Get("Content-Type"))
	}
	if ids := storedIDs(f.srv); len(ids) != 1 || ids[0] != "bad1" {
		t.Fatalf("stored %v", ids)
	}
	_, whole := f.statusOf(t, "sms", "bad1")
	f.srv.InjectFaults(Fault{Kind: FaultMalformedJSON, Request: StatusRequest})
	code, _, b = f.do(t, http.MethodGet, "/api/v3.00/sms/bad1", "", nil)
	if code != http.StatusOK || json.Valid([]byte(b)) || !strings.HasPrefix(whole, b) || len(b) != len(whole)/2 {
		t.Errorf("status %d %q, want the first half of %q", code, b, whole)
	}
}

// TestFaultTargets checks which requests each RequestKind matches.
func TestFaultTargets(t *testing.T) {
	f := newFixture(t, Options{CompletionDelay: time.Hour})
	f.srv.InjectFaults(Fault{Kind: FaultServerError, Request: LookupRequest})
	f.mustSend(t, smsWithID("L1"))
	// A status read of another id is not L1's look-up.
	if code, _, _ := f.do(t, http.MethodGet, "/api/v3.00/sms/other", "", nil); code != http.StatusNotFound {
		t.Errorf("status of an unknown id: %d", code)
	}
	if code, _, _ := f.do(t, http.MethodGet, "/api/v3.00/sms/L1", "", nil); code != http.StatusInternalServerError {
		t.Errorf("look-up of L1: %d, want the look-up fault", code)
	}
	if code, _, _ := f.do(t, http.MethodGet, "/api/v3.00/sms/L1", "", nil); code != http.StatusOK {
		t.Errorf("second read of L1: %d, want no fault", code)
	}

	// A faulted send still makes the next read a look-up; a status fault
	// takes look-ups too; an action fault waits for an action.
	f.srv.InjectFaults(
		Fault{Kind: FaultServerError, Request: ActionRequest},
		Fault{Kind: FaultServerError, Request: SendRequest},
		Fault{Kind: FaultRateLimited, Request: StatusRequest},
	)
	if code, _ := f.send(t, smsWithID("L2")); code != http.StatusInternalServerError {
		t.Errorf("send L2: %d, want the send fault", code)
	}
	if code, _, _ := f.do(t, http.MethodGet, "/api/v3.00/sms/L2", "", nil); code != http.StatusTooManyRequests {
		t.Errorf("look-up of L2: %d, want the status fault", code)
	}
	if code, _ := f.act(t, "sms", "L1", "abort", ""); code != http.StatusInternalServerError {
		t.Errorf("abort of L1: %d, want the action fault", code)
	}

	// v2: the MessageID is in MessageData, and in the body of the legacy
	// status form.
	f.srv.InjectFaults(Fault{Kind: FaultServerError, Request: LookupRequest})
	f.mustSendV2(t, legacyForm, "sms", `{"MessageID":"L3","Message":"hi","Destinations":[{"Recipient":"+6421000001"}]}`)
	if code, b := f.statusV2(t, legacyForm, "status", "L3"); code != http.StatusInternalServerError {
		t.Errorf("v2 look-up of L3: %d %s, want the look-up fault", code, b)
	}
	f.srv.InjectFaults(Fault{Kind: FaultServerError, Request: ActionRequest})
	if code, b := f.v2(t, http.MethodPatch, "/api/v2.04/set/abort/L3", "", tokenHdr); code != http.StatusInternalServerError {
		t.Errorf("v2 abort of L3: %d %s, want the action fault", code, b)
	}

	// Inbound lists, unknown paths and wrong methods are other requests:
	// only an untargeted fault takes them.
	f.srv.InjectFaults(Fault{Kind: FaultServerError, Request: SendRequest})
	for _, r := range [][2]string{{http.MethodGet, "/api/v3.00/sms/received?timePeriod=5"}, {http.MethodGet, "/api/v3.00/sms"}, {http.MethodPost, "/api/v3.00/nope"}} {
		if code, _, _ := f.do(t, r[0], r[1], okSMS, nil); code == http.StatusInternalServerError {
			t.Errorf("%s %s took the send fault", r[0], r[1])
		}
	}
	f.srv.ClearFaults()

	want := []AppliedFault{
		{Request: LookupRequest, Method: "GET", Path: "/api/v3.00/sms/L1", MessageID: "L1", Fault: FaultServerError, Queued: true},
		{Request: SendRequest, Method: "POST", Path: "/api/v3.00/sms", MessageID: "L2", Fault: FaultServerError, Queued: true},
		{Request: LookupRequest, Method: "GET", Path: "/api/v3.00/sms/L2", MessageID: "L2", Fault: FaultRateLimited, Delay: time.Second, Queued: true},
		{Request: ActionRequest, Method: "PATCH", Path: "/api/v3.00/sms/L1/abort", MessageID: "L1", Fault: FaultServerError, Queued: true},
		{Request: LookupRequest, Method: "POST", Path: "/api/v2.02/get/status", MessageID: "L3", Fault: FaultServerError, Queued: true},
		{Request: ActionRequest, Method: "PATCH", Path: "/api/v2.04/set/abort/L3", MessageID: "L3", Fault: FaultServerError, Queued: true},
	}
	got := f.srv.AppliedFaults()
	for i := range got {
		if got[i].At.IsZero() {
			t.Errorf("applied fault %d has no time", i)
		}
		got[i].At = time.Time{}
	}
	if len(got) != len(want) {
		t.Fatalf("AppliedFaults = %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("applied fault %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}
