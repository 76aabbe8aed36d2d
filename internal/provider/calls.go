package provider

import (
	"fmt"
	"github.com/hashicorp/terraform-plugin-framework/attr"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// What TTS and Voice calls share. For Voice the message attributes and
// keypad play carry base64 WAV audio (16-bit, 8000 Hz) instead of text.

// callAttributes returns the call attributes; content describes what the
// message attributes hold ("text" or "base64 WAV audio").
func callAttributes(content string) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"message_to_people":               optionalString(fmt.Sprintf("What the call says when a person answers (%s); required unless `template` or `template_id` provides it.", content)),
		"message_to_answerphones":         optionalString(fmt.Sprintf("What the call leaves on an answering machine (%s); enables answering-machine detection.", content)),
		"keypads":                         keypadsAttribute(content),
		"keypad_option_required":          optionalBool("When no valid key is pressed, log the call as Failed (`No Valid Option Selected`) and retry it."),
		"call_route_message_to_people":    optionalString(fmt.Sprintf("Said to the person before a keypad transfers the call (%s).", content)),
		"call_route_message_to_operators": optionalString(fmt.Sprintf("Said to the operator who receives a transferred call (%s).", content)),
		"call_route_message_on_wrong_key": optionalString(fmt.Sprintf("Said when a key with no option is pressed (%s).", content)),
		"number_of_operators": optionalInt("How many calls may run at once (1-99999; TNZ's default 99999), e.g. the operators available for transfers. "+
			"Changing it while TNZ has not finished the job (job status `Pending` or `Delayed`) paces that job in place (an update in the plan; removing it restores TNZ's default); "+
			"once the job has finished, the change places the calls again as a new message.", int64validator.Between(tnz.MinNumberOfOperators, tnz.MaxNumberOfOperators)),
		"caller_id":        optionalString("Caller ID in E.164; it must be whitelisted on the TNZ account."),
		"retry_attempts":   retryAttemptsAttribute(),
		"retry_period":     retryPeriodAttribute(),
		"options":          optionalString("Advanced IVR options, passed to TNZ as they are."),
		"end_call_message": optionalString(fmt.Sprintf("Said at the end of the call, after everything else (%s). API v3.00.", content)),
		"billing_account":  optionalString("Billing account for TNZ's invoicing, passed on as written."),
		"answerphone_mode": optionalString("Answering-machine handling: `NDAS` (default), `NDAF`, `DAS` or `DAF`.", stringvalidator.OneOf("NDAS", "NDAF", "DAS", "DAF")),
	}
}

func keypadsAttribute(content string) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		Optional:            true,
		MarkdownDescription: "A keypad menu: each option is a key (`tone`) and what it does (`route_number`, `play` or `play_section`).",
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"tone":         schema.Int64Attribute{Optional: true, MarkdownDescription: "The key, 0-9."},
			"route_number": schema.StringAttribute{Optional: true, MarkdownDescription: "Transfer the call to this number: 10 or more digits, optionally with a leading `+`, e.g. `+64800123123`."},
			"play":         schema.StringAttribute{Optional: true, MarkdownDescription: fmt.Sprintf("Play this (%s).", content)},
			"play_section": schema.StringAttribute{Optional: true, MarkdownDescription: "Play a section of the call again: `Main`, `AnswerPhone` or `WrongKey`.", Validators: []validator.String{stringvalidator.OneOf("Main", "AnswerPhone", "WrongKey")}},
		}},
	}
}

func retryAttemptsAttribute() schema.Int64Attribute {
	return optionalInt("How often to retry an unsuccessful call or fax (0-5).", int64validator.Between(0, 5))
}

func retryPeriodAttribute() schema.Int64Attribute {
	return optionalInt("Minutes between retries (0-60).", int64validator.Between(0, 60))
}

