package provider

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// whatsappSpec is what tnz_whatsapp and tnz_whatsapp_template share.
func whatsappSpec() channelSpec {
	return channelSpec{
		channel: tnz.WhatsApp,
		description: "Sends one WhatsApp message through TNZ when created (API v3.00 only). Recipients are mobile numbers. " +
			"WhatsApp opens a conversation only with an approved template, so TNZ needs `template_id`, `message` and `from_number`: " +
			"recipients outside their 24-hour conversation window get the template, those inside it get `message`. " +
			"WhatsApp has no `report_to`; ask for reports with `notification_type` or `webhook_callback_url`.",
		attributes: map[string]schema.Attribute{
			"message": optionalString("The text sent to recipients inside their 24-hour conversation window (up to 1000 characters); required. "+
				"May hold personalisation tokens such as `[[FirstName]]`, `[[Link:https://…]]`, `[[File1]]`.", stringvalidator.LengthAtMost(1000)),
			"from_number":   optionalString("The WhatsApp Business number to send from, e.g. `+6495006000` (up to 100 characters); required.", stringvalidator.LengthAtMost(100)),
			"fallback_mode": fallbackModeAttribute(tnz.WhatsApp),
			"files":         filesAttribute("Attachments, linked from the text with `[[File1]]`, `[[File2]]`…; up to 1 MiB each."),
		},
		sharedDescriptions: map[string]string{
			"template_id": "UUID of the approved WhatsApp template in the TNZ Dashboard; required. TNZ sends it to recipients outside their 24-hour conversation window (`message` goes to those inside it). " +
				"For this provider's own templates use `template`.",
		},
	}
}

// NewWhatsAppResource is tnz_whatsapp: one message, sent once.
func NewWhatsAppResource() resource.Resource {
	return &sendResource[whatsappModel, *whatsappModel]{spec: specOf(tnz.WhatsApp)}
}

// NewWhatsAppTemplateResource is tnz_whatsapp_template: reusable content, in state only.
func NewWhatsAppTemplateResource() resource.Resource {
	return &templateResource[whatsappModel, *whatsappModel]{spec: specOf(tnz.WhatsApp)}
}

type whatsappModel struct {
	commonModel
	Message      types.String `tfsdk:"message"`
	FromNumber   types.String `tfsdk:"from_number"`
	FallbackMode types.String `tfsdk:"fallback_mode"`
	Files        types.List   `tfsdk:"files"`
}

func (m *whatsappModel) fromValues(v map[string]attr.Value) {
	m.commonModel.fromValues(v)
	m.Message, m.FromNumber = get[types.String](v, "message"), get[types.String](v, "from_number")
	m.FallbackMode, m.Files = get[types.String](v, "fallback_mode"), get[types.List](v, "files")
}

func (m *whatsappModel) common() *commonModel    { return &m.commonModel }
func (m *whatsappModel) attachments() types.List { return m.Files }

func (m *whatsappModel) toAPI(files []tnz.File) tnz.Message {
	return &tnz.WhatsAppMessage{
		Common:       m.commonModel.toAPI(),
		Message:      m.Message.ValueString(),
		FromNumber:   m.FromNumber.ValueString(),
		FallbackMode: m.FallbackMode.ValueString(),
		Files:        files,
	}
}

// requirements: TNZ's OpenAPI file requires all three.
func (m *whatsappModel) requirements() []requirement {
	return []requirement{
		{anyOf: []requiredValue{{"template_id", m.TemplateID}}, fix: fixWhatsAppTemplateID},
		{anyOf: []requiredValue{{"message", m.Message}}, fix: fixWhatsAppMessage},
		{anyOf: []requiredValue{{"from_number", m.FromNumber}}, fix: fixWhatsAppFromNumber},
	}
}

// fallbackModes are, per channel, the FallbackMode values TNZ's OpenAPI
// file lists; channels without them have no fallback.
var fallbackModes = map[tnz.Channel][]string{
	tnz.SMS:      tnz.SMSFallbackModes,
	tnz.WhatsApp: tnz.WhatsAppFallbackModes,
	tnz.RCS:      tnz.RCSFallbackModes,
}

// fallbackModeAttribute is ch's fallback_mode.
func fallbackModeAttribute(ch tnz.Channel) schema.StringAttribute {
	return optionalString("What TNZ tries when "+ch.Title()+" cannot reach a recipient: one of "+quotedList(fallbackModes[ch])+
		" (`None`, TNZ's default, tries nothing; API v3.00). The channel that reached each recipient shows in `status.recipients[*].type`.",
		stringvalidator.OneOf(fallbackModes[ch]...))
}
