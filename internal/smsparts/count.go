package smsparts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Encoding is how an SMS is sent.
type Encoding string

const (
	GSM7 Encoding = "GSM-7"
	UCS2 Encoding = "UCS-2"
)

// Part sizes in each encoding's units: one part alone, or each part of a
// concatenated message (the rest carries the concatenation header).
const (
	GSM7SinglePart = 160
	GSM7Part       = 153
	UCS2SinglePart = 70
	UCS2Part       = 67
)

// Count is how one text is sent.
type Count struct {
	Encoding Encoding
	// Units is the length in the encoding's units: septets for GSM-7 (an
	// extension character is two), UTF-16 code units for UCS-2 (a character
	// outside the Basic Multilingual Plane is two).
	Units int
	// Parts is the number of SMS parts TNZ charges for; 0 for an empty text.
	Parts int
	// UCS2Characters are the characters that make the text UCS-2, each once,
	// in order of first appearance; empty for GSM-7. A character is a base
	// with what combines with it (accents, variation selectors, skin tones,
	// zero-width joiners), so ❤️ is one character, not two.
	UCS2Characters []string
}

// Measure counts text exactly as written; tokens such as [[FirstName]] are
// plain characters here (see [AnalyzeMessage]).
func Measure(text string) Count {
	gsm := packer{single: GSM7SinglePart, part: GSM7Part}
	ucs := packer{single: UCS2SinglePart, part: UCS2Part}
	var forcing characters
	// The current character (cluster) starts at start; it forces UCS-2 when
	// one of its runes is outside the GSM alphabet.
	start, forces, loneIndicator, afterJoiner := 0, false, false, false
	for i, r := range text {
		indicator := r >= 0x1F1E6 && r <= 0x1F1FF
		joins := i > 0 && (afterJoiner || extends(r) || (indicator && loneIndicator))
		if !joins {
			if forces {
				forcing.add(text[start:i])
			}
			start, forces = i, false
		}
		loneIndicator = indicator && !joins
		afterJoiner = r == '\u200D'

		if s := septets(r); s > 0 {
			gsm.add(s)
		} else {
			forces = true
		}
		if r > 0xFFFF {
			ucs.add(2) // a surrogate pair
		} else {
			ucs.add(1)
		}
	}
	if forces {
		forcing.add(text[start:])
	}
	if len(forcing.list) > 0 {
		return Count{Encoding: UCS2, Units: ucs.units, Parts: ucs.parts(), UCS2Characters: forcing.list}
	}
	return Count{Encoding: GSM7, Units: gsm.units, Parts: gsm.parts()}
}

// packer fills parts in order, never splitting one character's units.
type packer struct {
	single, part        int
	units, packed, fill int
}

func (p *packer) add(n int) {
	p.units += n
	if p.packed == 0 || p.fill+n > p.part {
		p.packed++
		p.fill = 0
	}
	p.fill += n
}

func (p *packer) parts() int {
	switch {
	case p.units == 0:
		return 0
	case p.units <= p.single:
		return 1
	}
	return p.packed
}

// extends reports whether r belongs to the character before it: combining
// marks, variation selectors, emoji skin tones, tag characters, and a
// zero-width joiner (which also joins the character after it).
func extends(r rune) bool {
	switch {
	case r < 0x300:
		return false
	case r == '\u200D', r >= 0xFE00 && r <= 0xFE0F, r >= 0x1F3FB && r <= 0x1F3FF,
		r >= 0xE0020 && r <= 0xE007F, r >= 0xE0100 && r <= 0xE01EF:
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me)
}

// characters collects distinct characters in order of first appearance.
type characters struct {
	list []string
	seen map[string]bool
}

func (c *characters) add(s string) {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, string(utf8.RuneError))
	}
	if c.seen[s] {
		return
	}
	if c.seen == nil {
		c.seen = map[string]bool{}
	}
	c.seen[s] = true
	c.list = append(c.list, s)
}
