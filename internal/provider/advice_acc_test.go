package provider

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tnz-community/terraform-provider-tnz/internal/sandbox"
)

// planDiagnostics runs terraform plan and returns its diagnostics, which
// terraform-plugin-testing cannot show for warnings.
func (d *terraformDir) planDiagnostics() []terraformDiagnostic {
	d.t.Helper()
	code, out := d.run("plan", "-input=false", "-json")
	var diags []terraformDiagnostic // without Terraform's note on dev_overrides
	for _, dg := range diagnosticsOf(out) {
		if dg.Summary != "Provider development overrides are in effect" {
			diags = append(diags, dg)
		}
	}
	if code != 0 {
		d.t.Fatalf("terraform plan exited %d:\n%s", code, out)
	}
	return diags
}

// The warnings the plan shows for what TNZ would accept but send otherwise
// than meant: each appears, with what to write instead.
func TestAccAdvice_planWarns(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1 (make test does)")
	}
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	past := time.Now().UTC().Add(-48 * time.Hour).Format("2006-01-02T15:04")
	config := providerConfig(sb, sandbox.DefaultToken) + fmt.Sprintf(`
resource "tnz_sms" "tokens" {
  recipients = ["+6421000001", "021 000 001"]
  message    = "Kia ora [[FristName]], see [Custom1]: the deploy of every service finished ✅"
  timezone   = "Pacific/Auckland"
  send_time  = %q
  report_to  = "not an address"
}

resource "tnz_email" "no_subject" {
  recipients    = ["ops@example.com"]
  message_plain = "Deploy finished"
}
`, past)
	d := newTerraformDir(t, config)
	diags := d.planDiagnostics()
	want := []*regexp.Regexp{
		regexp.MustCompile(`^\[\[FristName\]\] in message is not a token TNZ fills$`),
		regexp.MustCompile(`^\[Custom1\] in message is not a personalisation token$`),
		regexp.MustCompile(`^Message is sent as UCS-2 because of "✅"$`),
		regexp.MustCompile(`^timezone "Pacific/Auckland" is sent as "New Zealand"$`),
		regexp.MustCompile(`^send_time .* has passed$`),
		regexp.MustCompile(`^report_to is not an e-mail address$`),
		regexp.MustCompile(`^Destination 2 repeats destination 1$`),
		regexp.MustCompile(`^The e-mail has no subject$`),
	}
	for _, w := range want {
		found := false
		for _, dg := range diags {
			if dg.Severity == "warning" && w.MatchString(dg.Summary) {
				found = true
			}
		}
		if !found {
			t.Errorf("no warning matching %s in %+v", w, diags)
		}
	}
	if got := len(diags); got != len(want) {
		t.Errorf("%d diagnostics, want %d: %+v", got, len(want), diags)
	}
	if !strings.Contains(diagDetail(diags, "FristName"), "Did you mean [[FirstName]]?") {
		t.Errorf("the token warning does not suggest [[FirstName]]: %+v", diags)
	}
	if n := sb.Server.APIRequests(); n != 0 {
		t.Errorf("%d API requests from a plan", n)
	}
}

func diagDetail(diags []terraformDiagnostic, summaryPart string) string {
	for _, d := range diags {
		if strings.Contains(d.Summary, summaryPart) {
			return d.Detail
		}
	}
	return ""
}

