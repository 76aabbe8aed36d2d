package provider

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// emailSpec is what tnz_email and tnz_email_template share.
func emailSpec() channelSpec {
	return channelSpec{
		channel:     tnz.Email,
		description: "Sends one e-mail through TNZ when created. Recipients are e-mail addresses.",
		attributes: map[string]schema.Attribute{
			"email_subject": optionalString("Subject line (up to 1024 characters).", stringvalidator.LengthAtMost(1024)),
			"message_plain": optionalString("Plain-text body (up to 10000 characters). With `message_html` too, the e-mail is multipart. One of the two is required unless `template` or `template_id` provides the body.", stringvalidator.LengthAtMost(10000)),
			"message_html":  optionalString("HTML body (up to 10000 characters). One of `message_plain` and `message_html` is required unless `template` or `template_id` provides the body.", stringvalidator.LengthAtMost(10000)),
			"from":          optionalString("Sender's display name (up to 30 characters).", stringvalidator.LengthAtMost(30)),
			"from_email":    optionalString("Sender's address (up to 100 characters). Defaults to the TNZ API user's.", stringvalidator.LengthAtMost(100)),
			"smtp_from":     optionalString("SMTP envelope sender (Return-Path); defaults to `from_email`.", stringvalidator.LengthAtMost(100)),
			"reply_to":      optionalString("Reply-To address.", stringvalidator.LengthAtMost(100)),
			"cc_email":      optionalString("CC address; tracked and charged as a recipient.", stringvalidator.LengthAtMost(100)),
			"bcc_email":     optionalString("BCC address.", stringvalidator.LengthAtMost(100)),
			"files":         filesAttribute("Attachments, up to 1 MiB each."),
		},
	}
}

// NewEmailResource is tnz_email: one message, sent once.
func NewEmailResource() resource.Resource {
	return &sendResource[emailModel, *emailModel]{spec: specOf(tnz.Email)}
}

// NewEmailTemplateResource is tnz_email_template: reusable content, in state only.
func NewEmailTemplateResource() resource.Resource {
	return &templateResource[emailModel, *emailModel]{spec: specOf(tnz.Email)}
}

type emailModel struct {
	commonModel
	EmailSubject types.String `tfsdk:"email_subject"`
	MessagePlain types.String `tfsdk:"message_plain"`
	MessageHTML  types.String `tfsdk:"message_html"`
	From         types.String `tfsdk:"from"`
	FromEmail    types.String `tfsdk:"from_email"`
	SMTPFrom     types.String `tfsdk:"smtp_from"`
	ReplyTo      types.String `tfsdk:"reply_to"`
	CCEmail      types.String `tfsdk:"cc_email"`
	BCCEmail     types.String `tfsdk:"bcc_email"`
	Files        types.List   `tfsdk:"files"`
}

func (m *emailModel) fromValues(v map[string]attr.Value) {
	m.commonModel.fromValues(v)
	m.EmailSubject, m.MessagePlain, m.MessageHTML = get[types.String](v, "email_subject"), get[types.String](v, "message_plain"), get[types.String](v, "message_html")
	m.From, m.FromEmail, m.SMTPFrom = get[types.String](v, "from"), get[types.String](v, "from_email"), get[types.String](v, "smtp_from")
	m.ReplyTo, m.CCEmail, m.BCCEmail = get[types.String](v, "reply_to"), get[types.String](v, "cc_email"), get[types.String](v, "bcc_email")
	m.Files = get[types.List](v, "files")
}

func (m *emailModel) common() *commonModel    { return &m.commonModel }
func (m *emailModel) attachments() types.List { return m.Files }

func (m *emailModel) toAPI(files []tnz.File) tnz.Message {
	return &tnz.EmailMessage{
		Common:       m.commonModel.toAPI(),
		EmailSubject: m.EmailSubject.ValueString(),
		MessagePlain: m.MessagePlain.ValueString(),
		MessageHTML:  m.MessageHTML.ValueString(),
		From:         m.From.ValueString(),
		FromEmail:    m.FromEmail.ValueString(),
		SMTPFrom:     m.SMTPFrom.ValueString(),
		ReplyTo:      m.ReplyTo.ValueString(),
		CCEmail:      m.CCEmail.ValueString(),
		BCCEmail:     m.BCCEmail.ValueString(),
		Files:        files,
	}
}
