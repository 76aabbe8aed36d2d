package sandbox

import "strings"

// faxChannel models POST /fax and GET /fax/{MessageID} (TNZ's OpenAPI file).
var faxChannel = &channel{
	name:          "fax",
	recipientType: "Fax",
	topKeys:       []string{"Destination", "ToNumber"},
	// ToNumber is the OpenAPI file's key; the v3 SDKs also send Recipient and FaxNumber.
	entryKeys: []string{"ToNumber", "Recipient", "FaxNumber"},
	address:   e164,
	// The documents are the Files; v2's text Message still counts (on v3
	// too), and TemplateID is v3's alternative. Files entries that lack
	// Name or Data are reported by the file checks, not here.
	contentKeys:     []string{"Message", "TemplateID"},
	v2ContentKeys:   []string{"Message"},
	filesAreContent: true,
	contentMsg:      "Missing fax contents - Empty or missing message & file fields",
	hasFiles:        true,
	dials:           true,
	// TNZ's OpenAPI file: resubmit exists for Email, Fax, TTS and Voice.
	canResubmit: true,
	deliver: func(address string) (bool, string) {
		// Deterministic so tests can ask for a failure: numbers ending in 99.
		if strings.HasSuffix(address, "99") {
			return false, "Busy"
		}
		return true, "SentOK"
	},
	priceCents: 30,
}
