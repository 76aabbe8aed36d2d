package sandbox

import "strings"

// smsChannel models POST /sms and GET /sms/{MessageID} (SPEC; notes §4.1).
var smsChannel = &channel{
	name:          "sms",
	recipientType: "SMS",
	topKeys:       []string{"Destination", "ToNumber"},
	// ToNumber is SPEC's key; the v3 SDKs also send Recipient and
	// MobilePhone, and the Address Book calls it MobileNumber (notes §3).
	entryKeys: []string{"ToNumber", "Recipient", "MobilePhone", "MobileNumber"},
	address:   e164,
	// SPEC: TemplateID is v3's alternative to Message; v2 has none.
	contentKeys:   []string{"Message", "TemplateID"},
	v2ContentKeys: []string{"Message"},
	contentMsg:    "Missing or empty message",
	hasFiles:      true,
	hasReplies:    true,
	text:          func(b body) string { return b.str("Message") },
	deliver: func(address string) (bool, string) {
		// Deterministic so tests can ask for a failure: numbers ending in 99.
		if strings.HasSuffix(address, "99") {
			return false, "Bad Number"
		}
		return true, "Delivered"
	},
	priceCents: 10,
}
