package provider

import (
	"context"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// fakeGroups answers the group calls from a map; the other Address Book
// calls are not expected (the nil interface panics if one is made).
type fakeGroups struct {
	addressBookAPI
	groups  map[string]tnz.Group
	created []tnz.GroupFields
	updated []tnz.GroupFields
	err     error // returned by every call when set
}

func (f *fakeGroups) CreateGroup(_ context.Context, fields tnz.GroupFields) (*tnz.Group, error) {
	if f.err != nil {
		return nil, f.err
	}
	f.created = append(f.created, fields)
	fields.ViewEditBy, fields.AccessControl = "Account", "Limited" // TNZ's defaults
	g := tnz.Group{ID: "11111111-2222-3333-4444-555555555555", GroupCode: "On_call", GroupFields: fields}
	f.groups[g.ID] = g
	return &g, nil
}

func (f *fakeGroups) GetGroup(_ context.Context, id string) (*tnz.Group, error) {
	if f.err != nil {
		return nil, f.err
	}
	g, ok := f.groups[id]
	if !ok {
		return nil, &tnz.APIError{StatusCode: http.StatusNotFound, Result: "RecordNotFound"}
	}
	return &g, nil
}

func (f *fakeGroups) UpdateGroup(_ context.Context, id string, fields tnz.GroupFields) (*tnz.Group, error) {
	if f.err != nil {
		return nil, f.err
	}
	f.updated = append(f.updated, fields)
	g := f.groups[id]
	g.GroupName = fields.GroupName
	f.groups[id] = g
	return &g, nil
}

func (f *fakeGroups) DeleteGroup(_ context.Context, id string) error {
	if f.err != nil {
		return f.err
	}
	if _, ok := f.groups[id]; !ok {
		return &tnz.APIError{StatusCode: http.StatusNotFound}
	}
	delete(f.groups, id)
	return nil
}

func groupWith(t *testing.T, api addressBookAPI) (*groupResource, resource.SchemaResponse) {
	t.Helper()
	r := NewGroupResource().(*groupResource)
	r.data = &providerData{addressBook: api, apiVersion: tnz.V300}
	var s resource.SchemaResponse
	r.Schema(context.Background(), resource.SchemaRequest{}, &s)
	return r, s
}

func groupState(t *testing.T, s resource.SchemaResponse, m groupModel) tfsdk.State {
	t.Helper()
	state := tfsdk.State{Schema: s.Schema, Raw: tftypes.NewValue(s.Schema.Type().TerraformType(context.Background()), nil)}
	if d := state.Set(context.Background(), &m); d.HasError() {
		t.Fatalf("state: %v", d)
	}
	return state
}

func TestRecordResource_createReadsTNZsAnswer(t *testing.T) {
	ctx := context.Background()
	api := &fakeGroups{groups: map[string]tnz.Group{}}
	r, s := groupWith(t, api)
	plan := groupState(t, s, groupModel{GroupName: types.StringValue("On call"), ID: types.StringUnknown(),
		ViewEditBy: types.StringUnknown(), AccessControl: types.StringUnknown(), GroupCode: types.StringUnknown(),
		Owner: types.StringUnknown(), CreatedTime: types.StringUnknown()})
	resp := resource.CreateResponse{State: tfsdk.State{Schema: s.Schema}}
	r.Create(ctx, resource.CreateRequest{Plan: tfsdk.Plan(plan)}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatalf("create: %v", resp.Diagnostics)
	}
	if len(api.created) != 1 || api.created[0].GroupName != "On call" {
		t.Fatalf("created %+v, want one group named On call", api.created)
	}
	var got groupModel
	resp.State.Get(ctx, &got)
	if got.ID.ValueString() != "11111111-2222-3333-4444-555555555555" || got.GroupCode.ValueString() != "On_call" || !got.Owner.IsNull() {
		t.Errorf("state %+v: want TNZ's id and group code, and a null owner (TNZ gave none)", got)
	}
}

func TestRecordResource_readGoneLeavesState(t *testing.T) {
	ctx := context.Background()
	r, s := groupWith(t, &fakeGroups{groups: map[string]tnz.Group{}})
	state := groupState(t, s, groupModel{ID: types.StringValue("gone"), GroupName: types.StringValue("x")})
	resp := resource.ReadResponse{State: state}
	r.Read(ctx, resource.ReadRequest{State: state}, &resp)
	if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 {
		t.Fatalf("diagnostics %v: want one warning and no error", resp.Diagnostics)
	}
	if got := resp.Diagnostics.Warnings()[0].Summary(); got != summaryRecordGone("group") {
		t.Errorf("warning %q, want %q", got, summaryRecordGone("group"))
	}
	if !resp.State.Raw.IsNull() {
		t.Error("a group TNZ no longer has must leave the state, so the next plan creates it again")
	}
}

func TestRecordResource_updateSendsWholeRecord(t *testing.T) {
	ctx := context.Background()
	id := "11111111-2222-3333-4444-555555555555"
	api := &fakeGroups{groups: map[string]tnz.Group{id: {ID: id, GroupFields: tnz.GroupFields{GroupName: "Old"}}}}
	r, s := groupWith(t, api)
	prior := groupState(t, s, groupModel{ID: types.StringValue(id), GroupName: types.StringValue("Old"), Department: types.StringValue("Ops")})
	plan := groupState(t, s, groupModel{ID: types.StringValue(id), GroupName: types.StringValue("New")})
	resp := resource.UpdateResponse{State: prior}
	r.Update(ctx, resource.UpdateRequest{Plan: tfsdk.Plan(plan), State: prior}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatalf("update: %v", resp.Diagnostics)
	}
	if len(api.updated) != 1 || api.updated[0] != (tnz.GroupFields{GroupName: "New"}) {
		t.Errorf("updated %+v: want the whole group, the department removed from the configuration cleared", api.updated)
	}
}

func TestRecordResource_deleteOfGoneRecordIsFine(t *testing.T) {
	r, s := groupWith(t, &fakeGroups{groups: map[string]tnz.Group{}})
	state := groupState(t, s, groupModel{ID: types.StringValue("gone"), GroupName: types.StringValue("x")})
	var resp resource.DeleteResponse
	r.Delete(context.Background(), resource.DeleteRequest{State: state}, &resp)
	if resp.Diagnostics.HasError() {
		t.Errorf("delete of a group TNZ no longer has: %v", resp.Diagnostics)
	}
}

func TestRecordResource_forbiddenSaysAddressBookIsOff(t *testing.T) {
	api := &fakeGroups{groups: map[string]tnz.Group{}, err: &tnz.APIError{StatusCode: http.StatusForbidden}}
	r, s := groupWith(t, api)
	state := groupState(t, s, groupModel{ID: types.StringValue("g"), GroupName: types.StringValue("x")})
	var resp resource.DeleteResponse
	r.Delete(context.Background(), resource.DeleteRequest{State: state}, &resp)
	if resp.Diagnostics.ErrorsCount() != 1 || resp.Diagnostics.Errors()[0].Summary() != summaryAddressBookForbidden {
		t.Errorf("diagnostics %v: want one error %q", resp.Diagnostics, summaryAddressBookForbidden)
	}
}
