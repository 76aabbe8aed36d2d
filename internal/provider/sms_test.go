package provider

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
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
)

// expectReceived checks how many messages the sandbox accepted.
func expectReceived(sb *sandbox.Running, want int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := len(sb.Server.Received()); got != want {
			return fmt.Errorf("the sandbox accepted %d messages, want %d", got, want)
		}
		return nil
	}
}

// lastBody decodes the last request body the sandbox accepted.
func lastBody(t *testing.T, sb *sandbox.Running) map[string]any {
	t.Helper()
	received := sb.Server.Received()
	if len(received) == 0 {
		t.Fatal("the sandbox received nothing")
	}
	var body map[string]any
	if err := json.Unmarshal(received[len(received)-1].Body, &body); err != nil {
		t.Fatalf("decoding the body: %v", err)
	}
	return body
}

func smsConfig(sb *sandbox.Running, message, release string) string {
	return providerConfig(sb, sandbox.DefaultToken) + fmt.Sprintf(`
resource "terraform_data" "release" {
  input = %q
}

resource "tnz_sms" "test" {
  recipients = ["+6421000001", "021 555 0199"]
  message    = %q
  reference  = "release"
  triggers = {
    release = terraform_data.release.output
  }
}
`, release, message)
}

func TestAccSMS_sendsExactlyOnce(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	config := smsConfig(sb, "Deployed v1", "v1")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: resource.ComposeAggregateTestCheckFunc(
					expectReceived(sb, 1),
					expectBodiesMatchSpec(t, sb),
					resource.TestMatchResourceAttr("tnz_sms.test", "message_id", regexp.MustCompile(`^[0-9a-f]{32}$`)),
					resource.TestCheckResourceAttrPair("tnz_sms.test", "id", "tnz_sms.test", "message_id"),
					func(*terraform.State) error {
						body := lastBody(t, sb)
						if body["Message"] != "Deployed v1" || body["Reference"] != "release" {
							return fmt.Errorf("unexpected body %v", body)
						}
						dests, _ := body["Destinations"].([]any)
						if len(dests) != 2 || dests[0].(map[string]any)["ToNumber"] != "+6421000001" {
							return fmt.Errorf("unexpected destinations %v", body["Destinations"])
						}
						return nil
					},
				),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("tnz_sms.test", tfjsonpath.New("status").AtMapKey("job_status"), knownvalue.StringExact("Pending")),
				},
			},
			// Refresh reads the status and never re-sends.
			{RefreshState: true, Check: expectReceived(sb, 1)},
			// A second apply of the same configuration changes nothing.
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("tnz_sms.test", plancheck.ResourceActionNoop)},
				},
				Check: expectReceived(sb, 1),
			},
		},
	})
}

func TestAccSMS_replacedWhenMessageChanges(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{Config: smsConfig(sb, "Deployed v1", "v1"), Check: expectReceived(sb, 1)},
			{
				Config: smsConfig(sb, "Deployed v1 (corrected)", "v1"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("tnz_sms.test", plancheck.ResourceActionReplace)},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					expectReceived(sb, 2),
					func(*terraform.State) error {
						if got := lastBody(t, sb)["Message"]; got != "Deployed v1 (corrected)" {
							return fmt.Errorf("re-sent message = %v", got)
						}
						return nil
					},
				),
			},
		},
	})
}

func TestAccSMS_replacedWhenTriggersChange(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{Config: smsConfig(sb, "A release went out", "v1"), Check: expectReceived(sb, 1)},
			{
				Config: smsConfig(sb, "A release went out", "v2"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("tnz_sms.test", plancheck.ResourceActionReplace)},
				},
				Check: expectReceived(sb, 2),
			},
		},
	})
}

