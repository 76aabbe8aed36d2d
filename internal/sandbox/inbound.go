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

// ErrUnknownMessage is returned (wrapped) by InjectReply and InjectReplyOn
// when no message of the channel has the MessageID.
var ErrUnknownMessage = errors.New("unknown MessageID")

// ErrNoReceivedList is returned (wrapped) by InjectReplyOn and
// InjectInboundOn for a channel without a received list: TNZ's OpenAPI file
// has one for SMS, WhatsApp and RCS only.
var ErrNoReceivedList = errors.New("the channel has no received list (use sms, whatsapp or rcs)")

// Received-list rejection texts. TNZ documents none for the server; where
// an official SDK checks the same thing on the client its text is used
// (the Node SDK, Python SDK 3.0 and .NET SDK), otherwise the sandbox's own.
const (
	msgReceivedMissing   = "Missing TimePeriod or DateFrom & DateTo"                       // Node SDK
	msgTimePeriodNumber  = "TimePeriod must be a number - number of minutes"               // Node SDK
	msgTimePeriodRange   = "Invalid TimePeriod: must be between 1 and 1440 minutes"        // Python SDK 3.0
	msgDateFormat        = "DateFrom/DateTo must be datetime format"                       // Node SDK
	msgDateOrder         = "Invalid date range: dateFrom must not be after dateTo"         // .NET SDK
	msgDateWindow        = "Invalid date range: dateFrom and dateTo must be within 7 days" // sandbox
	maxTimePeriodMinutes = 1440
	maxDateWindow        = 7 * 24 * time.Hour
)

// msgInboundChannel refuses a /sandbox/inbound Channel without a received
// list (the sandbox's own route and text).
const msgInboundChannel = "Channel must be sms, whatsapp or rcs"

// maxReceivedMessage is the OpenAPI file's ReceivedMessage maxLength.
const maxReceivedMessage = 1000

// inboundSMS is one message received from a phone on ch (SMS, WhatsApp or
// RCS): a reply matched to an outbound message (msg set) or an unmatched
// inbound message.
type inboundSMS struct {
	ch        *channel
	id        string // ReceivedID, a UUIDv4
	at        time.Time
	from      string // E.164 when it reads as a phone number, otherwise as given
	text      string
	timezone  string
	loc       *time.Location
	msg       *message // the message replied to; nil when unmatched
	contactID string   // the replying recipient's ContactID, if any
}

// reply renders in as the OpenAPI file's SMSReplies_Detail.
func (in *inboundSMS) reply() smsReply {
	local, utc, rfc := formatTimes(in.at, in.loc)
	return smsReply{
		ReceivedID: in.id, ReceivedTimeLocal: local, ReceivedTimeUTC: utc, ReceivedRFC3339: rfc,
		Timezone: in.timezone, From: in.from, MessageText: in.text,
	}
}

// receivedMessage is one item of /sms/received's Messages, in the OpenAPI file's
// field order. MessageID and JobNum are left out when the SMS matched no
// outbound message: the OpenAPI file gives them no null, and JobNum must have 8
// characters.
type receivedMessage struct {
	ReceivedID        string
	MessageID         string `json:",omitempty"`
	JobNum            string `json:",omitempty"`
	SubAccount        string
	Department        string
	ReceivedTimeLocal string
	ReceivedTimeUTC   string
	ReceivedRFC3339   string `json:"ReceivedTimeUTC_RFC3339"`
	From              string
	ContactID         string
	MessageText       string
	Timezone          string
	Version           string
}

func (in *inboundSMS) listed() receivedMessage {
	local, utc, rfc := formatTimes(in.at, in.loc)
	rm := receivedMessage{
		ReceivedID: in.id, ReceivedTimeLocal: local, ReceivedTimeUTC: utc, ReceivedRFC3339: rfc,
		From: in.from, ContactID: in.contactID, MessageText: in.text, Timezone: in.timezone, Version: "v3.00",
	}
	if m := in.msg; m != nil {
		rm.MessageID, rm.JobNum, rm.SubAccount, rm.Department = m.id, m.jobNum, m.subAccount, m.department
	}
	return rm
}

// receivedResponse is the OpenAPI file's /sms/received answer: Pagination + Messages.
type receivedResponse struct {
	pagination
	Messages []receivedMessage
}

