package provider

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tnz-community/terraform-provider-tnz/internal/rejection"
	"github.com/tnz-community/terraform-provider-tnz/internal/sandbox"
	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// The send actions through the plugin protocol, as Terraform 1.14 and
// later drive them: GetProviderSchema, ConfigureProvider, then
// ValidateActionConfig, PlanAction and InvokeAction (a stream of progress
// events and one completion event), against the sandbox. No Terraform CLI
// is involved, so these run with any Terraform on PATH.

// actionServer is a provider server configured for sb, with the action
// schemas it reports.
type actionServer struct {
	t       *testing.T
	server  actionProviderServer
	schemas map[string]*tfprotov6.ActionSchema
}

// actionProviderServer is a provider server with the action RPCs.
type actionProviderServer interface {
	tfprotov6.ProviderServer
	tfprotov6.ActionServer
}

func newActionServer(t *testing.T, p *tnzProvider, sb *sandbox.Running) *actionServer {
	t.Helper()
	ctx := context.Background()
	server, err := providerserver.NewProtocol6WithError(p)()
	if err != nil {
		t.Fatal(err)
	}
	schema, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || hasErrors(schema.Diagnostics) {
		t.Fatalf("GetProviderSchema: %v %v", err, schema.Diagnostics)
	}
	config := dynamicValue(t, schema.Provider.ValueType(), fmt.Sprintf(`{"base_url": %q, "auth_token": %q}`, sb.URL, sandbox.DefaultToken))
	configured, err := server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{TerraformVersion: "1.14.0", Config: config})
	if err != nil || hasErrors(configured.Diagnostics) {
		t.Fatalf("ConfigureProvider: %v %v", err, configured.Diagnostics)
	}
	withActions, ok := server.(actionProviderServer)
	if !ok {
		t.Fatalf("%T serves no actions", server)
	}
	return &actionServer{t: t, server: withActions, schemas: schema.ActionSchemas}
}

// config is an action's configuration written as JSON (absent attributes
// are null), with the attributes named in unknown unknown.
func (s *actionServer) config(actionType, json string, unknown ...string) *tfprotov6.DynamicValue {
	s.t.Helper()
	schema, ok := s.schemas[actionType]
	if !ok {
		s.t.Fatalf("no action schema %s", actionType)
	}
	typ := schema.Schema.ValueType()
	v, err := tfprotov6.DynamicValue{JSON: []byte(json)}.Unmarshal(typ)
	if err != nil {
		s.t.Fatalf("%s config %s: %v", actionType, json, err)
	}
	v, err = tftypes.Transform(v, func(p *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if len(p.Steps()) == 1 && slices.Contains(unknown, string(p.Steps()[0].(tftypes.AttributeName))) {
			return tftypes.NewValue(v.Type(), tftypes.UnknownValue), nil
		}
		return v, nil
	})
	if err != nil {
		s.t.Fatal(err)
	}
	dv, err := tfprotov6.NewDynamicValue(typ, v)
	if err != nil {
		s.t.Fatal(err)
	}
	return &dv
}

func (s *actionServer) validate(actionType string, config *tfprotov6.DynamicValue) []*tfprotov6.Diagnostic {
	s.t.Helper()
	resp, err := s.server.ValidateActionConfig(context.Background(), &tfprotov6.ValidateActionConfigRequest{ActionType: actionType, Config: config})
	if err != nil {
		s.t.Fatal(err)
	}
	return resp.Diagnostics
}

func (s *actionServer) plan(actionType string, config *tfprotov6.DynamicValue) []*tfprotov6.Diagnostic {
	s.t.Helper()
	resp, err := s.server.PlanAction(context.Background(), &tfprotov6.PlanActionRequest{ActionType: actionType, Config: config})
	if err != nil {
		s.t.Fatal(err)
	}
	return resp.Diagnostics
}

