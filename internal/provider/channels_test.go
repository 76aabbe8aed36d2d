package provider

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tnz-community/terraform-provider-tnz/internal/sandbox"
)

// allChannels is one valid send of every channel, with most attributes set.
func allChannels(document string) string {
	return fmt.Sprintf(`
resource "tnz_sms" "test" {
  destinations = [{ recipient = "+6421000001", first_name = "Aroha", custom1 = "v1.4.2" }]
  message      = "Kia ora [[FirstName]], [[Custom1]] is live. [[File1]]"
  files        = [{ name = "notes.txt", content = base64encode("release notes") }]
  from_number  = "61408080909"
  test_mode    = false
}

resource "tnz_email" "test" {
  recipients    = ["ops@example.com"]
  email_subject = "Release v1.4.2"
  message_plain = "Release v1.4.2 is live."
  message_html  = "<p>Release <b>v1.4.2</b> is live.</p>"
  from          = "Deploy bot"
  reply_to      = "noreply@example.com"
  files         = [{ name = "notes.txt", path = %q }]
}

resource "tnz_fax" "test" {
  recipients     = ["09 500 6000"]
  files          = [{ name = "notes.txt", path = %q }]
  resolution     = "high"
  csid           = "DEPLOY"
  retry_attempts = 2
  retry_period   = 5
}

resource "tnz_tts" "test" {
  recipients        = ["+6495006000"]
  message_to_people = "Release v1.4.2 is live. Press 1 to talk to the on-call engineer."
  voice             = "Female1"
  keypads = [
    { tone = 1, route_number = "+64800123123" },
    { tone = 0, play_section = "Main" },
  ]
  number_of_operators = 2
}

resource "tnz_voice" "test" {
  recipients        = ["+6495006000"]
  message_to_people = "UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQAAAAA="
  keypads           = [{ tone = 9, play = "UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQAAAAA=" }]
}
`, document, document)
}

func TestAccChannels_eachSentExactlyOnce(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	document := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(document, []byte("release notes"), 0o600); err != nil {
		t.Fatal(err)
	}
	config := providerConfig(sb, sandbox.DefaultToken) + allChannels(document)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: resource.ComposeAggregateTestCheckFunc(
					expectReceived(sb, 5),
					expectOnePerChannel(sb),
					expectBodiesMatchSpec(t, sb),
					func(*terraform.State) error {
						for _, r := range sb.Server.Received() {
							if r.Channel == "fax" && !strings.Contains(string(r.Body), `"Resolution":"High"`) {
								return fmt.Errorf("resolution must be sent as the OpenAPI file spells it: %s", r.Body)
							}
						}
						return nil
					},
					resource.TestCheckResourceAttr("tnz_email.test", "files.0.sha256", sha256Hex("release notes")),
					resource.TestCheckResourceAttr("tnz_email.test", "files.0.path", document),
					resource.TestCheckNoResourceAttr("tnz_email.test", "files.0.content"),
				),
			},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: expectReceived(sb, 5),
			},
			// A document changed on disk is a new fax and a new e-mail.
			{
				PreConfig: func() {
					if err := os.WriteFile(document, []byte("corrected release notes"), 0o600); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("tnz_fax.test", plancheck.ResourceActionReplace),
						plancheck.ExpectResourceAction("tnz_email.test", plancheck.ResourceActionReplace),
						plancheck.ExpectResourceAction("tnz_sms.test", plancheck.ResourceActionNoop),
					},
				},
				Check: expectReceived(sb, 7),
			},
		},
	})
}