// InjectReply models a phone replying to an SMS: from (any phone number
// form; compared in E.164) must be a recipient of the most recent SMS with
// messageID, and that recipient must have received it (Status Success, at
// the Clock's now). The reply is received now. It appears under the first
// such recipient in the SMS's status (SMSReplies), in the message's
// Timezone, and in GET /sms/received with the SMS's MessageID and JobNum.
// The error wraps ErrUnknownMessage when there is no such SMS.
func (s *Server) InjectReply(messageID, from, text string) error {
	_, err := s.injectReply(smsChannel, messageID, from, text)
	return err
}

// InjectReplyOn is InjectReply on channel ("sms", "whatsapp" or "rcs"):
// the reply to a WhatsApp or RCS message shows in its status and in that
// channel's received list. The error wraps ErrNoReceivedList for another
// channel.
func (s *Server) InjectReplyOn(channel, messageID, from, text string) error {
	ch, err := receivingChannel(channel)
	if err != nil {
		return err
	}
	_, err = s.injectReply(ch, messageID, from, text)
	return err
}

// receivingChannel finds a channel with a received list by name.
func receivingChannel(name string) (*channel, error) {
	ch, ok := channels[strings.ToLower(strings.TrimSpace(name))]
	if !ok || !ch.hasReplies {
		return nil, fmt.Errorf("sandbox: channel %q: %w", name, ErrNoReceivedList)
	}
	return ch, nil
}

// noun names a message of ch in errors: "SMS", "WhatsApp message".
func (ch *channel) noun() string {
	if ch == smsChannel {
		return "SMS"
	}
	return ch.recipientType + " message"
}

