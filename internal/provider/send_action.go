package provider

// The send actions (tnz_send_sms, tnz_send_email, tnz_send_fax,
// tnz_send_tts, tnz_send_voice) send one message each time Terraform
// (1.14 or later) invokes them: from a resource's lifecycle action_trigger,
// or with terraform apply -invoke. They are the send resources without
// state: the same attributes (actionAttributes converts them), the same
// checks, the same send path (sendBase: submitted once, never twice, waited
// for as the resources wait), with progress reported while invoked.

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/action"
	aschema "github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
	"github.com/tnz-community/terraform-provider-tnz/internal/validators"
)

// NewSendSMSAction is tnz_send_sms.
func NewSendSMSAction() action.Action { return newSendAction[smsModel](specOf(tnz.SMS)) }

// NewSendEmailAction is tnz_send_email.
func NewSendEmailAction() action.Action { return newSendAction[emailModel](specOf(tnz.Email)) }

// NewSendFaxAction is tnz_send_fax.
func NewSendFaxAction() action.Action { return newSendAction[faxModel](specOf(tnz.Fax)) }

// NewSendTTSAction is tnz_send_tts.
func NewSendTTSAction() action.Action { return newSendAction[ttsModel](specOf(tnz.TTS)) }

// NewSendVoiceAction is tnz_send_voice.
func NewSendVoiceAction() action.Action { return newSendAction[voiceModel](specOf(tnz.Voice)) }

// NewSendWhatsAppAction is tnz_send_whatsapp.
func NewSendWhatsAppAction() action.Action { return newSendAction[whatsappModel](specOf(tnz.WhatsApp)) }

// NewSendRCSAction is tnz_send_rcs.
func NewSendRCSAction() action.Action { return newSendAction[rcsModel](specOf(tnz.RCS)) }

// NewSendWorkflowAction is tnz_send_workflow.
func NewSendWorkflowAction() action.Action { return newSendAction[workflowModel](specOf(tnz.Workflow)) }

func newSendAction[M any, P modelPointer[M]](spec channelSpec) action.Action {
	return &sendAction[M, P]{sendBase: sendBase{sentBy: sentByAction}, spec: spec}
}

// sendAction sends one message of one channel each time it is invoked.
type sendAction[M any, P modelPointer[M]] struct {
	sendBase
	spec channelSpec
}

var (
	_ action.ActionWithConfigure      = (*sendAction[smsModel, *smsModel])(nil)
	_ action.ActionWithValidateConfig = (*sendAction[smsModel, *smsModel])(nil)
	_ action.ActionWithModifyPlan     = (*sendAction[smsModel, *smsModel])(nil)
)

func (a *sendAction[M, P]) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_send_" + string(a.spec.channel)
}

func (a *sendAction[M, P]) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.configure(req.ProviderData, &resp.Diagnostics)
}

func (a *sendAction[M, P]) Schema(ctx context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = sendActionSchema(ctx, a.spec)
}

// resourceOnly are the send resources' attributes an action has no use
// for: it keeps no state, sends on every invocation (triggers), and bounds
// its wait with timeout.
var resourceOnly = []string{"id", "status", "triggers", "timeouts"}

// actionMessages says, per channel, what one invocation sends.
var actionMessages = map[tnz.Channel]string{
	tnz.SMS:   "one SMS",
	tnz.Email: "one e-mail",
	tnz.Fax:   "one fax",
	tnz.TTS:   "one text-to-speech call",
	tnz.Voice: "one call playing recorded audio",
}

