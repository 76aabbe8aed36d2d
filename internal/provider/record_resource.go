package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// recordResource is the create, read, update, delete and import that the
// Address Book records whose model maps to one API record share (tnz_group,
// tnz_optout). Each resource adds its own Metadata, Schema and checks.
type recordResource[M any, PM recordModel[M, F, R], F, R any] struct {
	recordBase
	calls recordCalls[F, R]
}

// recordModel is a record resource's model: its id, the fields the API
// takes, and TNZ's answer read back into it.
type recordModel[M, F, R any] interface {
	*M
	recordID() string
	fields() F
	read(*R)
}

// recordCalls are one kind of record's API calls, and its names for
// diagnostics.
type recordCalls[F, R any] struct {
	what    string // "group", as diagnostics name it
	address string // "tnz_group"
	create  func(addressBookAPI, context.Context, F) (*R, error)
	get     func(addressBookAPI, context.Context, string) (*R, error)
	update  func(addressBookAPI, context.Context, string, F) (*R, error)
	delete  func(addressBookAPI, context.Context, string) error
}

func (r *recordResource[M, PM, F, R]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	m := PM(new(M))
	resp.Diagnostics.Append(req.Plan.Get(ctx, m)...)
	api := r.api(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	got, err := r.calls.create(api, ctx, m.fields())
	if err != nil {
		reportRecordError(&resp.Diagnostics, "Creating", r.calls.what, r.calls.address, err)
		return
	}
	m.read(got)
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}

// Read refreshes the record; one TNZ no longer has leaves the state, so
// the next plan creates it again.
func (r *recordResource[M, PM, F, R]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	m := PM(new(M))
	resp.Diagnostics.Append(req.State.Get(ctx, m)...)
	api := r.api(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	got, err := r.calls.get(api, ctx, m.recordID())
	switch {
	case tnz.IsNotFound(err):
		readGone(ctx, resp, r.calls.what, m.recordID())
		return
	case err != nil:
		reportRecordError(&resp.Diagnostics, "Reading", r.calls.what, r.calls.address, err)
		return
	}
	m.read(got)
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}

// Update sets every field of the record (TNZ's PATCH with the whole
// record), so a field removed from the configuration is cleared.
func (r *recordResource[M, PM, F, R]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	m, state := PM(new(M)), PM(new(M))
	resp.Diagnostics.Append(req.Plan.Get(ctx, m)...)
	resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	api := r.api(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	got, err := r.calls.update(api, ctx, state.recordID(), m.fields())
	if err != nil {
		reportRecordError(&resp.Diagnostics, "Updating", r.calls.what, r.calls.address, err)
		return
	}
	m.read(got)
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}

// Delete deletes the record; one already gone is fine.
func (r *recordResource[M, PM, F, R]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	m := PM(new(M))
	resp.Diagnostics.Append(req.State.Get(ctx, m)...)
	api := r.api(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.calls.delete(api, ctx, m.recordID()); err != nil && !tnz.IsNotFound(err) {
		reportRecordError(&resp.Diagnostics, "Deleting", r.calls.what, r.calls.address, err)
	}
}

// ImportState takes TNZ's id of the record; Read fills the rest.
func (r *recordResource[M, PM, F, R]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}
