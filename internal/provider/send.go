package provider

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/tnz-community/terraform-provider-tnz/internal/rejection"
	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// The rule every send keeps: a message is never silently lost and never sent
// twice without being asked.
//
//   - TNZ accepted the request: the message is confirmed.
//   - The outcome is uncertain (the request may have reached TNZ, and looking
//     it up by id did not find it, which TNZ also answers while it is still
//     processing a job): the message is kept in state, unconfirmed, with a
//     warning. Nothing submits it again from the same apply.
//   - Every refresh of an unconfirmed message asks TNZ again. Found, it is
//     confirmed. Still unknown to TNZ resend_unconfirmed_after after it was
//     submitted, it is removed from state with a warning saying why, so that
//     the same plan shows it as to be sent again. Until then, each plan shows
//     an in-place update that asks TNZ again, so that
//     `terraform plan -detailed-exitcode` exits 2 while a message is
//     unconfirmed.
//   - A channel without a status endpoint (Workflow: tnz.Channel.HasStatus)
//     gives nothing to ask: an uncertain send stays unconfirmed, is never
//     sent again unasked, and every refresh warns that the TNZ Dashboard
//     must settle it (terraform apply -replace sends it again).

// messageAPI is what send resources need from the TNZ client; tests may
// inject their own.
type messageAPI interface {
	Send(ctx context.Context, msg tnz.Message) (tnz.SendResult, error)
	Status(ctx context.Context, ch tnz.Channel, messageID string) (*tnz.Status, error)
	JobStatus(ctx context.Context, ch tnz.Channel, messageID string) (*tnz.Status, error)
	Abort(ctx context.Context, ch tnz.Channel, messageID string) (tnz.ActionResult, error)
	Reschedule(ctx context.Context, ch tnz.Channel, messageID, sendTime string) (tnz.ActionResult, error)
	Pacing(ctx context.Context, ch tnz.Channel, messageID string, numberOfOperators int) (tnz.ActionResult, error)
	ReceivedSMS(ctx context.Context, q tnz.ReceivedQuery) ([]tnz.InboundSMS, error)
}

// sendBase is what every send resource and send action shares: the
// configured API and the provider-level settings.
type sendBase struct {
	data *providerData
	// sentBy says, in diagnostics, what becomes of a message sent.
	sentBy sender
}

func (b *sendBase) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	b.configure(req.ProviderData, &resp.Diagnostics)
}

// configure keeps the provider's data; nil until the provider is configured
// (e.g. during validation).
func (b *sendBase) configure(given any, diags *diag.Diagnostics) {
	if given == nil {
		return
	}
	data, ok := given.(*providerData)
	if !ok {
		diags.AddError(summaryUnexpectedProviderData, detailUnexpectedProviderData(given))
		return
	}
	b.data = data
}

// now is the provider's clock (tests inject one), or the wall clock before
// the provider is configured.
func (b *sendBase) now() time.Time {
	if b.data == nil || b.data.now == nil {
		return time.Now()
	}
	return b.data.now()
}

// checksAtPlan reports whether the rejection table is checked before sending.
func (b *sendBase) checksAtPlan() bool {
	return b.data == nil || !b.data.serverChecksOnly
}

// sent is a message that may have reached TNZ.
type sent struct {
	channel tnz.Channel
	id      types.String
	known   sendStatus
	status  types.Object
}

// send submits msg once. ok is false when nothing was sent (the diagnostics
// say why); otherwise the message must be kept in state, confirmed or not.
func (b *sendBase) send(ctx context.Context, msg tnz.Message, paths sendPaths, diags *diag.Diagnostics) (s sent, ok bool) {
	common := msg.CommonPart()
	ch := msg.Channel()
	if common.MessageID == "" {
		common.MessageID = newMessageID()
	}
	if common.ReportTo == "" && !ch.Lacks("ReportTo") { // the client refuses it where the channel has none
		common.ReportTo = b.data.reportTo
	}
	if common.NotificationType == "" && common.WebhookCallbackURL != "" && b.data.apiVersion == tnz.V300 {
		// Without it TNZ notifies as the user's default says (often by
		// e-mail), and the webhook may never be called.
		common.NotificationType = "Webhook"
	}
	s = sent{channel: ch, id: types.StringValue(common.MessageID), known: sendStatus{submitted: b.now().UTC().Format(time.RFC3339)}}
	result, err := b.data.api.Send(ctx, msg)
	switch {
	case tnz.IsUncertain(err):
		// The request may have reached TNZ and TNZ could not confirm either
		// way: kept, unconfirmed, so that no apply sends it again unasked.
		if ch.HasStatus() {
			diags.AddWarning(summaryUncertainSend, detailUncertainSend(b.sentBy, common.MessageID, err, b.data.resendUnconfirmedAfter))
		} else {
			diags.AddWarning(summaryUncertainSend, detailUncertainSendNoStatus(ch, common.MessageID, err))
		}
		s.status = statusValue(ch, &tnz.Status{JobStatus: tnz.JobUnknown}, s.known)
		return s, true
	case err != nil:
		reportSendError(b.sentBy, err, common.MessageID, paths, diags)
		return s, false
	}
	if result.MessageID != "" {
		s.id = types.StringValue(result.MessageID)
	}
	s.known.confirmed = true
	tflog.Info(ctx, "TNZ accepted the message", map[string]any{"channel": string(ch), "message_id": s.id.ValueString(), "recovered": result.Recovered})
	if !ch.HasStatus() {
		s.status = statusValue(ch, nil, s.known)
		return s, true
	}
	// A status read right after a send may answer 404 while TNZ processes
	// the job (TNZ documents it): not visible yet, pending.
	report, err := b.data.api.JobStatus(ctx, ch, s.id.ValueString())
	if err != nil && !tnz.IsNotFound(err) {
		diags.AddWarning(summaryStatusUnavailable, detailStatusUnavailable(b.sentBy, s.id.ValueString(), err))
	}
	s.status = statusValue(ch, report, s.known)
	return s, true
}

