package tnz

// Message is a send request for one channel, independent of the wire dialect.
// The dialect (v3.00 flat JSON, v2.0x MessageData) decides the field names.
type Message interface {
	Channel() Channel
	// Base returns the fields every channel shares.
	Base() *Common
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
	ReportTo              string
	TestMode              bool
	TemplateID            string
	Destinations          []Destination
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

// SMSMessage is a text message (TNZ's OpenAPI file: POST /sms).
type SMSMessage struct {
	Common
	Message             string
	FromNumber          string
	SMSEmailReply       string
	CharacterConversion *bool
	Files               []File
}

func (m *SMSMessage) Channel() Channel { return SMS }
func (m *SMSMessage) Base() *Common    { return &m.Common }

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
func (m *EmailMessage) Base() *Common       { return &m.Common }
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
