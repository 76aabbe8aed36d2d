package validators

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

func TestSendTime(t *testing.T) {
	for value, ok := range map[string]bool{
		"2026-12-24T09:30":          true,
		"2026-12-24T09:30:15":       true,
		"2026-12-24 09:30":          true,
		"2026-12-01T09:00:00Z":      true, // timeadd(timestamp(), "1h")
		"2026-12-01T09:00:00+13:00": true,
		"2026-12-01T09:00:00.123Z":  true,
		"2026-12-01T09:00Z":         true,
		" 2026-12-01T09:00:00Z ":    true,
		"2026-12-24":                false,
		"24/12/2026 09:30":          false,
		"2026-13-01T09:30":          false,
		"2026-12-24T25:00":          false,
		"2026-12-01T09:00:00+25:00": false,
		"2026-12-01T09:00:00 NZDT":  false,
		"tomorrow":                  false,
	} {
		resp := &validator.StringResponse{}
		SendTime().ValidateString(context.Background(), validator.StringRequest{Path: path.Root("send_time"), ConfigValue: types.StringValue(value)}, resp)
		if resp.Diagnostics.HasError() == ok {
			t.Errorf("%q: error = %v, want ok = %v", value, resp.Diagnostics, ok)
		}
		if !ok && !strings.Contains(resp.Diagnostics[0].Detail(), "RFC 3339") {
			t.Errorf("%q: the error does not name both forms: %s", value, resp.Diagnostics[0].Detail())
		}
	}
}

func TestParseSendTimeValue(t *testing.T) {
	for _, tc := range []struct {
		in     string
		offset bool
		want   string // RFC 3339 of Time
	}{
		{"2026-12-24T09:30", false, "2026-12-24T09:30:00Z"},
		{"2026-12-24 09:30:15", false, "2026-12-24T09:30:15Z"},
		{"2026-12-01T09:00:00Z", true, "2026-12-01T09:00:00Z"},
		{"2026-12-01T09:00:00+13:00", true, "2026-12-01T09:00:00+13:00"},
		{"2026-12-01T09:00-05:00", true, "2026-12-01T09:00:00-05:00"},
	} {
		v, err := ParseSendTimeValue(tc.in)
		if err != nil || v.Offset != tc.offset || v.Time.Format(time.RFC3339) != tc.want {
			t.Errorf("ParseSendTimeValue(%q) = %+v, %v; want offset %v time %s", tc.in, v, err, tc.offset, tc.want)
		}
	}
	// The local form stays what ParseSendTime reads.
	if _, err := ParseSendTime("2026-12-01T09:00:00Z"); err == nil {
		t.Error("ParseSendTime reads RFC 3339; its callers expect a clock reading")
	}
}