// reportSendError turns a failed send into diagnostics: every message of a
// server rejection through the same table as the plan-time checks.
func reportSendError(by sender, err error, messageID string, paths sendPaths, diags *diag.Diagnostics) {
	var apiErr *tnz.APIError
	if !errors.As(err, &apiErr) {
		diags.AddError(summarySendFailed, detailSendFailed(by, messageID, err))
		return
	}
	for _, f := range rejection.FromAPIError(apiErr) {
		detail := detailServerAnswer(f.Detail, apiErr.StatusCode, f.Raw)
		if p, ok := paths.attribute(f.Attribute); ok {
			diags.AddAttributeError(p, f.Summary, detail)
		} else {
			diags.AddError(f.Summary, detail)
		}
	}
}

// refresh reads a sent message's status. keep is false when an unconfirmed
// message should be sent again (see the rule above); a confirmed message is
// never dropped: when TNZ cannot find it, or the read fails, the last known
// status stays, with a warning. removable says whether the caller takes a
// message that should be sent again out of state (Read does); otherwise
// (Update) the warning says that the next plan does.
func (b *sendBase) refresh(ctx context.Context, ch tnz.Channel, id string, status types.Object, removable bool, diags *diag.Diagnostics) (refreshed types.Object, keep bool) {
	_, known := statusOf(status)
	if !ch.HasStatus() { // nothing to ask, so nothing ever re-sends it
		if !known.confirmed {
			diags.AddWarning(summaryUnconfirmedNoStatus, detailUnconfirmedNoStatus(ch, id, known.submitted))
		}
		return status, true
	}
	report, err := b.data.api.JobStatus(ctx, ch, id)
	age := b.age(known.submitted)
	switch {
	case err == nil:
		if !known.confirmed {
			tflog.Info(ctx, "TNZ confirmed a message whose send was uncertain", map[string]any{"message_id": id})
		}
		known.confirmed = true
		return statusValue(ch, report, known), true
	case !tnz.IsNotFound(err):
		diags.AddWarning(summaryStatusUnavailable, detailStatusUnavailable(b.sentBy, id, err))
	case !known.confirmed && age >= b.data.resendUnconfirmedAfter:
		summary := summaryUnconfirmedResend
		if !removable {
			summary = summaryUnconfirmedResendNext
		}
		diags.AddWarning(summary, detailUnconfirmedResend(id, known.submitted, b.data.resendUnconfirmedAfter, removable))
		return status, false
	case !known.confirmed:
		diags.AddWarning(summaryUnconfirmed, detailUnconfirmed(id, known.submitted, b.data.resendUnconfirmedAfter))
	case age < b.data.resendUnconfirmedAfter:
		// Not visible yet: TNZ answers 404 while it processes a job.
	default:
		diags.AddWarning(summaryMessageNotFound, detailMessageNotFound(id))
	}
	return status, true
}

// age is how long ago a message was submitted; an imported message (no
// submission time) is old.
func (b *sendBase) age(submitted string) time.Duration {
	t, err := time.Parse(time.RFC3339, submitted)
	if err != nil {
		return time.Duration(1<<63 - 1)
	}
	return b.now().Sub(t)
}

// adopt reads the status of a message being imported, which must exist. A
// send of a channel without a status cannot be checked: it is recorded as
// given, with a warning.
func (b *sendBase) adopt(ctx context.Context, ch tnz.Channel, id string, diags *diag.Diagnostics) (types.Object, bool) {
	if !ch.HasStatus() {
		diags.AddWarning(summaryImportUnverified, detailImportUnverified(ch, id))
		return statusValue(ch, nil, sendStatus{confirmed: true}), true
	}
	report, err := b.data.api.JobStatus(ctx, ch, id)
	switch {
	case tnz.IsNotFound(err):
		diags.AddError(rejection.MessagesNotFound.Summary(0), detailNotFoundOnImport(rejection.MessagesNotFound.Fix, err))
		return types.Object{}, false
	case err != nil:
		diags.AddError(summaryImport, detailActionFailed(id, err))
		return types.Object{}, false
	}
	return statusValue(ch, report, sendStatus{confirmed: true}), true
}

// newMessageID makes a 32-character alphanumeric id, so that the message can
// be found by id even when the API's answer is lost.
func newMessageID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
