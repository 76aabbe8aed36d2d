package tnz

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestCheckTimezone(t *testing.T) {
	for _, tc := range []struct {
		value string
		kind  TimezoneKind
		name  string
	}{
		// TNZ's documented names.
		{"New Zealand", TimezoneTNZ, "New Zealand"},
		{"AUS Eastern", TimezoneTNZ, "AUS Eastern"},
		{"E. Australia", TimezoneTNZ, "E. Australia"},
		{"W. Australia", TimezoneTNZ, "W. Australia"},
		{"Cen. Australia", TimezoneTNZ, "Cen. Australia"},
		{"Central Pacific", TimezoneTNZ, "Central Pacific"},
		// Names by the same rule, and the names without a suffix.
		{"Tokyo", TimezoneTNZ, "Tokyo"},
		{"UTC", TimezoneTNZ, "UTC"},
		{"UTC+12", TimezoneTNZ, "UTC+12"},
		{"Eastern (Mexico)", TimezoneTNZ, "Eastern (Mexico)"},
		{"GMT", TimezoneTNZ, "GMT"}, // Windows' GMT Standard Time is London's time, with summer time
		// Other spellings.
		{"new zealand", TimezoneRespelled, "New Zealand"},
		{"  New   Zealand ", TimezoneRespelled, "New Zealand"},
		{"New Zealand Standard Time", TimezoneRespelled, "New Zealand"},
		{"aus eastern standard time", TimezoneRespelled, "AUS Eastern"},
		{"utc", TimezoneRespelled, "UTC"},
		// IANA names and abbreviations.
		{"Pacific/Auckland", TimezoneIANA, "New Zealand"},
		{"pacific/auckland", TimezoneIANA, "New Zealand"},
		{"NZ", TimezoneIANA, "New Zealand"},
		{"NZDT", TimezoneIANA, "New Zealand"},
		{"Pacific/Chatham", TimezoneIANA, "Chatham Islands"},
		{"Australia/Sydney", TimezoneIANA, "AUS Eastern"},
		{"Australia/Melbourne", TimezoneIANA, "AUS Eastern"},
		{"Australia/Brisbane", TimezoneIANA, "E. Australia"},
		{"Australia/Perth", TimezoneIANA, "W. Australia"},
		{"Australia/Adelaide", TimezoneIANA, "Cen. Australia"},
		{"Australia/Darwin", TimezoneIANA, "AUS Central"},
		{"Australia/Hobart", TimezoneIANA, "Tasmania"},
		{"Etc/UTC", TimezoneIANA, "UTC"},
		{"Zulu", TimezoneIANA, "UTC"},
		{"Europe/London", TimezoneIANA, "GMT"},
		{"Asia/Calcutta", TimezoneIANA, "India"},
		// By rules: no table entry, the same offsets all year.
		{"Asia/Kolkata", TimezoneIANA, "India"},
		{"America/Toronto", TimezoneIANA, "Eastern"},
		{"Europe/Amsterdam", TimezoneIANA, "W. Europe"},
		{"Pacific/Efate", TimezoneIANA, "Central Pacific"},
		{"Etc/GMT-12", TimezoneIANA, "UTC+12"},
		// Not zones.
		{"", TimezoneUnknown, ""},
		{"Local", TimezoneUnknown, ""},
		{"Auckland", TimezoneUnknown, ""},
		{"New Zeeland", TimezoneUnknown, ""},
		{"../etc/passwd", TimezoneUnknown, ""},
	} {
		got := CheckTimezone(tc.value)
		if got.Kind != tc.kind || got.Name != tc.name {
			t.Errorf("CheckTimezone(%q) = %+v, want kind %d name %q", tc.value, got, tc.kind, tc.name)
		}
		if (got.Kind == TimezoneUnknown) != (len(got.Suggestions) > 0) && tc.value != "" && tc.value != "Local" {
			t.Errorf("CheckTimezone(%q): suggestions %q", tc.value, got.Suggestions)
		}
	}
}

func TestCheckTimezoneSuggestions(t *testing.T) {
	for value, want := range map[string]string{
		"New Zeeland":    "New Zealand",
		"Aus Eastren":    "AUS Eastern",
		"W Australia":    "W. Australia",
		"Centrl Pacific": "Central Pacific",
	} {
		got := CheckTimezone(value)
		if got.Kind != TimezoneUnknown || len(got.Suggestions) == 0 || got.Suggestions[0] != want || len(got.Suggestions) > 3 {
			t.Errorf("CheckTimezone(%q) = %+v, want %q suggested first", value, got, want)
		}
	}
	// An IANA zone with rules of its own: the zones that agree in January
	// and July (Lord Howe moves by half an hour; no Windows zone follows).
	if got := CheckTimezone("Antarctica/Troll"); got.Kind != TimezoneUnknown || len(got.Suggestions) == 0 {
		t.Errorf("Antarctica/Troll: %+v, want unknown with suggestions", got)
	}
}

// Every name resolves to itself and to a zone; names are unique in any
// case; the documented six are among them.
func TestTimezoneNames(t *testing.T) {
	names := TimezoneNames()
	seen := map[string]bool{}
	for _, n := range names {
		if seen[strings.ToLower(n)] {
			t.Errorf("%q twice", n)
		}
		seen[strings.ToLower(n)] = true
		if c := CheckTimezone(n); c.Kind != TimezoneTNZ || c.Name != n {
			t.Errorf("CheckTimezone(%q) = %+v", n, c)
		}
		if _, ok := TimezoneLocation(n); !ok {
			t.Errorf("TimezoneLocation(%q) failed: the embedded zone data lacks its IANA zone", n)
		}
	}
	for _, doc := range []string{"New Zealand", "AUS Eastern", "E. Australia", "W. Australia", "Cen. Australia", "Central Pacific", UTCTimezone} {
		if !slices.Contains(names, doc) {
			t.Errorf("%q is not a timezone name", doc)
		}
	}
	if !slices.IsSorted(names) {
		t.Error("TimezoneNames is not sorted")
	}
}

func TestTimezoneLocation(t *testing.T) {
	at := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	for name, want := range map[string]string{
		"New Zealand":  "2026-12-01T22:00:00+13:00", // daylight saving
		"AUS Eastern":  "2026-12-01T20:00:00+11:00",
		"E. Australia": "2026-12-01T19:00:00+10:00", // Queensland keeps standard time
		"UTC":          "2026-12-01T09:00:00Z",
		"Greenwich":    "2026-12-01T09:00:00Z",
	} {
		loc, ok := TimezoneLocation(name)
		if !ok {
			t.Errorf("TimezoneLocation(%q) failed", name)
			continue
		}
		if got := at.In(loc).Format(time.RFC3339); got != want {
			t.Errorf("%s: %s, want %s", name, got, want)
		}
	}
	if _, ok := TimezoneLocation("new zealand"); ok {
		t.Error("TimezoneLocation accepted a name TNZ does not write that way")
	}
}

func TestPreferredZonesAreZones(t *testing.T) {
	for _, p := range preferredZones {
		if !slices.ContainsFunc(windowsZones, func(z struct{ windows, iana string }) bool { return z.windows == p }) {
			t.Errorf("preferred zone %q is not in windowsZones", p)
		}
	}
	if n := len(zoneLocations()); n != len(windowsZones) {
		t.Errorf("%d zones loaded, want %d", n, len(windowsZones))
	}
}
