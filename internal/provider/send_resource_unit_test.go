package provider

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tnz-community/terraform-provider-tnz/internal/rejection"
	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// fakeAPI records sends and answers status with what the test sets.
type fakeAPI struct {
	sent        []tnz.Message
	sendErr     error
	status      *tnz.Status
	statusErr   error
	aborted     int
	abortErr    error
	statusReads int
}

func (f *fakeAPI) Send(_ context.Context, msg tnz.Message) (tnz.SendResult, error) {
	if f.sendErr != nil {
		return tnz.SendResult{}, f.sendErr
	}
	f.sent = append(f.sent, msg)
	return tnz.SendResult{MessageID: msg.CommonPart().MessageID}, nil
}

func (f *fakeAPI) Status(context.Context, tnz.Channel, string) (*tnz.Status, error) {
	return f.status, f.statusErr
}

func (f *fakeAPI) JobStatus(context.Context, tnz.Channel, string) (*tnz.Status, error) {
	f.statusReads++
	return f.status, f.statusErr
}

func (f *fakeAPI) Abort(context.Context, tnz.Channel, string) (tnz.ActionResult, error) {
	f.aborted++
	return tnz.ActionResult{}, f.abortErr
}

func (f *fakeAPI) Reschedule(context.Context, tnz.Channel, string, string) (tnz.ActionResult, error) {
	return tnz.ActionResult{}, errors.New("fakeAPI: reschedule not expected")
}

func (f *fakeAPI) Pacing(context.Context, tnz.Channel, string, int) (tnz.ActionResult, error) {
	return tnz.ActionResult{}, errors.New("fakeAPI: pacing not expected")
}

func (f *fakeAPI) ReceivedSMS(context.Context, tnz.ReceivedQuery) ([]tnz.InboundSMS, error) {
	return nil, errors.New("fakeAPI: received not expected")
}

func smsSchema(t testing.TB) resource.SchemaResponse {
	t.Helper()
	var resp resource.SchemaResponse
	NewSMSResource().Schema(context.Background(), resource.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatalf("schema: %v", resp.Diagnostics)
	}
	return resp
}

// smsPlan is a plan for an SMS with the given message to the given numbers;
// everything else is null, and computed values unknown as Terraform plans them.
func smsPlan(t testing.TB, message string, recipients ...string) tfsdk.Plan {
	t.Helper()
	ctx := context.Background()
	s := smsSchema(t).Schema
	plan := tfsdk.Plan{Schema: s, Raw: tftypes.NewValue(s.Type().TerraformType(ctx), nil)}
	var elems []attr.Value
	for _, r := range recipients {
		elems = append(elems, types.StringValue(r))
	}
	m := nullSMSModel(s)
	m.Recipients = types.ListValueMust(types.StringType, elems)
	m.Message = types.StringValue(message)
	m.ID = types.StringUnknown()
	m.MessageID = types.StringUnknown()
	m.Status = types.ObjectUnknown(statusTypes[tnz.SMS].AttrTypes)
	m.Estimate = types.ObjectUnknown(smsEstimateType.AttrTypes)
	m.DestinationCount = types.Int64Unknown()
	if d := plan.Set(ctx, &m); d.HasError() {
		t.Fatalf("plan: %v", d)
	}
	return plan
}

func nullSMSModel(s schema.Schema) smsModel {
	return smsModel{
		commonModel: commonModel{
			Template:     types.DynamicNull(),
			Timeouts:     timeouts.Value{Object: types.ObjectNull(s.Attributes["timeouts"].GetType().(timeouts.Type).AttrTypes)},
			Recipients:   types.ListNull(types.StringType),
			Destinations: types.ListNull(types.ObjectType{AttrTypes: destinationAttrTypes()}),
			Triggers:     types.MapNull(types.StringType),
			Status:       types.ObjectNull(statusTypes[tnz.SMS].AttrTypes),
		},
		Files:        types.ListNull(fileType),
		FallbackMode: types.StringNull(),
		Estimate:     types.ObjectNull(smsEstimateType.AttrTypes),
	}
}

