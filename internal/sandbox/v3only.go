package sandbox

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Rejection texts of the v3.00-only channels' own checks. TNZ documents
// none: msgRequired is the Python v3 SDK's client-side text for the same
// check; the others are the sandbox's own wording.
const (
	msgRequired         = "Missing required field: %s"                              // Python v3 SDK
	msgNotUUID          = "Invalid %s - must be a UUID"                             // sandbox
	msgFallbackWhatsApp = "Invalid FallbackMode - use None, SMS, Voice or RCS"      // sandbox
	msgFallbackRCS      = "Invalid FallbackMode - use None, SMS, Voice or WhatsApp" // sandbox
)

// uuidPattern is any 8-4-4-4-12 hex UUID: TNZ's own examples (such as
// a1b2c3d4-e5f6-7890-1234-567890abcdef) are not RFC 9562 UUIDs.
var uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// read returns b without the keys ch's request does not have, which the
// server ignores. b itself is not changed.
func (ch *channel) read(b body) body {
	if len(ch.ignoredKeys) == 0 {
		return b
	}
	out := make(body, len(b))
	for k, v := range b {
		if !slices.Contains(ch.ignoredKeys, k) {
			out[k] = v
		}
	}
	return out
}

// v3OnlyChecks lists the rejections of ch's required fields, UUIDs and
// FallbackMode, in that order.
func (ch *channel) v3OnlyChecks(b body) (errs []string) {
	for _, k := range ch.requiredKeys {
		if blank(b.str(k)) {
			errs = append(errs, fmt.Sprintf(msgRequired, k))
		}
	}
	for _, k := range ch.uuidKeys {
		if v := strings.TrimSpace(b.str(k)); v != "" && !uuidPattern.MatchString(v) {
			errs = append(errs, fmt.Sprintf(msgNotUUID, k))
		}
	}
	if _, ok := ch.fallbacks(b); !ok {
		errs = append(errs, ch.fallbackMsg)
	}
	return errs
}

// fallbacks reads b's FallbackMode: the channels to try, in order, when ch
// fails to deliver. TNZ's OpenAPI file gives one value of an enum, but its
// own WhatsApp example ("SMS, Voice") and the .NET and TypeScript v3 SDKs
// send an ordered, comma-separated list, so a list is read; values match
// case-insensitively, and None adds nothing. ok is false when a value is
// not one ch takes. On a channel without FallbackMode the key is unknown,
// and ignored like any unknown key.
func (ch *channel) fallbacks(b body) (chs []*channel, ok bool) {
	mode := strings.TrimSpace(b.str("FallbackMode"))
	if ch.fallbackModes == nil || mode == "" {
		return nil, true
	}
	for _, v := range strings.Split(mode, ",") {
		name, known := ch.fallbackModes[strings.ToLower(strings.TrimSpace(v))]
		switch {
		case !known:
			return nil, false
		case name != "":
			chs = append(chs, channels[name])
		}
	}
	return chs, true
}

// deliverUnless is the live outcome of WhatsApp and RCS: a bad number (digits
// ending in 99) fails as on SMS, one the channel cannot reach fails with
// result noAccount, and the rest (Address Book entries included, whose
// address is empty) are delivered.
func deliverUnless(unreachable func(e164 string) bool, noAccount string) func(string) (bool, string) {
	return func(address string) (bool, string) {
		switch {
		case strings.HasSuffix(address, "99"):
			return false, "Bad Number"
		case unreachable(address):
			return false, noAccount
		}
		return true, "Delivered"
	}
}

// hasNoWhatsApp and lacksRCS decide, from a number's digits, who can be
// reached on WhatsApp and RCS (see the package documentation).
func hasNoWhatsApp(e164 string) bool {
	return strings.HasSuffix(e164, "97") || strings.HasSuffix(e164, "98")
}

// lacksRCS: TNZ documents RCS as unsupported in New Zealand (+64) and
// Australia (+61); elsewhere numbers ending in 98 lack it.
func lacksRCS(e164 string) bool {
	return strings.HasPrefix(e164, "+64") || strings.HasPrefix(e164, "+61") || strings.HasSuffix(e164, "98")
}
