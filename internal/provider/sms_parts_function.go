package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/smsparts"
	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

var _ function.Function = smsPartsFunction{}

// NewSMSPartsFunction is provider::tnz::sms_parts.
func NewSMSPartsFunction() function.Function { return smsPartsFunction{} }

// smsPartsFunction estimates what an SMS costs: its encoding and the number
// of parts TNZ charges for.
type smsPartsFunction struct{}

var smsPartsConversionTypes = map[string]attr.Type{
	"encoding": types.StringType,
	"parts":    types.Int64Type,
}

var smsPartsTypes = map[string]attr.Type{
	"encoding":                  types.StringType,
	"parts":                     types.Int64Type,
	"characters":                types.Int64Type,
	"ucs2_characters":           types.ListType{ElemType: types.StringType},
	"with_character_conversion": types.ObjectType{AttrTypes: smsPartsConversionTypes},
}

type smsPartsResult struct {
	Encoding                string             `tfsdk:"encoding"`
	Parts                   int64              `tfsdk:"parts"`
	Characters              int64              `tfsdk:"characters"`
	UCS2Characters          []string           `tfsdk:"ucs2_characters"`
	WithCharacterConversion smsPartsConversion `tfsdk:"with_character_conversion"`
}

type smsPartsConversion struct {
	Encoding string `tfsdk:"encoding"`
	Parts    int64  `tfsdk:"parts"`
}

func (smsPartsFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "sms_parts"
}

func (smsPartsFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Count the encoding and SMS parts a message is charged as",
		MarkdownDescription: "Returns how TNZ sends `message` as an SMS, which is what it charges for:\n\n" +
			"- `encoding`: `GSM-7`, or `UCS-2` as soon as one character is outside the GSM alphabet (an emoji, a curly quote, a macron).\n" +
			"- `parts`: the SMS parts charged per recipient. GSM-7: 160 characters in one part, 153 a part when longer; UCS-2: 70, then 67 a part.\n" +
			"- `characters`: the length in the encoding's units. In GSM-7 the extension characters `€ [ ] { } ^ ~ \\ |` count two; in UCS-2 an emoji outside the Basic Multilingual Plane counts two.\n" +
			"- `ucs2_characters`: the characters that make the message UCS-2, each once, in order of appearance; empty for GSM-7.\n" +
			"- `with_character_conversion`: `encoding` and `parts` if the send sets `character_conversion = true`, which replaces those characters with GSM equivalents (© with (C), ā with a, “ with \") and drops emoji.\n\n" +
			fmt.Sprintf("Personalisation tokens (`[[FirstName]]`, `[[Custom1]]`…) count as empty: to count the message for one destination, pass `provider::tnz::render(message, destination)`. "+
				"Tokens TNZ replaces with a link (`[[Link:…]]`, `[[REPLY]]`, `[[STOP]]`, `[[File1]]`…, `[[CustomPage]]`) count as %d characters each, an assumption: TNZ does not document their length. "+
				"TNZ does not publish its conversion table either, so `with_character_conversion` is an estimate.", smsparts.AssumedLinkLength),
		Parameters: []function.Parameter{
			function.StringParameter{Name: "message", MarkdownDescription: "The SMS text, e.g. `tnz_sms_template.alerts.message`."},
		},
		Return: function.ObjectReturn{AttributeTypes: smsPartsTypes},
	}
}

func (smsPartsFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var message string
	resp.Error = function.ConcatFuncErrors(req.Arguments.Get(ctx, &message))
	if resp.Error != nil {
		return
	}
	resp.Error = function.ConcatFuncErrors(resp.Result.Set(ctx, newSMSPartsResult(smsparts.AnalyzeMessage(message, nil, tnz.Render).Longest)))
}

func newSMSPartsResult(a smsparts.Analysis) smsPartsResult {
	return smsPartsResult{
		Encoding:                string(a.Encoding),
		Parts:                   int64(a.Parts),
		Characters:              int64(a.Units),
		UCS2Characters:          append([]string{}, a.UCS2Characters...), // an empty list, not null, for GSM-7
		WithCharacterConversion: smsPartsConversion{Encoding: string(a.Converted.Encoding), Parts: int64(a.Converted.Parts)},
	}
}
