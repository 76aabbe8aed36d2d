package provider

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

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
	// failuresNamed bounds the failed destinations named one by one in
	// diagnostics; the rest are counted.
	failuresNamed = 10

	// importedKey marks, in private state, a message adopted by import whose
	// configuration has not been recorded yet.
	importedKey = "imported"
)

// sendTimeForTNZ is what TNZ expects for a send_time written in a message
// whose timezone is timezone: TNZ's local form, converted from RFC 3339 into
// the timezone (into UTC, with timezone "UTC", when none is set), and the
// timezone written as TNZ names it (an IANA name mapped to its Windows
// name). A value that does not parse is passed on as written: the plan
// checks report it.
func sendTimeForTNZ(sendTime, timezone string) (string, string) {
	if sendTime == "" && timezone == "" { // every message without scheduling: nothing to look up
		return "", ""
	}
	if name := tnz.CheckTimezone(timezone).Name; timezone != "" && name != "" {
		timezone = name
	}
	if sendTime == "" {
		return "", timezone
	}
	v, err := validators.ParseSendTimeValue(sendTime)
	if err != nil {
		return sendTime, timezone
	}
	at, tz, err := v.ForTNZ(timezone)
	if err != nil {
		return sendTime, timezone
	}
	return at, tz
}

// waitForCompletion polls until the job completes or the create timeout
// passes, and returns the last status. Only final outcomes are errors: every
// recipient failed, or TNZ rejected the credentials. A wait that ends first,
// status reads that keep failing, or a job still delayed are warnings: the
// message was sent and stays in state, untainted, so it is never sent again
// unasked. progress, unless nil, hears each change of the job's status or
// counts.
func (b *sendBase) waitForCompletion(ctx context.Context, ch tnz.Channel, s sent, t timeouts.Value, progress func(*tnz.Status), diags *diag.Diagnostics) types.Object {
	timeout, d := t.Create(ctx, defaultWaitTimeout)
	diags.Append(d...)
	waitCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	id := s.id.ValueString()
	status := s.status
	var last *tnz.Status
	var lastErr error
	tick := time.NewTicker(pollInterval)
	defer tick.Stop()
	for {
		// send read the status just now: every poll waits its turn.
		select {
		case <-waitCtx.Done():
			diags.AddWarning(summaryWaitEnded, detailWaitEnded(b.sentBy, id, timeout, last, lastErr))
			return status
		case <-tick.C:
		}
		report, err := b.data.api.JobStatus(waitCtx, ch, id)
		switch {
		case err == nil:
			if progressed(last, report) {
				logProgress(ctx, id, report)
				if progress != nil {
					progress(report)
				}
			}
			last, lastErr = report, nil
			status = statusValue(ch, report, s.known)
			if report.JobStatus == tnz.JobCompleted {
				reportFailedRecipients(b.sentBy, report, diags)
				return status
			}
		case tnz.IsNotFound(err): // not visible yet: TNZ may not list a job it is still processing
		case tnz.IsUnauthorized(err):
			// Accepted, then refused: v2.0x checks credentials only after
			// accepting a call (deferred authentication).
			diags.AddError(summaryCredentialsRejected, detailCredentialsRejected(b.sentBy, id, fmt.Sprintf("reading its status is refused: %s", err)))
			return status
		case waitCtx.Err() == nil:
			lastErr = err
			tflog.Warn(ctx, "reading the message status failed; waiting goes on", map[string]any{"message_id": id, "error": err.Error()})
		}
	}
}

// progressed reports whether the job's status or counts changed.
func progressed(before, now *tnz.Status) bool {
	return before == nil || before.JobStatus != now.JobStatus || before.Complete != now.Complete || before.Failed != now.Failed || before.Count != now.Count
}

// logProgress logs a change of the job's status or counts at INFO, so that
// TF_LOG=INFO shows what a long wait is doing. Recipients are never logged
// here.
func logProgress(ctx context.Context, id string, now *tnz.Status) {
	fields := map[string]any{"message_id": id, "job_status": now.JobStatus, "complete": now.Complete, "count": now.Count, "success": now.Success, "failed": now.Failed}
	if now.JobStatus == tnz.JobDelayed && now.DelayedTimeUTC != "" {
		fields["delayed_until_utc"] = now.DelayedTimeUTC
	}
	tflog.Info(ctx, "TNZ job progress", fields)
}

// reportFailedRecipients: every destination failed is an error, some failed
// a warning, each naming the destination (masked: diagnostics reach logs)
// and TNZ's result. The counts are the job's; the destinations named are
// those on the status page read (the first 100).
func reportFailedRecipients(by sender, s *tnz.Status, diags *diag.Diagnostics) {
	var failed []failure
	for i, r := range s.Recipients {
		if r.Status == tnz.RecipientFailed {
			failed = append(failed, failure{r, i + 1})
		}
	}
	count, failures := s.Count, s.Failed
	if count == 0 { // a report without counts: its recipients are all there is
		count, failures = int64(len(s.Recipients)), int64(len(failed))
	}
	if failures == 0 || len(failed) == 0 {
		return
	}
	all := failures >= count
	if all && authenticationFailure(failed) {
		diags.AddError(summaryCredentialsRejected, detailCredentialsRejected(by, s.MessageID, fmt.Sprintf("every recipient failed with %q", failed[0].Result)))
		return
	}
	add := diags.AddWarning
	if all {
		add = diags.AddError
	}
	for _, r := range failed[:min(len(failed), failuresNamed)] {
		add(summaryRecipientFailed(r.position, maskRecipient(r.Destination)), detailRecipientFailed(by, s.MessageID, r.Result, all))
	}
	if more := failures - int64(min(len(failed), failuresNamed)); more > 0 {
		add(summaryMoreRecipientsFailed(more), detailMoreRecipientsFailed(s.MessageID))
	}
}

