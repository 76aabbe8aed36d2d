package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// What TTS and Voice calls share. For Voice the message attributes and
// keypad play carry base64 WAV audio (16-bit, 8000 Hz) instead of text.

// callAttributes returns the call attributes; content describes what the
// message attributes hold ("text" or "base64 WAV audio").
func callAttributes(content string) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"message_to_people":               replacingString(fmt.Sprintf("What the call says when a person answers (%s).", content)),
		"message_to_answerphones":         replacingString(fmt.Sprintf("What the call leaves on an answering machine (%s); enables answering-machine detection.", content)),
		"keypads":                         keypadsAttribute(content),
		"keypad_option_required":          replacingBool("When no valid key is pressed, log the call as Failed (`No Valid Option Selected`) and retry it."),
		"call_route_message_to_people":    replacingString(fmt.Sprintf("Said to the person before a keypad transfers the call (%s).", content)),
		"call_route_message_to_operators": replacingString(fmt.Sprintf("Said to the operator who receives a transferred call (%s).", content)),
		"call_route_message_on_wrong_key": replacingString(fmt.Sprintf("Said when a key with no option is pressed (%s).", content)),
		"number_of_operators":             replacingInt("How many calls may run at once (1-99999), e.g. the operators available for transfers.", int64validator.Between(1, 99999)),
		"caller_id":                       replacingString("Caller ID in E.164; it must be whitelisted on the TNZ account."),
		"retry_attempts":                  retryAttemptsAttribute(),
		"retry_period":                    retryPeriodAttribute(),
		"options":                         replacingString("Advanced IVR options, passed to TNZ as they are."),
		"answerphone_mode":                replacingString("Answering-machine handling: `NDAS` (default), `NDAF`, `DAS` or `DAF`.", stringvalidator.OneOf("NDAS", "NDAF", "DAS", "DAF")),
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
		PlanModifiers: []planmodifier.List{replaceList()},
	}
}

func retryAttemptsAttribute() schema.Int64Attribute {
	return replacingInt("How often to retry an unsuccessful call or fax (0-5).", int64validator.Between(0, 5))
}

func retryPeriodAttribute() schema.Int64Attribute {
	return replacingInt("Minutes between retries (0-60).", int64validator.Between(0, 60))
}

type callModel struct {
	sendModel
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
}

type keypadModel struct {
	Tone        types.Int64  `tfsdk:"tone"`
	RouteNumber types.String `tfsdk:"route_number"`
	Play        types.String `tfsdk:"play"`
	PlaySection types.String `tfsdk:"play_section"`
}

func (m *callModel) shared() *sendModel { return &m.sendModel }
func (m *callModel) files() *types.List { return nil }

func (m *callModel) call(ctx context.Context, k *known, diags *diag.Diagnostics) tnz.Call {
	return tnz.Call{
		Common:                      m.common(ctx, k, diags),
		MessageToPeople:             k.str(m.MessageToPeople, "message_to_people"),
		MessageToAnswerPhones:       k.str(m.MessageToAnswerphones, "message_to_answerphones"),
		Keypads:                     m.keypads(ctx, k, diags),
		KeypadOptionRequired:        k.boolean(m.KeypadOptionRequired, "keypad_option_required"),
		CallRouteMessageToPeople:    k.str(m.CallRouteMessageToPeople, "call_route_message_to_people"),
		CallRouteMessageToOperators: k.str(m.CallRouteMessageToOperators, "call_route_message_to_operators"),
		CallRouteMessageOnWrongKey:  k.str(m.CallRouteMessageOnWrongKey, "call_route_message_on_wrong_key"),
		NumberOfOperators:           k.integer(m.NumberOfOperators, "number_of_operators"),
		CallerID:                    k.str(m.CallerID, "caller_id"),
		RetryAttempts:               k.integer(m.RetryAttempts, "retry_attempts"),
		RetryPeriod:                 k.integer(m.RetryPeriod, "retry_period"),
		Options:                     k.str(m.Options, "options"),
		AnswerPhoneMode:             k.str(m.AnswerphoneMode, "answerphone_mode"),
	}
}

func (m *callModel) keypads(ctx context.Context, k *known, diags *diag.Diagnostics) []tnz.Keypad {
	if m.Keypads.IsUnknown() {
		k.unknown.Add("keypads")
		return nil
	}
	var out []tnz.Keypad
	for i, e := range m.Keypads.Elements() {
		at := fmt.Sprintf("keypads[%d]", i)
		obj, _ := e.(types.Object)
		if obj.IsUnknown() {
			k.unknown.Add(at)
			out = append(out, tnz.Keypad{})
			continue
		}
		var kp keypadModel
		diags.Append(obj.As(ctx, &kp, basetypes.ObjectAsOptions{})...)
		out = append(out, tnz.Keypad{
			Tone:        k.integer(kp.Tone, at+".tone"),
			RouteNumber: k.str(kp.RouteNumber, at+".route_number"),
			Play:        k.str(kp.Play, at+".play"),
			PlaySection: k.str(kp.PlaySection, at+".play_section"),
		})
	}
	return out
}