// sendActionSchema is the send resource's schema as an action's: its
// content and delivery attributes, with the descriptions that differ for
// something that keeps no state, and timeout.
func sendActionSchema(ctx context.Context, spec channelSpec) aschema.Schema {
	ch := spec.channel
	attrs := sendSchema(ctx, spec).Attributes
	for _, name := range resourceOnly {
		delete(attrs, name)
	}
	out := actionAttributes(attrs, "", map[string]string{
		"template": fmt.Sprintf("A message template, given as the whole resource: `template = tnz_%s_template.<name>` (not its `id`). "+
			"Every attribute the action sets itself overrides the template's; the rest come from the template.", ch),
		"message_id": "Your identifier for the message (up to 40 letters, digits or `-`). Generated for each invocation when absent. " +
			"The `tnz_message_status` data source reads a message's status by it. A fixed value gives the message of every invocation the same id.",
		"send_time": "Delay sending until this local time, `YYYY-MM-DDThh:mm` (seconds optional) in `timezone` (the TNZ user's timezone when unset). Omit to send now.",
		"wait_for": "`accepted` (default): the invocation ends when TNZ accepts the message. `completed`: it then polls the status (at most once a second, " +
			"within `timeout`), reporting the job's progress and then each destination's outcome, until the job completes; " +
			"all recipients failed is an error, some failed a warning, and a wait that ends first is a warning.",
		"files.path": "A local regular file, read when planning and again when the action is invoked. Exactly one of `content` and `path`.",
	})
	out["timeout"] = aschema.StringAttribute{
		Optional:            true,
		MarkdownDescription: fmt.Sprintf("How long `wait_for = \"completed\"` waits, e.g. `%s` (the default).", shortDuration(defaultWaitTimeout)),
		Validators:          []validator.String{validators.Duration(time.Second, 24*time.Hour)},
	}
	return aschema.Schema{
		MarkdownDescription: fmt.Sprintf("Sends %s through TNZ each time the action is invoked (Terraform 1.14 or later): from a resource's "+
			"`lifecycle { action_trigger { … } }`, or by hand with `terraform apply -invoke=action.tnz_send_%s.<name>`. "+
			"Nothing is kept in state; for a record of each message in state, use the `tnz_%s` resource.",
			actionMessages[ch], ch, ch),
		Attributes: out,
	}
}

// shortDuration writes d as a duration attribute would, e.g. "10m".
func shortDuration(d time.Duration) string {
	if d%time.Minute == 0 {
		return fmt.Sprintf("%dm", d/time.Minute)
	}
	return d.String()
}

// actionAttributes converts the send resources' attributes to an action's:
// the same types, validators and descriptions (except those described
// gives, by dotted path from the root), without the computed attributes an
// action cannot have. prefix is the path of attrs' parent ("files.").
func actionAttributes(attrs map[string]rschema.Attribute, prefix string, described map[string]string) map[string]aschema.Attribute {
	out := make(map[string]aschema.Attribute, len(attrs))
	for name, a := range attrs {
		if a.IsComputed() && !a.IsOptional() {
			continue
		}
		if a.IsSensitive() {
			panic(fmt.Sprintf("actionAttributes: %q is sensitive, which an action attribute cannot be", name))
		}
		description := a.GetMarkdownDescription()
		if d, ok := described[prefix+name]; ok {
			description = d
		}
		switch a := a.(type) {
		case rschema.StringAttribute:
			out[name] = aschema.StringAttribute{Required: a.Required, Optional: a.Optional, MarkdownDescription: description, Validators: a.Validators}
		case rschema.BoolAttribute:
			out[name] = aschema.BoolAttribute{Required: a.Required, Optional: a.Optional, MarkdownDescription: description, Validators: a.Validators}
		case rschema.Int64Attribute:
			out[name] = aschema.Int64Attribute{Required: a.Required, Optional: a.Optional, MarkdownDescription: description, Validators: a.Validators}
		case rschema.ListAttribute:
			out[name] = aschema.ListAttribute{ElementType: a.ElementType, Required: a.Required, Optional: a.Optional, MarkdownDescription: description, Validators: a.Validators}
		case rschema.DynamicAttribute:
			out[name] = aschema.DynamicAttribute{Required: a.Required, Optional: a.Optional, MarkdownDescription: description, Validators: a.Validators}
		case rschema.ListNestedAttribute:
			out[name] = aschema.ListNestedAttribute{
				Required:            a.Required,
				Optional:            a.Optional,
				MarkdownDescription: description,
				Validators:          a.Validators,
				NestedObject: aschema.NestedAttributeObject{
					Attributes: actionAttributes(a.NestedObject.Attributes, prefix+name+".", described),
					Validators: a.NestedObject.Validators,
				},
			}
		default:
			panic(fmt.Sprintf("actionAttributes: unhandled %T for %q", a, name))
		}
	}
	return out
}

