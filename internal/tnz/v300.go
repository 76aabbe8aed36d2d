package tnz

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// v3.00: REST paths under /api/v3.00, a flat JSON body and
// "Authorization: Bearer <token>" (TNZ's OpenAPI file).

func init() { registerDialect(V300, tokenAuth, newV300) }

type v300 struct {
	token string
}

func newV300(cfg Config) dialect { return &v300{token: cfg.AuthToken} }

func (d *v300) header() http.Header {
	h := http.Header{}
	if d.token != "" {
		h.Set("Authorization", "Bearer "+d.token)
	}
	return h
}

func (d *v300) sendRequest(msg Message) (*apiRequest, error) {
	if err := refuseUnsupported(V300, msg); err != nil {
		return nil, err
	}
	var body any
	switch m := msg.(type) {
	case *SMSMessage:
		body = v300SMS{
			v300Common:          newV300Common(SMS, &m.Common),
			Message:             m.Message,
			FromNumber:          m.FromNumber,
			SMSEmailReply:       m.SMSEmailReply,
			SMSCustomPageID:     m.SMSCustomPageID,
			CharacterConversion: m.CharacterConversion,
			FallbackMode:        m.FallbackMode,
			Files:               newWireFiles(m.Files),
		}
	case *EmailMessage:
		body = v300Email{
			v300Common:   newV300Common(Email, &m.Common),
			EmailSubject: m.EmailSubject,
			MessagePlain: m.MessagePlain,
			MessageHTML:  m.MessageHTML,
			From:         m.From,
			FromEmail:    m.FromEmail,
			SMTPFrom:     m.SMTPFrom,
			ReplyTo:      m.ReplyTo,
			CCEmail:      m.CCEmail,
			BCCEmail:     m.BCCEmail,
			Files:        newWireFiles(m.Files),
		}
	case *FaxMessage:
		body = v300Fax{
			v300Common:         newV300Common(Fax, &m.Common),
			Resolution:         m.Resolution,
			CSID:               m.CSID,
			StampFormat:        m.StampFormat,
			RetryAttempts:      m.RetryAttempts,
			RetryPeriod:        m.RetryPeriod,
			WatermarkFolder:    m.WatermarkFolder,
			WatermarkFirstPage: m.WatermarkFirstPage,
			WatermarkAllPages:  m.WatermarkAllPages,
			Files:              newWireFiles(m.Files),
		}
	case *TTSMessage:
		body = v300TTS{v300Call: newV300Call(TTS, &m.Call), Voice: m.Voice}
	case *VoiceMessage:
		body = v300Voice{v300Call: newV300Call(Voice, &m.Call)}
	case *WhatsAppMessage:
		body = v300WhatsApp{
			v300Common:   newV300Common(WhatsApp, &m.Common),
			Message:      m.Message,
			FromNumber:   m.FromNumber,
			FallbackMode: m.FallbackMode,
			Files:        newWireFiles(m.Files),
		}
	case *RCSMessage:
		body = v300RCS{
			v300Common:    newV300Common(RCS, &m.Common),
			Message:       m.Message,
			FromNumber:    m.FromNumber,
			SMSEmailReply: m.SMSEmailReply,
			FallbackMode:  m.FallbackMode,
			Files:         newWireFiles(m.Files),
		}
	case *WorkflowMessage:
		if err := checkWorkflowDestinations(m.Destinations); err != nil {
			return nil, err
		}
		body = v300Workflow{WorkflowTemplateID: m.WorkflowTemplateID, v300Common: newV300Common(Workflow, &m.Common)}
	default:
		return nil, fmt.Errorf("sending %s messages is not supported by API %s", msg.Channel().Title(), V300)
	}
	b, err := marshalBody(body)
	if err != nil {
		return nil, err
	}
	return &apiRequest{
		method: http.MethodPost,
		path:   "/api/" + V300 + "/" + string(msg.Channel()),
		body:   b,
		header: d.header(),
	}, nil
}

