package rejection

import (
	"strings"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// ValidRecipient reports whether s can be a destination of channel ch. It is
// deliberately lenient (DESIGN §5: never stricter than the API): local NZ
// forms such as "021 123 4567" and "09 500 6000" are phone numbers.
func ValidRecipient(ch tnz.Channel, s string) bool {
	if ch == tnz.Email {
		return IsEmailAddress(s)
	}
	return IsPhoneNumber(s)
}

// IsPhoneNumber accepts an optional leading "+" and 7 to 15 digits, ignoring
// spaces, dashes, dots and parentheses.
func IsPhoneNumber(s string) bool {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "+")
	digits := 0
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == ' ' || c == '-' || c == '.' || c == '(' || c == ')':
		default:
			return false
		}
	}
	return digits >= 7 && digits <= 15
}

// IsEmailAddress accepts local@domain with no spaces; the API decides the rest.
func IsEmailAddress(s string) bool {
	local, domain, ok := strings.Cut(strings.TrimSpace(s), "@")
	return ok && local != "" && domain != "" && !strings.ContainsAny(local+domain, " @")
}
