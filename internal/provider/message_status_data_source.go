package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/rejection"
	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

var _ datasource.DataSourceWithConfigure = (*messageStatusDataSource)(nil)

// NewMessageStatusDataSource is tnz_message_status: the delivery status of any
// message, sent by Terraform or not.
func NewMessageStatusDataSource() datasource.DataSource { return &messageStatusDataSource{} }

type messageStatusDataSource struct{ dataSourceBase }

type messageStatusModel struct {
	Channel   types.String `tfsdk:"channel"`
	MessageID types.String `tfsdk:"message_id"`
	Status    types.Object `tfsdk:"status"`
}

func (d *messageStatusDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_message_status"
}

func (d *messageStatusDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	channels := make([]string, len(tnz.StatusChannels))
	for i, c := range tnz.StatusChannels {
		channels[i] = string(c)
	}
	resp.Schema = dsschema.Schema{
		MarkdownDescription: "Reads the delivery status of a TNZ message by id, whether Terraform sent it or not.",
		Attributes: map[string]dsschema.Attribute{
			"channel": dsschema.StringAttribute{
				Required:            true,
				MarkdownDescription: fmt.Sprintf("The message's channel: %v.", channels),
				Validators:          []validator.String{stringvalidator.OneOf(channels...)},
			},
			"message_id": dsschema.StringAttribute{Required: true, MarkdownDescription: "The message id."},
			"status": dsschema.SingleNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The status, shaped as the send resources' `status`.",
				Attributes:          computedDataSourceAttributes(reportedStatusAttributes("", true, "Every destination's result.")),
			},
		},
	}
}

func (d *messageStatusDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m messageStatusModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || !d.configured(&resp.Diagnostics) {
		return
	}
	status, err := d.data.api.Status(ctx, tnz.Channel(m.Channel.ValueString()), m.MessageID.ValueString())
	switch {
	case tnz.IsNotFound(err):
		resp.Diagnostics.AddError(rejection.MessagesNotFound.Summary(0), detailNotFoundOnImport(rejection.MessagesNotFound.Fix, err))
		return
	case err != nil:
		resp.Diagnostics.AddError(summaryStatusRead, detailActionFailed(m.MessageID.ValueString(), err))
		return
	}
	m.Status = types.ObjectValueMust(reportedStatusType.AttrTypes, reportedValues(reportedStatusType, status, len(status.Recipients)))
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// reportedStatusType is the status attribute's type: any channel, every destination.
var reportedStatusType = objectType(reportedStatusAttributes("", true, ""))

// dataSourceBase holds the configured API for data sources.
type dataSourceBase struct{ data *providerData }

func (d *dataSourceBase) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if req.ProviderData == nil { // not configured yet (e.g. validation)
		return
	}
	data, ok := req.ProviderData.(*providerData)
	if !ok {
		resp.Diagnostics.AddError(summaryUnexpectedProviderData, detailUnexpectedProviderData(req.ProviderData))
		return
	}
	d.data = data
}

// configured reports whether the provider has an API client; when its
// configuration is not known until apply, a data source cannot be read yet.
func (d *dataSourceBase) configured(diags *diag.Diagnostics) bool {
	if d.data == nil {
		diags.AddError(summaryProviderNotConfigured, detailProviderNotConfigured)
		return false
	}
	return true
}

// computedDataSourceAttributes turns the resources' computed status schema
// into a data source's, so the two shapes cannot drift apart.
func computedDataSourceAttributes(attrs map[string]rschema.Attribute) map[string]dsschema.Attribute {
	out := map[string]dsschema.Attribute{}
	for name, a := range attrs {
		switch a := a.(type) {
		case rschema.StringAttribute:
			out[name] = dsschema.StringAttribute{Computed: true, MarkdownDescription: a.MarkdownDescription}
		case rschema.Int64Attribute:
			out[name] = dsschema.Int64Attribute{Computed: true, MarkdownDescription: a.MarkdownDescription}
		case rschema.ListAttribute:
			out[name] = dsschema.ListAttribute{Computed: true, ElementType: a.ElementType, MarkdownDescription: a.MarkdownDescription}
		case rschema.ListNestedAttribute:
			out[name] = dsschema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: a.MarkdownDescription,
				NestedObject:        dsschema.NestedAttributeObject{Attributes: computedDataSourceAttributes(a.NestedObject.Attributes)},
			}
		default:
			panic(fmt.Sprintf("computedDataSourceAttributes: unhandled %T", a))
		}
	}
	return out
}
