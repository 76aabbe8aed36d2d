package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
	"github.com/tnz-community/terraform-provider-tnz/internal/validators"
)

// workflowSpec is what tnz_workflow and tnz_workflow_template share. The
// workflow's content and channels live in the TNZ Dashboard; a template
// holds the workflow's id and the reporting settings that several sends of
// it share.
func workflowSpec() channelSpec {
	return channelSpec{
		channel: tnz.Workflow,
		description: "Starts one workflow designed in the TNZ Dashboard for its recipients when created (API v3.00 only). " +
			"Recipients are phone numbers or e-mail addresses (TNZ creates an Address Book contact for each new one), or Address Book contacts and groups. " +
			"TNZ has no status endpoint for workflows: `status` records only whether TNZ accepted the request, nothing is refreshed, and `wait_for` can only be `accepted`. " +
			"Workflow has no `template_id`, `test_mode` or `report_to`: setting them is a plan error.",
		attributes: map[string]schema.Attribute{
			"workflow_template_id": optionalString("UUID of the workflow template in the TNZ Dashboard; required. "+
				"See [Find your TemplateID](https://www.tnz.co.nz/help/how-to-find-your-templateid).", validators.UUID()),
		},
	}
}

// NewWorkflowResource is tnz_workflow: one workflow run, started once.
func NewWorkflowResource() resource.Resource {
	return &sendResource[workflowModel, *workflowModel]{spec: specOf(tnz.Workflow)}
}

// NewWorkflowTemplateResource is tnz_workflow_template: a workflow id and
// settings, in state only.
func NewWorkflowTemplateResource() resource.Resource {
	return &templateResource[workflowModel, *workflowModel]{spec: specOf(tnz.Workflow)}
}

type workflowModel struct {
	commonModel
	WorkflowTemplateID types.String `tfsdk:"workflow_template_id"`
}

func (m *workflowModel) fromValues(v map[string]attr.Value) {
	m.commonModel.fromValues(v)
	m.WorkflowTemplateID = get[types.String](v, "workflow_template_id")
}

func (m *workflowModel) common() *commonModel { return &m.commonModel }

// attachments: workflows carry none.
func (m *workflowModel) attachments() types.List { return types.ListNull(fileType) }

func (m *workflowModel) toAPI([]tnz.File) tnz.Message {
	return &tnz.WorkflowMessage{Common: m.commonModel.toAPI(), WorkflowTemplateID: m.WorkflowTemplateID.ValueString()}
}

// requirements: TNZ's OpenAPI file requires the workflow template.
func (m *workflowModel) requirements() []requirement {
	return []requirement{{anyOf: []requiredValue{{"workflow_template_id", m.WorkflowTemplateID}}, fix: fixWorkflowTemplateID}}
}
