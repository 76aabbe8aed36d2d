package tnz

import (
	"fmt"
	"strings"
)

// UnsupportedField is a field set on a message that an API version does not
// have: the server would ignore it and send a different message than the one
// asked for, so the client refuses it before any call, and the provider at
// plan time.
type UnsupportedField struct {
	// Field is the API's field name, e.g. "TemplateID".
	Field string
	// Destination is the 0-based destination the field is on, or -1.
	Destination int
}

// Unsupported lists the fields of msg that version lacks, in a fixed order.
// This is the one place the rule lives.
func Unsupported(version string, msg Message) []UnsupportedField {
	var out []UnsupportedField
	add := func(field string) { out = append(out, UnsupportedField{Field: field, Destination: -1}) }
	if !strings.HasPrefix(version, "v2.") {
		// v3.00 has no fax text body (TNZ's OpenAPI file: /fax): documents only.
		if fax, ok := msg.(*FaxMessage); ok && fax.Message != "" {
			add("Message")
		}
		return out
	}
	c := msg.Base()
	if c.TemplateID != "" { // Dashboard templates are v3-only (TNZ's OpenAPI file; no v2 SDK has them)
		add("TemplateID")
	}
	for i, d := range c.Destinations {
		if d.GroupCode != "" { // v2 destinations name groups by GroupID only (Python SDK 2.4 recipient_model.py)
			out = append(out, UnsupportedField{Field: "GroupCode", Destination: i})
		}
	}
	switch m := msg.(type) {
	case *EmailMessage:
		if m.BCCEmail != "" { // TNZ's OpenAPI file and the TypeScript SDK only
			add("BCCEmail")
		}
	case *TTSMessage:
		if m.AnswerPhoneMode != "" { // in no v2 SDK's TTS or Voice DTO
			add("AnswerPhoneMode")
		}
	case *VoiceMessage:
		if m.AnswerPhoneMode != "" {
			add("AnswerPhoneMode")
		}
	}
	return out
}

// unsupportedAdvice says, per field, what the caller can do instead.
var unsupportedAdvice = map[string]string{
	"Message":         "API " + V300 + " sends a fax's content as files: attach the text as a file (for example a .txt or .pdf), or use API v2.0x",
	"TemplateID":      "the message would go out without the template's content: put the content in the message itself, or use API " + V300,
	"GroupCode":       "name the group by its GroupID instead, or use API " + V300,
	"BCCEmail":        "the e-mail would go out without the blind copy: add the address as a destination instead, or use API " + V300,
	"AnswerPhoneMode": "the call would use TNZ's default: remove it, or use API " + V300,
}

// refuseUnsupported is the client's own refusal, before any call.
func refuseUnsupported(version string, msg Message) error {
	u := Unsupported(version, msg)
	if len(u) == 0 {
		return nil
	}
	f := u[0]
	if f.Field == "Message" {
		return fmt.Errorf("fax message text is only supported by API v2.0x, not %s: %s", version, unsupportedAdvice[f.Field])
	}
	where := f.Field
	if f.Destination >= 0 {
		where = fmt.Sprintf("destination %d names a group by GroupCode, which", f.Destination+1)
	}
	return fmt.Errorf("%s is only supported by API %s, not %s: %s", where, V300, version, unsupportedAdvice[f.Field])
}
