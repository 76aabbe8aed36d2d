package sandbox

import "strings"

// phoneDigits removes the separators people write in phone numbers (spaces,
// dashes, dots, parentheses) and reports the digits, whether a leading + was
// present, and whether the rest is a plausible number: 7–15 digits. It is
// deliberately loose: the real server reads local forms such as
// "021 123 4567" and "021-000001" (TNZ's OpenAPI file: examples), so the sandbox must too.
func phoneDigits(s string) (digits string, plus, ok bool) {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch r {
		case ' ', '-', '.', '(', ')':
			continue
		}
		b.WriteRune(r)
	}
	digits = b.String()
	if rest, found := strings.CutPrefix(digits, "+"); found {
		digits, plus = rest, true
	}
	if len(digits) < 7 || len(digits) > 15 {
		return digits, plus, false
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return digits, plus, false
		}
	}
	return digits, plus, true
}

// e164 returns s as the E.164 number responses show, or false if s is not a
// phone number. The account's "Origin Code" is taken to be New Zealand, so a
// local number with a leading 0 becomes +64…; a 00 international prefix
// becomes +; digits without any prefix are taken as already international.
func e164(s string) (string, bool) {
	d, plus, ok := phoneDigits(s)
	switch {
	case !ok:
		return "", false
	case plus:
		return "+" + d, true
	case strings.HasPrefix(d, "00"):
		return "+" + d[2:], true
	case strings.HasPrefix(d, "0"):
		return "+64" + d[1:], true
	}
	return "+" + d, true
}
