package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestSameValue(t *testing.T) {
	for _, tc := range []struct {
		kind fieldKind
		a, b string
		want bool
	}{
		{phoneText, "021 000 001", "+6421000001", true},
		{phoneText, "+64 21 000 001", "0064-21-000-001", true},
		{phoneText, "+6421000001", "+6421000002", false},
		{phoneText, "", "", true},
		{phoneText, "", "+6421000001", false},
		{caselessText, "Aroha@Example.com", " aroha@example.com", true},
		{caselessText, "a@example.com", "b@example.com", false},
		{plainText, "Aroha", "aroha", false},
		{plainText, "Aroha", "Aroha", true},
	} {
		if got := sameValue(tc.kind, tc.a, tc.b); got != tc.want {
			t.Errorf("sameValue(%d, %q, %q) = %v, want %v", tc.kind, tc.a, tc.b, got, tc.want)
		}
	}
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"a@example.com", "A@EXAMPLE.COM", true},
		{"a@example.com", "b@example.com", false},
		{"+6421000001", "021000001", true},
		{"+6421000001", "a@example.com", false},
	} {
		if got := sameDestination(tc.a, tc.b); got != tc.want {
			t.Errorf("sameDestination(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// TNZ's value replaces the prior one unless it is the same value written
// another way; empty is null.
func TestReadValue(t *testing.T) {
	for _, tc := range []struct {
		prior types.String
		got   string
		want  types.String
	}{
		{types.StringValue("021 000 001"), "+6421000001", types.StringValue("021 000 001")},
		{types.StringValue("021 000 001"), "+6421000009", types.StringValue("+6421000009")},
		{types.StringNull(), "+6421000001", types.StringValue("+6421000001")},
		{types.StringUnknown(), "", types.StringNull()},
		{types.StringValue("+6421000001"), "", types.StringNull()},
	} {
		if got := readValue(phoneText, tc.prior, tc.got); !got.Equal(tc.want) {
			t.Errorf("readValue(%v, %q) = %v, want %v", tc.prior, tc.got, got, tc.want)
		}
	}
}

func TestIDPair(t *testing.T) {
	for _, tc := range []struct {
		id     string
		a, b   string
		wantOK bool
	}{
		{"g/c", "g", "c", true},
		{" g / c ", "g", "c", true},
		{"g", "", "", false},
		{"g/", "", "", false},
		{"/c", "", "", false},
		{"g/c/d", "", "", false},
	} {
		a, b, ok := idPair(tc.id)
		if ok != tc.wantOK || ok && (a != tc.a || b != tc.b) {
			t.Errorf("idPair(%q) = %q, %q, %v", tc.id, a, b, ok)
		}
	}
}
