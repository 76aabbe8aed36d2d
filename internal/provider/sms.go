package provider

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// smsSpec is what tnz_sms and tnz_sms_template share.
func smsSpec() channelSpec {
	return channelSpec{
		channel:     tnz.SMS,
		description: "Sends one SMS through TNZ when created.",
		attributes: map[string]schema.Attribute{
			"message": optionalString("The text (up to 1000 characters). May hold personalisation tokens such as `[[FirstName]]`, `[[Link:https://…]]`, `[[REPLY]]`, `[[File1]]`.",
				stringvalidator.LengthAtMost(1000)),
			"from_number":          optionalString("Sender ID in E.164 without the `+`, e.g. `61408080909`. TNZ overrides it for New Zealand."),
			"sms_email_reply":      optionalString("E-mail address that receives replies to this SMS."),
			"character_conversion": optionalBool("Convert multi-byte characters to GSM equivalents (© to (C)) to save message parts; disables emoji and macrons."),
			"files":                filesAttribute("Attachments, linked from the text with `[[File1]]`, `[[File2]]`…; up to 1 MiB each."),
		},
	}
}

// NewSMSResource is tnz_sms: one message, sent once.
func NewSMSResource() resource.Resource { return &sendResource[smsModel, *smsModel]{spec: smsSpec()} }

// NewSMSTemplateResource is tnz_sms_template: reusable content, in state only.
func NewSMSTemplateResource() resource.Resource {
	return &templateResource[smsModel, *smsModel]{spec: smsSpec()}
}

type smsModel struct {
	commonModel
	Message             types.String `tfsdk:"message"`
	FromNumber          types.String `tfsdk:"from_number"`
	SMSEmailReply       types.String `tfsdk:"sms_email_reply"`
	CharacterConversion types.Bool   `tfsdk:"character_conversion"`
	Files               types.List   `tfsdk:"files"`
}

func (m *smsModel) common() *commonModel    { return &m.commonModel }
func (m *smsModel) attachments() types.List { return m.Files }

func (m *smsModel) toAPI(files []tnz.File) tnz.Message {
	return &tnz.SMSMessage{
		Common:              m.commonModel.toAPI(),
		Message:             m.Message.ValueString(),
		FromNumber:          m.FromNumber.ValueString(),
		SMSEmailReply:       m.SMSEmailReply.ValueString(),
		CharacterConversion: optionalBoolValue(m.CharacterConversion),
		Files:               files,
	}
}