type callModel struct {
	commonModel
	MessageToPeople             types.String `tfsdk:"message_to_people"`
	MessageToAnswerphones       types.String `tfsdk:"message_to_answerphones"`
	Keypads                     types.List   `tfsdk:"keypads"`
	KeypadOptionRequired        types.Bool   `tfsdk:"keypad_option_required"`
	CallRouteMessageToPeople    types.String `tfsdk:"call_route_message_to_people"`
	CallRouteMessageToOperators types.String `tfsdk:"call_route_message_to_operators"`
	CallRouteMessageOnWrongKey  types.String `tfsdk:"call_route_message_on_wrong_key"`
	NumberOfOperators           types.Int64  `tfsdk:"number_of_operators"`
	CallerID                    types.String `tfsdk:"caller_id"`
	RetryAttempts               types.Int64  `tfsdk:"retry_attempts"`
	RetryPeriod                 types.Int64  `tfsdk:"retry_period"`
	Options                     types.String `tfsdk:"options"`
	AnswerphoneMode             types.String `tfsdk:"answerphone_mode"`
	EndCallMessage              types.String `tfsdk:"end_call_message"`
	BillingAccount              types.String `tfsdk:"billing_account"`
}

func (m *callModel) fromValues(v map[string]attr.Value) {
	m.commonModel.fromValues(v)
	m.MessageToPeople, m.MessageToAnswerphones = get[types.String](v, "message_to_people"), get[types.String](v, "message_to_answerphones")
	m.Keypads, m.KeypadOptionRequired = get[types.List](v, "keypads"), get[types.Bool](v, "keypad_option_required")
	m.CallRouteMessageToPeople, m.CallRouteMessageToOperators = get[types.String](v, "call_route_message_to_people"), get[types.String](v, "call_route_message_to_operators")
	m.CallRouteMessageOnWrongKey, m.NumberOfOperators = get[types.String](v, "call_route_message_on_wrong_key"), get[types.Int64](v, "number_of_operators")
	m.CallerID, m.RetryAttempts, m.RetryPeriod = get[types.String](v, "caller_id"), get[types.Int64](v, "retry_attempts"), get[types.Int64](v, "retry_period")
	m.Options, m.AnswerphoneMode = get[types.String](v, "options"), get[types.String](v, "answerphone_mode")
	m.EndCallMessage, m.BillingAccount = get[types.String](v, "end_call_message"), get[types.String](v, "billing_account")
}

func (m *callModel) common() *commonModel { return &m.commonModel }

// attachments: calls carry none.
func (m *callModel) attachments() types.List { return types.ListNull(fileType) }

func (m *callModel) toAPICall() tnz.Call {
	return tnz.Call{
		Common:                      m.commonModel.toAPI(),
		MessageToPeople:             m.MessageToPeople.ValueString(),
		MessageToAnswerPhones:       m.MessageToAnswerphones.ValueString(),
		Keypads:                     keypads(m.Keypads),
		KeypadOptionRequired:        optionalBoolValue(m.KeypadOptionRequired),
		CallRouteMessageToPeople:    m.CallRouteMessageToPeople.ValueString(),
		CallRouteMessageToOperators: m.CallRouteMessageToOperators.ValueString(),
		CallRouteMessageOnWrongKey:  m.CallRouteMessageOnWrongKey.ValueString(),
		NumberOfOperators:           optionalIntValue(m.NumberOfOperators),
		CallerID:                    m.CallerID.ValueString(),
		RetryAttempts:               optionalIntValue(m.RetryAttempts),
		RetryPeriod:                 optionalIntValue(m.RetryPeriod),
		Options:                     m.Options.ValueString(),
		AnswerPhoneMode:             m.AnswerphoneMode.ValueString(),
		EndCallMessage:              m.EndCallMessage.ValueString(),
		BillingAccount:              m.BillingAccount.ValueString(),
	}
}

// keypads reads the keypads attribute; an unknown keypad is an empty one
// (the checks skip it).
func keypads(list types.List) []tnz.Keypad {
	var out []tnz.Keypad
	for _, e := range list.Elements() {
		obj, _ := e.(types.Object)
		v := obj.Attributes()
		tone, _ := v["tone"].(types.Int64)
		out = append(out, tnz.Keypad{
			Tone:        optionalIntValue(tone),
			RouteNumber: stringAttr(v, "route_number"),
			Play:        stringAttr(v, "play"),
			PlaySection: stringAttr(v, "play_section"),
		})
	}
	return out
}
