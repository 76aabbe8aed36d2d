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
		"wait_for": waitForAttribute(ch),
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
			MarkdownDescription: statusDescription(ch),
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
	lifecycle := "Refresh reads the delivery status and never re-sends. Destroying only forgets the message (a sent message cannot be unsent), except that a message still scheduled for later is aborted."
	if !ch.HasStatus() {
		lifecycle = "Refresh keeps the state as it is and never re-sends. Destroying only forgets the send: TNZ cannot abort a workflow."
	}
	return schema.Schema{
		MarkdownDescription: spec.description + " Every content attribute forces a new message; `triggers` re-sends on purpose. " + lifecycle,
		Attributes:          attrs,
	}
}

// waitForAttribute is wait_for: only "accepted" on a channel without a
// status to wait on.
func waitForAttribute(ch tnz.Channel) schema.StringAttribute {
	if !ch.HasStatus() {
		return optionalString("`accepted`, the only value: creating the resource ends when TNZ accepts the request. "+
			"TNZ has no status endpoint for "+ch.Title()+", so there is no completion to wait for.", stringvalidator.OneOf(waitAccepted))
	}
	return optionalString("`accepted` (default): creating the resource ends when TNZ accepts the message. `completed`: it then polls the status (at most once a second, "+
		"within `timeouts.create`) until the job completes; all recipients failed is an error, some failed a warning, and a wait that ends first is a warning. Changing it sends nothing.",
		stringvalidator.OneOf(waitAccepted, waitCompleted))
}

func statusDescription(ch tnz.Channel) string {
	if !ch.HasStatus() {
		return "Whether TNZ accepted the request, and when it was submitted. TNZ has no status endpoint for " + ch.Title() + ": nothing is refreshed; the TNZ Dashboard shows the workflow's progress."
	}
	return "Delivery status as TNZ last reported it, refreshed on every read. Reading never re-sends."
}

// recipientForms says, per channel, what a recipient is.
var recipientForms = map[tnz.Channel]string{
	tnz.SMS:      "mobile numbers (E.164 such as `+6421000001`, or local NZ forms such as `021 000 001`)",
	tnz.WhatsApp: "mobile numbers (E.164 such as `+6421000001`, or local NZ forms such as `021 000 001`)",
	tnz.RCS:      "mobile numbers (E.164 such as `+447700900001`; TNZ documents RCS as unsupported in New Zealand and Australia)",
	tnz.Workflow: "phone numbers (E.164 such as `+6421000001`, or local NZ forms) or e-mail addresses; an e-mail address is sent as the contact's e-mail address, anything else as its mobile number",
	tnz.Email:    "e-mail addresses",
	tnz.Fax:      "fax numbers (E.164 such as `+6495006000`, or local NZ forms such as `09 500 6000`)",
	tnz.TTS:      "phone numbers (E.164 such as `+6495006000`, or local NZ forms such as `09 500 6000`)",
	tnz.Voice:    "phone numbers (E.164 such as `+6495006000`, or local NZ forms such as `09 500 6000`)",
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
		"notification_type": optionalString("How TNZ reports delivery and replies for this message: "+quotedList(tnz.NotificationTypes)+" (API v3.00). "+
			"Omit to use the TNZ user's default, except that with `webhook_callback_url` set `Webhook` is sent, so that the webhook is called whatever the default.",
			stringvalidator.OneOf(tnz.NotificationTypes...)),
	}
	for name, a := range spec.attributes {
		if _, dup := attrs[name]; dup {
			panic(fmt.Sprintf("channel attribute %q shadows a shared attribute", name))
		}
		attrs[name] = a
	}
	for name, d := range spec.sharedDescriptions {
		attrs[name] = withDescription(attrs[name], d)
	}
	// The shared attributes a channel's requests lack stay in the schema
	// (every send shares one model) and fail the plan (checkVersion); their
	// description says so.
	for field, name := range unsupportedAttributes {
		if spec.channel.Lacks(field) {
			attrs[name] = withDescription(attrs[name], "Not available on "+spec.channel.Title()+": setting it fails the plan. "+detailChannelField(name, spec.channel))
		}
	}
	return attrs
}

// withDescription is a shared attribute with a channel's own description.
func withDescription(a schema.Attribute, description string) schema.Attribute {
	switch a := a.(type) {
	case schema.StringAttribute:
		a.MarkdownDescription = description
		return a
	case schema.BoolAttribute:
		a.MarkdownDescription = description
		return a
	}
	panic(fmt.Sprintf("withDescription: unhandled %T", a))
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
		"contact_id": optionalString("An Address Book contact id (UUID) instead of `recipient`.", validators.UUID()),
		"group_id":   optionalString("An Address Book group id (UUID): every contact in the group.", validators.UUID()),
		"group_code": optionalString("An Address Book group code, e.g. `Oncall_Team` (API v3.00)."),
	}
	for i := 1; i <= 9; i++ {
		attrs[fmt.Sprintf("custom%d", i)] = optionalString(fmt.Sprintf("Custom field %d (`[[Custom%d]]`).", i, i), stringvalidator.LengthAtMost(300))
	}
	// A Workflow contact may carry an address of each kind, one for each
	// step of the workflow; no other channel's destinations have them.
	for name, a := range addressesByKind {
		if !ch.Lacks(a.field) {
			attrs[name] = a.attribute
		}
	}
	return attrs
}

