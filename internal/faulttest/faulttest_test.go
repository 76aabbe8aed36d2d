package faulttest

import (
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tnz-community/terraform-provider-tnz/internal/sandbox"
)

func listen(t *testing.T) *sandbox.Running {
	t.Helper()
	rn, err := sandbox.Listen(sandbox.Options{}, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = rn.Close() })
	return rn
}

// send posts body to path with the sandbox token and returns the status.
func send(t *testing.T, rn *sandbox.Running, path, body string) int {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, rn.URL+path, strings.NewReader(body))
	req.Header.Set("Authorization", "Basic "+sandbox.DefaultToken)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func sms(id, text string) string {
	return `{"Message":"` + text + `","Destination":"+6421000001","MessageID":"` + id + `"}`
}

// state is a Terraform state holding resources: address -> type and message_id.
func state(resources map[string][2]string) *terraform.State {
	root := &terraform.ModuleState{Path: []string{"root"}, Resources: map[string]*terraform.ResourceState{}}
	for addr, r := range resources {
		root.Resources[addr] = &terraform.ResourceState{
			Type:    r[0],
			Primary: &terraform.InstanceState{ID: r[1], Attributes: map[string]string{"id": r[1], "message_id": r[1]}},
		}
	}
	return &terraform.State{Modules: []*terraform.ModuleState{root}}
}

func TestOnOffApplied(t *testing.T) {
	rn := listen(t)
	if err := On(rn.Server, 1, "send=500:1"); err != nil {
		t.Fatal(err)
	}
	if code := send(t, rn, "/api/v3.00/sms", sms("a", "x")); code != http.StatusInternalServerError {
		t.Errorf("send with faults on: %d", code)
	}
	Off(rn.Server)
	if code := send(t, rn, "/api/v3.00/sms", sms("a", "x")); code != http.StatusOK {
		t.Errorf("send with faults off: %d", code)
	}
	if n := Applied(rn.Server, sandbox.SendRequest, sandbox.FaultServerError); n != 1 {
		t.Errorf("Applied = %d", n)
	}
	if n := Applied(rn.Server, sandbox.AnyRequest, sandbox.FaultServerError) + Applied(rn.Server, sandbox.StatusRequest, sandbox.FaultServerError); n != 1 {
		t.Errorf("Applied for any and status requests = %d, want 1 and 0", n)
	}
	if err := On(rn.Server, 1, "send=oops:1"); err == nil || !strings.Contains(err.Error(), `unknown fault "oops"`) {
		t.Errorf("On with a bad spec: %v", err)
	}
}

func TestSettle(t *testing.T) {
	rn := listen(t)
	rn.Server.InjectFaults(sandbox.Fault{Kind: sandbox.FaultServerErrorCreateLater, Delay: 200 * time.Millisecond})
	send(t, rn, "/api/v3.00/sms", sms("later", "x"))
	if err := Settle(rn.Server, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	if c := rn.Server.ReceivedCounts(); c["later"] != 1 {
		t.Errorf("after Settle: %v", c)
	}
	rn.Server.InjectFaults(sandbox.Fault{Kind: sandbox.FaultServerErrorCreateLater, Delay: time.Hour})
	send(t, rn, "/api/v3.00/sms", sms("much-later", "x"))
	if err := Settle(rn.Server, 50*time.Millisecond); err == nil || !strings.Contains(err.Error(), "1 deferred requests") {
		t.Errorf("Settle with a request deferred for an hour: %v", err)
	}
}

func TestTally(t *testing.T) {
	rn := listen(t)
	for _, id := range []string{"once", "twice", "twice", "stray"} {
		send(t, rn, "/api/v3.00/sms", sms(id, "text "+id))
	}
	// The same text again under a new id, on v2: a re-send ByMessageID
	// cannot see.
	send(t, rn, "/api/v2.04/send/sms", `{"MessageData":{"MessageID":"once-again","Message":"text once","Destinations":[{"Recipient":"+6421000001"}]}}`)

	tally := ByMessageID(rn.Server, []string{"once", "twice", "lost", "once-again"})
	if d, m, u := tally.Duplicates(), tally.Missing(), tally.Unexpected(); !reflect.DeepEqual(d, []string{"twice"}) || !reflect.DeepEqual(m, []string{"lost"}) || !reflect.DeepEqual(u, []string{"stray"}) {
		t.Errorf("duplicates %v, missing %v, unexpected %v", d, m, u)
	}
	err := tally.ExactlyOnce()
	for _, want := range []string{`sent more than once: "twice" (2 times)`, "never received (1 of 4): lost", `received but not expected (1): "stray" (1 times)`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ExactlyOnce = %v, want it to say %q", err, want)
		}
	}
	if err := ByMessageID(rn.Server, []string{"once", "twice", "stray", "once-again"}).NoDuplicates(); err == nil {
		t.Error("NoDuplicates passed with a duplicate")
	}

	byText := ByField(rn.Server, "Message", []string{"text once", "text twice", "text stray"})
	if d := byText.Duplicates(); !reflect.DeepEqual(d, []string{"text once", "text twice"}) {
		t.Errorf("ByField duplicates %v, counts %v", d, byText.Counts)
	}
	if err := (Tally{Counts: map[string]int{"a": 1, "b": 1}, Expected: []string{"b", "a"}}).ExactlyOnce(); err != nil {
		t.Errorf("ExactlyOnce for a clean tally: %v", err)
	}
}

func TestStateChecks(t *testing.T) {
	rn := listen(t)
	send(t, rn, "/api/v3.00/sms", sms("m1", "a"))
	send(t, rn, "/api/v3.00/email", `{"MessagePlain":"hi","Destination":"a@example.com","MessageID":"m2"}`)
	s := state(map[string][2]string{
		"tnz_sms.a.0":    {"tnz_sms", "m1"},
		"tnz_email.b":    {"tnz_email", "m2"},
		"terraform_data": {"terraform_data", ""},
	})
	if ids := StateMessageIDs(s); !reflect.DeepEqual(ids, []string{"m1", "m2"}) {
		t.Errorf("StateMessageIDs = %v", ids)
	}
	if ids := StateMessageIDs(s, "tnz_sms"); !reflect.DeepEqual(ids, []string{"m1"}) {
		t.Errorf("StateMessageIDs(tnz_sms) = %v", ids)
	}
	if err := CheckExactlyOnce(rn.Server)(s); err != nil {
		t.Errorf("CheckExactlyOnce: %v", err)
	}
	if err := CheckExactlyOnce(rn.Server, "tnz_sms")(s); err == nil || !strings.Contains(err.Error(), `"m2"`) {
		t.Errorf("CheckExactlyOnce(tnz_sms) = %v, want m2 unexpected", err)
	}
	if err := CheckNoDuplicates(rn.Server)(s); err != nil {
		t.Errorf("CheckNoDuplicates: %v", err)
	}
	send(t, rn, "/api/v3.00/sms", sms("m1", "a"))
	if err := CheckNoDuplicates(rn.Server)(s); err == nil || !strings.Contains(err.Error(), `"m1" (2 times)`) {
		t.Errorf("CheckNoDuplicates after a duplicate = %v", err)
	}
}