func destinationAttrTypes() map[string]attr.Type {
	attrTypes := map[string]attr.Type{}
	for name := range destinationAttributes(tnz.SMS) {
		attrTypes[name] = types.StringType
	}
	return attrTypes
}

func newSMS(api messageAPI) *sendResource[smsModel, *smsModel] {
	r := NewSMSResource().(*sendResource[smsModel, *smsModel])
	r.data = &providerData{api: api, reportTo: "reports@example.com", resendUnconfirmedAfter: defaultResendUnconfirmedAfter, now: time.Now}
	return r
}

func TestCreateSendsOnceAndRecordsTheMessage(t *testing.T) {
	ctx := context.Background()
	api := &fakeAPI{status: &tnz.Status{JobStatus: tnz.JobPending, Count: 1}}
	r := newSMS(api)
	plan := smsPlan(t, "Deploy finished", "+6421000001")
	resp := resource.CreateResponse{State: tfsdk.State{Schema: plan.Schema}}
	r.Create(ctx, resource.CreateRequest{Plan: plan}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatalf("create: %v", resp.Diagnostics)
	}
	if len(api.sent) != 1 {
		t.Fatalf("sent %d messages, want 1", len(api.sent))
	}
	sms := api.sent[0].(*tnz.SMSMessage)
	if sms.Message != "Deploy finished" || sms.Destinations[0].Recipient != "+6421000001" {
		t.Errorf("sent %+v", sms)
	}
	if sms.ReportTo != "reports@example.com" {
		t.Errorf("report_to default not applied: %q", sms.ReportTo)
	}
	if !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(sms.MessageID) {
		t.Errorf("generated message id %q", sms.MessageID)
	}
	var state smsModel
	resp.State.Get(ctx, &state)
	if state.MessageID.ValueString() != sms.MessageID || state.ID.ValueString() != sms.MessageID {
		t.Errorf("state ids %s/%s, sent %s", state.ID, state.MessageID, sms.MessageID)
	}
	if !state.ReportTo.IsNull() {
		t.Errorf("the provider default must not be written into report_to")
	}
	var job types.String
	resp.State.GetAttribute(ctx, path.Root("status").AtName("job_status"), &job)
	if job.ValueString() != tnz.JobPending {
		t.Errorf("status.job_status = %s", job)
	}
}

func TestCreateMapsServerRejectionToAttribute(t *testing.T) {
	api := &fakeAPI{sendErr: &tnz.APIError{StatusCode: 400, Result: "Failed", Messages: []string{"Missing or empty message", "Missing file name on file 1"}}}
	r := newSMS(api)
	plan := smsPlan(t, "", "+6421000001")
	resp := resource.CreateResponse{State: tfsdk.State{Schema: plan.Schema, Raw: tftypes.NewValue(plan.Schema.Type().TerraformType(context.Background()), nil)}}
	r.Create(context.Background(), resource.CreateRequest{Plan: plan}, &resp)
	if got := resp.Diagnostics.ErrorsCount(); got != 2 {
		t.Fatalf("got %d errors: %v", got, resp.Diagnostics)
	}
	wantPaths := []path.Path{path.Root("message"), path.Root("files").AtListIndex(0)}
	for i, d := range resp.Diagnostics.Errors() {
		withPath, ok := d.(diag.DiagnosticWithPath)
		if !ok || !withPath.Path().Equal(wantPaths[i]) {
			t.Errorf("error %d at %v, want %v", i, d, wantPaths[i])
		}
		if !strings.Contains(d.Detail(), "TNZ API answered HTTP 400") {
			t.Errorf("error %d detail lacks the server's answer: %q", i, d.Detail())
		}
	}
	if !resp.State.Raw.IsNull() {
		t.Error("a rejected message must leave no state")
	}
}

