package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

var _ function.Function = renderFunction{}

// NewRenderFunction is provider::tnz::render.
func NewRenderFunction() function.Function { return renderFunction{} }

// renderFunction previews a message for one destination, filling the
// personalisation tokens as TNZ would.
type renderFunction struct{}

func (renderFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "render"
}

func (renderFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Fill a message's personalisation tokens for one destination.",
		MarkdownDescription: "Returns `message` with `[[FirstName]]`, `[[LastName]]`, `[[Attention]]`, `[[Company]]` and `[[Custom1]]`…`[[Custom9]]` " +
			"filled from `destination`, as TNZ fills them for each recipient. Other tokens (`[[Link:…]]`, `[[REPLY]]`, `[[File1]]`…) are left for TNZ. " +
			"Use it to preview a template or to check it in tests; sends pass tokens to TNZ untouched. " +
			"A `destination` key that names no field (such as `frist_name`) is an error, so a typo cannot pass as an empty field.",
		Parameters: []function.Parameter{
			function.StringParameter{Name: "message", MarkdownDescription: "The text with tokens, e.g. `tnz_sms_template.alerts.message`."},
			function.MapParameter{
				Name:                "destination",
				ElementType:         types.StringType,
				MarkdownDescription: "The destination's fields, by attribute name (`first_name`, `last_name`, `attention`, `company`, `custom1`…`custom9`) or token name (`FirstName`), in any case.",
			},
		},
		Return: function.StringReturn{},
	}
}

func (renderFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var message string
	var destination map[string]string
	resp.Error = function.ConcatFuncErrors(req.Arguments.Get(ctx, &message, &destination))
	if resp.Error != nil {
		return
	}
	if err := tnz.CheckFields(destination); err != nil {
		resp.Error = function.NewArgumentFuncError(1, err.Error())
		return
	}
	resp.Error = function.ConcatFuncErrors(resp.Result.Set(ctx, tnz.Render(message, destination)))
}
