package smsparts

import (
	"strings"
	"testing"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

func TestExpand(t *testing.T) {
	link := strings.Repeat("x", AssumedLinkLength)
	cases := []struct {
		message string
		fields  map[string]string
		want    string
	}{
		{"Kia ora [[FirstName]] [[LastName]]", map[string]string{"first_name": "Aroha", "LastName": "Ngata"}, "Kia ora Aroha Ngata"},
		{"Kia ora [[FirstName]]!", nil, "Kia ora !"},
		{"See [[Link:https://example.com/a/very/long/path?x=1]] now", nil, "See " + link + " now"},
		{"Reply [[REPLY]] or [[Reply]], opt out [[STOP]]", nil, "Reply " + link + " or " + link + ", opt out " + link},
		{"Files [[File1]] [[file12]] page [[CustomPage]]", nil, "Files " + link + " " + link + " page " + link},
		{"Fax [[PageNumber]] and [[Unknown]] stay", nil, "Fax [[PageNumber]] and [[Unknown]] stay"},
		{"[[Custom1]] is [[Link:x]]", map[string]string{"custom1": "[[REPLY]]"}, "[[REPLY]] is " + link},
	}
	for _, c := range cases {
		if got := Expand(c.message, c.fields, tnz.Render); got != c.want {
			t.Errorf("Expand(%q, %v) = %q, want %q", c.message, c.fields, got, c.want)
		}
	}
}

func TestAnalyzeMessage(t *testing.T) {
	body := strings.Repeat("a", 140)
	message := "Kia ora [[FirstName]], " + body // 23 characters around the name

	t.Run("no destinations counts empty fields", func(t *testing.T) {
		r := AnalyzeMessage(message, nil, tnz.Render)
		if r.Shortest.Units != 150 || r.Longest.Units != 150 || r.Longest.Parts != 1 {
			t.Errorf("got %d..%d units, %d parts; want 150 units, 1 part", r.Shortest.Units, r.Longest.Units, r.Longest.Parts)
		}
	})

	t.Run("a range over the destinations", func(t *testing.T) {
		r := AnalyzeMessage(message, []map[string]string{
			{"first_name": "Al"},
			{"first_name": "Wiremu Alexander"},
			{"first_name": "Mere"},
		}, tnz.Render)
		if r.Shortest.Units != 152 || r.Shortest.Parts != 1 {
			t.Errorf("shortest: %d units, %d parts; want 152, 1", r.Shortest.Units, r.Shortest.Parts)
		}
		if r.Longest.Units != 166 || r.Longest.Parts != 2 {
			t.Errorf("longest: %d units, %d parts; want 166, 2", r.Longest.Units, r.Longest.Parts)
		}
	})

	t.Run("a macron in one name makes that rendering UCS-2", func(t *testing.T) {
		r := AnalyzeMessage(message, []map[string]string{{"first_name": "Al"}, {"first_name": "Tāne"}}, tnz.Render)
		if r.Longest.Encoding != UCS2 || r.Longest.Parts != 3 || len(r.Longest.UCS2Characters) != 1 || r.Longest.UCS2Characters[0] != "ā" {
			t.Errorf("longest: %s, %d parts, %q; want UCS-2, 3 parts, [ā]", r.Longest.Encoding, r.Longest.Parts, r.Longest.UCS2Characters)
		}
		if r.Shortest.Encoding != GSM7 || r.Shortest.Parts != 1 {
			t.Errorf("shortest: %s, %d parts; want GSM-7, 1", r.Shortest.Encoding, r.Shortest.Parts)
		}
		if r.Longest.Converted.Encoding != GSM7 || r.Longest.Converted.Units != 154 || r.Longest.Converted.Parts != 1 {
			t.Errorf("longest converted: %s, %d units, %d parts; want GSM-7, 154, 1", r.Longest.Converted.Encoding, r.Longest.Converted.Units, r.Longest.Converted.Parts)
		}
	})

	// Equal parts: the larger payload is longer, and the converted range is
	// chosen among converted renderings, not taken from the same destination.
	t.Run("converted counts are ranged on their own", func(t *testing.T) {
		r := AnalyzeMessage(strings.Repeat("a", 100)+"[[FirstName]]", []map[string]string{
			{"first_name": "Ā"},                     // UCS-2, 101 units, 2 parts; converted 101 septets, 1 part
			{"first_name": strings.Repeat("b", 70)}, // GSM-7, 170 septets, 2 parts; converted the same
		}, tnz.Render)
		if r.Longest.Encoding != UCS2 || r.Longest.Units != 101 {
			t.Errorf("longest: %s, %d units; want the UCS-2 rendering (1616 bits against 1190)", r.Longest.Encoding, r.Longest.Units)
		}
		if r.Shortest.Encoding != GSM7 || r.Shortest.Units != 170 {
			t.Errorf("shortest: %s, %d units; want the GSM-7 rendering", r.Shortest.Encoding, r.Shortest.Units)
		}
		if r.Longest.Converted.Units != 170 || r.Longest.Converted.Parts != 2 {
			t.Errorf("longest converted: %d units, %d parts; want 170, 2", r.Longest.Converted.Units, r.Longest.Converted.Parts)
		}
		if r.Shortest.Converted.Units != 101 || r.Shortest.Converted.Parts != 1 {
			t.Errorf("shortest converted: %d units, %d parts; want 101, 1", r.Shortest.Converted.Units, r.Shortest.Converted.Parts)
		}
	})

	t.Run("links count as assumed", func(t *testing.T) {
		r := AnalyzeMessage("Details: [[Link:https://example.com/"+strings.Repeat("p", 300)+"]]", []map[string]string{{}}, tnz.Render)
		if want := len("Details: ") + AssumedLinkLength; r.Longest.Units != want || r.Longest.Parts != 1 {
			t.Errorf("got %d units, %d parts; want %d units, 1 part", r.Longest.Units, r.Longest.Parts, want)
		}
	})
}
