package provider

import (
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tnz-community/terraform-provider-tnz/internal/sandbox"
	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// whatsappConfig: a template holds the required template_id and
// from_number and the fallback; the send adds the text and recipients: a
// number with WhatsApp and one without (the sandbox's numbers ending in 97),
// which the fallback reaches by SMS. The provider's report_to is set, and
// WhatsApp has none: it must not be sent.
func whatsappConfig(sb *sandbox.Running, message string) string {
	return withProviderSettings(providerConfig(sb, sandbox.DefaultToken), `report_to  = "reports@example.com"`) + `
resource "tnz_whatsapp_template" "renewal" {
  template_id       = "` + dashboardTemplate + `"
  from_number       = "+6495006000"
  fallback_mode     = "SMS"
  notification_type = "Webhook"
  webhook_callback_url = "https://hooks.example.com/tnz"
}

resource "tnz_whatsapp" "test" {
  destinations = [
    { recipient = "+6421000001", first_name = "Aroha" },
    { recipient = "+6421000097", first_name = "Ben" },
  ]
  message  = "` + message + `"
  files    = [{ name = "plan.txt", content = base64encode("renewal plan") }]
  template = tnz_whatsapp_template.renewal
}
`
}

func TestAccWhatsApp_sendsExactlyOnceWithFallback(t *testing.T) {
	t.Parallel()
	clock := sandbox.NewManualClock(time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC))
	sb := startSandbox(t, sandbox.Options{Clock: clock, CompletionDelay: time.Minute})
	config := whatsappConfig(sb, "Kia ora [[FirstName]], your plan renews soon. [[File1]]")
	status := tfjsonpath.New("status")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: resource.ComposeAggregateTestCheckFunc(
					expectReceived(sb, 1),
					expectBodiesMatchSpec(t, sb),
					expectBody(sb, tnz.WhatsApp, map[string]string{
						"TemplateID": dashboardTemplate, "FromNumber": "+6495006000", "FallbackMode": "SMS",
						"NotificationType": "Webhook", "Message": "", "Files": "", "Destinations": "",
					}, "ReportTo"),
				),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("tnz_whatsapp.test", status.AtMapKey("job_status"), knownvalue.StringExact(tnz.JobPending)),
				},
			},
			// Refresh reads the status: WhatsApp reached the first number;
			// the second has no WhatsApp and got the message by SMS.
			{
				PreConfig: func() { clock.Advance(2 * time.Minute) },
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("tnz_whatsapp.test", status, knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"job_status": knownvalue.StringExact(tnz.JobCompleted),
						"success":    knownvalue.Int64Exact(2),
						"recipients": knownvalue.ListExact([]knownvalue.Check{
							knownvalue.ObjectPartial(map[string]knownvalue.Check{
								"destination": knownvalue.StringExact("+6421000001"),
								"type":        knownvalue.StringExact("WhatsApp"),
								"status":      knownvalue.StringExact(tnz.RecipientSuccess),
								"replies":     knownvalue.ListSizeExact(0),
							}),
							knownvalue.ObjectPartial(map[string]knownvalue.Check{
								"destination": knownvalue.StringExact("+6421000097"),
								"type":        knownvalue.StringExact("SMS"),
								"status":      knownvalue.StringExact(tnz.RecipientSuccess),
							}),
						}),
					})),
				},
				Check: expectReceived(sb, 1),
			},
			// A new text is a new message.
			{
				Config: whatsappConfig(sb, "Kia ora [[FirstName]], your plan renewed."),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("tnz_whatsapp.test", plancheck.ResourceActionReplace)},
				},
				Check: expectReceived(sb, 2),
			},
		},
	})
}

