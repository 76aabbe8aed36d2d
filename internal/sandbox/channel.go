package sandbox

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Rejection texts shared by every channel, verbatim from the documented
// rejection table (TNZ's API documentation, copied in
// internal/rejection/testdata/rejection-codes.txt).
const (
	msgNoDestinations      = "Missing or empty destinations"
	msgNoValidDestinations = "Error - Could not find any valid destination(s)."
	msgWebhookHTTPS        = "WebhookCallbackURL must start with https://"
	msgFileName            = "Missing file name on file %d"
	msgFileData            = "Missing file data on file %d"
)

// msgBadMessageID is the sandbox's own wording: the API documents the
// MessageID limits (≤40 alphanumerics) but no rejection text for them.
const msgBadMessageID = "Invalid MessageID - use at most 40 letters, digits or '-'"

// channel is one message type's rules; the send, status and inspection
// code is shared by all of them.
type channel struct {
	name          string   // path segment, lower case: "sms"
	recipientType string   // Recipients[].Type in status responses: "SMS"
	topKeys       []string // top-level single-destination keys this channel's request has (TNZ's OpenAPI file)
	entryKeys     []string // Destinations[] keys that may carry this channel's address, in preference order
	address       func(string) (string, bool)
	// The required content: a send must give one of the keys of its
	// dialect (v3: contentKeys, v2: v2ContentKeys) or, if filesAreContent,
	// a non-empty Files; otherwise it is rejected with contentMsg.
	contentKeys     []string
	v2ContentKeys   []string
	filesAreContent bool
	contentMsg      string
	hasKeypads      bool                                          // Keypads entries are checked (TTS, Voice)
	hasFiles        bool                                          // Files entries are checked
	hasReplies      bool                                          // status shows SMSReplies per recipient, and GET /{channel}/received lists what was received
	canResubmit     bool                                          // PATCH /{MessageID}/resubmit exists (TNZ's OpenAPI file: not SMS)
	canPace         bool                                          // PATCH /{MessageID}/pacing exists (TNZ's OpenAPI file: TTS and Voice)
	dials           bool                                          // recipients are called, so status shows the RemoteID dialled
	text            func(body) string                             // what MessageText shows for a delivered recipient; nil: no MessageText
	deliver         func(address string) (ok bool, result string) // live outcome; address is empty for Address Book entries
	priceCents      int                                           // per delivered recipient

	// The v3.00-only channels (WhatsApp, RCS, Workflow).
	v3Only     bool // no v2.0x route sends, finds or acts on its messages
	statusless bool // only its send exists: no status, actions or received list (Workflow)
	// ignoredKeys are shared keys this channel's request does not have
	// (TNZ's OpenAPI file): the server ignores unknown keys, so they are not
	// read (a Workflow's Mode "Test" does not make it a test).
	ignoredKeys []string
	// requiredKeys must each be given (TNZ's OpenAPI file marks them
	// required); a missing one is rejected with msgRequired.
	requiredKeys []string
	// uuidKeys, when given, must be UUIDs (msgNotUUID).
	uuidKeys []string
	// fallbackModes maps each FallbackMode value the channel takes (lower
	// case) to the channel name it falls back to, "" for None; nil: the
	// channel has no FallbackMode. A value not listed is rejected with
	// fallbackMsg.
	fallbackModes map[string]string
	fallbackMsg   string
}

// channels is keyed by the lower-case path segment.
var channels = map[string]*channel{
	smsChannel.name:      smsChannel,
	emailChannel.name:    emailChannel,
	faxChannel.name:      faxChannel,
	ttsChannel.name:      ttsChannel,
	voiceChannel.name:    voiceChannel,
	whatsappChannel.name: whatsappChannel,
	rcsChannel.name:      rcsChannel,
	workflowChannel.name: workflowChannel,
}

// addressBookKeys name server-resolved destinations: the sandbox cannot look
// them up, so each counts as one recipient that is always delivered.
var addressBookKeys = []string{"ContactID", "GroupID", "GroupCode"}

