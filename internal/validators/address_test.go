package validators

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestAddressFormats(t *testing.T) {
	for _, tc := range []struct {
		name      string
		v         validator.String
		good, bad []string
	}{
		{"phone", PhoneNumber(), []string{"+6421000001", "021 000 001", "09-500 6000", "(09) 500.6000"}, []string{"021", "call me", "+64 21 000 001 000 000 0", "a@example.com"}},
		{"e-mail", EmailAddress(), []string{"aroha@example.com", "a+b@x"}, []string{"aroha", "a b@example.com", "@example.com", "a@"}},
		{"E.164", E164(), []string{"+6421000001", "+12025550123"}, []string{"021000001", "+64 21 000 001", "+0210000001", "+64210000011111111"}},
		{"UUID", UUID(), []string{"8000000a-f002-4007-b00a-d00000000001", "8000000A-F002-4007-B00A-D00000000001"}, []string{"8000000a", "group-1", "8000000a-f002-4007-b00a-d000000000011"}},
		{"URL", AbsoluteURL(), []string{"https://www.example.com", "http://example.com/a?b"}, []string{"www.example.com", "/path", "mailto:a@example.com"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			check := func(value types.String) *validator.StringResponse {
				resp := &validator.StringResponse{}
				tc.v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("x"), ConfigValue: value}, resp)
				return resp
			}
			for _, s := range tc.good {
				if resp := check(types.StringValue(s)); resp.Diagnostics.HasError() {
					t.Errorf("%q refused: %v", s, resp.Diagnostics)
				}
			}
			for _, s := range tc.bad {
				resp := check(types.StringValue(s))
				if !resp.Diagnostics.HasError() {
					t.Errorf("%q accepted", s)
					continue
				}
				if d := resp.Diagnostics.Errors()[0].Detail(); !strings.Contains(d, "x must be") || !strings.Contains(d, s) {
					t.Errorf("detail %q does not say what to change", d)
				}
			}
			for _, v := range []types.String{types.StringNull(), types.StringUnknown()} {
				if resp := check(v); resp.Diagnostics.HasError() {
					t.Errorf("%v refused", v)
				}
			}
		})
	}
}
