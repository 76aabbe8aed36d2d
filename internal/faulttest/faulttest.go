// Package faulttest is test support for checking the provider's promise
// to send each message exactly once while the sandbox injects faults. It
// turns a sandbox's faults on and off, waits for requests the sandbox
// deferred, and compares what the sandbox stored with the message ids
// Terraform keeps in state: duplicates (an id stored twice), missing ids
// (in state, never stored: lost) and unexpected ones (stored, unknown to
// Terraform: a send that fell out of state, which a later apply repeats
// under a new id).
//
// Only tests import it. See internal/sandbox for the faults themselves.
package faulttest

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tnz-community/terraform-provider-tnz/internal/sandbox"
)

// SettleTimeout is how long the checks wait for deferred requests (see
// Settle); it covers the sandbox's default create-later delay many times.
const SettleTimeout = time.Minute

// On replaces srv's fault rules with spec, in the sandbox command's
// -faults syntax (e.g. "send=drop:0.3,status=500:0.2"), drawn from seed.
// Queued faults stay.
func On(srv *sandbox.Server, seed uint64, spec string) error {
	rules, err := sandbox.ParseFaultRules(spec)
	if err != nil {
		return err
	}
	return srv.SetFaultRules(seed, rules...)
}

// Off turns every fault of srv off: queued faults and rules. Requests
// already held or deferred go on.
func Off(srv *sandbox.Server) { srv.ClearFaults() }

// Applied counts the faults of kind srv applied to requests of req
// (sandbox.AnyRequest: any request).
func Applied(srv *sandbox.Server, req sandbox.RequestKind, kind sandbox.FaultKind) int {
	n := 0
	for _, a := range srv.AppliedFaults() {
		if a.Fault == kind && (req == sandbox.AnyRequest || a.Request == req) {
			n++
		}
	}
	return n
}

// Settle waits until srv has no deferred request left (see
// sandbox.FaultServerErrorCreateLater), so that what it stored is final.
// It fails after timeout.
func Settle(srv *sandbox.Server, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		n := srv.DeferredRequests()
		if n == 0 {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the sandbox still had %d deferred requests after %v", n, timeout)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Tally compares how many times each key was stored with the keys that
// should each have been stored exactly once.
type Tally struct {
	Counts   map[string]int // stored sends per key
	Expected []string       // keys that should each be stored once
}

// ByMessageID tallies what srv stored by MessageID against expected ids.
func ByMessageID(srv *sandbox.Server, expected []string) Tally {
	return Tally{Counts: srv.ReceivedCounts(), Expected: expected}
}

// ByField tallies what srv stored by the text of one field of the
// message (the body on v3.00, MessageData on v2), for example "Message"
// when each message of a test has its own text: unlike ByMessageID it
// also catches a message sent again under a new MessageID. A send
// without the field counts under "".
func ByField(srv *sandbox.Server, field string, expected []string) Tally {
	counts := map[string]int{}
	for _, r := range srv.Received() {
		counts[fieldText(r, field)]++
	}
	return Tally{Counts: counts, Expected: expected}
}

// fieldText is the text of field in r's message fields.
func fieldText(r sandbox.Received, field string) string {
	var b map[string]json.RawMessage
	if json.Unmarshal(r.Body, &b) != nil {
		return ""
	}
	if !strings.HasPrefix(r.APIVersion, "v3") {
		var md map[string]json.RawMessage
		if json.Unmarshal(b["MessageData"], &md) != nil {
			return ""
		}
		b = md
	}
	var s string
	if json.Unmarshal(b[field], &s) != nil {
		return strings.TrimSpace(string(b[field]))
	}
	return s
}

// Duplicates are the keys stored more than once, sorted.
func (t Tally) Duplicates() []string {
	var out []string
	for k, n := range t.Counts {
		if n > 1 {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// Missing are the expected keys never stored, sorted.
func (t Tally) Missing() []string {
	var out []string
	for _, k := range t.Expected {
		if t.Counts[k] == 0 {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Unexpected are the keys stored but not expected, sorted.
func (t Tally) Unexpected() []string {
	var out []string
	for k := range t.Counts {
		if !slices.Contains(t.Expected, k) {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// NoDuplicates returns an error naming every key stored more than once.
func (t Tally) NoDuplicates() error {
	if d := t.Duplicates(); len(d) > 0 {
		return fmt.Errorf("sent more than once: %s", t.describe(d))
	}
	return nil
}

// ExactlyOnce returns an error unless every expected key was stored
// exactly once and nothing else was stored; it names every key that was
// not.
func (t Tally) ExactlyOnce() error {
	var errs []error
	if err := t.NoDuplicates(); err != nil {
		errs = append(errs, err)
	}
	if m := t.Missing(); len(m) > 0 {
		errs = append(errs, fmt.Errorf("never received (%d of %d): %s", len(m), len(t.Expected), strings.Join(m, ", ")))
	}
	if u := t.Unexpected(); len(u) > 0 {
		errs = append(errs, fmt.Errorf("received but not expected (%d): %s", len(u), t.describe(u)))
	}
	return errors.Join(errs...)
}

// describe lists keys with their counts: "a (2 times), b (3 times)".
func (t Tally) describe(keys []string) string {
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%q (%d times)", k, t.Counts[k])
	}
	return strings.Join(parts, ", ")
}

// StateMessageIDs returns the message_id of every resource instance in s
// whose type is one of types (any type with a message_id when none is
// given), tainted ones included, sorted.
func StateMessageIDs(s *terraform.State, types ...string) []string {
	var ids []string
	for _, m := range s.Modules {
		for _, r := range m.Resources {
			if r.Primary == nil || len(types) > 0 && !slices.Contains(types, r.Type) {
				continue
			}
			if id := r.Primary.Attributes["message_id"]; id != "" {
				ids = append(ids, id)
			}
		}
	}
	slices.Sort(ids)
	return ids
}

// CheckExactlyOnce checks, once srv has settled, that every message_id
// in state (of the given resource types, any when none) was stored
// exactly once and that srv stored nothing else. Use it where the test
// never destroys or replaces a message, so that everything sent is in
// state.
func CheckExactlyOnce(srv *sandbox.Server, types ...string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		if err := Settle(srv, SettleTimeout); err != nil {
			return err
		}
		return ByMessageID(srv, StateMessageIDs(s, types...)).ExactlyOnce()
	}
}

// CheckNoDuplicates checks, once srv has settled, that no MessageID was
// stored twice.
func CheckNoDuplicates(srv *sandbox.Server) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if err := Settle(srv, SettleTimeout); err != nil {
			return err
		}
		return ByMessageID(srv, nil).NoDuplicates()
	}
}
