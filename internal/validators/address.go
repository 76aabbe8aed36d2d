package validators

import (
	"context"
	"fmt"
	"net/url"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// PhoneNumber accepts what TNZ reads as a phone number: E.164 (+6421000001)
// or a local form such as "021 000 001" or "09-500 6000" (the OpenAPI
// file's examples), that is 7 to 15 digits after an optional "+", with
// spaces, dashes, dots and parentheses ignored.
func PhoneNumber() validator.String {
	return formatValidator{
		summary: "Invalid phone number",
		rule:    `a phone number: "+6421000001" (E.164) or a local form such as "021 000 001"`,
		ok:      tnz.IsPhoneNumber,
	}
}

// EmailAddress accepts local@domain without spaces.
func EmailAddress() validator.String {
	return formatValidator{summary: "Invalid e-mail address", rule: `an e-mail address such as "aroha@example.com"`, ok: tnz.IsEmailAddress}
}

var e164 = regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)

// E164 accepts a phone number in E.164: "+", then 7 to 15 digits, the first
// not 0, nothing else (TNZ keeps opt-out destinations in this form).
func E164() validator.String {
	return formatValidator{summary: "Invalid phone number", rule: `a phone number in E.164 format, e.g. "+6421000001"`, ok: e164.MatchString}
}

var uuid = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// UUID accepts a UUID, the form of TNZ's ids (Address Book, opt-out,
// Dashboard and workflow templates): 8-4-4-4-12 hexadecimal digits, not RFC
// 9562's stricter form, which TNZ's own examples do not meet.
func UUID() validator.String {
	return formatValidator{summary: "Invalid id", rule: `a TNZ id: a UUID such as "8000000a-f002-4007-b00a-d00000000001"`, ok: IsUUID}
}

// IsUUID reports whether s is a UUID as UUID accepts it.
func IsUUID(s string) bool { return uuid.MatchString(s) }

// AbsoluteURL accepts an absolute http or https URL.
func AbsoluteURL() validator.String {
	return formatValidator{summary: "Invalid web address", rule: `an absolute URL such as "https://www.example.com"`, ok: func(s string) bool {
		u, err := url.Parse(s)
		return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
	}}
}

// formatValidator checks a known, non-null string with ok.
type formatValidator struct {
	summary, rule string
	ok            func(string) bool
}

func (v formatValidator) Description(context.Context) string { return "must be " + v.rule }

func (v formatValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v formatValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || v.ok(req.ConfigValue.ValueString()) {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, v.summary,
		fmt.Sprintf("%s %s, got %q.", req.Path, v.Description(ctx), req.ConfigValue.ValueString()))
}