// expectOnePerChannel checks the sandbox holds one message per channel, with
// the channel's own body keys.
func expectOnePerChannel(sb *sandbox.Running) resource.TestCheckFunc {
	keys := map[string][]string{
		"sms":   {"Message", "Destinations", "Files", "FromNumber"},
		"email": {"EmailSubject", "MessagePlain", "MessageHTML", "From", "ReplyTo", "Files"},
		"fax":   {"Files", "Resolution", "CSID", "RetryAttempts", "RetryPeriod"},
		"tts":   {"MessageToPeople", "Voice", "Keypads", "NumberOfOperators"},
		"voice": {"MessageToPeople", "Keypads"},
	}
	return func(*terraform.State) error {
		seen := map[string]int{}
		for _, r := range sb.Server.Received() {
			seen[r.Channel]++
			var body map[string]any
			if err := json.Unmarshal(r.Body, &body); err != nil {
				return err
			}
			for _, k := range keys[r.Channel] {
				if _, ok := body[k]; !ok {
					return fmt.Errorf("%s body lacks %s: %s", r.Channel, k, r.Body)
				}
			}
			if strings.Contains(string(r.Body), "release notes\"") {
				return fmt.Errorf("%s body carries a file's bytes unencoded", r.Channel)
			}
		}
		for ch := range keys {
			if seen[ch] != 1 {
				return fmt.Errorf("the sandbox holds %d %s messages, want 1", seen[ch], ch)
			}
		}
		return nil
	}
}

// Configurations TNZ accepts plan cleanly on every channel.
func TestAccChannels_validConfigurationsPlan(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	config := providerConfig(sb, sandbox.DefaultToken) + `
resource "terraform_data" "late" {
  input = "x"
}

resource "terraform_data" "late_number" {
  input = 1
}

resource "tnz_email" "html_only" {
  recipients   = ["ops+alerts@example.com"]
  message_html = "<p>done</p>"
}

resource "tnz_email" "template" {
  recipients  = ["ops@example.com"]
  template_id = "123e4567-e89b-12d3-a456-426614174000"
}

resource "tnz_email" "late_body" {
  recipients    = [terraform_data.late.output]
  message_plain = terraform_data.late.output
}

resource "tnz_fax" "template" {
  recipients  = ["(09) 500-6000"]
  template_id = "123e4567-e89b-12d3-a456-426614174000"
}

resource "tnz_fax" "lowercase_resolution" {
  destinations = [{ contact_id = "6000000b-f002-4007-b00a-c00000000001" }]
  files        = [{ name = "a.pdf", content = base64encode("pdf") }]
  resolution   = "high"
}

resource "tnz_fax" "late_files" {
  recipients = ["+6495006000"]
  files      = [{ name = terraform_data.late.output, content = terraform_data.late.output }]
}

resource "tnz_tts" "lenient_keypads" {
  recipients        = ["021 123 4567"]
  message_to_people = "Press 0 to repeat, 1 for the operator"
  keypads = [
    { tone = 0, play_section = "Main" },
    { tone = 1, route_number = "64800123123" },
    { tone = 2, route_number = "+64800123123" },
  ]
}

resource "tnz_tts" "late_keypads" {
  recipients        = ["+6495006000"]
  message_to_people = "hello"
  keypads           = [{ tone = terraform_data.late_number.output, route_number = terraform_data.late.output }]
}

resource "tnz_tts" "template" {
  recipients  = ["+6495006000"]
  template_id = "123e4567-e89b-12d3-a456-426614174000"
}

resource "tnz_voice" "group" {
  destinations      = [{ group_id = "4000000b-f002-4007-b00a-c00000000002" }]
  message_to_people = "UklGRg=="
  keypads           = [{ tone = 5, play = "UklGRg==" }]
}
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config:             config,
			PlanOnly:           true,
			ExpectNonEmptyPlan: true,
		}},
	})
	if got := len(sb.Server.Received()); got != 0 {
		t.Errorf("a plan sent %d messages", got)
	}
}

// On API v3.00 a fax is sent from documents only.
func TestAccFax_messageNeedsAPIv2(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: providerConfig(sb, sandbox.DefaultToken) + `
resource "tnz_fax" "test" {
  recipients = ["+6495006000"]
  message    = "a text body"
}
`,
			PlanOnly:    true,
			ExpectError: diagnosticRegexp(summaryVersionField("message"), "message", "API v3.00 sends faxes from documents only"),
		}},
	})
}

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
