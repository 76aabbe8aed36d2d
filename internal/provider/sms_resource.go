package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/rejection"
	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

var (
	_ resource.Resource                   = (*smsResource)(nil)
	_ resource.ResourceWithConfigure      = (*smsResource)(nil)
	_ resource.ResourceWithValidateConfig = (*smsResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*smsResource)(nil)
)

// NewSMSResource is the tnz_sms resource: one SMS, sent once.
func NewSMSResource() resource.Resource { return &smsResource{} }

type smsResource struct{ sendBase }

type smsModel struct {
	sendModel
	Message             types.String `tfsdk:"message"`
	FromNumber          types.String `tfsdk:"from_number"`
	SMSEmailReply       types.String `tfsdk:"sms_email_reply"`
	CharacterConversion types.Bool   `tfsdk:"character_conversion"`
	Files               types.List   `tfsdk:"files"`
}

func (r *smsResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_sms"
}

func (r *smsResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Sends one SMS through TNZ when created. Every content attribute forces a new message; `triggers` re-sends on purpose. " +
			"Refresh reads the delivery status and never re-sends. Destroying only forgets the message: a sent SMS cannot be unsent.",
		Attributes: sendAttributes(map[string]schema.Attribute{
			"message": replacingString("The text (up to 1000 characters). May hold personalisation tokens such as `[[FirstName]]`, `[[Link:https://…]]`, `[[REPLY]]`, `[[File1]]`.",
				stringvalidator.LengthAtMost(1000)),
			"from_number":     replacingString("Sender ID in E.164 without the `+`, e.g. `61408080909`. TNZ overrides it for New Zealand."),
			"sms_email_reply": replacingString("E-mail address that receives replies to this SMS."),
			"character_conversion": schema.BoolAttribute{
				Optional:            true,
				MarkdownDescription: "Convert multi-byte characters to GSM equivalents (© to (C)) to save message parts; disables emoji and macrons.",
				PlanModifiers:       []planmodifier.Bool{boolplanmodifier.RequiresReplace()},
			},
			"files": filesAttribute("Attachments, linked from the text with `[[File1]]`, `[[File2]]`…; up to 1 MiB each."),
		}),
	}
}

// message builds the API message from the model as far as it is known.
func (m *smsModel) message(ctx context.Context, k *known, diags *diag.Diagnostics) *tnz.SMSMessage {
	msg := &tnz.SMSMessage{
		Common:        m.common(ctx, k, diags),
		Message:       k.str(m.Message, "message"),
		FromNumber:    k.str(m.FromNumber, "from_number"),
		SMSEmailReply: k.str(m.SMSEmailReply, "sms_email_reply"),
	}
	if !m.CharacterConversion.IsNull() && !m.CharacterConversion.IsUnknown() {
		v := m.CharacterConversion.ValueBool()
		msg.CharacterConversion = &v
	}
	msg.Files, m.Files = loadFiles(ctx, m.Files, k, diags)
	return msg
}

func (r *smsResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m smsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || !r.checksAtPlan() {
		return
	}
	k := newKnown()
	msg := m.message(ctx, k, &resp.Diagnostics)
	reportFindings(rejection.Check(rejection.Input{Message: msg, Unknown: k.unknown}), m.paths(), false, &resp.Diagnostics)
}

func (r *smsResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() { // destroy: nothing to check
		return
	}
	var plan smsModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	k := newKnown()
	msg := plan.message(ctx, k, &resp.Diagnostics)
	if r.checksAtPlan() {
		reportFindings(rejection.Check(rejection.Input{Message: msg, Unknown: k.unknown}), plan.paths(), true, &resp.Diagnostics)
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("files"), plan.Files)...)
	if !req.State.Raw.IsNull() {
		var files types.List
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("files"), &files)...)
		if !files.Equal(plan.Files) {
			resp.RequiresReplace = append(resp.RequiresReplace, path.Root("files"))
		}
	}
}

func (r *smsResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan smsModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	msg := plan.message(ctx, newKnown(), &resp.Diagnostics)
	if resp.Diagnostics.HasError() || !r.send(ctx, msg, &plan.sendModel, &resp.Diagnostics) {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *smsResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state smsModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.refresh(ctx, tnz.SMS, &state.sendModel, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update only records the plan: every attribute that changes the message
// forces a replacement, so nothing reaches here that needs the API.
func (r *smsResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan smsModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Delete only forgets the message: a sent SMS cannot be unsent.
func (r *smsResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}
