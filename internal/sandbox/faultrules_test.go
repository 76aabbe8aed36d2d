package sandbox

import (
	"math"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"
)

// sendPattern sends n SMS to a sandbox with rules and returns one letter
// per send: x for a 500, . for a 200. With statusReads, a status read
// follows each send (the status rules draw for them).
func sendPattern(t *testing.T, seed uint64, n int, statusReads bool) string {
	t.Helper()
	f := newFixture(t, Options{
		FaultSeed: seed,
		FaultRules: []FaultRule{
			{Request: SendRequest, Kind: FaultServerError, Probability: 0.3},
			{Request: StatusRequest, Kind: FaultRateLimited, Probability: 0.5},
		},
	})
	var b strings.Builder
	for i := range n {
		id := "p" + string(rune('a'+i%26)) + string(rune('a'+i/26))
		switch code, body := f.send(t, smsWithID(id)); code {
		case http.StatusOK:
			b.WriteByte('.')
		case http.StatusInternalServerError:
			b.WriteByte('x')
		default:
			t.Fatalf("send %d: %d %s", i, code, body)
		}
		if statusReads {
			f.do(t, http.MethodGet, "/api/v3.00/sms/"+id, "", nil)
		}
	}
	if stored := len(f.srv.Received()); stored != strings.Count(b.String(), ".") {
		t.Errorf("stored %d, but %d sends were answered 200", stored, strings.Count(b.String(), "."))
	}
	return b.String()
}

func TestFaultRulesDeterministic(t *testing.T) {
	const n = 100
	a := sendPattern(t, 7, n, false)
	if b := sendPattern(t, 7, n, true); a != b {
		t.Errorf("the same seed faulted different sends when status reads came between them:\n%s\n%s", a, b)
	}
	if c := sendPattern(t, 8, n, false); a == c {
		t.Errorf("seeds 7 and 8 faulted the same sends: %s", a)
	}
	// 30% of 100: the binomial's standard deviation is about 4.6.
	if k := strings.Count(a, "x"); k < 15 || k > 45 {
		t.Errorf("%d of %d sends faulted at probability 0.3: %s", k, n, a)
	}
}

func TestFaultRulesShares(t *testing.T) {
	f := newFixture(t, Options{})
	if err := f.srv.SetFaultRules(3,
		FaultRule{Request: SendRequest, Kind: FaultServerError, Probability: 0.5},
		FaultRule{Request: SendRequest, Kind: FaultRateLimited, Probability: 0.5},
	); err != nil {
		t.Fatal(err)
	}
	count := map[int]int{}
	for range 200 {
		code, _ := f.send(t, okSMS)
		count[code]++
	}
	// The two rules cover [0, 1): every send is faulted, about half each way.
	if count[http.StatusOK] != 0 || count[500] < 70 || count[429] < 70 {
		t.Errorf("answers %v", count)
	}
}

func TestFaultRulesLookupThenStatus(t *testing.T) {
	f := newFixture(t, Options{})
	if err := f.srv.SetFaultRules(1,
		FaultRule{Request: LookupRequest, Kind: FaultRateLimited, Probability: 1},
		FaultRule{Request: StatusRequest, Kind: FaultServerError, Probability: 1},
	); err != nil {
		t.Fatal(err)
	}
	f.mustSend(t, smsWithID("lk"))
	if code, _, _ := f.do(t, http.MethodGet, "/api/v3.00/sms/lk", "", nil); code != http.StatusTooManyRequests {
		t.Errorf("look-up: %d, want the lookup rule's 429", code)
	}
	if code, _, _ := f.do(t, http.MethodGet, "/api/v3.00/sms/lk", "", nil); code != http.StatusInternalServerError {
		t.Errorf("status read: %d, want the status rule's 500", code)
	}
	// Without lookup rules, the status rules fault look-ups.
	if err := f.srv.SetFaultRules(1, FaultRule{Request: StatusRequest, Kind: FaultServerError, Probability: 1}); err != nil {
		t.Fatal(err)
	}
	f.mustSend(t, smsWithID("lk2"))
	if code, _, _ := f.do(t, http.MethodGet, "/api/v3.00/sms/lk2", "", nil); code != http.StatusInternalServerError {
		t.Errorf("look-up under status rules: %d, want 500", code)
	}
	if a := f.srv.AppliedFaults(); len(a) != 3 || a[0].Request != LookupRequest || a[2].Request != LookupRequest || a[0].Queued {
		t.Errorf("AppliedFaults = %+v", a)
	}
}

