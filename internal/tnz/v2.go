package tnz

import (
	"fmt"
	"net/http"
	"net/url"
)

// v2.0x: POST /api/<version>/send/<type> with the message inside
// "MessageData"; get/… and set/… paths for status, SMS replies, inbound SMS
// and actions (TNZ's v2.04 API documentation; Node SDK lib/Api/**, lib/Legacy/PreV203/**;
// Python SDK 2.4 api/v204/**). Two forms of authentication share that wire format:
//
//   - token (v2.03, v2.04): "Authorization: Basic <token>" (the Dashboard
//     token as-is), body {"MessageData":{…}}; non-send calls are REST-style
//     (GET get/status/{id}, PATCH set/{action}/{id}).
//   - sender/API key (v2.01, v2.02): no Authorization header, Sender and
//     APIKey at the top level of every body; non-send calls are POSTs that
//     name the message in the body.
//
// Field names are the v2 SDK DTOs' (Node SDK 2.4.2 lib/Api/Messaging/dtos, the Python SDK 2.4
// api/v204/messaging/dtos), which differ from v3.00 in places: TimeZone (v3
// Timezone), MessageToAnswerphones (v3 MessageToAnswerPhones), Voice keypad
// audio in PlayFile (v3 Play), and destinations that name their address
// Recipient whatever the channel.

func init() {
	registerDialect(V204, tokenAuth, newV2)
	registerDialect(V203, tokenAuth, newV2)
	registerDialect(V202, senderKeyAuth, newV2)
	registerDialect(V201, senderKeyAuth, newV2)
}

type v2 struct {
	version string
	// legacy is the sender/API key form (v2.01, v2.02).
	legacy bool
	token  string
	creds  v2Credentials
}

func newV2(cfg Config) dialect {
	d := &v2{version: cfg.APIVersion, legacy: dialects[cfg.APIVersion].auth == senderKeyAuth}
	if d.legacy {
		d.creds = v2Credentials{Sender: cfg.Sender, APIKey: cfg.APIKey}
	} else {
		d.token = cfg.AuthToken
	}
	return d
}

// v2Credentials are the legacy credentials at the top level of a body. They
// are empty, and so left out, in the token form.
type v2Credentials struct {
	Sender string `json:"Sender,omitempty"`
	APIKey string `json:"APIKey,omitempty"`
}

func (d *v2) header() http.Header {
	h := http.Header{}
	if !d.legacy && d.token != "" {
		h.Set("Authorization", "Basic "+d.token)
	}
	return h
}

// path is /api/<version>/<rest>.
func (d *v2) path(rest string) string { return "/api/" + d.version + "/" + rest }

// request builds a request with the dialect's header; body is JSON-encoded
// unless nil.
func (d *v2) request(method, path, query string, body any) (*apiRequest, error) {
	req := &apiRequest{method: method, path: path, query: query, header: d.header()}
	if body != nil {
		b, err := marshalBody(body)
		if err != nil {
			return nil, err
		}
		req.body = b
	}
	return req, nil
}

// v2SendBody is a send's body: MessageData, beside Sender and APIKey in the
// legacy form.
type v2SendBody struct {
	v2Credentials
	MessageData any `json:"MessageData"`
}

