package rejection

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// Stage says where the provider catches a row.
type Stage int

const (
	// AtPlan rows are checked on the message at plan time when its values are known.
	AtPlan Stage = iota
	// AtProviderPlan rows are checked on the provider configuration at plan time.
	AtProviderPlan
	// ServerOnly rows cannot be known before the call; they are mapped from responses.
	ServerOnly
)

// Row is one documented rejection.
type Row struct {
	// Text is the documented rejection code verbatim; when Numbered, the
	// standalone "x" stands for the 1-based position.
	Text     string
	Numbered bool
	// Meaning is TNZ's description of the row.
	Meaning string
	// Channels the row applies to; nil means every channel.
	Channels []tnz.Channel
	// Attribute is what the row concerns: Root("files").AtName("name") for
	// the name of the numbered file, the zero Path for the call as a whole.
	Attribute Path
	// Fix tells the user what to change.
	Fix   string
	Stage Stage
	// Why explains, for ServerOnly rows, why the provider cannot check it first.
	Why string
	// WholeMessage rows are about something missing that a send may supply
	// from elsewhere: templates, which hold part of a message, skip them.
	WholeMessage bool

	// Auth is the client's credential rule the row documents, for rows
	// about the provider's credentials (tnz.CheckAuth owns those rules).
	Auth tnz.AuthProblemKind

	checkMessage func(r *Row, in Input) []Finding
	pattern      *regexp.Regexp
}

// AppliesTo reports whether the row concerns messages of channel ch.
func (r *Row) AppliesTo(ch tnz.Channel) bool {
	if r.Channels == nil {
		return true
	}
	for _, c := range r.Channels {
		if c == ch {
			return true
		}
	}
	return false
}

// ChannelNames is the row's channel list as TNZ names channels ("Voice,
// TTS"); a row for every channel is "All" followed by the channels, so that
// the v3.00-only ones are seen to be included.
func (r *Row) ChannelNames() string {
	if r.Channels == nil {
		return "All (" + titles(tnz.Channels) + ")"
	}
	return titles(r.Channels)
}

func titles(chs []tnz.Channel) string {
	names := make([]string, len(chs))
	for i, c := range chs {
		names[i] = c.Title()
	}
	return strings.Join(names, ", ")
}

// Summary is the row's text with x replaced by position (1-based).
func (r *Row) Summary(position int) string {
	if !r.Numbered {
		return r.Text
	}
	return placeholder.ReplaceAllLiteralString(r.Text, strconv.Itoa(position))
}

// AttributeAt is the row's attribute at position (1-based) of a numbered
// row; position 0 is the list as a whole.
func (r *Row) AttributeAt(position int) Path {
	if !r.Numbered {
		return r.Attribute
	}
	if position < 1 {
		return Root(r.Attribute.Name())
	}
	p := r.Attribute.AtIndex(position - 1)
	if f := r.Attribute.Field(); f != "" {
		p = p.AtName(f)
	}
	return p
}

var placeholder = regexp.MustCompile(`\bx\b`)

// Finding is a rejection the provider expects TNZ to answer for a message or
// configuration, at a concrete attribute.
type Finding struct {
	Row *Row
	// Position is the 1-based x of numbered rows, else 0.
	Position int
	// Attribute is the concrete path, e.g. files[0].name; the zero Path for
	// the whole call.
	Attribute Path
	// Warning marks findings the API tolerates (e.g. one bad destination among good ones).
	Warning bool
	// Summary and Detail are the diagnostic's wording.
	Summary string
	Detail  string
	// Raw is the server's own text, for findings made from a response.
	Raw string
}

func (r *Row) finding(position int) Finding {
	return Finding{Row: r, Position: position, Attribute: r.AttributeAt(position), Summary: r.Summary(position), Detail: r.Fix}
}

