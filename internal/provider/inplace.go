package provider

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// Changes TNZ applies to a message it holds, through an action, rather than
// a new message. While the job is in one of the change's statuses the plan
// shows an update and Update calls the action; otherwise (and on channels
// without the action) the change replaces the message, as any content
// attribute does.
//
// TNZ's other action, resubmit (sending a completed job's failed
// recipients again), is not a change of configuration: it belongs to a
// Terraform action, not to an attribute. terraform apply -replace sends
// the whole message again.

// inPlaceChange is one attribute whose change an action applies.
type inPlaceChange struct {
	attribute string
	action    tnz.Action
	// statuses are the job statuses in which TNZ takes the action.
	statuses []string
	// nullable: removing the attribute is applied too (it means TNZ's default).
	nullable bool
	// apply makes the change to message id; planned are the planned
	// values (a new send_time is read in the planned timezone).
	apply func(b *sendBase, ctx context.Context, ch tnz.Channel, id string, planned map[string]attr.Value, diags *diag.Diagnostics)
}

var inPlaceChanges = []inPlaceChange{
	// TNZ reschedules only a message it still holds for later.
	{attribute: "send_time", action: tnz.ActionReschedule, statuses: []string{tnz.JobDelayed}, apply: rescheduleTo},
	// TNZ's OpenAPI file: "adjust the NumberOfOperators configured for a
	// pending message"; a delayed one has not started either.
	{attribute: "number_of_operators", action: tnz.ActionPacing, statuses: []string{tnz.JobPending, tnz.JobDelayed}, nullable: true, apply: paceTo},
}

// inPlaceChangeOf is the change that applies v to attribute name of a
// message of channel ch whose job is jobStatus, if TNZ takes it in place.
func inPlaceChangeOf(ch tnz.Channel, jobStatus, name string, v attr.Value) (inPlaceChange, bool) {
	for _, c := range inPlaceChanges {
		if c.attribute == name && c.takes(ch, jobStatus, v) {
			return c, true
		}
	}
	return inPlaceChange{}, false
}

// takes reports whether TNZ takes the change to v on a message of channel
// ch whose job is jobStatus. An unknown value is not taken: what would be
// sent is not known.
func (c inPlaceChange) takes(ch tnz.Channel, jobStatus string, v attr.Value) bool {
	return c.action.Supports(ch) && slices.Contains(c.statuses, jobStatus) && !v.IsUnknown() && (c.nullable || !v.IsNull())
}

// applyInPlace calls, in inPlaceChanges' order, the action of every change
// between prior and planned that TNZ takes in place: ModifyPlan let only
// those through without a replacement.
func (b *sendBase) applyInPlace(ctx context.Context, ch tnz.Channel, id, jobStatus string, planned, prior map[string]attr.Value, diags *diag.Diagnostics) {
	for _, c := range inPlaceChanges {
		v, has := planned[c.attribute]
		if !has || v.Equal(prior[c.attribute]) || !c.takes(ch, jobStatus, v) {
			continue
		}
		c.apply(b, ctx, ch, id, planned, diags)
		if diags.HasError() {
			return
		}
	}
}

func rescheduleTo(b *sendBase, ctx context.Context, ch tnz.Channel, id string, planned map[string]attr.Value, diags *diag.Diagnostics) {
	b.reschedule(ctx, ch, id, stringAttr(planned, "send_time"), stringAttr(planned, "timezone"), diags)
}

// defaultNumberOfOperators is TNZ's when a call sets none (TNZ's OpenAPI
// file: NumberOfOperators default 99999).
const defaultNumberOfOperators = tnz.MaxNumberOfOperators

// paceTo sets how many calls of job id run at once; null is TNZ's default.
func paceTo(b *sendBase, ctx context.Context, ch tnz.Channel, id string, planned map[string]attr.Value, diags *diag.Diagnostics) {
	n := int64(defaultNumberOfOperators)
	if operators, _ := planned["number_of_operators"].(types.Int64); !operators.IsNull() {
		n = operators.ValueInt64()
	}
	if _, err := b.data.api.Pacing(ctx, ch, id, int(n)); err != nil {
		diags.AddAttributeError(path.Root("number_of_operators"), summaryPacingFailed, detailPacingFailed(id, err))
		return
	}
	tflog.Info(ctx, "changed the number of operators of the call job", map[string]any{"message_id": id, "number_of_operators": n})
}
