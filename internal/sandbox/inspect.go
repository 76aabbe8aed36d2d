package sandbox

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// inspected is one entry of GET /sandbox/messages. It holds what the client
// sent in the body, with APIKey values masked, and nothing from its
// headers, so tokens and API keys never show.
type inspected struct {
	Channel    string
	APIVersion string // "v3.00", "v2.04", …
	MessageID  string
	ReceivedAt string // RFC 3339, UTC
	JobStatus  string
	// ReportTo is where the message's reports go, as the sandbox read it:
	// ReportTo, else its former name ErrorEmailNotify; absent when neither.
	ReportTo string `json:",omitempty"`
	// AnswerPhoneMessage is true when a TTS/Voice message gave a message
	// for answering machines, spelt MessageToAnswerPhones (v3) or
	// MessageToAnswerphones (the v2 SDKs).
	AnswerPhoneMessage bool `json:",omitempty"`
	// NumberOfOperators is the TTS/Voice pacing in force: the last pacing
	// action's, else the send's own; absent when neither set one.
	NumberOfOperators int `json:",omitempty"`
	Actions           []inspectedAction
	Body              json.RawMessage
}

// inspectedAction is one accepted action on a message, in order.
type inspectedAction struct {
	Action            string // "Abort", "Reschedule", "Resubmit" or "Pacing"
	At                string // RFC 3339, UTC, on the sandbox clock
	SendTime          string `json:",omitempty"` // Reschedule, Resubmit: as the client wrote it
	NumberOfOperators int    `json:",omitempty"` // Pacing
	Resent            int    `json:",omitempty"` // Resubmit: recipients sent again
}

// sandboxRoute resolves /sandbox/<name>: endpoints for tests, demos and
// manual use that need no auth.
func (s *Server) sandboxRoute(name string) (endpoint, bool) {
	get := []string{http.MethodGet, http.MethodHead}
	switch strings.ToLower(name) {
	case "health":
		return endpoint{methods: get, serve: func(w http.ResponseWriter, _ *http.Request) {
			writeJSON(w, http.StatusOK, struct{ Status string }{"OK"})
		}}, true
	case "messages":
		return endpoint{methods: get, serve: s.inspect}, true
	case "inbound":
		return endpoint{methods: []string{http.MethodPost}, serve: s.inboundRequest}, true
	case "notifications":
		return endpoint{methods: get, serve: s.notificationsRequest}, true
	case "faults":
		return endpoint{methods: get, serve: s.faultsRequest}, true
	}
	return endpoint{}, false
}

// inspection is the answer of GET /sandbox/messages.
type inspection struct {
	Messages []inspected
	// ReceivedCounts is how many times each MessageID was stored (see
	// (*Server).ReceivedCounts): duplicates show as 2 or more.
	ReceivedCounts map[string]int
	// DeferredRequests counts faulted requests still to be served (see
	// FaultServerErrorCreateLater): messages that may yet appear.
	DeferredRequests int `json:",omitempty"`
}

// inspect lists every accepted send in arrival order with its current
// JobStatus and the actions taken on it, and counts them per MessageID.
func (s *Server) inspect(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	now := s.clock.Now()
	list := make([]inspected, 0, len(s.store.all))
	for _, m := range s.store.all {
		e := inspected{
			Channel: m.ch.name, APIVersion: m.apiVersion, MessageID: m.id,
			ReceivedAt:         m.created.UTC().Format(time.RFC3339),
			JobStatus:          m.jobStatus(now),
			ReportTo:           m.reportTo,
			AnswerPhoneMessage: m.answerMsg,
			NumberOfOperators:  m.operators,
			Actions:            make([]inspectedAction, 0, len(m.actions)),
			Body:               m.shown, // stored bodies are never modified, so sharing is safe
		}
		for _, a := range m.actions {
			e.Actions = append(e.Actions, inspectedAction{
				Action: a.action, At: a.at.UTC().Format(time.RFC3339),
				SendTime: a.sendTime, NumberOfOperators: a.operators, Resent: a.resent,
			})
		}
		list = append(list, e)
	}
	resp := inspection{Messages: list, ReceivedCounts: s.receivedCounts(), DeferredRequests: s.deferred}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, resp)
}

