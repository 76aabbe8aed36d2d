package sandbox

// rcsChannel models POST /rcs, GET /rcs/{MessageID} and /rcs/received
// (TNZ's OpenAPI file; API v3.00 only).
var rcsChannel = &channel{
	name:          "rcs",
	recipientType: "RCS",
	topKeys:       []string{"Destination", "ToNumber"},
	entryKeys:     []string{"ToNumber", "Recipient", "MobilePhone", "MobileNumber"},
	address:       e164,
	// Message, or TemplateID instead (the file); TNZ documents no text, so
	// the Python v3 SDK's client-side one.
	contentKeys: []string{"Message", "TemplateID"},
	contentMsg:  "Missing required field: Message or TemplateID",
	uuidKeys:    []string{"TemplateID"},
	ignoredKeys: []string{"ReportTo", "ErrorEmailNotify"},
	// The file's enum says WhatsApp; the .NET and TypeScript v3 SDKs send
	// WAPP, which the .NET SDK says the live API wants.
	fallbackModes: map[string]string{"none": "", "sms": "sms", "voice": "voice", "whatsapp": "whatsapp", "wapp": "whatsapp"},
	fallbackMsg:   msgFallbackRCS,
	hasFiles:      true,
	hasReplies:    true,
	v3Only:        true,
	deliver:       deliverUnless(lacksRCS, resultNoRCS),
	priceCents:    6,
}

// resultNoRCS is the Result for a number RCS cannot reach; the sandbox's
// own text.
const resultNoRCS = "RCS not supported"