// statusRequest is GET /{ch}/{MessageID}?recordsPerPage=&page= (TNZ's OpenAPI file
// lists only the path parameter; the v3 SDKs send the paging query, and
// the server pages Recipients by it).
func (d *v300) statusRequest(ch Channel, messageID string, page, perPage int) (*apiRequest, error) {
	if ch.HasReceived() && strings.EqualFold(messageID, "received") {
		// GET /{ch}/received is the channel's received list, not this message.
		return nil, fmt.Errorf(`the status of the %s message with id "received" cannot be fetched: `+
			"API %s serves the inbound %s list at that path", ch.Title(), V300, ch.Title())
	}
	return &apiRequest{
		method: http.MethodGet,
		path:   d.messagePath(ch, messageID),
		query:  pageQuery(page, perPage),
		header: d.header(),
	}, nil
}

// messagePath is /api/v3.00/{ch}/{MessageID}, the id escaped.
func (d *v300) messagePath(ch Channel, messageID string) string {
	return "/api/" + V300 + "/" + string(ch) + "/" + url.PathEscape(messageID)
}

// pageQuery is the paging query the v3 SDKs send, in their order.
func pageQuery(page, perPage int) string {
	return "recordsPerPage=" + strconv.Itoa(perPage) + "&page=" + strconv.Itoa(page)
}

