package smsparts

import "strings"

// conversions are the GSM equivalents this package knows for characters
// outside the GSM alphabet (see the package documentation). An empty value
// removes the character.
var conversions = func() map[rune]string {
	m := map[rune]string{
		'©': "(C)", '®': "(R)", '™': "TM", '…': "...", '•': "*", '×': "x",
	}
	groups := []struct {
		to   string
		from string
	}{
		{"'", "‘’‚‛′`"},
		{`"`, "“”„‟″«»"},
		{"-", "‐‑‒–—―−"},
		{" ", "\t\u00A0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000"},
		{"", "\u200B\u200C\u200D\u2060\uFEFF\u00AD\uFE0E\uFE0F"},
		{"a", "āáâã"}, {"A", "ĀÁÀÂÃ"},
		{"e", "ēêë"}, {"E", "ĒÈÊË"},
		{"i", "īíîï"}, {"I", "ĪÍÌÎÏ"},
		{"o", "ōóôõ"}, {"O", "ŌÓÒÔÕ"},
		{"u", "ūúû"}, {"U", "ŪÚÙÛ"},
		{"y", "ýÿ"}, {"Y", "ÝŸ"},
		{"c", "ç"},
	}
	for _, g := range groups {
		for _, r := range g.from {
			m[r] = g.to
		}
	}
	return m
}()

// Convert approximates TNZ's CharacterConversion: characters of the GSM
// alphabet stay, the others become their GSM equivalent from the table in
// the package documentation or are removed. The result is always GSM-7.
func Convert(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	for _, r := range text {
		if septets(r) > 0 {
			b.WriteRune(r)
		} else {
			b.WriteString(conversions[r])
		}
	}
	return b.String()
}

// Analysis is a text's count as written and with character_conversion.
type Analysis struct {
	Count
	// Converted counts the text as [Convert] changes it; it is always GSM-7.
	Converted Count
}

// Analyze counts text as written and as TNZ's CharacterConversion would send
// it.
func Analyze(text string) Analysis {
	a := Analysis{Count: Measure(text)}
	if a.Encoding == GSM7 {
		a.Converted = a.Count // conversion leaves GSM-7 characters alone
	} else {
		a.Converted = Measure(Convert(text))
	}
	return a
}
