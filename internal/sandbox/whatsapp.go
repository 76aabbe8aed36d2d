package sandbox

// whatsappChannel models POST /whatsapp, GET /whatsapp/{MessageID} and
// /whatsapp/received (TNZ's OpenAPI file; API v3.00 only).
var whatsappChannel = &channel{
	name:          "whatsapp",
	recipientType: "WhatsApp",
	topKeys:       []string{"Destination", "ToNumber"},
	// ToNumber is the file's key; the v3 SDKs also send Recipient and
	// MobilePhone, as for SMS.
	entryKeys: []string{"ToNumber", "Recipient", "MobilePhone", "MobileNumber"},
	address:   e164,
	// The file requires all three: TNZ sends the template outside the
	// recipient's 24-hour conversation window and Message inside it.
	requiredKeys:  []string{"TemplateID", "Message", "FromNumber"},
	uuidKeys:      []string{"TemplateID"},
	ignoredKeys:   []string{"ReportTo", "ErrorEmailNotify"},
	fallbackModes: map[string]string{"none": "", "sms": "sms", "voice": "voice", "rcs": "rcs"},
	fallbackMsg:   msgFallbackWhatsApp,
	hasFiles:      true,
	hasReplies:    true,
	v3Only:        true,
	deliver:       deliverUnless(hasNoWhatsApp, resultNoWhatsApp),
	priceCents:    8,
}

// resultNoWhatsApp is the Result for a number without WhatsApp. TNZ's
// WhatsApp result codes are not in the OpenAPI file; the sandbox's own.
const resultNoWhatsApp = "No WhatsApp account"