// echoKeys are destination fields echoed on Recipients[] and usable as
// [[Token]] personalisation.
var echoKeys = []string{
	"Attention", "Company", "FirstName", "LastName",
	"Custom1", "Custom2", "Custom3", "Custom4", "Custom5", "Custom6", "Custom7", "Custom8", "Custom9",
}

// recipient is one resolved destination of an accepted message.
type recipient struct {
	address   string            // normalised (E.164 for phones); empty for Address Book entries
	contactID string            // ContactID as given, if any
	groupID   string            // GroupID, or else GroupCode, as given: the group the entry names (expanded on acceptance)
	fields    map[string]string // echoKeys values as given
	// blacklisted: the recipient is on the opt-out list, decided on acceptance.
	blacklisted bool
	// settled is the outcome of an earlier round that a resubmit did not
	// send again; nil while the recipient follows the message's round.
	settled *outcome
	replies []*inboundSMS // SMS replies from this recipient, oldest first
}

// body is a decoded JSON object read leniently, as the real server does:
// missing keys and explicit nulls read as empty, and a number or boolean
// where a string is expected reads as its JSON text (Python SDK 2.4 sends nulls, and the
// the OpenAPI file's own examples put numbers in string fields).
type body map[string]any

func (b body) str(key string) string { return asString(b[key]) }

// list returns the array under key; a lone object counts as a one-item list.
func (b body) list(key string) []any {
	switch v := b[key].(type) {
	case []any:
		return v
	case map[string]any:
		return []any{v}
	}
	return nil
}

func asString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case json.Number:
		return v.String()
	case bool:
		return strconv.FormatBool(v)
	}
	return ""
}