// invoke runs the action and returns its progress messages and the
// diagnostics of its one completion event, which must come last.
func (s *actionServer) invoke(actionType string, config *tfprotov6.DynamicValue) (progress []string, diags []*tfprotov6.Diagnostic) {
	s.t.Helper()
	stream, err := s.server.InvokeAction(context.Background(), &tfprotov6.InvokeActionRequest{ActionType: actionType, Config: config})
	if err != nil {
		s.t.Fatal(err)
	}
	completed := 0
	for event := range stream.Events {
		if completed > 0 {
			s.t.Fatalf("an event after the completion event: %#v", event.Type)
		}
		switch e := event.Type.(type) {
		case tfprotov6.ProgressInvokeActionEventType:
			progress = append(progress, e.Message)
		case tfprotov6.CompletedInvokeActionEventType:
			completed++
			diags = e.Diagnostics
		}
	}
	if completed != 1 {
		s.t.Fatalf("%d completion events, want 1", completed)
	}
	return progress, diags
}

// dynamicValue is json as a value of typ (absent attributes are null).
func dynamicValue(t *testing.T, typ tftypes.Type, json string) *tfprotov6.DynamicValue {
	t.Helper()
	v, err := tfprotov6.DynamicValue{JSON: []byte(json)}.Unmarshal(typ)
	if err != nil {
		t.Fatal(err)
	}
	dv, err := tfprotov6.NewDynamicValue(typ, v)
	if err != nil {
		t.Fatal(err)
	}
	return &dv
}

func hasErrors(diags []*tfprotov6.Diagnostic) bool {
	return slices.ContainsFunc(diags, func(d *tfprotov6.Diagnostic) bool { return d.Severity == tfprotov6.DiagnosticSeverityError })
}

// only returns the diagnostics of severity.
func only(severity tfprotov6.DiagnosticSeverity, diags []*tfprotov6.Diagnostic) []*tfprotov6.Diagnostic {
	var out []*tfprotov6.Diagnostic
	for _, d := range diags {
		if d.Severity == severity {
			out = append(out, d)
		}
	}
	return out
}

func describe(diags []*tfprotov6.Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		fmt.Fprintf(&b, "\n  %s: %s (%s) at %v", d.Severity, d.Summary, d.Detail, d.Attribute)
	}
	return b.String()
}

// expectRejection asserts one error, with summary, at attribute.
func expectRejection(t *testing.T, step string, diags []*tfprotov6.Diagnostic, summary, attribute string) {
	t.Helper()
	errs := only(tfprotov6.DiagnosticSeverityError, diags)
	want := tftypes.NewAttributePath().WithAttributeName(attribute)
	if len(errs) != 1 || errs[0].Summary != summary || !errs[0].Attribute.Equal(want) {
		t.Errorf("%s: want one error %q at %s, got:%s", step, summary, attribute, describe(diags))
	}
}

// actionCase is one valid message and one documented rejection per channel.
type actionCase struct {
	channel  tnz.Channel
	valid    string
	rejected string
	row      *rejection.Row
	at       string
}

var actionCases = []actionCase{
	{
		channel:  tnz.SMS,
		valid:    `{"recipients": ["+6421000001"], "message": "Release v1.4.2 is live"}`,
		rejected: `{"recipients": ["+6421000001"], "message": ""}`,
		row:      rejection.MissingMessage, at: "message",
	},
	{
		channel:  tnz.Email,
		valid:    `{"recipients": ["ops@example.com"], "email_subject": "Release v1.4.2", "message_plain": "Release v1.4.2 is live."}`,
		rejected: `{"recipients": ["ops@example.com"], "email_subject": "Release v1.4.2", "message_plain": ""}`,
		row:      rejection.MissingEmailBody, at: "message_plain",
	},
	{
		channel:  tnz.Fax,
		valid:    `{"recipients": ["09 500 6000"], "files": [{"name": "notes.txt", "content": "cmVsZWFzZSBub3Rlcw=="}]}`,
		rejected: `{"recipients": ["09 500 6000"]}`,
		row:      rejection.MissingFaxContents, at: "files",
	},
	{
		channel:  tnz.TTS,
		valid:    `{"recipients": ["+6495006000"], "message_to_people": "Release v1.4.2 is live."}`,
		rejected: `{"recipients": ["+6495006000"], "message_to_people": ""}`,
		row:      rejection.MissingMessageToPeople, at: "message_to_people",
	},
	{
		channel:  tnz.Voice,
		valid:    `{"recipients": ["+6495006000"], "message_to_people": "UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQAAAAA="}`,
		rejected: `{"recipients": ["+6495006000"]}`,
		row:      rejection.MissingMessageToPeople, at: "message_to_people",
	},
}

