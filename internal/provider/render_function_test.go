package provider

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// runRender calls provider::tnz::render's Run directly.
func runRender(t *testing.T, message string, destination map[string]string) (string, *function.FuncError) {
	t.Helper()
	elems := map[string]attr.Value{}
	for k, v := range destination {
		elems[k] = types.StringValue(v)
	}
	resp := &function.RunResponse{Result: function.NewResultData(types.StringUnknown())}
	NewRenderFunction().Run(context.Background(), function.RunRequest{
		Arguments: function.NewArgumentsData([]attr.Value{types.StringValue(message), types.MapValueMust(types.StringType, elems)}),
	}, resp)
	if resp.Error != nil {
		return "", resp.Error
	}
	got, ok := resp.Result.Value().(types.String)
	if !ok {
		t.Fatalf("render returned %T", resp.Result.Value())
	}
	return got.ValueString(), nil
}

func TestRenderFunctionRun(t *testing.T) {
	got, err := runRender(t, "Kia ora [[FirstName]], [[Custom1]]", map[string]string{"first_name": "Aroha", "Custom1": "v1"})
	if err != nil || got != "Kia ora Aroha, v1" {
		t.Errorf("render = %q, %v", got, err)
	}

	_, err = runRender(t, "Kia ora [[FirstName]]", map[string]string{"frist_name": "Aroha"})
	if err == nil {
		t.Fatal("render accepted the unknown key frist_name")
	}
	if err.FunctionArgument == nil || *err.FunctionArgument != 1 {
		t.Errorf("the error does not point at the destination argument: %+v", err)
	}
	for _, want := range []string{`"frist_name"`, `did you mean "first_name"`, "first_name, last_name, attention, company, custom1"} {
		if !strings.Contains(err.Text, want) {
			t.Errorf("error %q lacks %q", err.Text, want)
		}
	}
}

// provider::tnz::render refuses a destination key that names no field. A
// provider function needs no provider configuration, so none is given.
func TestAccRenderFunctionUnknownKey(t *testing.T) {
	t.Parallel()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: `
terraform {
  required_providers {
    tnz = { source = "tnz-community/tnz" }
  }
}

output "preview" {
  value = provider::tnz::render("Kia ora [[FirstName]]", { frist_name = "Aroha" })
}
`,
			// Terraform wraps the text, so any white space may separate words.
			ExpectError: regexp.MustCompile(`"frist_name" is not a destination\s+field\s+\(did\s+you\s+mean\s+"first_name"\?\)`),
		}},
	})
}