// Status is refreshed on read: the sandbox's clock moves the job from
// Pending to Completed, with per-recipient outcomes.
func TestAccSMS_statusRefreshed(t *testing.T) {
	t.Parallel()
	clock := sandbox.NewManualClock(time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC))
	sb := startSandbox(t, sandbox.Options{Clock: clock, CompletionDelay: time.Minute})
	config := smsConfig(sb, "Deployed v1", "v1")
	status := tfjsonpath.New("status")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("tnz_sms.test", status.AtMapKey("job_status"), knownvalue.StringExact("Pending")),
				},
			},
			{
				PreConfig: func() { clock.Advance(2 * time.Minute) },
				Config:    config, // refresh, then an empty plan
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("tnz_sms.test", status, knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"job_status": knownvalue.StringExact("Completed"),
						"count":      knownvalue.Int64Exact(2),
						"success":    knownvalue.Int64Exact(1),
						"failed":     knownvalue.Int64Exact(1),
						"recipients": knownvalue.ListExact([]knownvalue.Check{
							knownvalue.ObjectPartial(map[string]knownvalue.Check{
								"destination": knownvalue.StringExact("+6421000001"),
								"status":      knownvalue.StringExact("Success"),
								"result":      knownvalue.StringExact("Delivered"),
							}),
							knownvalue.ObjectPartial(map[string]knownvalue.Check{
								"destination": knownvalue.StringExact("+64215550199"),
								"status":      knownvalue.StringExact("Failed"),
								"result":      knownvalue.StringExact("Bad Number"),
							}),
						}),
					})),
				},
				Check: expectReceived(sb, 1),
			},
		},
	})
}

// Configurations TNZ accepts must plan cleanly: lenient number forms,
// Address Book destinations, template ids, and values unknown at plan.
func TestAccSMS_validConfigurationsPlan(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	bodies := []string{
		`recipients = ["021 123 4567", "09 500 6000", "+6421000001", "0064 21 000 002"]` + "\n" + `message = "hi"`,
		`destinations = [{ contact_id = "6000000b-f002-4007-b00a-c00000000001" }, { group_code = "Oncall" }]` + "\n" + `message = "hi [[FirstName]]"`,
		`recipients = ["+6421000001"]` + "\n" + `template_id = "123e4567-e89b-12d3-a456-426614174000"`,
		`recipients = ["+6421000001"]` + "\n" + `message = "hi"` + "\n" + `webhook_callback_url = "https://example.com/hook"`,
		`recipients = [terraform_data.late.output]` + "\n" + `message = terraform_data.late.output` + "\n" + `webhook_callback_url = terraform_data.late.output`,
		`recipients = terraform_data.late_list.output` + "\n" + `message = "hi"` + "\n" + `files = [{ name = terraform_data.late.output, content = terraform_data.late.output }]`,
		`recipients = ["+6421000001", "not-a-number"]` + "\n" + `message = "one bad destination among good ones is a warning"`,
	}
	var config strings.Builder
	config.WriteString(providerConfig(sb, sandbox.DefaultToken))
	config.WriteString(`
resource "terraform_data" "late" {
  input = "x"
}

resource "terraform_data" "late_list" {
  input = ["+6421000001"]
}
`)
	for i, b := range bodies {
		fmt.Fprintf(&config, "\nresource \"tnz_sms\" \"valid_%d\" {\n%s\n}\n", i, b)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config:             config.String(),
			PlanOnly:           true,
			ExpectNonEmptyPlan: true,
		}},
	})
	if got := len(sb.Server.Received()); got != 0 {
		t.Errorf("a plan sent %d messages", got)
	}
}

// The token never reaches the logs, at TF_LOG=TRACE, while the request
// bodies do (so the check cannot pass by logging nothing).
func TestAccSMS_noTokenInTraceLogs(t *testing.T) {
	const token = "tok-5ecret-7f3a9c"
	sb := startSandbox(t, sandbox.Options{Tokens: []string{token}})
	logPath := filepath.Join(t.TempDir(), "trace.log")
	// The token comes from the environment, as users set it: the test
	// harness logs the configuration text itself at TRACE.
	t.Setenv(envAuthToken, token)
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_ACC_LOG_PATH", logPath)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
terraform {
  required_providers {
    tnz = { source = "tnz-community/tnz" }
  }
}

provider "tnz" {
  base_url = %q
}

resource "tnz_sms" "test" {
  recipients = ["+6421000001"]
  message    = "trace-marker-4411"
}
`, sb.URL),
			Check: expectReceived(sb, 1),
		}},
	})
	logs, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatalf("reading the log: %v", err)
	}
	if !strings.Contains(string(logs), "trace-marker-4411") {
		t.Fatalf("the TRACE log (%d bytes) does not contain the request body; the check below would be vacuous", len(logs))
	}
	if strings.Contains(string(logs), token) {
		t.Errorf("the TRACE log contains the auth token")
	}
}