func actionType(ch tnz.Channel) string { return "tnz_send_" + string(ch) }

// The action schemas are the send resources' attributes but those that
// only make sense in state, plus timeout: same names, same types (but the
// computed sha256 of files), same descriptions for content.
func TestActionSchemas(t *testing.T) {
	server, err := providerserver.NewProtocol6WithError(New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	schema, err := server.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || hasErrors(schema.Diagnostics) {
		t.Fatalf("GetProviderSchema: %v %v", err, schema.Diagnostics)
	}
	if len(schema.ActionSchemas) != len(channelSpecs) {
		t.Errorf("%d action schemas, want one per send resource (%d)", len(schema.ActionSchemas), len(channelSpecs))
	}
	for _, spec := range channelSpecs {
		ch := spec.channel
		as, ok := schema.ActionSchemas[actionType(ch)]
		if !ok {
			t.Errorf("the send resource tnz_%s has no action %s: add one (send_action.go, and Actions in provider.go)", ch, actionType(ch))
			continue
		}
		resourceAttrs := map[string]*tfprotov6.SchemaAttribute{}
		for _, a := range schema.ResourceSchemas["tnz_"+string(ch)].Block.Attributes {
			resourceAttrs[a.Name] = a
		}
		var names []string
		for _, a := range as.Schema.Block.Attributes {
			names = append(names, a.Name)
			if a.Required || a.Computed || !a.Optional {
				t.Errorf("%s.%s must be optional only", actionType(ch), a.Name)
			}
			r, ok := resourceAttrs[a.Name]
			switch {
			case a.Name == "timeout":
			case !ok:
				t.Errorf("%s.%s is not an attribute of tnz_%s", actionType(ch), a.Name, ch)
			case a.Name != "files" && !a.ValueType().Equal(r.ValueType()):
				t.Errorf("%s.%s is %s, tnz_%s has %s", actionType(ch), a.Name, a.ValueType(), ch, r.ValueType())
			case a.Name == "message" && a.Description != r.Description:
				t.Errorf("%s.message is described %q, tnz_%s.message %q", actionType(ch), a.Description, ch, r.Description)
			case a.Name == "files":
				// The computed digest is state, which an action has none of.
				var nested []string
				for _, n := range a.NestedType.Attributes {
					nested = append(nested, n.Name)
					if n.Name == "path" && strings.Contains(n.Description, "state") {
						t.Errorf("%s.files.path speaks of state: %q", actionType(ch), n.Description)
					}
				}
				slices.Sort(nested)
				if !slices.Equal(nested, []string{"content", "name", "path"}) {
					t.Errorf("%s.files has %q, want content, name and path", actionType(ch), nested)
				}
			case slices.Contains([]string{"template", "message_id", "send_time", "wait_for"}, a.Name) && a.Description == r.Description:
				t.Errorf("%s.%s has the resource's description %q, which speaks of state", actionType(ch), a.Name, a.Description)
			}
		}
		for name, r := range resourceAttrs {
			computedOnly := r.Computed && !r.Optional // state an action has none of
			if !slices.Contains(names, name) && !slices.Contains(resourceOnly, name) && !computedOnly {
				t.Errorf("%s lacks tnz_%s.%s", actionType(ch), ch, name)
			}
		}
		for _, name := range resourceOnly {
			if slices.Contains(names, name) {
				t.Errorf("%s has %s, which only a resource has", actionType(ch), name)
			}
		}
	}
}

// Each channel: a valid message passes validation and planning, and one
// invocation sends it exactly once, reporting the id it was sent with.
func TestAction_sendsOnceEachChannel(t *testing.T) {
	for _, c := range actionCases {
		t.Run(string(c.channel), func(t *testing.T) {
			t.Parallel()
			sb := startSandbox(t, sandbox.Options{})
			s := newActionServer(t, New("test")().(*tnzProvider), sb)
			config := s.config(actionType(c.channel), c.valid)
			if diags := s.validate(actionType(c.channel), config); len(diags) > 0 {
				t.Fatalf("validate:%s", describe(diags))
			}
			if diags := s.plan(actionType(c.channel), config); len(diags) > 0 {
				t.Fatalf("plan:%s", describe(diags))
			}
			if got := len(sb.Server.Received()); got != 0 {
				t.Fatalf("validating and planning sent %d messages", got)
			}
			progress, diags := s.invoke(actionType(c.channel), config)
			if len(diags) > 0 {
				t.Fatalf("invoke:%s", describe(diags))
			}
			received := sb.Server.Received()
			if len(received) != 1 || received[0].Channel != string(c.channel) {
				t.Fatalf("the sandbox received %+v, want one %s message", received, c.channel)
			}
			want := progressSubmitted(c.channel, received[0].MessageID, true)
			if len(progress) != 1 || progress[0] != want {
				t.Errorf("progress %q, want [%q]", progress, want)
			}
		})
	}
}

// Each channel: a documented rejection is an error at its attribute when
// validating and again when planning; nothing is sent.
func TestAction_rejectedAtPlanEachChannel(t *testing.T) {
	for _, c := range actionCases {
		t.Run(string(c.channel), func(t *testing.T) {
			t.Parallel()
			sb := startSandbox(t, sandbox.Options{})
			s := newActionServer(t, New("test")().(*tnzProvider), sb)
			config := s.config(actionType(c.channel), c.rejected)
			expectRejection(t, "validate", s.validate(actionType(c.channel), config), c.row.Summary(1), c.at)
			expectRejection(t, "plan", s.plan(actionType(c.channel), config), c.row.Summary(1), c.at)
			if got := len(sb.Server.Received()); got != 0 {
				t.Errorf("the sandbox received %d messages, want 0", got)
			}
		})
	}
}

// A mistake behind a value unknown at plan passes planning, and is caught
// when the action is invoked with the final value, before anything is
// sent. Values still unknown at invoke are never sent either.
func TestAction_unknownAtPlanCaughtAtInvoke(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	s := newActionServer(t, New("test")().(*tnzProvider), sb)
	const sms = "tnz_send_sms"
	unknown := s.config(sms, `{"recipients": ["+6421000001"]}`, "message")
	if diags := s.validate(sms, unknown); len(diags) > 0 {
		t.Fatalf("validate:%s", describe(diags))
	}
	if diags := s.plan(sms, unknown); len(diags) > 0 {
		t.Fatalf("plan:%s", describe(diags))
	}
	progress, diags := s.invoke(sms, s.config(sms, `{"recipients": ["+6421000001"], "message": ""}`))
	expectRejection(t, "invoke", diags, rejection.MissingMessage.Summary(1), "message")
	if len(progress) > 0 {
		t.Errorf("progress %q for a message not sent", progress)
	}
	_, diags = s.invoke(sms, unknown)
	if errs := only(tfprotov6.DiagnosticSeverityError, diags); len(errs) != 1 || errs[0].Summary != summaryUnknownAtInvoke {
		t.Errorf("invoking with unknown values: want %q, got:%s", summaryUnknownAtInvoke, describe(diags))
	}
	if got := len(sb.Server.Received()); got != 0 {
		t.Errorf("the sandbox received %d messages, want 0", got)
	}
}

// With the provider's checks off, the mistake reaches the sandbox, whose
// rejection is mapped back to the attribute as the resource maps it.
func TestAction_serverRejectionAtAttribute(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	s := newActionServer(t, &tnzProvider{version: "test", serverChecksOnly: true}, sb)
	const sms = "tnz_send_sms"
	config := s.config(sms, `{"recipients": ["+6421000001"], "message": ""}`)
	if diags := s.plan(sms, config); len(diags) > 0 {
		t.Fatalf("plan with the checks off:%s", describe(diags))
	}
	progress, diags := s.invoke(sms, config)
	expectRejection(t, "invoke", diags, rejection.MissingMessage.Summary(1), "message")
	if errs := only(tfprotov6.DiagnosticSeverityError, diags); len(errs) == 1 && !strings.Contains(errs[0].Detail, "TNZ API answered HTTP 400") {
		t.Errorf("the error must quote the server's answer: %q", errs[0].Detail)
	}
	if len(progress) > 0 {
		t.Errorf("progress %q for a message not sent", progress)
	}
	if got := len(sb.Server.Received()); got != 0 {
		t.Errorf("the sandbox stored %d messages, want 0", got)
	}
}

// wait_for = "completed": the invocation reports the job's progress and
// then each destination's outcome, masked; one failed recipient among
// delivered ones is a warning, every recipient failed an error.
func TestAction_waitForCompletedWithFailedRecipient(t *testing.T) {
	cases := []struct {
		name       string
		recipients string
		failedAt   int // the failed destination's position
		severity   tfprotov6.DiagnosticSeverity
		outcomes   []string
	}{
		{
			name: "some failed", recipients: `["+6421000001", "+6421000099"]`, failedAt: 2, severity: tfprotov6.DiagnosticSeverityWarning,
			outcomes: []string{`destination 1 (+6421••••01): Success, Delivered`, `destination 2 (+6421••••99): Failed, Bad Number`},
		},
		{
			name: "all failed", recipients: `["+6421000099"]`, failedAt: 1, severity: tfprotov6.DiagnosticSeverityError,
			outcomes: []string{`destination 1 (+6421••••99): Failed, Bad Number`},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			// Each status read moves the sandbox's clock a minute on: the
			// job completes after a few polls.
			sb := startSandbox(t, sandbox.Options{Clock: &advancingClock{now: time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC), step: time.Minute}, CompletionDelay: 3 * time.Minute})
			s := newActionServer(t, New("test")().(*tnzProvider), sb)
			const sms = "tnz_send_sms"
			progress, diags := s.invoke(sms, s.config(sms, fmt.Sprintf(`{"recipients": %s, "message": "Release v1.4.2 is live", "wait_for": "completed", "timeout": "30s"}`, c.recipients)))
			received := sb.Server.Received()
			if len(received) != 1 {
				t.Fatalf("the sandbox received %d messages, want 1", len(received))
			}
			id := received[0].MessageID
			if len(diags) != 1 || diags[0].Severity != c.severity || diags[0].Summary != summaryRecipientFailed(c.failedAt, "+6421••••99") ||
				diags[0].Detail != detailRecipientFailed(sentByAction, id, "Bad Number", c.severity == tfprotov6.DiagnosticSeverityError) {
				t.Errorf("want one %s about the failed destination, got:%s", c.severity, describe(diags))
			}
			want := []string{progressSubmitted(tnz.SMS, id, true)}
			if !slices.Equal(progress[:min(1, len(progress))], want) {
				t.Errorf("first progress %q, want %q", progress, want)
			}
			jobs := 0
			for _, p := range progress {
				if strings.HasPrefix(p, fmt.Sprintf("Message %q: job ", id)) {
					jobs++
				}
			}
			completed := fmt.Sprintf("Message %q: job Completed, %d of %d destinations complete", id, len(c.outcomes), len(c.outcomes))
			if jobs < 2 || !slices.ContainsFunc(progress, func(p string) bool { return strings.HasPrefix(p, completed) }) {
				t.Errorf("want the job's progress up to %q, got %q", completed, progress)
			}
			var outcomes []string
			for _, p := range progress {
				if after, ok := strings.CutPrefix(p, fmt.Sprintf("Message %q: ", id)); ok && strings.HasPrefix(after, "destination ") {
					outcomes = append(outcomes, after)
				}
			}
			if !slices.Equal(outcomes, c.outcomes) {
				t.Errorf("destination outcomes %q, want %q", outcomes, c.outcomes)
			}
			for _, p := range progress {
				if strings.Contains(p, "+6421000099") || strings.Contains(p, "+6421000001") {
					t.Errorf("progress %q spells a destination out", p)
				}
			}
		})
	}
}

