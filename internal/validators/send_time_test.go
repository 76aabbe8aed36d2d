package validators

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestSendTime(t *testing.T) {
	for value, ok := range map[string]bool{
		"2026-12-24T09:30":    true,
		"2026-12-24T09:30:15": true,
		"2026-12-24 09:30":    true,
		"2026-12-24":          false,
		"24/12/2026 09:30":    false,
		"2026-13-01T09:30":    false,
		"2026-12-24T25:00":    false,
		"tomorrow":            false,
	} {
		resp := &validator.StringResponse{}
		SendTime().ValidateString(context.Background(), validator.StringRequest{Path: path.Root("send_time"), ConfigValue: types.StringValue(value)}, resp)
		if resp.Diagnostics.HasError() == ok {
			t.Errorf("%q: error = %v, want ok = %v", value, resp.Diagnostics, ok)
		}
	}
}
