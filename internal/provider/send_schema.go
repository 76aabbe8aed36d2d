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

	"github.com/tnz-community/terraform-provider-tnz/internal/validators"
)

// A message id is up to 40 letters, digits or "-" (SPEC MessageID; its own
// examples carry "-"). Schema and import share the rule.
var messageIDPattern = regexp.MustCompile(`^[A-Za-z0-9-]{1,40}$`)

const messageIDRule = "must be 1 to 40 letters, digits or -"

// Attributes covered by the rejection table are Optional, so that users see
// TNZ's documented text rather than Terraform's "Missing required argument".

// sendAttributes returns the attributes every send resource shares, merged
// with the channel's own.
func sendAttributes(ctx context.Context, channel map[string]schema.Attribute) map[string]schema.Attribute {
	attrs := map[string]schema.Attribute{
		// Optional
		"recipients": schema.ListAttribute{
			ElementType:         types.StringType,
			Optional:            true,
			MarkdownDescription: "Recipients as plain strings: mobile numbers for SMS (E.164 such as `+6421000001`, or local NZ forms such as `021 000 001`). Shorthand for `destinations` with only `recipient` set; both may be used together.",
			PlanModifiers:       []planmodifier.List{replaceList()},
		},
		"destinations": schema.ListNestedAttribute{
			Optional:            true,
			MarkdownDescription: "Recipients with personalisation fields (`[[FirstName]]`, `[[Custom1]]`… in the message), or Address Book contacts and groups.",
			NestedObject:        schema.NestedAttributeObject{Attributes: destinationAttributes()},
			PlanModifiers:       []planmodifier.List{replaceList()},
		},
		"message_id": schema.StringAttribute{
			Optional:            true,
			Computed:            true,
			MarkdownDescription: "Your identifier for the message (up to 40 letters, digits or `-`). Generated when absent. It is also the resource `id` and what status, import and actions use.",
			Validators: []validator.String{
				stringvalidator.RegexMatches(messageIDPattern, messageIDRule),
			},
			PlanModifiers: []planmodifier.String{replaceString(), stringplanmodifier.UseStateForUnknown()},
		},
		"send_time": schema.StringAttribute{
			Optional: true,
			MarkdownDescription: "Delay sending until this local time, `YYYY-MM-DDThh:mm` (seconds optional) in `timezone` (the TNZ user's timezone when unset). Omit to send now. " +
				"Changing it while TNZ still holds the message (job status `Delayed`) reschedules that message in place; otherwise the change sends a new message.",
			Validators:    []validator.String{validators.SendTime()},
			PlanModifiers: []planmodifier.String{rescheduleOrReplace{}},
		},
		"wait_for": schema.StringAttribute{
			Optional: true,
			MarkdownDescription: "`accepted` (default): creating the resource ends when TNZ accepts the message. `completed`: it then polls the status (at most once a second, " +
				"within `timeouts.create`) until the job completes; failed recipients become errors when all failed, warnings when some did. Changing it sends nothing.",
			Validators: []validator.String{stringvalidator.OneOf(waitAccepted, waitCompleted)},
		},
		"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, CreateDescription: "How long `wait_for = \"completed\"` waits, e.g. `10m` (the default)."}),
		"triggers": schema.MapAttribute{
			ElementType:         types.StringType,
			Optional:            true,
			MarkdownDescription: "Arbitrary values that send the message again when they change, e.g. `{ release = terraform_data.release.output }`. This is the explicit re-send key.",
			PlanModifiers:       []planmodifier.Map{replaceMap()},
		},

		// Computed
		"id": schema.StringAttribute{
			Computed:            true,
			MarkdownDescription: "The message id (same as `message_id`).",
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"status": schema.SingleNestedAttribute{
			Computed:            true,
			MarkdownDescription: "Delivery status as TNZ last reported it, refreshed on every read. Reading never re-sends.",
			Attributes:          statusAttributes(),
			PlanModifiers:       []planmodifier.Object{objectplanmodifier.UseStateForUnknown()},
		},
	}
	content := templatableAttributes(channel)
	attrs["template"] = templateAttribute(content)
	for name, a := range content {
		if _, dup := attrs[name]; dup {
			panic(fmt.Sprintf("attribute %q is both a delivery and a content attribute", name))
		}
		attrs[name] = a
	}
	return attrs
}

// templatableAttributes are what a template may hold: the channel's content
// and the shared settings, everything but where and when to send.
func templatableAttributes(channel map[string]schema.Attribute) map[string]schema.Attribute {
	attrs := map[string]schema.Attribute{
		"template_id":          replacingString("UUID of a TNZ Dashboard message template (API v3.00). When set, the message body may be left empty: TNZ uses the template, and a message given here takes priority."),
		"reference":            replacingString("A human-readable reference for reports (up to 100 characters).", stringvalidator.LengthAtMost(100)),
		"timezone":             replacingString("Windows timezone name for `send_time`, e.g. `New Zealand` or `AUS Eastern`.", stringvalidator.LengthAtMost(75)),
		"sub_account":          replacingString("Sub-account for reporting and billing (up to 40 characters).", stringvalidator.LengthAtMost(40)),
		"department":           replacingString("Department for reporting and billing (up to 40 characters).", stringvalidator.LengthAtMost(40)),
		"charge_code":          replacingString("Charge code for rebilling (sent only when set; not in the v3.00 OpenAPI file)."),
		"webhook_callback_url": replacingString("HTTPS URL that TNZ calls with delivery results. Must start with `https://`.", stringvalidator.LengthAtMost(500)),
		"webhook_callback_format": replacingString("Webhook body format: `JSON`, `XML`, `POST` or `GET`. Omit to use the TNZ user's default.",
			stringvalidator.OneOf("JSON", "XML", "POST", "GET")),
		"report_to": replacingString("E-mail address for the delivery report. Defaults to the provider's `report_to`."),
		"test_mode": replacingBool("Send in TNZ test mode (`Mode: Test`): accepted and reported successful without sending a live message."),
	}
	for name, a := range channel {
		if _, dup := attrs[name]; dup {
			panic(fmt.Sprintf("channel attribute %q shadows a shared attribute", name))
		}
		attrs[name] = a
	}
	return attrs
}

func replacingString(description string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{
		Optional:            true,
		MarkdownDescription: description,
		Validators:          validators,
		PlanModifiers:       []planmodifier.String{replaceString()},
	}
}

func replacingBool(description string) schema.BoolAttribute {
	return schema.BoolAttribute{
		Optional:            true,
		MarkdownDescription: description,
		PlanModifiers:       []planmodifier.Bool{replaceBool()},
	}
}

func replacingInt(description string, validators ...validator.Int64) schema.Int64Attribute {
	return schema.Int64Attribute{
		Optional:            true,
		MarkdownDescription: description,
		Validators:          validators,
		PlanModifiers:       []planmodifier.Int64{replaceInt64()},
	}
}

func destinationAttributes() map[string]schema.Attribute {
	attrs := map[string]schema.Attribute{
		"recipient":  schema.StringAttribute{Optional: true, MarkdownDescription: "The address: mobile number for SMS, e-mail address for Email, phone or fax number for Voice, TTS and Fax."},
		"attention":  schema.StringAttribute{Optional: true, MarkdownDescription: "The person's name (`[[Attention]]`).", Validators: []validator.String{stringvalidator.LengthAtMost(200)}},
		"company":    schema.StringAttribute{Optional: true, MarkdownDescription: "Company name (`[[Company]]`).", Validators: []validator.String{stringvalidator.LengthAtMost(60)}},
		"first_name": schema.StringAttribute{Optional: true, MarkdownDescription: "First name (`[[FirstName]]`).", Validators: []validator.String{stringvalidator.LengthAtMost(60)}},
		"last_name":  schema.StringAttribute{Optional: true, MarkdownDescription: "Last name (`[[LastName]]`).", Validators: []validator.String{stringvalidator.LengthAtMost(60)}},
		"contact_id": schema.StringAttribute{Optional: true, MarkdownDescription: "An Address Book contact id (UUID) instead of `recipient`."},
		"group_id":   schema.StringAttribute{Optional: true, MarkdownDescription: "An Address Book group id (UUID): every contact in the group."},
		"group_code": schema.StringAttribute{Optional: true, MarkdownDescription: "An Address Book group code, e.g. `Oncall_Team`."},
	}
	for i := 1; i <= 9; i++ {
		attrs[fmt.Sprintf("custom%d", i)] = schema.StringAttribute{
			Optional:            true,
			MarkdownDescription: fmt.Sprintf("Custom field %d (`[[Custom%d]]`).", i, i),
			Validators:          []validator.String{stringvalidator.LengthAtMost(300)},
		}
	}
	return attrs
}

// filesAttribute is the attachment list of SMS, Email and Fax.
func filesAttribute(description string) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		Optional:            true,
		MarkdownDescription: description,
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"name":    schema.StringAttribute{Optional: true, MarkdownDescription: "File name including its extension, e.g. `report.pdf`.", Validators: []validator.String{stringvalidator.LengthAtMost(255)}},
			"content": schema.StringAttribute{Optional: true, MarkdownDescription: "The file's bytes as base64, e.g. `filebase64(\"report.pdf\")`. Exactly one of `content` and `path`."},
			"path":    schema.StringAttribute{Optional: true, MarkdownDescription: "A local file, read when planning and sending; only its path and `sha256` are kept in state, never its bytes. Exactly one of `content` and `path`."},
			"sha256":  schema.StringAttribute{Computed: true, MarkdownDescription: "SHA-256 of the file's bytes. A change shows as a replacement (a re-send) in the plan."},
		}},
		PlanModifiers: []planmodifier.List{replaceList()},
	}
}

func statusAttributes() map[string]schema.Attribute {
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
			MarkdownDescription: "Per-destination results.",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"destination": schema.StringAttribute{Computed: true, MarkdownDescription: "The address, phone numbers in E.164."},
				"contact_id":  schema.StringAttribute{Computed: true, MarkdownDescription: "Address Book contact id, if any."},
				"status":      schema.StringAttribute{Computed: true, MarkdownDescription: "`Success`, `Failed` or `Pending`."},
				"result":      schema.StringAttribute{Computed: true, MarkdownDescription: "TNZ's result text, e.g. `Delivered`."},
				"sent_time":   schema.StringAttribute{Computed: true, MarkdownDescription: "When it was sent (UTC)."},
				"replies": schema.ListNestedAttribute{
					Computed:            true,
					MarkdownDescription: "SMS replies from this destination.",
					NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
						"from":          schema.StringAttribute{Computed: true, MarkdownDescription: "Sender of the reply (E.164)."},
						"message_text":  schema.StringAttribute{Computed: true, MarkdownDescription: "The reply."},
						"received_time": schema.StringAttribute{Computed: true, MarkdownDescription: "When it arrived (UTC)."},
					}},
				},
			}},
		},
	}
}
