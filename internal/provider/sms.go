package provider

import (
	"context"
	"github.com/hashicorp/terraform-plugin-framework/attr"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/tnz-community/terraform-provider-tnz/internal/validators"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// smsSpec is what tnz_sms and tnz_sms_template share.
func smsSpec() channelSpec {
	return channelSpec{
		channel:     tnz.SMS,
		description: "Sends one SMS through TNZ when created.",
		attributes: map[string]schema.Attribute{
			"message": optionalString("The text (up to 1000 characters); required unless `template` or `template_id` provides it. May hold personalisation tokens such as `[[FirstName]]`, `[[Link:https://…]]`, `[[REPLY]]`, `[[File1]]`.",
				stringvalidator.LengthAtMost(1000)),
			"from_number":          optionalString("Sender ID in E.164 without the `+`, e.g. `61408080909`. TNZ overrides it for New Zealand."),
			"sms_email_reply":      optionalString("E-mail address that receives replies to this SMS."),
			"character_conversion": optionalBool("Convert multi-byte characters to GSM equivalents (© to (C)) to save message parts; disables emoji and macrons."),
			"files":                filesAttribute("Attachments, linked from the text with `[[File1]]`, `[[File2]]`…; up to 1 MiB each."),
			"fallback_mode":        fallbackModeAttribute(tnz.SMS),
			"sms_custom_page_id":   optionalString("UUID of a TNZ Dashboard custom page that `[[CustomPage]]` in the message links to. API v3.00.", validators.UUID()),
		},
		sendAttributes: map[string]schema.Attribute{
			"max_sms_parts": optionalInt("Fail the plan when the message would be sent in more SMS parts than this (counted as `estimate.parts`), e.g. `1` for pipelines that must never send a long or UCS-2 message by mistake.",
				int64validator.AtLeast(1)),
			"estimate": smsEstimateAttribute(),
		},
	}
}

// NewSMSResource is tnz_sms: one message, sent once.
func NewSMSResource() resource.Resource {
	return &sendResource[smsModel, *smsModel]{spec: specOf(tnz.SMS)}
}

// NewSMSTemplateResource is tnz_sms_template: reusable content, in state only.
func NewSMSTemplateResource() resource.Resource {
	return &templateResource[smsModel, *smsModel]{spec: specOf(tnz.SMS)}
}

type smsModel struct {
	commonModel
	Message             types.String `tfsdk:"message"`
	FromNumber          types.String `tfsdk:"from_number"`
	SMSEmailReply       types.String `tfsdk:"sms_email_reply"`
	CharacterConversion types.Bool   `tfsdk:"character_conversion"`
	Files               types.List   `tfsdk:"files"`
	FallbackMode        types.String `tfsdk:"fallback_mode"`
	SMSCustomPageID     types.String `tfsdk:"sms_custom_page_id"`
	MaxSMSParts         types.Int64  `tfsdk:"max_sms_parts"`
	Estimate            types.Object `tfsdk:"estimate"`
}

func (m *smsModel) fromValues(v map[string]attr.Value) {
	m.commonModel.fromValues(v)
	m.Message, m.FromNumber, m.SMSEmailReply = get[types.String](v, "message"), get[types.String](v, "from_number"), get[types.String](v, "sms_email_reply")
	m.CharacterConversion, m.Files = get[types.Bool](v, "character_conversion"), get[types.List](v, "files")
	m.FallbackMode, m.SMSCustomPageID = get[types.String](v, "fallback_mode"), get[types.String](v, "sms_custom_page_id")
	m.MaxSMSParts, m.Estimate = get[types.Int64](v, "max_sms_parts"), get[types.Object](v, "estimate")
}

func (m *smsModel) common() *commonModel    { return &m.commonModel }
func (m *smsModel) attachments() types.List { return m.Files }

// plan plans the cost estimate and checks max_sms_parts.
func (m *smsModel) plan(ctx context.Context, view sendView, plan *tfsdk.Plan, diags *diag.Diagnostics) {
	planSMSEstimate(ctx, m, view, plan, diags)
}

func (m *smsModel) toAPI(files []tnz.File) tnz.Message {
	return &tnz.SMSMessage{
		Common:              m.commonModel.toAPI(),
		Message:             m.Message.ValueString(),
		FromNumber:          m.FromNumber.ValueString(),
		SMSEmailReply:       m.SMSEmailReply.ValueString(),
		CharacterConversion: optionalBoolValue(m.CharacterConversion),
		FallbackMode:        m.FallbackMode.ValueString(),
		SMSCustomPageID:     m.SMSCustomPageID.ValueString(),
		Files:               files,
	}
}
