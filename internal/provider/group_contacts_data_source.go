package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
	"github.com/tnz-community/terraform-provider-tnz/internal/validators"
)

// NewGroupContactsDataSource is tnz_group_contacts: the members of a group.
func NewGroupContactsDataSource() datasource.DataSource { return &groupContactsDataSource{} }

type groupContactsDataSource struct{ dataSourceBase }

type groupContactsModel struct {
	GroupID  types.String `tfsdk:"group_id"`
	Contacts types.List   `tfsdk:"contacts"`
}

func (d *groupContactsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_group_contacts"
}

func (d *groupContactsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the contacts in an Address Book group, whoever added them: who a send to the group reaches " +
			"(opt-outs aside). Needs Address Book API access for the API user.",
		Attributes: map[string]schema.Attribute{
			"group_id": schema.StringAttribute{Required: true, MarkdownDescription: "The group's id.",
				Validators: []validator.String{validators.UUID()}},
			"contacts": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The group's contacts, in TNZ's order, with every contact attribute.",
				NestedObject:        schema.NestedAttributeObject{Attributes: contactDataAttributes()},
			},
		},
	}
}

func (d *groupContactsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m groupContactsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	api := d.addressBook(tnz.SupportsAddressBook, "tnz_group_contacts", &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	contacts, err := api.GroupContacts(ctx, m.GroupID.ValueString())
	switch {
	case tnz.IsNotFound(err):
		resp.Diagnostics.AddAttributeError(path.Root("group_id"), summaryGroupNotFound,
			detailRecordNotFound("group", fmt.Sprintf("with id %q", m.GroupID.ValueString()), err))
		return
	case err != nil:
		reportRecordError(&resp.Diagnostics, "Reading", "group's contacts", "tnz_group_contacts", err)
		return
	}
	objType := types.ObjectType{AttrTypes: contactAttrTypes()}
	none := types.ObjectNull(objType.AttrTypes)
	items := []attr.Value{}
	for i := range contacts {
		obj, d := types.ObjectValue(objType.AttrTypes, contactValues(&contacts[i], none))
		resp.Diagnostics.Append(d...)
		items = append(items, obj)
	}
	list, diags := types.ListValue(objType, items)
	resp.Diagnostics.Append(diags...)
	m.Contacts = list
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
