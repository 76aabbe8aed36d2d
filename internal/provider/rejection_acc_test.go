package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/tnz-community/terraform-provider-tnz/internal/rejection"
	"github.com/tnz-community/terraform-provider-tnz/internal/sandbox"
	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// rowCase is one documented rejection, made twice: once with the mistake
// known at plan time, once with it hidden behind a value that is unknown
// until apply, so that only the sandbox can catch it.
type rowCase struct {
	// resource is the send resource type; "" means tnz_sms.
	resource string
	row      *rejection.Row
	position int
	// attribute is the config line the diagnostic must point at.
	attribute string
	// atPlan is the tnz_sms body with the mistake written out.
	atPlan string
	// late is terraform_data.late's input; atApply uses terraform_data.late.output.
	late    string
	atApply string
}

var rowCases = []rowCase{
	{
		row: rejection.MissingMessage, attribute: "message",
		atPlan:  `recipients = ["+6421000001"]` + "\n" + `message = ""`,
		late:    `""`,
		atApply: `recipients = ["+6421000001"]` + "\n" + `message = terraform_data.late.output`,
	},
	{
		row: rejection.MissingFileName, position: 2, attribute: "name",
		atPlan: `recipients = ["+6421000001"]` + "\n" + `message = "See [[File1]] and [[File2]]"` + "\n" + `files = [
  { name = "a.txt", content = base64encode("first") },
  {
    name    = ""
    content = base64encode("second")
  },
]`,
		late: `""`,
		atApply: `recipients = ["+6421000001"]` + "\n" + `message = "See [[File1]] and [[File2]]"` + "\n" + `files = [
  { name = "a.txt", content = base64encode("first") },
  {
    name    = terraform_data.late.output
    content = base64encode("second")
  },
]`,
	},
	{
		row: rejection.MissingFileData, position: 1, attribute: "files",
		atPlan:  `recipients = ["+6421000001"]` + "\n" + `message = "See [[File1]]"` + "\n" + `files = [{ name = "a.txt", content = "" }]`,
		late:    `""`,
		atApply: `recipients = ["+6421000001"]` + "\n" + `message = "See [[File1]]"` + "\n" + `files = [{ name = "a.txt", content = terraform_data.late.output }]`,
	},

	// Email
	{
		resource: "tnz_email", row: rejection.MissingFileName, position: 1, attribute: "name",
		atPlan:  email(`recipients = ["ops@example.com"]`, `message_plain = "done"`, "files = [{\n  name    = \"\"\n  content = base64encode(\"notes\")\n}]"),
		late:    `""`,
		atApply: email(`recipients = ["ops@example.com"]`, `message_plain = "done"`, "files = [{\n  name    = terraform_data.late.output\n  content = base64encode(\"notes\")\n}]"),
	},
	{
		resource: "tnz_email", row: rejection.MissingFileData, position: 1, attribute: "files",
		atPlan:  email(`recipients = ["ops@example.com"]`, `message_plain = "done"`, `files = [{ name = "notes.txt", content = "" }]`),
		late:    `""`,
		atApply: email(`recipients = ["ops@example.com"]`, `message_plain = "done"`, `files = [{ name = "notes.txt", content = terraform_data.late.output }]`),
	},
	{
		resource: "tnz_email", row: rejection.MissingEmailBody, attribute: "message_plain",
		atPlan:  email(`recipients = ["ops@example.com"]`, `message_plain = ""`),
		late:    `""`,
		atApply: email(`recipients = ["ops@example.com"]`, `message_plain = terraform_data.late.output`),
	},
	// Fax
	{
		resource: "tnz_fax", row: rejection.MissingFaxContents, attribute: "files",
		atPlan:  lines(`recipients = ["+6495006000"]`, `files = []`),
		late:    `[]`,
		atApply: lines(`recipients = ["+6495006000"]`, `files = terraform_data.late.output`),
	},
	{
		resource: "tnz_fax", row: rejection.MissingFileName, position: 1, attribute: "name",
		atPlan:  lines(`recipients = ["+6495006000"]`, "files = [{\n  name    = \"\"\n  content = base64encode(\"page\")\n}]"),
		late:    `""`,
		atApply: lines(`recipients = ["+6495006000"]`, "files = [{\n  name    = terraform_data.late.output\n  content = base64encode(\"page\")\n}]"),
	},
	{
		resource: "tnz_fax", row: rejection.MissingFileData, position: 1, attribute: "files",
		atPlan:  lines(`recipients = ["+6495006000"]`, `files = [{ name = "a.pdf", content = "" }]`),
		late:    `""`,
		atApply: lines(`recipients = ["+6495006000"]`, `files = [{ name = "a.pdf", content = terraform_data.late.output }]`),
	},
	// TTS and Voice
	{
		resource: "tnz_tts", row: rejection.MissingMessageToPeople, attribute: "message_to_people",
		atPlan:  lines(`recipients = ["+6495006000"]`, `message_to_people = ""`),
		late:    `""`,
		atApply: lines(`recipients = ["+6495006000"]`, `message_to_people = terraform_data.late.output`),
	},
	{
		resource: "tnz_voice", row: rejection.MissingMessageToPeople, attribute: "message_to_people",
		atPlan:  lines(`recipients = ["+6495006000"]`, `message_to_people = ""`),
		late:    `""`,
		atApply: lines(`recipients = ["+6495006000"]`, `message_to_people = terraform_data.late.output`),
	},
	keypadCase("tnz_tts", rejection.MissingKeypadTone, "play", "play = \"Goodbye\"", "play = \"Goodbye\"\n    tone = terraform_data.late.output", `null`),
	keypadCase("tnz_voice", rejection.MissingKeypadTone, "play", "play = \"UklGRg==\"", "play = \"UklGRg==\"\n    tone = terraform_data.late.output", `null`),
	keypadCase("tnz_tts", rejection.InvalidKeypadTone, "tone", "tone = 12\n    play = \"Goodbye\"", "tone = terraform_data.late.output\n    play = \"Goodbye\"", `12`),
	keypadCase("tnz_voice", rejection.InvalidKeypadTone, "tone", "tone = 12\n    play = \"UklGRg==\"", "tone = terraform_data.late.output\n    play = \"UklGRg==\"", `12`),
	keypadCase("tnz_tts", rejection.MissingKeypadAction, "tone", "tone = 3", "tone = 3\n    play = terraform_data.late.output", `null`),
	keypadCase("tnz_voice", rejection.MissingKeypadAction, "tone", "tone = 3", "tone = 3\n    play = terraform_data.late.output", `null`),
	keypadCase("tnz_tts", rejection.InvalidRouteNumber, "route_number", "tone = 1\n    route_number = \"12345\"", "tone = 1\n    route_number = terraform_data.late.output", `"12345"`),
	keypadCase("tnz_voice", rejection.InvalidRouteNumber, "route_number", "tone = 1\n    route_number = \"0800 123 123\"", "tone = 1\n    route_number = terraform_data.late.output", `"0800 123 123"`),
}

