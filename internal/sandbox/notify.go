package sandbox

import (
	"fmt"
	"net/http"
	"sort"
	"time"
)

// Notification is an e-mail the sandbox "sends" to the account's API Error
// Email Notify address (Options.ErrorNotifyEmail) when its deferred
// authentication rejects the credentials of an accepted v2 send
// (rejection-codes.txt, preamble). Body says which credentials failed and
// never contains a token or an APIKey.
type Notification struct {
	To        string
	Subject   string
	Body      string
	MessageID string
	At        time.Time // when the authentication engine rejected the call, on the sandbox clock
}

// notificationSubject is the sandbox's own: TNZ documents that the e-mail
// is sent, not its wording.
const notificationSubject = "TNZ API: authentication failed"

// Notifications returns the notifications sent so far (At not after the
// Clock's now), oldest first.
func (s *Server) Notifications() []Notification {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.notifications(s.clock.Now())
}

// notifications lists what has been sent at now. The caller holds s.mu.
func (s *Server) notifications(now time.Time) []Notification {
	out := []Notification{}
	for _, m := range s.store.all {
		if m.authFailure == "" || now.Before(m.authAt) {
			continue
		}
		out = append(out, Notification{
			To: s.notifyTo, Subject: notificationSubject, Body: m.notificationBody(),
			MessageID: m.id, At: m.authAt,
		})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	return out
}

// notificationBody is the text of m's notification.
func (m *message) notificationBody() string {
	return fmt.Sprintf("The TNZ API authentication engine rejected an API call that had been accepted: %s.\n\n"+
		"Call: %s\nAPI version: %s\nMessageID: %s\nReceived: %s UTC\n\n"+
		"The message was not sent: every recipient is Failed with Result %q. "+
		"Check the credentials your API client uses.\n",
		m.authFailure, m.path, m.apiVersion, m.id, m.created.UTC().Format(plainLayout), authFailedResult)
}

// notificationsRequest answers GET /sandbox/notifications.
func (s *Server) notificationsRequest(w http.ResponseWriter, _ *http.Request) {
	type wire struct {
		To, Subject, Body, MessageID string
		At                           string // RFC 3339, UTC
	}
	s.mu.Lock()
	ns := s.notifications(s.clock.Now())
	s.mu.Unlock()
	list := make([]wire, 0, len(ns))
	for _, n := range ns {
		list = append(list, wire{n.To, n.Subject, n.Body, n.MessageID, n.At.UTC().Format(time.RFC3339)})
	}
	writeJSON(w, http.StatusOK, struct{ Notifications []wire }{list})
}
