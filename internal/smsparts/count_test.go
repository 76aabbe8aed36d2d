package smsparts

import (
	"slices"
	"strings"
	"testing"
)

func TestMeasure(t *testing.T) {
	a := func(n int) string { return strings.Repeat("a", n) }
	cases := []struct {
		name  string
		text  string
		enc   Encoding
		units int
		parts int
		ucs2  []string
	}{
		{"empty", "", GSM7, 0, 0, nil},
		{"one character", "a", GSM7, 1, 1, nil},

		// GSM-7 boundaries, as in TNZ's table of characters per part.
		{"GSM-7 160 is one part", a(160), GSM7, 160, 1, nil},
		{"GSM-7 161 is two parts", a(161), GSM7, 161, 2, nil},
		{"GSM-7 306 is two parts", a(306), GSM7, 306, 2, nil},
		{"GSM-7 307 is three parts", a(307), GSM7, 307, 3, nil},
		{"GSM-7 459 is three parts", a(459), GSM7, 459, 3, nil},
		{"GSM-7 460 is four parts", a(460), GSM7, 460, 4, nil},
		{"GSM-7 1377 is nine parts", a(1377), GSM7, 1377, 9, nil},

		// Extension characters are two septets.
		{"every extension character is two septets", "€[]{}^~\\|\f", GSM7, 20, 1, nil},
		{"a euro ending at septet 160 stays one part", a(158) + "€", GSM7, 160, 1, nil},
		{"a euro at character 160 makes two parts", a(159) + "€", GSM7, 161, 2, nil},
		{"an escape pair filling part one exactly", a(151) + "€" + a(153), GSM7, 306, 2, nil},
		{"an escape pair straddling 153 moves to part two", a(152) + "€" + a(152), GSM7, 306, 3, nil},
		{"GSM alphabet letters beyond ASCII", "é è à ñ Ø ß Δ £ ¿ §", GSM7, 19, 1, nil},
		{"line breaks", "a\r\nb\n", GSM7, 5, 1, nil},

		// UCS-2 boundaries: one macron makes the whole text UCS-2.
		{"UCS-2 70 is one part", "ā" + a(69), UCS2, 70, 1, []string{"ā"}},
		{"UCS-2 71 is two parts", "ā" + a(70), UCS2, 71, 2, []string{"ā"}},
		{"UCS-2 134 is two parts", "ā" + a(133), UCS2, 134, 2, []string{"ā"}},
		{"UCS-2 135 is three parts", "ā" + a(134), UCS2, 135, 3, []string{"ā"}},
		{"extension characters are one unit in UCS-2", "ā€[", UCS2, 3, 1, []string{"ā"}},

		// Surrogate pairs: two units, never split.
		{"an emoji is two units", "😀", UCS2, 2, 1, []string{"😀"}},
		{"35 emoji fill one part", strings.Repeat("😀", 35), UCS2, 70, 1, []string{"😀"}},
		{"36 emoji are two parts", strings.Repeat("😀", 36), UCS2, 72, 2, []string{"😀"}},
		{"an emoji filling part one exactly", "ā" + a(64) + "😀" + a(67), UCS2, 134, 2, []string{"ā", "😀"}},
		{"an emoji straddling 67 moves to part two", "ā" + a(65) + "😀" + a(66), UCS2, 134, 3, []string{"ā", "😀"}},

		// The characters that force UCS-2.
		{"distinct, in order of first appearance", "Kia ora ā, “ē” ā 😀 “", UCS2, 21, 1, []string{"ā", "“", "ē", "”", "😀"}},
		{"an emoji with a variation selector is one character", "I ❤️ NZ", UCS2, 7, 1, []string{"❤️"}},
		{"a flag is one character", "Go 🇳🇿!", UCS2, 8, 1, []string{"🇳🇿"}},
		{"two flags are two characters", "🇳🇿🇦🇺", UCS2, 8, 1, []string{"🇳🇿", "🇦🇺"}},
		{"a joined emoji sequence is one character", "👩‍👩‍👧 hi", UCS2, 11, 1, []string{"👩‍👩‍👧"}},
		{"a skin tone stays with its emoji", "👍🏽", UCS2, 4, 1, []string{"👍🏽"}},
		{"a combining accent stays with its letter", "cafe\u0301", UCS2, 5, 1, []string{"e\u0301"}},
		{"a keycap stays with its digit", "1\uFE0F\u20E3", UCS2, 3, 1, []string{"1\uFE0F\u20E3"}},
		{"a backtick is not GSM", "run `make`", UCS2, 10, 1, []string{"`"}},
		{"a tab is not GSM", "a\tb", UCS2, 3, 1, []string{"\t"}},
		{"other scripts", "是的", UCS2, 2, 1, []string{"是", "的"}},
		{"invalid UTF-8 is reported as U+FFFD", "a\xffb", UCS2, 3, 1, []string{"\uFFFD"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Measure(c.text)
			if got.Encoding != c.enc || got.Units != c.units || got.Parts != c.parts || !slices.Equal(got.UCS2Characters, c.ucs2) {
				t.Errorf("Measure(%q) = %s, %d units, %d parts, %q; want %s, %d units, %d parts, %q",
					c.text, got.Encoding, got.Units, got.Parts, got.UCS2Characters, c.enc, c.units, c.parts, c.ucs2)
			}
		})
	}
}

// TNZ's help page: characters per part in GSM-7, up to nine parts.
func TestMeasureGSM7Table(t *testing.T) {
	for parts := 2; parts <= 9; parts++ {
		most := parts * GSM7Part
		if got := Measure(strings.Repeat("x", most)).Parts; got != parts {
			t.Errorf("%d characters: %d parts, want %d", most, got, parts)
		}
		if got := Measure(strings.Repeat("x", most+1)).Parts; got != parts+1 {
			t.Errorf("%d characters: %d parts, want %d", most+1, got, parts+1)
		}
	}
}
