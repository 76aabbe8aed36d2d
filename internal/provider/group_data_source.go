package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
	"github.com/tnz-community/terraform-provider-tnz/internal/validators"
)

var _ datasource.DataSourceWithConfigValidators = (*groupDataSource)(nil)

// NewGroupDataSource is tnz_group: one Address Book group, by id or by
// group code.
func NewGroupDataSource() datasource.DataSource { return &groupDataSource{} }

type groupDataSource struct{ dataSourceBase }

func (d *groupDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_group"
}

func (d *groupDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(name string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: groupDescriptions[name]}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads an Address Book group by `id` or by `group_code` (exactly one), for instance a group managed in the TNZ Dashboard. " +
			"Needs Address Book API access for the API user.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: groupDescriptions["id"],
				Validators: []validator.String{validators.UUID()}},
			"group_code":     schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: groupDescriptions["group_code"] + " Compared ignoring case."},
			"group_name":     computed("group_name"),
			"sub_account":    computed("sub_account"),
			"department":     computed("department"),
			"view_edit_by":   computed("view_edit_by"),
			"access_control": computed("access_control"),
			"owner":          computed("owner"),
			"created_time":   computed("created_time"),
		},
	}
}

func (d *groupDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("group_code"))}
}

func (d *groupDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m groupModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	api := d.addressBook(tnz.SupportsAddressBook, "tnz_group", &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	var g *tnz.Group
	var err error
	key, at := "", path.Root("id")
	if m.ID.IsNull() {
		g, err = api.FindGroupByCode(ctx, m.GroupCode.ValueString())
		key, at = fmt.Sprintf("with group code %q", m.GroupCode.ValueString()), path.Root("group_code")
	} else {
		g, err = api.GetGroup(ctx, m.ID.ValueString())
		key = fmt.Sprintf("with id %q", m.ID.ValueString())
	}
	switch {
	case tnz.IsNotFound(err):
		resp.Diagnostics.AddAttributeError(at, summaryGroupNotFound, detailRecordNotFound("group", key, err))
		return
	case err != nil:
		reportRecordError(&resp.Diagnostics, "Reading", "group", "tnz_group", err)
		return
	}
	m.read(g)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
