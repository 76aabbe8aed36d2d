package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/rejection"
	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// channelModel is what a channel's Terraform model provides to the shared
// send resource.
type channelModel interface {
	// shared returns the attributes every send has.
	shared() *sendModel
	// message builds the API message as far as its values are known,
	// recording unknown paths in k.
	message(ctx context.Context, k *known, diags *diag.Diagnostics) tnz.Message
	// files is the files attribute, or nil for channels without attachments.
	files() *types.List
}

type modelPointer[M any] interface {
	*M
	channelModel
}

// channelSpec is what differs between send resources besides the model.
type channelSpec struct {
	channel     tnz.Channel
	description string
	attributes  map[string]schema.Attribute
}

// sendResource is a one-shot send of one channel: tnz_sms, tnz_email…
type sendResource[M any, P modelPointer[M]] struct {
	sendBase
	spec channelSpec
}

var (
	_ resource.ResourceWithImportState    = (*sendResource[smsModel, *smsModel])(nil)
	_ resource.ResourceWithConfigure      = (*sendResource[smsModel, *smsModel])(nil)
	_ resource.ResourceWithValidateConfig = (*sendResource[smsModel, *smsModel])(nil)
	_ resource.ResourceWithModifyPlan     = (*sendResource[smsModel, *smsModel])(nil)
)

func (r *sendResource[M, P]) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + string(r.spec.channel)
}

func (r *sendResource[M, P]) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: r.spec.description + " Every content attribute forces a new message; `triggers` re-sends on purpose. " +
			"Refresh reads the delivery status and never re-sends. Destroying only forgets the message: a sent message cannot be unsent.",
		Attributes: sendAttributes(ctx, r.spec.attributes),
	}
}

// ValidateConfig reports the rejection table's errors. Terraform calls it
// while validating, while planning and again before applying with the final
// values, so a mistake hidden behind an unknown value is still caught before
// anything is sent.
func (r *sendResource[M, P]) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m M
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || !r.checksAtPlan() {
		return
	}
	k := newKnown()
	msg := build[M, P](ctx, &m, k, &resp.Diagnostics)
	reportFindings(rejection.Check(rejection.Input{Message: msg, Unknown: k.unknown}), P(&m).shared().paths(), false, &resp.Diagnostics)
	if r.data != nil {
		checkVersion(msg, r.data.apiVersion, P(&m).shared().paths(), &resp.Diagnostics)
	}
}

// build is the message a send submits: the model merged with its template,
// as far as the values are known. The model itself keeps only its own
// values (state must match the configuration) plus its attachments' digests.
func build[M any, P modelPointer[M]](ctx context.Context, m *M, k *known, diags *diag.Diagnostics) tnz.Message {
	merged := *m
	own := P(m)
	from := mergeTemplate(ctx, &merged, own.shared().Template, diags)
	msg := P(&merged).message(ctx, k, diags)
	own.shared().fromTemplate = from
	if files := own.files(); files != nil && !from["files"] {
		*files = *P(&merged).files()
	}
	return msg
}

// checkVersion reports, at plan, the fields the configured API version
// does not have; the client holds the rule (tnz.Unsupported).
func checkVersion(msg tnz.Message, apiVersion string, paths destinationPaths, diags *diag.Diagnostics) {
	for _, u := range tnz.Unsupported(apiVersion, msg) {
		attribute := unsupportedAttributes[u.Field]
		if u.Destination >= 0 {
			attribute = fmt.Sprintf("destinations[%d].%s", u.Destination, attribute)
		}
		p, _ := paths.path(attribute)
		diags.AddAttributeError(p, summaryVersionField(attribute), detailVersionField(attribute, apiVersion))
	}
}

// unsupportedAttributes names the API's fields as the send resources do.
var unsupportedAttributes = map[string]string{
	"Message": "message", "TemplateID": "template_id", "GroupCode": "group_code",
	"BCCEmail": "bcc_email", "AnswerPhoneMode": "answerphone_mode",
}

