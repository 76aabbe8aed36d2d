package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tnz-community/terraform-provider-tnz/internal/rejection"
	"github.com/tnz-community/terraform-provider-tnz/internal/sandbox"
)

// clearCredentialEnv keeps the machine's TNZ_* variables out of a test.
func clearCredentialEnv(t *testing.T) {
	for _, v := range []string{envAuthToken, envSender, envAPIKey, envBaseURL} {
		t.Setenv(v, "")
	}
}

func providerBlock(sb *sandbox.Running, attrs string) string {
	return fmt.Sprintf(`
terraform {
  required_providers {
    tnz = { source = "tnz-community/tnz" }
  }
}

provider "tnz" {
  base_url = %q
  %s
}

resource "tnz_sms" "test" {
  recipients = ["+6421000001"]
  message    = "Deploy finished"
}
`, sb.URL, attrs)
}

// Every provider-level row, and the credential combinations TNZ cannot use,
// fail the plan before anything is sent.
func TestAccProviderCredentialRows(t *testing.T) {
	clearCredentialEnv(t)
	sb := startSandbox(t, sandbox.Options{})
	cases := []struct {
		attrs string
		want  *regexp.Regexp
	}{
		{`api_key = "k"`, summaryRegexp(rejection.MissingSender.Text, rejection.MissingSender.Fix)},
		{`sender = "api@example.com"`, summaryRegexp(rejection.MissingAPIKey.Text, rejection.MissingAPIKey.Fix)},
		{`sender = "application"` + "\n" + `api_key = "k"`, summaryRegexp(rejection.InvalidSenderFormat.Text, rejection.InvalidSenderFormat.Fix)},
		{``, summaryRegexp(rejection.Unauthorized.Text, rejection.Unauthorized.Fix)},
		{`auth_token = "t"` + "\n" + `sender = "api@example.com"` + "\n" + `api_key = "k"`, summaryRegexp(summaryConflictingCredentials, "not both")},
		{`auth_token = "t"` + "\n" + `api_version = "v2.02"`, summaryRegexp(summaryVersionCredentials, "authenticates with sender and api_key")},
		{`sender = "api@example.com"` + "\n" + `api_key = "k"` + "\n" + `api_version = "v2.04"`, summaryRegexp(summaryVersionCredentials, "authenticates with auth_token")},
	}
	var steps []resource.TestStep
	for _, c := range cases {
		steps = append(steps, resource.TestStep{Config: providerBlock(sb, c.attrs), PlanOnly: true, ExpectError: c.want})
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testProviders, Steps: steps})
	if n := sb.Server.APIRequests(); n != 0 {
		t.Errorf("%d API requests from failed plans", n)
	}
}

// Sends on v2.04 (token, Basic) and v2.02 (sender and api_key in the body)
// reach the sandbox in the v2 wire format.
func TestAccLegacyVersionsSend(t *testing.T) {
	clearCredentialEnv(t)
	for _, c := range []struct{ version, attrs string }{
		{"v2.04", fmt.Sprintf("auth_token = %q\napi_version = \"v2.04\"", sandbox.DefaultToken)},
		{"v2.02", fmt.Sprintf("sender = %q\napi_key = %q", sandbox.DefaultSender, sandbox.DefaultAPIKey)},
	} {
		t.Run(c.version, func(t *testing.T) {
			// It reads the status right after sending, which TNZ may answer
			// with its documented 404: no visibility delay here.
			sb := startSandbox(t, sandbox.Options{CompletionDelay: -1, VisibilityDelay: -1})
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				Steps: []resource.TestStep{{
					Config: providerBlock(sb, c.attrs) + `
resource "tnz_tts" "call" {
  recipients              = ["+6495006000"]
  message_to_people       = "The deploy finished"
  message_to_answerphones = "Call back"
  keypads                 = [{ tone = 1, route_number = "+64800123123" }]
  timezone                = "New Zealand"
  wait_for                = "completed"
  timeouts                = { create = "30s" }
}
`,
					Check: resource.ComposeAggregateTestCheckFunc(
						expectReceived(sb, 2),
						resource.TestCheckResourceAttr("tnz_sms.test", "status.job_status", "Completed"),
						resource.TestCheckResourceAttr("tnz_tts.call", "status.success", "1"),
						func(*terraform.State) error {
							for _, r := range sb.Server.Received() {
								body := string(r.Body)
								if r.APIVersion != c.version || !regexp.MustCompile(`^\{.*"MessageData":\{`).MatchString(body) {
									return fmt.Errorf("%s message on %s: %s", r.Channel, r.APIVersion, body)
								}
								if r.Channel == "tts" && (!strings.Contains(body, `"MessageToAnswerphones":"Call back"`) || !strings.Contains(body, `"TimeZone":"New Zealand"`)) {
									return fmt.Errorf("v2 spellings missing: %s", body)
								}
							}
							return nil
						},
					),
				}},
			})
		})
	}
}

// v2 accepts a call with wrong credentials and fails it afterwards; with
// wait_for = "completed" that becomes an apply-time error saying so.
func TestAccDeferredAuthentication(t *testing.T) {
	clearCredentialEnv(t)
	sb := startSandbox(t, sandbox.Options{CompletionDelay: -1})
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
  sender   = "api@example.com"
  api_key  = "not-the-key"
}

resource "tnz_sms" "test" {
  recipients = ["+6421000001"]
  message    = "Deploy finished"
  wait_for   = "completed"
  timeouts   = { create = "30s" } # a regression fails fast instead of waiting the default 10m
}
`, sb.URL),
			ExpectError: regexp.MustCompile(`(?s)Error: TNZ rejected the credentials.*authentication\s+engine\s+rejected.*API\s+Error\s+Email\s+Notify`),
		}},
	})
	if got := len(sb.Server.Received()); got != 1 {
		t.Errorf("the sandbox accepted %d messages, want 1 (accepted, then failed)", got)
	}
	if got := sb.Server.Notifications(); len(got) != 1 {
		t.Errorf("the sandbox recorded %d error notifications, want 1", len(got))
	}
}
