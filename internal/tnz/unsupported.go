package tnz

import (
	"fmt"
	"slices"
)

// UnsupportedField is something set on a message that the API does not
// have: the server would ignore it and send a different message than the
// one asked for, so the client refuses it before any call, and the provider
// at plan time. Either the API version lacks it (TemplateID on v2.0x), or
// the message's channel lacks it on every version (Workflow has no test
// Mode), or the version lacks the channel itself (WhatsApp on v2.0x).
type UnsupportedField struct {
	// Field is the API's field name, e.g. "TemplateID". It is "" when the
	// API version lacks the message's channel (see Channel.SupportedBy);
	// that is then the only entry.
	Field string
	// Destination is the 0-based destination the field is on, or -1.
	Destination int
	// ChannelLacks is true when no API version has the field on the
	// message's channel, false when it is the API version that lacks it.
	ChannelLacks bool
}

// Unsupported lists what msg sets that version lacks, in a fixed order.
// This is the one place the rule lives.
func Unsupported(version string, msg Message) []UnsupportedField {
	ch := msg.Channel()
	if !ch.SupportedBy(version) {
		return []UnsupportedField{{Destination: -1}}
	}
	out := channelLacks(msg)
	add := func(field string) { out = append(out, UnsupportedField{Field: field, Destination: -1}) }
	if !isV2(version) {
		// v3.00 has no fax text body (TNZ's OpenAPI file, POST /fax):
		// documents only.
		if fax, ok := msg.(*FaxMessage); ok && fax.Message != "" {
			add("Message")
		}
		return out
	}
	c := msg.CommonPart()
	if c.TemplateID != "" { // Dashboard templates are v3-only
		add("TemplateID")
	}
	if c.NotificationType != "" { // in no v2 SDK's DTO; v3.00 added it
		add("NotificationType")
	}
	for i, d := range c.Destinations {
		if d.GroupCode != "" { // v2 destinations name groups by GroupID only
			out = append(out, UnsupportedField{Field: "GroupCode", Destination: i})
		}
	}
	switch m := msg.(type) {
	case *SMSMessage: // both v3.00 only (TNZ's OpenAPI file; not in the v2 SMS DTOs)
		if m.SMSCustomPageID != "" {
			add("SMSCustomPageID")
		}
		if m.FallbackMode != "" {
			add("FallbackMode")
		}
	case *EmailMessage:
		if m.BCCEmail != "" { // in v3.00's OpenAPI file and the TypeScript SDK only
			add("BCCEmail")
		}
	case *TTSMessage:
		if m.AnswerPhoneMode != "" { // in no v2 SDK's TTS or Voice DTO
			add("AnswerPhoneMode")
		}
		if m.EndCallMessage != "" { // likewise; only the TypeScript v3 SDK sends it
			add("EndCallMessage")
		}
	case *VoiceMessage:
		if m.AnswerPhoneMode != "" {
			add("AnswerPhoneMode")
		}
		if m.EndCallMessage != "" {
			add("EndCallMessage")
		}
	}
	return out
}

// commonLacks lists, per channel, the shared fields its request does not
// have on any version (TNZ's OpenAPI file: /whatsapp, /rcs and /workflow
// declare no ReportTo; /workflow no TemplateID or Mode either).
var commonLacks = map[Channel][]string{
	WhatsApp: {"ReportTo"},
	RCS:      {"ReportTo"},
	Workflow: {"ReportTo", "TemplateID", "Mode"},
}

// workflowAddresses are the Destination fields only Workflow has.
var workflowAddresses = []string{"ToNumber", "EmailAddress", "MainPhone"}

// Lacks reports whether no API version has field (the API's name, e.g.
// "ReportTo", or a Destination field such as "ToNumber") on the channel's
// messages: Unsupported reports such a field as ChannelLacks.
func (c Channel) Lacks(field string) bool {
	return slices.Contains(commonLacks[c], field) || c != Workflow && slices.Contains(workflowAddresses, field)
}

