package provider

// The send resources (tnz_sms, tnz_email, tnz_fax, tnz_tts, tnz_voice, and
// on API v3.00 only tnz_whatsapp, tnz_rcs, tnz_workflow) are one generic
// resource, instantiated per channel. Where things are:
//
//	send_resource.go   the resource: validate, plan, create, read, update, delete, import
//	send_schema.go     the attributes every send shares, and status
//	send_model.go      the shared model, building the API message, status values
//	send_view.go       reading a send with its template; unknown values; finding → attribute
//	template.go        merging a template into a send; template ids
//	send.go            submitting once, refreshing, unconfirmed sends
//	lifecycle.go       waiting for delivery, rescheduling, aborting, import ids
//	inplace.go         changes applied to the message TNZ holds (reschedule, pacing)
//	required.go        the fields TNZ requires without a documented rejection
//	files.go           attachments: local files read within bounds, digests
//	sms.go, email.go, fax.go, tts.go, voice.go (+ calls.go),
//	whatsapp.go, rcs.go, workflow.go  one channel each: attributes and model
//
// The data path is one way: configuration → channel model (readSend) → API
// message (toAPI) → rejection checks and the client's request; the client's
// answer → diagnostics and state.

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/rejection"
	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
	"github.com/tnz-community/terraform-provider-tnz/internal/validators"
)

// channelModel is what a channel's model provides to the send resource.
type channelModel interface {
	// common is the part every send shares.
	common() *commonModel
	// toAPI builds the API message from the model (which it never
	// changes); files are its resolved attachments.
	toAPI(files []tnz.File) tnz.Message
	// attachments is the files attribute; null for channels without files.
	attachments() types.List
	// fromValues reads the model from a send's attribute values.
	fromValues(v map[string]attr.Value)
}

type modelPointer[M any] interface {
	*M
	channelModel
}

// channelSpec is what differs between send resources besides the model.
type channelSpec struct {
	channel     tnz.Channel
	description string
	// attributes are the channel's own content attributes.
	attributes map[string]schema.Attribute
	// sharedDescriptions replace, by name, the descriptions of shared
	// attributes whose meaning differs on the channel.
	sharedDescriptions map[string]string
	// sendAttributes are the channel's attributes that only its send
	// resource has (not its template): guards and computed values.
	sendAttributes map[string]schema.Attribute
}

// costChecked is implemented by channel models whose cost the plan checks
// (tnz_sms: max_sms_parts, and a warning when a few characters make it UCS-2).
type costChecked interface {
	checkCost(view sendView, warnings bool, diags *diag.Diagnostics)
}

// planner is implemented by channel models that plan values of their own
// (tnz_sms: its cost estimate).
type planner interface {
	plan(ctx context.Context, view sendView, plan *tfsdk.Plan, diags *diag.Diagnostics)
}

// channelSpecs are built once: the framework calls a resource's or an
// action's factory on every request, and a spec is read-only.
var channelSpecs = []channelSpec{smsSpec(), emailSpec(), faxSpec(), ttsSpec(), voiceSpec(), whatsappSpec(), rcsSpec(), workflowSpec()}

// specOf is the channel's spec.
func specOf(ch tnz.Channel) channelSpec {
	for _, spec := range channelSpecs {
		if spec.channel == ch {
			return spec
		}
	}
	panic("provider: no spec for channel " + string(ch))
}

// sendTypes are the send resources' object types, by channel.
var sendTypes = func() map[tnz.Channel]types.ObjectType {
	out := map[tnz.Channel]types.ObjectType{}
	for _, spec := range channelSpecs {
		out[spec.channel] = sendSchema(context.Background(), spec).Type().(types.ObjectType)
	}
	return out
}()

// sendResource is a one-shot send of one channel.
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
	resp.Schema = sendSchema(ctx, r.spec)
}

// ValidateConfig reports the rejection table's errors. Terraform calls it
// while validating, while planning and again before applying with the final
// values, so a mistake hidden behind an unknown value is still caught before
// anything is sent.
func (r *sendResource[M, P]) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	m, view := readSend[M, P](ctx, r.spec.channel, req.Config, req.Config.Raw, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	files := loadAttachments(P(m).attachments(), &resp.Diagnostics)
	r.checkSend(P(m).toAPI(files.apiFiles()), P(m), view, false, &resp.Diagnostics)
}