// ValidateConfig reports the rejection table's errors for the values known.
func (a *sendAction[M, P]) ValidateConfig(ctx context.Context, req action.ValidateConfigRequest, resp *action.ValidateConfigResponse) {
	a.check(ctx, req.Config, false, &resp.Diagnostics)
}

// ModifyPlan reports the table's errors again, now that the provider is
// configured (its API version), with the table's warnings, once.
func (a *sendAction[M, P]) ModifyPlan(ctx context.Context, req action.ModifyPlanRequest, resp *action.ModifyPlanResponse) {
	m, _, _ := a.check(ctx, req.Config, true, &resp.Diagnostics)
	if m != nil {
		warnWaitBeyondSendTime(ctx, a.sentBy, P(m).common(), a.now(), &resp.Diagnostics)
	}
}

// Invoke checks the message with its final values, sends it once, and with
// wait_for = "completed" waits for it, reporting progress as it goes.
func (a *sendAction[M, P]) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	if !req.Config.Raw.IsFullyKnown() {
		// Terraform invokes with final values; anything else is not sent.
		resp.Diagnostics.AddError(summaryUnknownAtInvoke, detailUnknownAtInvoke)
		return
	}
	m, view, msg := a.check(ctx, req.Config, false, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if a.data == nil {
		resp.Diagnostics.AddError(summaryProviderNotConfigured, detailProviderNotConfigured)
		return
	}
	sent, ok := a.send(ctx, msg, view.paths, &resp.Diagnostics)
	if !ok {
		return
	}
	id := sent.id.ValueString()
	resp.SendProgress(action.InvokeProgressEvent{Message: progressSubmitted(a.spec.channel, id, sent.known.confirmed)})
	common := P(m).common()
	if sent.known.confirmed && common.WaitFor.ValueString() == waitCompleted {
		a.waitForCompletion(ctx, a.spec.channel, sent, common.Timeouts, func(s *tnz.Status) { reportProgress(resp.SendProgress, id, s) }, &resp.Diagnostics)
	}
}

// reportProgress reports a change of the job, and once it completes each
// destination's outcome (masked, as in diagnostics, which reach logs too).
func reportProgress(send func(action.InvokeProgressEvent), id string, s *tnz.Status) {
	send(action.InvokeProgressEvent{Message: progressJob(id, s)})
	if s.JobStatus != tnz.JobCompleted {
		return
	}
	for i, r := range s.Recipients[:min(len(s.Recipients), statusRecipientsListed)] {
		send(action.InvokeProgressEvent{Message: progressRecipient(id, i+1, maskRecipient(r.Destination), r.Status, r.Result)})
	}
}

// check reads the configuration as its channel's message and, unless the
// provider leaves the checks to TNZ, reports the rejection table's errors
// (and warnings, when warnings is set) for the values known, a template id
// of this provider's, and fields the configured API version lacks. m is
// nil when the configuration cannot be read.
func (a *sendAction[M, P]) check(ctx context.Context, config tfsdk.Config, warnings bool, diags *diag.Diagnostics) (m *M, view sendView, msg tnz.Message) {
	m, view = a.read(ctx, config, diags)
	if diags.HasError() {
		return nil, view, nil
	}
	files := loadAttachments(P(m).attachments(), diags)
	msg = P(m).toAPI(files.apiFiles())
	a.checkSend(msg, P(m), view, false, diags)
	if warnings {
		a.checkSend(msg, P(m), view, true, diags)
	}
	return m, view, msg
}

// read reads the configuration as a send: the attributes only the send
// resources have are null, and timeout is their timeouts.create.
func (a *sendAction[M, P]) read(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics) (*M, sendView) {
	var obj types.Object
	diags.Append(config.Get(ctx, &obj)...)
	if diags.HasError() {
		return nil, sendView{}
	}
	values := withValue(obj.Attributes(), "timeouts", timeouts.Value{Object: types.ObjectValueMust(
		map[string]attr.Type{"create": types.StringType},
		map[string]attr.Value{"create": obj.Attributes()["timeout"]},
	)})
	asSend := sendObject(ctx, a.spec.channel, values, diags)
	if diags.HasError() {
		return nil, sendView{}
	}
	return readSendObject[M, P](ctx, a.spec.channel, asSend, config.Raw.IsFullyKnown(), diags)
}
