package tnz

// Message is a send request for one channel, independent of the wire dialect.
// The dialect (v3.00 flat JSON, v2.0x MessageData) decides the field names.
type Message interface {
	Channel() Channel
	// Base returns the fields every channel shares.
	Base() *Common
}

// Common holds the fields every send shares (notes §2). Empty strings and nil
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
	ReportTo              string
	TestMode              bool
	TemplateID            string
	Destinations          []Destination

	// NotificationType is how TNZ reports delivery and replies for this
	// message: "None", "Webhook" or "Email" (v3.00 only); empty uses the
	// API user's default.
	NotificationType string
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
}

// File is an attachment; Data is base64.
type File struct {
	Name string
	Data string
}

// SMSMessage is a text message (notes §4.1).
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

func (m *SMSMessage) Channel() Channel { return SMS }
func (m *SMSMessage) Base() *Common    { return &m.Common }

// Attachments returns the message's files; channels without files have none.
func (m *SMSMessage) Attachments() []File { return m.Files }

// EmailMessage is an e-mail (notes §4.2).
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
func (m *EmailMessage) Base() *Common       { return &m.Common }
func (m *EmailMessage) Attachments() []File { return m.Files }

// FaxMessage is a fax (notes §4.3). Message exists on v2.0x only.
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
func (m *FaxMessage) Base() *Common       { return &m.Common }
func (m *FaxMessage) Attachments() []File { return m.Files }

// Keypad is one option of a call's keypad menu. Tone is a pointer because a
// missing tone and tone 0 are different answers.
type Keypad struct {
	Tone        *int64
	Play        string
	RouteNumber string
	PlaySection string
}

// Call is what TTS and Voice calls share (notes §4.4, §4.5). For Voice the
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

func (m *TTSMessage) Channel() Channel { return TTS }
func (m *TTSMessage) Base() *Common    { return &m.Common }

// VoiceMessage is a call that plays recorded audio.
type VoiceMessage struct {
	Call
}

func (m *VoiceMessage) Channel() Channel { return Voice }
func (m *VoiceMessage) Base() *Common    { return &m.Common }
