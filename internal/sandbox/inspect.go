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
	Body       json.RawMessage
}

// sandboxRoute resolves /sandbox/<name>: read-only endpoints that need no
// auth. Fault injection controls will live here too.
func (s *Server) sandboxRoute(name string) (endpoint, bool) {
	get := []string{http.MethodGet, http.MethodHead}
	switch strings.ToLower(name) {
	case "health":
		return endpoint{get, func(w http.ResponseWriter, _ *http.Request) {
			writeJSON(w, http.StatusOK, struct{ Status string }{"OK"})
		}}, true
	case "messages":
		return endpoint{get, s.inspect}, true
	}
	return endpoint{}, false
}

// inspect lists every accepted send in arrival order with its current
// JobStatus.
func (s *Server) inspect(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	now := s.clock.Now()
	list := make([]inspected, 0, len(s.store.all))
	for _, m := range s.store.all {
		list = append(list, inspected{
			Channel: m.ch.name, APIVersion: m.apiVersion, MessageID: m.id,
			ReceivedAt: m.created.UTC().Format(time.RFC3339),
			JobStatus:  m.jobStatus(now),
			Body:       m.body, // stored bodies are never modified, so sharing is safe
		})
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, struct{ Messages []inspected }{list})
}
