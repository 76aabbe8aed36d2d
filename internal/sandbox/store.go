package sandbox

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

// Job statuses (TNZ's OpenAPI file: JobStatus) and recipient statuses (TNZ's OpenAPI file: MessageStatus).
const (
	jobDelayed   = "Delayed"
	jobPending   = "Pending"
	jobCompleted = "Completed"

	recipientPending = "Pending"
	recipientSuccess = "Success"
	recipientFailed  = "Failed"
)

// testResult is the Result of every recipient of a Mode "Test" message: it
// succeeds without being sent (TNZ's OpenAPI file: TestMode), so nothing was "Delivered".
const testResult = "Test Mode"

// authFailedResult is the Result of every recipient of a v2 message whose
// credentials the deferred authentication rejected. TNZ documents no text
// for it; the sandbox's own choice.
const authFailedResult = "Authentication failed"

// abortedResult is the Result of every recipient an abort stopped. TNZ
// documents no text for it; the sandbox's own choice.
const abortedResult = "Aborted"

// DefaultTimezone is the API user's Timezone when Options.Timezone is
// empty, and so the Timezone of a message that names none.
const DefaultTimezone = "New Zealand"

// windowsZones maps the Windows timezone names TNZ uses (TNZ's OpenAPI file: Timezone
// examples) to IANA names. Anything else is tried as an IANA name, then UTC.
var windowsZones = map[string]string{
	"new zealand":     "Pacific/Auckland",
	"aus eastern":     "Australia/Sydney",
	"e. australia":    "Australia/Brisbane",
	"w. australia":    "Australia/Perth",
	"cen. australia":  "Australia/Adelaide",
	"central pacific": "Pacific/Guadalcanal",
	"utc":             "UTC",
}

func location(name string) *time.Location {
	iana, ok := windowsZones[strings.ToLower(strings.TrimSpace(name))]
	if !ok {
		iana = strings.TrimSpace(name)
	}
	if iana == "" || strings.EqualFold(iana, "Local") { // never the host's zone
		return time.UTC
	}
	if loc, err := time.LoadLocation(iana); err == nil {
		return loc
	}
	return time.UTC
}

// sendTimeLayouts are the {date}T{time} forms the OpenAPI file and the SDKs use.
var sendTimeLayouts = []string{
	"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04",
}