// checkSend reports what the plan knows of a send's message: the rejection
// table's findings, the fields a channel requires, the checks beyond the
// table (advice.go), the template id, and fields the configured API version
// lacks. Errors, or with warnings set the warnings: validation reports
// errors, planning reports warnings once. Send resources and actions share
// it.
func (b *sendBase) checkSend(msg tnz.Message, m channelModel, view sendView, warnings bool, diags *diag.Diagnostics) {
	if !b.checksAtPlan() {
		return
	}
	reportFindings(rejection.Check(rejection.Input{Message: msg, Unknown: view.unknown}), view.paths, warnings, diags)
	if c, ok := m.(costChecked); ok {
		c.checkCost(view, warnings, diags)
	}
	if warnings {
		adviseWarnings(msg, m.common(), view.unknown, view.paths, b.now(), diags)
		return
	}
	checkRequired(m, diags)
	adviseErrors(msg, view.unknown, view.paths, diags)
	checkTemplateID(m.common().TemplateID, view.paths, diags)
	if b.data != nil {
		checkVersion(msg, b.data.apiVersion, view.paths, diags)
	}
}

// checkVersion reports, at plan, what the message sets that the configured
// API version does not have: the channel itself, or fields the version or
// the channel lacks. The client holds the rule (tnz.Unsupported).
func checkVersion(msg tnz.Message, apiVersion string, paths sendPaths, diags *diag.Diagnostics) {
	ch := msg.Channel()
	for _, u := range tnz.Unsupported(apiVersion, msg) {
		if u.Field == "" { // the version lacks the channel: the only entry
			diags.AddError(summaryChannelVersion(ch), detailChannelVersion(ch, apiVersion))
			return
		}
		name := unsupportedAttributes[u.Field]
		p := rejection.Root(name)
		if u.Destination >= 0 {
			p = rejection.Root("destinations").AtIndex(u.Destination).AtName(name)
		}
		at, _ := paths.attribute(p)
		if u.ChannelLacks {
			diags.AddAttributeError(at, summaryChannelField(name, ch), detailChannelField(name, ch))
			continue
		}
		diags.AddAttributeError(at, summaryVersionField(name), detailVersionField(name, apiVersion))
	}
}

// unsupportedAttributes names the API's fields as the send resources do.
var unsupportedAttributes = map[string]string{
	"Message": "message", "TemplateID": "template_id", "GroupCode": "group_code",
	"BCCEmail": "bcc_email", "AnswerPhoneMode": "answerphone_mode", "NotificationType": "notification_type",
	"SMSCustomPageID": "sms_custom_page_id", "FallbackMode": "fallback_mode", "EndCallMessage": "end_call_message",
	"ReportTo": "report_to", "Mode": "test_mode",
}

// checkTemplateID refuses one of this provider's template ids as a TNZ
// Dashboard template id: TNZ would not know it, and the template's content
// would be lost. Any other id must be a UUID (TNZ's OpenAPI file). The
// error points at template when the id came from the template.
func checkTemplateID(v types.String, paths sendPaths, diags *diag.Diagnostics) {
	at, _ := paths.attribute(rejection.Root("template_id"))
	switch id := v.ValueString(); {
	case localTemplateID.MatchString(id):
		diags.AddAttributeError(at, summaryTemplateIDLocal, detailTemplateIDLocal)
	case id != "" && !validators.IsUUID(id):
		diags.AddAttributeError(at, summaryTemplateIDFormat, detailTemplateIDFormat)
	}
}

