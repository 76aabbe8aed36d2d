package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/rejection"
	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// templateResource is tnz_<channel>_template: a channel's content and
// settings, kept in state only. Its id is a digest of the content, known at
// plan time; changing the content updates it in place, and every send that
// uses it is replaced.
type templateResource[M any, P modelPointer[M]] struct {
	spec channelSpec
}

var (
	_ resource.ResourceWithValidateConfig = (*templateResource[smsModel, *smsModel])(nil)
	_ resource.ResourceWithModifyPlan     = (*templateResource[smsModel, *smsModel])(nil)
)

func (r *templateResource[M, P]) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + string(r.spec.channel) + "_template"
}

func (r *templateResource[M, P]) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := templatableAttributes(r.spec)
	attrs["id"] = schema.StringAttribute{
		Computed:            true,
		MarkdownDescription: "SHA-256 of the template's content: known at plan time, and different exactly when the content is.",
	}
	if r.spec.channel == tnz.SMS {
		attrs["estimate"] = smsEstimateAttribute()
	}
	attrs["channel"] = schema.StringAttribute{
		Computed:            true,
		MarkdownDescription: "`" + string(r.spec.channel) + "`: the channel whose sends accept this template.",
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reusable " + r.spec.channel.Title() + " content and settings for `tnz_" + string(r.spec.channel) + "` sends, kept in Terraform state only " +
			"(no API call). Give it to a send as `template = tnz_" + string(r.spec.channel) + "_template.<name>`; the send's own attributes override the template's. " +
			"Changing a template updates it in place and sends every message that uses it again.",
		Attributes: attrs,
	}
}

// content reads a template (its configuration or plan) as a message of its
// channel: every send attribute it does not hold is null.
func (r *templateResource[M, P]) content(ctx context.Context, obj types.Object, diags *diag.Diagnostics) (*M, rejection.Unknowns) {
	merged := sendObject(ctx, r.spec.channel, obj.Attributes(), diags)
	m := new(M)
	P(m).fromValues(merged.Attributes())
	return m, unknownPaths(merged.Attributes(), 0)
}

// ValidateConfig reports the rows about content alone (keypads, files,
// webhook); whether a message or recipients are given is the send's concern.
func (r *templateResource[M, P]) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var obj types.Object
	resp.Diagnostics.Append(req.Config.Get(ctx, &obj)...)
	if resp.Diagnostics.HasError() {
		return
	}
	m, unknown := r.content(ctx, obj, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	files := loadAttachments(P(m).attachments(), &resp.Diagnostics)
	msg := P(m).toAPI(files.apiFiles())
	reportFindings(rejection.CheckContent(rejection.Input{Message: msg, Unknown: unknown}), sendPaths{}, false, &resp.Diagnostics)
}

// settle fills what the template computes: the channel, the attachments'
// digests and the id.
func (r *templateResource[M, P]) settle(ctx context.Context, obj types.Object, diags *diag.Diagnostics) types.Object {
	attrTypes := obj.AttributeTypes(ctx)
	values := make(map[string]attr.Value, len(attrTypes))
	for name, v := range obj.Attributes() {
		values[name] = v
	}
	values["channel"] = types.StringValue(string(r.spec.channel))
	if files, ok := values["files"].(types.List); ok {
		values["files"] = loadAttachments(files, diags).withDigests(files)
	}
	if _, ok := attrTypes["estimate"]; ok {
		values["estimate"] = r.estimate(ctx, obj, diags)
	}
	values["id"] = templateDigest(ctx, values, attrTypes, diags)
	settled, d := types.ObjectValue(attrTypes, values)
	diags.Append(d...)
	return settled
}

// estimate is an SMS template's cost, counted with its tokens empty (a
// template has no destinations); unknown while its message is.
func (r *templateResource[M, P]) estimate(ctx context.Context, obj types.Object, diags *diag.Diagnostics) types.Object {
	m, unknown := r.content(ctx, obj, diags)
	sms, ok := any(P(m)).(*smsModel)
	if !ok {
		return types.ObjectNull(smsEstimateType.AttrTypes)
	}
	rng, known := smsRange(sms, unknown)
	if !known {
		return types.ObjectUnknown(smsEstimateType.AttrTypes)
	}
	return smsEstimateValue(rng, sms.CharacterConversion.ValueBool())
}

func (r *templateResource[M, P]) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() { // destroy: nothing to plan
		return
	}
	var plan types.Object
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, r.settle(ctx, plan, &resp.Diagnostics))...)
}

func (r *templateResource[M, P]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan types.Object
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, r.settle(ctx, plan, &resp.Diagnostics))...)
}

// Read keeps the state as it is: a template exists only there.
func (r *templateResource[M, P]) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {
}

func (r *templateResource[M, P]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan types.Object
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, r.settle(ctx, plan, &resp.Diagnostics))...)
}

// Delete has nothing to do: a template exists only in state.
func (r *templateResource[M, P]) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {
}