func TestSendTimeForTNZ(t *testing.T) {
	for _, tc := range []struct {
		in, timezone   string
		sendTime, zone string
	}{
		// RFC 3339: converted to the message's timezone, or UTC.
		{"2026-12-01T09:00:00Z", "", "2026-12-01T09:00", tnz.UTCTimezone},
		{"2026-12-01T09:00:00+13:00", "", "2026-11-30T20:00", "UTC"},
		{"2026-12-01T09:00:00Z", "New Zealand", "2026-12-01T22:00", "New Zealand"}, // NZDT, +13
		{"2026-06-01T09:00:00Z", "New Zealand", "2026-06-01T21:00", "New Zealand"}, // NZST, +12
		{"2026-12-01T09:00:00Z", "Pacific/Auckland", "2026-12-01T22:00", "New Zealand"},
		{"2026-12-01T09:00:00Z", "new zealand", "2026-12-01T22:00", "New Zealand"},
		{"2026-12-01T09:00:00Z", "E. Australia", "2026-12-01T19:00", "E. Australia"},
		{"2026-12-01T09:00:00Z", "W. Australia", "2026-12-01T17:00", "W. Australia"},
		{"2026-12-01T09:00:30.9Z", "", "2026-12-01T09:00:30", "UTC"},
		// Across a date line and a daylight-saving change: the clock in the zone.
		{"2026-04-04T13:30:00Z", "New Zealand", "2026-04-05T02:30", "New Zealand"}, // NZDT ends 5 April 03:00
		// The hour NZ repeats: a different instant, the same clock reading.
		// TNZ's SendTime has no offset, so TNZ picks one of the two.
		{"2026-04-04T14:30:00Z", "New Zealand", "2026-04-05T02:30", "New Zealand"},
		// The local form: as written, in canonical form.
		{"2026-12-24 09:30", "", "2026-12-24T09:30", ""},
		{"2026-12-24T09:30:15", "AUS Eastern", "2026-12-24T09:30:15", "AUS Eastern"},
		{"2026-12-24T09:30", "Australia/Sydney", "2026-12-24T09:30", "AUS Eastern"},
		{"2026-12-24T09:30", "Somewhere", "2026-12-24T09:30", "Somewhere"},
	} {
		v, err := ParseSendTimeValue(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		sendTime, zone, err := v.ForTNZ(tc.timezone)
		if err != nil || sendTime != tc.sendTime || zone != tc.zone {
			t.Errorf("%q in %q: ForTNZ = %q %q %v, want %q %q", tc.in, tc.timezone, sendTime, zone, err, tc.sendTime, tc.zone)
		}
	}
	v, _ := ParseSendTimeValue("2026-12-01T09:00:00Z")
	if _, _, err := v.ForTNZ("Somewhere"); err == nil || !strings.Contains(err.Error(), `"Somewhere"`) {
		t.Errorf("an RFC 3339 time in an unknown timezone: err = %v", err)
	}
}

func TestSendTimePast(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC) // 22:00 in New Zealand
	for _, tc := range []struct {
		in, timezone string
		want         Pastness
	}{
		{"2026-12-01T08:59:59Z", "", Past},
		{"2026-12-01T09:00:00Z", "", NotPast},
		{"2026-12-01T21:59:00+13:00", "Tokyo", Past}, // the offset decides, not the timezone
		{"2026-12-01T21:59", "New Zealand", Past},
		{"2026-12-01T22:00", "New Zealand", NotPast},
		{"2026-12-01T21:59", "Pacific/Auckland", Past},
		{"2026-12-01T09:30", "UTC", NotPast},
		// No timezone: the API user's default, unknown.
		{"2026-11-30T20:59", "", Past},      // past even at UTC-12
		{"2026-11-30T21:01", "", MaybePast}, // not past at UTC-12
		{"2026-12-01T22:59", "", MaybePast}, // past at UTC+14
		{"2026-12-01T23:01", "", NotPast},   // not past anywhere
		{"2026-12-01T12:00", "Somewhere", MaybePast},
	} {
		v, err := ParseSendTimeValue(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := v.Past(tc.timezone, now); got != tc.want {
			t.Errorf("%q in %q: Past = %d, want %d", tc.in, tc.timezone, got, tc.want)
		}
	}
}

func TestFormatSendTime(t *testing.T) {
	if got := FormatSendTime(time.Date(2026, 1, 2, 3, 4, 0, 999, time.UTC)); got != "2026-01-02T03:04" {
		t.Errorf("without seconds: %q", got)
	}
	if got := FormatSendTime(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)); got != "2026-01-02T03:04:05" {
		t.Errorf("with seconds: %q", got)
	}
}

func FuzzParseSendTimeValue(f *testing.F) {
	for _, s := range []string{"2026-12-24T09:30", "2026-12-01T09:00:00Z", "2026-12-01T09:00:00.5+13:00", "2026-12-24 09:30:15", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseSendTimeValue(s)
		if err != nil {
			return
		}
		sendTime, zone, err := v.ForTNZ("")
		if err != nil {
			t.Fatalf("%q: ForTNZ without a timezone: %v", s, err)
		}
		// What is sent is TNZ's local form and reads back to the same clock.
		back, err := ParseSendTime(sendTime)
		if err != nil {
			t.Fatalf("%q was sent as %q, which is not TNZ's form: %v", s, sendTime, err)
		}
		want := v.Time
		if v.Offset {
			want = v.Time.UTC()
			if zone != tnz.UTCTimezone {
				t.Fatalf("%q: converted without a timezone but sent with %q", s, zone)
			}
		}
		if back.Format(time.DateTime) != want.Format(time.DateTime) {
			t.Fatalf("%q: sent %q, which reads as %s, want %s", s, sendTime, back, want)
		}
	})
}