// parseSendTime reads SendTime in the message's Timezone. Unreadable values
// are ignored (send now): the API documents no rejection for them.
func parseSendTime(s string, loc *time.Location) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, true
	}
	for _, layout := range sendTimeLayouts {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// message is one accepted send. Its lifecycle is a function of the clock:
// Delayed until sendAt, Pending until doneAt, then Completed. Actions edit
// it in place: abort ends it (aborted), reschedule moves sendAt/doneAt,
// and resubmit starts a new round for the failed recipients, freezing the
// others' outcomes (recipient.settled).
type message struct {
	ch         *channel
	apiVersion string
	id         string
	jobNum     string
	created    time.Time // arrival, on the sandbox clock
	sendAt     time.Time // created, or a future SendTime; moved by reschedule and resubmit
	doneAt     time.Time
	delay      time.Duration // sendAt -> doneAt of each round (negative: none)
	delayed    bool          // a future SendTime was given (DelayedTime* are shown)
	test       bool          // Mode "Test": succeeds at once, nothing sent or charged
	aborted    bool          // the recipients of the current round were aborted
	timezone   string
	loc        *time.Location
	subAccount string
	department string
	reference  string
	reportTo   string     // ReportTo, or its former name ErrorEmailNotify
	answerMsg  bool       // TTS/Voice: MessageToAnswerPhones (or v2's MessageToAnswerphones) was given
	text       string     // MessageText before personalisation; channels without MessageText leave it empty
	operators  int        // TTS/Voice NumberOfOperators in force: the send's, then the last pacing's; 0: none
	fallback   []*channel // FallbackMode's channels, tried in order when the message's channel fails a recipient
	recipients []recipient
	actions    []actionRecord
	body       json.RawMessage // exactly as received
	shown      json.RawMessage // body as /sandbox/messages shows it: APIKey values masked
	// authFailure, when set, says which credentials the deferred
	// authentication (v2 only) rejected; never the secret itself. The job
	// fails at authAt and the notification is sent then.
	authFailure string
	authAt      time.Time
	path        string // the request's method and path, for the notification
}

// actionRecord is one accepted action on a message, for inspection.
type actionRecord struct {
	action    string // "Abort", "Reschedule", "Resubmit" or "Pacing"
	at        time.Time
	sendTime  string // Reschedule, Resubmit: SendTime as the client wrote it
	operators int    // Pacing: NumberOfOperators
	resent    int    // Resubmit: how many recipients are sent again
}

// newMessage builds an accepted message from b, the message's fields (the
// body on v3, MessageData on v2), read in dialect d; raw is the whole
// request body.
func newMessage(ch *channel, d dialect, apiVersion, id, jobNum string, b body, raw []byte, rs []recipient, now time.Time, delay time.Duration, defaultTZ string) *message {
	b = ch.read(b)
	m := &message{
		ch: ch, apiVersion: apiVersion, id: id, jobNum: jobNum,
		created: now, sendAt: now, delay: delay,
		test:       strings.EqualFold(strings.TrimSpace(b.str("Mode")), "Test"),
		timezone:   b.first(d.timezoneKeys()...),
		subAccount: b.str("SubAccount"),
		department: b.str("Department"),
		reference:  b.str("Reference"),
		reportTo:   b.first("ReportTo", "ErrorEmailNotify"),
		recipients: rs,
		body:       append(json.RawMessage(nil), raw...),
	}
	m.shown = maskSecrets(m.body)
	if ch.hasKeypads {
		m.answerMsg = b.anyText("MessageToAnswerPhones", "MessageToAnswerphones")
	}
	if ch.text != nil {
		m.text = ch.text(b)
	}
	if ch.canPace {
		m.operators, _ = strconv.Atoi(strings.TrimSpace(b.str("NumberOfOperators")))
	}
	m.fallback, _ = ch.fallbacks(b) // validated before acceptance
	if m.timezone == "" {
		m.timezone = defaultTZ
	}
	m.loc = location(m.timezone)
	if t, ok := parseSendTime(b.str("SendTime"), m.loc); ok && t.After(now) && !m.test {
		m.sendAt, m.delayed = t, true
	}
	if m.test {
		m.doneAt = now
	} else {
		m.schedule(m.sendAt)
	}
	return m
}

// failAuthentication marks m as rejected by the deferred authentication:
// whatever its SendTime or Mode, it is Pending from its arrival until its
// completion delay has passed, then Completed with every recipient Failed
// "Authentication failed", unsent and free. detail says which credentials
// failed.
func (m *message) failAuthentication(detail, path string) {
	m.test, m.delayed = false, false
	m.schedule(m.created)
	m.authFailure, m.authAt, m.path = detail, m.doneAt, path
}

// schedule starts the current round at sendAt: it completes after the
// message's delay.
func (m *message) schedule(sendAt time.Time) {
	m.sendAt, m.doneAt = sendAt, sendAt
	if m.delay > 0 {
		m.doneAt = sendAt.Add(m.delay)
	}
}

func (m *message) jobStatus(now time.Time) string {
	switch {
	case m.aborted:
		return jobCompleted
	case now.Before(m.sendAt):
		return jobDelayed
	case now.Before(m.doneAt):
		return jobPending
	}
	return jobCompleted
}

// outcome is recipient i's Status, Result, price in cents and sent time
// (zero when nothing was sent) at now.
func (m *message) outcome(i int, now time.Time) outcome {
	r := &m.recipients[i]
	switch {
	case r.settled != nil:
		return *r.settled
	case m.aborted:
		return outcome{status: recipientFailed, result: abortedResult}
	case m.jobStatus(now) != jobCompleted:
		return outcome{status: recipientPending}
	case r.blacklisted:
		return outcome{status: recipientFailed, result: blacklistedResult}
	case m.authFailure != "":
		return outcome{status: recipientFailed, result: authFailedResult}
	case m.test:
		return outcome{status: recipientSuccess, result: testResult, sentAt: m.doneAt}
	}
	// The message's channel first, then each fallback while delivery fails;
	// the last channel tried is the one the recipient shows.
	via := m.ch
	ok, result := via.deliver(r.address)
	for _, fb := range m.fallback {
		if ok {
			break
		}
		via = fb
		ok, result = via.deliver(r.address)
	}
	o := outcome{status: recipientFailed, result: result, sentAt: m.doneAt}
	if ok {
		o.status, o.cents = recipientSuccess, via.priceCents
	}
	if via != m.ch {
		o.recipientType = via.recipientType
	}
	return o
}

// outcome is one recipient's state in a status answer.
type outcome struct {
	status, result string
	cents          int
	sentAt         time.Time // zero: nothing was sent (Pending, or aborted)
	// recipientType is the channel a fallback reached the recipient on
	// (Recipients[].Type); empty: the message's own channel.
	recipientType string
}

// store keeps every accepted message in arrival order, and indexes them by
// MessageID because ids may be reused: lookups want the most recent.
// The Server's mutex guards it.
type store struct {
	all     []*message
	byID    map[string][]*message
	inbound []*inboundSMS // every inbound SMS, matched or not, in arrival order
}

func (st *store) add(m *message) {
	if st.byID == nil {
		st.byID = map[string][]*message{}
	}
	st.all = append(st.all, m)
	st.byID[m.id] = append(st.byID[m.id], m)
}

// latest returns the most recent message with id on ch. A nil ch is
// v2.0x's look-up by id alone: any channel v2.0x has, so never a message
// of a v3.00-only channel.
func (st *store) latest(ch *channel, id string) *message {
	return st.latestBy(ch, id, time.Time{})
}

// latestBy is latest among the messages created at or before cutoff; a
// zero cutoff means any time.
func (st *store) latestBy(ch *channel, id string, cutoff time.Time) *message {
	ms := st.byID[id]
	for i := len(ms) - 1; i >= 0; i-- {
		if (ms[i].ch == ch || ch == nil && !ms[i].ch.v3Only) && (cutoff.IsZero() || !ms[i].created.After(cutoff)) {
			return ms[i]
		}
	}
	return nil
}
