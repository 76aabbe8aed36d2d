package sandbox

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// inspected is one entry of GET /sandbox/messages. It holds what the client
// sent in the body and nothing from its headers, so tokens never show.
type inspected struct {
	Channel    string
	APIVersion string
	MessageID  string
	ReceivedAt string // RFC 3339, UTC
	JobStatus  string
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
		return endpoint{get, func(w http.ResponseWriter, _ *http.Request) {
			writeJSON(w, http.StatusOK, struct{ Status string }{"OK"})
		}}, true
	case "messages":
		return endpoint{get, s.inspect}, true
	case "inbound":
		return endpoint{[]string{http.MethodPost}, s.inboundRequest}, true
	}
	return endpoint{}, false
}

// inspect lists every accepted send in arrival order with its current
// JobStatus and the actions taken on it.
func (s *Server) inspect(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	now := s.clock.Now()
	list := make([]inspected, 0, len(s.store.all))
	for _, m := range s.store.all {
		e := inspected{
			Channel: m.ch.name, APIVersion: m.apiVersion, MessageID: m.id,
			ReceivedAt:        m.created.UTC().Format(time.RFC3339),
			JobStatus:         m.jobStatus(now),
			NumberOfOperators: m.operators,
			Actions:           make([]inspectedAction, 0, len(m.actions)),
			Body:              m.body, // stored bodies are never modified, so sharing is safe
		}
		for _, a := range m.actions {
			e.Actions = append(e.Actions, inspectedAction{
				Action: a.action, At: a.at.UTC().Format(time.RFC3339),
				SendTime: a.sendTime, NumberOfOperators: a.operators, Resent: a.resent,
			})
		}
		list = append(list, e)
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, struct{ Messages []inspected }{list})
}
