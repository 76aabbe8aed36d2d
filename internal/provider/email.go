package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
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
			"email_subject": replacingString("Subject line (up to 1024 characters).", stringvalidator.LengthAtMost(1024)),
			"message_plain": replacingString("Plain-text body (up to 10000 characters). With `message_html` too, the e-mail is multipart.", stringvalidator.LengthAtMost(10000)),
			"message_html":  replacingString("HTML body (up to 10000 characters).", stringvalidator.LengthAtMost(10000)),
			"from":          replacingString("Sender's display name (up to 30 characters).", stringvalidator.LengthAtMost(30)),
			"from_email":    replacingString("Sender's address (up to 100 characters). Defaults to the TNZ API user's.", stringvalidator.LengthAtMost(100)),
			"smtp_from":     replacingString("SMTP envelope sender (Return-Path); defaults to `from_email`.", stringvalidator.LengthAtMost(100)),
			"reply_to":      replacingString("Reply-To address.", stringvalidator.LengthAtMost(100)),
			"cc_email":      replacingString("CC address; tracked and charged as a recipient.", stringvalidator.LengthAtMost(100)),
			"bcc_email":     replacingString("BCC address.", stringvalidator.LengthAtMost(100)),
			"files":         filesAttribute("Attachments, up to 1 MiB each."),
		},
	}
}

// NewEmailResource is tnz_email: one message, sent once.
func NewEmailResource() resource.Resource {
	return &sendResource[emailModel, *emailModel]{spec: emailSpec()}
}

// NewEmailTemplateResource is tnz_email_template: reusable content, in state only.
func NewEmailTemplateResource() resource.Resource {
	return &templateResource[emailModel, *emailModel]{spec: emailSpec()}
}

type emailModel struct {
	sendModel
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

func (m *emailModel) shared() *sendModel { return &m.sendModel }
func (m *emailModel) files() *types.List { return &m.Files }

func (m *emailModel) message(ctx context.Context, k *known, diags *diag.Diagnostics) tnz.Message {
	msg := &tnz.EmailMessage{
		Common:       m.common(ctx, k, diags),
		EmailSubject: k.str(m.EmailSubject, "email_subject"),
		MessagePlain: k.str(m.MessagePlain, "message_plain"),
		MessageHTML:  k.str(m.MessageHTML, "message_html"),
		From:         k.str(m.From, "from"),
		FromEmail:    k.str(m.FromEmail, "from_email"),
		SMTPFrom:     k.str(m.SMTPFrom, "smtp_from"),
		ReplyTo:      k.str(m.ReplyTo, "reply_to"),
		CCEmail:      k.str(m.CCEmail, "cc_email"),
		BCCEmail:     k.str(m.BCCEmail, "bcc_email"),
	}
	msg.Files, m.Files = loadFiles(ctx, m.Files, k, diags)
	return msg
}