// channelContent is a valid body for each send resource, with a recipient
// that suits it and one that does not: the rows TNZ documents for all
// channels are made on each of them.
var channelContent = []struct{ resource, content, good, bad string }{
	{"tnz_sms", `message = "Deploy finished"`, `"+6421000001"`, `"ops@example.com"`},
	{"tnz_email", lines(`email_subject = "Deploy"`, `message_plain = "done"`), `"ops@example.com"`, `"+6421000001"`},
	{"tnz_fax", faxFile, `"+6495006000"`, `"ops@example.com"`},
	{"tnz_tts", `message_to_people = "The deploy finished"`, `"+6495006000"`, `"ops@example.com"`},
	{"tnz_voice", `message_to_people = "UklGRg=="`, `"+6495006000"`, `"ops@example.com"`},
	{"tnz_whatsapp", whatsappContent, `"+6421000001"`, `"ops@example.com"`},
	{"tnz_rcs", `message = "Deploy finished"`, `"+447700900001"`, `"ops@example.com"`},
	{"tnz_workflow", workflowContent, `"ops@example.com"`, `"not-an-address"`},
}

func init() {
	for _, c := range channelContent {
		rowCases = append(rowCases,
			rowCase{
				resource: c.resource, row: rejection.MissingDestinations, attribute: "recipients",
				atPlan: lines(`recipients = []`, c.content), late: `[]`, atApply: lines(`recipients = terraform_data.late.output`, c.content),
			},
			rowCase{
				resource: c.resource, row: rejection.NoValidDestination, attribute: "recipients",
				atPlan: lines(`recipients = [`+c.bad+`]`, c.content), late: c.bad, atApply: lines(`recipients = [terraform_data.late.output]`, c.content),
			},
			rowCase{
				resource: c.resource, row: rejection.WebhookNotHTTPS, attribute: "webhook_callback_url",
				atPlan:  lines(`recipients = [`+c.good+`]`, c.content, `webhook_callback_url = "http://example.com/hook"`),
				late:    `"http://example.com/hook"`,
				atApply: lines(`recipients = [`+c.good+`]`, c.content, `webhook_callback_url = terraform_data.late.output`),
			},
		)
	}
}

