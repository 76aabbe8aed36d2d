package sandbox

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Action rejection texts. "Missing SendTime", "Unable to parse SendTime…"
// and "NumberOfOperators must be a number" are the Node SDK's client-side
// texts; TNZ documents no server text for the others, so they
// are the sandbox's own wording.
const (
	msgMissingSendTime    = "Missing SendTime"
	msgBadSendTime        = "Unable to parse SendTime. Use YYYY-MM-DD hh:mm format."
	msgMissingOperators   = "Missing NumberOfOperators"
	msgOperatorsNotNumber = "NumberOfOperators must be a number"
	msgOperatorsRange     = "NumberOfOperators must be between 1 and 99999"

	msgAbortSent        = "Message has already been sent and cannot be aborted"
	msgAbortAborted     = "Message has already been aborted"
	msgRescheduleState  = "Only a delayed message can be rescheduled; this one is %s"
	msgResubmitState    = "Only a completed message can be resubmitted; this one is %s"
	msgResubmitNoFailed = "Message has no failed recipients to resubmit"
	msgPacingCompleted  = "Message has already been sent; NumberOfOperators cannot be changed"
)

// Action names, as the action response's Action field spells them.
const (
	actionAbort      = "Abort"
	actionReschedule = "Reschedule"
	actionResubmit   = "Resubmit"
	actionPacing     = "Pacing"
)

// actionKind is one PATCH /{channel}/{MessageID}/<name> endpoint.
type actionKind struct {
	name     string // Action in the response: "Abort"
	supports func(*channel) bool
	// apply checks the request body and the message's state at now and,
	// if both allow it, applies the action and records it. It returns the
	// rejection texts otherwise.
	apply func(m *message, b body, now time.Time) []string
}

// actions is keyed by the lower-case path segment. The OpenAPI file: abort and
// reschedule on every channel but Workflow, resubmit on Email, Fax, TTS and
// Voice, pacing on TTS and Voice; elsewhere the path is unknown (404).
var actions = map[string]*actionKind{
	"abort":      {name: actionAbort, supports: hasActions, apply: (*message).abort},
	"reschedule": {name: actionReschedule, supports: hasActions, apply: (*message).reschedule},
	"resubmit":   {name: actionResubmit, supports: func(ch *channel) bool { return ch.canResubmit }, apply: (*message).resubmit},
	"pacing":     {name: actionPacing, supports: func(ch *channel) bool { return ch.canPace }, apply: (*message).pace},
}

// hasActions reports whether ch's messages take abort and reschedule: all
// channels but Workflow, which has only its send.
func hasActions(ch *channel) bool { return !ch.statusless }

// actionResponse is the OpenAPI file's action answer, in the OpenAPI file's field order.
type actionResponse struct {
	ActionResult string // "Success": the query's result, not the message's
	MessageID    string
	JobNum       string
	Status       string // the JobStatus after the action
	Action       string
}

