package validators

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// SendTimeLayouts are the forms TNZ accepts for SendTime: {date}T{time} with
// or without seconds (TNZ's OpenAPI file), and the SDKs' "YYYY-MM-DD hh:mm".
var SendTimeLayouts = []string{"2006-01-02T15:04", "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02 15:04:05"}

// ParseSendTime parses a send time in TNZ's local form, as a wall-clock time
// (the zone is the message's timezone, which only TNZ applies). It does
// not read RFC 3339; ParseSendTimeValue reads both.
func ParseSendTime(s string) (time.Time, error) {
	for _, layout := range SendTimeLayouts {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date and time such as \"2026-12-24T09:30\"", s)
}

// SendTimeValue is a parsed send_time.
type SendTimeValue struct {
	// Time is, when Offset is set, the instant written. Otherwise it is
	// the date and time as written, with a meaningless location (UTC):
	// TNZ reads it in the message's timezone.
	Time time.Time
	// Offset is set when the value was RFC 3339 with a UTC offset ("Z" or
	// "+13:00"), as Terraform's timestamp() and timeadd() write it.
	Offset bool
}

// offsetLayouts are RFC 3339 (fractions of a second are read, and dropped
// when sent) and the same without seconds.
var offsetLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00"}

// ParseSendTimeValue parses a send_time in TNZ's local form
// ("2026-12-24T09:30", seconds optional) or in RFC 3339 with a UTC offset
// ("2026-12-01T09:00:00Z", "2026-12-01T09:00:00+13:00", seconds optional).
func ParseSendTimeValue(s string) (SendTimeValue, error) {
	for _, layout := range offsetLayouts {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return SendTimeValue{Time: t, Offset: true}, nil
		}
	}
	t, err := ParseSendTime(s)
	if err != nil {
		return SendTimeValue{}, fmt.Errorf("%q is not a date and time such as \"2026-12-24T09:30\" or \"2026-12-24T09:30:00+13:00\"", s)
	}
	return SendTimeValue{Time: t}, nil
}

// FormatSendTime writes t's date and clock reading in TNZ's {date}T{time}
// form, with seconds only when they are not zero.
func FormatSendTime(t time.Time) string {
	if t.Second() == 0 {
		return t.Format("2006-01-02T15:04")
	}
	return t.Format("2006-01-02T15:04:05")
}

// ForTNZ is what to send for v in a message whose timezone is timezone:
// the SendTime in TNZ's form and the Timezone to send with it. A timezone
// CheckTimezone maps to a TNZ name (an IANA name, another spelling) is sent
// as that name. RFC 3339 is converted to the clock reading in that zone, or,
// when timezone is empty, to UTC with tnz.UTCTimezone; it is an error when
// timezone names no zone TNZ knows, because the time could not be
// converted. The local form is sent as written, in the message's timezone
// (an unknown timezone passes unchanged: TNZ decides).
func (v SendTimeValue) ForTNZ(timezone string) (sendTime, tz string, err error) {
	check := tnz.CheckTimezone(timezone)
	if check.Name != "" {
		timezone = check.Name
	}
	if !v.Offset {
		return FormatSendTime(v.Time), timezone, nil
	}
	if timezone == "" {
		return FormatSendTime(v.Time.UTC()), tnz.UTCTimezone, nil
	}
	loc, ok := tnz.TimezoneLocation(timezone)
	if !ok {
		return "", "", fmt.Errorf("send_time %s cannot be converted to timezone %q, which is not one TNZ knows", v.Time.Format(time.RFC3339), timezone)
	}
	return FormatSendTime(v.Time.In(loc)), timezone, nil
}

// Pastness says whether a send time has passed.
type Pastness int

const (
	// NotPast: the time is now or later.
	NotPast Pastness = iota
	// Past: the time has passed; TNZ would send at once.
	Past
	// MaybePast: a local time in the API user's default timezone, which
	// the provider does not know, that has passed in some of TNZ's zones.
	MaybePast
)

// TNZ's zones span UTC-12 (Dateline) to UTC+14 (Line Islands).
const (
	earliestOffset = -12 * time.Hour
	latestOffset   = 14 * time.Hour
)

// Past says whether v, in a message whose timezone is timezone, is before
// now. A local time with no timezone, or one TNZ does not know, is in the
// API user's default timezone: Past if it has passed in every zone TNZ has,
// MaybePast if only in some.
func (v SendTimeValue) Past(timezone string, now time.Time) Pastness {
	if v.Offset {
		return pastIf(v.Time.Before(now))
	}
	wall := v.Time // the clock reading, in UTC
	if name := tnz.CheckTimezone(timezone).Name; name != "" {
		if loc, ok := tnz.TimezoneLocation(name); ok {
			at := time.Date(wall.Year(), wall.Month(), wall.Day(), wall.Hour(), wall.Minute(), wall.Second(), 0, loc)
			return pastIf(at.Before(now))
		}
	}
	// The wall clock read in UTC+14 is the earliest instant it can be,
	// read in UTC-12 the latest.
	switch {
	case wall.Add(-earliestOffset).Before(now):
		return Past
	case wall.Add(-latestOffset).Before(now):
		return MaybePast
	}
	return NotPast
}

func pastIf(past bool) Pastness {
	if past {
		return Past
	}
	return NotPast
}

// SendTime accepts what ParseSendTimeValue does.
func SendTime() validator.String { return sendTimeValidator{} }

type sendTimeValidator struct{}

func (sendTimeValidator) Description(context.Context) string {
	return "must be a local date and time, YYYY-MM-DDThh:mm (seconds optional), e.g. 2026-12-24T09:30, " +
		"or an RFC 3339 time with a UTC offset, e.g. 2026-12-24T09:30:00+13:00 or timeadd(timestamp(), \"1h\")"
}

func (v sendTimeValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v sendTimeValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := ParseSendTimeValue(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid send_time", fmt.Sprintf("%s: %s.", err, v.Description(ctx)))
	}
}

// ReceivedDate accepts TNZ's inbound-SMS date form, YYYY-MM-DD hh:mm:ss.
func ReceivedDate() validator.String { return receivedDateValidator{} }

type receivedDateValidator struct{}

func (receivedDateValidator) Description(context.Context) string {
	return "must be a date and time YYYY-MM-DD hh:mm:ss, e.g. 2026-11-26 09:00:00"
}

func (v receivedDateValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v receivedDateValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := time.Parse("2006-01-02 15:04:05", req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid date", fmt.Sprintf("%q %s.", req.ConfigValue.ValueString(), v.Description(ctx)))
	}
}