func (s *Server) injectReply(ch *channel, messageID, from, text string) (*inboundSMS, error) {
	num, ok := e164(from)
	if !ok {
		return nil, fmt.Errorf("sandbox: %q is not a phone number", from)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.store.latest(ch, messageID)
	if m == nil {
		return nil, fmt.Errorf("sandbox: no %s with that MessageID: %q (%w)", ch.noun(), messageID, ErrUnknownMessage)
	}
	now := s.clock.Now()
	matched := false
	for i := range m.recipients {
		r := &m.recipients[i]
		if r.address != num {
			continue
		}
		matched = true
		if m.outcome(i, now).status != recipientSuccess {
			continue
		}
		in := &inboundSMS{
			ch: ch, id: newUUID(), at: now, from: num, text: text,
			timezone: m.timezone, loc: m.loc, msg: m, contactID: r.contactID,
		}
		r.replies = append(r.replies, in)
		s.store.inbound = append(s.store.inbound, in)
		return in, nil
	}
	if matched {
		return nil, fmt.Errorf("sandbox: %s %q has not been delivered to %s, so it cannot have been replied to", ch.noun(), messageID, num)
	}
	return nil, fmt.Errorf("sandbox: %s is not a recipient of %s %q", num, ch.noun(), messageID)
}

// InjectInbound models an SMS from a phone that matches no outbound
// message: it is received now and appears only in GET /sms/received,
// without MessageID or JobNum, in the API user's Timezone (Options.Timezone).
// from is shown in E.164 when it reads as a phone number, otherwise as given.
func (s *Server) InjectInbound(from, text string) {
	s.injectInbound(smsChannel, from, text)
}

// InjectInboundOn is InjectInbound on channel ("sms", "whatsapp" or
// "rcs"): the message appears only in that channel's received list. The
// error wraps ErrNoReceivedList for another channel.
func (s *Server) InjectInboundOn(channel, from, text string) error {
	ch, err := receivingChannel(channel)
	if err != nil {
		return err
	}
	s.injectInbound(ch, from, text)
	return nil
}

func (s *Server) injectInbound(ch *channel, from, text string) *inboundSMS {
	num, ok := e164(from)
	if !ok {
		num = strings.TrimSpace(from)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	in := &inboundSMS{ch: ch, id: newUUID(), at: s.clock.Now(), from: num, text: text, timezone: s.timezone, loc: s.loc}
	s.store.inbound = append(s.store.inbound, in)
	return in
}

// received answers GET /{sms,whatsapp,rcs}/received?timePeriod=N or
// ?dateFrom=…&dateTo=…, with recordsPerPage and page: what ch received.
func (s *Server) received(w http.ResponseWriter, r *http.Request, ch *channel) {
	q := newQuery(r.URL.Query())
	p, pagingErrs := readPaging(q)
	from, to, errs := s.receivedWindow(q, s.clock.Now())
	if errs = append(errs, pagingErrs...); len(errs) > 0 {
		writeError(w, http.StatusBadRequest, "Failed", "", errs...)
		return
	}
	s.mu.Lock()
	var found []receivedMessage
	for _, in := range s.store.inbound {
		if in.ch == ch && !in.at.Before(from) && !in.at.After(to) {
			found = append(found, in.listed())
		}
	}
	s.mu.Unlock()
	pg, lo, hi := p.slice(len(found))
	writeJSON(w, http.StatusOK, receivedResponse{pg, append([]receivedMessage{}, found[lo:hi]...)})
}

// receivedWindow reads the time window of /sms/received, both ends
// included: timePeriod minutes back from now (1–1440), or dateFrom to
// dateTo in the API user's Timezone (both required, at most 7 days apart).
// timePeriod wins when both forms are given.
func (s *Server) receivedWindow(q query, now time.Time) (from, to time.Time, errs []string) {
	if v, ok := q.get("timePeriod"); ok {
		n, err := strconv.Atoi(v)
		switch {
		case err != nil:
			return from, to, []string{msgTimePeriodNumber}
		case n < 1 || n > maxTimePeriodMinutes:
			return from, to, []string{msgTimePeriodRange}
		}
		return now.Add(-time.Duration(n) * time.Minute), now, nil
	}
	df, okFrom := q.get("dateFrom")
	dt, okTo := q.get("dateTo")
	if !okFrom || !okTo {
		return from, to, []string{msgReceivedMissing}
	}
	from, okFrom = parseDate(df, s.loc)
	to, okTo = parseDate(dt, s.loc)
	switch {
	case !okFrom || !okTo:
		return from, to, []string{msgDateFormat}
	case from.After(to):
		return from, to, []string{msgDateOrder}
	case to.Sub(from) > maxDateWindow:
		return from, to, []string{msgDateWindow}
	}
	return from, to, nil
}

// parseDate reads dateFrom/dateTo: "YYYY-MM-DD HH:MM:SS" (the .NET SDK's form) in
// loc; the T separator (TNZ's OpenAPI file's example) and leaving out the seconds are
// accepted too.
func parseDate(s string, loc *time.Location) (time.Time, bool) {
	for _, layout := range sendTimeLayouts {
		if t, err := time.ParseInLocation(layout, strings.TrimSpace(s), loc); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// inboundRequest handles POST /sandbox/inbound {"From","MessageText",
// "MessageID"?,"Channel"?}: InjectReplyOn when MessageID is given, else
// InjectInboundOn, on Channel (default "sms"). It answers 200 with the
// entry as /{channel}/received lists it.
func (s *Server) inboundRequest(w http.ResponseWriter, r *http.Request) {
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.maxBody))
	if err != nil {
		writeError(w, http.StatusBadRequest, "Failed", "", msgSyntax)
		return
	}
	b, ok := decodeObject(raw)
	if !ok {
		writeError(w, http.StatusBadRequest, "Failed", "", msgSyntax)
		return
	}
	from, text, id := strings.TrimSpace(b.str("From")), b.str("MessageText"), strings.TrimSpace(b.str("MessageID"))
	var errs []string
	ch := smsChannel
	if name := b.str("Channel"); !blank(name) {
		var err error
		if ch, err = receivingChannel(name); err != nil {
			errs = append(errs, msgInboundChannel)
		}
	}
	if from == "" {
		errs = append(errs, "Missing From")
	} else if _, ok := e164(from); !ok {
		errs = append(errs, "Invalid From - must be a phone number")
	}
	switch {
	case blank(text):
		errs = append(errs, "Missing MessageText")
	case len([]rune(text)) > maxReceivedMessage:
		errs = append(errs, fmt.Sprintf("MessageText must be at most %d characters", maxReceivedMessage))
	}
	if len(errs) > 0 {
		writeError(w, http.StatusBadRequest, "Failed", "", errs...)
		return
	}
	var in *inboundSMS
	if id == "" {
		in = s.injectInbound(ch, from, text)
	} else if in, err = s.injectReply(ch, id, from, text); err != nil {
		if errors.Is(err, ErrUnknownMessage) {
			writeError(w, http.StatusNotFound, "RecordNotFound", id, msgIDNotFound)
			return
		}
		writeError(w, http.StatusBadRequest, "Failed", "", strings.TrimPrefix(err.Error(), "sandbox: "))
		return
	}
	s.mu.Lock()
	resp := in.listed()
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, resp)
}
