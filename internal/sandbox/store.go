package sandbox

import (
	"encoding/json"
	"strings"
	"time"
)

// Job statuses (SPEC JobStatus) and recipient statuses (SPEC MessageStatus).
const (
	jobDelayed   = "Delayed"
	jobPending   = "Pending"
	jobCompleted = "Completed"

	recipientPending = "Pending"
	recipientSuccess = "Success"
	recipientFailed  = "Failed"
)

// testResult is the Result of every recipient of a Mode "Test" message: it
// succeeds without being sent (SPEC TestMode), so nothing was "Delivered".
const testResult = "Test Mode"

// defaultTimezone is the account's Timezone when a message names none.
const defaultTimezone = "New Zealand"

// windowsZones maps the Windows timezone names TNZ uses (SPEC Timezone
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

// sendTimeLayouts are the {date}T{time} forms SPEC and the SDKs use.
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
// Delayed until sendAt, Pending until doneAt, then Completed. Abort and
// reschedule will edit sendAt/doneAt.
type message struct {
	ch         *channel
	apiVersion string
	id         string
	jobNum     string
	created    time.Time // arrival, on the sandbox clock
	sendAt     time.Time // created, or a future SendTime
	doneAt     time.Time
	delayed    bool // a future SendTime was given
	test       bool // Mode "Test": succeeds at once, nothing sent or charged
	timezone   string
	loc        *time.Location
	subAccount string
	department string
	reference  string
	text       string // MessageText before personalisation; channels without MessageText leave it empty
	recipients []recipient
	body       json.RawMessage
}

func newMessage(ch *channel, apiVersion, id, jobNum string, b body, raw []byte, rs []recipient, now time.Time, delay time.Duration) *message {
	m := &message{
		ch: ch, apiVersion: apiVersion, id: id, jobNum: jobNum,
		created: now, sendAt: now,
		test:       strings.EqualFold(strings.TrimSpace(b.str("Mode")), "Test"),
		timezone:   strings.TrimSpace(b.str("Timezone")),
		subAccount: b.str("SubAccount"),
		department: b.str("Department"),
		reference:  b.str("Reference"),
		recipients: rs,
		body:       append(json.RawMessage(nil), raw...),
	}
	if ch.text != nil {
		m.text = ch.text(b)
	}
	if m.timezone == "" {
		m.timezone = defaultTimezone
	}
	m.loc = location(m.timezone)
	if t, ok := parseSendTime(b.str("SendTime"), m.loc); ok && t.After(now) && !m.test {
		m.sendAt, m.delayed = t, true
	}
	switch {
	case m.test:
		m.doneAt = now
	case delay < 0:
		m.doneAt = m.sendAt
	default:
		m.doneAt = m.sendAt.Add(delay)
	}
	return m
}

func (m *message) jobStatus(now time.Time) string {
	switch {
	case now.Before(m.sendAt):
		return jobDelayed
	case now.Before(m.doneAt):
		return jobPending
	}
	return jobCompleted
}

// outcome is recipient i's Status, Result and price in cents at now.
func (m *message) outcome(i int, now time.Time) (status, result string, cents int) {
	switch {
	case m.jobStatus(now) != jobCompleted:
		return recipientPending, "", 0
	case m.test:
		return recipientSuccess, testResult, 0
	}
	ok, result := m.ch.deliver(m.recipients[i].address)
	if !ok {
		return recipientFailed, result, 0
	}
	return recipientSuccess, result, m.ch.priceCents
}

// store keeps every accepted message in arrival order, and indexes them by
// MessageID because ids may be reused: lookups want the most recent.
// The Server's mutex guards it.
type store struct {
	all  []*message
	byID map[string][]*message
}

func (st *store) add(m *message) {
	if st.byID == nil {
		st.byID = map[string][]*message{}
	}
	st.all = append(st.all, m)
	st.byID[m.id] = append(st.byID[m.id], m)
}

// latest returns the most recent message with id on ch (any channel if ch is nil).
func (st *store) latest(ch *channel, id string) *message {
	ms := st.byID[id]
	for i := len(ms) - 1; i >= 0; i-- {
		if ch == nil || ms[i].ch == ch {
			return ms[i]
		}
	}
	return nil
}
