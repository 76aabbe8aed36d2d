package smsparts

// asciiSeptets is the GSM-7 size of each ASCII character: 1 for the default
// alphabet, 2 for the extension table (escape + character), 0 when GSM-7 has
// no such character (control characters other than LF and CR, and `).
var asciiSeptets = func() (t [128]uint8) {
	for r := ' '; r <= '~'; r++ {
		t[r] = 1
	}
	t['\n'], t['\r'] = 1, 1
	t['`'] = 0
	for _, r := range "\f^{}\\[~]|" {
		t[r] = 2
	}
	return t
}()

// septets is the number of GSM-7 septets r takes, or 0 when r is not in
// the GSM 03.38 default alphabet or its extension table.
func septets(r rune) int {
	if r < 128 {
		return int(asciiSeptets[r])
	}
	switch r {
	case '£', '¥', 'è', 'é', 'ù', 'ì', 'ò', 'Ç', 'Ø', 'ø', 'Å', 'å',
		'Δ', 'Φ', 'Γ', 'Λ', 'Ω', 'Π', 'Ψ', 'Σ', 'Θ', 'Ξ', 'Æ', 'æ', 'ß', 'É',
		'¤', '¡', 'Ä', 'Ö', 'Ñ', 'Ü', '§', '¿', 'ä', 'ö', 'ñ', 'ü', 'à':
		return 1
	case '€':
		return 2
	}
	return 0
}
