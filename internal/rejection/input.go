package rejection

import (
	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// Input is a message as far as it is known at plan time. Values that are
// unknown are left empty in Message and their paths are in Unknown, so that
// checks skip them instead of guessing.
type Input struct {
	Message tnz.Message
	Unknown Unknowns
}

// attachments is implemented by messages of channels that carry files.
type attachments interface{ Attachments() []tnz.File }
