package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"sync"
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

func waitConfig(sb *sandbox.Running, recipients, extra string) string {
	return providerConfig(sb, sandbox.DefaultToken) + fmt.Sprintf(`
resource "tnz_sms" "test" {
  recipients = %s
  message    = "Deploy finished"
  wait_for   = "completed"
  %s
}
`, recipients, extra)
}

func TestAccWaitFor_completed(t *testing.T) {
	status := tfjsonpath.New("status")
	cases := []struct {
		name       string
		recipients string
		expectErr  *regexp.Regexp
		success    int64
		failed     int64
	}{
		{name: "all delivered", recipients: `["+6421000001", "+6421000002"]`, success: 2},
		// One failed among delivered: a warning, the apply succeeds.
		{name: "some failed", recipients: `["+6421000001", "+6421000099"]`, success: 1, failed: 1},
		// Destinations are masked in diagnostics, which reach the logs.
		{name: "all failed", recipients: `["+6421000099", "+6421000199"]`, expectErr: regexp.MustCompile(`(?s)Error: Delivery to destination 1 \(\+6421•+99\) failed.*TNZ reports "Bad Number"`)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			// Each status read moves the sandbox's clock a minute on: the job
			// completes after a few polls, with no sleeping in the test.
			sb := startSandbox(t, sandbox.Options{Clock: &advancingClock{now: time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC), step: time.Minute}, CompletionDelay: 3 * time.Minute})
			step := resource.TestStep{Config: waitConfig(sb, c.recipients, `timeouts = { create = "30s" }`), Check: expectReceived(sb, 1)}
			if c.expectErr != nil {
				step.ExpectError = c.expectErr
			} else {
				step.ConfigStateChecks = []statecheck.StateCheck{
					statecheck.ExpectKnownValue("tnz_sms.test", status, knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"job_status": knownvalue.StringExact(tnz.JobCompleted),
						"success":    knownvalue.Int64Exact(c.success),
						"failed":     knownvalue.Int64Exact(c.failed),
					})),
				}
			}
			resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testProviders, Steps: []resource.TestStep{step}})
			if got := len(sb.Server.Received()); got != 1 {
				t.Errorf("sent %d messages, want 1", got)
			}
		})
	}
}

// A wait that ends before the job completes is a warning: the message was
// sent, stays in state untainted, and the next plan sends nothing.
func TestAccWaitFor_timeoutKeepsTheMessage(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{CompletionDelay: time.Hour})
	config := waitConfig(sb, `["+6421000001"]`, `timeouts = { create = "2s" }`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("tnz_sms.test", tfjsonpath.New("status").AtMapKey("job_status"), knownvalue.StringExact(tnz.JobPending)),
				},
				// One send and its status read, then status polls at most
				// once a second for two seconds.
				Check: func(*terraform.State) error {
					if got := sb.Server.APIRequests(); got > 4 {
						return fmt.Errorf("%d API requests in a 2s wait: more than one status poll a second", got)
					}
					return nil
				},
			},
			// Not tainted: the same configuration plans no change.
			{Config: config, PlanOnly: true},
		},
	})
	if got := len(sb.Server.Received()); got != 1 {
		t.Errorf("sent %d messages, want 1", got)
	}
}

// advancingClock moves on by step every time it is read.
type advancingClock struct {
	mu   sync.Mutex
	now  time.Time
	step time.Duration
}

func (c *advancingClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(c.step)
	return c.now
}

// sendOutsideTerraform sends an SMS straight through the client, as another
// system would.
func sendOutsideTerraform(t *testing.T, sb *sandbox.Running, id string) {
	t.Helper()
	client, err := tnz.New(tnz.Config{BaseURL: sb.URL, AuthToken: sandbox.DefaultToken})
	if err != nil {
		t.Fatal(err)
	}
	msg := &tnz.SMSMessage{Message: "Sent by the deploy script"}
	msg.MessageID = id
	msg.Destinations = []tnz.Destination{{Recipient: "+6421000001"}}
	if _, err := client.Send(context.Background(), msg); err != nil {
		t.Fatal(err)
	}
}

