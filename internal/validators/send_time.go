package validators

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// SendTimeLayouts are the forms TNZ accepts for SendTime: {date}T{time} with
// or without seconds (TNZ's OpenAPI file), and the SDKs' "YYYY-MM-DD hh:mm".
var SendTimeLayouts = []string{"2006-01-02T15:04", "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02 15:04:05"}

// ParseSendTime parses a send time in any accepted form, as a wall-clock time
// (the zone is the message's timezone, which only TNZ applies).
func ParseSendTime(s string) (time.Time, error) {
	for _, layout := range SendTimeLayouts {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date and time such as \"2026-12-24T09:30\"", s)
}

// SendTime accepts what ParseSendTime does.
func SendTime() validator.String { return sendTimeValidator{} }

type sendTimeValidator struct{}

func (sendTimeValidator) Description(context.Context) string {
	return "must be a local date and time, YYYY-MM-DDThh:mm (seconds optional), e.g. 2026-12-24T09:30"
}

func (v sendTimeValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v sendTimeValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := ParseSendTime(req.ConfigValue.ValueString()); err != nil {
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
