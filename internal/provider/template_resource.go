package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/rejection"
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
	attrs := map[string]schema.Attribute{
		"id": schema.StringAttribute{
			Computed:            true,
			MarkdownDescription: "SHA-256 of the template's content: known at plan time, and different exactly when the content is.",
		},
	}
	for name, a := range templatableAttributes(r.spec.attributes) {
		attrs[name] = withoutPlanModifiers(a)
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reusable " + r.spec.channel.Title() + " content and settings for `tnz_" + string(r.spec.channel) + "` sends, kept in Terraform state only " +
			"(no API call). Give it to a send as `template = tnz_" + string(r.spec.channel) + "_template.<name>`; the send's own attributes override the template's. " +
			"Changing a template updates it in place and sends every message that uses it again.",
		Attributes: attrs,
	}
}

// content is the template as a message model, to build and check it.
func (r *templateResource[M, P]) content(ctx context.Context, obj types.Object, diags *diag.Diagnostics) *M {
	var m M
	mergeTemplate(ctx, &m, obj, diags)
	return &m
}

// ValidateConfig reports the rows about content alone (keypads, files,
// webhook); whether a message or recipients are given is the send's concern.
func (r *templateResource[M, P]) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var obj types.Object
	resp.Diagnostics.Append(req.Config.Get(ctx, &obj)...)
	if resp.Diagnostics.HasError() {
		return
	}
	k := newKnown()
	msg := P(r.content(ctx, obj, &resp.Diagnostics)).message(ctx, k, &resp.Diagnostics)
	reportFindings(rejection.CheckContent(rejection.Input{Message: msg, Unknown: k.unknown}), destinationPaths{}, false, &resp.Diagnostics)
}

// settle fills what the template computes: the attachments' digests and the id.
func (r *templateResource[M, P]) settle(ctx context.Context, obj types.Object, diags *diag.Diagnostics) types.Object {
	m := P(r.content(ctx, obj, diags))
	m.message(ctx, newKnown(), diags)
	attrs := map[string]attr.Value{}
	for name, v := range obj.Attributes() {
		attrs[name] = v
	}
	if files := m.files(); files != nil && !attrs["files"].IsNull() {
		attrs["files"] = *files
	}
	withFiles, d := types.ObjectValue(obj.AttributeTypes(ctx), attrs)
	diags.Append(d...)
	attrs["id"] = templateDigest(ctx, withFiles, diags)
	settled, d := types.ObjectValue(obj.AttributeTypes(ctx), attrs)
	diags.Append(d...)
	return settled
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
