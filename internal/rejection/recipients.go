package rejection

import (
	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// ValidRecipient reports whether s can be a destination of channel ch. It is
// deliberately lenient, never stricter than the API: local NZ forms such as
// "021 123 4567" and "09 500 6000" are phone numbers. A Workflow contact may
// be reached by phone or e-mail (the client sends an e-mail address as its
// EmailAddress, anything else as its ToNumber).
func ValidRecipient(ch tnz.Channel, s string) bool {
	switch ch {
	case tnz.Email:
		return tnz.IsEmailAddress(s)
	case tnz.Workflow:
		return tnz.IsPhoneNumber(s) || tnz.IsEmailAddress(s)
	}
	return tnz.IsPhoneNumber(s)
}

// validDestination reports whether d names someone channel ch can reach:
// an Address Book entry, a recipient that suits ch, or (Workflow only, the
// one channel whose destinations carry them) an address by kind.
func validDestination(ch tnz.Channel, d tnz.Destination) bool {
	return d.ContactID != "" || d.GroupID != "" || d.GroupCode != "" || ValidRecipient(ch, d.Recipient) ||
		ch == tnz.Workflow && (tnz.IsPhoneNumber(d.ToNumber) || tnz.IsPhoneNumber(d.MainPhone) || tnz.IsEmailAddress(d.EmailAddress))
}
