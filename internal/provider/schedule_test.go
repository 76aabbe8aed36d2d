package provider

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
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

// inspection is what GET /sandbox/messages lists.
type inspection struct {
	Messages []struct {
		Channel           string
		MessageID         string
		JobStatus         string
		NumberOfOperators int
		Actions           []struct {
			Action, SendTime  string
			NumberOfOperators int
		}
	}
}

func inspect(sb *sandbox.Running) (inspection, error) {
	var out inspection
	resp, err := http.Get(sb.URL + "/sandbox/messages")
	if err != nil {
		return out, err
	}
	defer resp.Body.Close()
	return out, json.NewDecoder(resp.Body).Decode(&out)
}

// expectActions checks message i's job status and the actions taken on it.
func expectActions(sb *sandbox.Running, i int, job string, actions ...string) func(*terraform.State) error {
	return func(*terraform.State) error {
		got, err := inspect(sb)
		if err != nil {
			return err
		}
		if len(got.Messages) <= i {
			return fmt.Errorf("the sandbox holds %d messages, want message %d", len(got.Messages), i+1)
		}
		m := got.Messages[i]
		var names []string
		for _, a := range m.Actions {
			names = append(names, a.Action+" "+a.SendTime)
		}
		if m.JobStatus != job || fmt.Sprint(names) != fmt.Sprint(actions) {
			return fmt.Errorf("message %d: %s with actions %q, want %s with %q", i+1, m.JobStatus, names, job, actions)
		}
		return nil
	}
}

func scheduledConfig(sb *sandbox.Running, sendTime string) string {
	return providerConfig(sb, sandbox.DefaultToken) + fmt.Sprintf(`
resource "tnz_sms" "reminder" {
  recipients = ["+6421000001"]
  message    = "Maintenance window starts in one hour"
  send_time  = %q
  timezone   = "New Zealand"
}
`, sendTime)
}

// A scheduled send is rescheduled in place by a send_time change, replaced
// once it has gone, and aborted by destroy while TNZ still holds it.
func TestAccSchedule_rescheduleInPlaceAndAbortOnDestroy(t *testing.T) {
	t.Parallel()
	clock := sandbox.NewManualClock(time.Date(2029, 12, 1, 0, 0, 0, 0, time.UTC))
	// It reads the status right after sending, which TNZ may answer with its
	// documented 404: no visibility delay here.
	sb := startSandbox(t, sandbox.Options{Clock: clock, CompletionDelay: time.Minute, VisibilityDelay: -1})
	job := tfjsonpath.New("status").AtMapKey("job_status")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config: scheduledConfig(sb, "2030-01-01T09:00"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("tnz_sms.reminder", job, knownvalue.StringExact(tnz.JobDelayed)),
				},
				Check: expectReceived(sb, 1),
			},
			{
				Config: scheduledConfig(sb, "2030-01-02 09:30"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("tnz_sms.reminder", plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("tnz_sms.reminder", job, knownvalue.StringExact(tnz.JobDelayed)),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					expectReceived(sb, 1),
					expectActions(sb, 0, tnz.JobDelayed, "Reschedule 2030-01-02T09:30"),
				),
			},
			// Once sent, a new send_time is a new message; the old one is only forgotten.
			{
				PreConfig: func() { clock.Advance(60 * 24 * time.Hour) },
				Config:    scheduledConfig(sb, "2030-06-01T09:00"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("tnz_sms.reminder", plancheck.ResourceActionReplace)},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					expectReceived(sb, 2),
					expectActions(sb, 0, tnz.JobCompleted, "Reschedule 2030-01-02T09:30"),
					expectActions(sb, 1, tnz.JobDelayed),
				),
			},
		},
		// Destroy aborts the message still scheduled.
		CheckDestroy: expectActions(sb, 1, tnz.JobCompleted, "Abort "),
	})
}

func TestAccSchedule_invalidSendTime(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config:      scheduledConfig(sb, "24/12/2030 9am"),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)Invalid send_time.*YYYY-MM-DDThh:mm`),
		}},
	})
}

// Replies show on the message's status, and the data source lists inbound SMS.
func TestAccInboundSMS(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{CompletionDelay: -1})
	send := providerConfig(sb, sandbox.DefaultToken) + `
resource "tnz_sms" "ask" {
  recipients = ["+6421000001"]
  message    = "Reply YES to confirm the change window"
  message_id = "askwindow1"
}
`
	withData := send + `
data "tnz_sms_received" "last_hour" {
  time_period = 60
  depends_on  = [tnz_sms.ask]
}
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config: providerConfig(sb, sandbox.DefaultToken) + `
data "tnz_sms_received" "bad" {
  time_period = 2000
}
`,
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)time_period.*between 1 and 1440`),
			},
			{Config: send},
			{
				PreConfig: func() {
					if err := sb.Server.InjectReply("askwindow1", "+6421000001", "YES"); err != nil {
						t.Fatal(err)
					}
					sb.Server.InjectInbound("+6421000555", "Who is this?")
				},
				Config: withData,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("tnz_sms.ask", tfjsonpath.New("status").AtMapKey("recipients").AtSliceIndex(0).AtMapKey("replies"),
						knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"from": knownvalue.StringExact("+6421000001"), "message_text": knownvalue.StringExact("YES"),
						})})),
					statecheck.ExpectKnownValue("data.tnz_sms_received.last_hour", tfjsonpath.New("messages"), knownvalue.SetPartial([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"message_id": knownvalue.StringExact("askwindow1"), "message_text": knownvalue.StringExact("YES")}),
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"from": knownvalue.StringExact("+6421000555"), "message_text": knownvalue.StringExact("Who is this?")}),
					})),
				},
			},
		},
	})
	if got := len(sb.Server.Received()); got != 1 {
		t.Errorf("sent %d messages, want 1", got)
	}
}
