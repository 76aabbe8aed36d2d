package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// faxSpec is what tnz_fax and tnz_fax_template share.
func faxSpec() channelSpec {
	return channelSpec{
		channel:     tnz.Fax,
		description: "Sends one fax through TNZ when created. The documents are `files`; recipients are fax numbers.",
		attributes: map[string]schema.Attribute{
			"files":                filesAttribute("The documents to fax, up to 1 MiB each."),
			"message":              replacingString("A text body. Only API v2.0x accepts it; on v3.00 attach the text as a file."),
			"resolution":           replacingString("`Low` (default) or `High`.", stringvalidator.OneOfCaseInsensitive("Low", "High")),
			"csid":                 replacingString("Header ID printed on each page (up to 30 characters).", stringvalidator.LengthAtMost(30)),
			"retry_attempts":       retryAttemptsAttribute(),
			"retry_period":         retryPeriodAttribute(),
			"watermark_folder":     replacingString("Folder of the watermark files."),
			"watermark_first_page": replacingString("Watermark file for the first page."),
			"watermark_all_pages":  replacingString("Watermark file for every page."),
		},
	}
}

// NewFaxResource is tnz_fax: one message, sent once.
func NewFaxResource() resource.Resource { return &sendResource[faxModel, *faxModel]{spec: faxSpec()} }

// NewFaxTemplateResource is tnz_fax_template: reusable content, in state only.
func NewFaxTemplateResource() resource.Resource {
	return &templateResource[faxModel, *faxModel]{spec: faxSpec()}
}

type faxModel struct {
	sendModel
	Files              types.List   `tfsdk:"files"`
	Message            types.String `tfsdk:"message"`
	Resolution         types.String `tfsdk:"resolution"`
	CSID               types.String `tfsdk:"csid"`
	RetryAttempts      types.Int64  `tfsdk:"retry_attempts"`
	RetryPeriod        types.Int64  `tfsdk:"retry_period"`
	WatermarkFolder    types.String `tfsdk:"watermark_folder"`
	WatermarkFirstPage types.String `tfsdk:"watermark_first_page"`
	WatermarkAllPages  types.String `tfsdk:"watermark_all_pages"`
}

func (m *faxModel) shared() *sendModel { return &m.sendModel }
func (m *faxModel) files() *types.List { return &m.Files }

func (m *faxModel) message(ctx context.Context, k *known, diags *diag.Diagnostics) tnz.Message {
	msg := &tnz.FaxMessage{
		Common:             m.common(ctx, k, diags),
		Message:            k.str(m.Message, "message"),
		Resolution:         canonicalResolution(k.str(m.Resolution, "resolution")),
		CSID:               k.str(m.CSID, "csid"),
		RetryAttempts:      k.integer(m.RetryAttempts, "retry_attempts"),
		RetryPeriod:        k.integer(m.RetryPeriod, "retry_period"),
		WatermarkFolder:    k.str(m.WatermarkFolder, "watermark_folder"),
		WatermarkFirstPage: k.str(m.WatermarkFirstPage, "watermark_first_page"),
		WatermarkAllPages:  k.str(m.WatermarkAllPages, "watermark_all_pages"),
	}
	msg.Files, m.Files = loadFiles(ctx, m.Files, k, diags)
	return msg
}

// canonicalResolution accepts any case, as TNZ's own SDKs send "high", and
// sends the OpenAPI file's spelling.
func canonicalResolution(s string) string {
	for _, r := range []string{"Low", "High"} {
		if strings.EqualFold(s, r) {
			return r
		}
	}
	return s
}