func TestCreateKeepsTheMessageWhenStatusFails(t *testing.T) {
	api := &fakeAPI{statusErr: errors.New("connection reset")}
	plan := smsPlan(t, "hi", "+6421000001")
	resp := resource.CreateResponse{State: tfsdk.State{Schema: plan.Schema}}
	newSMS(api).Create(context.Background(), resource.CreateRequest{Plan: plan}, &resp)
	if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 {
		t.Fatalf("want one warning, got %v", resp.Diagnostics)
	}
	if resp.State.Raw.IsNull() || len(api.sent) != 1 {
		t.Fatal("a sent message must be recorded even when its status cannot be read")
	}
}

func TestReadKeepsStateWhenTNZCannotFindTheMessage(t *testing.T) {
	ctx := context.Background()
	api := &fakeAPI{status: &tnz.Status{JobStatus: tnz.JobCompleted, Count: 1, Success: 1}}
	plan := smsPlan(t, "hi", "+6421000001")
	created := resource.CreateResponse{State: tfsdk.State{Schema: plan.Schema}}
	newSMS(api).Create(ctx, resource.CreateRequest{Plan: plan}, &created)

	// An hour later: a 404 right after a send only means "not visible yet".
	api.status, api.statusErr = nil, &tnz.APIError{StatusCode: 404, Result: "RecordNotFound", Messages: []string{"Unable to find entry."}}
	later := newSMS(api)
	later.data.now = func() time.Time { return time.Now().Add(time.Hour) }
	read := resource.ReadResponse{State: created.State}
	later.Read(ctx, resource.ReadRequest{State: created.State}, &read)
	if read.Diagnostics.HasError() || read.Diagnostics.WarningsCount() != 1 || read.Diagnostics.Warnings()[0].Summary() != summaryMessageNotFound {
		t.Fatalf("want the not-found warning, got %v", read.Diagnostics)
	}
	if read.State.Raw.IsNull() {
		t.Fatal("the message vanished from state")
	}
	var job types.String
	read.State.GetAttribute(ctx, path.Root("status").AtName("job_status"), &job)
	if job.ValueString() != tnz.JobCompleted {
		t.Errorf("last known status lost: %s", job)
	}
	if len(api.sent) != 1 {
		t.Errorf("read sent %d messages", len(api.sent)-1)
	}
}

func TestSendPaths(t *testing.T) {
	destinations := rejection.Root("destinations")
	cases := []struct {
		paths sendPaths
		at    rejection.Path
		want  path.Path
	}{
		{sendPaths{recipients: 2}, destinations.AtIndex(1).AtName("recipient"), path.Root("recipients").AtListIndex(1)},
		{sendPaths{recipients: 2, hasDestinations: true}, destinations.AtIndex(3).AtName("recipient"), path.Root("destinations").AtListIndex(1)},
		{sendPaths{recipients: 0, hasDestinations: true}, destinations, path.Root("destinations")},
		{sendPaths{recipients: 1, hasDestinations: true}, destinations, path.Root("recipients")},
		{sendPaths{}, destinations, path.Root("recipients")},
		{sendPaths{}, rejection.Root("files").AtIndex(1).AtName("name"), path.Root("files").AtListIndex(1)},
		{sendPaths{}, rejection.Root("webhook_callback_url"), path.Root("webhook_callback_url")},
		{sendPaths{fromTemplate: map[string]bool{"message": true}}, rejection.Root("message"), path.Root("template")},
	}
	for _, c := range cases {
		got, ok := c.paths.attribute(c.at)
		if !ok || !got.Equal(c.want) {
			t.Errorf("%+v.attribute(%s) = %v, want %v", c.paths, c.at, got, c.want)
		}
	}
	if _, ok := (sendPaths{}).attribute(rejection.Path{}); ok {
		t.Error("the zero path is the call as a whole")
	}
}

