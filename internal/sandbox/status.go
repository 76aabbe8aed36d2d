package sandbox

import (
	"fmt"
	"time"
)

// account is the sandbox's TNZ account number (TNZ's OpenAPI file: Account example).
const account = "101202"

// Timestamp layouts of the OpenAPI file's *Local/*UTC and *UTC_RFC3339 fields.
const (
	plainLayout   = "2006-01-02 15:04:05"
	rfc3339Millis = "2006-01-02T15:04:05.000Z07:00"
)

// statusResponse is the OpenAPI file's Message_Detail + Pagination + Recipients, in the OpenAPI file's
// field order.
type statusResponse struct {
	MessageID        string
	JobStatus        string
	JobNum           string
	Account          string
	SubAccount       string
	Department       string
	Reference        string
	CreatedTimeLocal string
	CreatedTimeUTC   string
	CreatedRFC3339   string `json:"CreatedTimeUTC_RFC3339"`
	DelayedTimeLocal string `json:",omitempty"`
	DelayedTimeUTC   string `json:",omitempty"`
	DelayedRFC3339   string `json:"DelayedTimeUTC_RFC3339,omitempty"`
	Timezone         string
	Count            int
	Complete         int
	Success          int
	Failed           int
	Price            *string // null until there is a cost
	TotalRecords     int
	RecordsPerPage   int
	PageCount        int
	Page             int
	Recipients       []recipientStatus
}

type recipientStatus struct {
	Type          string
	DestSeq       string
	Destination   string
	ContactID     string
	Status        string
	Result        string
	SentTimeLocal string `json:",omitempty"`
	SentTimeUTC   string `json:",omitempty"`
	SentRFC3339   string `json:"SentTimeUTC_RFC3339,omitempty"`
	Attention     string
	Company       string
	Custom1       string
	Custom2       string
	Custom3       string
	Custom4       string
	Custom5       string
	Custom6       string
	Custom7       string
	Custom8       string
	Custom9       string
	// MessageText is missing unless the text reached the phone (TNZ's OpenAPI file), and
	// on every channel but SMS.
	MessageText string `json:",omitempty"`
	// SMSReplies is a list (maybe []) on SMS and absent on other channels.
	SMSReplies []smsReply `json:",omitzero"`
	// RemoteID is the number dialled (Voice, TTS and Fax; TNZ's OpenAPI file: it differs
	// from Destination when Alt Phones were used, which the sandbox never
	// does); null until dialled, and on the other channels.
	RemoteID *string
	Price    *string
}

// smsReply is the OpenAPI file's SMSReplies_Detail.
type smsReply struct {
	ReceivedID        string
	ReceivedTimeLocal string
	ReceivedTimeUTC   string
	ReceivedRFC3339   string `json:"ReceivedTimeUTC_RFC3339"`
	Timezone          string
	From              string
	MessageText       string
}

// price renders cents as the OpenAPI file's string Price, or null when there is no cost.
func price(cents int) *string {
	if cents == 0 {
		return nil
	}
	s := fmt.Sprintf("%d.%02d", cents/100, cents%100)
	return &s
}

// status renders m as the status endpoint answers at now, with the
// recipients on page p. The counts and Price cover every recipient.
func (m *message) status(now time.Time, p paging) statusResponse {
	job := m.jobStatus(now)
	local, utc, rfc := m.times(m.created)
	pg, from, to := p.slice(len(m.recipients))
	resp := statusResponse{
		MessageID: m.id, JobStatus: job, JobNum: m.jobNum, Account: account,
		SubAccount: m.subAccount, Department: m.department, Reference: m.reference,
		CreatedTimeLocal: local, CreatedTimeUTC: utc, CreatedRFC3339: rfc,
		Timezone:     m.timezone,
		Count:        len(m.recipients),
		TotalRecords: pg.TotalRecords, RecordsPerPage: pg.RecordsPerPage, PageCount: pg.PageCount, Page: pg.Page,
		Recipients: make([]recipientStatus, 0, to-from),
	}
	if m.delayed {
		resp.DelayedTimeLocal, resp.DelayedTimeUTC, resp.DelayedRFC3339 = m.times(m.sendAt)
	}
	total := 0
	for i, r := range m.recipients {
		o := m.outcome(i, now)
		total += o.cents
		switch o.status {
		case recipientSuccess:
			resp.Success++
		case recipientFailed:
			resp.Failed++
		}
		if o.status != recipientPending {
			resp.Complete++
		}
		if i < from || i >= to {
			continue
		}
		typ := m.ch.recipientType
		if o.recipientType != "" {
			typ = o.recipientType
		}
		rs := recipientStatus{
			Type: typ, DestSeq: fmt.Sprintf("%08d", i+1),
			Destination: r.address, ContactID: r.contactID,
			Status: o.status, Result: o.result,
			Attention: r.fields["Attention"], Company: r.fields["Company"],
			Custom1: r.fields["Custom1"], Custom2: r.fields["Custom2"], Custom3: r.fields["Custom3"],
			Custom4: r.fields["Custom4"], Custom5: r.fields["Custom5"], Custom6: r.fields["Custom6"],
			Custom7: r.fields["Custom7"], Custom8: r.fields["Custom8"], Custom9: r.fields["Custom9"],
			Price: price(o.cents),
		}
		if m.ch.hasReplies {
			rs.SMSReplies = make([]smsReply, 0, len(r.replies))
			for _, in := range r.replies {
				rs.SMSReplies = append(rs.SMSReplies, in.reply())
			}
		}
		if o.status == recipientSuccess {
			rs.MessageText = personalise(m.text, r.fields) // empty, so left out, on channels without MessageText
		}
		if !o.sentAt.IsZero() {
			rs.SentTimeLocal, rs.SentTimeUTC, rs.SentRFC3339 = m.times(o.sentAt)
			if m.ch.dials && r.address != "" {
				rs.RemoteID = &r.address
			}
		}
		resp.Recipients = append(resp.Recipients, rs)
	}
	resp.Price = price(total)
	return resp
}

// times formats t in the message's Timezone, in UTC, and as RFC 3339.
func (m *message) times(t time.Time) (local, utc, rfc string) {
	return formatTimes(t, m.loc)
}

// formatTimes formats t in loc, in UTC, and as RFC 3339 (TNZ's OpenAPI file's *Local,
// *UTC and *UTC_RFC3339 fields).
func formatTimes(t time.Time, loc *time.Location) (local, utc, rfc string) {
	return t.In(loc).Format(plainLayout), t.UTC().Format(plainLayout), t.UTC().Format(rfc3339Millis)
}