// action handles PATCH /<channel>/<MessageID>/<action> for the most recent
// message with that id: media type, body, lookup, then the action's own
// checks.
func (s *Server) action(w http.ResponseWriter, r *http.Request, ch *channel, id string, act *actionKind) {
	if !acceptsJSON(r.Header.Values("Accept")) {
		writeUnsupportedMedia(w)
		return
	}
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.maxBody))
	if err != nil {
		code := http.StatusBadRequest
		if errors.As(err, new(*http.MaxBytesError)) {
			code = http.StatusRequestEntityTooLarge
		}
		writeError(w, code, "Failed", "", msgSyntax)
		return
	}
	// The SDKs send {} (or nothing) to abort; a body, when there is one,
	// must be JSON like a send's.
	b := body{}
	if len(strings.TrimSpace(string(raw))) > 0 {
		if !isJSON(r.Header.Get("Content-Type")) {
			writeUnsupportedMedia(w)
			return
		}
		var ok bool
		if b, ok = decodeObject(raw); !ok {
			writeError(w, http.StatusBadRequest, "Failed", "", msgSyntax)
			return
		}
	}
	s.mu.Lock()
	now := s.clock.Now()
	m := s.visible(ch, id, now)
	if m == nil {
		s.mu.Unlock()
		writeError(w, http.StatusNotFound, "RecordNotFound", id, msgIDNotFound)
		return
	}
	errs := act.apply(m, b, now)
	resp := actionResponse{ActionResult: "Success", MessageID: m.id, JobNum: m.jobNum, Status: m.jobStatus(now), Action: act.name}
	s.mu.Unlock()
	if len(errs) > 0 {
		writeError(w, http.StatusBadRequest, "Failed", "", errs...)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

// abort stops a message that has not been sent: Delayed, or Pending (the
// sandbox sends a round's recipients only when it completes). Afterwards
// the job is Completed and every recipient of the round is Failed with
// Result "Aborted", no price and no SentTime.
func (m *message) abort(_ body, now time.Time) []string {
	switch {
	case m.aborted:
		return []string{msgAbortAborted}
	case m.jobStatus(now) == jobCompleted:
		return []string{msgAbortSent}
	}
	m.aborted = true
	m.actions = append(m.actions, actionRecord{action: actionAbort, at: now})
	return nil
}

// reschedule moves a Delayed message to SendTime, read in the message's
// Timezone. It stays the same message (same id, JobNum, recipients). A
// SendTime that is not in the future sends it at once.
func (m *message) reschedule(b body, now time.Time) []string {
	raw := strings.TrimSpace(b.str("SendTime"))
	if raw == "" {
		return []string{msgMissingSendTime}
	}
	t, ok := parseSendTime(raw, m.loc)
	if !ok {
		return []string{msgBadSendTime}
	}
	if st := m.jobStatus(now); st != jobDelayed {
		return []string{fmt.Sprintf(msgRescheduleState, st)}
	}
	if t.Before(now) {
		t = now
	}
	m.schedule(t)
	m.delayed = true
	m.actions = append(m.actions, actionRecord{action: actionReschedule, at: now, sendTime: raw})
	return nil
}

// resubmit sends the failed recipients of a Completed message again, at
// SendTime (optional, read in the message's Timezone) or now. Their new
// outcome is chosen as before, from the recipient; the other recipients
// keep theirs. Aborted recipients count as failed.
func (m *message) resubmit(b body, now time.Time) []string {
	raw := strings.TrimSpace(b.str("SendTime"))
	at := now
	if raw != "" {
		t, ok := parseSendTime(raw, m.loc)
		if !ok {
			return []string{msgBadSendTime}
		}
		if t.After(now) {
			at = t
		}
	}
	if st := m.jobStatus(now); st != jobCompleted {
		return []string{fmt.Sprintf(msgResubmitState, st)}
	}
	outcomes := make([]outcome, len(m.recipients))
	resent := 0
	for i := range m.recipients {
		outcomes[i] = m.outcome(i, now)
		if outcomes[i].status == recipientFailed {
			resent++
		}
	}
	if resent == 0 {
		return []string{msgResubmitNoFailed}
	}
	for i := range m.recipients {
		if outcomes[i].status == recipientFailed {
			m.recipients[i].settled = nil
		} else {
			o := outcomes[i]
			m.recipients[i].settled = &o
		}
	}
	m.aborted = false
	m.schedule(at)
	if at.After(now) {
		m.delayed = true
	}
	m.actions = append(m.actions, actionRecord{action: actionResubmit, at: now, sendTime: raw, resent: resent})
	return nil
}

// pace sets NumberOfOperators (1–99999 in TNZ's OpenAPI file) for a message that is not
// Completed yet (TNZ's OpenAPI file: "for a pending message"). The sandbox only records
// it: its calls complete all at once whatever the pacing.
func (m *message) pace(b body, now time.Time) []string {
	v := b["NumberOfOperators"]
	if !present(v) {
		return []string{msgMissingOperators}
	}
	n, err := strconv.Atoi(strings.TrimSpace(asString(v)))
	switch {
	case err != nil:
		return []string{msgOperatorsNotNumber}
	case n < 1 || n > 99999:
		return []string{msgOperatorsRange}
	case m.jobStatus(now) == jobCompleted:
		return []string{msgPacingCompleted}
	}
	m.operators = n
	m.actions = append(m.actions, actionRecord{action: actionPacing, at: now, operators: n})
	return nil
}

// writeUnsupportedMedia answers the OpenAPI file's 415UnsupportedMediaType with its
// placeholder body.
func writeUnsupportedMedia(w http.ResponseWriter) {
	writeJSON(w, http.StatusUnsupportedMediaType, struct {
		Status  int    `json:"status"`
		Extend1 string `json:"extend1"`
		Extend2 string `json:"extend2"`
	}{http.StatusUnsupportedMediaType, "info1", "info2"})
}