// marshalBody encodes without HTML escaping: TNZ reads the JSON, not a
// browser, and "<" in a message should travel as "<".
func marshalBody(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// v300Common holds the fields every v3.00 send shares, in a fixed order.
// ChargeCode is not in the OpenAPI file, but the TypeScript and .NET SDKs send it,
// so it goes out only when the user sets it.
type v300Common struct {
	MessageID             string            `json:"MessageID,omitempty"`
	Reference             string            `json:"Reference,omitempty"`
	SendTime              string            `json:"SendTime,omitempty"`
	Timezone              string            `json:"Timezone,omitempty"`
	SubAccount            string            `json:"SubAccount,omitempty"`
	Department            string            `json:"Department,omitempty"`
	ChargeCode            string            `json:"ChargeCode,omitempty"`
	NotificationType      string            `json:"NotificationType,omitempty"`
	WebhookCallbackURL    string            `json:"WebhookCallbackURL,omitempty"`
	WebhookCallbackFormat string            `json:"WebhookCallbackFormat,omitempty"`
	ReportTo              string            `json:"ReportTo,omitempty"`
	TemplateID            string            `json:"TemplateID,omitempty"`
	Mode                  string            `json:"Mode,omitempty"`
	Destinations          []v300Destination `json:"Destinations,omitempty"`
}

func newV300Common(ch Channel, c *Common) v300Common {
	out := v300Common{
		MessageID:             c.MessageID,
		Reference:             c.Reference,
		SendTime:              c.SendTime,
		Timezone:              c.Timezone,
		SubAccount:            c.SubAccount,
		Department:            c.Department,
		ChargeCode:            c.ChargeCode,
		NotificationType:      c.NotificationType,
		WebhookCallbackURL:    c.WebhookCallbackURL,
		WebhookCallbackFormat: c.WebhookCallbackFormat,
		ReportTo:              c.ReportTo,
		TemplateID:            c.TemplateID,
	}
	if c.TestMode {
		out.Mode = "Test"
	}
	for _, d := range c.Destinations {
		out.Destinations = append(out.Destinations, newV300Destination(ch, d))
	}
	return out
}

// v300Destination is one entry of Destinations. The OpenAPI file's schema spells the
// name keys "First Name" and "Last Name" (with a space), but every example in
// the OpenAPI file and every SDK sends FirstName/LastName, so those are used.
type v300Destination struct {
	ToNumber     string `json:"ToNumber,omitempty"`
	EmailAddress string `json:"EmailAddress,omitempty"`
	MainPhone    string `json:"MainPhone,omitempty"`
	Attention    string `json:"Attention,omitempty"`
	Company      string `json:"Company,omitempty"`
	FirstName    string `json:"FirstName,omitempty"`
	LastName     string `json:"LastName,omitempty"`
	Custom1      string `json:"Custom1,omitempty"`
	Custom2      string `json:"Custom2,omitempty"`
	Custom3      string `json:"Custom3,omitempty"`
	Custom4      string `json:"Custom4,omitempty"`
	Custom5      string `json:"Custom5,omitempty"`
	Custom6      string `json:"Custom6,omitempty"`
	Custom7      string `json:"Custom7,omitempty"`
	Custom8      string `json:"Custom8,omitempty"`
	Custom9      string `json:"Custom9,omitempty"`
	ContactID    string `json:"ContactID,omitempty"`
	GroupID      string `json:"GroupID,omitempty"`
	GroupCode    string `json:"GroupCode,omitempty"`
}

func newV300Destination(ch Channel, d Destination) v300Destination {
	out := v300Destination{
		Attention: d.Attention,
		Company:   d.Company,
		FirstName: d.FirstName,
		LastName:  d.LastName,
		Custom1:   d.Custom[0],
		Custom2:   d.Custom[1],
		Custom3:   d.Custom[2],
		Custom4:   d.Custom[3],
		Custom5:   d.Custom[4],
		Custom6:   d.Custom[5],
		Custom7:   d.Custom[6],
		Custom8:   d.Custom[7],
		Custom9:   d.Custom[8],
		ContactID: d.ContactID,
		GroupID:   d.GroupID,
		GroupCode: d.GroupCode,
	}
	// Recipient goes in the key the channel reads (the OpenAPI file's
	// Destinations schema; the SDKs' choices): SMS, Fax, WhatsApp and RCS
	// numbers in ToNumber, e-mail in EmailAddress, voice calls in MainPhone.
	switch ch {
	case SMS, Fax, WhatsApp, RCS:
		out.ToNumber = d.Recipient
	case Email:
		out.EmailAddress = d.Recipient
	case TTS, Voice:
		out.MainPhone = d.Recipient
	case Workflow:
		// A Workflow contact carries its addresses by kind;
		// checkWorkflowDestinations made sure Recipient takes a free one.
		out.ToNumber, out.EmailAddress, out.MainPhone = d.ToNumber, d.EmailAddress, d.MainPhone
		if *workflowKey(&out, d.Recipient) == "" {
			*workflowKey(&out, d.Recipient) = d.Recipient
		}
	}
	return out
}

// workflowKey is where a Workflow destination's Recipient goes: an e-mail
// address (it has an @) in EmailAddress, anything else in ToNumber, the
// key the Python v3 SDK gives a bare Workflow destination.
func workflowKey(d *v300Destination, recipient string) *string {
	if strings.Contains(recipient, "@") {
		return &d.EmailAddress
	}
	return &d.ToNumber
}

// checkWorkflowDestinations refuses a Workflow destination whose Recipient
// and explicit address of the same kind are both set: one would be lost.
func checkWorkflowDestinations(dests []Destination) error {
	for i, d := range dests {
		if d.Recipient == "" {
			continue
		}
		key, explicit := "ToNumber", d.ToNumber
		if strings.Contains(d.Recipient, "@") {
			key, explicit = "EmailAddress", d.EmailAddress
		}
		if explicit != "" {
			return fmt.Errorf("workflow destination %d has both a recipient, which goes in its %s, and its own %s: give one of them", i+1, key, key)
		}
	}
	return nil
}

// wireFile is an attachment as both dialects send it: {Name, Data}
// (TNZ's OpenAPI file: schemas.Files; the v2 SDKs' file DTOs).
type wireFile struct {
	Name string `json:"Name,omitempty"`
	Data string `json:"Data,omitempty"`
}

func newWireFiles(files []File) []wireFile {
	var out []wireFile
	for _, f := range files {
		out = append(out, wireFile(f))
	}
	return out
}

// v300SMS is POST /sms (TNZ's OpenAPI file).
type v300SMS struct {
	v300Common
	Message             string     `json:"Message,omitempty"`
	FromNumber          string     `json:"FromNumber,omitempty"`
	SMSEmailReply       string     `json:"SMSEmailReply,omitempty"`
	SMSCustomPageID     string     `json:"SMSCustomPageID,omitempty"`
	CharacterConversion *bool      `json:"CharacterConversion,omitempty"`
	FallbackMode        string     `json:"FallbackMode,omitempty"`
	Files               []wireFile `json:"Files,omitempty"`
}

// v300Email is POST /email (TNZ's OpenAPI file).
//
// SMTPFrom (the envelope sender / Return-Path) is missing from TNZ's
// OpenAPI file as the Python SDK ships it, which this client is checked
// against, but the Node SDK, the Python SDK 2.4 and the TypeScript SDK's copy
// of the OpenAPI file have it. The server ignores keys it does not know (the
// Node SDK sends HTTPMethod in bodies), so it goes out only when the user
// sets it.
type v300Email struct {
	v300Common
	EmailSubject string     `json:"EmailSubject,omitempty"`
	MessagePlain string     `json:"MessagePlain,omitempty"`
	MessageHTML  string     `json:"MessageHTML,omitempty"`
	From         string     `json:"From,omitempty"`
	FromEmail    string     `json:"FromEmail,omitempty"`
	SMTPFrom     string     `json:"SMTPFrom,omitempty"`
	ReplyTo      string     `json:"ReplyTo,omitempty"`
	CCEmail      string     `json:"CCEmail,omitempty"`
	BCCEmail     string     `json:"BCCEmail,omitempty"`
	Files        []wireFile `json:"Files,omitempty"`
}

// v300Fax is POST /fax (TNZ's OpenAPI file). The documents are Files.
// StampFormat is not in TNZ's OpenAPI file; the TypeScript v3 SDK and the
// v2 SDKs send it, so it goes out only when the user sets it.
type v300Fax struct {
	v300Common
	Resolution         string     `json:"Resolution,omitempty"`
	CSID               string     `json:"CSID,omitempty"`
	StampFormat        string     `json:"StampFormat,omitempty"`
	RetryAttempts      *int64     `json:"RetryAttempts,omitempty"`
	RetryPeriod        *int64     `json:"RetryPeriod,omitempty"`
	WatermarkFolder    string     `json:"WatermarkFolder,omitempty"`
	WatermarkFirstPage string     `json:"WatermarkFirstPage,omitempty"`
	WatermarkAllPages  string     `json:"WatermarkAllPages,omitempty"`
	Files              []wireFile `json:"Files,omitempty"`
}

// v300Call holds what POST /tts and POST /voice share (TNZ's OpenAPI file).
// v3.00 spells MessageToAnswerPhones with a capital P (the v2 SDKs
// wrote MessageToAnswerphones) and a keypad's audio or text is Play (v2:
// PlayFile). EndCallMessage and BillingAccount are not in TNZ's OpenAPI
// file; the TypeScript v3 SDK sends both, so each goes out only when set.
type v300Call struct {
	v300Common
	MessageToPeople             string       `json:"MessageToPeople,omitempty"`
	MessageToAnswerPhones       string       `json:"MessageToAnswerPhones,omitempty"`
	Keypads                     []v300Keypad `json:"Keypads,omitempty"`
	KeypadOptionRequired        *bool        `json:"KeypadOptionRequired,omitempty"`
	CallRouteMessageToPeople    string       `json:"CallRouteMessageToPeople,omitempty"`
	CallRouteMessageToOperators string       `json:"CallRouteMessageToOperators,omitempty"`
	CallRouteMessageOnWrongKey  string       `json:"CallRouteMessageOnWrongKey,omitempty"`
	EndCallMessage              string       `json:"EndCallMessage,omitempty"`
	NumberOfOperators           *int64       `json:"NumberOfOperators,omitempty"`
	CallerID                    string       `json:"CallerID,omitempty"`
	BillingAccount              string       `json:"BillingAccount,omitempty"`
	RetryAttempts               *int64       `json:"RetryAttempts,omitempty"`
	RetryPeriod                 *int64       `json:"RetryPeriod,omitempty"`
	Options                     string       `json:"Options,omitempty"`
	AnswerPhoneMode             string       `json:"AnswerPhoneMode,omitempty"`
}

// v300Keypad is one entry of Keypads. Tone is a JSON integer (0-9); a nil
// Tone is left out rather than sent as 0, which is a real key.
type v300Keypad struct {
	Tone        *int64 `json:"Tone,omitempty"`
	Play        string `json:"Play,omitempty"`
	RouteNumber string `json:"RouteNumber,omitempty"`
	PlaySection string `json:"PlaySection,omitempty"`
}

func newV300Call(ch Channel, c *Call) v300Call {
	out := v300Call{
		v300Common:                  newV300Common(ch, &c.Common),
		MessageToPeople:             c.MessageToPeople,
		MessageToAnswerPhones:       c.MessageToAnswerPhones,
		KeypadOptionRequired:        c.KeypadOptionRequired,
		CallRouteMessageToPeople:    c.CallRouteMessageToPeople,
		CallRouteMessageToOperators: c.CallRouteMessageToOperators,
		CallRouteMessageOnWrongKey:  c.CallRouteMessageOnWrongKey,
		EndCallMessage:              c.EndCallMessage,
		NumberOfOperators:           c.NumberOfOperators,
		CallerID:                    c.CallerID,
		BillingAccount:              c.BillingAccount,
		RetryAttempts:               c.RetryAttempts,
		RetryPeriod:                 c.RetryPeriod,
		Options:                     c.Options,
		AnswerPhoneMode:             c.AnswerPhoneMode,
	}
	for _, k := range c.Keypads {
		out.Keypads = append(out.Keypads, v300Keypad(k))
	}
	return out
}

// v300TTS is POST /tts: the call fields, with text in the message fields and
// keypad Play, and the text-to-speech Voice.
type v300TTS struct {
	v300Call
	Voice string `json:"Voice,omitempty"`
}

// v300Voice is POST /voice: the call fields, with base64 WAV (16-bit,
// 8000 Hz) in the message fields and keypad Play. It has no Voice field.
type v300Voice struct {
	v300Call
}

// v300WhatsApp is POST /whatsapp (TNZ's OpenAPI file; API v3.00 only).
type v300WhatsApp struct {
	v300Common
	Message      string     `json:"Message,omitempty"`
	FromNumber   string     `json:"FromNumber,omitempty"`
	FallbackMode string     `json:"FallbackMode,omitempty"`
	Files        []wireFile `json:"Files,omitempty"`
}

// v300RCS is POST /rcs (TNZ's OpenAPI file; API v3.00 only). The file's
// example also sends CharacterConversion, which its schema does not
// declare, so it is not sent.
type v300RCS struct {
	v300Common
	Message       string     `json:"Message,omitempty"`
	FromNumber    string     `json:"FromNumber,omitempty"`
	SMSEmailReply string     `json:"SMSEmailReply,omitempty"`
	FallbackMode  string     `json:"FallbackMode,omitempty"`
	Files         []wireFile `json:"Files,omitempty"`
}

// v300Workflow is POST /workflow (TNZ's OpenAPI file; API v3.00 only): the
// workflow template and the shared fields, of which Workflow lacks
// ReportTo, TemplateID and Mode (refused before the call).
type v300Workflow struct {
	WorkflowTemplateID string `json:"WorkflowTemplateID,omitempty"`
	v300Common
}

// v300SendResponse is the 2xx send body. The OpenAPI file has only MessageID; the SDKs
// (and v2.0x) also know Result, so a Result other than Success is honoured.
type v300SendResponse struct {
	MessageID    flexString   `json:"MessageID"`
	Result       flexString   `json:"Result"`
	ErrorMessage flexibleList `json:"ErrorMessage"`
}

func (d *v300) decodeSend(status int, body []byte, sentID string) (SendResult, error) {
	return decodeSendBody(status, body, sentID)
}

// decodeSendBody reads a 2xx send answer of either dialect: v3.00's
// {"MessageID"} or v2.0x's {"Result":"Success","MessageID"} (TNZ's v2.01 API documentation).
// A Result other than Success is an *APIError; a 2xx without a Result (or
// without a JSON body) is the message accepted, because calling it a
// failure would invite a second send.
func decodeSendBody(status int, body []byte, sentID string) (SendResult, error) {
	var r v300SendResponse
	if len(bytes.TrimSpace(body)) > 0 {
		// A 2xx whose body is not the documented JSON still means accepted;
		// fall back to the id we sent rather than report a failure that
		// would invite a second send.
		if err := json.Unmarshal(body, &r); err != nil {
			r = v300SendResponse{}
		}
	}
	if res := strings.TrimSpace(string(r.Result)); res != "" && !strings.EqualFold(res, "Success") {
		return SendResult{}, &APIError{StatusCode: status, Result: res, Messages: []string(r.ErrorMessage), Body: string(body)}
	}
	id := strings.TrimSpace(string(r.MessageID))
	if id == "" {
		id = sentID
	}
	if id == "" {
		return SendResult{}, errors.New("TNZ API accepted the message but did not return a MessageID, so its status cannot be tracked")
	}
	return SendResult{MessageID: id}, nil
}

// v300Pagination is the OpenAPI file's Pagination block.
type v300Pagination struct {
	TotalRecords   flexInt `json:"TotalRecords"`
	RecordsPerPage flexInt `json:"RecordsPerPage"`
	PageCount      flexInt `json:"PageCount"`
	Page           flexInt `json:"Page"`
}

func (p v300Pagination) pagination() pagination {
	return pagination{
		Page:           int64(p.Page),
		PageCount:      int64(p.PageCount),
		RecordsPerPage: int64(p.RecordsPerPage),
		TotalRecords:   int64(p.TotalRecords),
	}
}

// v300Status is Message_Detail + Pagination + Recipients (TNZ's OpenAPI file: /sms/{MessageID}).
type v300Status struct {
	v300Pagination
	MessageID          flexString      `json:"MessageID"`
	JobStatus          flexString      `json:"JobStatus"`
	JobNum             flexString      `json:"JobNum"`
	Reference          flexString      `json:"Reference"`
	SubAccount         flexString      `json:"SubAccount"`
	Department         flexString      `json:"Department"`
	CreatedTimeUTC     flexString      `json:"CreatedTimeUTC"`
	CreatedTimeRFC3339 flexString      `json:"CreatedTimeUTC_RFC3339"`
	DelayedTimeUTC     flexString      `json:"DelayedTimeUTC"`
	DelayedTimeRFC3339 flexString      `json:"DelayedTimeUTC_RFC3339"`
	Timezone           flexString      `json:"Timezone"`
	Count              flexInt         `json:"Count"`
	Complete           flexInt         `json:"Complete"`
	Success            flexInt         `json:"Success"`
	Failed             flexInt         `json:"Failed"`
	Price              flexString      `json:"Price"`
	Recipients         []v300Recipient `json:"Recipients"`
}

type v300Recipient struct {
	Type            flexString  `json:"Type"`
	DestSeq         flexString  `json:"DestSeq"`
	Destination     flexString  `json:"Destination"`
	ContactID       flexString  `json:"ContactID"`
	Status          flexString  `json:"Status"`
	Result          flexString  `json:"Result"`
	SentTimeUTC     flexString  `json:"SentTimeUTC"`
	SentTimeRFC3339 flexString  `json:"SentTimeUTC_RFC3339"`
	MessageText     flexString  `json:"MessageText"`
	SMSReplies      []v300Reply `json:"SMSReplies"`
	Attention       flexString  `json:"Attention"`
	Company         flexString  `json:"Company"`
	Custom1         flexString  `json:"Custom1"`
	Custom2         flexString  `json:"Custom2"`
	Custom3         flexString  `json:"Custom3"`
	Custom4         flexString  `json:"Custom4"`
	Custom5         flexString  `json:"Custom5"`
	Custom6         flexString  `json:"Custom6"`
	Custom7         flexString  `json:"Custom7"`
	Custom8         flexString  `json:"Custom8"`
	Custom9         flexString  `json:"Custom9"`
	RemoteID        flexString  `json:"RemoteID"`
	Price           flexString  `json:"Price"`
}

// v300Reply is one entry of SMSReplies. v2.0x's get/sms/reply spells the
// time DateUTC in the Python SDK 2.4 (sms_reply_recipient_reply_dto.py) and ReceivedTimeUTC
// in the Node SDK (SMSReplyRecipientSMSReplyDTO.js), so both are read.
type v300Reply struct {
	ReceivedID          flexString `json:"ReceivedID"`
	ReceivedTimeUTC     flexString `json:"ReceivedTimeUTC"`
	ReceivedTimeRFC3339 flexString `json:"ReceivedTimeUTC_RFC3339"`
	DateUTC             flexString `json:"DateUTC"`
	From                flexString `json:"From"`
	MessageText         flexString `json:"MessageText"`
}

func (d *v300) decodeStatus(_ int, body []byte) (*Status, pagination, error) {
	var r v300Status
	if err := json.Unmarshal(body, &r); err != nil {
		return nil, pagination{}, fmt.Errorf("reading TNZ status response: %w", err)
	}
	return r.status(), r.pagination(), nil
}

// status maps the response onto Status; v2.0x's status response has the
// same fields (Node SDK StatusApiResponseDTO.js) and is mapped by this too.
func (r *v300Status) status() *Status {
	st := &Status{
		MessageID:      string(r.MessageID),
		JobStatus:      string(r.JobStatus),
		JobNum:         string(r.JobNum),
		Reference:      string(r.Reference),
		SubAccount:     string(r.SubAccount),
		Department:     string(r.Department),
		CreatedTimeUTC: firstNonEmpty(r.CreatedTimeRFC3339, r.CreatedTimeUTC),
		DelayedTimeUTC: firstNonEmpty(r.DelayedTimeRFC3339, r.DelayedTimeUTC),
		Timezone:       string(r.Timezone),
		Count:          int64(r.Count),
		Complete:       int64(r.Complete),
		Success:        int64(r.Success),
		Failed:         int64(r.Failed),
		Price:          string(r.Price),
	}
	for _, rc := range r.Recipients {
		rs := RecipientStatus{
			Type:        string(rc.Type),
			DestSeq:     string(rc.DestSeq),
			Destination: string(rc.Destination),
			ContactID:   string(rc.ContactID),
			Status:      string(rc.Status),
			Result:      string(rc.Result),
			SentTimeUTC: firstNonEmpty(rc.SentTimeRFC3339, rc.SentTimeUTC),
			MessageText: string(rc.MessageText),
			Attention:   string(rc.Attention),
			Company:     string(rc.Company),
			Custom: [9]string{
				string(rc.Custom1), string(rc.Custom2), string(rc.Custom3), string(rc.Custom4), string(rc.Custom5),
				string(rc.Custom6), string(rc.Custom7), string(rc.Custom8), string(rc.Custom9),
			},
			RemoteID: string(rc.RemoteID),
			Price:    string(rc.Price),
		}
		for _, rp := range rc.SMSReplies {
			rs.Replies = append(rs.Replies, SMSReply{
				ReceivedID:      string(rp.ReceivedID),
				ReceivedTimeUTC: firstNonEmpty(rp.ReceivedTimeRFC3339, rp.ReceivedTimeUTC, rp.DateUTC),
				From:            string(rp.From),
				MessageText:     string(rp.MessageText),
			})
		}
		st.Recipients = append(st.Recipients, rs)
	}
	return st
}

// actionRequest is PATCH /{ch}/{MessageID}/{action} (TNZ's OpenAPI file).
// Abort has no body in the OpenAPI file; like the SDKs it sends {}.
func (d *v300) actionRequest(a Action, ch Channel, messageID string, args actionArgs) (*apiRequest, error) {
	var body any
	switch a {
	case ActionAbort:
		body = struct{}{}
	case ActionReschedule, ActionResubmit:
		body = v300SendTime{SendTime: args.SendTime}
	case ActionPacing:
		body = v300Pacing{NumberOfOperators: args.NumberOfOperators}
	default:
		return nil, fmt.Errorf("action %q is not supported by API %s", a, V300)
	}
	b, err := marshalBody(body)
	if err != nil {
		return nil, err
	}
	return &apiRequest{
		method: http.MethodPatch,
		path:   d.messagePath(ch, messageID) + "/" + string(a),
		body:   b,
		header: d.header(),
	}, nil
}

// v300SendTime is the reschedule and resubmit body. An empty SendTime is
// left out (resubmit "now"; reschedule never sends one empty).
type v300SendTime struct {
	SendTime string `json:"SendTime,omitempty"`
}

type v300Pacing struct {
	NumberOfOperators int `json:"NumberOfOperators"`
}

// v300ActionResponse is an action's 2xx body. The OpenAPI file names the outcome
// ActionResult; v2.0x (and perhaps a v3 server) names it Result, so both
// are read.
type v300ActionResponse struct {
	ActionResult flexString   `json:"ActionResult"`
	Result       flexString   `json:"Result"`
	MessageID    flexString   `json:"MessageID"`
	JobNum       flexString   `json:"JobNum"`
	Status       flexString   `json:"Status"`
	Action       flexString   `json:"Action"`
	ErrorMessage flexibleList `json:"ErrorMessage"`
}

func (d *v300) decodeAction(status int, body []byte, messageID string) (ActionResult, error) {
	return decodeActionBody(status, body, messageID)
}

// decodeActionBody reads a 2xx action answer of either dialect (v3.00
// ActionResult, v2.0x Result in the Node SDK's ActionApiResponseDTO).
func decodeActionBody(status int, body []byte, messageID string) (ActionResult, error) {
	var r v300ActionResponse
	if len(bytes.TrimSpace(body)) > 0 {
		// A 2xx is the action done; a body that is not the documented JSON
		// does not undo that.
		if err := json.Unmarshal(body, &r); err != nil {
			r = v300ActionResponse{}
		}
	}
	res := firstNonEmpty(r.ActionResult, r.Result)
	if res != "" && !strings.EqualFold(res, "Success") {
		return ActionResult{}, &APIError{StatusCode: status, Result: res, Messages: []string(r.ErrorMessage), Body: string(body)}
	}
	id := firstNonEmpty(r.MessageID)
	if id == "" {
		id = messageID
	}
	return ActionResult{
		MessageID: id,
		JobNum:    firstNonEmpty(r.JobNum),
		Status:    firstNonEmpty(r.Status),
		Action:    firstNonEmpty(r.Action),
		Result:    res,
	}, nil
}

// receivedRequest is GET /{sms|whatsapp|rcs}/received?timePeriod= or
// ?dateFrom=&dateTo=, then the paging query (TNZ's OpenAPI file). The file
// marks timePeriod as required although its description offers the date
// range instead.
func (d *v300) receivedRequest(ch Channel, q ReceivedQuery, page, perPage int) (*apiRequest, error) {
	return &apiRequest{
		method: http.MethodGet,
		path:   "/api/" + V300 + "/" + string(ch) + "/received",
		query:  receivedQuery(q) + "&" + pageQuery(page, perPage),
		header: d.header(),
	}, nil
}

// receivedQuery is the inbound SMS filter: timePeriod=, or dateFrom=&dateTo=
// (TNZ's OpenAPI file; the v2.0x token form spells it the same).
func receivedQuery(q ReceivedQuery) string {
	if q.TimePeriod != 0 {
		return "timePeriod=" + strconv.Itoa(q.TimePeriod)
	}
	return "dateFrom=" + queryEscape(q.DateFrom) + "&dateTo=" + queryEscape(q.DateTo)
}

// queryEscape escapes a query value with %20 for a space: "+" means a space
// only to form decoders.
func queryEscape(s string) string {
	return strings.ReplaceAll(url.QueryEscape(s), "+", "%20")
}

// v300Received is GET /sms/received's body: Pagination and Messages.
type v300Received struct {
	v300Pagination
	Messages []v300Inbound `json:"Messages"`
}

// v300Inbound is one received SMS. The v2.0x names (ID, Date, DateUTC;
// Python SDK 2.4 sms_message_in_dto.py) are read too.
type v300Inbound struct {
	ReceivedID          flexString `json:"ReceivedID"`
	ID                  flexString `json:"ID"`
	MessageID           flexString `json:"MessageID"`
	JobNum              flexString `json:"JobNum"`
	SubAccount          flexString `json:"SubAccount"`
	Department          flexString `json:"Department"`
	ReceivedTimeLocal   flexString `json:"ReceivedTimeLocal"`
	ReceivedTimeUTC     flexString `json:"ReceivedTimeUTC"`
	ReceivedTimeRFC3339 flexString `json:"ReceivedTimeUTC_RFC3339"`
	Date                flexString `json:"Date"`
	DateUTC             flexString `json:"DateUTC"`
	From                flexString `json:"From"`
	ContactID           flexString `json:"ContactID"`
	MessageText         flexString `json:"MessageText"`
	Timezone            flexString `json:"Timezone"`
}

func (d *v300) decodeReceived(_ int, body []byte) ([]InboundSMS, pagination, error) {
	var r v300Received
	if err := json.Unmarshal(body, &r); err != nil {
		return nil, pagination{}, fmt.Errorf("reading TNZ inbound SMS response: %w", err)
	}
	return r.messages(), r.pagination(), nil
}

// messages maps the inbound list onto InboundSMS; v2.0x's list is read by
// this too.
func (r *v300Received) messages() []InboundSMS {
	var out []InboundSMS
	for _, m := range r.Messages {
		out = append(out, InboundSMS{
			ReceivedID:        firstNonEmpty(m.ReceivedID, m.ID),
			MessageID:         firstNonEmpty(m.MessageID),
			JobNum:            firstNonEmpty(m.JobNum),
			SubAccount:        firstNonEmpty(m.SubAccount),
			Department:        firstNonEmpty(m.Department),
			ReceivedTimeUTC:   firstNonEmpty(m.ReceivedTimeRFC3339, m.ReceivedTimeUTC, m.DateUTC),
			ReceivedTimeLocal: firstNonEmpty(m.ReceivedTimeLocal, m.Date),
			From:              firstNonEmpty(m.From),
			ContactID:         firstNonEmpty(m.ContactID),
			MessageText:       string(m.MessageText),
			Timezone:          firstNonEmpty(m.Timezone),
		})
	}
	return out
}
