package provider

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/tnz-community/terraform-provider-tnz/internal/rejection"
	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// messageAPI is what send resources need from the TNZ client; tests may
// inject their own.
type messageAPI interface {
	Send(ctx context.Context, msg tnz.Message) (tnz.SendResult, error)
	Status(ctx context.Context, ch tnz.Channel, messageID string) (*tnz.Status, error)
	Abort(ctx context.Context, ch tnz.Channel, messageID string) (tnz.ActionResult, error)
	Reschedule(ctx context.Context, ch tnz.Channel, messageID, sendTime string) (tnz.ActionResult, error)
	ReceivedSMS(ctx context.Context, q tnz.ReceivedQuery) ([]tnz.InboundSMS, error)
}

// sendBase is what every send resource shares: the configured API and the
// provider-level defaults.
type sendBase struct {
	data *providerData
}

func (b *sendBase) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	if req.ProviderData == nil { // not configured yet (e.g. validation)
		return
	}
	data, ok := req.ProviderData.(*providerData)
	if !ok {
		resp.Diagnostics.AddError(summaryUnexpectedProviderData, detailUnexpectedProviderData(req.ProviderData))
		return
	}
	b.data = data
}

// checksAtPlan reports whether the rejection table is checked before sending.
func (b *sendBase) checksAtPlan() bool {
	return b.data == nil || !b.data.serverChecksOnly
}

// reportFindings adds the rejection findings as diagnostics: errors, or
// warnings, so that validation reports errors and planning reports warnings
// once each.
func reportFindings(findings []rejection.Finding, paths destinationPaths, warnings bool, diags *diag.Diagnostics) {
	for _, f := range findings {
		if f.Warning != warnings {
			continue
		}
		p, ok := paths.path(f.Attribute)
		switch {
		case f.Warning && ok:
			diags.AddAttributeWarning(p, f.Summary, f.Detail)
		case f.Warning:
			diags.AddWarning(f.Summary, f.Detail)
		case ok:
			diags.AddAttributeError(p, f.Summary, f.Detail)
		default:
			diags.AddError(f.Summary, f.Detail)
		}
	}
}

// reportSendError turns a failed send into diagnostics: every message of a
// server rejection through the same table as the plan-time checks.
func reportSendError(err error, messageID string, paths destinationPaths, diags *diag.Diagnostics) {
	var apiErr *tnz.APIError
	if !errors.As(err, &apiErr) {
		diags.AddError(summarySendFailed, detailSendFailed(messageID, err))
		return
	}
	for _, f := range rejection.FromAPIError(apiErr) {
		detail := detailServerAnswer(f.Detail, apiErr.StatusCode, f.Raw)
		if p, ok := paths.path(f.Attribute); ok {
			diags.AddAttributeError(p, f.Summary, detail)
		} else {
			diags.AddError(f.Summary, detail)
		}
	}
}

// send submits msg once and records the id and first status in m. It returns
// false when nothing was sent (the diagnostics say why).
func (b *sendBase) send(ctx context.Context, msg tnz.Message, m *sendModel, diags *diag.Diagnostics) bool {
	common := msg.Base()
	if common.MessageID == "" {
		common.MessageID = newMessageID()
	}
	if common.ReportTo == "" {
		common.ReportTo = b.data.reportTo
	}
	result, err := b.data.api.Send(ctx, msg)
	if tnz.IsUncertain(err) {
		// The request may have reached TNZ and TNZ could not confirm either
		// way. Keeping the message in state, with its id, means no later
		// apply sends it again unasked; refresh can still find it by id.
		diags.AddWarning(summaryUncertainSend, detailUncertainSend(common.MessageID, err))
		m.ID = types.StringValue(common.MessageID)
		m.MessageID = types.StringValue(common.MessageID)
		m.Status = statusValue(ctx, &tnz.Status{JobStatus: tnz.JobUnknown}, diags)
		return true
	}
	if err != nil {
		reportSendError(err, common.MessageID, m.paths(), diags)
		return false
	}
	if result.MessageID == "" {
		result.MessageID = common.MessageID
	}
	tflog.Info(ctx, "TNZ accepted the message", map[string]any{"channel": string(msg.Channel()), "message_id": result.MessageID, "recovered": result.Recovered})
	m.ID = types.StringValue(result.MessageID)
	m.MessageID = types.StringValue(result.MessageID)
	m.Status = pendingStatus(ctx, diags)
	b.refresh(ctx, msg.Channel(), m, diags)
	return true
}

// refresh reads the status into m. A sent message is never dropped: when TNZ
// cannot find it, or the read fails, the last known status stays.
func (b *sendBase) refresh(ctx context.Context, ch tnz.Channel, m *sendModel, diags *diag.Diagnostics) {
	id := m.MessageID.ValueString()
	status, err := b.data.api.Status(ctx, ch, id)
	switch {
	case err == nil:
		m.Status = statusValue(ctx, status, diags)
	case tnz.IsNotFound(err) && m.Status.IsNull():
		m.Status = pendingStatus(ctx, diags)
	case tnz.IsNotFound(err):
		diags.AddWarning(summaryMessageNotFound, detailMessageNotFound(id))
	default:
		diags.AddWarning(summaryStatusUnavailable, detailStatusUnavailable(id, err))
	}
}

// pendingStatus is the status of a message TNZ has accepted but not yet reported on.
func pendingStatus(ctx context.Context, diags *diag.Diagnostics) types.Object {
	return statusValue(ctx, &tnz.Status{JobStatus: tnz.JobPending}, diags)
}

// newMessageID makes a 32-character alphanumeric id, so that the message can
// be found by id even when the API's answer is lost.
func newMessageID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
