package provider

import (
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// commonModel is the part of every send resource's model that all channels
// share. A channel's model embeds it (see smsModel).
type commonModel struct {
	ID                    types.String   `tfsdk:"id"`
	MessageID             types.String   `tfsdk:"message_id"`
	Recipients            types.List     `tfsdk:"recipients"`
	Destinations          types.List     `tfsdk:"destinations"`
	Template              types.Dynamic  `tfsdk:"template"`
	TemplateID            types.String   `tfsdk:"template_id"`
	Reference             types.String   `tfsdk:"reference"`
	SendTime              types.String   `tfsdk:"send_time"`
	Timezone              types.String   `tfsdk:"timezone"`
	SubAccount            types.String   `tfsdk:"sub_account"`
	Department            types.String   `tfsdk:"department"`
	ChargeCode            types.String   `tfsdk:"charge_code"`
	WebhookCallbackURL    types.String   `tfsdk:"webhook_callback_url"`
	WebhookCallbackFormat types.String   `tfsdk:"webhook_callback_format"`
	NotificationType      types.String   `tfsdk:"notification_type"`
	ReportTo              types.String   `tfsdk:"report_to"`
	TestMode              types.Bool     `tfsdk:"test_mode"`
	Triggers              types.Map      `tfsdk:"triggers"`
	Status                types.Object   `tfsdk:"status"`
	DestinationCount      types.Int64    `tfsdk:"destination_count"`
	WaitFor               types.String   `tfsdk:"wait_for"`
	Timeouts              timeouts.Value `tfsdk:"timeouts"`
}

// fromValues reads the shared attributes from a send's values. Channel
// models read theirs the same way, without the framework's reflection: this
// runs for every send on every validation and plan.
func (m *commonModel) fromValues(v map[string]attr.Value) {
	*m = commonModel{
		ID: get[types.String](v, "id"), MessageID: get[types.String](v, "message_id"),
		Recipients: get[types.List](v, "recipients"), Destinations: get[types.List](v, "destinations"),
		Template: get[types.Dynamic](v, "template"), TemplateID: get[types.String](v, "template_id"),
		Reference: get[types.String](v, "reference"), SendTime: get[types.String](v, "send_time"),
		Timezone: get[types.String](v, "timezone"), SubAccount: get[types.String](v, "sub_account"),
		Department: get[types.String](v, "department"), ChargeCode: get[types.String](v, "charge_code"),
		WebhookCallbackURL: get[types.String](v, "webhook_callback_url"), WebhookCallbackFormat: get[types.String](v, "webhook_callback_format"),
		NotificationType: get[types.String](v, "notification_type"), ReportTo: get[types.String](v, "report_to"),
		TestMode: get[types.Bool](v, "test_mode"), Triggers: get[types.Map](v, "triggers"),
		Status: get[types.Object](v, "status"), DestinationCount: get[types.Int64](v, "destination_count"),
		WaitFor: get[types.String](v, "wait_for"), Timeouts: get[timeouts.Value](v, "timeouts"),
	}
}

// get is the value called name, or T's zero value (null) when absent.
func get[T attr.Value](v map[string]attr.Value, name string) T {
	x, _ := v[name].(T)
	return x
}

// Building the API message. Unknown values are left empty (ValueString of
// an unknown value is ""); the checks learn which they are from the
// configuration itself (unknownPaths), never from the builder.

// toAPI is the shared part of the API message. Destinations are numbered
// recipients first, then the destinations blocks, as rejection paths are.
func (m *commonModel) toAPI() tnz.Common {
	c := tnz.Common{
		MessageID:             m.MessageID.ValueString(),
		TemplateID:            m.TemplateID.ValueString(),
		Reference:             m.Reference.ValueString(),
		NotificationType:      m.NotificationType.ValueString(),
		SubAccount:            m.SubAccount.ValueString(),
		Department:            m.Department.ValueString(),
		ChargeCode:            m.ChargeCode.ValueString(),
		WebhookCallbackURL:    m.WebhookCallbackURL.ValueString(),
		WebhookCallbackFormat: m.WebhookCallbackFormat.ValueString(),
		ReportTo:              m.ReportTo.ValueString(),
		TestMode:              m.TestMode.ValueBool(),
	}
	c.SendTime, c.Timezone = sendTimeForTNZ(m.SendTime.ValueString(), m.Timezone.ValueString())
	if m.Recipients.IsUnknown() || m.Destinations.IsUnknown() {
		return c
	}
	c.Destinations = make([]tnz.Destination, 0, len(m.Recipients.Elements())+len(m.Destinations.Elements()))
	for _, e := range m.Recipients.Elements() {
		s, _ := e.(types.String)
		c.Destinations = append(c.Destinations, tnz.Destination{Recipient: s.ValueString()})
	}
	for _, e := range m.Destinations.Elements() {
		c.Destinations = append(c.Destinations, destination(e))
	}
	return c
}

// destination reads one destinations element without reflection: this runs
// for every recipient of every send on every plan.
func destination(e attr.Value) tnz.Destination {
	obj, _ := e.(types.Object)
	v := obj.Attributes()
	d := tnz.Destination{
		Recipient: stringAttr(v, "recipient"),
		Attention: stringAttr(v, "attention"),
		Company:   stringAttr(v, "company"),
		FirstName: stringAttr(v, "first_name"),
		LastName:  stringAttr(v, "last_name"),
		ContactID: stringAttr(v, "contact_id"),
		GroupID:   stringAttr(v, "group_id"),
		GroupCode: stringAttr(v, "group_code"),
		// Workflow's addresses by kind; absent (so "") on other channels.
		ToNumber:     stringAttr(v, "to_number"),
		EmailAddress: stringAttr(v, "email_address"),
		MainPhone:    stringAttr(v, "main_phone"),
	}
	for i := range d.Custom {
		d.Custom[i] = stringAttr(v, tnz.CustomFieldNames[i])
	}
	return d
}

// stringAttr is the string at name, or "" when it is null, unknown or absent.
func stringAttr(values map[string]attr.Value, name string) string {
	return get[types.String](values, name).ValueString()
}

// optionalBoolValue is nil when the value is null or unknown, so it is not sent.
func optionalBoolValue(v types.Bool) *bool {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	b := v.ValueBool()
	return &b
}

// optionalIntValue is nil when the value is null or unknown, so it is not sent.
func optionalIntValue(v types.Int64) *int64 {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	n := v.ValueInt64()
	return &n
}

// Status state.

// sendStatus is what the provider knows of a message besides TNZ's report.
type sendStatus struct {
	// confirmed: TNZ accepted the request, or a look-up found the message.
	confirmed bool
	// submitted is when the provider sent it (RFC 3339, UTC); "" if imported.
	submitted string
}

// statusTypes are the status attribute's types, by channel.
var statusTypes = func() map[tnz.Channel]types.ObjectType {
	out := map[tnz.Channel]types.ObjectType{}
	for _, ch := range tnz.Channels {
		out[ch] = objectType(statusAttributes(ch))
	}
	return out
}()

func objectType(attrs map[string]schema.Attribute) types.ObjectType {
	return schema.SingleNestedAttribute{Attributes: attrs}.GetType().(types.ObjectType)
}

// statusValue is a send's status: s is TNZ's report, nil when TNZ has not
// reported on the message yet. A channel without a status has only what
// the provider knows.
func statusValue(ch tnz.Channel, s *tnz.Status, known sendStatus) types.Object {
	t := statusTypes[ch]
	values := map[string]attr.Value{}
	if ch.HasStatus() {
		values = reportedValues(t, s, statusRecipientsListed)
	}
	values["confirmed"] = types.BoolValue(known.confirmed)
	values["submitted_time"] = types.StringValue(known.submitted)
	return types.ObjectValueMust(t.AttrTypes, values)
}

// reportedValues are the attributes of t that TNZ's report s fills, with at
// most limit recipients.
func reportedValues(t types.ObjectType, s *tnz.Status, limit int) map[string]attr.Value {
	if s == nil {
		s = &tnz.Status{JobStatus: tnz.JobPending}
	}
	recipientType := t.AttrTypes["recipients"].(types.ListType).ElemType.(types.ObjectType)
	has := func(name string) bool { _, ok := recipientType.AttrTypes[name]; return ok }
	withRemoteID, detailed, withType := has("remote_id"), has("attention"), has("type")
	replyList, withReplies := recipientType.AttrTypes["replies"].(types.ListType)
	listed := s.Recipients[:min(len(s.Recipients), limit)]
	recipients := make([]attr.Value, len(listed))
	for i, r := range listed {
		values := map[string]attr.Value{
			"destination": types.StringValue(r.Destination),
			"contact_id":  types.StringValue(r.ContactID),
			"status":      types.StringValue(r.Status),
			"result":      types.StringValue(r.Result),
			"sent_time":   types.StringValue(r.SentTimeUTC),
			"price":       types.StringValue(r.Price),
		}
		if withRemoteID {
			values["remote_id"] = types.StringValue(r.RemoteID)
		}
		if detailed {
			values["attention"] = types.StringValue(r.Attention)
			values["company"] = types.StringValue(r.Company)
			values["custom"] = customValues(r.Custom)
		}
		if withReplies {
			values["replies"] = replies(replyList, r.Replies)
		}
		if withType {
			values["type"] = types.StringValue(r.Type)
		}
		recipients[i] = types.ObjectValueMust(recipientType.AttrTypes, values)
	}
	values := map[string]attr.Value{
		"job_status":   types.StringValue(s.JobStatus),
		"job_number":   types.StringValue(s.JobNum),
		"price":        types.StringValue(s.Price),
		"count":        types.Int64Value(s.Count),
		"complete":     types.Int64Value(s.Complete),
		"success":      types.Int64Value(s.Success),
		"failed":       types.Int64Value(s.Failed),
		"created_time": types.StringValue(s.CreatedTimeUTC),
		"recipients":   types.ListValueMust(recipientType, recipients),
	}
	if _, ok := t.AttrTypes["reference"]; ok {
		values["reference"] = types.StringValue(s.Reference)
		values["sub_account"] = types.StringValue(s.SubAccount)
		values["department"] = types.StringValue(s.Department)
	}
	return values
}

// customValues are Custom1..Custom9 without the trailing empty ones.
func customValues(custom [9]string) types.List {
	n := len(custom)
	for n > 0 && custom[n-1] == "" {
		n--
	}
	out := make([]attr.Value, n)
	for i, v := range custom[:n] {
		out[i] = types.StringValue(v)
	}
	return types.ListValueMust(types.StringType, out)
}

func replies(t types.ListType, rs []tnz.SMSReply) types.List {
	replyType := t.ElemType.(types.ObjectType)
	out := make([]attr.Value, len(rs))
	for i, r := range rs {
		out[i] = types.ObjectValueMust(replyType.AttrTypes, map[string]attr.Value{
			"from": types.StringValue(r.From), "message_text": types.StringValue(r.MessageText), "received_time": types.StringValue(r.ReceivedTimeUTC),
		})
	}
	return types.ListValueMust(replyType, out)
}

// statusOf reads back what a status value records; a null or unknown status
// (an imported message before its first read) is unconfirmed, never submitted.
func statusOf(status types.Object) (jobStatus string, known sendStatus) {
	if status.IsNull() || status.IsUnknown() {
		return "", sendStatus{}
	}
	v := status.Attributes()
	confirmed, _ := v["confirmed"].(basetypes.BoolValue)
	return stringAttr(v, "job_status"), sendStatus{confirmed: confirmed.ValueBool(), submitted: stringAttr(v, "submitted_time")}
}
