package sandbox

import "strings"

// workflowChannel models POST /workflow (TNZ's OpenAPI file; API v3.00
// only), which starts a workflow designed in the Dashboard. The file has
// no status, action or received endpoint for it, so its messages are seen
// only in /sandbox/messages.
var workflowChannel = &channel{
	name:          "workflow",
	recipientType: "Workflow",
	topKeys:       []string{"Destination", "ToNumber", "MainPhone"},
	// One entry may carry a mobile, an e-mail address and a phone number
	// together; any of them makes it usable.
	entryKeys:    []string{"ToNumber", "MainPhone", "EmailAddress", "Recipient", "MobilePhone"},
	address:      phoneOrEmail,
	requiredKeys: []string{"WorkflowTemplateID"},
	uuidKeys:     []string{"WorkflowTemplateID"},
	// The file's /workflow has no Mode, ReportTo, TemplateID or Files.
	ignoredKeys: []string{"Mode", "ReportTo", "ErrorEmailNotify", "TemplateID"},
	v3Only:      true,
	statusless:  true,
	deliver: func(address string) (bool, string) {
		if strings.HasSuffix(address, "99") {
			return false, "Bad Number"
		}
		return true, "Started"
	},
}

// phoneOrEmail reads an address as a phone number (E.164), else as an
// e-mail address.
func phoneOrEmail(s string) (string, bool) {
	if a, ok := e164(s); ok {
		return a, true
	}
	return emailAddress(s)
}
