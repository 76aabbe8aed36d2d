package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/rejection"
	"github.com/tnz-community/terraform-provider-tnz/internal/smsparts"
	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// What an SMS will cost, shown at plan: its encoding and parts (internal/
// smsparts counts them), and a guard that fails the plan above a limit.

// fewUCS2Characters is how many distinct characters count as "a handful"
// when a message is UCS-2 because of them: worth a warning.
const fewUCS2Characters = 5

func smsEstimateAttribute() schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		Computed: true,
		MarkdownDescription: "What the message costs, computed at plan whenever `message` is known: its encoding and parts as it will be sent (after `character_conversion`), " +
			"over the known destinations' personalisation (`[[FirstName]]`…; links such as `[[Link:…]]` and `[[REPLY]]` are assumed to be 24 characters). " +
			"`provider::tnz::sms_parts` gives the same counts for any text.",
		Attributes: map[string]schema.Attribute{
			"encoding":        schema.StringAttribute{Computed: true, MarkdownDescription: "`GSM-7` or `UCS-2`."},
			"parts":           schema.Int64Attribute{Computed: true, MarkdownDescription: "SMS parts of the longest rendering (the most any destination receives)."},
			"fewest_parts":    schema.Int64Attribute{Computed: true, MarkdownDescription: "SMS parts of the shortest rendering."},
			"characters":      schema.Int64Attribute{Computed: true, MarkdownDescription: "Length of the longest rendering in the encoding's units (GSM-7 extension characters such as `€` count two; UCS-2 counts UTF-16 units)."},
			"ucs2_characters": schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "The characters that make the message UCS-2 as written, each once."},
			"with_character_conversion": schema.SingleNestedAttribute{
				Computed:            true,
				MarkdownDescription: "What `character_conversion = true` sends: always GSM-7.",
				Attributes: map[string]schema.Attribute{
					"encoding": schema.StringAttribute{Computed: true, MarkdownDescription: "`GSM-7`."},
					"parts":    schema.Int64Attribute{Computed: true, MarkdownDescription: "SMS parts of the longest rendering after conversion."},
				},
			},
		},
	}
}

var smsEstimateType = smsEstimateAttribute().GetType().(types.ObjectType)

// planSMSEstimate plans the estimate of an SMS send.
func planSMSEstimate(ctx context.Context, m *smsModel, view sendView, plan *tfsdk.Plan, diags *diag.Diagnostics) {
	estimate := types.ObjectUnknown(smsEstimateType.AttrTypes)
	if r, ok := smsRange(m, view.unknown); ok {
		estimate = smsEstimateValue(r, m.CharacterConversion.ValueBool())
	}
	var planned types.Object
	diags.Append(plan.GetAttribute(ctx, path.Root("estimate"), &planned)...)
	if !planned.Equal(estimate) {
		diags.Append(plan.SetAttribute(ctx, path.Root("estimate"), estimate)...)
	}
}

// checkCost fails the plan above max_sms_parts or, with warnings set, warns
// when a handful of characters make the message UCS-2. Send resources and
// actions both check it (checkSend).
func (m *smsModel) checkCost(view sendView, warnings bool, diags *diag.Diagnostics) {
	r, ok := smsRange(m, view.unknown)
	switch {
	case !ok:
	case warnings:
		warnUCS2(r, m, view.paths, diags)
	default:
		checkMaxParts(r, m, diags)
	}
}

// smsRange counts the message over the destinations whose fields are
// known; ok is false while the message itself is unknown.
func smsRange(m *smsModel, unknown rejection.Unknowns) (smsparts.Range, bool) {
	if unknown.Is(rejection.Root("message")) {
		return smsparts.Range{}, false
	}
	var fields []map[string]string
	for i, d := range m.commonModel.toAPI().Destinations {
		if unknown.Within(rejection.Root("destinations").AtIndex(i)) {
			continue
		}
		fields = append(fields, tnz.Fields(d))
	}
	return smsparts.AnalyzeMessage(m.Message.ValueString(), fields, tnz.Render), true
}

func smsEstimateValue(r smsparts.Range, converted bool) types.Object {
	longest, shortest := r.Longest.Count, r.Shortest.Count
	if converted {
		longest, shortest = r.Longest.Converted, r.Shortest.Converted
	}
	ucs2 := make([]attr.Value, len(r.Longest.UCS2Characters))
	for i, c := range r.Longest.UCS2Characters {
		ucs2[i] = types.StringValue(c)
	}
	conversionType := smsEstimateType.AttrTypes["with_character_conversion"].(types.ObjectType)
	return types.ObjectValueMust(smsEstimateType.AttrTypes, map[string]attr.Value{
		"encoding":        types.StringValue(string(longest.Encoding)),
		"parts":           types.Int64Value(int64(longest.Parts)),
		"fewest_parts":    types.Int64Value(int64(shortest.Parts)),
		"characters":      types.Int64Value(int64(longest.Units)),
		"ucs2_characters": types.ListValueMust(types.StringType, ucs2),
		"with_character_conversion": types.ObjectValueMust(conversionType.AttrTypes, map[string]attr.Value{
			"encoding": types.StringValue(string(r.Longest.Converted.Encoding)),
			"parts":    types.Int64Value(int64(r.Longest.Converted.Parts)),
		}),
	})
}

// warnUCS2 warns when a message is UCS-2 because of a handful of characters
// and character_conversion would send it in fewer parts.
func warnUCS2(r smsparts.Range, m *smsModel, paths sendPaths, diags *diag.Diagnostics) {
	written := r.Longest.Count
	if m.CharacterConversion.ValueBool() || written.Encoding != smsparts.UCS2 || len(written.UCS2Characters) > fewUCS2Characters ||
		r.Longest.Converted.Parts >= written.Parts {
		return
	}
	at, _ := paths.attribute(rejection.Root("message"))
	diags.AddAttributeWarning(at, summaryUCS2(written.UCS2Characters), detailUCS2(written.Parts, r.Longest.Converted.Parts))
}

func checkMaxParts(r smsparts.Range, m *smsModel, diags *diag.Diagnostics) {
	limit := m.MaxSMSParts
	sent := r.Longest.Count
	if m.CharacterConversion.ValueBool() {
		sent = r.Longest.Converted
	}
	if limit.IsNull() || limit.IsUnknown() || int64(sent.Parts) <= limit.ValueInt64() {
		return
	}
	diags.AddAttributeError(path.Root("max_sms_parts"), summaryTooManyParts(sent.Parts, limit.ValueInt64()), detailTooManyParts(sent, r.Longest.Converted))
}