const faxFile = `files = [{ name = "page.pdf", content = base64encode("page") }]`

func lines(l ...string) string { return strings.Join(l, "\n") }

func email(l ...string) string {
	return lines(append([]string{`email_subject = "Deploy"`}, l...)...)
}

func call(l ...string) string {
	return lines(append(l, `message_to_people = "The deploy finished"`)...)
}

// keypadCase puts the faulty keypad second, after a valid one, so that the
// position in the text is checked too.
func keypadCase(resource string, row *rejection.Row, attribute, atPlan, atApply, late string) rowCase {
	keypads := func(second string) string {
		return call(`recipients = ["+6495006000"]`, "keypads = [\n  { tone = 1, route_number = \"+64800123123\" },\n  {\n    "+second+"\n  },\n]")
	}
	return rowCase{resource: resource, row: row, position: 2, attribute: attribute, atPlan: keypads(atPlan), late: late, atApply: keypads(atApply)}
}

func (c rowCase) resourceType() string {
	if c.resource == "" {
		return "tnz_sms"
	}
	return c.resource
}

func (c rowCase) name() string {
	return c.resourceType() + "/" + strings.Trim(regexp.MustCompile(`[^A-Za-z0-9]+`).ReplaceAllString(c.row.Text, "_"), "_")
}

// diagnosticRegexp matches an error as Terraform prints it: the summary, the
// source line of the attribute it points at, then the detail.
func diagnosticRegexp(summary, attribute string, detail ...string) *regexp.Regexp {
	attributeLine := fmt.Sprintf(`\d+:\s+%s\s+=`, regexp.QuoteMeta(attribute))
	return regexp.MustCompile(`(?s)Error: ` + summaryRegexp(summary).String()[4:] + `\s.*` + attributeLine + `.*` + summaryRegexp(detail...).String()[4:])
}

// Every row checked on messages has a case on every channel it applies to.
func TestAccRejectionCasesCoverTable(t *testing.T) {
	covered := map[*rejection.Row]map[string]bool{}
	for _, c := range rowCases {
		if covered[c.row] == nil {
			covered[c.row] = map[string]bool{}
		}
		covered[c.row][c.resourceType()] = true
	}
	for _, r := range rejection.Table {
		if r.Stage != rejection.AtPlan {
			continue
		}
		for _, spec := range channelSpecs { // every send resource the provider has
			ch := spec.channel
			if r.AppliesTo(ch) && !covered[r]["tnz_"+string(ch)] {
				t.Errorf("row %q has no acceptance case on tnz_%s", r.Text, ch)
			}
		}
	}
}

func TestAccRejectionAtPlan(t *testing.T) {
	for _, c := range rowCases {
		t.Run(c.name(), func(t *testing.T) {
			t.Parallel()
			sb := startSandbox(t, sandbox.Options{})
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				Steps: []resource.TestStep{{
					Config:      providerConfig(sb, sandbox.DefaultToken) + fmt.Sprintf("resource %q \"test\" {\n%s\n}\n", c.resourceType(), c.atPlan),
					PlanOnly:    true,
					ExpectError: diagnosticRegexp(c.row.Summary(c.position), c.attribute, c.row.Fix),
				}},
			})
			if got := sb.Server.APIRequests(); got != 0 {
				t.Errorf("the sandbox got %d API requests from a failed plan", got)
			}
		})
	}
}

