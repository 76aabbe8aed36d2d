package tnz

import "strings"

// FallbackModes is the FallbackMode value for modes, tried in the order
// given: the names joined with ", ", as TNZ's TypeScript, Python and .NET v3
// SDKs send them. WhatsApp (any case, or "WAPP") is sent as "WAPP": TNZ's
// OpenAPI file says "WhatsApp", but the .NET SDK records that the live API
// reads "WAPP", and the three SDKs send that. Other names are sent as
// written, blanks are skipped, and no modes is "".
func FallbackModes(modes []string) string {
	var out []string
	for _, m := range modes {
		m = strings.TrimSpace(m)
		switch {
		case m == "":
			continue
		case strings.EqualFold(m, "WhatsApp"), strings.EqualFold(m, "WAPP"):
			m = "WAPP"
		}
		out = append(out, m)
	}
	return strings.Join(out, ", ")
}