// Import adopts a WhatsApp message by "whatsapp/<id>" and reads its status.
func TestAccWhatsApp_import(t *testing.T) {
	t.Parallel()
	// The test reads the status right after sending, which TNZ may answer
	// with its documented 404: no visibility delay here.
	sb := startSandbox(t, sandbox.Options{CompletionDelay: -1, VisibilityDelay: -1})
	config := providerConfig(sb, sandbox.DefaultToken) + `
resource "tnz_whatsapp" "test" {
  recipients = ["+6421000001"]
` + whatsappContent + `
}
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{Config: config, Check: expectReceived(sb, 1)},
			{
				ResourceName:            "tnz_whatsapp.test",
				ImportState:             true,
				ImportStateIdPrefix:     "whatsapp/",
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"recipients", "message", "template_id", "from_number", "status", "destination_count"},
			},
			{
				ResourceName:  "tnz_whatsapp.test",
				ImportState:   true,
				ImportStateId: "sms/abc",
				ExpectError:   summaryRegexp(`names channel "sms", but this resource sends WhatsApp`),
			},
		},
	})
	if got := len(sb.Server.Received()); got != 1 {
		t.Errorf("sent %d messages, want 1", got)
	}
}

// Every field is checked at plan as TNZ's OpenAPI file describes it.
func TestAccWhatsApp_planErrors(t *testing.T) {
	t.Parallel()
	to := `recipients = ["+6421000001"]`
	without := func(attribute string) string {
		var kept []string
		for _, l := range strings.Split(whatsappContent, "\n") {
			if !strings.HasPrefix(l, attribute+" ") {
				kept = append(kept, l)
			}
		}
		return lines(to, lines(kept...))
	}
	testPlanErrors(t, "tnz_whatsapp", []planError{
		{"template_id required", without("template_id"), missingRequired(fixWhatsAppTemplateID, "template_id")},
		{"message required", without("message"), missingRequired(fixWhatsAppMessage, "message")},
		{"message empty", lines(without("message"), `message = ""`), diagnosticRegexp(summaryMissingRequired([]string{"message"}), "message", fixWhatsAppMessage)},
		{"from_number required", without("from_number"), missingRequired(fixWhatsAppFromNumber, "from_number")},
		{"fallback_mode enum", lines(to, whatsappContent, `fallback_mode = "Email"`), oneOf("fallback_mode")},
		{"notification_type enum", lines(to, whatsappContent, `notification_type = "SMS"`), oneOf("notification_type")},
		{"template_id uuid", lines(without("template_id"), `template_id = "renewal-reminder"`), summaryRegexp(summaryTemplateIDFormat, detailTemplateIDFormat)},
		{"message length", lines(without("message"), `message = "`+strings.Repeat("x", 1001)+`"`), tooLong("message", 1000)},
		{"from_number length", lines(without("from_number"), `from_number = "`+strings.Repeat("6", 101)+`"`), tooLong("from_number", 100)},
		{"contact_id uuid", lines(whatsappContent, `destinations = [{ contact_id = "jane" }]`), notUUID("contact_id")},
		{"report_to lacking", lines(to, whatsappContent, `report_to = "reports@example.com"`), diagnosticRegexp(summaryChannelField("report_to", tnz.WhatsApp), "report_to", "notification_type")},
	})
}

// A template's mistake is reported on the send's template attribute, where
// the value came from.
func TestAccWhatsApp_templateIDFromTemplate(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: providerConfig(sb, sandbox.DefaultToken) + `
resource "tnz_whatsapp_template" "renewal" {
  template_id = "renewal-reminder"
  from_number = "+6495006000"
}

resource "tnz_whatsapp" "test" {
  recipients = ["+6421000001"]
  message    = "Your plan renews next week."
  template   = tnz_whatsapp_template.renewal
}
`,
			PlanOnly:    true,
			ExpectError: diagnosticRegexp(summaryTemplateIDFormat, "template", detailTemplateIDFormat),
		}},
	})
	if got := sb.Server.APIRequests(); got != 0 {
		t.Errorf("the sandbox got %d API requests from a failed plan", got)
	}
}