// ModifyPlan reports the table's warnings (once, here rather than in
// validation, which runs several times), plans the attachments' digests so
// that a file changed on disk shows as a replacement, decides replacement,
// and plans a re-check of a message TNZ has not confirmed.
func (r *sendResource[M, P]) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() { // destroy: nothing to check
		return
	}
	m, view := readSend[M, P](ctx, r.spec.channel, req.Plan, req.Plan.Raw, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	files := loadAttachments(P(m).attachments(), &resp.Diagnostics)
	r.checkSend(P(m).toAPI(files.apiFiles()), P(m), view, true, &resp.Diagnostics)
	warnWaitBeyondSendTime(ctx, r.sentBy, P(m).common(), r.now(), &resp.Diagnostics)
	r.planDestinationCount(ctx, view, &resp.Plan, &resp.Diagnostics)
	if p, ok := any(P(m)).(planner); ok {
		p.plan(ctx, view, &resp.Plan, &resp.Diagnostics)
	}
	planned := view.own
	if own, ok := planned["files"].(types.List); ok && !view.paths.fromTemplate["files"] {
		// Setting an attribute rewrites the whole planned object: only when
		// the digests differ from what Terraform planned.
		if withDigests := files.withDigests(own); !withDigests.Equal(own) {
			resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("files"), withDigests)...)
			planned = withValue(planned, "files", withDigests)
		}
	}
	if req.State.Raw.IsNull() || adopting(ctx, req.Private) {
		return
	}
	var prior types.Object
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	jobStatus, known := statusOf(prior.Attributes()["status"].(types.Object))
	resp.RequiresReplace = replacement(r.spec.channel, planned, prior.Attributes(), jobStatus)
	if len(resp.RequiresReplace) == 0 && !known.confirmed && r.spec.channel.HasStatus() {
		// An unconfirmed message shows as an update that asks TNZ again, so
		// that plan -detailed-exitcode reports it until TNZ confirms it.
		// Without a status there is no one to ask: refresh warns instead.
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("status"), types.ObjectUnknown(statusTypes[r.spec.channel].AttrTypes))...)
	}
}

// planDestinationCount plans destination_count, and fails the plan above
// the provider's max_recipients_per_send.
func (r *sendResource[M, P]) planDestinationCount(ctx context.Context, view sendView, plan *tfsdk.Plan, diags *diag.Diagnostics) {
	count := types.Int64Unknown()
	if !view.unknown.Is(rejection.Root("destinations")) {
		n := int64(view.paths.recipients + len(elements(view.own["destinations"])))
		count = types.Int64Value(n)
		if r.data != nil && r.data.maxRecipientsPerSend > 0 && n > r.data.maxRecipientsPerSend {
			at, _ := view.paths.attribute(rejection.Root("destinations"))
			diags.AddAttributeError(at, summaryTooManyRecipients(n, r.data.maxRecipientsPerSend), detailTooManyRecipients)
		}
	}
	if planned, ok := view.own["destination_count"].(types.Int64); !ok || !planned.Equal(count) {
		diags.Append(plan.SetAttribute(ctx, path.Root("destination_count"), count)...)
	}
}

// withValue is values with name set to v; values itself is left as it is.
func withValue(values map[string]attr.Value, name string, v attr.Value) map[string]attr.Value {
	out := make(map[string]attr.Value, len(values))
	for n, x := range values {
		out[n] = x
	}
	out[name] = v
	return out
}

// replacement lists the attributes whose change sends a new message of
// channel ch, whose job TNZ last reported as jobStatus: every attribute but
// those that only say how to wait, the computed ones, and the changes TNZ
// takes on the message it holds (inPlaceChanges).
func replacement(ch tnz.Channel, planned, prior map[string]attr.Value, jobStatus string) path.Paths {
	var out path.Paths
	for name, v := range planned {
		switch name {
		case "id", "status", "wait_for", "timeouts", "destination_count", "estimate", "max_sms_parts":
			continue
		}
		if v.Equal(prior[name]) {
			continue
		}
		if _, ok := inPlaceChangeOf(ch, jobStatus, name, v); !ok {
			out = append(out, path.Root(name))
		}
	}
	return out
}

func (r *sendResource[M, P]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	m, view := readSend[M, P](ctx, r.spec.channel, req.Plan, req.Plan.Raw, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	files := loadAttachments(P(m).attachments(), &resp.Diagnostics)
	if resp.Diagnostics.HasError() || !r.filesAsPlanned(ctx, req, files, &resp.Diagnostics) {
		return
	}
	msg := P(m).toAPI(files.apiFiles())
	common := P(m).common()
	sent, ok := r.send(ctx, msg, view.paths, &resp.Diagnostics)
	if !ok {
		return
	}
	if sent.known.confirmed && common.WaitFor.ValueString() == waitCompleted {
		sent.status = r.waitForCompletion(ctx, r.spec.channel, sent, common.Timeouts, nil, &resp.Diagnostics)
	}
	// Saved whatever the wait reported: the message was sent.
	resp.State.Raw = req.Plan.Raw.Copy()
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), sent.id)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("message_id"), sent.id)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("status"), sent.status)...)
}