// addressesByKind are the destination attributes of a contact's addresses
// by kind, with the API's names.
var addressesByKind = map[string]struct {
	field     string
	attribute schema.StringAttribute
}{
	"to_number":     {"ToNumber", optionalString("The contact's mobile number, for the workflow's text steps.")},
	"email_address": {"EmailAddress", optionalString("The contact's e-mail address (up to 60 characters), for the workflow's e-mail steps.", stringvalidator.LengthAtMost(60))},
	"main_phone":    {"MainPhone", optionalString("The contact's voice number (up to 20 characters), for the workflow's call steps.", stringvalidator.LengthAtMost(20))},
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
	if !ch.HasStatus() {
		return map[string]schema.Attribute{
			"confirmed": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether TNZ accepted the request. `false` when the send's outcome was uncertain (the request may have reached TNZ): " +
				"TNZ cannot be asked about a " + ch.Title() + " send, so it stays unconfirmed and is never sent again unasked. Check the TNZ Dashboard; `terraform apply -replace` sends it again."},
			"submitted_time": schema.StringAttribute{Computed: true, MarkdownDescription: "When the provider submitted the request (UTC, RFC 3339); empty for an imported send."},
		}
	}
	attrs := reportedStatusAttributes(ch, false, fmt.Sprintf("Results of the first %d destinations (the counts above cover all of them); "+
		"the `tnz_message_status` data source lists every destination, with the fields TNZ holds for each.", statusRecipientsListed))
	attrs["confirmed"] = schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether TNZ has acknowledged the message: it accepted the request, or a later look-up found it. " +
		"`false` while the send's outcome is uncertain (the request may have reached TNZ): every refresh asks TNZ again, and the provider's `resend_unconfirmed_after` decides when an unconfirmed message is sent again."}
	attrs["submitted_time"] = schema.StringAttribute{Computed: true, MarkdownDescription: "When the provider submitted the message (UTC, RFC 3339); empty for an imported message."}
	return attrs
}

// reportedStatusAttributes is what TNZ reports of a message: the job and its
// recipients' results (replies on the channels that receive them, and the
// channel that reached each recipient on those with a fallback; both on
// every channel when ch is "", for the data source that reads any channel).
// detailed adds what echoes the request (reference, billing, the
// destinations' personalisation fields): the data source shows it; a send's
// state leaves it out, since its configuration holds it and Terraform
// rewrites the whole state after every resource.
func reportedStatusAttributes(ch tnz.Channel, detailed bool, recipientsDescription string) map[string]schema.Attribute {
	recipient := map[string]schema.Attribute{
		"destination": schema.StringAttribute{Computed: true, MarkdownDescription: "The address, phone numbers in E.164."},
		"contact_id":  schema.StringAttribute{Computed: true, MarkdownDescription: "Address Book contact id, if any."},
		"status":      schema.StringAttribute{Computed: true, MarkdownDescription: "`Success`, `Failed` or `Pending`."},
		"result":      schema.StringAttribute{Computed: true, MarkdownDescription: "TNZ's result text, e.g. `Delivered`."},
		"sent_time":   schema.StringAttribute{Computed: true, MarkdownDescription: "When it was sent (UTC)."},
		"price":       schema.StringAttribute{Computed: true, MarkdownDescription: "This destination's cost as TNZ reports it, to compare with the plan's `estimate`."},
	}
	if detailed || ch == tnz.Fax || ch == tnz.TTS || ch == tnz.Voice {
		recipient["remote_id"] = schema.StringAttribute{Computed: true, MarkdownDescription: "The number dialled (Voice, TTS, Fax): differs from `destination` when TNZ fell back to another phone."}
	}
	if detailed {
		recipient["attention"] = schema.StringAttribute{Computed: true, MarkdownDescription: "The destination's `[[Attention]]` as TNZ holds it."}
		recipient["company"] = schema.StringAttribute{Computed: true, MarkdownDescription: "The destination's `[[Company]]` as TNZ holds it."}
		recipient["custom"] = schema.ListAttribute{Computed: true, ElementType: types.StringType,
			MarkdownDescription: "The destination's `[[Custom1]]`… fields as TNZ holds them, in order, without trailing empty ones."}
	}
	if _, fallback := fallbackModes[ch]; fallback || ch == "" {
		recipient["type"] = schema.StringAttribute{Computed: true, MarkdownDescription: "The channel that reached the destination, as TNZ names it (`WhatsApp`, `RCS`, `SMS`, `Voice`…): " +
			"another channel than the message's when `fallback_mode` took over."}
	}
	if ch.HasReceived() || ch == "" {
		recipient["replies"] = schema.ListNestedAttribute{
			Computed:            true,
			MarkdownDescription: "Replies from this destination (SMS, WhatsApp and RCS).",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"from":          schema.StringAttribute{Computed: true, MarkdownDescription: "Sender of the reply (E.164)."},
				"message_text":  schema.StringAttribute{Computed: true, MarkdownDescription: "The reply."},
				"received_time": schema.StringAttribute{Computed: true, MarkdownDescription: "When it arrived (UTC)."},
			}},
		}
	}
	attrs := map[string]schema.Attribute{
		"job_status":   schema.StringAttribute{Computed: true, MarkdownDescription: "`Pending`, `Delayed`, `Completed`, `CreditHold` or `Unknown`."},
		"price":        schema.StringAttribute{Computed: true, MarkdownDescription: "The job's cost as TNZ reports it (empty until TNZ reports one)."},
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
	if detailed {
		attrs["reference"] = schema.StringAttribute{Computed: true, MarkdownDescription: "The reference TNZ holds for the job."}
		attrs["sub_account"] = schema.StringAttribute{Computed: true, MarkdownDescription: "The sub-account TNZ billed."}
		attrs["department"] = schema.StringAttribute{Computed: true, MarkdownDescription: "The department TNZ billed."}
	}
	return attrs
}
