package rejection

import (
	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// ValidRecipient reports whether s can be a destination of channel ch. It is
// deliberately lenient (DESIGN §5: never stricter than the API): local NZ
// forms such as "021 123 4567" and "09 500 6000" are phone numbers.
func ValidRecipient(ch tnz.Channel, s string) bool {
	if ch == tnz.Email {
		return tnz.IsEmailAddress(s)
	}
	return tnz.IsPhoneNumber(s)
}
