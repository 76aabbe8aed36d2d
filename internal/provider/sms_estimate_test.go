package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	tfresource "github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tnz-community/terraform-provider-tnz/internal/sandbox"
)

// modifyPlan runs the SMS resource's ModifyPlan on a plan for message.
func modifyPlan(t *testing.T, message string, recipients ...string) resource.ModifyPlanResponse {
	t.Helper()
	ctx := context.Background()
	plan := smsPlan(t, message, recipients...)
	resp := resource.ModifyPlanResponse{Plan: plan}
	state := tfsdk.State{Schema: plan.Schema, Raw: tftypes.NewValue(plan.Schema.Type().TerraformType(ctx), nil)}
	newSMS(&fakeAPI{}).ModifyPlan(ctx, resource.ModifyPlanRequest{Plan: plan, State: state, Config: tfsdk.Config(plan)}, &resp)
	return resp
}

// A message that is UCS-2 because of one emoji warns, naming it and the
// parts with and without character_conversion.
func TestModifyPlanWarnsWhenAFewCharactersMakeUCS2(t *testing.T) {
	message := strings.Repeat("Deploy finished on every host. ", 3) + "✅" // 93 GSM characters and an emoji
	resp := modifyPlan(t, message, "+6421000001")
	if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 {
		t.Fatalf("want one warning, got %v", resp.Diagnostics)
	}
	w := resp.Diagnostics.Warnings()[0].(diag.DiagnosticWithPath)
	if w.Summary() != `Message is sent as UCS-2 because of "✅"` || !strings.Contains(w.Detail(), "2 SMS parts") || !strings.Contains(w.Detail(), "sends 1 parts") {
		t.Errorf("warning %q / %q", w.Summary(), w.Detail())
	}
	if !w.Path().Equal(path.Root("message")) {
		t.Errorf("warning at %v, want message", w.Path())
	}
	var estimate types.Object
	resp.Plan.GetAttribute(context.Background(), path.Root("estimate"), &estimate)
	if got := estimate.Attributes()["parts"].String(); got != "2" {
		t.Errorf("estimate.parts = %s, want 2", got)
	}

	if plain := modifyPlan(t, "Deploy finished", "+6421000001"); plain.Diagnostics.WarningsCount() != 0 {
		t.Errorf("a GSM-7 message warned: %v", plain.Diagnostics)
	}
	many := modifyPlan(t, "Ngā mihi nui ki a koutou, ā, ē, ī, ō, ū ✅🎉🚀", "+6421000001")
	if many.Diagnostics.WarningsCount() != 0 {
		t.Errorf("a message UCS-2 by many characters is meant to be UCS-2: no warning, got %v", many.Diagnostics)
	}
}

func smsEstimateConfig(sb *sandbox.Running, providerExtra, attrs string) string {
	return fmt.Sprintf(`
terraform {
  required_providers {
    tnz = { source = "tnz-community/tnz" }
  }
}

provider "tnz" {
  base_url   = %q
  auth_token = %q
  %s
}

resource "tnz_sms" "test" {
%s
}
`, sb.URL, sandbox.DefaultToken, providerExtra, attrs)
}

// The plan shows the encoding, parts over the destinations' personalisation,
// and the destination count, before anything is sent.
func TestAccSMSEstimate_shownInPlan(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	estimate := tfjsonpath.New("estimate")
	tfresource.Test(t, tfresource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []tfresource.TestStep{{
			Config: smsEstimateConfig(sb, "", `
  message      = "Kia ora [[FirstName]] ✅ ${join("", [for i in range(60) : "x"])}"
  destinations = [
    { recipient = "+6421000001", first_name = "Ana" },
    { recipient = "+6421000002", first_name = "Wiremu Tamati Kereama" },
  ]`),
			ConfigPlanChecks: tfresource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectKnownValue("tnz_sms.test", tfjsonpath.New("destination_count"), knownvalue.Int64Exact(2)),
				plancheck.ExpectKnownValue("tnz_sms.test", estimate, knownvalue.ObjectExact(map[string]knownvalue.Check{
					"encoding": knownvalue.StringExact("UCS-2"),
					// "Kia ora Ana ✅ " + 60 x = 74 UTF-16 units: 2 parts;
					// Wiremu's 92 units: 2 parts.
					"parts":           knownvalue.Int64Exact(2),
					"fewest_parts":    knownvalue.Int64Exact(2),
					"characters":      knownvalue.Int64Exact(92),
					"ucs2_characters": knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("✅")}),
					"with_character_conversion": knownvalue.ObjectExact(map[string]knownvalue.Check{
						"encoding": knownvalue.StringExact("GSM-7"),
						"parts":    knownvalue.Int64Exact(1),
					}),
				})),
			}},
		}},
	})
}

// Both guards fail the plan, before anything is sent.
func TestAccSMSEstimate_guardsFailThePlan(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	long := strings.Repeat("All hosts deployed. ", 9) // 180 GSM-7 characters: 2 parts
	tfresource.Test(t, tfresource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []tfresource.TestStep{
			{
				Config:      smsEstimateConfig(sb, "", fmt.Sprintf("  recipients = [\"+6421000001\"]\n  message = %q\n  max_sms_parts = 1", long)),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)The message would be sent in 2 SMS parts, more than\s+max_sms_parts \(1\)`),
			},
			{
				Config:      smsEstimateConfig(sb, "max_recipients_per_send = 2", `  recipients = ["+6421000001", "+6421000002", "+6421000003"]`+"\n  message = \"hi\""),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)The send names 3 destinations, more than\s+max_recipients_per_send \(2\)`),
			},
		},
	})
	if n := sb.Server.APIRequests(); n != 0 {
		t.Errorf("%d API requests from failed plans", n)
	}
}

// An SMS template shows its cost too, counted with its tokens empty.
func TestAccSMSEstimate_template(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	tfresource.Test(t, tfresource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []tfresource.TestStep{{
			Config: providerConfig(sb, sandbox.DefaultToken) + `
resource "tnz_sms_template" "t" {
  message = "Kia ora [[FirstName]], the deploy finished €"
}
`,
			ConfigPlanChecks: tfresource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectKnownValue("tnz_sms_template.t", tfjsonpath.New("estimate"), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"encoding": knownvalue.StringExact("GSM-7"),
					// "Kia ora , the deploy finished €": € is an extension character, two septets.
					"characters": knownvalue.Int64Exact(32),
					"parts":      knownvalue.Int64Exact(1),
				})),
			}},
		}},
	})
}