func TestQueuedFaultsBeforeRules(t *testing.T) {
	f := newFixture(t, Options{FaultRules: []FaultRule{{Request: SendRequest, Kind: FaultServerError, Probability: 1}}})
	f.srv.InjectFaults(Fault{Kind: FaultRateLimited})
	for _, want := range []int{http.StatusTooManyRequests, http.StatusInternalServerError} {
		if code, _ := f.send(t, okSMS); code != want {
			t.Errorf("send: %d, want %d", code, want)
		}
	}
	f.srv.InjectFaults(Fault{Kind: FaultRateLimited})
	f.srv.ClearFaults()
	if code, _ := f.send(t, okSMS); code != http.StatusOK || f.srv.PendingFaults() != 0 {
		t.Errorf("send after ClearFaults: %d, %d pending", code, f.srv.PendingFaults())
	}
	if a := f.srv.AppliedFaults(); len(a) != 2 || !a[0].Queued || a[1].Queued {
		t.Errorf("AppliedFaults = %+v", a)
	}
}

func TestSetFaultRulesRefuses(t *testing.T) {
	for _, c := range []struct {
		rules []FaultRule
		want  string
	}{
		{[]FaultRule{{Request: AnyRequest, Kind: FaultReset, Probability: 0.1}}, "targets send, status, lookup or action"},
		{[]FaultRule{{Request: OtherRequest, Kind: FaultReset, Probability: 0.1}}, "targets send, status, lookup or action"},
		{[]FaultRule{{Request: SendRequest, Probability: 0.1}}, "unknown fault kind 0"},
		{[]FaultRule{{Request: SendRequest, Kind: FaultLatency, Delay: -1, Probability: 0.1}}, "must not be negative"},
		{[]FaultRule{{Request: SendRequest, Kind: FaultReset}}, "more than 0 and at most 1"},
		{[]FaultRule{{Request: SendRequest, Kind: FaultReset, Probability: 1.5}}, "more than 0 and at most 1"},
		{[]FaultRule{{Request: SendRequest, Kind: FaultReset, Probability: math.NaN()}}, "more than 0 and at most 1"},
		{[]FaultRule{{Request: StatusRequest, Kind: FaultReset, Probability: 0.6}, {Request: StatusRequest, Kind: FaultDropAfterAccept, Probability: 0.6}}, "status requests add up to a probability of 1.2"},
	} {
		err := New(Options{}).SetFaultRules(1, c.rules...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("SetFaultRules(%+v) = %v, want %q", c.rules, err, c.want)
		}
		if _, err := Listen(Options{FaultRules: c.rules}, "127.0.0.1:0"); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Listen with %+v = %v, want %q", c.rules, err, c.want)
		}
		func() {
			defer func() {
				if r := recover(); r == nil || !strings.Contains(r.(string), c.want) {
					t.Errorf("New with %+v: recovered %v", c.rules, r)
				}
			}()
			New(Options{FaultRules: c.rules})
		}()
	}
	// Shares of different request kinds do not add up.
	if err := New(Options{}).SetFaultRules(1,
		FaultRule{Request: SendRequest, Kind: FaultReset, Probability: 1},
		FaultRule{Request: LookupRequest, Kind: FaultReset, Probability: 1},
		FaultRule{Request: StatusRequest, Kind: FaultReset, Probability: 1},
		FaultRule{Request: ActionRequest, Kind: FaultReset, Probability: 1},
	); err != nil {
		t.Error(err)
	}
}