// filesAsPlanned refuses to send attachments whose bytes changed since the
// plan: the plan showed other files.
func (r *sendResource[M, P]) filesAsPlanned(ctx context.Context, req resource.CreateRequest, files attachments, diags *diag.Diagnostics) bool {
	if _, has := sendTypes[r.spec.channel].AttrTypes["files"]; !has {
		return true
	}
	var planned types.List
	diags.Append(req.Plan.GetAttribute(ctx, path.Root("files"), &planned)...)
	for i, e := range planned.Elements() {
		obj, _ := e.(types.Object)
		sha, _ := obj.Attributes()["sha256"].(types.String)
		if i < len(files) && !sha.IsUnknown() && !sha.Equal(files[i].sha256) {
			diags.AddAttributeError(path.Root("files").AtListIndex(i), summaryFileChanged, detailFileChanged)
			return false
		}
	}
	return true
}

// Read refreshes the status and never re-sends. It reads only what it needs
// from state, and writes only the status, when it changed.
func (r *sendResource[M, P]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var id types.String
	var status types.Object
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("message_id"), &id)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("status"), &status)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if r.data == nil {
		// The provider configuration is not known yet (it depends on values
		// known only at apply): keep the last known status.
		return
	}
	var refreshed types.Object
	var keep bool
	if status.IsNull() { // imported, not read yet
		refreshed, keep = r.adopt(ctx, r.spec.channel, id.ValueString(), &resp.Diagnostics)
	} else {
		refreshed, keep = r.refresh(ctx, r.spec.channel, id.ValueString(), status, true, &resp.Diagnostics)
	}
	if !keep {
		resp.State.RemoveResource(ctx)
		return
	}
	if !refreshed.Equal(status) {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("status"), refreshed)...)
	}
}

// Update sends nothing: every attribute that changes the message forces a
// replacement. What reaches here is a change TNZ takes on the message it
// holds (inPlaceChanges: a new send_time for a delayed message, a new
// number_of_operators for a call job not finished), wait_for or timeouts,
// the re-check of an unconfirmed message, or the configuration of an
// imported message being recorded.
func (r *sendResource[M, P]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var id types.String
	var status, planned, prior types.Object
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("message_id"), &id)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("status"), &status)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	resp.Diagnostics.Append(req.Plan.Get(ctx, &planned)...)
	if resp.Diagnostics.HasError() {
		return
	}
	jobStatus, known := statusOf(status)
	r.applyInPlace(ctx, r.spec.channel, id.ValueString(), jobStatus, planned.Attributes(), prior.Attributes(), &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return // the state stays as it was: the next plan tries again
	}
	if !known.confirmed && !status.IsNull() {
		// An update cannot take the message out of state: one to send
		// again stays unconfirmed, and the next plan's refresh removes it.
		refreshed, keep := r.refresh(ctx, r.spec.channel, id.ValueString(), status, false, &resp.Diagnostics)
		if keep {
			status = refreshed
		}
	}
	resp.State.Raw = req.Plan.Raw.Copy()
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("status"), status)...)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, importedKey, nil)...)
}

// Delete aborts a message TNZ still holds for later (Delayed); any other
// message is only forgotten: a sent message cannot be unsent.
func (r *sendResource[M, P]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var id types.String
	var status types.Object
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("message_id"), &id)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("status"), &status)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.abortOrForget(ctx, r.spec.channel, id.ValueString(), status, &resp.Diagnostics)
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

// reportFindings adds the rejection findings as diagnostics: errors, or
// warnings, so that validation reports errors and planning reports warnings
// once each.
func reportFindings(findings []rejection.Finding, paths sendPaths, warnings bool, diags *diag.Diagnostics) {
	for _, f := range findings {
		if f.Warning != warnings {
			continue
		}
		p, ok := paths.attribute(f.Attribute)
		detail := f.Detail
		if paths.fromTemplate[f.Attribute.Name()] {
			detail = detailFromTemplate(detail, f.Attribute.Name())
		}
		switch {
		case ok && f.Warning:
			diags.AddAttributeWarning(p, f.Summary, detail)
		case ok:
			diags.AddAttributeError(p, f.Summary, detail)
		case f.Warning:
			diags.AddWarning(f.Summary, detail)
		default:
			diags.AddError(f.Summary, detail)
		}
	}
}