// The rows, in the order of rejection-codes.txt.
var (
	ServerError = &Row{
		Text:    "Error occurred while creating job",
		Meaning: "Server-side error. Try again, or contact us if the error persists.",
		Fix:     "This is a TNZ server-side error, not a problem with the configuration. Run terraform apply again; if the error persists, contact TNZ support.",
		Stage:   ServerOnly,
		Why:     "A server fault cannot be predicted; any HTTP 5xx answer maps to this row.",
	}
	MissingSender = &Row{
		Text:      "Missing Sender",
		Meaning:   "Empty 'Sender' field or your API call is malformed and we can't find the 'Sender'",
		Attribute: Root("sender"),
		Fix:       "Set sender (or TNZ_SENDER) to the API user's e-mail address, or use auth_token instead of sender and api_key.",
		Stage:     AtProviderPlan,
		Auth:      tnz.MissingSender,
	}
	MissingAPIKey = &Row{
		Text:      "Missing APIKey",
		Meaning:   "Empty 'APIKey'",
		Attribute: Root("api_key"),
		Fix:       "Set api_key (or TNZ_API_KEY) to the API key of the sender, or use auth_token instead of sender and api_key.",
		Stage:     AtProviderPlan,
		Auth:      tnz.MissingAPIKey,
	}
	InvalidSenderFormat = &Row{
		Text:      "Invalid sender format",
		Meaning:   "'Sender' is not an email address",
		Attribute: Root("sender"),
		Fix:       "Set sender to the API user's e-mail address, e.g. \"application@example.com\".",
		Stage:     AtProviderPlan,
		Auth:      tnz.InvalidSender,
	}
	Unauthorized = &Row{
		Text:      "Unauthorized",
		Meaning:   "Your Authorization token is incorrect or missing",
		Attribute: Root("auth_token"),
		Fix:       "Set auth_token in the provider block or the TNZ_AUTH_TOKEN environment variable to an Auth Token from the TNZ Dashboard (Users > API > Auth Token); or, for API v2.02, sender and api_key (TNZ_SENDER, TNZ_API_KEY).",
		Stage:     AtProviderPlan,
		Auth:      tnz.NoCredentials,
	}
	MissingMessageData = &Row{
		Text:    "Missing message data",
		Meaning: "Empty 'MessageData' field",
		Fix:     "The provider always builds the request body; this indicates a provider or API version mismatch. Check api_version and report the error if it persists.",
		Stage:   ServerOnly,
		Why:     "Cannot occur by construction: the client always wraps v2.0x fields in MessageData, and v3.00 has no wrapper.",
	}
	MissingDestinations = &Row{
		Text:         "Missing or empty destinations",
		Meaning:      "Target(s) not found",
		Attribute:    Root("destinations"),
		Fix:          "Add at least one recipient in recipients, or a destinations block with a recipient, contact_id, group_id or group_code.",
		WholeMessage: true,
		checkMessage: checkMissingDestinations,
	}
	NoValidDestination = &Row{
		Text:         "Error - Could not find any valid destination(s).",
		Meaning:      "No valid targets found in the Destination section, ie. if MessageType is SMS, there is no mobile number listed as a Recipient in 'Destinations'",
		Attribute:    Root("destinations"),
		Fix:          "Give at least one recipient that suits the channel: a mobile number for SMS, WhatsApp and RCS (e.g. \"+6421000001\" or \"021 000 001\"), an e-mail address for Email, a phone or fax number for Voice, TTS and Fax, a phone number or e-mail address for Workflow; or an Address Book contact_id, group_id or group_code.",
		WholeMessage: true,
		checkMessage: checkValidDestinations,
	}
	WebhookNotHTTPS = &Row{
		Text:         "WebhookCallbackURL must start with https://",
		Meaning:      "You will need to include the full path including the https:// prefix in your custom WebhookCallbackURL value (http:// is not supported)",
		Attribute:    Root("webhook_callback_url"),
		Fix:          "Use the full https:// URL of the webhook receiver; TNZ does not call plain http:// URLs.",
		checkMessage: checkWebhookURL,
	}
	MissingFileName = &Row{
		Text:     "Missing file name on file x",
		Numbered: true,
		Meaning:  "MessageData.Files listed without a valid 'Name'",
		// Documented for Fax; TNZ's OpenAPI file gives SMS, Email, WhatsApp
		// and RCS the same Files schema (Name and Data) as Fax.
		Channels:     filesChannels,
		Attribute:    Root("files").AtName("name"),
		Fix:          "Give the file a name including its extension, e.g. name = \"report.pdf\".",
		checkMessage: checkFileNames,
	}
	MissingFileData = &Row{
		Text:         "Missing file data on file x",
		Numbered:     true,
		Meaning:      "MessageData.Files listed without valid 'Data'",
		Channels:     filesChannels,
		Attribute:    Root("files"),
		Fix:          "Give the file its contents: content = filebase64(\"report.pdf\"), or path = \"report.pdf\" for a non-empty local file.",
		checkMessage: checkFileData,
	}
	MissingFaxContents = &Row{
		Text:         "Missing fax contents - Empty or missing message & file fields",
		Meaning:      "MessageData.Message and/or MessageData.Files fields are not found",
		Channels:     []tnz.Channel{tnz.Fax},
		Attribute:    Root("files"),
		Fix:          "Attach at least one document in files (or, on API v2.0x, set message).",
		WholeMessage: true,
		checkMessage: checkFaxContents,
	}
	MessagesNotFound = &Row{
		Text:      "Message(s) NOT found",
		Meaning:   "GET Poll is unable to find messages (result and reply tracking)",
		Channels:  []tnz.Channel{tnz.SMS},
		Attribute: Root("message_id"),
		Fix:       "Check the message_id: TNZ has no message with it (or is still processing it). Messages sent by another API user or account are not visible.",
		Stage:     ServerOnly,
		Why:       "Whether TNZ knows a message id is only known by asking; status reads and imports map the answer to this row.",
	}
	MissingMessage = &Row{
		Text:         "Missing or empty message",
		Meaning:      "Empty MessageData.Message field",
		Channels:     []tnz.Channel{tnz.SMS},
		Attribute:    Root("message"),
		Fix:          "Set message to the text to send, or set template_id to a TNZ Dashboard template.",
		WholeMessage: true,
		checkMessage: checkSMSMessage,
	}
	MissingEmailBody = &Row{
		Text:         "Missing or empty message body. Please specify MessagePlain or MessageHTML",
		Meaning:      "Empty MessageData.MessagePlain field and/or MessageData.MessageHTML field",
		Channels:     []tnz.Channel{tnz.Email},
		Attribute:    Root("message_plain"),
		Fix:          "Set message_plain or message_html (or both), or template_id.",
		WholeMessage: true,
		checkMessage: checkEmailBody,
	}
	MissingMessageToPeople = &Row{
		Text:         "Missing message to people",
		Meaning:      "Empty MessageData.MessageToPeople field",
		Channels:     []tnz.Channel{tnz.Voice, tnz.TTS},
		Attribute:    Root("message_to_people"),
		Fix:          "Set message_to_people to what the call says when a person answers, or set template_id.",
		WholeMessage: true,
		checkMessage: checkMessageToPeople,
	}
	MissingKeypadTone = &Row{
		Text:         "Missing tone on keypad x",
		Numbered:     true,
		Meaning:      "MessageData.Keypads are listed without a corresponding 'Tone' value",
		Channels:     []tnz.Channel{tnz.Voice, tnz.TTS},
		Attribute:    Root("keypads").AtName("tone"),
		Fix:          "Set tone to the key (0-9) the person presses for this option.",
		checkMessage: checkKeypadTone,
	}
	InvalidKeypadTone = &Row{
		Text:         "Invalid tone on keypad x. Tone must be between 0~9",
		Numbered:     true,
		Meaning:      "MessageData.Keypads.Tone is listed but is out of the valid range (value must be 0-9)",
		Channels:     []tnz.Channel{tnz.Voice, tnz.TTS},
		Attribute:    Root("keypads").AtName("tone"),
		Fix:          "Use a tone between 0 and 9.",
		checkMessage: checkKeypadToneRange,
	}
	MissingKeypadAction = &Row{
		Text:         "Missing RouteNumber/Play on keypad x",
		Numbered:     true,
		Meaning:      "MessageData.Keypads are listed without corresponding 'RouteNumber' and 'Play' fields",
		Channels:     []tnz.Channel{tnz.Voice, tnz.TTS},
		Attribute:    Root("keypads"),
		Fix:          "Give the keypad option a route_number to transfer the call to, or a play message (or play_section).",
		checkMessage: checkKeypadAction,
	}
	InvalidRouteNumber = &Row{
		Text:         "Invalid RouteNumber format on keypad x",
		Numbered:     true,
		Meaning:      "MessageData.Keypads.RouteNumber exists but the route number is invalid (or incorrectly formatted). It must be greater than 9 digits and numeric.",
		Channels:     []tnz.Channel{tnz.Voice, tnz.TTS},
		Attribute:    Root("keypads").AtName("route_number"),
		Fix:          "Use a phone number of 10 or more digits, e.g. \"+64800123123\" or \"6495006000\".",
		checkMessage: checkRouteNumber,
	}
)