func asBody(v any) body {
	m, _ := v.(map[string]any)
	return m
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

// present reports whether a JSON value counts as given: not null and not a
// blank string.
func present(v any) bool {
	if v == nil {
		return false
	}
	if s, ok := v.(string); ok {
		return !blank(s)
	}
	return true
}

// anyText reports whether any of keys holds a non-blank value.
func (b body) anyText(keys ...string) bool {
	for _, k := range keys {
		if !blank(b.str(k)) {
			return true
		}
	}
	return false
}

// first returns the first of keys that holds a non-blank value, trimmed;
// it reads synonyms such as TimeZone/Timezone.
func (b body) first(keys ...string) string {
	for _, k := range keys {
		if v := strings.TrimSpace(b.str(k)); v != "" {
			return v
		}
	}
	return ""
}

// dialect is the wire format a send arrived in. It decides which keys the
// message may use; every rule that does not name a dialect is shared.
type dialect int

const (
	// dialectV3 is v3.00: a flat body with the OpenAPI file's keys, top-level
	// destination shorthands and TemplateID.
	dialectV3 dialect = iota
	// dialectV2 is v2.0x: the message inside MessageData, destinations
	// only in Destinations, no TemplateID and no v3 synonyms.
	dialectV2
)

// timezoneKeys are the keys of a message's Timezone, the dialect's own
// spelling first (TimeZone in the v2 SDKs, Timezone in TNZ's OpenAPI file); either is read.
func (d dialect) timezoneKeys() []string {
	if d == dialectV2 {
		return []string{"TimeZone", "Timezone"}
	}
	return []string{"Timezone", "TimeZone"}
}

// validate resolves b's recipients for ch and lists every rejection the
// request earns, in a fixed order: destinations, content, required fields,
// FallbackMode, UUIDs, keypads, webhook, files, MessageID.
func (ch *channel) validate(b body, d dialect) (rs []recipient, errs []string) {
	b = ch.read(b)
	rs, given := ch.recipients(b, d)
	switch {
	case !given:
		errs = append(errs, msgNoDestinations)
	case len(rs) == 0:
		errs = append(errs, msgNoValidDestinations)
	}
	if ch.contentMsg != "" && !ch.hasContent(b, d) {
		errs = append(errs, ch.contentMsg)
	}
	errs = append(errs, ch.v3OnlyChecks(b)...)
	if ch.hasKeypads {
		errs = append(errs, keypadChecks(b)...)
	}
	if u := strings.TrimSpace(b.str("WebhookCallbackURL")); u != "" &&
		!strings.HasPrefix(strings.ToLower(u), "https://") {
		errs = append(errs, msgWebhookHTTPS)
	}
	if ch.hasFiles {
		for i, f := range b.list("Files") {
			f := asBody(f)
			if blank(f.str("Name")) {
				errs = append(errs, fmt.Sprintf(msgFileName, i+1))
			}
			if blank(f.str("Data")) {
				errs = append(errs, fmt.Sprintf(msgFileData, i+1))
			}
		}
	}
	if id := strings.TrimSpace(b.str("MessageID")); id != "" && !validMessageID(id) {
		errs = append(errs, msgBadMessageID)
	}
	return rs, errs
}

// hasContent reports whether b carries the channel's required content in
// dialect d.
func (ch *channel) hasContent(b body, d dialect) bool {
	keys := ch.contentKeys
	if d == dialectV2 {
		keys = ch.v2ContentKeys
	}
	return b.anyText(keys...) || ch.filesAreContent && len(b.list("Files")) > 0
}

// recipients resolves the usable destinations for ch, in request order:
// top-level shorthands, ContactID, GroupID (v3 only: v2 has none of them),
// then Destinations[]. given reports whether any destination was supplied
// at all, usable or not, which separates the two documented destination
// rejections. Unusable entries are dropped, as long as at least one is
// usable.
func (ch *channel) recipients(b body, d dialect) (rs []recipient, given bool) {
	if d == dialectV3 {
		rs, given = ch.topRecipients(b)
	}
	for _, e := range b.list("Destinations") {
		given = true
		if r, ok := ch.entry(asBody(e)); ok {
			rs = append(rs, r)
		}
	}
	return rs, given
}

// topRecipients resolves v3's top-level shorthands, ContactID and GroupID.
func (ch *channel) topRecipients(b body) (rs []recipient, given bool) {
	for _, k := range ch.topKeys {
		if s := b.str(k); !blank(s) {
			given = true
			if a, ok := ch.address(s); ok {
				rs = append(rs, recipient{address: a})
			}
		}
	}
	if s := strings.TrimSpace(b.str("ContactID")); s != "" {
		given = true
		rs = append(rs, recipient{contactID: s})
	}
	if s := b.str("GroupID"); !blank(s) {
		given = true
		rs = append(rs, recipient{groupID: strings.TrimSpace(s)})
	}
	return rs, given
}

// entry resolves one Destinations[] object. An address in one of the
// channel's keys wins; otherwise an Address Book reference makes it usable.
func (ch *channel) entry(e body) (recipient, bool) {
	r := recipient{contactID: strings.TrimSpace(e.str("ContactID")), fields: map[string]string{}}
	for _, k := range echoKeys {
		if v := e.str(k); v != "" {
			r.fields[k] = v
		}
	}
	// The OpenAPI file spells these with a space; every example and SDK does not.
	for spaced, k := range map[string]string{"First Name": "FirstName", "Last Name": "LastName"} {
		if v := e.str(spaced); v != "" && r.fields[k] == "" {
			r.fields[k] = v
		}
	}
	for _, k := range ch.entryKeys {
		if a, ok := ch.address(e.str(k)); ok {
			r.address = a
			return r, true
		}
	}
	for _, k := range addressBookKeys {
		if !blank(e.str(k)) {
			r.groupID = strings.TrimSpace(e.first("GroupID", "GroupCode"))
			return r, true
		}
	}
	return r, false
}

// personalise fills the [[Token]]s the destination entry has values for and
// leaves every other token ([[Link:…]], [[REPLY]], unknown fields) as written.
func personalise(text string, fields map[string]string) string {
	if len(fields) == 0 || !strings.Contains(text, "[[") {
		return text
	}
	pairs := make([]string, 0, 2*len(fields))
	for k, v := range fields {
		pairs = append(pairs, "[["+k+"]]", v)
	}
	return strings.NewReplacer(pairs...).Replace(text)
}

// validMessageID follows the OpenAPI file: at most 40 characters, alphanumeric; '-' is
// accepted too because the OpenAPI file's own examples (UUIDs, "1234-5678") use it.
func validMessageID(id string) bool {
	if len(id) > 40 {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}
