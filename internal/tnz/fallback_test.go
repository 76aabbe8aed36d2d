package tnz

import "testing"

func TestFallbackModes(t *testing.T) {
	for _, tc := range []struct {
		modes []string
		want  string
	}{
		{nil, ""},
		{[]string{" ", ""}, ""},
		{[]string{"Voice"}, "Voice"},
		{[]string{"WhatsApp"}, "WAPP"},
		{[]string{"whatsapp", "Voice"}, "WAPP, Voice"},
		{[]string{"RCS", "WAPP", " Voice "}, "RCS, WAPP, Voice"},
	} {
		if got := FallbackModes(tc.modes); got != tc.want {
			t.Errorf("FallbackModes(%q) = %q, want %q", tc.modes, got, tc.want)
		}
	}
}
