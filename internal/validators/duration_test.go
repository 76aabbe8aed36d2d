package validators

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestDuration(t *testing.T) {
	v := Duration(time.Second, time.Minute)
	cases := []struct {
		value   types.String
		wantErr bool
	}{
		{types.StringValue("30s"), false},
		{types.StringValue("1m"), false},
		{types.StringNull(), false},
		{types.StringUnknown(), false},
		{types.StringValue("thirty"), true},
		{types.StringValue("500ms"), true},
		{types.StringValue("2m"), true},
	}
	for _, c := range cases {
		resp := &validator.StringResponse{}
		v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("request_timeout"), ConfigValue: c.value}, resp)
		if resp.Diagnostics.HasError() != c.wantErr {
			t.Errorf("%s: error = %v, want %v", c.value, resp.Diagnostics, c.wantErr)
		}
	}
}
