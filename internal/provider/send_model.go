package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/tnz-community/terraform-provider-tnz/internal/rejection"
	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// sendModel is the part of every send resource's state that all channels share.
type sendModel struct {
	ID                    types.String   `tfsdk:"id"`
	MessageID             types.String   `tfsdk:"message_id"`
	Recipients            types.List     `tfsdk:"recipients"`
	Destinations          types.List     `tfsdk:"destinations"`
	TemplateID            types.String   `tfsdk:"template_id"`
	Reference             types.String   `tfsdk:"reference"`
	SendTime              types.String   `tfsdk:"send_time"`
	Timezone              types.String   `tfsdk:"timezone"`
	SubAccount            types.String   `tfsdk:"sub_account"`
	Department            types.String   `tfsdk:"department"`
	ChargeCode            types.String   `tfsdk:"charge_code"`
	WebhookCallbackURL    types.String   `tfsdk:"webhook_callback_url"`
	WebhookCallbackFormat types.String   `tfsdk:"webhook_callback_format"`
	ReportTo              types.String   `tfsdk:"report_to"`
	TestMode              types.Bool     `tfsdk:"test_mode"`
	Triggers              types.Map      `tfsdk:"triggers"`
	Status                types.Object   `tfsdk:"status"`
	Template              types.Object   `tfsdk:"template"`
	WaitFor               types.String   `tfsdk:"wait_for"`
	Timeouts              timeouts.Value `tfsdk:"timeouts"`

	// fromTemplate names the attributes the message took from the template,
	// so that findings on them point at the template attribute.
	fromTemplate map[string]bool
}

type destinationModel struct {
	Recipient types.String `tfsdk:"recipient"`
	Attention types.String `tfsdk:"attention"`
	Company   types.String `tfsdk:"company"`
	FirstName types.String `tfsdk:"first_name"`
	LastName  types.String `tfsdk:"last_name"`
	Custom1   types.String `tfsdk:"custom1"`
	Custom2   types.String `tfsdk:"custom2"`
	Custom3   types.String `tfsdk:"custom3"`
	Custom4   types.String `tfsdk:"custom4"`
	Custom5   types.String `tfsdk:"custom5"`
	Custom6   types.String `tfsdk:"custom6"`
	Custom7   types.String `tfsdk:"custom7"`
	Custom8   types.String `tfsdk:"custom8"`
	Custom9   types.String `tfsdk:"custom9"`
	ContactID types.String `tfsdk:"contact_id"`
	GroupID   types.String `tfsdk:"group_id"`
	GroupCode types.String `tfsdk:"group_code"`
}

// known collects the values of a model as far as they are known, recording
// the paths of unknown ones so that checks skip them.
type known struct {
	unknown rejection.Unknowns
}

func newKnown() *known { return &known{unknown: rejection.Unknowns{}} }

func (k *known) str(v types.String, path string) string {
	if v.IsUnknown() {
		k.unknown.Add(path)
		return ""
	}
	return v.ValueString()
}

// boolean is nil when the value is null or unknown, so it is not sent.
func (k *known) boolean(v types.Bool, path string) *bool {
	if v.IsUnknown() {
		k.unknown.Add(path)
	}
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	b := v.ValueBool()
	return &b
}

// integer is nil when the value is null or unknown, so it is not sent.
func (k *known) integer(v types.Int64, path string) *int64 {
	if v.IsUnknown() {
		k.unknown.Add(path)
	}
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	n := v.ValueInt64()
	return &n
}

// common builds the shared part of the API message.
func (m *sendModel) common(ctx context.Context, k *known, diags *diag.Diagnostics) tnz.Common {
	c := tnz.Common{
		MessageID:             k.str(m.MessageID, "message_id"),
		TemplateID:            k.str(m.TemplateID, "template_id"),
		Reference:             k.str(m.Reference, "reference"),
		SendTime:              canonicalSendTime(k.str(m.SendTime, "send_time")),
		Timezone:              k.str(m.Timezone, "timezone"),
		SubAccount:            k.str(m.SubAccount, "sub_account"),
		Department:            k.str(m.Department, "department"),
		ChargeCode:            k.str(m.ChargeCode, "charge_code"),
		WebhookCallbackURL:    k.str(m.WebhookCallbackURL, "webhook_callback_url"),
		WebhookCallbackFormat: k.str(m.WebhookCallbackFormat, "webhook_callback_format"),
		ReportTo:              k.str(m.ReportTo, "report_to"),
		TestMode:              m.TestMode.ValueBool(),
	}
	c.Destinations = m.destinations(ctx, k, diags)
	return c
}

