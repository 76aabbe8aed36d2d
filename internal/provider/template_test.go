package provider

import (
	"encoding/json"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tnz-community/terraform-provider-tnz/internal/sandbox"
)

// bodiesByReference decodes what the sandbox accepted, keyed by Reference.
func bodiesByReference(sb *sandbox.Running) (map[string]map[string]any, error) {
	out := map[string]map[string]any{}
	for _, r := range sb.Server.Received() {
		var body map[string]any
		if err := json.Unmarshal(r.Body, &body); err != nil {
			return nil, err
		}
		ref, _ := body["Reference"].(string)
		out[ref] = body
	}
	return out, nil
}

// expectFields checks body fields of the message sent with reference ref;
// a nil want means the key must be absent.
func expectFields(sb *sandbox.Running, ref string, want map[string]any) resource.TestCheckFunc {
	return func(*terraform.State) error {
		bodies, err := bodiesByReference(sb)
		if err != nil {
			return err
		}
		body, ok := bodies[ref]
		if !ok {
			return fmt.Errorf("no message with Reference %q among %d", ref, len(bodies))
		}
		for k, v := range want {
			got, present := body[k]
			switch {
			case v == nil && present:
				return fmt.Errorf("%s: %s = %v, want it absent", ref, k, got)
			case v != nil && fmt.Sprint(got) != fmt.Sprint(v):
				return fmt.Errorf("%s: %s = %v, want %v", ref, k, got, v)
			}
		}
		return nil
	}
}

const smsTemplate = `
resource "tnz_sms_template" "alerts" {
  message              = "Kia ora [[FirstName]], %s"
  reference            = "from-template"
  webhook_callback_url = "https://hooks.example.com/tnz"
  sub_account          = "ops"
  test_mode            = true
  files                = [{ name = "notes.txt", content = base64encode("notes") }]
}

# Everything from the template.
resource "tnz_sms" "plain" {
  recipients = ["+6421000001"]
  template   = tnz_sms_template.alerts
}

# Its own reference, message, sub_account and files override the template's.
resource "tnz_sms" "overrides" {
  destinations = [{ recipient = "+6421000002", first_name = "Aroha" }]
  template     = tnz_sms_template.alerts
  reference    = "own-reference"
  message      = "Own text for [[FirstName]]"
  sub_account  = "billing"
  files        = [{ name = "own.txt", content = base64encode("own") }]
}
`

