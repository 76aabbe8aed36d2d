package sandbox

import (
	"fmt"
	"strings"
)

// Keypad rejection texts for TTS and Voice, verbatim from the documented
// rejection table; n is the 1-based position in Keypads.
const (
	msgMessageToPeople = "Missing message to people"
	msgKeypadNoTone    = "Missing tone on keypad %d"
	msgKeypadBadTone   = "Invalid tone on keypad %d. Tone must be between 0~9"
	msgKeypadNoAction  = "Missing RouteNumber/Play on keypad %d"
	msgKeypadBadRoute  = "Invalid RouteNumber format on keypad %d"
)

// ttsChannel models POST /tts and GET /tts/{MessageID} (TNZ's OpenAPI file).
var ttsChannel = callChannel("tts", "MessageToPeople", "Message") // TNZ's OpenAPI file: Message is a synonym

// voiceChannel models POST /voice and GET /voice/{MessageID} (TNZ's OpenAPI
// file): the same call as TTS with recorded audio instead of text, and no
// Message synonym.
var voiceChannel = callChannel("voice", "MessageToPeople")

// callChannel builds the TTS or Voice channel; they differ only in name and
// in which keys carry the message to people.
func callChannel(name string, messageKeys ...string) *channel {
	return &channel{
		name: name,
		// The OpenAPI file and the result webhook give Type "Voice" for TTS too.
		recipientType: "Voice",
		// The OpenAPI file has Destination and ToNumber; MainPhone is the call
		// shorthand of the v3 SDKs.
		topKeys: []string{"Destination", "MainPhone", "ToNumber"},
		// MainPhone is the OpenAPI file's key; the v3 SDKs also send Recipient, v2 had
		// PhoneNumber, and the TypeScript SDK maps its ToNumber to MainPhone.
		entryKeys: []string{"MainPhone", "Recipient", "PhoneNumber", "ToNumber"},
		address:   e164,
		// v2 has MessageToPeople only: no TemplateID, no Message synonym.
		contentKeys:   append([]string{"TemplateID"}, messageKeys...),
		v2ContentKeys: []string{"MessageToPeople"},
		contentMsg:    msgMessageToPeople,
		hasKeypads:    true,
		dials:         true,
		// TNZ's OpenAPI file: resubmit and pacing exist for both calls.
		canResubmit: true,
		canPace:     true,
		deliver: func(address string) (bool, string) {
			// Deterministic so tests can ask for a failure: numbers ending in 99.
			if strings.HasSuffix(address, "99") {
				return false, "No Answer"
			}
			return true, "Answered"
		},
		priceCents: 40,
	}
}

// keypadChecks lists the rejections of each Keypads entry, entry by entry:
// its Tone, then its action.
func keypadChecks(b body) (errs []string) {
	for i, k := range b.list("Keypads") {
		k, n := asBody(k), i+1
		switch tone := k["Tone"]; {
		case !present(tone):
			errs = append(errs, fmt.Sprintf(msgKeypadNoTone, n))
		case !validTone(tone):
			errs = append(errs, fmt.Sprintf(msgKeypadBadTone, n))
		}
		// v3 has Play (text or audio) and PlaySection; v2 had PlayFile.
		route := k["RouteNumber"]
		switch {
		case !present(route) && !present(k["Play"]) && !present(k["PlaySection"]) && !present(k["PlayFile"]):
			errs = append(errs, fmt.Sprintf(msgKeypadNoAction, n))
		case present(route) && !validRouteNumber(asString(route)):
			errs = append(errs, fmt.Sprintf(msgKeypadBadRoute, n))
		}
	}
	return errs
}

// validTone accepts the integers 0–9, written as a JSON number or, read
// leniently, as a string.
func validTone(v any) bool {
	s := strings.TrimSpace(asString(v))
	return len(s) == 1 && s[0] >= '0' && s[0] <= '9'
}

// validRouteNumber follows the documented rule, "greater than 9 digits and
// numeric", allowing one leading + because the OpenAPI file's own example is
// +64800123123.
func validRouteNumber(s string) bool {
	s = strings.TrimPrefix(strings.TrimSpace(s), "+")
	if len(s) < 10 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
