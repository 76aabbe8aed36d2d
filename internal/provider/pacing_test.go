package provider

import (
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

// pacingConfig: a TTS call job placed now, and a Voice call job scheduled
// for later; operators "" leaves number_of_operators out.
func pacingConfig(sb *sandbox.Running, ttsOperators, voiceOperators, voiceSendTime string) string {
	attribute := func(n string) string {
		if n == "" {
			return ""
		}
		return "number_of_operators = " + n
	}
	return providerConfig(sb, sandbox.DefaultToken) + fmt.Sprintf(`
resource "tnz_tts" "incident" {
  recipients        = ["+6495006001", "+6495006002", "+6495006003"]
  message_to_people = "Incident bridge open. Press 1 to join."
  keypads           = [{ tone = 1, route_number = "+6495006000" }]
  %s
}

resource "tnz_voice" "drill" {
  recipients        = ["+6495006004"]
  message_to_people = "UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQAAAAA="
  send_time         = %q
  timezone          = "New Zealand"
  %s
}
`, attribute(ttsOperators), voiceSendTime, attribute(voiceOperators))
}

// expectPacing checks the nth message on channel ch at the sandbox (from
// 0): the NumberOfOperators in force and its actions, "Pacing <n>" or
// "Reschedule <send time>".
func expectPacing(sb *sandbox.Running, ch tnz.Channel, nth, operators int, actions ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got, err := inspect(sb)
		if err != nil {
			return err
		}
		seen := 0
		for _, m := range got.Messages {
			if m.Channel != string(ch) {
				continue
			}
			if seen++; seen <= nth {
				continue
			}
			var done []string
			for _, a := range m.Actions {
				done = append(done, strings.TrimSpace(fmt.Sprintf("%s %s", a.Action, a.SendTime+numberOrEmpty(a.NumberOfOperators))))
			}
			if m.NumberOfOperators != operators || fmt.Sprint(done) != fmt.Sprint(actions) {
				return fmt.Errorf("%s message %d: %d operators after %q, want %d after %q", ch, nth+1, m.NumberOfOperators, done, operators, actions)
			}
			return nil
		}
		return fmt.Errorf("the sandbox holds %d %s messages, want message %d", seen, ch, nth+1)
	}
}

func numberOrEmpty(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprint(n)
}

// number_of_operators changes in place while TNZ has not finished the job
// (Pending or Delayed), through TNZ's pacing action; removing it restores
// TNZ's default; once the job completed, a change places the calls again.
func TestAccPacing_inPlaceOnUnfinishedJobs(t *testing.T) {
	t.Parallel()
	clock := sandbox.NewManualClock(time.Date(2029, 12, 1, 0, 0, 0, 0, time.UTC))
	// The test reads the status right after sending, which TNZ may answer
	// with its documented 404: no visibility delay here.
	sb := startSandbox(t, sandbox.Options{Clock: clock, CompletionDelay: time.Hour, VisibilityDelay: -1})
	job := func(name string) statecheck.StateCheck {
		want := tnz.JobPending
		if name == "tnz_voice.drill" {
			want = tnz.JobDelayed
		}
		return statecheck.ExpectKnownValue(name, tfjsonpath.New("status").AtMapKey("job_status"), knownvalue.StringExact(want))
	}
	update := func(names ...string) resource.ConfigPlanChecks {
		var checks []plancheck.PlanCheck
		for _, n := range names {
			checks = append(checks, plancheck.ExpectResourceAction(n, plancheck.ResourceActionUpdate))
		}
		return resource.ConfigPlanChecks{PreApply: checks}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config:            pacingConfig(sb, "2", "1", "2030-01-01T09:00"),
				ConfigStateChecks: []statecheck.StateCheck{job("tnz_tts.incident"), job("tnz_voice.drill")},
				Check:             resource.ComposeAggregateTestCheckFunc(expectReceived(sb, 2), expectPacing(sb, tnz.TTS, 0, 2), expectPacing(sb, tnz.Voice, 0, 1)),
			},
			// Pending and Delayed jobs are paced in place; the Voice job is
			// rescheduled in the same update.
			{
				Config:           pacingConfig(sb, "5", "3", "2030-01-02T09:00"),
				ConfigPlanChecks: update("tnz_tts.incident", "tnz_voice.drill"),
				Check: resource.ComposeAggregateTestCheckFunc(
					expectReceived(sb, 2),
					expectPacing(sb, tnz.TTS, 0, 5, "Pacing 5"),
					expectPacing(sb, tnz.Voice, 0, 3, "Reschedule 2030-01-02T09:00", "Pacing 3"),
					resource.TestCheckResourceAttr("tnz_tts.incident", "number_of_operators", "5"),
				),
			},
			// Removing it restores TNZ's default.
			{
				Config:           pacingConfig(sb, "", "3", "2030-01-02T09:00"),
				ConfigPlanChecks: update("tnz_tts.incident"),
				Check: resource.ComposeAggregateTestCheckFunc(
					expectReceived(sb, 2),
					expectPacing(sb, tnz.TTS, 0, tnz.MaxNumberOfOperators, "Pacing 5", "Pacing 99999"),
					resource.TestCheckNoResourceAttr("tnz_tts.incident", "number_of_operators"),
				),
			},
			// The TTS job has completed: a new number of operators is a new
			// call job; the Voice job, still held, is paced in place.
			{
				PreConfig: func() { clock.Advance(2 * time.Hour) },
				Config:    pacingConfig(sb, "4", "6", "2030-01-02T09:00"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("tnz_tts.incident", plancheck.ResourceActionReplace),
					plancheck.ExpectResourceAction("tnz_voice.drill", plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeAggregateTestCheckFunc(
					expectReceived(sb, 3),
					expectPacing(sb, tnz.TTS, 0, tnz.MaxNumberOfOperators, "Pacing 5", "Pacing 99999"),
					expectPacing(sb, tnz.Voice, 0, 6, "Reschedule 2030-01-02T09:00", "Pacing 3", "Pacing 6"),
					expectPacing(sb, tnz.TTS, 1, 4),
				),
			},
		},
	})
}
