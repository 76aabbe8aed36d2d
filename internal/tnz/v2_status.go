package tnz

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// v2.0x status, SMS replies, actions and inbound SMS (the Node SDK's
// lib/Api and lib/Legacy/PreV203; TNZ's v2.04 API documentation). The token form reads with GET and acts with PATCH on paths that
// end in the message id; the sender/API key form POSTs everything with the
// id and the credentials in the body.

// v2MessageBody names a message in a legacy POST body:
// {"Sender","APIKey","MessageID"} (Node SDK Legacy/PreV203/Get/Status.js,
// SMSReply.js; Python SDK 2.4 reports/requests/status.py, sms_reply.py).
type v2MessageBody struct {
	v2Credentials
	MessageID string `json:"MessageID"`
}

// statusRequest is, token form, GET get/status/{id}?recordsPerPage=&page=
// (Node SDK StatusApi.js); legacy form, POST get/status {Sender,APIKey,MessageID}.
// The status path has no channel on v2.0x.
//
// The legacy form has no paging parameters (Node SDK lib/Legacy/PreV203), so its answer is
// read as one page whatever the page asked for (decodeStatus drops its
// pagination, so no second page is asked for).
func (d *v2) statusRequest(_ Channel, messageID string, page, perPage int) (*apiRequest, error) {
	return d.messageRequest("get/status", messageID, page, perPage)
}

// smsRepliesRequest is, token form, GET get/sms/reply/{id}?recordsPerPage=&page=
// (Node SDK SMSReplyApi.js); legacy form, POST get/sms/reply {Sender,APIKey,MessageID}.
func (d *v2) smsRepliesRequest(messageID string, page, perPage int) (*apiRequest, error) {
	return d.messageRequest("get/sms/reply", messageID, page, perPage)
}

// messageRequest reads one page of what rest serves about a message.
func (d *v2) messageRequest(rest, messageID string, page, perPage int) (*apiRequest, error) {
	if d.legacy {
		return d.request(http.MethodPost, d.path(rest), "", v2MessageBody{v2Credentials: d.creds, MessageID: messageID})
	}
	return d.request(http.MethodGet, d.idPath(rest, messageID), pageQuery(page, perPage), nil)
}

// v2Envelope is what every v2.0x answer carries: Result ("Success" or why
// not) and, when it is not Success, ErrorMessage (a list or a string).
type v2Envelope struct {
	Result       flexString   `json:"Result"`
	ErrorMessage flexibleList `json:"ErrorMessage"`
}

// err returns an *APIError when Result says the call failed. A missing
// Result is not read as a failure (a 2xx is the call done); every v2 SDK
// checks Result == "Success" (Node SDK MapApiResponse.js).
func (e v2Envelope) err(status int, body []byte) error {
	res := strings.TrimSpace(string(e.Result))
	if res == "" || strings.EqualFold(res, "Success") {
		return nil
	}
	return &APIError{StatusCode: status, Result: res, Messages: []string(e.ErrorMessage), Body: string(body)}
}

// v2Status is the v2.0x status (and SMS reply) answer: v3.00's
// Message_Detail with Result, and the job's status named Status instead of
// JobStatus (Node SDK StatusApiResponseDTO.js, Python SDK 2.4 status_dto.py).
// The Node SDK leaves out the *_RFC3339 times and the Python SDK 2.4 has them; both are read.
// Recipients of get/sms/reply carry SMSReplies (Node SDK
// SMSReplyRecipientDTO.js), those of get/status do not.
type v2Status struct {
	v300Status
	v2Envelope
	Status flexString `json:"Status"`
}

func (d *v2) decodeStatus(status int, body []byte) (*Status, pagination, error) {
	var r v2Status
	if err := json.Unmarshal(body, &r); err != nil {
		return nil, pagination{}, fmt.Errorf("reading TNZ status response: %w", err)
	}
	if err := r.err(status, body); err != nil {
		return nil, pagination{}, err
	}
	st := r.status()
	if st.JobStatus == "" {
		st.JobStatus = firstNonEmpty(r.Status)
	}
	if d.legacy {
		return st, pagination{}, nil
	}
	return st, r.pagination(), nil
}

// v2ActionBody is an action's body. Token form (Node SDK lib/Api/Actions):
// {} for abort, {"SendTime"} for reschedule and resubmit, {"NumberOfOperators"}
// for pacing. Legacy form (Node SDK Legacy/PreV203/Set): the same after
// Sender, APIKey and MessageID.
type v2ActionBody struct {
	v2Credentials
	MessageID         string `json:"MessageID,omitempty"`
	SendTime          string `json:"SendTime,omitempty"`
	NumberOfOperators *int   `json:"NumberOfOperators,omitempty"`
}

// actionRequest is, token form, PATCH set/{action}/{id}; legacy form, POST
// set/{action} (Node SDK lib/Api/Actions, lib/Legacy/PreV203/Set). The path has no channel on v2.0x.
func (d *v2) actionRequest(a Action, _ Channel, messageID string, args actionArgs) (*apiRequest, error) {
	body := v2ActionBody{v2Credentials: d.creds}
	switch a {
	case ActionAbort:
	case ActionReschedule, ActionResubmit:
		body.SendTime = args.SendTime
	case ActionPacing:
		n := args.NumberOfOperators
		body.NumberOfOperators = &n
	default:
		return nil, fmt.Errorf("action %q is not supported by API %s", a, d.version)
	}
	if d.legacy {
		body.MessageID = messageID
		return d.request(http.MethodPost, d.path("set/"+string(a)), "", body)
	}
	return d.request(http.MethodPatch, d.idPath("set/"+string(a), messageID), "", body)
}

