package tnz

// Message is a send request for one channel, independent of the wire dialect.
// The dialect (v3.00 flat JSON, v2.0x MessageData) decides the field names.
type Message interface {
	Channel() Channel
	// CommonPart returns the fields every channel shares (as Call.CallPart
	// returns those TTS and Voice share).
	CommonPart() *Common
}

// Common holds the fields every send shares (TNZ's OpenAPI file and the v2 SDKs). Empty strings and nil
// pointers are omitted from the request.
type Common struct {
	MessageID             string
	Reference             string
	SendTime              string
	Timezone              string
	SubAccount            string
	Department            string
	ChargeCode            string
	WebhookCallbackURL    string
	WebhookCallbackFormat string
	// NotificationType is how TNZ reports delivery and replies for this
	// message: "None", "Webhook" or "Email" (v3.00 only); empty means the
	// API user's default.
	NotificationType string
	ReportTo         string
	TestMode         bool
	TemplateID       string
	Destinations     []Destination
}

// Destination is one recipient. Recipient is the channel's primary address
// (mobile number, e-mail address or phone/fax number); Address Book entries
// are named by ContactID, GroupID or GroupCode instead.
type Destination struct {
	Recipient string
	Attention string
	Company   string
	FirstName string
	LastName  string
	// Custom holds Custom1..Custom9; Custom[0] is Custom1.
	Custom    [9]string
	ContactID string
	GroupID   string
	GroupCode string
	// ToNumber, EmailAddress and MainPhone are a Workflow contact's
	// addresses by kind: one Workflow destination may carry all three, and
	// each step of the workflow uses the one its channel needs (TNZ's
	// OpenAPI file, POST /workflow). Only Workflow has them (Unsupported
	// reports them on other channels, which read Recipient).
	ToNumber     string
	EmailAddress string
	MainPhone    string
}

// File is an attachment; Data is base64.
type File struct {
	Name string
	Data string
}

// SMSMessage is a text message (TNZ's OpenAPI file: POST /sms).
type SMSMessage struct {
	Common
	Message             string
	FromNumber          string
	SMSEmailReply       string
	CharacterConversion *bool
	Files               []File

	// SMSCustomPageID is the UUID of the Dashboard template that fills
	// [[CustomPage]] (v3.00 only).
	SMSCustomPageID string
	// FallbackMode is what TNZ tries when the SMS cannot be delivered, as
	// sent: one mode or a comma list in order, e.g. "Voice" or
	// "RCS, WAPP" (v3.00 only; FallbackModes builds it).
	FallbackMode string
}

func (m *SMSMessage) Channel() Channel    { return SMS }
func (m *SMSMessage) CommonPart() *Common { return &m.Common }

// Attachments returns the message's files; channels without files have none.
func (m *SMSMessage) Attachments() []File { return m.Files }

// EmailMessage is an e-mail (TNZ's OpenAPI file: POST /email).
type EmailMessage struct {
	Common
	EmailSubject string
	MessagePlain string
	MessageHTML  string
	From         string
	FromEmail    string
	SMTPFrom     string
	ReplyTo      string
	CCEmail      string
	BCCEmail     string
	Files        []File
}

func (m *EmailMessage) Channel() Channel    { return Email }
func (m *EmailMessage) CommonPart() *Common { return &m.Common }
func (m *EmailMessage) Attachments() []File { return m.Files }

// FaxMessage is a fax (TNZ's OpenAPI file: POST /fax). Message exists on v2.0x only.
type FaxMessage struct {
	Common
	Message            string
	Resolution         string
	CSID               string
	RetryAttempts      *int64
	RetryPeriod        *int64
	WatermarkFolder    string
	WatermarkFirstPage string
	WatermarkAllPages  string
	Files              []File

	// StampFormat is passed through as written: the SDKs that send it do
	// not document its values.
	StampFormat string
}

func (m *FaxMessage) Channel() Channel    { return Fax }
func (m *FaxMessage) CommonPart() *Common { return &m.Common }
func (m *FaxMessage) Attachments() []File { return m.Files }

// Keypad is one option of a call's keypad menu. Tone is a pointer because a
// missing tone and tone 0 are different answers.
type Keypad struct {
	Tone        *int64
	Play        string
	RouteNumber string
	PlaySection string
}

