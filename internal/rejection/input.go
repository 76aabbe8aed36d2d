package rejection

import (
	"strings"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// Input is a message as far as it is known at plan time. Values that are
// unknown are left empty in Message and their paths are listed in Unknown, so
// that checks skip them instead of guessing.
type Input struct {
	Message tnz.Message
	Unknown Unknowns
}

// Credentials are the provider's credentials as far as they are known.
type Credentials struct {
	AuthToken string
	Sender    string
	APIKey    string
	Unknown   Unknowns
}

// Unknowns is a set of attribute paths whose values are unknown.
type Unknowns map[string]struct{}

// Add marks path unknown.
func (u Unknowns) Add(path string) { u[path] = struct{}{} }

// Is reports whether the value at path is unknown: it or a parent is.
func (u Unknowns) Is(path string) bool {
	for p := path; p != ""; p = parent(p) {
		if _, ok := u[p]; ok {
			return true
		}
	}
	return false
}

// Within reports whether anything at or below path is unknown.
func (u Unknowns) Within(path string) bool {
	if u.Is(path) {
		return true
	}
	for p := range u {
		if strings.HasPrefix(p, path+".") || strings.HasPrefix(p, path+"[") {
			return true
		}
	}
	return false
}

// parent drops the last step of a path: "files[0].name" → "files[0]" → "files" → "".
func parent(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}

// attachments is implemented by messages of channels that carry files.
type attachments interface{ Attachments() []tnz.File }
