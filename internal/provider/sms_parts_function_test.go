package provider

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/tnz-community/terraform-provider-tnz/internal/sandbox"
)

// smsPartsValue is the object sms_parts returns.
func smsPartsValue(encoding string, parts, characters int64, ucs2 []string, convertedEncoding string, convertedParts int64) types.Object {
	chars := make([]attr.Value, len(ucs2))
	for i, c := range ucs2 {
		chars[i] = types.StringValue(c)
	}
	return types.ObjectValueMust(smsPartsTypes, map[string]attr.Value{
		"encoding":        types.StringValue(encoding),
		"parts":           types.Int64Value(parts),
		"characters":      types.Int64Value(characters),
		"ucs2_characters": types.ListValueMust(types.StringType, chars),
		"with_character_conversion": types.ObjectValueMust(smsPartsConversionTypes, map[string]attr.Value{
			"encoding": types.StringValue(convertedEncoding),
			"parts":    types.Int64Value(convertedParts),
		}),
	})
}

func TestSMSPartsFunctionRun(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name    string
		message string
		want    types.Object
	}{
		{"GSM-7, one part", "Release v1.4.2 is live.", smsPartsValue("GSM-7", 1, 23, nil, "GSM-7", 1)},
		{"GSM-7 extension characters count two", strings.Repeat("a", 159) + "€", smsPartsValue("GSM-7", 2, 161, nil, "GSM-7", 2)},
		{"a macron and an emoji make UCS-2", "Kia ora Tāmaki 🚀 " + strings.Repeat("a", 60), smsPartsValue("UCS-2", 2, 78, []string{"ā", "🚀"}, "GSM-7", 1)},
		{"personalisation counts empty, links as assumed", "Hi [[FirstName]] [[Link:https://example.com/" + strings.Repeat("p", 200) + "]]", smsPartsValue("GSM-7", 1, 28, nil, "GSM-7", 1)},
		{"empty", "", smsPartsValue("GSM-7", 0, 0, nil, "GSM-7", 0)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp := function.RunResponse{Result: function.NewResultData(types.ObjectUnknown(smsPartsTypes))}
			smsPartsFunction{}.Run(ctx, function.RunRequest{Arguments: function.NewArgumentsData([]attr.Value{types.StringValue(c.message)})}, &resp)
			if resp.Error != nil {
				t.Fatalf("error: %s", resp.Error)
			}
			if got := resp.Result.Value(); !got.Equal(c.want) {
				t.Errorf("sms_parts(%q)\n got %s\nwant %s", c.message, got, c.want)
			}
		})
	}
}

func TestSMSPartsFunctionDefinition(t *testing.T) {
	ctx := context.Background()
	var resp function.DefinitionResponse
	smsPartsFunction{}.Definition(ctx, function.DefinitionRequest{}, &resp)
	var validate function.DefinitionValidateResponse
	resp.Definition.ValidateImplementation(ctx, function.DefinitionValidateRequest{FuncName: "sms_parts"}, &validate)
	if validate.Diagnostics.HasError() {
		t.Fatalf("invalid definition: %v", validate.Diagnostics)
	}
	if got := resp.Definition.Return.GetType(); !got.Equal(types.ObjectType{AttrTypes: smsPartsTypes}) {
		t.Errorf("return type %s", got)
	}
}

// provider::tnz::sms_parts in outputs and in a check block, through the real
// Terraform CLI.
func TestAccSMSPartsFunction(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: providerConfig(sb, sandbox.DefaultToken) + `
resource "tnz_sms_template" "alerts" {
  message = "Kia ora [[FirstName]], Tāmaki Makaurau release [[Custom1]] is live 🚀"
}

locals {
  preview = provider::tnz::render(tnz_sms_template.alerts.message, { first_name = "Aroha", custom1 = "v1.4.2" })
}

output "plain" {
  value = provider::tnz::sms_parts("Release ${"v1.4.2"} is live. ${join("", [for i in range(150) : "x"])}")
}

output "preview" {
  value = provider::tnz::sms_parts(local.preview)
}

check "fits_one_part_with_conversion" {
  assert {
    condition     = provider::tnz::sms_parts(local.preview).with_character_conversion.parts == 1
    error_message = "The alert would be more than one SMS part even with character_conversion."
  }
}

check "is_gsm7" {
  assert {
    condition     = provider::tnz::sms_parts(local.preview).encoding == "GSM-7"
    error_message = "The alert is UCS-2 because of ${join(" ", provider::tnz::sms_parts(local.preview).ucs2_characters)}."
  }
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				expectCheckBlock{"fits_one_part_with_conversion", "pass"},
				expectCheckBlock{"is_gsm7", "fail"},
				statecheck.ExpectKnownOutputValue("plain", knownvalue.ObjectExact(map[string]knownvalue.Check{
					"encoding":                  knownvalue.StringExact("GSM-7"),
					"parts":                     knownvalue.Int64Exact(2),
					"characters":                knownvalue.Int64Exact(174),
					"ucs2_characters":           knownvalue.ListSizeExact(0),
					"with_character_conversion": knownvalue.ObjectExact(map[string]knownvalue.Check{"encoding": knownvalue.StringExact("GSM-7"), "parts": knownvalue.Int64Exact(2)}),
				})),
				statecheck.ExpectKnownOutputValue("preview", knownvalue.ObjectExact(map[string]knownvalue.Check{
					"encoding":                  knownvalue.StringExact("UCS-2"),
					"parts":                     knownvalue.Int64Exact(1),
					"characters":                knownvalue.Int64Exact(56),
					"ucs2_characters":           knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("ā"), knownvalue.StringExact("🚀")}),
					"with_character_conversion": knownvalue.ObjectExact(map[string]knownvalue.Check{"encoding": knownvalue.StringExact("GSM-7"), "parts": knownvalue.Int64Exact(1)}),
				})),
			},
		}},
	})
}

// expectCheckBlock checks the result Terraform recorded for a check block
// (a failing check block is only a warning, so the apply succeeds either way).
type expectCheckBlock struct {
	name   string
	status string // pass, fail, error or unknown
}

func (e expectCheckBlock) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	if req.State == nil {
		resp.Error = fmt.Errorf("no state")
		return
	}
	for _, c := range req.State.Checks {
		if c.Address.Kind == "check" && c.Address.Name == e.name {
			if string(c.Status) != e.status {
				resp.Error = fmt.Errorf("check block %s: status %q, want %q", e.name, c.Status, e.status)
			}
			return
		}
	}
	resp.Error = fmt.Errorf("check block %s has no result in the state", e.name)
}