// ModifyPlan reports the table's warnings (once, here rather than in
// validation, which runs several times) and plans the attachments' digests,
// so that a file changed on disk shows as a replacement.
func (r *sendResource[M, P]) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() { // destroy: nothing to check
		return
	}
	var plan M
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	p := P(&plan)
	var planned types.List
	if files := p.files(); files != nil {
		planned = *files
	}
	k := newKnown()
	msg := build[M, P](ctx, &plan, k, &resp.Diagnostics)
	if r.checksAtPlan() {
		reportFindings(rejection.Check(rejection.Input{Message: msg, Unknown: k.unknown}), p.shared().paths(), true, &resp.Diagnostics)
	}
	files := p.files()
	if files == nil || files.IsNull() || p.shared().fromTemplate["files"] {
		return
	}
	// Setting an attribute rewrites the whole planned object: only when the
	// digests differ from what Terraform planned.
	if !files.Equal(planned) {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("files"), *files)...)
	}
	if !req.State.Raw.IsNull() {
		var prior types.List
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("files"), &prior)...)
		if !prior.Equal(*files) && !adopting(ctx, req.Private) {
			resp.RequiresReplace = append(resp.RequiresReplace, path.Root("files"))
		}
	}
}

func (r *sendResource[M, P]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan M
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	p := P(&plan)
	msg := build[M, P](ctx, &plan, newKnown(), &resp.Diagnostics)
	if resp.Diagnostics.HasError() || !r.send(ctx, msg, p.shared(), &resp.Diagnostics) {
		return
	}
	if p.shared().WaitFor.ValueString() == waitCompleted {
		r.waitForCompletion(ctx, r.spec.channel, p.shared(), &resp.Diagnostics)
	}
	// Saved whatever the wait reported: the message was sent.
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *sendResource[M, P]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state M
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	s := P(&state).shared()
	if r.data == nil {
		// The provider configuration is not known yet (it depends on values
		// known only at apply): keep the last known status.
		return
	}
	if imported, _ := req.Private.GetKey(ctx, importedKey); imported != nil && s.Status.IsNull() {
		// A message being imported must exist.
		status, err := r.data.api.Status(ctx, r.spec.channel, s.MessageID.ValueString())
		if err != nil {
			if tnz.IsNotFound(err) {
				resp.Diagnostics.AddError(rejection.MessagesNotFound.Summary(0), detailNotFoundOnImport(rejection.MessagesNotFound.Fix, err))
			} else {
				resp.Diagnostics.AddError(summaryImport, detailActionFailed(s.MessageID.ValueString(), err))
			}
			resp.State.RemoveResource(ctx)
			return
		}
		s.Status = statusValue(ctx, status, &resp.Diagnostics)
	} else {
		r.refresh(ctx, r.spec.channel, s, &resp.Diagnostics)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update sends nothing: every attribute that changes the message forces a
// replacement. What reaches here is a new send_time for a delayed message
// (rescheduled in place), wait_for or timeouts, or the configuration of an
// imported message being recorded.
func (r *sendResource[M, P]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state M
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	p, s := P(&plan).shared(), P(&state).shared()
	p.ID, p.MessageID, p.Status = s.ID, s.MessageID, s.Status
	build[M, P](ctx, &plan, newKnown(), &resp.Diagnostics) // attachments' digests
	if !p.SendTime.Equal(s.SendTime) && jobStatus(ctx, s.Status) == tnz.JobDelayed {
		r.reschedule(ctx, r.spec.channel, p, &resp.Diagnostics)
		if resp.Diagnostics.HasError() {
			return
		}
	}
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, importedKey, nil)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Delete aborts a message TNZ still holds for later (Delayed); any other
// message is only forgotten: a sent message cannot be unsent.
func (r *sendResource[M, P]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state M
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.abortIfDelayed(ctx, r.spec.channel, P(&state).shared(), &resp.Diagnostics)
}

// ImportState adopts an existing message, by "<message_id>" or
// "<channel>/<message_id>", for status tracking; nothing is sent.
func (r *sendResource[M, P]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id, problem := importID(r.spec.channel, req.ID)
	if problem != "" {
		resp.Diagnostics.AddError(summaryImport, problem)
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("message_id"), id)...)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, importedKey, []byte(`true`))...)
}