func TestAccTemplate_sendsMergedContentAndResendsOnChange(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	config := func(text string) string {
		return providerConfig(sb, sandbox.DefaultToken) + fmt.Sprintf(smsTemplate, text)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config: config("deploy v1 is live."),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						// The template's id is a digest of its content, known when planning.
						plancheck.ExpectKnownValue("tnz_sms_template.alerts", tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^[0-9a-f]{64}$`))),
					},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					expectReceived(sb, 2),
					expectBodiesMatchSpec(t, sb),
					expectFields(sb, "from-template", map[string]any{
						"Message":            "Kia ora [[FirstName]], deploy v1 is live.", // merge tokens pass through untouched
						"WebhookCallbackURL": "https://hooks.example.com/tnz",
						"SubAccount":         "ops",
						"Mode":               "Test",
						"Files":              "[map[Data:bm90ZXM= Name:notes.txt]]",
					}),
					expectFields(sb, "own-reference", map[string]any{
						"Message":            "Own text for [[FirstName]]",
						"WebhookCallbackURL": "https://hooks.example.com/tnz",
						"SubAccount":         "billing",
						"Mode":               "Test",
						"Files":              "[map[Data:b3du Name:own.txt]]",
					}),
					// State holds the send's own values only, not the template's.
					resource.TestCheckNoResourceAttr("tnz_sms.plain", "message"),
					resource.TestCheckResourceAttrPair("tnz_sms.plain", "template.id", "tnz_sms_template.alerts", "id"),
				),
			},
			{
				Config: config("deploy v1 is live."),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: expectReceived(sb, 2),
			},
			// Changing the template updates it in place and sends every message using it again, once.
			{
				Config: config("deploy v2 is live."),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("tnz_sms_template.alerts", plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction("tnz_sms.plain", plancheck.ResourceActionReplace),
						plancheck.ExpectResourceAction("tnz_sms.overrides", plancheck.ResourceActionReplace),
					},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					expectReceived(sb, 4),
					expectFields(sb, "from-template", map[string]any{"Message": "Kia ora [[FirstName]], deploy v2 is live."}),
				),
			},
		},
	})
}

// Override precedence, field by field, on a call: lists replace whole lists.
func TestAccTemplate_overridePrecedenceOnCalls(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: providerConfig(sb, sandbox.DefaultToken) + `
resource "tnz_tts_template" "bridge" {
  message_to_people   = "Press 1 for the bridge"
  voice               = "Female1"
  keypads             = [{ tone = 1, route_number = "+64800123123" }]
  number_of_operators = 3
  retry_attempts      = 2
}

resource "tnz_tts" "inherits" {
  recipients = ["+6495006000"]
  reference  = "inherits"
  template   = tnz_tts_template.bridge
}

resource "tnz_tts" "overrides" {
  recipients          = ["+6495006001"]
  reference           = "overrides"
  template            = tnz_tts_template.bridge
  voice               = "Male1"
  keypads             = [{ tone = 2, play_section = "Main" }]
  number_of_operators = 1
}
`,
			Check: resource.ComposeAggregateTestCheckFunc(
				expectReceived(sb, 2),
				expectFields(sb, "inherits", map[string]any{
					"MessageToPeople": "Press 1 for the bridge", "Voice": "Female1", "NumberOfOperators": 3, "RetryAttempts": 2,
					"Keypads": "[map[RouteNumber:+64800123123 Tone:1]]",
				}),
				expectFields(sb, "overrides", map[string]any{
					"MessageToPeople": "Press 1 for the bridge", "Voice": "Male1", "NumberOfOperators": 1, "RetryAttempts": 2,
					"Keypads": "[map[PlaySection:Main Tone:2]]",
				}),
			),
		}},
	})
}

// A template that breaks a content rule fails the plan that creates it.
// (Terraform does not plan resources downstream of an error, so the sends
// using it are not planned in that run.)
func TestAccTemplate_brokenTemplateFailsAtPlan(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: providerConfig(sb, sandbox.DefaultToken) + `
resource "tnz_tts_template" "bad" {
  message_to_people = "Press a key"
  keypads           = [{ tone = 12, play = "Goodbye" }]
}

resource "tnz_tts" "call" {
  recipients = ["+6495006000"]
  template   = tnz_tts_template.bad
}
`,
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)Error: Invalid tone on keypad 1\. Tone must be between 0~9.*with tnz_tts_template\.bad`),
		}},
	})
	if n := sb.Server.APIRequests(); n != 0 {
		t.Errorf("the plan made %d API requests", n)
	}
}

// Validation sees through a template created in the same plan: the merged
// message is checked on every send that uses it.
func TestAccTemplate_sendsSeeThroughTemplateInSamePlan(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	config := providerConfig(sb, sandbox.DefaultToken) + `
resource "tnz_tts_template" "voice_only" {
  voice = "Female1" # no message_to_people: fine for a template
}

resource "tnz_tts" "first" {
  recipients = ["+6495006000"]
  template   = tnz_tts_template.voice_only
}

resource "tnz_tts" "second" {
  recipients = ["+6495006001"]
  template   = tnz_tts_template.voice_only
}
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{Config: config, PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)Error: Missing message to people.*with tnz_tts\.first`)},
			{Config: config, PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)Error: Missing message to people.*with tnz_tts\.second`)},
		},
	})
	if n := sb.Server.APIRequests(); n != 0 {
		t.Errorf("the plan made %d API requests", n)
	}
}

// A Dashboard template id stands in for the message body.
func TestAccTemplate_templateIDWithoutMessage(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: providerConfig(sb, sandbox.DefaultToken) + `
resource "tnz_sms" "dashboard" {
  recipients  = ["+6421000001"]
  reference   = "dashboard"
  template_id = "123e4567-e89b-12d3-a456-426614174000"
}
`,
			Check: resource.ComposeAggregateTestCheckFunc(
				expectReceived(sb, 1),
				expectBodiesMatchSpec(t, sb),
				expectFields(sb, "dashboard", map[string]any{"TemplateID": "123e4567-e89b-12d3-a456-426614174000", "Message": nil}),
			),
		}},
	})
}

// provider::tnz::render previews a template for one destination.
func TestAccRenderFunction(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: providerConfig(sb, sandbox.DefaultToken) + `
resource "tnz_sms_template" "alerts" {
  message = "Kia ora [[FirstName]], [[Custom1]] is live. Reply [[REPLY]]"
}

output "preview" {
  value = provider::tnz::render(tnz_sms_template.alerts.message, { first_name = "Aroha", custom1 = "v1.4.2" })
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("preview", knownvalue.StringExact("Kia ora Aroha, v1.4.2 is live. Reply [[REPLY]]")),
			},
		}},
	})
}