// faultsShown is the answer of GET /sandbox/faults.
type faultsShown struct {
	Rules   []string // the rules in -faults syntax
	Seed    uint64
	Pending int // queued faults not applied yet
	Applied []appliedShown
}

// appliedShown is one AppliedFault as GET /sandbox/faults lists it.
type appliedShown struct {
	At        string // RFC 3339 with milliseconds, UTC, real time
	Request   string // send, status, lookup, action or other
	Method    string
	Path      string
	MessageID string `json:",omitempty"`
	Fault     string // in -faults syntax: reset, drop, 500, …
	Delay     string `json:",omitempty"`
	Queued    bool   `json:",omitempty"`
}

// faultsRequest answers GET /sandbox/faults: the fault rules and every
// fault applied so far, in the order the requests arrived.
func (s *Server) faultsRequest(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	resp := faultsShown{Rules: []string{}, Seed: s.rules.seed, Pending: len(s.faults), Applied: make([]appliedShown, 0, len(s.applied))}
	for _, k := range ruleTargets {
		for _, r := range s.rules.byKind[k] {
			resp.Rules = append(resp.Rules, r.String())
		}
	}
	for _, a := range s.applied {
		e := appliedShown{
			At: a.At.UTC().Format(rfc3339Millis), Request: a.Request.String(), Method: a.Method, Path: a.Path,
			MessageID: a.MessageID, Fault: faultNames[a.Fault], Queued: a.Queued,
		}
		if a.Delay > 0 {
			e.Delay = a.Delay.String()
		}
		resp.Applied = append(resp.Applied, e)
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, resp)
}

// maskedSecret replaces every APIKey value in /sandbox/messages.
const maskedSecret = `"***"`

// maskSecrets returns raw, one JSON object, with the value of every
// APIKey member (the name matched case-insensitively, at any depth)
// replaced by "***", and every other byte as received. Values that are null
// or a blank string are left as they are: they hide no secret. raw is
// returned itself when there is nothing to mask.
func maskSecrets(raw []byte) []byte {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	// A frame is an open object or array; wantKey says that an object's
	// next string token is a member name.
	type frame struct{ object, wantKey bool }
	var stack []frame
	valueDone := func() {
		if n := len(stack); n > 0 && stack[n-1].object {
			stack[n-1].wantKey = true
		}
	}
	var spans [][2]int64 // [start, end) of each value to mask
	for {
		tok, err := dec.Token()
		if err != nil { // io.EOF after the object; raw was checked as JSON before
			break
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{', '[':
				stack = append(stack, frame{object: t == '{', wantKey: t == '{'})
			default:
				stack = stack[:len(stack)-1]
				valueDone()
			}
		case string:
			n := len(stack)
			if n == 0 || !stack[n-1].object || !stack[n-1].wantKey {
				valueDone()
				continue
			}
			stack[n-1].wantKey = false
			if !strings.EqualFold(t, "APIKey") {
				continue
			}
			var v json.RawMessage
			if dec.Decode(&v) != nil {
				return raw
			}
			var val any
			if json.Unmarshal(v, &val) == nil && present(val) {
				end := dec.InputOffset()
				spans = append(spans, [2]int64{end - int64(len(v)), end})
			}
			valueDone()
		default:
			valueDone()
		}
	}
	if len(spans) == 0 {
		return raw
	}
	out := make([]byte, 0, len(raw))
	var at int64
	for _, sp := range spans {
		out = append(append(out, raw[at:sp[0]]...), maskedSecret...)
		at = sp[1]
	}
	return append(out, raw[at:]...)
}
