package provider

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

func newBase(api messageAPI) *sendBase {
	return &sendBase{data: &providerData{api: api, reportTo: "reports@example.com", resendUnconfirmedAfter: time.Minute, now: time.Now}}
}

// The provider's report_to goes only to channels whose requests have
// ReportTo: the client refuses it on the others.
func TestReportToDefaultFollowsTheChannel(t *testing.T) {
	for _, c := range []struct {
		msg  tnz.Message
		want string
	}{
		{&tnz.SMSMessage{Message: "hi"}, "reports@example.com"},
		{&tnz.TTSMessage{}, "reports@example.com"},
		{&tnz.WhatsAppMessage{Message: "hi"}, ""},
		{&tnz.RCSMessage{Message: "hi"}, ""},
		{&tnz.WorkflowMessage{}, ""},
	} {
		api := &fakeAPI{status: &tnz.Status{JobStatus: tnz.JobPending}}
		var diags diag.Diagnostics
		if _, ok := newBase(api).send(context.Background(), c.msg, sendPaths{}, &diags); !ok || diags.HasError() {
			t.Fatalf("%s: send failed: %v", c.msg.Channel(), diags)
		}
		if got := api.sent[0].CommonPart().ReportTo; got != c.want {
			t.Errorf("%s: ReportTo = %q, want %q", c.msg.Channel(), got, c.want)
		}
	}
}

// A channel without a status endpoint is never asked for one: not after a
// send, not on refresh, not on import; and an unconfirmed send of it is
// kept however old, with a warning that says how to settle it.
func TestNoStatusChannelAsksNothing(t *testing.T) {
	ctx := context.Background()
	api := &fakeAPI{statusErr: errors.New("fakeAPI: no status read expected")}
	b := newBase(api)

	var diags diag.Diagnostics
	s, ok := b.send(ctx, &tnz.WorkflowMessage{WorkflowTemplateID: "123e4567-e89b-12d3-a456-426614174000"}, sendPaths{}, &diags)
	if !ok || diags.HasError() || len(diags) != 0 || !s.known.confirmed {
		t.Fatalf("send: ok %v, confirmed %v, %v", ok, s.known.confirmed, diags)
	}
	if got := s.status.Attributes(); len(got) != 2 || !got["confirmed"].Equal(types.BoolValue(true)) {
		t.Errorf("status %v, want only confirmed and submitted_time", got)
	}

	long := time.Now().Add(-time.Hour).UTC().Format(time.RFC3339)
	unconfirmed := statusValue(tnz.Workflow, nil, sendStatus{submitted: long})
	diags = nil
	refreshed, keep := b.refresh(ctx, tnz.Workflow, "wf1", unconfirmed, true, &diags)
	if !keep || !refreshed.Equal(unconfirmed) {
		t.Errorf("refresh dropped or changed an unconfirmed workflow send: keep %v, %v", keep, refreshed)
	}
	if len(diags) != 1 || diags[0].Summary() != summaryUnconfirmedNoStatus || !strings.Contains(diags[0].Detail(), "TNZ Dashboard") {
		t.Errorf("refresh diagnostics %v, want the one warning to check the TNZ Dashboard", diags)
	}

	diags = nil
	if _, keep := b.refresh(ctx, tnz.Workflow, "wf1", statusValue(tnz.Workflow, nil, sendStatus{confirmed: true, submitted: long}), true, &diags); !keep || len(diags) != 0 {
		t.Errorf("refresh of a confirmed workflow send: keep %v, %v", keep, diags)
	}

	diags = nil
	adopted, keep := b.adopt(ctx, tnz.Workflow, "wf2", &diags)
	if !keep || !adopted.Attributes()["confirmed"].Equal(types.BoolValue(true)) || len(diags) != 1 || diags[0].Summary() != summaryImportUnverified {
		t.Errorf("adopt: keep %v, %v, %v", keep, adopted, diags)
	}
	if api.statusReads != 0 {
		t.Errorf("%d status reads of a channel without a status", api.statusReads)
	}
}