// What must not be sent fails the plan: header injection, a timezone TNZ
// does not know, and every misuse of templates.
func TestAccAdvice_planErrors(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	cases := []struct {
		name, resources string
		want            *regexp.Regexp
	}{
		{"header injection", `
resource "tnz_email" "test" {
  recipients    = ["ops@example.com"]
  email_subject = "Deploy\nBcc: everyone@example.com"
  message_plain = "done"
}`, summaryRegexp("email_subject holds a line break", "header injection")},
		{"unknown timezone", `
resource "tnz_sms" "test" {
  recipients = ["+6421000001"]
  message    = "hi"
  timezone   = "Middle Earth"
}`, summaryRegexp(`timezone "Middle Earth" is not one TNZ knows`)},
		{"template of another channel", `
resource "tnz_email_template" "t" {
  message_plain = "hi"
}
resource "tnz_sms" "test" {
  recipients = ["+6421000001"]
  template   = tnz_email_template.t
}`, summaryRegexp(summaryTemplateChannel, "takes a tnz_sms_template", "is a tnz_email_template")},
		{"template given as its id", `
resource "tnz_sms_template" "t" {
  message = "hi"
}
resource "tnz_sms" "test" {
  recipients = ["+6421000001"]
  template   = tnz_sms_template.t.id
}`, summaryRegexp(summaryTemplateNotResource, "template = tnz_sms_template.alerts, not its id")},
		{"attachment that never ends", `
resource "tnz_sms" "test" {
  recipients = ["+6421000001"]
  message    = "See [[File1]]"
  files      = [{ name = "zero.bin", path = "/dev/zero" }]
}`, summaryRegexp(summaryFileUnreadable, "not a regular file")},
		{"local template id as template_id", `
resource "tnz_sms" "test" {
  recipients  = ["+6421000001"]
  message     = "hi"
  template_id = "` + strings.Repeat("ab", 32) + `"
}`, summaryRegexp(summaryTemplateIDLocal, "pass the resource itself")},
	}
	var steps []resource.TestStep
	for _, c := range cases {
		steps = append(steps, resource.TestStep{Config: providerConfig(sb, sandbox.DefaultToken) + c.resources, PlanOnly: true, ExpectError: c.want})
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testProviders, Steps: steps})
	if n := sb.Server.APIRequests(); n != 0 {
		t.Errorf("%d API requests from failed plans", n)
	}
}

// send_time from timeadd(timestamp(), "1h") plans, and TNZ receives it
// converted into the message's timezone.
func TestAccAdvice_rfc3339SendTimeConverted(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: providerConfig(sb, sandbox.DefaultToken) + `
resource "tnz_sms" "test" {
  recipients = ["+6421000001"]
  message    = "Maintenance starts in an hour"
  send_time  = "2030-01-02T09:30:00Z"
  timezone   = "New Zealand"
}
`,
			Check: func(*terraform.State) error {
				body := lastBody(t, sb)
				if body["SendTime"] != "2030-01-02T22:30" || body["Timezone"] != "New Zealand" {
					return fmt.Errorf("sent SendTime %v, Timezone %v; want 2030-01-02T22:30 (NZDT) in New Zealand", body["SendTime"], body["Timezone"])
				}
				return nil
			},
		}},
	})
}

// The request fields the official SDKs send reach TNZ as its OpenAPI file
// names them; notification_type defaults to Webhook with a webhook URL.
func TestAccAdvice_newFieldsReachTNZ(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: providerConfig(sb, sandbox.DefaultToken) + `
resource "tnz_sms" "test" {
  recipients           = ["+6421000001"]
  message              = "Deploy finished [[CustomPage]]"
  fallback_mode        = "RCS"
  sms_custom_page_id   = "8000000a-f002-4007-b00a-d00000000001"
  webhook_callback_url = "https://hooks.example.com/tnz"
}

resource "tnz_tts" "test" {
  recipients        = ["+6495006000"]
  message_to_people = "The deploy finished"
  end_call_message  = "Goodbye"
  billing_account   = "ops-42"
  notification_type = "Email"
}

resource "tnz_fax" "test" {
  recipients   = ["+6495006000"]
  files        = [{ name = "report.txt", content = base64encode("report") }]
  stamp_format = "Sent [[Date]]"
}
`,
			Check: resource.ComposeAggregateTestCheckFunc(
				expectBodiesMatchSpec(t, sb),
				func(*terraform.State) error {
					want := map[string]map[string]any{
						"sms": {"FallbackMode": "RCS", "SMSCustomPageID": "8000000a-f002-4007-b00a-d00000000001", "NotificationType": "Webhook"},
						"tts": {"EndCallMessage": "Goodbye", "BillingAccount": "ops-42", "NotificationType": "Email"},
						"fax": {"StampFormat": "Sent [[Date]]"},
					}
					for _, r := range sb.Server.Received() {
						var body map[string]any
						if err := json.Unmarshal(r.Body, &body); err != nil {
							return err
						}
						for k, v := range want[string(r.Channel)] {
							if body[k] != v {
								return fmt.Errorf("%s sent %s = %v, want %v", r.Channel, k, body[k], v)
							}
						}
						delete(want, string(r.Channel))
					}
					if len(want) > 0 {
						return fmt.Errorf("no message received on %v", want)
					}
					return nil
				},
			),
		}},
	})
}