// destinations lists recipients first, then the destinations blocks, which is
// the numbering the rejection table's paths use.
func (m *sendModel) destinations(ctx context.Context, k *known, diags *diag.Diagnostics) []tnz.Destination {
	if m.Recipients.IsUnknown() || m.Destinations.IsUnknown() {
		k.unknown.Add("destinations")
		return nil
	}
	var out []tnz.Destination
	for _, e := range m.Recipients.Elements() {
		s, _ := e.(types.String)
		out = append(out, tnz.Destination{Recipient: k.str(s, fmt.Sprintf("destinations[%d].recipient", len(out)))})
	}
	for _, e := range m.Destinations.Elements() {
		at := fmt.Sprintf("destinations[%d]", len(out))
		obj, _ := e.(types.Object)
		if obj.IsUnknown() {
			k.unknown.Add(at)
			out = append(out, tnz.Destination{})
			continue
		}
		var d destinationModel
		diags.Append(obj.As(ctx, &d, basetypes.ObjectAsOptions{})...)
		dest := tnz.Destination{
			Recipient: k.str(d.Recipient, at+".recipient"),
			Attention: k.str(d.Attention, at+".attention"),
			Company:   k.str(d.Company, at+".company"),
			FirstName: k.str(d.FirstName, at+".first_name"),
			LastName:  k.str(d.LastName, at+".last_name"),
			ContactID: k.str(d.ContactID, at+".contact_id"),
			GroupID:   k.str(d.GroupID, at+".group_id"),
			GroupCode: k.str(d.GroupCode, at+".group_code"),
		}
		for i, v := range []types.String{d.Custom1, d.Custom2, d.Custom3, d.Custom4, d.Custom5, d.Custom6, d.Custom7, d.Custom8, d.Custom9} {
			dest.Custom[i] = k.str(v, fmt.Sprintf("%s.custom%d", at, i+1))
		}
		out = append(out, dest)
	}
	return out
}

// paths maps rejection paths onto this model's attributes.
func (m *sendModel) paths() destinationPaths {
	return destinationPaths{
		recipients:      len(m.Recipients.Elements()),
		hasDestinations: !m.Destinations.IsNull(),
		fromTemplate:    m.fromTemplate,
	}
}

// Status state.

type statusModel struct {
	JobStatus   types.String `tfsdk:"job_status"`
	JobNumber   types.String `tfsdk:"job_number"`
	Count       types.Int64  `tfsdk:"count"`
	Complete    types.Int64  `tfsdk:"complete"`
	Success     types.Int64  `tfsdk:"success"`
	Failed      types.Int64  `tfsdk:"failed"`
	CreatedTime types.String `tfsdk:"created_time"`
	Recipients  types.List   `tfsdk:"recipients"`
}

type recipientStatusModel struct {
	Destination types.String `tfsdk:"destination"`
	ContactID   types.String `tfsdk:"contact_id"`
	Status      types.String `tfsdk:"status"`
	Result      types.String `tfsdk:"result"`
	SentTime    types.String `tfsdk:"sent_time"`
	Replies     types.List   `tfsdk:"replies"`
}

type replyModel struct {
	From         types.String `tfsdk:"from"`
	MessageText  types.String `tfsdk:"message_text"`
	ReceivedTime types.String `tfsdk:"received_time"`
}

var (
	replyType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"from": types.StringType, "message_text": types.StringType, "received_time": types.StringType,
	}}
	recipientStatusType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"destination": types.StringType, "contact_id": types.StringType, "status": types.StringType,
		"result": types.StringType, "sent_time": types.StringType, "replies": types.ListType{ElemType: replyType},
	}}
	statusType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"job_status": types.StringType, "job_number": types.StringType, "count": types.Int64Type,
		"complete": types.Int64Type, "success": types.Int64Type, "failed": types.Int64Type,
		"created_time": types.StringType, "recipients": types.ListType{ElemType: recipientStatusType},
	}}
)

// statusValue turns an API status into state.
func statusValue(ctx context.Context, s *tnz.Status, diags *diag.Diagnostics) types.Object {
	recipients := make([]recipientStatusModel, 0, len(s.Recipients))
	for _, r := range s.Recipients {
		replies := make([]replyModel, 0, len(r.Replies))
		for _, rep := range r.Replies {
			replies = append(replies, replyModel{
				From: types.StringValue(rep.From), MessageText: types.StringValue(rep.MessageText), ReceivedTime: types.StringValue(rep.ReceivedTimeUTC),
			})
		}
		list, d := types.ListValueFrom(ctx, replyType, replies)
		diags.Append(d...)
		recipients = append(recipients, recipientStatusModel{
			Destination: types.StringValue(r.Destination),
			ContactID:   types.StringValue(r.ContactID),
			Status:      types.StringValue(r.Status),
			Result:      types.StringValue(r.Result),
			SentTime:    types.StringValue(r.SentTimeUTC),
			Replies:     list,
		})
	}
	list, d := types.ListValueFrom(ctx, recipientStatusType, recipients)
	diags.Append(d...)
	obj, d := types.ObjectValueFrom(ctx, statusType.AttrTypes, statusModel{
		JobStatus:   types.StringValue(s.JobStatus),
		JobNumber:   types.StringValue(s.JobNum),
		Count:       types.Int64Value(s.Count),
		Complete:    types.Int64Value(s.Complete),
		Success:     types.Int64Value(s.Success),
		Failed:      types.Int64Value(s.Failed),
		CreatedTime: types.StringValue(s.CreatedTimeUTC),
		Recipients:  list,
	})
	diags.Append(d...)
	return obj
}