// An uncertain send is a warning naming the message id, which says how to
// look the message up; nothing waits for it and nothing sends it again.
func TestAction_uncertainSendWarns(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	var sentIDs []string
	p := &tnzProvider{version: "test", newAPI: func(tnz.Config) (messageAPI, error) {
		return &uncertainAPI{fakeAPI: &fakeAPI{}, onSend: func(m tnz.Message) { sentIDs = append(sentIDs, m.CommonPart().MessageID) }}, nil
	}}
	s := newActionServer(t, p, sb)
	const sms = "tnz_send_sms"
	progress, diags := s.invoke(sms, s.config(sms, `{"recipients": ["+6421000001"], "message": "hi", "wait_for": "completed"}`))
	if len(sentIDs) != 1 {
		t.Fatalf("submitted %d times, want once", len(sentIDs))
	}
	id := sentIDs[0]
	if len(diags) != 1 || diags[0].Severity != tfprotov6.DiagnosticSeverityWarning || diags[0].Summary != summaryUncertainSend ||
		!regexp.MustCompile(`tnz_message_status data source \(message_id = "`+id+`"\)`).MatchString(diags[0].Detail) {
		t.Errorf("want one warning naming message %s and the data source, got:%s", id, describe(diags))
	}
	if want := []string{progressSubmitted(tnz.SMS, id, false)}; !slices.Equal(progress, want) {
		t.Errorf("progress %q, want %q", progress, want)
	}
}