// failure is a failed destination and its 1-based position in the status.
type failure struct {
	tnz.RecipientStatus
	position int
}

// authenticationFailure: TNZ checks credentials only after accepting a call
// (v2.0x) and then fails every recipient with an authentication result.
func authenticationFailure(failed []failure) bool {
	for _, r := range failed {
		result := strings.ToLower(r.Result)
		if !strings.Contains(result, "auth") && !strings.Contains(result, "api key") && !strings.Contains(result, "apikey") && !strings.Contains(result, "credential") {
			return false
		}
	}
	return true
}

// maskRecipient hides the middle of an address, so that diagnostics (which
// the plugin protocol logs at WARN and ERROR) identify a recipient without
// spelling it out: "+6421•••••99", "o•••@example.com".
func maskRecipient(s string) string {
	if local, domain, ok := strings.Cut(s, "@"); ok && local != "" {
		return local[:1] + "•••@" + domain
	}
	r := []rune(s)
	keepStart, keepEnd := 5, 2
	if len(r) <= keepStart+keepEnd {
		keepStart, keepEnd = min(len(r), 1), 0
	}
	return string(r[:keepStart]) + strings.Repeat("•", len(r)-keepStart-keepEnd) + string(r[len(r)-keepEnd:])
}

// warnWaitBeyondSendTime warns when wait_for = "completed" cannot see a
// scheduled message complete: its send_time is later than the create
// timeout allows. A local send_time without a timezone TNZ knows is
// compared at the earliest instant it can mean (UTC+14).
func warnWaitBeyondSendTime(ctx context.Context, by sender, m *commonModel, now time.Time, diags *diag.Diagnostics) {
	if m.WaitFor.ValueString() != waitCompleted || m.SendTime.IsNull() || m.SendTime.IsUnknown() || m.Timezone.IsUnknown() {
		return
	}
	v, err := validators.ParseSendTimeValue(m.SendTime.ValueString())
	if err != nil {
		return
	}
	timeout, d := m.Timeouts.Create(ctx, defaultWaitTimeout)
	if d.HasError() {
		return
	}
	earliest := v.Time.Add(-14 * time.Hour)
	if v.Offset {
		earliest = v.Time
	} else if loc, ok := tnz.TimezoneLocation(tnz.CheckTimezone(m.Timezone.ValueString()).Name); ok {
		w := v.Time
		earliest = time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), 0, loc)
	}
	if earliest.After(now.Add(timeout)) {
		diags.AddAttributeWarning(path.Root("wait_for"), summaryWaitBeyondSendTime, detailWaitBeyondSendTime(by, m.SendTime.ValueString(), timeout))
	}
}

// reschedule moves a delayed message to a new send time, read in the
// message's timezone.
func (b *sendBase) reschedule(ctx context.Context, ch tnz.Channel, id, sendTime, timezone string, diags *diag.Diagnostics) {
	at, _ := sendTimeForTNZ(sendTime, timezone)
	if _, err := b.data.api.Reschedule(ctx, ch, id, at); err != nil {
		diags.AddAttributeError(path.Root("send_time"), summaryRescheduleFailed, detailActionFailed(id, err))
		return
	}
	tflog.Info(ctx, "rescheduled the message", map[string]any{"message_id": id, "send_time": at})
}

// abortOrForget aborts a message TNZ still holds (Delayed); a message
// already sent cannot be unsent, so destroy only forgets it. Each outcome
// is logged at INFO.
func (b *sendBase) abortOrForget(ctx context.Context, ch tnz.Channel, id string, status types.Object, diags *diag.Diagnostics) {
	if jobStatus, _ := statusOf(status); jobStatus != tnz.JobDelayed {
		tflog.Info(ctx, "forgot the message: a sent message cannot be unsent", map[string]any{"message_id": id, "job_status": jobStatus})
		return
	}
	if b.data == nil {
		diags.AddError(summaryAbortFailed, detailProviderNotConfigured)
		return
	}
	_, err := b.data.api.Abort(ctx, ch, id)
	if err == nil {
		tflog.Info(ctx, "aborted the scheduled message", map[string]any{"message_id": id})
		return
	}
	// Forget the message only when TNZ no longer holds it for later: gone,
	// or sent meanwhile. Any other failure keeps it in state to try again.
	if tnz.IsNotFound(err) {
		diags.AddWarning(summaryAbortSkipped, detailActionFailed(id, err))
		return
	}
	if report, statusErr := b.data.api.JobStatus(ctx, ch, id); statusErr == nil && report.JobStatus != tnz.JobDelayed {
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

// privateData is a resource's private state.
type privateData interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
}

// adopting reports whether the resource was imported and its configuration
// not recorded yet: that plan records the configuration and sends nothing.
func adopting(ctx context.Context, private privateData) bool {
	v, _ := private.GetKey(ctx, importedKey)
	return v != nil
}