func (d *v2) sendRequest(msg Message) (*apiRequest, error) {
	if err := refuseUnsupported(d.version, msg); err != nil {
		return nil, err
	}
	var data any
	switch m := msg.(type) {
	case *SMSMessage:
		data = v2SMS{
			v2Common:            newV2Common(&m.Common),
			Message:             m.Message,
			FromNumber:          m.FromNumber,
			SMSEmailReply:       m.SMSEmailReply,
			CharacterConversion: m.CharacterConversion,
			Files:               newWireFiles(m.Files),
		}
	case *EmailMessage:
		data = v2Email{
			v2Common:     newV2Common(&m.Common),
			EmailSubject: m.EmailSubject,
			MessagePlain: m.MessagePlain,
			MessageHTML:  m.MessageHTML,
			From:         m.From,
			FromEmail:    m.FromEmail,
			SMTPFrom:     m.SMTPFrom,
			ReplyTo:      m.ReplyTo,
			CCEmail:      m.CCEmail,
			Files:        newWireFiles(m.Files),
		}
	case *FaxMessage:
		data = v2Fax{
			v2Common:           newV2Common(&m.Common),
			Message:            m.Message,
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
		data = v2TTS{v2Call: newV2Call(&m.Call, false), Voice: m.Voice, Options: m.Options}
	case *VoiceMessage:
		data = v2Voice{v2Call: newV2Call(&m.Call, true), Options: m.Options}
	default:
		return nil, fmt.Errorf("sending %s messages is not supported by API %s", msg.Channel().Title(), d.version)
	}
	return d.request(http.MethodPost, d.path("send/"+string(msg.Channel())), "",
		v2SendBody{v2Credentials: d.creds, MessageData: data})
}

// v2Common holds the fields every v2.0x MessageData shares, in a fixed
// order: that of v3.00's shared fields (v300Common), so that the two
// dialects' bodies read alike; JSON key order means nothing to the server.
//
// ⚠ ReportTo: Node SDK 2.4.2 and Python SDK 2.4.1.0 renamed the wire key from
// ErrorEmailNotify to ReportTo for every channel in Dec 2024 (Node SDK
// BaseApiRequestDTO.js keeps "//ErrorEmailNotify; // Use ReportTo instead";
// the v2 TTS/Voice DTOs always had ReportTo). Whether an older v2 server
// still wants ErrorEmailNotify for SMS, Email and Fax is unverified,
// so only ReportTo is sent, as the current SDKs do.
type v2Common struct {
	MessageID             string          `json:"MessageID,omitempty"`
	Reference             string          `json:"Reference,omitempty"`
	SendTime              string          `json:"SendTime,omitempty"`
	TimeZone              string          `json:"TimeZone,omitempty"` // capital Z in v2 (v3: Timezone)
	SubAccount            string          `json:"SubAccount,omitempty"`
	Department            string          `json:"Department,omitempty"`
	ChargeCode            string          `json:"ChargeCode,omitempty"`
	WebhookCallbackURL    string          `json:"WebhookCallbackURL,omitempty"`
	WebhookCallbackFormat string          `json:"WebhookCallbackFormat,omitempty"`
	ReportTo              string          `json:"ReportTo,omitempty"`
	Mode                  string          `json:"Mode,omitempty"`
	Destinations          []v2Destination `json:"Destinations,omitempty"`
}

func newV2Common(c *Common) v2Common {
	out := v2Common{
		MessageID:             c.MessageID,
		Reference:             c.Reference,
		SendTime:              c.SendTime,
		TimeZone:              c.Timezone,
		SubAccount:            c.SubAccount,
		Department:            c.Department,
		ChargeCode:            c.ChargeCode,
		WebhookCallbackURL:    c.WebhookCallbackURL,
		WebhookCallbackFormat: c.WebhookCallbackFormat,
		ReportTo:              c.ReportTo,
	}
	if c.TestMode {
		out.Mode = "Test"
	}
	for _, d := range c.Destinations {
		out.Destinations = append(out.Destinations, v2Destination{
			Recipient: d.Recipient,
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
		})
	}
	return out
}

// v2Destination is one entry of Destinations (Python SDK 2.4 recipient_model.py; TNZ's v2.04 API documentation
// examples {"Recipient":"+6421000001"}): the address is Recipient on every
// channel. v2 has no GroupCode (refused before the call).
type v2Destination struct {
	Recipient string `json:"Recipient,omitempty"`
	Attention string `json:"Attention,omitempty"`
	Company   string `json:"Company,omitempty"`
	FirstName string `json:"FirstName,omitempty"`
	LastName  string `json:"LastName,omitempty"`
	Custom1   string `json:"Custom1,omitempty"`
	Custom2   string `json:"Custom2,omitempty"`
	Custom3   string `json:"Custom3,omitempty"`
	Custom4   string `json:"Custom4,omitempty"`
	Custom5   string `json:"Custom5,omitempty"`
	Custom6   string `json:"Custom6,omitempty"`
	Custom7   string `json:"Custom7,omitempty"`
	Custom8   string `json:"Custom8,omitempty"`
	Custom9   string `json:"Custom9,omitempty"`
	ContactID string `json:"ContactID,omitempty"`
	GroupID   string `json:"GroupID,omitempty"`
}

// v2SMS is send/sms's MessageData (Node SDK SMSApiRequestDTO.js; the Python SDK 2.4
// sms_api_request_dto.py).
type v2SMS struct {
	v2Common
	Message             string     `json:"Message,omitempty"`
	FromNumber          string     `json:"FromNumber,omitempty"`
	SMSEmailReply       string     `json:"SMSEmailReply,omitempty"`
	CharacterConversion *bool      `json:"CharacterConversion,omitempty"`
	Files               []wireFile `json:"Files,omitempty"`
}

// v2Email is send/email's MessageData (Node SDK EmailApiRequestDTO.js). v2 has
// SMTPFrom; it has no BCCEmail (refused before the call).
type v2Email struct {
	v2Common
	EmailSubject string     `json:"EmailSubject,omitempty"`
	MessagePlain string     `json:"MessagePlain,omitempty"`
	MessageHTML  string     `json:"MessageHTML,omitempty"`
	From         string     `json:"From,omitempty"`
	FromEmail    string     `json:"FromEmail,omitempty"`
	SMTPFrom     string     `json:"SMTPFrom,omitempty"`
	ReplyTo      string     `json:"ReplyTo,omitempty"`
	CCEmail      string     `json:"CCEmail,omitempty"`
	Files        []wireFile `json:"Files,omitempty"`
}

// v2Fax is send/fax's MessageData (Python SDK 2.4 fax_api_request_dto.py). Unlike
// v3.00, v2 takes a text Message besides (or instead of) Files: the
// rejection "Missing fax contents - Empty or missing message & file fields"
// names both. WatermarkFolder is sent although the Node SDK's FaxApiRequestDTO.js
// leaves it out: its FaxModel.js and the Python SDK 2.4's DTO have it (an SDK
// bug).
type v2Fax struct {
	v2Common
	Message            string     `json:"Message,omitempty"`
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

// v2Call holds what send/tts and send/voice share (Node SDK TTSApiRequestDTO.js,
// VoiceApiRequestDTO.js; Python SDK 2.4 tts_/voice_api_request_dto.py). v2 spells
// MessageToAnswerphones with a lowercase p.
type v2Call struct {
	v2Common
	MessageToPeople             string     `json:"MessageToPeople,omitempty"`
	MessageToAnswerphones       string     `json:"MessageToAnswerphones,omitempty"`
	Keypads                     []v2Keypad `json:"Keypads,omitempty"`
	KeypadOptionRequired        *bool      `json:"KeypadOptionRequired,omitempty"`
	CallRouteMessageToPeople    string     `json:"CallRouteMessageToPeople,omitempty"`
	CallRouteMessageToOperators string     `json:"CallRouteMessageToOperators,omitempty"`
	CallRouteMessageOnWrongKey  string     `json:"CallRouteMessageOnWrongKey,omitempty"`
	NumberOfOperators           *int64     `json:"NumberOfOperators,omitempty"`
	CallerID                    string     `json:"CallerID,omitempty"`
	BillingAccount              string     `json:"BillingAccount,omitempty"`
	RetryAttempts               *int64     `json:"RetryAttempts,omitempty"`
	RetryPeriod                 *int64     `json:"RetryPeriod,omitempty"`
}

// v2Keypad is one entry of Keypads (Python SDK 2.4 KeypadDTO: Tone, Play, PlayFile,
// RouteNumber, PlaySection). A TTS keypad's text is Play; a Voice keypad's
// base64 WAV is PlayFile, which both v2 SDKs fill from the keypad's audio
// file (Node SDK VoiceApi.js, Python SDK 2.4 voice_api.py); ⚠ v3.00 uses Play
// for both. ⚠ The Node SDK's own Voice validator still checks Play, RouteNumber or
// PlaySection, so the SDK refuses an audio-only keypad; what the server
// does is undocumented, and the SDKs' wire key is followed.
type v2Keypad struct {
	Tone        *int64 `json:"Tone,omitempty"`
	Play        string `json:"Play,omitempty"`
	PlayFile    string `json:"PlayFile,omitempty"`
	RouteNumber string `json:"RouteNumber,omitempty"`
	PlaySection string `json:"PlaySection,omitempty"`
}

func newV2Call(c *Call, audioKeypads bool) v2Call {
	out := v2Call{
		v2Common:                    newV2Common(&c.Common),
		MessageToPeople:             c.MessageToPeople,
		MessageToAnswerphones:       c.MessageToAnswerPhones,
		KeypadOptionRequired:        c.KeypadOptionRequired,
		CallRouteMessageToPeople:    c.CallRouteMessageToPeople,
		CallRouteMessageToOperators: c.CallRouteMessageToOperators,
		CallRouteMessageOnWrongKey:  c.CallRouteMessageOnWrongKey,
		NumberOfOperators:           c.NumberOfOperators,
		CallerID:                    c.CallerID,
		BillingAccount:              c.BillingAccount,
		RetryAttempts:               c.RetryAttempts,
		RetryPeriod:                 c.RetryPeriod,
	}
	for _, k := range c.Keypads {
		kp := v2Keypad{Tone: k.Tone, RouteNumber: k.RouteNumber, PlaySection: k.PlaySection}
		if audioKeypads {
			kp.PlayFile = k.Play
		} else {
			kp.Play = k.Play
		}
		out.Keypads = append(out.Keypads, kp)
	}
	return out
}

// v2TTS is send/tts's MessageData: the call fields, then Voice and Options
// (the SDK DTOs' order).
type v2TTS struct {
	v2Call
	Voice   string `json:"Voice,omitempty"`
	Options string `json:"Options,omitempty"`
}

// v2Voice is send/voice's MessageData. The v2 SDK DTOs also send Voice (a
// default engine name, meaningless for recorded audio); VoiceMessage has no
// Voice, so none is sent.
type v2Voice struct {
	v2Call
	Options string `json:"Options,omitempty"`
}

func (d *v2) decodeSend(status int, body []byte, sentID string) (SendResult, error) {
	return decodeSendBody(status, body, sentID)
}

// idPath is /api/<version>/<rest>/<escaped id>.
func (d *v2) idPath(rest, messageID string) string {
	return d.path(rest + "/" + url.PathEscape(messageID))
}