// filesChannels are the channels whose sends carry Files: the file rows,
// documented for Fax, apply to each of them.
var filesChannels = []tnz.Channel{tnz.Fax, tnz.SMS, tnz.Email, tnz.WhatsApp, tnz.RCS}

// Table is every documented rejection, in the order TNZ lists them.
var Table = []*Row{
	ServerError, MissingSender, MissingAPIKey, InvalidSenderFormat, Unauthorized,
	MissingMessageData, MissingDestinations, NoValidDestination, WebhookNotHTTPS,
	MissingFileName, MissingFileData, MissingFaxContents, MessagesNotFound,
	MissingMessage, MissingEmailBody, MissingMessageToPeople, MissingKeypadTone,
	InvalidKeypadTone, MissingKeypadAction, InvalidRouteNumber,
}

// CheckedAtPlan reports whether the provider implements the row's plan-time check.
func (r *Row) CheckedAtPlan() bool {
	return r.checkMessage != nil || r.Auth != 0
}

// ForAuth is the row that documents a credential problem, or nil when TNZ
// documents none for it.
func ForAuth(k tnz.AuthProblemKind) *Row {
	for _, r := range Table {
		if r.Auth == k {
			return r
		}
	}
	return nil
}

func init() {
	for _, r := range Table {
		r.pattern = textPattern(r)
	}
}