// An uncertain workflow send is kept unconfirmed, with a warning that says
// it is never re-sent unasked and how to settle it.
func TestUncertainSendWithoutStatus(t *testing.T) {
	api := &fakeAPI{sendErr: &tnz.UncertainSendError{MessageID: "wf1", Err: errors.New("connection reset")}}
	var diags diag.Diagnostics
	s, ok := newBase(api).send(context.Background(), &tnz.WorkflowMessage{}, sendPaths{}, &diags)
	if !ok || s.known.confirmed || diags.HasError() {
		t.Fatalf("ok %v, confirmed %v, %v", ok, s.known.confirmed, diags)
	}
	if len(diags) != 1 || !strings.Contains(diags[0].Detail(), "never sends it again unasked") || strings.Contains(diags[0].Detail(), "resend_unconfirmed_after") {
		t.Errorf("diagnostics %v", diags)
	}
}

// The in-place changes: by channel (the action must exist), job status and
// value; everything else replaces the message.
func TestReplacementInPlaceChanges(t *testing.T) {
	n := func(v int64) attr.Value { return types.Int64Value(v) }
	s := func(v string) attr.Value { return types.StringValue(v) }
	cases := []struct {
		ch             tnz.Channel
		job, name      string
		prior, planned attr.Value
		replace        bool
	}{
		{tnz.TTS, tnz.JobPending, "number_of_operators", n(2), n(5), false},
		{tnz.Voice, tnz.JobDelayed, "number_of_operators", n(2), types.Int64Null(), false},
		{tnz.TTS, tnz.JobCompleted, "number_of_operators", n(2), n(5), true},
		{tnz.TTS, tnz.JobCreditHold, "number_of_operators", n(2), n(5), true},
		{tnz.TTS, tnz.JobPending, "number_of_operators", n(2), types.Int64Unknown(), true},
		{tnz.SMS, tnz.JobDelayed, "send_time", s("2030-01-01T09:00"), s("2030-01-02T09:00"), false},
		{tnz.WhatsApp, tnz.JobDelayed, "send_time", s("2030-01-01T09:00"), s("2030-01-02T09:00"), false},
		{tnz.SMS, tnz.JobPending, "send_time", s("2030-01-01T09:00"), s("2030-01-02T09:00"), true},
		{tnz.SMS, tnz.JobDelayed, "send_time", s("2030-01-01T09:00"), types.StringNull(), true},
		{tnz.Workflow, "", "send_time", s("2030-01-01T09:00"), s("2030-01-02T09:00"), true},
		// Channels without the action: Workflow has no reschedule, Email no pacing.
		{tnz.Workflow, tnz.JobDelayed, "send_time", s("2030-01-01T09:00"), s("2030-01-02T09:00"), true},
		{tnz.Email, tnz.JobPending, "number_of_operators", n(2), n(5), true},
		{tnz.TTS, tnz.JobPending, "message_to_people", s("a"), s("b"), true},
	}
	for _, c := range cases {
		got := replacement(c.ch, map[string]attr.Value{c.name: c.planned}, map[string]attr.Value{c.name: c.prior}, c.job)
		if want := c.replace; (len(got) == 1 && got[0].Equal(path.Root(c.name))) != want || (!want && len(got) != 0) {
			t.Errorf("%s %s: %s %v -> %v replaces %v, want %v", c.ch, c.job, c.name, c.prior, c.planned, got, want)
		}
	}
}

