package provider

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
	"github.com/tnz-community/terraform-provider-tnz/internal/validators"
)

// A message id is up to 40 letters, digits or "-" (TNZ's OpenAPI file:
// MessageID, whose own examples carry "-"). Schema and import share the rule.
var messageIDPattern = regexp.MustCompile(`^[A-Za-z0-9-]{1,40}$`)

const messageIDRule = "must be 1 to 40 letters, digits or -"

// Attributes covered by the rejection table are Optional, so that users see
// TNZ's documented text rather than Terraform's "Missing required argument".
//
// No attribute carries a plan modifier for replacement: the resource's
// ModifyPlan compares the plan with the state once (see replacement), which
// costs one pass instead of one modifier call per attribute per plan.

// sendSchema is the schema of the send resource of spec's channel.
func sendSchema(ctx context.Context, spec channelSpec) schema.Schema {
	ch := spec.channel
	attrs := map[string]schema.Attribute{
		// Optional
		"recipients": schema.ListAttribute{
			ElementType:         types.StringType,
			Optional:            true,
			MarkdownDescription: fmt.Sprintf("Recipients as plain strings: %s. Shorthand for `destinations` with only `recipient` set; both may be used together. Required unless `destinations` is set.", recipientForms[ch]),
		},
		"destinations": schema.ListNestedAttribute{
			Optional:            true,
			MarkdownDescription: "Recipients with personalisation fields (`[[FirstName]]`, `[[Custom1]]`… in the message), or Address Book contacts and groups. Required unless `recipients` is set.",
			NestedObject:        schema.NestedAttributeObject{Attributes: destinationAttributes(ch)},
		},
		"template": schema.DynamicAttribute{
			Optional: true,
			MarkdownDescription: fmt.Sprintf("A message template, given as the whole resource: `template = tnz_%s_template.<name>` (not its `id`). "+
				"Every attribute the send sets itself overrides the template's; the rest come from the template. Changing the template sends the message again.", ch),
		},
		"message_id": schema.StringAttribute{
			Optional:            true,
			Computed:            true,
			MarkdownDescription: "Your identifier for the message (up to 40 letters, digits or `-`). Generated when absent. It is also the resource `id` and what status, import and actions use.",
			Validators:          []validator.String{stringvalidator.RegexMatches(messageIDPattern, messageIDRule)},
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"send_time": schema.StringAttribute{
			Optional: true,
			MarkdownDescription: "Delay sending until this local time, `YYYY-MM-DDThh:mm` (seconds optional) in `timezone` (the TNZ user's timezone when unset). Omit to send now. " +
				"Changing it while TNZ still holds the message (job status `Delayed`) reschedules that message in place; otherwise the change sends a new message.",
			Validators: []validator.String{validators.SendTime()},
		},
		"wait_for": schema.StringAttribute{
			Optional: true,
			MarkdownDescription: "`accepted` (default): creating the resource ends when TNZ accepts the message. `completed`: it then polls the status (at most once a second, " +
				"within `timeouts.create`) until the job completes; all recipients failed is an error, some failed a warning, and a wait that ends first is a warning. Changing it sends nothing.",
			Validators: []validator.String{stringvalidator.OneOf(waitAccepted, waitCompleted)},
		},
		"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, CreateDescription: "How long `wait_for = \"completed\"` waits, e.g. `10m` (the default)."}),
		"triggers": schema.MapAttribute{
			ElementType:         types.StringType,
			Optional:            true,
			MarkdownDescription: "Arbitrary values that send the message again when they change, e.g. `{ release = terraform_data.release.output }`. This is the explicit re-send key.",
		},

		// Computed
		"destination_count": schema.Int64Attribute{
			Computed: true,
			MarkdownDescription: "How many destinations the send names, known at plan: `recipients` plus `destinations` (an Address Book group counts as one). " +
				"The provider's `max_recipients_per_send` fails the plan above its limit.",
		},
		"id": schema.StringAttribute{
			Computed:            true,
			MarkdownDescription: "The message id (same as `message_id`).",
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"status": schema.SingleNestedAttribute{
			Computed:            true,
			MarkdownDescription: "Delivery status as TNZ last reported it, refreshed on every read. Reading never re-sends.",
			Attributes:          statusAttributes(ch),
			PlanModifiers:       []planmodifier.Object{objectplanmodifier.UseStateForUnknown()},
		},
	}
	for name, a := range templatableAttributes(spec) {
		if _, dup := attrs[name]; dup {
			panic(fmt.Sprintf("attribute %q is both a delivery and a content attribute", name))
		}
		attrs[name] = a
	}
	for name, a := range spec.sendAttributes {
		if _, dup := attrs[name]; dup {
			panic(fmt.Sprintf("channel attribute %q shadows a send attribute", name))
		}
		attrs[name] = a
	}
	return schema.Schema{
		MarkdownDescription: spec.description + " Every content attribute forces a new message; `triggers` re-sends on purpose. " +
			"Refresh reads the delivery status and never re-sends. Destroying only forgets the message (a sent message cannot be unsent), except that a message still scheduled for later is aborted.",
		Attributes: attrs,
	}
}

// recipientForms says, per channel, what a recipient is.
var recipientForms = map[tnz.Channel]string{
	tnz.SMS:   "mobile numbers (E.164 such as `+6421000001`, or local NZ forms such as `021 000 001`)",
	tnz.Email: "e-mail addresses",
	tnz.Fax:   "fax numbers (E.164 such as `+6495006000`, or local NZ forms such as `09 500 6000`)",
	tnz.TTS:   "phone numbers (E.164 such as `+6495006000`, or local NZ forms such as `09 500 6000`)",
	tnz.Voice: "phone numbers (E.164 such as `+6495006000`, or local NZ forms such as `09 500 6000`)",
}

// templatableAttributes are what a template may hold: the channel's content
// and the shared settings, everything but where and when to send.
func templatableAttributes(spec channelSpec) map[string]schema.Attribute {
	attrs := map[string]schema.Attribute{
		"template_id":          optionalString("UUID of a TNZ Dashboard message template (API v3.00). When set, the message body may be left empty: TNZ uses the template, and a message given here takes priority. For this provider's own templates use `template`."),
		"reference":            optionalString("A human-readable reference for reports (up to 100 characters).", stringvalidator.LengthAtMost(100)),
		"timezone":             optionalString("Windows timezone name for `send_time`, e.g. `New Zealand` or `AUS Eastern`.", stringvalidator.LengthAtMost(75)),
		"sub_account":          optionalString("Sub-account for reporting and billing (up to 40 characters).", stringvalidator.LengthAtMost(40)),
		"department":           optionalString("Department for reporting and billing (up to 40 characters).", stringvalidator.LengthAtMost(40)),
		"charge_code":          optionalString("Charge code for rebilling (sent only when set; not in TNZ's v3.00 OpenAPI file)."),
		"webhook_callback_url": optionalString("HTTPS URL that TNZ calls with delivery results. Must start with `https://`.", stringvalidator.LengthAtMost(500)),
		"webhook_callback_format": optionalString("Webhook body format: `JSON`, `XML`, `POST` or `GET`. Omit to use the TNZ user's default.",
			stringvalidator.OneOf("JSON", "XML", "POST", "GET")),
		"report_to": optionalString("E-mail address for the delivery report. Defaults to the provider's `report_to`."),
		"test_mode": optionalBool("Send in TNZ test mode (`Mode: Test`): accepted and reported successful without sending a live message."),
	}
	for name, a := range spec.attributes {
		if _, dup := attrs[name]; dup {
			panic(fmt.Sprintf("channel attribute %q shadows a shared attribute", name))
		}
		attrs[name] = a
	}
	return attrs
}

func optionalString(description string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, MarkdownDescription: description, Validators: validators}
}

func optionalBool(description string) schema.BoolAttribute {
	return schema.BoolAttribute{Optional: true, MarkdownDescription: description}
}

func optionalInt(description string, validators ...validator.Int64) schema.Int64Attribute {
	return schema.Int64Attribute{Optional: true, MarkdownDescription: description, Validators: validators}
}

func destinationAttributes(ch tnz.Channel) map[string]schema.Attribute {
	attrs := map[string]schema.Attribute{
		"recipient":  optionalString(fmt.Sprintf("The address: one of the %s.", recipientForms[ch])),
		"attention":  optionalString("The person's name (`[[Attention]]`).", stringvalidator.LengthAtMost(200)),
		"company":    optionalString("Company name (`[[Company]]`).", stringvalidator.LengthAtMost(60)),
		"first_name": optionalString("First name (`[[FirstName]]`).", stringvalidator.LengthAtMost(60)),
		"last_name":  optionalString("Last name (`[[LastName]]`).", stringvalidator.LengthAtMost(60)),
		"contact_id": optionalString("An Address Book contact id (UUID) instead of `recipient`."),
		"group_id":   optionalString("An Address Book group id (UUID): every contact in the group."),
		"group_code": optionalString("An Address Book group code, e.g. `Oncall_Team` (API v3.00)."),
	}
	for i := 1; i <= 9; i++ {
		attrs[fmt.Sprintf("custom%d", i)] = optionalString(fmt.Sprintf("Custom field %d (`[[Custom%d]]`).", i, i), stringvalidator.LengthAtMost(300))
	}
	return attrs
}

// filesAttribute is the attachment list of SMS, Email and Fax.
func filesAttribute(description string) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		Optional:            true,
		MarkdownDescription: description,
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"name":    optionalString("File name including its extension, e.g. `report.pdf`.", stringvalidator.LengthAtMost(255)),
			"content": optionalString("The file's bytes as base64, e.g. `filebase64(\"report.pdf\")`. Exactly one of `content` and `path`."),
			"path":    optionalString("A local regular file, read when planning and sending; only its path and `sha256` are kept in state, never its bytes. Exactly one of `content` and `path`."),
			"sha256":  schema.StringAttribute{Computed: true, MarkdownDescription: "SHA-256 of the file's bytes. A change shows as a replacement (a re-send) in the plan."},
		}},
	}
}