func TestParseFaultRules(t *testing.T) {
	rules, err := ParseFaultRules(" send=reset:0.3, status=500:0.2,send=latency@40s:10%,lookup=500-later@5s:1,action=429@2s:100%,send=drop:0.05,send=500-stored:0.05,send=bad-json:0.1,send=SLOW-BODY@1m30s:0.1")
	if err != nil {
		t.Fatal(err)
	}
	want := []FaultRule{
		{Request: SendRequest, Kind: FaultReset, Probability: 0.3},
		{Request: StatusRequest, Kind: FaultServerError, Probability: 0.2},
		{Request: SendRequest, Kind: FaultLatency, Delay: 40 * time.Second, Probability: 0.1},
		{Request: LookupRequest, Kind: FaultServerErrorCreateLater, Delay: 5 * time.Second, Probability: 1},
		{Request: ActionRequest, Kind: FaultRateLimited, Delay: 2 * time.Second, Probability: 1},
		{Request: SendRequest, Kind: FaultDropAfterAccept, Probability: 0.05},
		{Request: SendRequest, Kind: FaultServerErrorAfterAccept, Probability: 0.05},
		{Request: SendRequest, Kind: FaultMalformedJSON, Probability: 0.1},
		{Request: SendRequest, Kind: FaultSlowBody, Delay: 90 * time.Second, Probability: 0.1},
	}
	if !reflect.DeepEqual(rules, want) {
		t.Fatalf("ParseFaultRules:\n got %+v\nwant %+v", rules, want)
	}
	var shown []string
	for _, r := range rules {
		shown = append(shown, r.String())
	}
	again, err := ParseFaultRules(strings.Join(shown, ","))
	if err != nil || !reflect.DeepEqual(again, want) {
		t.Errorf("String does not read back: %q: %v", shown, err)
	}
	if got := strings.Join(shown[:3], ","); got != "send=reset:0.3,status=500:0.2,send=latency@40s:0.1" {
		t.Errorf("String = %s", got)
	}
	if rules, err := ParseFaultRules("  "); rules != nil || err != nil {
		t.Errorf("blank: %v, %v", rules, err)
	}

	for spec, msg := range map[string]string{
		"send":                        `"send": write it as TARGET=FAULT[@DURATION]:PROBABILITY`,
		"send=reset":                  "the probability is missing",
		"sent=reset:0.1":              `unknown target "sent": use send, status, lookup or action`,
		"any=reset:0.1":               `unknown target "any"`,
		"send=rst:0.1":                `unknown fault "rst": use reset, drop, 500, 500-stored, 500-later, 429, latency, bad-json or slow-body`,
		"send=drop@1s:0.1":            "drop takes no duration: remove @1s",
		"send=latency@soon:0.1":       `duration "soon" is not a positive Go duration`,
		"send=latency@0s:0.1":         `duration "0s" is not a positive Go duration`,
		"send=reset:0":                `probability "0" is not a number in (0, 1]`,
		"send=reset:1.01":             `probability "1.01"`,
		"send=reset:150%":             `probability "150"`,
		"send=reset:lots":             `probability "lots"`,
		"send=reset:0.6,send=500:0.6": "send requests add up to a probability of 1.2",
		"send=reset:0.1,":             `fault "": write it as`,
	} {
		if _, err := ParseFaultRules(spec); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("ParseFaultRules(%q) = %v, want %q", spec, err, msg)
		}
	}
}

func TestFaultsEndpoint(t *testing.T) {
	f := newFixture(t, Options{FaultSeed: 42, FaultRules: []FaultRule{
		{Request: StatusRequest, Kind: FaultServerError, Probability: 0.2},
		{Request: SendRequest, Kind: FaultServerErrorCreateLater, Delay: time.Hour, Probability: 1},
	}})
	t.Cleanup(f.srv.halt) // cancels the deferred send
	f.srv.InjectFaults(Fault{Kind: FaultReset, Request: ActionRequest})
	f.send(t, smsWithID("fe1"))
	code, _, raw := f.do(t, http.MethodGet, "/sandbox/faults", "", map[string]string{"Authorization": ""})
	var got struct {
		Rules   []string
		Seed    uint64
		Pending int
		Applied []map[string]any
	}
	decode(t, raw, &got)
	if code != http.StatusOK || !reflect.DeepEqual(got.Rules, []string{"send=500-later@1h0m0s:1", "status=500:0.2"}) || got.Seed != 42 || got.Pending != 1 || len(got.Applied) != 1 {
		t.Fatalf("GET /sandbox/faults: %d %s", code, raw)
	}
	a := got.Applied[0]
	at, err := time.Parse(time.RFC3339, a["At"].(string))
	if err != nil || time.Since(at) > time.Minute || a["Request"] != "send" || a["Method"] != "POST" || a["Path"] != "/api/v3.00/sms" ||
		a["MessageID"] != "fe1" || a["Fault"] != "500-later" || a["Delay"] != "1h0m0s" || a["Queued"] != nil {
		t.Errorf("applied fault %v", a)
	}
	f.srv.ClearFaults()
	if _, _, raw := f.do(t, http.MethodGet, "/sandbox/faults", "", nil); !strings.HasPrefix(raw, `{"Rules":[],"Seed":0,"Pending":0,"Applied":[{`) {
		t.Errorf("after ClearFaults: %s", raw)
	}
}
