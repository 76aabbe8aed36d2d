package sandbox

import "strings"

// smsChannel models POST /sms and GET /sms/{MessageID} (TNZ's OpenAPI file).
var smsChannel = &channel{
	name:          "sms",
	recipientType: "SMS",
	topKeys:       []string{"Destination", "ToNumber"},
	// ToNumber is the OpenAPI file's key; the v3 SDKs also send Recipient and
	// MobilePhone, and the Address Book calls it MobileNumber.
	entryKeys: []string{"ToNumber", "Recipient", "MobilePhone", "MobileNumber"},
	address:   e164,
	// TNZ's OpenAPI file: TemplateID is v3's alternative to Message; v2 has none.
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