// With the real provider, a mistake hidden until apply is still caught
// before sending: Terraform validates the final values first.
func TestAccRejectionCaughtBeforeSending(t *testing.T) {
	for _, c := range rowCases {
		t.Run(c.name(), func(t *testing.T) {
			t.Parallel()
			sb := startSandbox(t, sandbox.Options{})
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				Steps: []resource.TestStep{{
					Config:      lateConfig(sb, c),
					ExpectError: diagnosticRegexp(c.row.Summary(c.position), c.attribute, c.row.Fix),
				}},
			})
			// Not even a rejected request: the provider caught it, not the sandbox.
			if got := sb.Server.APIRequests(); got != 0 {
				t.Errorf("the sandbox got %d API requests; the mistake reached it", got)
			}
		})
	}
}

func lateConfig(sb *sandbox.Running, c rowCase) string {
	return lateConfigOn(sb, c, "v3.00")
}

// lateConfigOn is lateConfig on a given API version (token credentials).
func lateConfigOn(sb *sandbox.Running, c rowCase, version string) string {
	return strings.Replace(providerConfig(sb, sandbox.DefaultToken), "auth_token = ", fmt.Sprintf("api_version = %q\n  auth_token = ", version), 1) + fmt.Sprintf(`
resource "terraform_data" "late" {
  input = %s
}

resource %q "test" {
%s
}
`, c.late, c.resourceType(), c.atApply)
}

// The server's rejection of the same mistake becomes the same diagnostic,
// in both wire formats.
func TestAccRejectionAtApply(t *testing.T) {
	for _, version := range []string{"v3.00", "v2.04"} {
		for _, c := range rowCases {
			t.Run(version+"/"+c.name(), func(t *testing.T) {
				t.Parallel()
				testRejectionAtApply(t, c, version)
			})
		}
	}
}

func testRejectionAtApply(t *testing.T, c rowCase, version string) {
	if ch := tnz.Channel(strings.TrimPrefix(c.resourceType(), "tnz_")); !ch.SupportedBy(version) {
		t.Skipf("API %s has no %s: the plan refuses it (TestAccWhatsAppRCSWorkflow_refusedOnAPIv2)", version, ch.Title())
	}
	sb := startSandbox(t, sandbox.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: serverChecksOnlyProviders,
		Steps: []resource.TestStep{{
			Config:      lateConfigOn(sb, c, version),
			ExpectError: diagnosticRegexp(c.row.Summary(c.position), c.attribute, c.row.Fix, "TNZ API answered HTTP 400"),
		}},
	})
	if got := len(sb.Server.Received()); got != 0 {
		t.Errorf("the sandbox accepted %d messages it should have rejected", got)
	}
}

// Unauthorized is a provider-level row: no credentials fail the plan; a
// wrong token is refused by the server at apply.
func TestAccRejectionUnauthorized(t *testing.T) {
	sb := startSandbox(t, sandbox.Options{})
	t.Setenv(envAuthToken, "")
	noToken := fmt.Sprintf(`
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
  message    = "Deploy finished"
}
`, sb.URL)
	wrongToken := providerConfig(sb, "not-the-sandbox-token") + `
resource "tnz_sms" "test" {
  recipients = ["+6421000001"]
  message    = "Deploy finished"
}
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config:      noToken,
				PlanOnly:    true,
				ExpectError: summaryRegexp("Unauthorized", rejection.Unauthorized.Fix),
			},
			{
				Config:      wrongToken,
				ExpectError: summaryRegexp("Unauthorized", rejection.Unauthorized.Fix, "TNZ API answered HTTP 401", "Access denied"),
			},
		},
	})
	if got := len(sb.Server.Received()); got != 0 {
		t.Errorf("the sandbox accepted %d messages without valid credentials", got)
	}
}
