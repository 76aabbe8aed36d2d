package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
	"github.com/tnz-community/terraform-provider-tnz/internal/validators"
)

var _ datasource.DataSourceWithConfigValidators = (*smsReceivedDataSource)(nil)

// NewSMSReceivedDataSource is tnz_sms_received: inbound SMS in a time window.
func NewSMSReceivedDataSource() datasource.DataSource { return &smsReceivedDataSource{} }

type smsReceivedDataSource struct{ dataSourceBase }

type smsReceivedModel struct {
	TimePeriod types.Int64  `tfsdk:"time_period"`
	DateFrom   types.String `tfsdk:"date_from"`
	DateTo     types.String `tfsdk:"date_to"`
	Messages   types.List   `tfsdk:"messages"`
}

type inboundModel struct {
	ReceivedID   types.String `tfsdk:"received_id"`
	MessageID    types.String `tfsdk:"message_id"`
	From         types.String `tfsdk:"from"`
	MessageText  types.String `tfsdk:"message_text"`
	ReceivedTime types.String `tfsdk:"received_time"`
	ContactID    types.String `tfsdk:"contact_id"`
	SubAccount   types.String `tfsdk:"sub_account"`
	Department   types.String `tfsdk:"department"`
}

var inboundType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"received_id": types.StringType, "message_id": types.StringType, "from": types.StringType, "message_text": types.StringType,
	"received_time": types.StringType, "contact_id": types.StringType, "sub_account": types.StringType, "department": types.StringType,
}}

func (d *smsReceivedDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_sms_received"
}

func (d *smsReceivedDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(description string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: description}
	}
	dateTime := []validator.String{validators.ReceivedDate()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the SMS the TNZ account received, replies and unmatched inbound messages, in the last `time_period` minutes or between `date_from` and `date_to`.",
		Attributes: map[string]schema.Attribute{
			"time_period": schema.Int64Attribute{
				Optional:            true,
				MarkdownDescription: "Minutes back from now, 1 to 1440 (24 hours).",
				Validators:          []validator.Int64{int64validator.Between(tnz.MinReceivedTimePeriod, tnz.MaxReceivedTimePeriod)},
			},
			"date_from": schema.StringAttribute{Optional: true, MarkdownDescription: "Start, `YYYY-MM-DD hh:mm:ss` in the TNZ user's timezone.", Validators: dateTime},
			"date_to":   schema.StringAttribute{Optional: true, MarkdownDescription: "End, `YYYY-MM-DD hh:mm:ss` in the TNZ user's timezone.", Validators: dateTime},
			"messages": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The inbound SMS, oldest first as TNZ lists them.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"received_id":   computed("TNZ's id of the inbound SMS."),
					"message_id":    computed("The outbound message it replies to, if TNZ matched one."),
					"from":          computed("The sender's number (E.164)."),
					"message_text":  computed("The text."),
					"received_time": computed("When it arrived (UTC)."),
					"contact_id":    computed("The sender's Address Book contact, if any."),
					"sub_account":   computed("Sub-account of the matched message."),
					"department":    computed("Department of the matched message."),
				}},
			},
		},
	}
}

func (d *smsReceivedDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("time_period"), path.MatchRoot("date_from")),
		datasourcevalidator.RequiredTogether(path.MatchRoot("date_from"), path.MatchRoot("date_to")),
	}
}

func (d *smsReceivedDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m smsReceivedModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || !d.configured(&resp.Diagnostics) {
		return
	}
	q := tnz.ReceivedQuery{TimePeriod: int(m.TimePeriod.ValueInt64()), DateFrom: m.DateFrom.ValueString(), DateTo: m.DateTo.ValueString()}
	received, err := d.data.api.ReceivedSMS(ctx, q)
	if err != nil {
		resp.Diagnostics.AddError(summaryReceivedRead, err.Error())
		return
	}
	messages := make([]inboundModel, 0, len(received))
	for _, r := range received {
		messages = append(messages, inboundModel{
			ReceivedID: types.StringValue(r.ReceivedID), MessageID: types.StringValue(r.MessageID), From: types.StringValue(r.From),
			MessageText: types.StringValue(r.MessageText), ReceivedTime: types.StringValue(r.ReceivedTimeUTC), ContactID: types.StringValue(r.ContactID),
			SubAccount: types.StringValue(r.SubAccount), Department: types.StringValue(r.Department),
		})
	}
	list, diags := types.ListValueFrom(ctx, inboundType, messages)
	resp.Diagnostics.Append(diags...)
	m.Messages = list
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
