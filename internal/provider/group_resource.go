package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

var (
	_ resource.ResourceWithImportState = (*groupResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*groupResource)(nil)
)

// NewGroupResource is tnz_group: one Address Book group.
func NewGroupResource() resource.Resource {
	return &groupResource{recordResource[groupModel, *groupModel, tnz.GroupFields, tnz.Group]{calls: groupCalls}}
}

// groupResource is tnz_group; Create, Read, Update (TNZ's PATCH with the
// whole group), Delete (its contacts stay in the Address Book) and import
// by GroupID are recordResource's.
type groupResource struct {
	recordResource[groupModel, *groupModel, tnz.GroupFields, tnz.Group]
}

var groupCalls = recordCalls[tnz.GroupFields, tnz.Group]{
	what: "group", address: "tnz_group",
	create: addressBookAPI.CreateGroup, get: addressBookAPI.GetGroup,
	update: addressBookAPI.UpdateGroup, delete: addressBookAPI.DeleteGroup,
}

type groupModel struct {
	ID            types.String `tfsdk:"id"`
	GroupName     types.String `tfsdk:"group_name"`
	SubAccount    types.String `tfsdk:"sub_account"`
	Department    types.String `tfsdk:"department"`
	ViewEditBy    types.String `tfsdk:"view_edit_by"`
	AccessControl types.String `tfsdk:"access_control"`
	GroupCode     types.String `tfsdk:"group_code"`
	Owner         types.String `tfsdk:"owner"`
	CreatedTime   types.String `tfsdk:"created_time"`
}

// Group attribute descriptions, shared with the tnz_group data source.
var groupDescriptions = map[string]string{
	"id":             "TNZ's GroupID (a UUID). Use it as a send's `group_id`, or in `tnz_group_contact`.",
	"group_name":     "The group's name (up to 100 characters).",
	"sub_account":    "Sub-account the group belongs to, for reports and Dashboard access (up to 40 characters).",
	"department":     "Department the group belongs to, for reports and Dashboard access (up to 40 characters).",
	"view_edit_by":   "Who may view and edit the group: `Account`, `SubAccount`, `Department` or `No`. TNZ's default when unset.",
	"access_control": "`Granted` lets administrators view and edit the group even with `view_edit_by = \"No\"`; `Limited` does not. TNZ's default when unset.",
	"group_code":     "TNZ's unique, human-readable code for the group, e.g. `On_call`: a send's `group_code` (API v3.00).",
	"owner":          "The TNZ user who created the group.",
	"created_time":   "When the group was created (UTC, RFC 3339).",
}

func (r *groupResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_group"
}

func (r *groupResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	computed := func(name string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: groupDescriptions[name], PlanModifiers: keep}
	}
	defaulted := func(name string, options ...string) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: groupDescriptions[name], PlanModifiers: keep,
			Validators: []validator.String{stringvalidator.OneOf(options...)}}
	}
	optional := func(name string, max int) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, MarkdownDescription: groupDescriptions[name],
			Validators: []validator.String{stringvalidator.LengthBetween(1, max)}}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "An Address Book group, such as an on-call team. Sends reach every member by `group_id` (or `group_code` on API v3.00); " +
			"members are `tnz_group_contact` resources. Updated in place; a group deleted outside Terraform is created again. " +
			"Needs Address Book API access for the API user and API v3.00 or v2.04.",
		Attributes: map[string]schema.Attribute{
			"group_name": schema.StringAttribute{Required: true, MarkdownDescription: groupDescriptions["group_name"],
				Validators: []validator.String{stringvalidator.LengthBetween(1, 100)}},
			"sub_account":    optional("sub_account", 40),
			"department":     optional("department", 40),
			"view_edit_by":   defaulted("view_edit_by", accessOptions...),
			"access_control": defaulted("access_control", "Limited", "Granted"),
			"id":             computed("id"),
			"group_code":     computed("group_code"),
			"owner":          computed("owner"),
			"created_time":   computed("created_time"),
		},
	}
}

func (r *groupResource) ModifyPlan(_ context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	checkRecordVersion(r.data, tnz.SupportsAddressBook, r.calls.address, &resp.Diagnostics)
}

func (m *groupModel) recordID() string { return m.ID.ValueString() }

func (m *groupModel) fields() tnz.GroupFields {
	return tnz.GroupFields{
		GroupName:     m.GroupName.ValueString(),
		SubAccount:    m.SubAccount.ValueString(),
		Department:    m.Department.ValueString(),
		ViewEditBy:    m.ViewEditBy.ValueString(),
		AccessControl: m.AccessControl.ValueString(),
	}
}

// read sets m from g, keeping m's spelling where TNZ's is the same.
func (m *groupModel) read(g *tnz.Group) {
	m.ID = types.StringValue(g.ID)
	m.GroupName = readValue(plainText, m.GroupName, g.GroupName)
	m.SubAccount = readValue(plainText, m.SubAccount, g.SubAccount)
	m.Department = readValue(plainText, m.Department, g.Department)
	m.ViewEditBy = nullIfEmpty(g.ViewEditBy)
	m.AccessControl = nullIfEmpty(g.AccessControl)
	m.GroupCode = nullIfEmpty(g.GroupCode)
	m.Owner = nullIfEmpty(g.Owner)
	m.CreatedTime = nullIfEmpty(g.CreatedTimeUTC)
}
