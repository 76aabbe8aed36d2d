package smsparts

import (
	"strings"
	"testing"
)

func TestConvert(t *testing.T) {
	cases := []struct{ text, want string }{
		{"© 2025 TNZ® Messaging™", "(C) 2025 TNZ(R) MessagingTM"},
		{"“Kia ora” – it’s ‘done’…", `"Kia ora" - it's 'done'...`},
		{"Māori: Tāmaki Makaurau, Ōtautahi, Whanganui-ā-Tara, ēīū", "Maori: Tamaki Makaurau, Otautahi, Whanganui-a-Tara, eiu"},
		{"en – em — minus − hyphen ‐", "en - em - minus - hyphen -"},
		{"no-break\u00A0space,\tthin\u2009space", "no-break space, thin space"},
		{"zero\u200Bwidth\uFEFF soft\u00ADhyphen", "zerowidth softhyphen"},
		{"Launch 🚀 now ❤️ 👩‍👩‍👧!", "Launch  now  !"},
		{"中文 text", " text"},
		{"café déjà vu, naïve façade, São Paulo", "café déjà vu, naive facade, Sao Paulo"},
		{"« guillemets » `code` • 2×3", `" guillemets " 'code' * 2x3`},
		{"GSM stays: é à ñ Ø ß Δ € [x] {y} ^~|\\", "GSM stays: é à ñ Ø ß Δ € [x] {y} ^~|\\"},
		{"", ""},
	}
	for _, c := range cases {
		if got := Convert(c.text); got != c.want {
			t.Errorf("Convert(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// The table maps characters outside the GSM alphabet to GSM text, so that a
// converted text is GSM-7 and GSM-7 text is never changed.
func TestConversionTable(t *testing.T) {
	for from, to := range conversions {
		if septets(from) != 0 {
			t.Errorf("%q is in the GSM alphabet but has a conversion", from)
		}
		for _, r := range to {
			if septets(r) == 0 {
				t.Errorf("%q converts to %q, which is not GSM", from, to)
			}
		}
	}
}

func TestAnalyze(t *testing.T) {
	cases := []struct {
		name            string
		text            string
		enc             Encoding
		parts           int
		ucs2            int
		convertedUnits  int
		convertedParts  int
		convertedStayed bool // Converted is the same count as written
	}{
		// One macron turns 100 characters into two UCS-2 parts; converted
		// they fit one GSM-7 part.
		{"a macron", "Kia ora koutou, the Tāmaki Makaurau release is live. Check the dashboard and reply STOP to opt out.", UCS2, 2, 1, 99, 1, false},
		{"an emoji is dropped", strings.Repeat("a", 69) + "🚀", UCS2, 2, 1, 69, 1, false},
		{"© grows to (C)", strings.Repeat("a", 158) + "©", UCS2, 3, 1, 161, 2, false},
		{"GSM-7 is unchanged", strings.Repeat("€", 81), GSM7, 2, 0, 162, 2, true},
		{"empty", "", GSM7, 0, 0, 0, 0, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Analyze(c.text)
			if got.Count.Encoding != c.enc || got.Parts != c.parts || len(got.UCS2Characters) != c.ucs2 {
				t.Errorf("as written: %s, %d parts, %q; want %s, %d parts, %d characters", got.Encoding, got.Parts, got.UCS2Characters, c.enc, c.parts, c.ucs2)
			}
			cv := got.Converted
			if cv.Encoding != GSM7 || cv.Units != c.convertedUnits || cv.Parts != c.convertedParts || len(cv.UCS2Characters) != 0 {
				t.Errorf("converted: %s, %d units, %d parts, %q; want GSM-7, %d units, %d parts", cv.Encoding, cv.Units, cv.Parts, cv.UCS2Characters, c.convertedUnits, c.convertedParts)
			}
			if stayed := cv.Units == got.Units && cv.Encoding == got.Count.Encoding; stayed != c.convertedStayed {
				t.Errorf("converted count unchanged = %v, want %v", stayed, c.convertedStayed)
			}
			if want := Measure(Convert(c.text)); cv.Units != want.Units || cv.Parts != want.Parts {
				t.Errorf("Converted = %d units, %d parts; Measure(Convert(text)) = %d, %d", cv.Units, cv.Parts, want.Units, want.Parts)
			}
		})
	}
}
