package provider

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tnz-community/terraform-provider-tnz/internal/rejection"
	"github.com/tnz-community/terraform-provider-tnz/internal/sandbox"
	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// What the WhatsApp, RCS and Workflow tests share.

// dashboardTemplate is a TNZ Dashboard template id as TNZ's OpenAPI file
// writes them, and a valid RFC 9562 UUID, so that bodies carrying it
// validate against the file's uuid format.
const dashboardTemplate = "123e4567-e89b-12d3-a456-426614174000"

// whatsappContent and workflowContent are a valid body of each, but the
// recipients.
var (
	whatsappContent = lines(`template_id = "`+dashboardTemplate+`"`, `message     = "Deploy finished"`, `from_number = "+6495006000"`)
	workflowContent = `workflow_template_id = "` + dashboardTemplate + `"`
)

// The file rows apply to every channel with Files.
func init() {
	for _, c := range []struct{ resource, content string }{
		{"tnz_whatsapp", lines(`recipients = ["+6421000001"]`, whatsappContent)},
		{"tnz_rcs", lines(`recipients = ["+447700900001"]`, `message = "See [[File1]]"`)},
	} {
		rowCases = append(rowCases,
			rowCase{
				resource: c.resource, row: rejection.MissingFileName, position: 1, attribute: "name",
				atPlan:  lines(c.content, "files = [{\n  name    = \"\"\n  content = base64encode(\"notes\")\n}]"),
				late:    `""`,
				atApply: lines(c.content, "files = [{\n  name    = terraform_data.late.output\n  content = base64encode(\"notes\")\n}]"),
			},
			rowCase{
				resource: c.resource, row: rejection.MissingFileData, position: 1, attribute: "files",
				atPlan:  lines(c.content, `files = [{ name = "notes.txt", content = "" }]`),
				late:    `""`,
				atApply: lines(c.content, `files = [{ name = "notes.txt", content = terraform_data.late.output }]`),
			},
		)
	}
}

// withProviderSettings adds lines to the provider block of config.
func withProviderSettings(config string, settings ...string) string {
	return strings.Replace(config, "auth_token = ", lines(settings...)+"\n  auth_token = ", 1)
}

// planError is a resource body and the error plan must report for it.
type planError struct {
	name, body string
	want       *regexp.Regexp
}

// testPlanErrors plans each body as resourceType on its own, expecting its
// error, and checks nothing reached the sandbox.
func testPlanErrors(t *testing.T, resourceType string, cases []planError) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			sb := startSandbox(t, sandbox.Options{})
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				Steps: []resource.TestStep{{
					Config:      providerConfig(sb, sandbox.DefaultToken) + fmt.Sprintf("resource %q \"test\" {\n%s\n}\n", resourceType, c.body),
					PlanOnly:    true,
					ExpectError: c.want,
				}},
			})
			if got := sb.Server.APIRequests(); got != 0 {
				t.Errorf("the sandbox got %d API requests from a failed plan", got)
			}
		})
	}
}

// oneOf is the framework's error for a value outside an enum.
func oneOf(attribute string) *regexp.Regexp {
	return summaryRegexp("Invalid Attribute Value Match", attribute+" value must be one of")
}

// notUUID is the error for an id that is not a UUID.
func notUUID(attribute string) *regexp.Regexp {
	return summaryRegexp("Invalid id", attribute+" must be a TNZ id: a UUID")
}

// tooLong is the framework's error for a string over its length.
func tooLong(attribute string, limit int) *regexp.Regexp {
	return summaryRegexp("Invalid Attribute Value Length", fmt.Sprintf("%s string length must be at most %d", attribute, limit))
}

// missingRequired is the error for a required field left out (absent: the
// error points at the resource) or empty (it points at the attribute).
func missingRequired(fix string, attributes ...string) *regexp.Regexp {
	return summaryRegexp(summaryMissingRequired(attributes), fix)
}

// On API v2.0x the three channels are refused at plan, before anything
// is sent, with one error that says to use v3.00.
func TestAccWhatsAppRCSWorkflow_refusedOnAPIv2(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	for _, c := range []struct {
		resource string
		ch       tnz.Channel
		body     string
	}{
		{"tnz_whatsapp", tnz.WhatsApp, lines(`recipients = ["+6421000001"]`, whatsappContent)},
		{"tnz_rcs", tnz.RCS, lines(`recipients = ["+447700900001"]`, `message = "Deploy finished"`)},
		{"tnz_workflow", tnz.Workflow, lines(`recipients = ["ops@example.com"]`, workflowContent)},
	} {
		for _, version := range []string{tnz.V204, tnz.V202} {
			config := providerConfig(sb, sandbox.DefaultToken)
			if version == tnz.V202 {
				config = strings.Replace(config, fmt.Sprintf("auth_token = %q", sandbox.DefaultToken),
					fmt.Sprintf("sender  = %q\n  api_key = %q", sandbox.DefaultSender, sandbox.DefaultAPIKey), 1)
			} else {
				config = withProviderSettings(config, fmt.Sprintf("api_version = %q", version))
			}
			t.Run(c.resource+"/"+version, func(t *testing.T) {
				resource.Test(t, resource.TestCase{
					ProtoV6ProviderFactories: testProviders,
					Steps: []resource.TestStep{{
						Config:      config + fmt.Sprintf("resource %q \"test\" {\n%s\n}\n", c.resource, c.body),
						PlanOnly:    true,
						ExpectError: summaryRegexp(summaryChannelVersion(c.ch), detailChannelVersion(c.ch, version)),
					}},
				})
			})
		}
	}
	if got := sb.Server.APIRequests(); got != 0 {
		t.Errorf("the sandbox got %d API requests from refused plans", got)
	}
}

// sentBody decodes the body of the one message the sandbox holds on ch.
func sentBody(sb *sandbox.Running, ch tnz.Channel) (map[string]any, error) {
	var found []sandbox.Received
	for _, r := range sb.Server.Received() {
		if r.Channel == string(ch) {
			found = append(found, r)
		}
	}
	if len(found) != 1 {
		return nil, fmt.Errorf("the sandbox holds %d %s messages, want 1", len(found), ch)
	}
	var body map[string]any
	return body, json.Unmarshal(found[0].Body, &body)
}

// expectBody checks the keys of the one body sent on ch: present ones
// with their values ("" for any value), and absent ones.
func expectBody(sb *sandbox.Running, ch tnz.Channel, present map[string]string, absent ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		body, err := sentBody(sb, ch)
		if err != nil {
			return err
		}
		for k, want := range present {
			v, ok := body[k]
			if !ok || (want != "" && fmt.Sprint(v) != want) {
				return fmt.Errorf("%s body: %s = %v, want %q: %v", ch, k, v, want, body)
			}
		}
		for _, k := range absent {
			if _, ok := body[k]; ok {
				return fmt.Errorf("%s body carries %s: %v", ch, k, body)
			}
		}
		return nil
	}
}