// channelLacks lists what msg sets that its channel lacks on every version.
func channelLacks(msg Message) []UnsupportedField {
	var out []UnsupportedField
	c := msg.CommonPart()
	set := map[string]bool{"ReportTo": c.ReportTo != "", "TemplateID": c.TemplateID != "", "Mode": c.TestMode}
	for _, field := range commonLacks[msg.Channel()] {
		if set[field] {
			out = append(out, UnsupportedField{Field: field, Destination: -1, ChannelLacks: true})
		}
	}
	if msg.Channel() == Workflow {
		return out
	}
	for i, d := range c.Destinations {
		for j, v := range []string{d.ToNumber, d.EmailAddress, d.MainPhone} {
			if v != "" {
				out = append(out, UnsupportedField{Field: workflowAddresses[j], Destination: i, ChannelLacks: true})
			}
		}
	}
	return out
}

// unsupportedAdvice says, per field, what the caller can do instead of a
// field the API version lacks.
var unsupportedAdvice = map[string]string{
	"Message":          "API " + V300 + " sends a fax's content as files: attach the text as a file (for example a .txt or .pdf), or use API v2.0x",
	"TemplateID":       "the message would go out without the template's content: put the content in the message itself, or use API " + V300,
	"NotificationType": "TNZ would report as the API user's default says: remove it, or use API " + V300,
	"GroupCode":        "name the group by its GroupID instead, or use API " + V300,
	"BCCEmail":         "the e-mail would go out without the blind copy: add the address as a destination instead, or use API " + V300,
	"AnswerPhoneMode":  "the call would use TNZ's default: remove it, or use API " + V300,
	"SMSCustomPageID":  "[[CustomPage]] would not use that page: remove it, or use API " + V300,
	"FallbackMode":     "the SMS would not fall back to another channel when undelivered: remove it, or use API " + V300,
	"EndCallMessage":   "the call would end without that message: remove it, or use API " + V300,
}

// channelAdvice says, per field, what the caller can do instead of a field
// the message's channel lacks.
var channelAdvice = map[string]string{
	"ReportTo":     "no delivery report would be e-mailed: remove it, and ask for reports with NotificationType or WebhookCallbackURL instead",
	"TemplateID":   "a workflow is named by its WorkflowTemplateID: put the id there",
	"Mode":         "the workflow would run live: remove test mode",
	"ToNumber":     "it has one address, Recipient: put the address there",
	"EmailAddress": "it has one address, Recipient: put the address there",
	"MainPhone":    "it has one address, Recipient: put the address there",
}

// refuseUnsupported is the client's own refusal, before any call.
func refuseUnsupported(version string, msg Message) error {
	u := Unsupported(version, msg)
	if len(u) == 0 {
		return nil
	}
	f, title := u[0], msg.Channel().Title()
	switch {
	case f.Field == "":
		return fmt.Errorf("%s messages are only supported by API %s, not %s: configure API %s (with an auth token) to send them",
			title, V300, version, V300)
	case f.ChannelLacks && f.Destination >= 0:
		return fmt.Errorf("destination %d sets %s, which only Workflow destinations have; a %s destination %s",
			f.Destination+1, f.Field, title, channelAdvice[f.Field])
	case f.ChannelLacks:
		return fmt.Errorf("%s messages have no %s on any API version: %s", title, f.Field, channelAdvice[f.Field])
	case f.Field == "Message":
		return fmt.Errorf("fax message text is only supported by API v2.0x, not %s: %s", version, unsupportedAdvice[f.Field])
	}
	where := f.Field
	if f.Destination >= 0 {
		where = fmt.Sprintf("destination %d names a group by GroupCode, which", f.Destination+1)
	}
	return fmt.Errorf("%s is only supported by API %s, not %s: %s", where, V300, version, unsupportedAdvice[f.Field])
}
