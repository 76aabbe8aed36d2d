package smsparts

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// Run longer with: go test ./internal/smsparts -run '^$' -fuzz FuzzMeasure -fuzztime 60s
func FuzzMeasure(f *testing.F) {
	for _, seed := range [][2]string{
		{"", ""},
		{strings.Repeat("a", 152), "€" + strings.Repeat("a", 152)},
		{"ā" + strings.Repeat("a", 65), "😀" + strings.Repeat("a", 66)},
		{"I ❤️ NZ 🇳🇿", "👩‍👩‍👧 cafe\u0301"},
		{"© “Tāmaki” – …", "\t\u00A0`"},
		{strings.Repeat("€", 80), "x"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, text, suffix string) {
		if !utf8.ValidString(text) || !utf8.ValidString(suffix) {
			t.Skip("Terraform strings are valid UTF-8")
		}
		c := Measure(text)
		checkCount(t, text, c)

		if longer := Measure(text + suffix); longer.Parts < c.Parts {
			t.Fatalf("appending %q went from %d parts to %d", suffix, c.Parts, longer.Parts)
		}

		converted := Convert(text)
		if Convert(converted) != converted {
			t.Fatalf("Convert is not idempotent on %q", text)
		}
		a := Analyze(text)
		if a.Count.Encoding != c.Encoding || a.Units != c.Units || a.Parts != c.Parts {
			t.Fatalf("Analyze and Measure disagree on %q", text)
		}
		if a.Converted.Encoding != GSM7 {
			t.Fatalf("converted %q is %s", converted, a.Converted.Encoding)
		}
		checkCount(t, converted, a.Converted)
	})
}

// checkCount checks c against text independently of how Measure counts.
func checkCount(t *testing.T, text string, c Count) {
	t.Helper()
	allGSM, septetSum := true, 0
	for _, r := range text {
		s := septets(r)
		allGSM = allGSM && s > 0
		septetSum += s
	}
	single, part := GSM7SinglePart, GSM7Part
	switch c.Encoding {
	case GSM7:
		if !allGSM || c.Units != septetSum || len(c.UCS2Characters) != 0 {
			t.Fatalf("%q: GSM-7 with %d units and %q; all GSM = %v, %d septets", text, c.Units, c.UCS2Characters, allGSM, septetSum)
		}
	case UCS2:
		if allGSM || c.Units != len(utf16.Encode([]rune(text))) || len(c.UCS2Characters) == 0 {
			t.Fatalf("%q: UCS-2 with %d units and %q", text, c.Units, c.UCS2Characters)
		}
		for i, ch := range c.UCS2Characters {
			if !strings.Contains(text, ch) || slices.Index(c.UCS2Characters, ch) != i || !strings.ContainsFunc(ch, func(r rune) bool { return septets(r) == 0 }) {
				t.Fatalf("%q: UCS-2 character %q is not in the text, repeated, or all GSM", text, ch)
			}
		}
		single, part = UCS2SinglePart, UCS2Part
	default:
		t.Fatalf("%q: encoding %q", text, c.Encoding)
	}
	switch {
	case text == "":
		if c.Parts != 0 {
			t.Fatalf("empty text has %d parts", c.Parts)
		}
	case c.Units <= single:
		if c.Parts != 1 {
			t.Fatalf("%q: %d units in %d parts", text, c.Units, c.Parts)
		}
	default:
		// A part loses at most one unit to a character that does not fit.
		least, most := ceil(c.Units, part), ceil(c.Units, part-1)
		if c.Parts < least || c.Parts > most {
			t.Fatalf("%q: %d units in %d parts, want %d to %d", text, c.Units, c.Parts, least, most)
		}
	}
}

func ceil(a, b int) int { return (a + b - 1) / b }