// Call is what TTS and Voice calls share (TNZ's OpenAPI file: POST /tts, POST /voice). For Voice the
// message fields and keypad Play carry base64 WAV instead of text.
type Call struct {
	Common
	MessageToPeople             string
	MessageToAnswerPhones       string
	Keypads                     []Keypad
	KeypadOptionRequired        *bool
	CallRouteMessageToPeople    string
	CallRouteMessageToOperators string
	CallRouteMessageOnWrongKey  string
	NumberOfOperators           *int64
	CallerID                    string
	RetryAttempts               *int64
	RetryPeriod                 *int64
	Options                     string
	AnswerPhoneMode             string

	// EndCallMessage is played at the end of the call, after everything
	// else: text for TTS, base64 WAV for Voice (v3.00 only).
	EndCallMessage string
	// BillingAccount is passed through as written, for TNZ's billing.
	BillingAccount string
}

// CallPart returns the fields TTS and Voice share.
func (c *Call) CallPart() *Call { return c }

// TTSMessage is a text-to-speech call.
type TTSMessage struct {
	Call
	Voice string
}

func (m *TTSMessage) Channel() Channel    { return TTS }
func (m *TTSMessage) CommonPart() *Common { return &m.Common }

// VoiceMessage is a call that plays recorded audio.
type VoiceMessage struct {
	Call
}

func (m *VoiceMessage) Channel() Channel    { return Voice }
func (m *VoiceMessage) CommonPart() *Common { return &m.Common }

// WhatsAppMessage is a WhatsApp message (POST /whatsapp, API v3.00 only).
// TNZ's OpenAPI file requires TemplateID (Common's), Message and
// FromNumber: WhatsApp opens a conversation only with a template, so TNZ
// sends the template outside a recipient's 24-hour conversation window and
// Message inside it.
type WhatsAppMessage struct {
	Common
	// Message is the text sent inside the 24-hour window (at most 1000
	// characters).
	Message string
	// FromNumber is the WhatsApp Business number to send from (at most 100
	// characters).
	FromNumber string
	// FallbackMode is what TNZ tries when WhatsApp delivery fails: one of
	// WhatsAppFallbackModes; empty means TNZ's default, None.
	FallbackMode string
	Files        []File
}

func (m *WhatsAppMessage) Channel() Channel    { return WhatsApp }
func (m *WhatsAppMessage) CommonPart() *Common { return &m.Common }
func (m *WhatsAppMessage) Attachments() []File { return m.Files }

// RCSMessage is an RCS (Rich Communication Services) message (POST /rcs,
// API v3.00 only): Message or Common's TemplateID. TNZ documents RCS as
// unsupported in New Zealand and Australia.
type RCSMessage struct {
	Common
	// Message is the text (at most 1000 characters).
	Message string
	// FromNumber is the sender ID, E.164 without the leading +.
	FromNumber string
	// SMSEmailReply is the e-mail address that receives reply notifications.
	SMSEmailReply string
	// FallbackMode is what TNZ tries when RCS delivery fails: one of
	// RCSFallbackModes; empty means TNZ's default, None.
	FallbackMode string
	Files        []File
}

func (m *RCSMessage) Channel() Channel    { return RCS }
func (m *RCSMessage) CommonPart() *Common { return &m.Common }
func (m *RCSMessage) Attachments() []File { return m.Files }

// WorkflowMessage starts a workflow designed in the TNZ Dashboard for its
// destinations (POST /workflow, API v3.00 only). The workflow holds the
// content and the channels; TNZ creates an Address Book contact for each
// new destination. Workflow has no TemplateID, test Mode or ReportTo
// (Unsupported reports them), no status endpoint and no actions.
type WorkflowMessage struct {
	Common
	// WorkflowTemplateID is the UUID of the Dashboard workflow template
	// (required).
	WorkflowTemplateID string
}

func (m *WorkflowMessage) Channel() Channel    { return Workflow }
func (m *WorkflowMessage) CommonPart() *Common { return &m.Common }

// FallbackMode values, per channel, as TNZ's OpenAPI file lists them
// (SMS, WhatsApp and RCS FallbackMode enums). Each is one value; the file's
// WhatsApp example ("SMS, Voice") and the .NET and TypeScript v3 SDKs also
// send an ordered, comma-separated list, and those SDKs spell WhatsApp
// "WAPP" (FallbackModes writes that form).
var (
	SMSFallbackModes      = []string{"None", "Voice", "WhatsApp", "RCS"}
	WhatsAppFallbackModes = []string{"None", "SMS", "Voice", "RCS"}
	RCSFallbackModes      = []string{"None", "SMS", "Voice", "WhatsApp"}
)

// NotificationTypes are the values of Common.NotificationType (TNZ's
// OpenAPI file, NotificationType).
var NotificationTypes = []string{"None", "Webhook", "Email"}
