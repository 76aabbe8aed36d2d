package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
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
			"files":                filesAttribute("The documents to fax, up to 1 MiB each; required (on API v3.00) unless `template` or `template_id` provides them."),
			"message":              optionalString("A text body. Only API v2.0x accepts it; on v3.00 attach the text as a file."),
			"resolution":           optionalString("`Low` (default) or `High`.", stringvalidator.OneOfCaseInsensitive("Low", "High")),
			"csid":                 optionalString("Header ID printed on each page (up to 30 characters).", stringvalidator.LengthAtMost(30)),
			"retry_attempts":       retryAttemptsAttribute(),
			"retry_period":         retryPeriodAttribute(),
			"watermark_folder":     optionalString("Folder of the watermark files."),
			"watermark_first_page": optionalString("Watermark file for the first page."),
			"watermark_all_pages":  optionalString("Watermark file for every page."),
			"stamp_format":         optionalString("Format of the stamp TNZ prints on each page, passed on as written."),
		},
	}
}

// NewFaxResource is tnz_fax: one message, sent once.
func NewFaxResource() resource.Resource {
	return &sendResource[faxModel, *faxModel]{spec: specOf(tnz.Fax)}
}

// NewFaxTemplateResource is tnz_fax_template: reusable content, in state only.
func NewFaxTemplateResource() resource.Resource {
	return &templateResource[faxModel, *faxModel]{spec: specOf(tnz.Fax)}
}

type faxModel struct {
	commonModel
	Files              types.List   `tfsdk:"files"`
	Message            types.String `tfsdk:"message"`
	Resolution         types.String `tfsdk:"resolution"`
	CSID               types.String `tfsdk:"csid"`
	RetryAttempts      types.Int64  `tfsdk:"retry_attempts"`
	RetryPeriod        types.Int64  `tfsdk:"retry_period"`
	WatermarkFolder    types.String `tfsdk:"watermark_folder"`
	WatermarkFirstPage types.String `tfsdk:"watermark_first_page"`
	WatermarkAllPages  types.String `tfsdk:"watermark_all_pages"`
	StampFormat        types.String `tfsdk:"stamp_format"`
}

func (m *faxModel) fromValues(v map[string]attr.Value) {
	m.commonModel.fromValues(v)
	m.Files, m.Message, m.Resolution, m.CSID = get[types.List](v, "files"), get[types.String](v, "message"), get[types.String](v, "resolution"), get[types.String](v, "csid")
	m.RetryAttempts, m.RetryPeriod = get[types.Int64](v, "retry_attempts"), get[types.Int64](v, "retry_period")
	m.WatermarkFolder, m.WatermarkFirstPage = get[types.String](v, "watermark_folder"), get[types.String](v, "watermark_first_page")
	m.WatermarkAllPages, m.StampFormat = get[types.String](v, "watermark_all_pages"), get[types.String](v, "stamp_format")
}

func (m *faxModel) common() *commonModel    { return &m.commonModel }
func (m *faxModel) attachments() types.List { return m.Files }

func (m *faxModel) toAPI(files []tnz.File) tnz.Message {
	return &tnz.FaxMessage{
		Common:             m.commonModel.toAPI(),
		Message:            m.Message.ValueString(),
		Resolution:         canonicalResolution(m.Resolution.ValueString()),
		CSID:               m.CSID.ValueString(),
		RetryAttempts:      optionalIntValue(m.RetryAttempts),
		RetryPeriod:        optionalIntValue(m.RetryPeriod),
		WatermarkFolder:    m.WatermarkFolder.ValueString(),
		WatermarkFirstPage: m.WatermarkFirstPage.ValueString(),
		WatermarkAllPages:  m.WatermarkAllPages.ValueString(),
		StampFormat:        m.StampFormat.ValueString(),
		Files:              files,
	}
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
