package provider

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tnz-community/terraform-provider-tnz/internal/sandbox"
	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// Two RCS messages: one from a template, to a UK number (RCS reaches it)
// and a New Zealand one (TNZ documents RCS as unsupported there), which the
// fallback reaches by SMS; one naming a Dashboard template, without
// fallback, so its New Zealand recipient fails.
func TestAccRCS_sendsExactlyOnceWithFallback(t *testing.T) {
	t.Parallel()
	clock := sandbox.NewManualClock(time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC))
	sb := startSandbox(t, sandbox.Options{Clock: clock, CompletionDelay: time.Minute})
	config := withProviderSettings(providerConfig(sb, sandbox.DefaultToken), `report_to  = "reports@example.com"`) + `
resource "tnz_rcs_template" "outage" {
  message         = "Hi [[FirstName]], the outage is over."
  from_number     = "61408080909"
  sms_email_reply = "replies@example.com"
}

resource "tnz_rcs" "with_fallback" {
  destinations  = [{ recipient = "+447700900001", first_name = "Amy" }, { recipient = "+6421000001", first_name = "Aroha" }]
  fallback_mode = "SMS"
  template      = tnz_rcs_template.outage
}

resource "tnz_rcs" "without_fallback" {
  recipients  = ["+6421000002"]
  template_id = "` + dashboardTemplate + `"
}
`
	recipients := tfjsonpath.New("status").AtMapKey("recipients")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: resource.ComposeAggregateTestCheckFunc(
					expectReceived(sb, 2),
					expectBodiesMatchSpec(t, sb),
					expectRCSBodies(sb),
				),
			},
			{
				PreConfig: func() { clock.Advance(2 * time.Minute) },
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("tnz_rcs.with_fallback", recipients, knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"type": knownvalue.StringExact("RCS"), "status": knownvalue.StringExact(tnz.RecipientSuccess)}),
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"type": knownvalue.StringExact("SMS"), "status": knownvalue.StringExact(tnz.RecipientSuccess)}),
					})),
					statecheck.ExpectKnownValue("tnz_rcs.without_fallback", recipients, knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"type": knownvalue.StringExact("RCS"), "status": knownvalue.StringExact(tnz.RecipientFailed)}),
					})),
				},
				Check: expectReceived(sb, 2),
			},
		},
	})
}

// expectRCSBodies checks what each RCS body carries: the template's
// content and the send's fallback, or the Dashboard template; never
// ReportTo, which RCS has not, though the provider sets a default.
func expectRCSBodies(sb *sandbox.Running) resource.TestCheckFunc {
	return func(*terraform.State) error {
		var fromTemplate, byID int
		for _, r := range sb.Server.Received() {
			var body map[string]any
			if err := json.Unmarshal(r.Body, &body); err != nil {
				return err
			}
			if _, ok := body["ReportTo"]; ok {
				return fmt.Errorf("an RCS body carries ReportTo: %s", r.Body)
			}
			switch {
			case body["Message"] == "Hi [[FirstName]], the outage is over." && body["FromNumber"] == "61408080909" &&
				body["SMSEmailReply"] == "replies@example.com" && body["FallbackMode"] == "SMS":
				fromTemplate++
			case body["TemplateID"] == dashboardTemplate && body["Message"] == nil && body["FallbackMode"] == nil:
				byID++
			default:
				return fmt.Errorf("unexpected RCS body %s", r.Body)
			}
		}
		if fromTemplate != 1 || byID != 1 {
			return fmt.Errorf("%d bodies from the template and %d by template_id, want 1 each", fromTemplate, byID)
		}
		return nil
	}
}

func TestAccRCS_planErrors(t *testing.T) {
	t.Parallel()
	to := `recipients = ["+447700900001"]`
	testPlanErrors(t, "tnz_rcs", []planError{
		{"message or template_id required", to, missingRequired(fixRCSContent, "message", "template_id")},
		{"message empty", lines(to, `message = " "`), diagnosticRegexp(summaryMissingRequired([]string{"message", "template_id"}), "message", fixRCSContent)},
		{"fallback_mode enum", lines(to, `message = "hi"`, `fallback_mode = "RCS"`), oneOf("fallback_mode")},
		{"template_id uuid", lines(to, `template_id = "123e4567e89b12d3a456426614174000"`), summaryRegexp(summaryTemplateIDFormat, detailTemplateIDFormat)},
		{"message length", lines(to, `message = "`+strings.Repeat("x", 1001)+`"`), tooLong("message", 1000)},
		{"group_id uuid", lines(`message = "hi"`, `destinations = [{ group_id = "oncall" }]`), notUUID("group_id")},
		{"report_to lacking", lines(to, `message = "hi"`, `report_to = "reports@example.com"`), diagnosticRegexp(summaryChannelField("report_to", tnz.RCS), "report_to", "notification_type")},
	})
}