func TestCreateRecordsAnUncertainSend(t *testing.T) {
	ctx := context.Background()
	plan := smsPlan(t, "hi", "+6421000001")
	api := &fakeAPI{}
	var sentID string
	uncertain := &uncertainAPI{fakeAPI: api, onSend: func(m tnz.Message) { sentID = m.CommonPart().MessageID }}
	resp := resource.CreateResponse{State: tfsdk.State{Schema: plan.Schema}}
	newSMS(uncertain).Create(ctx, resource.CreateRequest{Plan: plan}, &resp)
	if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 || resp.Diagnostics.Warnings()[0].Summary() != summaryUncertainSend {
		t.Fatalf("want one uncertain-send warning, got %v", resp.Diagnostics)
	}
	var state smsModel
	resp.State.Get(ctx, &state)
	if state.MessageID.ValueString() != sentID || sentID == "" {
		t.Errorf("state message_id %s, sent %q", state.MessageID, sentID)
	}
	var job types.String
	resp.State.GetAttribute(ctx, path.Root("status").AtName("job_status"), &job)
	if job.ValueString() != tnz.JobUnknown {
		t.Errorf("status.job_status = %s, want Unknown", job)
	}
	var confirmed types.Bool
	resp.State.GetAttribute(ctx, path.Root("status").AtName("confirmed"), &confirmed)
	if confirmed.ValueBool() || confirmed.IsNull() {
		t.Errorf("status.confirmed = %s, want false", confirmed)
	}
}

// An unconfirmed message TNZ still does not know after
// resend_unconfirmed_after is to be sent again. A refresh (Read) removes
// it and says this plan sends it; an update cannot remove it, so its
// warning says the next plan does.
func TestRefreshUnconfirmedPastResendAfter(t *testing.T) {
	ctx := context.Background()
	notFound := &tnz.APIError{StatusCode: 404, Result: "RecordNotFound", Messages: []string{"Unable to find entry."}}
	submitted := time.Now().Add(-time.Hour).UTC().Format(time.RFC3339)
	status := statusValue(tnz.SMS, &tnz.Status{JobStatus: tnz.JobUnknown}, sendStatus{submitted: submitted})
	for _, c := range []struct {
		removable bool
		summary   string
		says      string
	}{
		{true, summaryUnconfirmedResend, "It was removed from state, so this plan sends it again"},
		{false, summaryUnconfirmedResendNext, "keeps the message in state, unconfirmed; the next plan removes it from state and sends it again"},
	} {
		api := &fakeAPI{statusErr: notFound}
		var diags diag.Diagnostics
		refreshed, keep := newSMS(api).refresh(ctx, tnz.SMS, "abc123", status, c.removable, &diags)
		if keep {
			t.Errorf("removable=%v: kept a message to send again", c.removable)
		}
		if !refreshed.Equal(status) {
			t.Errorf("removable=%v: the status changed: %v", c.removable, refreshed)
		}
		if diags.HasError() || diags.WarningsCount() != 1 || diags.Warnings()[0].Summary() != c.summary || !strings.Contains(diags.Warnings()[0].Detail(), c.says) {
			t.Errorf("removable=%v: want one warning %q saying %q, got %v", c.removable, c.summary, c.says, diags)
		}
		if len(api.sent) != 0 || api.statusReads != 1 {
			t.Errorf("removable=%v: %d sends and %d status reads, want 0 and 1", c.removable, len(api.sent), api.statusReads)
		}
	}
}

// uncertainAPI fails every send ambiguously.
type uncertainAPI struct {
	*fakeAPI
	onSend func(tnz.Message)
}

func (u *uncertainAPI) Send(_ context.Context, msg tnz.Message) (tnz.SendResult, error) {
	u.onSend(msg)
	return tnz.SendResult{}, &tnz.UncertainSendError{MessageID: msg.CommonPart().MessageID, Err: errors.New("connection reset after the body was written")}
}

