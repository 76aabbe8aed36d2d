package provider

import (
	"fmt"
	"regexp"
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

// rfc3339 matches a UTC time as status.submitted_time records it.
var rfc3339 = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`)

func workflowConfig(sb *sandbox.Running, release string) string {
	return withProviderSettings(providerConfig(sb, sandbox.DefaultToken), `report_to  = "reports@example.com"`) + `
resource "tnz_workflow_template" "onboarding" {
  workflow_template_id = "` + dashboardTemplate + `"
  reference            = "onboarding"
  notification_type    = "Webhook"
  webhook_callback_url = "https://hooks.example.com/tnz"
}

resource "tnz_workflow" "test" {
  recipients = ["+6421000001", "ops@example.com"]
  destinations = [{
    first_name    = "Ana"
    to_number     = "+6421000003"
    email_address = "ana@example.com"
    main_phone    = "+6495005000"
  }]
  template = tnz_workflow_template.onboarding
  triggers = { release = "` + release + `" }
}
`
}

// A workflow is started once; it has no status, so nothing reads one: no
// request follows the send, however often Terraform refreshes.
func TestAccWorkflow_sendsOnceWithoutStatus(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	expectRequests := func(want int) resource.TestCheckFunc {
		return func(*terraform.State) error {
			if got := sb.Server.APIRequests(); got != want {
				return fmt.Errorf("the sandbox got %d API requests, want %d (the sends alone)", got, want)
			}
			return nil
		}
	}
	status := tfjsonpath.New("status")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config: workflowConfig(sb, "v1"),
				Check: resource.ComposeAggregateTestCheckFunc(
					expectReceived(sb, 1),
					expectRequests(1),
					expectBodiesMatchSpec(t, sb),
					expectBody(sb, tnz.Workflow, map[string]string{
						"WorkflowTemplateID": dashboardTemplate, "Reference": "onboarding", "NotificationType": "Webhook", "Destinations": "",
					}, "ReportTo", "Mode", "TemplateID"),
					func(*terraform.State) error {
						body, err := sentBody(sb, tnz.Workflow)
						if err != nil {
							return err
						}
						dests := fmt.Sprint(body["Destinations"])
						for _, want := range []string{"ToNumber:+6421000001", "EmailAddress:ops@example.com", "ToNumber:+6421000003", "EmailAddress:ana@example.com", "MainPhone:+6495005000"} {
							if !strings.Contains(dests, want) {
								return fmt.Errorf("destinations %s lack %s", dests, want)
							}
						}
						return nil
					},
				),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("tnz_workflow.test", status, knownvalue.ObjectExact(map[string]knownvalue.Check{
						"confirmed":      knownvalue.Bool(true),
						"submitted_time": knownvalue.StringRegexp(rfc3339),
					})),
				},
			},
			{
				Config: workflowConfig(sb, "v1"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: expectRequests(1),
			},
			{
				Config: workflowConfig(sb, "v2"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("tnz_workflow.test", plancheck.ResourceActionReplace)},
				},
				Check: resource.ComposeAggregateTestCheckFunc(expectReceived(sb, 2), expectRequests(2)),
			},
		},
		// Destroy forgets: TNZ cannot abort a workflow.
		CheckDestroy: expectRequests(2),
	})
}

// A workflow send whose answer is lost cannot be looked up: it stays in
// state unconfirmed and is never sent again, even long after
// resend_unconfirmed_after, which re-sends other channels' unconfirmed
// messages.
func TestAccWorkflow_uncertainSendIsNeverResent(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	sb.Server.InjectFaults(sandbox.Fault{Kind: sandbox.FaultDropAfterAccept, Request: sandbox.SendRequest})
	config := withProviderSettings(providerConfig(sb, sandbox.DefaultToken), `resend_unconfirmed_after = "1s"`, "max_retries = 0") + `
resource "tnz_workflow" "test" {
  recipients = ["ops@example.com"]
` + workflowContent + `
}
`
	confirmed := tfjsonpath.New("status").AtMapKey("confirmed")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("tnz_workflow.test", confirmed, knownvalue.Bool(false)),
				},
				Check: expectReceived(sb, 1),
			},
			{
				PreConfig: func() { time.Sleep(1500 * time.Millisecond) }, // past resend_unconfirmed_after
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("tnz_workflow.test", confirmed, knownvalue.Bool(false)),
				},
				Check: expectReceived(sb, 1),
			},
		},
	})
	if got := sb.Server.APIRequests(); got != 1 {
		t.Errorf("the sandbox got %d API requests, want the one send", got)
	}
}

// Import records a workflow send as given: TNZ cannot be asked about it.
func TestAccWorkflow_importRecordsAsGiven(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	config := providerConfig(sb, sandbox.DefaultToken) + `
resource "tnz_workflow" "adopted" {
  recipients = ["ops@example.com"]
` + workflowContent + `
}
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config:             config,
				ResourceName:       "tnz_workflow.adopted",
				ImportState:        true,
				ImportStateId:      "workflow/onboarding-ana",
				ImportStatePersist: true,
				ImportStateCheck: func(states []*terraform.InstanceState) error {
					if len(states) != 1 || states[0].Attributes["message_id"] != "onboarding-ana" || states[0].Attributes["status.confirmed"] != "true" {
						return fmt.Errorf("imported %v", states)
					}
					return nil
				},
			},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("tnz_workflow.adopted", plancheck.ResourceActionUpdate)},
				},
			},
		},
	})
	if got := sb.Server.APIRequests(); got != 0 {
		t.Errorf("the sandbox got %d API requests from an import", got)
	}
}

