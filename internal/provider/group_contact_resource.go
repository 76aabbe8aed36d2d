package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
	"github.com/tnz-community/terraform-provider-tnz/internal/validators"
)

var (
	_ resource.ResourceWithImportState = (*groupContactResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*groupContactResource)(nil)
)

// NewGroupContactResource is tnz_group_contact: one contact's membership of
// one group.
func NewGroupContactResource() resource.Resource { return &groupContactResource{} }

type groupContactResource struct{ recordBase }

type groupContactModel struct {
	ID        types.String `tfsdk:"id"`
	GroupID   types.String `tfsdk:"group_id"`
	ContactID types.String `tfsdk:"contact_id"`
}

func (r *groupContactResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_group_contact"
}

func (r *groupContactResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	isUUID := []validator.String{validators.UUID()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "One contact's membership of one Address Book group: a send to the group reaches the contact. " +
			"Destroying it takes the contact out of the group; neither is deleted. A membership removed outside Terraform is added again. " +
			"Import with `<group_id>/<contact_id>`.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "`<group_id>/<contact_id>`.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"group_id":   schema.StringAttribute{Required: true, MarkdownDescription: "The group (a `tnz_group`'s `id`).", PlanModifiers: replace, Validators: isUUID},
			"contact_id": schema.StringAttribute{Required: true, MarkdownDescription: "The contact (a `tnz_contact`'s `id`).", PlanModifiers: replace, Validators: isUUID},
		},
	}
}

func (r *groupContactResource) ModifyPlan(_ context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	checkRecordVersion(r.data, tnz.SupportsAddressBook, "tnz_group_contact", &resp.Diagnostics)
}

func (m *groupContactModel) setID() {
	m.ID = types.StringValue(m.GroupID.ValueString() + "/" + m.ContactID.ValueString())
}

// Create adds the contact to the group; one already a member is adopted.
func (r *groupContactResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var m groupContactModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	api := r.api(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := api.AddContactToGroup(ctx, m.ContactID.ValueString(), m.GroupID.ValueString()); err != nil {
		reportRecordError(&resp.Diagnostics, "Adding", "contact to the group", "tnz_group_contact", err)
		return
	}
	m.setID()
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func (r *groupContactResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var m groupContactModel
	resp.Diagnostics.Append(req.State.Get(ctx, &m)...)
	api := r.api(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	in, err := api.IsMember(ctx, m.ContactID.ValueString(), m.GroupID.ValueString())
	switch {
	case err != nil:
		reportRecordError(&resp.Diagnostics, "Reading", "group membership", "tnz_group_contact", err)
		return
	case !in:
		readGone(ctx, resp, "group membership", m.ID.ValueString())
		return
	}
	m.setID()
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// Update is never called: both attributes require replacement.
func (r *groupContactResource) Update(context.Context, resource.UpdateRequest, *resource.UpdateResponse) {
}

// Delete takes the contact out of the group; a membership already gone is
// fine.
func (r *groupContactResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var m groupContactModel
	resp.Diagnostics.Append(req.State.Get(ctx, &m)...)
	api := r.api(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := api.RemoveContactFromGroup(ctx, m.ContactID.ValueString(), m.GroupID.ValueString()); err != nil && !tnz.IsNotFound(err) {
		reportRecordError(&resp.Diagnostics, "Removing", "contact from the group", "tnz_group_contact", err)
	}
}

// ImportState takes "<group_id>/<contact_id>"; Read checks the membership.
func (r *groupContactResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	groupID, contactID, ok := idPair(req.ID)
	if !ok {
		resp.Diagnostics.AddError(summaryImportGroupContact, detailImportGroupContact(req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("group_id"), groupID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("contact_id"), contactID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), groupID+"/"+contactID)...)
}