// statusRecipientsListed is how many recipients status lists: TNZ's page size,
// so that refreshing a send costs one call however many recipients it has.
const statusRecipientsListed = 100

// statusAttributes is a send's status: whether TNZ has acknowledged it, and
// what TNZ reports of it with the first statusRecipientsListed recipients.
func statusAttributes(ch tnz.Channel) map[string]schema.Attribute {
	attrs := reportedStatusAttributes(ch, fmt.Sprintf("Results of the first %d destinations (the counts above cover all of them); "+
		"the `tnz_message_status` data source lists every destination.", statusRecipientsListed))
	attrs["confirmed"] = schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether TNZ has acknowledged the message: it accepted the request, or a later look-up found it. " +
		"`false` while the send's outcome is uncertain (the request may have reached TNZ): every refresh asks TNZ again, and the provider's `resend_unconfirmed_after` decides when an unconfirmed message is sent again."}
	attrs["submitted_time"] = schema.StringAttribute{Computed: true, MarkdownDescription: "When the provider submitted the message (UTC, RFC 3339); empty for an imported message."}
	return attrs
}

// reportedStatusAttributes is what TNZ reports of a message: the job and its
// recipients' results (replies on SMS; on every channel when ch is "", for
// the data source that reads any channel).
func reportedStatusAttributes(ch tnz.Channel, recipientsDescription string) map[string]schema.Attribute {
	recipient := map[string]schema.Attribute{
		"destination": schema.StringAttribute{Computed: true, MarkdownDescription: "The address, phone numbers in E.164."},
		"contact_id":  schema.StringAttribute{Computed: true, MarkdownDescription: "Address Book contact id, if any."},
		"status":      schema.StringAttribute{Computed: true, MarkdownDescription: "`Success`, `Failed` or `Pending`."},
		"result":      schema.StringAttribute{Computed: true, MarkdownDescription: "TNZ's result text, e.g. `Delivered`."},
		"sent_time":   schema.StringAttribute{Computed: true, MarkdownDescription: "When it was sent (UTC)."},
	}
	if ch == tnz.SMS || ch == "" {
		recipient["replies"] = schema.ListNestedAttribute{
			Computed:            true,
			MarkdownDescription: "SMS replies from this destination (SMS only).",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"from":          schema.StringAttribute{Computed: true, MarkdownDescription: "Sender of the reply (E.164)."},
				"message_text":  schema.StringAttribute{Computed: true, MarkdownDescription: "The reply."},
				"received_time": schema.StringAttribute{Computed: true, MarkdownDescription: "When it arrived (UTC)."},
			}},
		}
	}
	return map[string]schema.Attribute{
		"job_status":   schema.StringAttribute{Computed: true, MarkdownDescription: "`Pending`, `Delayed`, `Completed`, `CreditHold` or `Unknown`."},
		"job_number":   schema.StringAttribute{Computed: true, MarkdownDescription: "TNZ's job number."},
		"count":        schema.Int64Attribute{Computed: true, MarkdownDescription: "Number of destinations."},
		"complete":     schema.Int64Attribute{Computed: true, MarkdownDescription: "Destinations completed."},
		"success":      schema.Int64Attribute{Computed: true, MarkdownDescription: "Destinations delivered."},
		"failed":       schema.Int64Attribute{Computed: true, MarkdownDescription: "Destinations that failed."},
		"created_time": schema.StringAttribute{Computed: true, MarkdownDescription: "When TNZ created the job (UTC)."},
		"recipients": schema.ListNestedAttribute{
			Computed:            true,
			MarkdownDescription: recipientsDescription,
			NestedObject:        schema.NestedAttributeObject{Attributes: recipient},
		},
	}
}