func TestAccWorkflow_planErrors(t *testing.T) {
	t.Parallel()
	to := `recipients = ["ops@example.com"]`
	testPlanErrors(t, "tnz_workflow", []planError{
		{"workflow_template_id required", to, missingRequired(fixWorkflowTemplateID, "workflow_template_id")},
		{"workflow_template_id empty", lines(to, `workflow_template_id = ""`), diagnosticRegexp(summaryMissingRequired([]string{"workflow_template_id"}), "workflow_template_id", fixWorkflowTemplateID)},
		{"workflow_template_id uuid", lines(to, `workflow_template_id = "onboarding"`), notUUID("workflow_template_id")},
		{"wait_for completed", lines(to, workflowContent, `wait_for = "completed"`), oneOf("wait_for")},
		{"notification_type enum", lines(to, workflowContent, `notification_type = "email"`), oneOf("notification_type")},
		{"template_id lacking", lines(to, workflowContent, `template_id = "`+dashboardTemplate+`"`), diagnosticRegexp(summaryChannelField("template_id", tnz.Workflow), "template_id", "workflow_template_id")},
		{"test_mode lacking", lines(to, workflowContent, `test_mode = true`), diagnosticRegexp(summaryChannelField("test_mode", tnz.Workflow), "test_mode", "run live")},
		{"report_to lacking", lines(to, workflowContent, `report_to = "reports@example.com"`), diagnosticRegexp(summaryChannelField("report_to", tnz.Workflow), "report_to", "notification_type")},
		{"email_address length", lines(workflowContent, `destinations = [{ email_address = "`+strings.Repeat("a", 50)+`@example.com" }]`), tooLong("email_address", 60)},
	})
}

// Configurations TNZ accepts plan cleanly on the three channels: TNZ's own
// example ids (not RFC 9562 UUIDs), every enum value, required fields from
// a template or unknown until apply.
func TestAccWorkflow_validConfigurationsPlan(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	var config strings.Builder
	config.WriteString(providerConfig(sb, sandbox.DefaultToken) + `
resource "terraform_data" "late" {
  input = "x"
}

resource "tnz_workflow" "tnz_example_id" {
  destinations         = [{ contact_id = "6000000b-f002-4007-b00a-c00000000001" }, { group_code = "Oncall" }]
  workflow_template_id = "a1b2c3d4-e5f6-7890-1234-567890abcdef"
  test_mode            = false
}

resource "tnz_workflow" "late" {
  destinations         = [{ to_number = terraform_data.late.output }]
  workflow_template_id = terraform_data.late.output
}

resource "tnz_whatsapp_template" "required" {
  template_id = "a1b2c3d4-e5f6-7890-1234-567890abcdef"
  message     = "hi"
  from_number = "+6495006000"
}

resource "tnz_whatsapp" "from_template" {
  recipients = ["021 000 001"]
  template   = tnz_whatsapp_template.required
}

resource "tnz_whatsapp" "late" {
  recipients  = ["+6421000001"]
  template_id = terraform_data.late.output
  message     = terraform_data.late.output
  from_number = terraform_data.late.output
}

resource "tnz_rcs" "template_id_only" {
  recipients  = ["+447700900001"]
  template_id = "` + dashboardTemplate + `"
  wait_for    = "completed"
}
`)
	for i, mode := range tnz.WhatsAppFallbackModes {
		fmt.Fprintf(&config, "\nresource \"tnz_whatsapp\" \"fallback_%d\" {\n  recipients = [\"+6421000001\"]\n%s\n  fallback_mode = %q\n  notification_type = %q\n}\n",
			i, whatsappContent, mode, tnz.NotificationTypes[i%len(tnz.NotificationTypes)])
	}
	for i, mode := range tnz.RCSFallbackModes {
		fmt.Fprintf(&config, "\nresource \"tnz_rcs\" \"fallback_%d\" {\n  recipients = [\"+447700900001\"]\n  message = \"hi\"\n  fallback_mode = %q\n}\n", i, mode)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config:             config.String(),
			PlanOnly:           true,
			ExpectNonEmptyPlan: true,
		}},
	})
	if got := sb.Server.APIRequests(); got != 0 {
		t.Errorf("a plan made %d API requests", got)
	}
}