// Before the provider is configured (its configuration known only at
// apply), refresh keeps the state rather than calling TNZ.
func TestReadWithoutProviderDataKeepsState(t *testing.T) {
	ctx := context.Background()
	api := &fakeAPI{status: &tnz.Status{JobStatus: tnz.JobCompleted}}
	plan := smsPlan(t, "hi", "+6421000001")
	created := resource.CreateResponse{State: tfsdk.State{Schema: plan.Schema}}
	newSMS(api).Create(ctx, resource.CreateRequest{Plan: plan}, &created)

	unconfigured := NewSMSResource().(*sendResource[smsModel, *smsModel])
	read := resource.ReadResponse{State: created.State}
	unconfigured.Read(ctx, resource.ReadRequest{State: created.State}, &read)
	if read.Diagnostics.HasError() || !read.State.Raw.Equal(created.State.Raw) {
		t.Fatalf("state changed or errors: %v", read.Diagnostics)
	}
}

// Destroy of a delayed message aborts it; a failed abort forgets the message
// only when TNZ no longer holds it for later.
func TestDeleteAbortsDelayedMessages(t *testing.T) {
	ctx := context.Background()
	unauthorized := &tnz.APIError{StatusCode: 401, Result: "Unauthorized"}
	cases := []struct {
		name        string
		abortErr    error
		statusAfter string
		wantError   bool
		wantWarning bool
	}{
		{name: "aborted", statusAfter: tnz.JobDelayed},
		{name: "already sent", abortErr: &tnz.APIError{StatusCode: 400}, statusAfter: tnz.JobCompleted, wantWarning: true},
		{name: "gone", abortErr: &tnz.APIError{StatusCode: 404, Result: "RecordNotFound"}, statusAfter: tnz.JobDelayed, wantWarning: true},
		{name: "refused while still delayed", abortErr: unauthorized, statusAfter: tnz.JobDelayed, wantError: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			api := &fakeAPI{status: &tnz.Status{JobStatus: tnz.JobDelayed}}
			plan := smsPlan(t, "hi", "+6421000001")
			created := resource.CreateResponse{State: tfsdk.State{Schema: plan.Schema}}
			newSMS(api).Create(ctx, resource.CreateRequest{Plan: plan}, &created)
			api.abortErr, api.status = c.abortErr, &tnz.Status{JobStatus: c.statusAfter}
			resp := resource.DeleteResponse{State: created.State}
			newSMS(api).Delete(ctx, resource.DeleteRequest{State: created.State}, &resp)
			if api.aborted != 1 || resp.Diagnostics.HasError() != c.wantError || (resp.Diagnostics.WarningsCount() == 1) != c.wantWarning {
				t.Errorf("aborted %d times, diagnostics %v", api.aborted, resp.Diagnostics)
			}
		})
	}
}

// A bad destination among good ones is a warning at plan, not an error.
func TestModifyPlanWarnsOnOneBadDestination(t *testing.T) {
	ctx := context.Background()
	plan := smsPlan(t, "hi", "+6421000001", "not-a-number")
	resp := resource.ModifyPlanResponse{Plan: plan}
	state := tfsdk.State{Schema: plan.Schema, Raw: tftypes.NewValue(plan.Schema.Type().TerraformType(ctx), nil)}
	newSMS(&fakeAPI{}).ModifyPlan(ctx, resource.ModifyPlanRequest{Plan: plan, State: state, Config: tfsdk.Config(plan)}, &resp)
	if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 {
		t.Fatalf("want one warning, got %v", resp.Diagnostics)
	}
	w := resp.Diagnostics.Warnings()[0].(diag.DiagnosticWithPath)
	if !w.Path().Equal(path.Root("recipients").AtListIndex(1)) || !strings.Contains(w.Summary(), "Destination 2") {
		t.Errorf("warning %q at %v", w.Summary(), w.Path())
	}
}
