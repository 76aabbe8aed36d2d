package tnz

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

func TestHeaderLineBreak(t *testing.T) {
	for value, want := range map[string]int{
		"Your appointment":                   -1,
		"":                                   -1,
		"Hi\r\nBcc: someone@example.com":     2,
		"ops@example.com\nBcc: x@y.nz":       15,
		"Tab\tand unicode line\u2028is fine": -1,
		"\r":                                 0,
	} {
		if got := HeaderLineBreak(value); got != want {
			t.Errorf("HeaderLineBreak(%q) = %d, want %d", value, got, want)
		}
	}
}

func TestHeaderLineBreaks(t *testing.T) {
	m := fullEmail()
	if got := HeaderLineBreaks(m); got != nil {
		t.Errorf("a clean e-mail: %q", got)
	}
	m.EmailSubject = "Hi\r\nBcc: someone@example.com"
	m.From, m.FromEmail, m.SMTPFrom = "Ops\n", "a@example.com\r", "b@example.com\n"
	m.ReplyTo, m.CCEmail, m.BCCEmail = "c@example.com\n", "\nd@example.com", "e@example.com\r\n"
	m.MessagePlain = "Body lines\r\nare fine"
	want := []string{"EmailSubject", "From", "FromEmail", "SMTPFrom", "ReplyTo", "CCEmail", "BCCEmail"}
	if got := HeaderLineBreaks(m); !slices.Equal(got, want) {
		t.Errorf("HeaderLineBreaks = %q, want %q", got, want)
	}
}

func TestRecipientKey(t *testing.T) {
	for _, tc := range []struct {
		ch       Channel
		in, want string
	}{
		{SMS, "021 123 4567", "+64211234567"},
		{SMS, "+64 21 123 4567", "+64211234567"},
		{SMS, "+64211234567", "+64211234567"},
		{SMS, "0064-21-123-4567", "+64211234567"},
		{SMS, "+64 (0)21 123 4567", "+64211234567"},
		{SMS, "(021) 123.4567", "+64211234567"},
		{SMS, "64211234567", "+64211234567"},
		{Fax, "09 500 6000", "+6495006000"},
		{TTS, "+61 412 345 678", "+61412345678"},
		{Voice, " +6495005000 ", "+6495005000"},
		{SMS, "not a number", "not a number"},
		{SMS, "021 CALL ME", "021 call me"},
		{Email, " John.Doe@Example.COM ", "john.doe@example.com"},
	} {
		if got := RecipientKey(tc.ch, tc.in); got != tc.want {
			t.Errorf("RecipientKey(%s, %q) = %q, want %q", tc.ch, tc.in, got, tc.want)
		}
	}
}

func TestDuplicateRecipients(t *testing.T) {
	got := DuplicateRecipients(SMS, []string{"021 123 4567", "+6421000001", "", "+64211234567", "0064 21 000 001", "021-123-4567", "  "})
	want := []Duplicate{{"+64211234567", []int{0, 3, 5}}, {"+6421000001", []int{1, 4}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("SMS duplicates = %+v, want %+v", got, want)
	}
	got = DuplicateRecipients(Email, []string{"ops@example.com", "Ops@Example.com", "team@example.com"})
	if want := []Duplicate{{"ops@example.com", []int{0, 1}}}; !reflect.DeepEqual(got, want) {
		t.Errorf("e-mail duplicates = %+v, want %+v", got, want)
	}
	if got := DuplicateRecipients(TTS, []string{"+6495005000", "+6495005001", "", ""}); got != nil {
		t.Errorf("no duplicates: %+v", got)
	}
}

func TestIsEmailAddress(t *testing.T) {
	for s, want := range map[string]bool{
		"ops@example.com":                true,
		" John.Doe+tnz@example.co.nz ":   true,
		"o'brien@example.com":            true,
		"kaiwhakahaere@māori.nz":         true,
		"a@b.co":                         true,
		"not an e-mail":                  false,
		"":                               false,
		"ops@localhost":                  false,
		"ops@@example.com":               false,
		"@example.com":                   false,
		"ops@":                           false,
		"ops@.example.com":               false,
		"ops@example..com":               false,
		"ops@-example.com":               false,
		".ops@example.com":               false,
		"o..ps@example.com":              false,
		"o ps@example.com":               false,
		"Ops <ops@example.com>":          false,
		"a@example.com,b@example.com":    false,
		"a@example.com;b@example.com":    false,
		"ops@example.com\r\nBcc: x@y.nz": false,
		"\"ops\"@example.com":            false,
		"ops@exa mple.com":               false,
		"ops@example_host.com":           false,
	} {
		if got := IsPlainEmailAddress(s); got != want {
			t.Errorf("IsPlainEmailAddress(%q) = %v, want %v", s, got, want)
		}
	}
}

// What IsPlainEmailAddress accepts also passes the e-mail format check the
// OpenAPI conformance tests apply to ReportTo and the e-mail fields.
func FuzzIsEmailAddress(f *testing.F) {
	for _, s := range []string{"ops@example.com", "a@b", "x y@z.nz", "a@b.c\n", "ā@ā.nz"} {
		f.Add(s)
	}
	format := regexp.MustCompile(openapi3.FormatOfStringForEmail)
	f.Fuzz(func(t *testing.T, s string) {
		if !IsPlainEmailAddress(s) {
			return
		}
		// It is sent without the surrounding space it ignores.
		if sent := strings.TrimSpace(s); !format.MatchString(sent) || HeaderLineBreak(sent) >= 0 {
			t.Fatalf("IsPlainEmailAddress(%q) is true but the OpenAPI e-mail format refuses it, or it holds a line break", s)
		}
	})
}