func TestAccImport_adoptsWithoutSending(t *testing.T) {
	t.Parallel()
	// The test reads the status right after sending, which TNZ may answer
	// with its documented 404: no visibility delay here.
	sb := startSandbox(t, sandbox.Options{CompletionDelay: -1, VisibilityDelay: -1})
	sendOutsideTerraform(t, sb, "deployscript42")
	config := providerConfig(sb, sandbox.DefaultToken) + `
resource "tnz_sms" "adopted" {
  recipients = ["+6421000001"]
  message    = "Sent by the deploy script"
}
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config:             config,
				ResourceName:       "tnz_sms.adopted",
				ImportState:        true,
				ImportStateId:      "sms/deployscript42",
				ImportStatePersist: true,
				ImportStateCheck: func(states []*terraform.InstanceState) error {
					if len(states) != 1 || states[0].Attributes["message_id"] != "deployscript42" || states[0].Attributes["status.job_status"] != tnz.JobCompleted {
						return fmt.Errorf("imported %v", states)
					}
					return nil
				},
			},
			// The first apply records the configuration: an update, nothing sent.
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("tnz_sms.adopted", plancheck.ResourceActionUpdate)},
				},
				Check: expectReceived(sb, 1),
			},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: expectReceived(sb, 1),
			},
			// Adoption is once: a later content change sends a new message again.
			{
				Config: strings.Replace(config, "Sent by the deploy script", "Corrected text", 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("tnz_sms.adopted", plancheck.ResourceActionReplace)},
				},
				Check: expectReceived(sb, 2),
			},
		},
	})
}

func TestAccImport_verifyAndUnknownID(t *testing.T) {
	t.Parallel()
	// The test reads the status right after sending, which TNZ may answer
	// with its documented 404: no visibility delay here.
	sb := startSandbox(t, sandbox.Options{CompletionDelay: -1, VisibilityDelay: -1})
	config := providerConfig(sb, sandbox.DefaultToken) + `
resource "tnz_sms" "test" {
  recipients = ["+6421000001"]
  message    = "Deploy finished"
}
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{Config: config, Check: expectReceived(sb, 1)},
			{
				ResourceName:      "tnz_sms.test",
				ImportState:       true,
				ImportStateVerify: true,
				// Import adopts a message by id: TNZ does not return what it was
				// sent with, so the configuration's values are recorded on the
				// first apply instead.
				// Computed from the configuration, which an import does not have.
				ImportStateVerifyIgnore: []string{"recipients", "message", "status", "destination_count", "estimate"},
			},
			{
				ResourceName:  "tnz_sms.test",
				ImportState:   true,
				ImportStateId: "nosuchmessage",
				ExpectError:   regexp.MustCompile(`(?s)Error: Message\(s\) NOT found.*Check the message_id`),
			},
			{
				ResourceName:  "tnz_sms.test",
				ImportState:   true,
				ImportStateId: "email/abc",
				ExpectError:   regexp.MustCompile(`names channel "email", but this resource sends SMS`),
			},
		},
	})
	if got := len(sb.Server.Received()); got != 1 {
		t.Errorf("sent %d messages, want 1", got)
	}
}

func TestAccDataSourceMessageStatus(t *testing.T) {
	t.Parallel()
	// It reads a message sent outside Terraform right away, which TNZ may
	// answer with its documented 404: no visibility delay here.
	sb := startSandbox(t, sandbox.Options{CompletionDelay: -1, VisibilityDelay: -1})
	sendOutsideTerraform(t, sb, "elsewhere7")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config: providerConfig(sb, sandbox.DefaultToken) + `
data "tnz_message_status" "elsewhere" {
  channel    = "sms"
  message_id = "elsewhere7"
}
`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.tnz_message_status.elsewhere", tfjsonpath.New("status"), knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"job_status": knownvalue.StringExact(tnz.JobCompleted),
						"count":      knownvalue.Int64Exact(1),
						"recipients": knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"destination": knownvalue.StringExact("+6421000001"),
							"result":      knownvalue.StringExact("Delivered"),
						})}),
					})),
				},
			},
			{
				Config: providerConfig(sb, sandbox.DefaultToken) + `
data "tnz_message_status" "missing" {
  channel    = "email"
  message_id = "nosuchmessage"
}
`,
				ExpectError: regexp.MustCompile(`(?s)Error: Message\(s\) NOT found.*Unable to find entry`),
			},
		},
	})
}
