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
}

func (m *SMSMessage) Channel() Channel { return SMS }
func (m *SMSMessage) Base() *Common    { return &m.Common }

// Attachments returns the message's files; channels without files have none.
func (m *SMSMessage) Attachments() []File { return m.Files }