// decodeAction reads {Result, MessageID, Status, JobNum, Action} (Node SDK
// ActionApiResponseDTO.js); a Result other than Success is an *APIError.
func (d *v2) decodeAction(status int, body []byte, messageID string) (ActionResult, error) {
	return decodeActionBody(status, body, messageID)
}

// v2ReceivedBody is the legacy inbound SMS body (Node SDK
// Legacy/PreV203/Get/SMSReceived.js): the time period, or the date range,
// then the paging.
type v2ReceivedBody struct {
	v2Credentials
	TimePeriod     int    `json:"TimePeriod,omitempty"`
	DateFrom       string `json:"DateFrom,omitempty"`
	DateTo         string `json:"DateTo,omitempty"`
	RecordsPerPage int    `json:"RecordsPerPage"`
	Page           int    `json:"Page"`
}

// receivedRequest is, token form, GET get/sms/received?timePeriod= or
// ?dateFrom=&dateTo=, then &recordsPerPage=&page= (Node SDK SMSReceivedApi.js,
// Python SDK 2.4 sms_received.py); legacy form, POST get/sms/received with the same in
// the body. v2.0x has SMS's list only.
func (d *v2) receivedRequest(ch Channel, q ReceivedQuery, page, perPage int) (*apiRequest, error) {
	if ch != SMS {
		return nil, fmt.Errorf("API %s has no received list for %s messages", d.version, ch.Title())
	}
	if d.legacy {
		body := v2ReceivedBody{v2Credentials: d.creds, RecordsPerPage: perPage, Page: page}
		if q.TimePeriod != 0 {
			body.TimePeriod = q.TimePeriod
		} else {
			body.DateFrom, body.DateTo = q.DateFrom, q.DateTo
		}
		return d.request(http.MethodPost, d.path("get/sms/received"), "", body)
	}
	return d.request(http.MethodGet, d.path("get/sms/received"), receivedQuery(q)+"&"+pageQuery(page, perPage), nil)
}

// v2Received is the inbound SMS answer: Result, pagination and Messages,
// whose items are spelled ID/Date/DateUTC (Python SDK 2.4 sms_message_in_dto.py) or
// ReceivedID/ReceivedTimeLocal/ReceivedTimeUTC (Node SDK SMSReceivedDTO.js);
// v300Inbound reads both.
type v2Received struct {
	v300Received
	v2Envelope
}

func (d *v2) decodeReceived(status int, body []byte) ([]InboundSMS, pagination, error) {
	var r v2Received
	if err := json.Unmarshal(body, &r); err != nil {
		return nil, pagination{}, fmt.Errorf("reading TNZ inbound SMS response: %w", err)
	}
	if err := r.err(status, body); err != nil {
		return nil, pagination{}, err
	}
	return r.messages(), r.pagination(), nil
}

// noSMSReplies reports whether a reply poll's error says there is nothing
// to list: a not-found (404 or RecordNotFound), or the documented SMS
// rejection "Message(s) NOT found", which the table gives for a GET poll
// that "is unable to find messages (result and reply tracking)".
func noSMSReplies(err error) bool {
	if IsNotFound(err) {
		return true
	}
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		return false
	}
	for _, m := range apiErr.Messages {
		if strings.Contains(strings.ToLower(m), "message(s) not found") {
			return true
		}
	}
	return false
}

// hasReplies reports whether any recipient of st has SMS replies.
func hasReplies(st *Status) bool {
	for _, r := range st.Recipients {
		if len(r.Replies) > 0 {
			return true
		}
	}
	return false
}

// mergeReplies adds the replies of withReplies' recipients to st's
// recipient with the same number (compared as E.164 digits), preferring one
// with the same DestSeq too; a reply recipient without a number is matched
// by DestSeq alone. Replies whose recipient matches none are dropped: the
// status lists every recipient, so that happens only if the server names
// one differently in its two answers.
func mergeReplies(st *Status, withReplies []RecipientStatus) {
	for _, rr := range withReplies {
		if len(rr.Replies) == 0 {
			continue
		}
		if i := matchRecipient(st.Recipients, rr); i >= 0 {
			st.Recipients[i].Replies = append(st.Recipients[i].Replies, rr.Replies...)
		}
	}
}

func matchRecipient(recipients []RecipientStatus, want RecipientStatus) int {
	sameSeq := func(r RecipientStatus) bool { return want.DestSeq != "" && r.DestSeq == want.DestSeq }
	found := -1
	for i, r := range recipients {
		switch {
		case want.Destination == "":
			if sameSeq(r) {
				return i
			}
		case sameNumber(r.Destination, want.Destination):
			if sameSeq(r) {
				return i
			}
			if found < 0 {
				found = i
			}
		}
	}
	return found
}

// sameNumber compares two phone numbers by their E.164 digits: "+64 21
// 000 001", "0064-21-000001" and "+6421000001" are the same number. An
// empty number matches nothing.
func sameNumber(a, b string) bool {
	da, db := e164Digits(a), e164Digits(b)
	return da != "" && da == db
}

// e164Digits keeps the digits of n, without an international "00" prefix.
func e164Digits(n string) string {
	var sb strings.Builder
	for _, r := range n {
		if r >= '0' && r <= '9' {
			sb.WriteRune(r)
		}
	}
	d := sb.String()
	if !strings.HasPrefix(strings.TrimSpace(n), "+") {
		d = strings.TrimPrefix(d, "00")
	}
	return d
}
