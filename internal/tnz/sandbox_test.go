package tnz_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/tnz-community/terraform-provider-tnz/internal/sandbox"
	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// The client and the sandbox are written independently from TNZ's
// documentation; here they meet for WhatsApp, RCS and Workflow: what the
// client sends the sandbox accepts, and what the sandbox answers the
// client reads.
func TestV3OnlyChannelsAgainstSandbox(t *testing.T) {
	ctx := context.Background()
	clock := sandbox.NewManualClock(time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC))
	srv := sandbox.New(sandbox.Options{Clock: clock})
	ts := httptest.NewServer(srv)
	defer ts.Close()
	c, err := tnz.New(tnz.Config{BaseURL: ts.URL, AuthToken: sandbox.DefaultToken})
	if err != nil {
		t.Fatal(err)
	}
	const template = "123e4567-e89b-12d3-a456-426614174000"

	// WhatsApp to a number with WhatsApp and one without, falling back to SMS.
	wa := &tnz.WhatsAppMessage{
		Common: tnz.Common{MessageID: "WA1", TemplateID: template, Destinations: []tnz.Destination{
			{Recipient: "021 000 001", FirstName: "Ana"}, {Recipient: "+6421000097"},
		}},
		Message: "Hi [[FirstName]]", FromNumber: "+6495006000", FallbackMode: "SMS",
	}
	rcs := &tnz.RCSMessage{
		Common:  tnz.Common{MessageID: "RCS1", Destinations: []tnz.Destination{{Recipient: "+14155550100"}}},
		Message: "Hi", FallbackMode: "WhatsApp",
	}
	wf := &tnz.WorkflowMessage{
		Common: tnz.Common{MessageID: "WF1", Destinations: []tnz.Destination{
			{Recipient: "ana@example.com", ToNumber: "+6421000001", MainPhone: "+6495005000"},
		}},
		WorkflowTemplateID: "a1b2c3d4-e5f6-4890-9234-567890abcdef",
	}
	for _, msg := range []tnz.Message{wa, rcs, wf} {
		if res, err := c.Send(ctx, msg); err != nil || res.MessageID != msg.CommonPart().MessageID {
			t.Fatalf("%s: %+v, %v", msg.Channel(), res, err)
		}
	}
	clock.Advance(sandbox.DefaultCompletionDelay)

	st, err := c.Status(ctx, tnz.WhatsApp, "WA1")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range st.Recipients {
		got = append(got, r.Type+" "+r.Status+" "+r.Result)
	}
	if want := []string{"WhatsApp Success Delivered", "SMS Success Delivered"}; st.JobStatus != tnz.JobCompleted || !slices.Equal(got, want) {
		t.Errorf("WhatsApp status %s %q, want Completed %q", st.JobStatus, got, want)
	}
	if st, err := c.Status(ctx, tnz.RCS, "RCS1"); err != nil || st.Success != 1 || st.Recipients[0].Type != "RCS" {
		t.Errorf("RCS status %+v, %v", st, err)
	}
	if _, err := c.Status(ctx, tnz.Workflow, "WF1"); !errors.Is(err, tnz.ErrNoStatus) {
		t.Errorf("Workflow status: %v, want ErrNoStatus", err)
	}

	if err := srv.InjectReplyOn("whatsapp", "WA1", "+6421000001", "YES"); err != nil {
		t.Fatal(err)
	}
	in, err := c.Received(ctx, tnz.WhatsApp, tnz.ReceivedQuery{TimePeriod: 5})
	if err != nil || len(in) != 1 || in[0].MessageID != "WA1" || in[0].MessageText != "YES" || in[0].From != "+6421000001" {
		t.Errorf("WhatsApp received %+v, %v", in, err)
	}
	if in, err := c.Received(ctx, tnz.SMS, tnz.ReceivedQuery{TimePeriod: 5}); err != nil || len(in) != 0 {
		t.Errorf("SMS received %+v, %v; the WhatsApp reply is not an SMS", in, err)
	}

	// The client leaves WhatsApp's required fields to the provider's plan;
	// the sandbox refuses a message without them, and nothing is stored.
	bare := &tnz.WhatsAppMessage{Common: tnz.Common{Destinations: []tnz.Destination{{Recipient: "+6421000001"}}}, Message: "Hi"}
	_, err = c.Send(ctx, bare)
	var apiErr *tnz.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 400 ||
		!slices.Equal(apiErr.Messages, []string{"Missing required field: TemplateID", "Missing required field: FromNumber"}) {
		t.Errorf("send without TemplateID and FromNumber: %v", err)
	}
	var channels []string
	for _, r := range srv.Received() {
		channels = append(channels, r.Channel)
	}
	if want := []string{"whatsapp", "rcs", "workflow"}; !slices.Equal(channels, want) {
		t.Errorf("the sandbox stored %q, want %q", channels, want)
	}
}
