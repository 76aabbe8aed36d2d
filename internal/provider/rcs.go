package provider

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// rcsSpec is what tnz_rcs and tnz_rcs_template share.
func rcsSpec() channelSpec {
	return channelSpec{
		channel: tnz.RCS,
		description: "Sends one RCS (Rich Communication Services) message through TNZ when created (API v3.00 only). Recipients are mobile numbers. " +
			"TNZ documents RCS as unsupported in New Zealand and Australia: use `fallback_mode` to reach those numbers another way. " +
			"RCS has no `report_to`; ask for reports with `notification_type` or `webhook_callback_url`.",
		attributes: map[string]schema.Attribute{
			"message": optionalString("The text (up to 1000 characters). Required unless `template_id` is set. "+
				"May hold personalisation tokens such as `[[FirstName]]`, `[[Link:https://…]]`, `[[REPLY]]`, `[[File1]]`.", stringvalidator.LengthAtMost(1000)),
			"from_number":     optionalString("Sender ID in E.164 without the `+`, e.g. `61408080909`."),
			"sms_email_reply": optionalString("E-mail address that receives reply notifications."),
			"fallback_mode":   fallbackModeAttribute(tnz.RCS),
			"files":           filesAttribute("Attachments, linked from the text with `[[File1]]`, `[[File2]]`…; up to 1 MiB each."),
		},
	}
}

// NewRCSResource is tnz_rcs: one message, sent once.
func NewRCSResource() resource.Resource {
	return &sendResource[rcsModel, *rcsModel]{spec: specOf(tnz.RCS)}
}

// NewRCSTemplateResource is tnz_rcs_template: reusable content, in state only.
func NewRCSTemplateResource() resource.Resource {
	return &templateResource[rcsModel, *rcsModel]{spec: specOf(tnz.RCS)}
}

type rcsModel struct {
	commonModel
	Message       types.String `tfsdk:"message"`
	FromNumber    types.String `tfsdk:"from_number"`
	SMSEmailReply types.String `tfsdk:"sms_email_reply"`
	FallbackMode  types.String `tfsdk:"fallback_mode"`
	Files         types.List   `tfsdk:"files"`
}

func (m *rcsModel) fromValues(v map[string]attr.Value) {
	m.commonModel.fromValues(v)
	m.Message, m.FromNumber, m.SMSEmailReply = get[types.String](v, "message"), get[types.String](v, "from_number"), get[types.String](v, "sms_email_reply")
	m.FallbackMode, m.Files = get[types.String](v, "fallback_mode"), get[types.List](v, "files")
}

func (m *rcsModel) common() *commonModel    { return &m.commonModel }
func (m *rcsModel) attachments() types.List { return m.Files }

func (m *rcsModel) toAPI(files []tnz.File) tnz.Message {
	return &tnz.RCSMessage{
		Common:        m.commonModel.toAPI(),
		Message:       m.Message.ValueString(),
		FromNumber:    m.FromNumber.ValueString(),
		SMSEmailReply: m.SMSEmailReply.ValueString(),
		FallbackMode:  m.FallbackMode.ValueString(),
		Files:         files,
	}
}

// requirements: TNZ's OpenAPI file takes the text or a Dashboard template.
func (m *rcsModel) requirements() []requirement {
	return []requirement{{anyOf: []requiredValue{{"message", m.Message}, {"template_id", m.TemplateID}}, fix: fixRCSContent}}
}
