package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
	"github.com/tnz-community/terraform-provider-tnz/internal/validators"
)

// NewOptOutsDataSource is tnz_optouts: the opt-out list, filtered.
func NewOptOutsDataSource() datasource.DataSource { return &optOutsDataSource{} }

type optOutsDataSource struct{ dataSourceBase }

type optOutsModel struct {
	Type        types.String `tfsdk:"type"`
	ContactID   types.String `tfsdk:"contact_id"`
	Destination types.String `tfsdk:"destination"`
	TimePeriod  types.Int64  `tfsdk:"time_period"`
	OptOuts     types.List   `tfsdk:"optouts"`
}

// optOutItemTypes are an entry's attributes in the list.
var optOutItemTypes = map[string]attr.Type{
	"id": types.StringType, "type": types.StringType, "destination": types.StringType, "contact_id": types.StringType,
	"sub_account": types.StringType, "department": types.StringType, "stop_message": types.StringType,
	"notes": types.StringType, "original_message": types.StringType, "created_time": types.StringType,
}

func (d *optOutsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_optouts"
}

func (d *optOutsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	items := map[string]schema.Attribute{}
	for name := range optOutItemTypes {
		items[name] = schema.StringAttribute{Computed: true, MarkdownDescription: optOutDescriptions[name]}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists TNZ's opt-out list: who is not messaged on which channel, whoever added them (replies of STOP, the Dashboard, Terraform). " +
			"Filters are optional. API v3.00 only.",
		Attributes: map[string]schema.Attribute{
			"type": schema.StringAttribute{Optional: true, MarkdownDescription: "Only entries for this channel: `SMS`, `Email`, `Voice` or `Fax`.",
				Validators: []validator.String{stringvalidator.OneOf(tnz.OptOutTypes...)}},
			"contact_id": schema.StringAttribute{Optional: true, MarkdownDescription: "Only entries for this Address Book contact.",
				Validators: []validator.String{validators.UUID()}},
			"destination": schema.StringAttribute{Optional: true, MarkdownDescription: "Only entries for this address (phone numbers compared by their digits, e-mail addresses ignoring case)."},
			"time_period": schema.Int64Attribute{Optional: true, MarkdownDescription: "Only entries created in the past this many days.",
				Validators: []validator.Int64{int64validator.AtLeast(1)}},
			"optouts": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The entries, in TNZ's order. `type` is spelt as the `tnz_optout` resource spells it (TNZ's `Text` is `SMS`, `Speech` is `Voice`).",
				NestedObject:        schema.NestedAttributeObject{Attributes: items},
			},
		},
	}
}

func (d *optOutsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m optOutsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	api := d.addressBook(tnz.SupportsOptOuts, "tnz_optouts", &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	found, err := api.ListOptOuts(ctx, tnz.OptOutQuery{
		TimePeriod: int(m.TimePeriod.ValueInt64()), DestType: m.Type.ValueString(), ContactID: m.ContactID.ValueString(),
	})
	if err != nil {
		reportRecordError(&resp.Diagnostics, "Reading", "opt-out list", "tnz_optouts", err)
		return
	}
	items := []attr.Value{}
	for i := range found {
		o := &found[i]
		if !m.Destination.IsNull() && !sameDestination(m.Destination.ValueString(), o.Destination) {
			continue
		}
		var e optOutModel
		e.read(o)
		obj, diags := types.ObjectValue(optOutItemTypes, map[string]attr.Value{
			"id": e.ID, "type": e.Type, "destination": e.Destination, "contact_id": e.ContactID,
			"sub_account": e.SubAccount, "department": e.Department, "stop_message": e.StopMessage,
			"notes": e.Notes, "original_message": e.OriginalMessage, "created_time": e.CreatedTime,
		})
		resp.Diagnostics.Append(diags...)
		items = append(items, obj)
	}
	list, diags := types.ListValue(types.ObjectType{AttrTypes: optOutItemTypes}, items)
	resp.Diagnostics.Append(diags...)
	m.OptOuts = list
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
