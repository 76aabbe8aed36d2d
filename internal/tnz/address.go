package tnz

import (
	"strings"
	"unicode"
)

// Checks the provider makes at plan on what TNZ would send as written:
// e-mail header values, repeated recipients, e-mail address syntax.

// HeaderLineBreak is the byte offset of the first CR or LF in value, an
// e-mail header value (subject, sender name or address, reply-to, copy
// addresses), or -1. A line break there ends the header and lets the rest
// of the value add headers of its own ("Hi\r\nBcc: someone@example.com"):
// header injection.
func HeaderLineBreak(value string) int {
	return strings.IndexAny(value, "\r\n")
}

// HeaderLineBreaks lists the header fields of m (by API field name, in
// the order of EmailMessage) whose values hold a line break.
func HeaderLineBreaks(m *EmailMessage) []string {
	var out []string
	for _, f := range []struct{ name, value string }{
		{"EmailSubject", m.EmailSubject}, {"From", m.From}, {"FromEmail", m.FromEmail}, {"SMTPFrom", m.SMTPFrom},
		{"ReplyTo", m.ReplyTo}, {"CCEmail", m.CCEmail}, {"BCCEmail", m.BCCEmail},
	} {
		if HeaderLineBreak(f.value) >= 0 {
			out = append(out, f.name)
		}
	}
	return out
}

// RecipientKey is recipient as ch's duplicate check compares it. E-mail
// addresses compare without surrounding space and case: the domain is
// case-insensitive by definition, and the mailbox part is in practice
// (a warning should rather catch John@ and john@ than miss them). Phone
// numbers compare as E.164: spaces, dashes, dots, parentheses and a
// "(0)" trunk prefix are dropped, "00" becomes "+", a local number with a
// leading 0 is taken as New Zealand's (+64), as TNZ reads local numbers
// for a New Zealand account, and bare digits get a "+". Anything else that
// is not digits compares as written, without case.
func RecipientKey(ch Channel, recipient string) string {
	r := strings.TrimSpace(recipient)
	if ch == Email {
		return strings.ToLower(r)
	}
	digits := strings.NewReplacer("(0)", "", " ", "", "-", "", ".", "", "(", "", ")", "", "\t", "").Replace(r)
	plus := strings.HasPrefix(digits, "+")
	digits = strings.TrimPrefix(digits, "+")
	if digits == "" || strings.IndexFunc(digits, func(c rune) bool { return c < '0' || c > '9' }) >= 0 {
		return strings.ToLower(r)
	}
	switch {
	case plus:
	case strings.HasPrefix(digits, "00"):
		digits = digits[2:]
	case strings.HasPrefix(digits, "0"):
		digits = "64" + digits[1:]
	}
	return "+" + digits
}

// Duplicate is one recipient given more than once.
type Duplicate struct {
	// Key is the recipient as compared (RecipientKey).
	Key string
	// Indexes are the 0-based positions it was given at, ascending; at
	// least two.
	Indexes []int
}

// DuplicateRecipients returns the recipients of ch that recipients lists
// more than once (compared by RecipientKey), in the order each first
// appears. Blank entries are not compared.
func DuplicateRecipients(ch Channel, recipients []string) []Duplicate {
	firstAt := map[string]int{}   // key -> where it was first given
	duplicate := map[string]int{} // key -> its entry in out
	var out []Duplicate
	for i, r := range recipients {
		if strings.TrimSpace(r) == "" {
			continue
		}
		k := RecipientKey(ch, r)
		first, seen := firstAt[k]
		if !seen {
			firstAt[k] = i
			continue
		}
		if d, ok := duplicate[k]; ok {
			out[d].Indexes = append(out[d].Indexes, i)
			continue
		}
		duplicate[k] = len(out)
		out = append(out, Duplicate{Key: k, Indexes: []int{first, i}})
	}
	return out
}

// IsPlainEmailAddress reports whether s (surrounding space ignored) is a plain
// e-mail address, mailbox@domain, of the common form: a mailbox of up to 64
// characters without spaces, controls, quotes or any of ()<>[]\,;:@ and
// without leading, trailing or doubled dots; a domain name of two or more
// dot-separated labels of letters (any script), digits and inner hyphens;
// 254 characters in all. Display names ("Ops <ops@example.com>"), lists and
// quoted mailboxes are not plain addresses. It is stricter than
// IsEmailAddress, which refuses only what TNZ would, so it suits warnings
// (such as a report_to that does not look like an address), not refusals.
func IsPlainEmailAddress(s string) bool {
	s = strings.TrimSpace(s)
	mailbox, domain, ok := strings.Cut(s, "@")
	if !ok || len(s) > 254 || !validMailbox(mailbox) {
		return false
	}
	labels := strings.Split(domain, ".")
	if len(labels) < 2 || len(domain) > 253 {
		return false
	}
	for _, l := range labels {
		if !validLabel(l) {
			return false
		}
	}
	return true
}

func validMailbox(m string) bool {
	if m == "" || len(m) > 64 || strings.HasPrefix(m, ".") || strings.HasSuffix(m, ".") || strings.Contains(m, "..") {
		return false
	}
	return strings.IndexFunc(m, func(c rune) bool {
		return unicode.IsSpace(c) || unicode.IsControl(c) || strings.ContainsRune(`()<>[]\,;:@"`, c) || c == unicode.ReplacementChar
	}) < 0
}

func validLabel(l string) bool {
	if l == "" || len(l) > 63 || strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") {
		return false
	}
	return strings.IndexFunc(l, func(c rune) bool {
		return !(unicode.IsLetter(c) || unicode.IsDigit(c) || c == '-')
	}) < 0
}
