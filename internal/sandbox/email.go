package sandbox

import (
	"strings"
	"unicode"
)

// emailChannel models POST /email and GET /email/{MessageID} (TNZ's OpenAPI file).
var emailChannel = &channel{
	name:          "email",
	recipientType: "Email",
	topKeys:       []string{"Destination", "EmailAddress"},
	// EmailAddress is the OpenAPI file's key; the v3 SDKs also send Recipient.
	entryKeys: []string{"EmailAddress", "Recipient"},
	address:   emailAddress,
	// TNZ's OpenAPI file: Message is a synonym of MessagePlain, and TemplateID the
	// alternative to both bodies; v2 knows neither.
	contentKeys:   []string{"MessagePlain", "MessageHTML", "Message", "TemplateID"},
	v2ContentKeys: []string{"MessagePlain", "MessageHTML"},
	contentMsg:    "Missing or empty message body. Please specify MessagePlain or MessageHTML",
	hasFiles:      true,
	// TNZ's OpenAPI file: resubmit exists for Email, Fax, TTS and Voice.
	canResubmit: true,
	deliver: func(address string) (bool, string) {
		// Deterministic so tests can ask for a failure: a local part that
		// starts with "bounce" (any case).
		local, _, _ := strings.Cut(address, "@")
		if strings.HasPrefix(strings.ToLower(local), "bounce") {
			return false, "550 Mailbox unavailable"
		}
		return true, "250 OK"
	},
	priceCents: 5,
}

// emailAddress returns s, without surrounding spaces, if it looks like an
// e-mail address: one @ with text on both sides and no white space. It is
// deliberately loose, like the phone check: the documented rejection is only
// for "no valid destination", not for a malformed one.
func emailAddress(s string) (string, bool) {
	s = strings.TrimSpace(s)
	local, domain, ok := strings.Cut(s, "@")
	if !ok || local == "" || domain == "" || strings.Contains(domain, "@") || strings.ContainsFunc(s, unicode.IsSpace) {
		return "", false
	}
	return s, true
}
