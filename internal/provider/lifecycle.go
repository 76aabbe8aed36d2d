package provider

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
	"github.com/tnz-community/terraform-provider-tnz/internal/validators"
)

// What happens to a message after it is sent: waiting for delivery,
// rescheduling, aborting, and adopting messages by import.

const (
	waitAccepted  = "accepted"
	waitCompleted = "completed"

	defaultWaitTimeout = 10 * time.Minute
	// pollInterval keeps to TNZ's "limit your polls to 1 per second".
	pollInterval = time.Second

	// importedKey marks, in private state, a message adopted by import whose
	// configuration has not been recorded yet.
	importedKey = "imported"
)

// canonicalSendTime sends TNZ's {date}T{time} form whatever form was written.
func canonicalSendTime(s string) string {
	t, err := validators.ParseSendTime(s)
	if err != nil || s == "" {
		return s
	}
	if t.Second() == 0 {
		return t.Format("2006-01-02T15:04")
	}
	return t.Format("2006-01-02T15:04:05")
}

// jobStatus is the job status recorded in a model's status, or "".
func jobStatus(ctx context.Context, status types.Object) string {
	if status.IsNull() || status.IsUnknown() {
		return ""
	}
	v, ok := status.Attributes()["job_status"].(types.String)
	if !ok {
		return ""
	}
	return v.ValueString()
}

// rescheduleOrReplace: a new send_time for a message TNZ still holds
// (Delayed) is an in-place reschedule; any other change sends a new message.
type rescheduleOrReplace struct{}

func (rescheduleOrReplace) Description(context.Context) string {
	return "reschedules a delayed message in place; otherwise requires replacement"
}

func (m rescheduleOrReplace) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (rescheduleOrReplace) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() || req.PlanValue.Equal(req.StateValue) || adopting(ctx, req.Private) {
		return
	}
	var status types.Object
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("status"), &status)...)
	if jobStatus(ctx, status) == tnz.JobDelayed && !req.PlanValue.IsNull() && !req.PlanValue.IsUnknown() {
		return
	}
	resp.RequiresReplace = true
}

// waitForCompletion polls until the job completes or the create timeout
// passes, then reports failed recipients. The message stays in m either way.
func (b *sendBase) waitForCompletion(ctx context.Context, ch tnz.Channel, m *sendModel, diags *diag.Diagnostics) {
	timeout, d := m.Timeouts.Create(ctx, defaultWaitTimeout)
	diags.Append(d...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	id := m.MessageID.ValueString()
	tick := time.NewTicker(pollInterval)
	defer tick.Stop()
	for {
		// send read the status just now: every poll waits its turn.
		select {
		case <-ctx.Done():
			diags.AddError(summaryWaitTimeout, detailWaitTimeout(id, timeout, jobStatus(ctx, m.Status)))
			return
		case <-tick.C:
		}
		status, err := b.data.api.Status(ctx, ch, id)
		switch {
		case err == nil:
			m.Status = statusValue(ctx, status, diags)
			if status.JobStatus == tnz.JobCompleted {
				reportFailedRecipients(status, diags)
				return
			}
		case tnz.IsNotFound(err): // TNZ may not list a message it is still processing
		case tnz.IsUnauthorized(err):
			// Accepted, then refused: v2.0x checks credentials only after
			// accepting a call (deferred authentication).
			diags.AddError(summaryCredentialsRejected, detailCredentialsRejected(id, fmt.Sprintf("reading its status is refused: %s", err)))
			return
		case ctx.Err() == nil:
			diags.AddWarning(summaryStatusUnavailable, detailStatusUnavailable(id, err))
		}
	}
}

// reportFailedRecipients: all failed is an error, some failed a warning,
// each naming the destination and TNZ's result text.
func reportFailedRecipients(s *tnz.Status, diags *diag.Diagnostics) {
	var failed []tnz.RecipientStatus
	for _, r := range s.Recipients {
		if r.Status == tnz.RecipientFailed {
			failed = append(failed, r)
		}
	}
	if len(failed) == 0 {
		return
	}
	all := len(failed) == len(s.Recipients)
	if all && authenticationFailure(failed) {
		diags.AddError(summaryCredentialsRejected, detailCredentialsRejected(s.MessageID, fmt.Sprintf("every recipient failed with %q", failed[0].Result)))
		return
	}
	for _, r := range failed {
		summary, detail := summaryRecipientFailed(r.Destination), detailRecipientFailed(s.MessageID, r.Result, all)
		if all {
			diags.AddError(summary, detail)
		} else {
			diags.AddWarning(summary, detail)
		}
	}
}

// authenticationFailure: TNZ checks credentials only after accepting a call
// (v2.0x) and then fails every recipient with an authentication result.
func authenticationFailure(failed []tnz.RecipientStatus) bool {
	for _, r := range failed {
		result := strings.ToLower(r.Result)
		if !strings.Contains(result, "auth") && !strings.Contains(result, "api key") && !strings.Contains(result, "apikey") && !strings.Contains(result, "credential") {
			return false
		}
	}
	return true
}

// reschedule moves a delayed message to a new send time.
func (b *sendBase) reschedule(ctx context.Context, ch tnz.Channel, m *sendModel, diags *diag.Diagnostics) {
	// The status is left as planned (from state); the next refresh reads it.
	if _, err := b.data.api.Reschedule(ctx, ch, m.MessageID.ValueString(), canonicalSendTime(m.SendTime.ValueString())); err != nil {
		diags.AddAttributeError(path.Root("send_time"), summaryRescheduleFailed, detailActionFailed(m.MessageID.ValueString(), err))
	}
}

// abortIfDelayed aborts a message TNZ still holds; a message already sent
// cannot be unsent, so destroy only forgets it.
func (b *sendBase) abortIfDelayed(ctx context.Context, ch tnz.Channel, m *sendModel, diags *diag.Diagnostics) {
	if jobStatus(ctx, m.Status) != tnz.JobDelayed {
		return
	}
	id := m.MessageID.ValueString()
	if b.data == nil {
		diags.AddError(summaryAbortFailed, detailProviderNotConfigured)
		return
	}
	_, err := b.data.api.Abort(ctx, ch, id)
	if err == nil {
		return
	}
	// Forget the message only when TNZ no longer holds it for later: gone,
	// or sent meanwhile. Any other failure keeps it in state to try again.
	if tnz.IsNotFound(err) {
		diags.AddWarning(summaryAbortSkipped, detailActionFailed(id, err))
		return
	}
	if status, statusErr := b.data.api.Status(ctx, ch, id); statusErr == nil && status.JobStatus != tnz.JobDelayed {
		diags.AddWarning(summaryAbortSkipped, detailActionFailed(id, err))
		return
	}
	diags.AddError(summaryAbortFailed, detailActionFailed(id, err))
}

// importID accepts "<message_id>" or "<channel>/<message_id>"; problem says
// what is wrong with anything else.
func importID(ch tnz.Channel, id string) (messageID, problem string) {
	if prefix, rest, ok := strings.Cut(id, "/"); ok {
		if !strings.EqualFold(prefix, string(ch)) {
			return "", detailImportChannel(id, prefix, ch)
		}
		id = rest
	}
	if !messageIDPattern.MatchString(id) {
		return "", detailImportID(id)
	}
	return id, ""
}