// paceTo sends the number asked for, or TNZ's default for null.
func TestPaceTo(t *testing.T) {
	api := &pacingAPI{}
	b := newBase(api)
	var diags diag.Diagnostics
	paceTo(b, context.Background(), tnz.TTS, "job1", operators(types.Int64Value(7)), &diags)
	paceTo(b, context.Background(), tnz.Voice, "job2", operators(types.Int64Null()), &diags)
	if diags.HasError() || len(api.paced) != 2 || api.paced[0] != 7 || api.paced[1] != tnz.MaxNumberOfOperators {
		t.Errorf("paced %v, %v", api.paced, diags)
	}
	api.err = errors.New("Message has already been sent; NumberOfOperators cannot be changed")
	paceTo(b, context.Background(), tnz.TTS, "job1", operators(types.Int64Value(3)), &diags)
	if diags.ErrorsCount() != 1 || diags.Errors()[0].Summary() != summaryPacingFailed {
		t.Errorf("a refused pacing: %v", diags)
	}
}

// operators are planned values with number_of_operators n.
func operators(n types.Int64) map[string]attr.Value {
	return map[string]attr.Value{"number_of_operators": n}
}

type pacingAPI struct {
	fakeAPI
	paced []int
	err   error
}

func (p *pacingAPI) Pacing(_ context.Context, _ tnz.Channel, _ string, n int) (tnz.ActionResult, error) {
	if p.err != nil {
		return tnz.ActionResult{}, p.err
	}
	p.paced = append(p.paced, n)
	return tnz.ActionResult{}, nil
}

// checkVersion: a channel the version lacks is one error on the resource;
// fields the channel lacks are errors on their attributes.
func TestCheckVersionChannels(t *testing.T) {
	whatsapp := &tnz.WhatsAppMessage{Message: "hi"}
	whatsapp.ReportTo = "reports@example.com"
	workflow := &tnz.WorkflowMessage{}
	workflow.ReportTo, workflow.TemplateID, workflow.TestMode = "reports@example.com", "123e4567-e89b-12d3-a456-426614174000", true
	cases := []struct {
		msg      tnz.Message
		version  string
		summarys []string
	}{
		{whatsapp, tnz.V204, []string{summaryChannelVersion(tnz.WhatsApp)}},
		{workflow, tnz.V202, []string{summaryChannelVersion(tnz.Workflow)}},
		{whatsapp, tnz.V300, []string{summaryChannelField("report_to", tnz.WhatsApp)}},
		{workflow, tnz.V300, []string{
			summaryChannelField("report_to", tnz.Workflow), summaryChannelField("template_id", tnz.Workflow), summaryChannelField("test_mode", tnz.Workflow),
		}},
	}
	for _, c := range cases {
		var diags diag.Diagnostics
		checkVersion(c.msg, c.version, sendPaths{}, &diags)
		var got []string
		for _, d := range diags.Errors() {
			got = append(got, d.Summary())
			if channelFieldAdvice[strings.Fields(d.Summary())[0]] == "" && !strings.Contains(d.Detail(), c.version) {
				t.Errorf("%s on %s: %q says neither what to do instead nor the version", c.msg.Channel(), c.version, d.Detail())
			}
		}
		if strings.Join(got, "|") != strings.Join(c.summarys, "|") {
			t.Errorf("%s on %s: %q, want %q", c.msg.Channel(), c.version, got, c.summarys)
		}
	}
}

// A required field is met by a value, or by one that is unknown until
// apply; blank is not a value.
func TestCheckRequired(t *testing.T) {
	cases := []struct {
		model channelModel
		want  []string
	}{
		{&whatsappModel{Message: types.StringValue("hi"), FromNumber: types.StringUnknown()}, []string{"template_id"}},
		{&rcsModel{Message: types.StringValue(" ")}, []string{"message"}},
		{&rcsModel{commonModel: commonModel{TemplateID: types.StringValue("123e4567-e89b-12d3-a456-426614174000")}}, nil},
		{&workflowModel{}, []string{"workflow_template_id"}},
		{&smsModel{}, nil}, // SMS's content is a documented rejection row instead
	}
	for _, c := range cases {
		var diags diag.Diagnostics
		checkRequired(c.model, &diags)
		var got []string
		for _, d := range diags.Errors() {
			got = append(got, d.(diag.DiagnosticWithPath).Path().String())
		}
		if strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("%T: errors on %v, want %v", c.model, got, c.want)
		}
	}
}
