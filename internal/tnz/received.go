package tnz

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// ReceivedQuery selects received messages (TNZ's OpenAPI file, GET
// /{channel}/received): either the last TimePeriod minutes, or the range
// DateFrom to DateTo.
type ReceivedQuery struct {
	// TimePeriod is a number of minutes back from now, 1 to 1440 (24 hours);
	// 0 means unset.
	TimePeriod int
	// DateFrom and DateTo bound a range in the API user's local time,
	// "YYYY-MM-DD HH:MM:SS" (TNZ allows at most 7 days); both or neither.
	DateFrom string
	DateTo   string
}

// Bounds of ReceivedQuery.TimePeriod, in minutes (TNZ's OpenAPI file: timePeriod).
const (
	MinReceivedTimePeriod = 1
	MaxReceivedTimePeriod = 1440
)

// ReceivedDateLayout is the layout of ReceivedQuery.DateFrom and DateTo.
const ReceivedDateLayout = "2006-01-02 15:04:05"

// Validate checks q as Received will before any call.
func (q ReceivedQuery) Validate() error {
	hasRange := q.DateFrom != "" || q.DateTo != ""
	switch {
	case q.TimePeriod != 0 && hasRange:
		return errors.New("set either a time period or a date range (date from and date to) for received messages, not both")
	case q.TimePeriod != 0:
		if q.TimePeriod < MinReceivedTimePeriod || q.TimePeriod > MaxReceivedTimePeriod {
			return fmt.Errorf("time period %d is out of range: it must be between %d and %d minutes (24 hours); use a date range for an older or longer span",
				q.TimePeriod, MinReceivedTimePeriod, MaxReceivedTimePeriod)
		}
		return nil
	case !hasRange:
		return fmt.Errorf("set a time period (%d to %d minutes) or a date range (date from and date to) for received messages",
			MinReceivedTimePeriod, MaxReceivedTimePeriod)
	case q.DateFrom == "" || q.DateTo == "":
		return errors.New("date from and date to must be set together for received messages")
	}
	from, err := time.Parse(ReceivedDateLayout, q.DateFrom)
	if err != nil {
		return fmt.Errorf("date from %q must be in the format YYYY-MM-DD HH:MM:SS", q.DateFrom)
	}
	to, err := time.Parse(ReceivedDateLayout, q.DateTo)
	if err != nil {
		return fmt.Errorf("date to %q must be in the format YYYY-MM-DD HH:MM:SS", q.DateTo)
	}
	if from.After(to) {
		return fmt.Errorf("date from %q is after date to %q", q.DateFrom, q.DateTo)
	}
	return nil
}

// InboundSMS is one message received by the account: an SMS (a reply to a
// message, or an SMS to its inbound number), or a WhatsApp or RCS message;
// the three lists share this shape (TNZ's OpenAPI file).
type InboundSMS struct {
	// ReceivedID identifies the inbound message (v2.0x: ID).
	ReceivedID string
	// MessageID is the outbound message it replies to, if TNZ matched one.
	MessageID  string
	JobNum     string
	SubAccount string
	Department string
	// ReceivedTimeUTC prefers the RFC 3339 form; else "YYYY-MM-DD hh:mm:ss" (v2.0x: DateUTC).
	ReceivedTimeUTC string
	// ReceivedTimeLocal is in Timezone, "YYYY-MM-DD hh:mm:ss" (v2.0x: Date).
	ReceivedTimeLocal string
	// From is the sender's number (E.164).
	From        string
	ContactID   string
	MessageText string
	Timezone    string
}

// ReceivedSMS lists the SMS received in q's period: Received for SMS.
func (c *Client) ReceivedSMS(ctx context.Context, q ReceivedQuery) ([]InboundSMS, error) {
	return c.Received(ctx, SMS, q)
}

// Received lists the messages received on channel ch (SMS, WhatsApp or
// RCS: ReceivedChannels; v2.0x has SMS only) in q's period, every page of
// them (100 per page, following PageCount, stopping on an empty page; more
// than 1000 pages is an error). The channel and q are checked first, so a
// bad one makes no call. Each page is retried like any GET.
func (c *Client) Received(ctx context.Context, ch Channel, q ReceivedQuery) ([]InboundSMS, error) {
	if err := c.checkChannel(ch); err != nil {
		return nil, err
	}
	if !ch.HasReceived() {
		return nil, fmt.Errorf("TNZ's API has no received list for %s messages: use one of %s", ch.Title(), channelNames(ReceivedChannels))
	}
	if err := q.Validate(); err != nil {
		return nil, err
	}
	var out []InboundSMS
	err := readPages(c, "the received "+ch.Title()+" list", c.maxPages,
		func(page int) ([]InboundSMS, pagination, error) {
			req, err := c.dialect.receivedRequest(ch, q, page, recordsPerPage)
			if err != nil {
				return nil, pagination{}, err
			}
			resp, err := c.get(ctx, req)
			if err != nil {
				return nil, pagination{}, err
			}
			return c.dialect.decodeReceived(resp.status, resp.body)
		},
		func(msgs []InboundSMS) int {
			out = append(out, msgs...)
			return len(msgs)
		})
	if err != nil {
		return nil, err
	}
	return out, nil
}