// Planning warns, in the action's terms, when wait_for = "completed"
// cannot see a scheduled message complete within timeout.
func TestAction_planWarnsWaitBeyondSendTime(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	s := newActionServer(t, New("test")().(*tnzProvider), sb)
	const sms = "tnz_send_sms"
	sendTime := time.Now().Add(72 * time.Hour).Format("2006-01-02T15:04")
	diags := s.plan(sms, s.config(sms, fmt.Sprintf(`{"recipients": ["+6421000001"], "message": "hi", "send_time": %q, "wait_for": "completed", "timeout": "1m"}`, sendTime)))
	want := detailWaitBeyondSendTime(sentByAction, sendTime, time.Minute)
	if len(diags) != 1 || diags[0].Severity != tfprotov6.DiagnosticSeverityWarning || diags[0].Detail != want ||
		!diags[0].Attribute.Equal(tftypes.NewAttributePath().WithAttributeName("wait_for")) {
		t.Errorf("want one warning at wait_for: %q, got:%s", want, describe(diags))
	}
}

// Without a configured provider (its configuration known only later),
// invoking sends nothing and says why.
func TestAction_invokeUnconfiguredSendsNothing(t *testing.T) {
	t.Parallel()
	server, err := providerserver.NewProtocol6WithError(New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	schema, err := server.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	s := &actionServer{t: t, server: server.(actionProviderServer), schemas: schema.ActionSchemas}
	_, diags := s.invoke("tnz_send_sms", s.config("tnz_send_sms", `{"recipients": ["+6421000001"], "message": "hi"}`))
	if errs := only(tfprotov6.DiagnosticSeverityError, diags); len(errs) != 1 || errs[0].Summary != summaryProviderNotConfigured {
		t.Errorf("want %q, got:%s", summaryProviderNotConfigured, describe(diags))
	}
}

// The SMS action checks cost as tnz_sms does: max_sms_parts fails it before
// anything is sent, and a message made UCS-2 by one emoji warns at plan.
func TestAction_smsCostChecked(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	s := newActionServer(t, New("test")().(*tnzProvider), sb)
	const sms = "tnz_send_sms"
	long := strings.Repeat("All hosts deployed. ", 9) // 180 GSM-7 characters: 2 parts
	guarded := s.config(sms, fmt.Sprintf(`{"recipients": ["+6421000001"], "message": %q, "max_sms_parts": 1}`, long))
	expectRejection(t, "validate", s.validate(sms, guarded), summaryTooManyParts(2, 1), "max_sms_parts")
	if _, diags := s.invoke(sms, guarded); !hasErrors(diags) {
		t.Errorf("invoke with too many parts: %s", describe(diags))
	}
	emoji := s.config(sms, fmt.Sprintf(`{"recipients": ["+6421000001"], "message": %q}`, strings.Repeat("Deploy finished on every host. ", 3)+"✅"))
	warnings := only(tfprotov6.DiagnosticSeverityWarning, s.plan(sms, emoji))
	if len(warnings) != 1 || warnings[0].Summary != `Message is sent as UCS-2 because of "✅"` {
		t.Errorf("want the UCS-2 warning, got:%s", describe(warnings))
	}
	if got := len(sb.Server.Received()); got != 0 {
		t.Errorf("the sandbox received %d messages, want 0", got)
	}
}
