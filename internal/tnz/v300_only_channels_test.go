package tnz

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
)

// WhatsApp, RCS and Workflow: API v3.00 only, Workflow without a status,
// and the shared fields these channels lack. Golden bodies are in
// v300_channels_test.go, OpenAPI conformance in conformance_test.go.

func TestChannelFacts(t *testing.T) {
	for _, tc := range []struct {
		ch                  Channel
		title               string
		v2, status, receive bool
	}{
		{SMS, "SMS", true, true, true},
		{Email, "Email", true, true, false},
		{Fax, "Fax", true, true, false},
		{TTS, "TTS", true, true, false},
		{Voice, "Voice", true, true, false},
		{WhatsApp, "WhatsApp", false, true, true},
		{RCS, "RCS", false, true, true},
		{Workflow, "Workflow", false, false, false},
	} {
		if got := tc.ch.Title(); got != tc.title {
			t.Errorf("%s.Title() = %q, want %q", tc.ch, got, tc.title)
		}
		for _, v := range []string{V204, V203, V202, V201} {
			if got := tc.ch.SupportedBy(v); got != tc.v2 {
				t.Errorf("%s.SupportedBy(%s) = %v, want %v", tc.ch, v, got, tc.v2)
			}
		}
		if !tc.ch.SupportedBy(V300) {
			t.Errorf("%s is not supported by %s", tc.ch, V300)
		}
		if got := tc.ch.HasStatus(); got != tc.status {
			t.Errorf("%s.HasStatus() = %v, want %v", tc.ch, got, tc.status)
		}
		if got := tc.ch.HasReceived(); got != tc.receive {
			t.Errorf("%s.HasReceived() = %v, want %v", tc.ch, got, tc.receive)
		}
	}
	if len(Channels) != 8 {
		t.Errorf("Channels = %v, want the eight channels", Channels)
	}
}

// Lacks names the fields Unsupported reports as ChannelLacks, and only those.
func TestChannelLacks(t *testing.T) {
	lacks := map[Channel][]string{
		WhatsApp: {"ReportTo"},
		RCS:      {"ReportTo"},
		Workflow: {"ReportTo", "TemplateID", "Mode"},
	}
	for _, ch := range Channels {
		for _, field := range []string{"ReportTo", "TemplateID", "Mode", "ToNumber", "EmailAddress", "MainPhone", "Reference", "Destinations"} {
			want := slices.Contains(lacks[ch], field) || ch != Workflow && slices.Contains(workflowAddresses, field)
			if got := ch.Lacks(field); got != want {
				t.Errorf("%s.Lacks(%q) = %v, want %v", ch, field, got, want)
			}
		}
	}
	// The rule Unsupported applies is the same one.
	msg := &WorkflowMessage{Common: Common{ReportTo: "ops@example.com", TemplateID: fixtureTemplate, TestMode: true}}
	reported := Unsupported(V300, msg)
	if len(reported) != 3 {
		t.Errorf("Unsupported(%s, workflow) = %+v, want ReportTo, TemplateID and Mode", V300, reported)
	}
	for _, u := range reported {
		if !u.ChannelLacks || !Workflow.Lacks(u.Field) {
			t.Errorf("Unsupported reports %+v, which Workflow.Lacks does not", u)
		}
	}
}

// v3OnlyMessages are a minimal message of each v3-only channel.
func v3OnlyMessages() []Message {
	return []Message{minimalWhatsApp(), minimalRCS(), minimalWorkflow()}
}

// On v2.0x every call about a v3-only channel is refused before it is
// made, and Unsupported reports the channel itself, alone.
func TestV3OnlyChannelsRefusedOnV2BeforeAnyCall(t *testing.T) {
	ctx := context.Background()
	for _, version := range v2Versions {
		for _, msg := range v3OnlyMessages() {
			ch := msg.Channel()
			t.Run(version+"/"+string(ch), func(t *testing.T) {
				// A message that also sets fields v2 lacks: the channel is
				// what matters, and the only entry.
				msg.CommonPart().NotificationType = "Email"
				if got := Unsupported(version, msg); !slices.Equal(got, []UnsupportedField{{Destination: -1}}) {
					t.Errorf("Unsupported = %+v, want the channel alone", got)
				}
				srv := newCaptureServer(t, http.StatusOK, v2SendAnswer)
				c := newV2Client(t, srv.URL, version)
				calls := map[string]error{}
				_, calls["send"] = c.Send(ctx, msg)
				_, calls["status"] = c.Status(ctx, ch, "ID1")
				_, calls["job status"] = c.JobStatus(ctx, ch, "ID1")
				_, calls["abort"] = c.Abort(ctx, ch, "ID1")
				_, calls["reschedule"] = c.Reschedule(ctx, ch, "ID1", "2026-08-12T12:00")
				_, calls["received"] = c.Received(ctx, ch, ReceivedQuery{TimePeriod: 5})
				for name, err := range calls {
					want := ch.Title() + " messages are only supported by API v3.00, not " + version
					if err == nil || !strings.Contains(err.Error(), want) {
						t.Errorf("%s: err = %v, want it to say %q", name, err, want)
					}
				}
				if n := len(srv.captured()); n != 0 {
					t.Errorf("server received %d requests, want none", n)
				}
			})
		}
	}
}

// What a channel lacks on every version is refused on v3.00 too, before
// any call, and Unsupported reports it as the channel's.
func TestChannelLacksRefusedBeforeAnyCall(t *testing.T) {
	whatsAppReport := minimalWhatsApp()
	whatsAppReport.ReportTo = "reports@example.com"
	rcsReport := minimalRCS()
	rcsReport.ReportTo = "reports@example.com"
	workflowReport := minimalWorkflow()
	workflowReport.ReportTo = "reports@example.com"
	workflowTemplate := minimalWorkflow()
	workflowTemplate.TemplateID = fixtureTemplate
	workflowTest := minimalWorkflow()
	workflowTest.TestMode = true
	smsAddresses := minimalSMS()
	smsAddresses.Destinations = append(smsAddresses.Destinations, Destination{EmailAddress: "a@example.com", MainPhone: "+6495005000"})
	for _, tc := range []struct {
		name string
		msg  Message
		want []UnsupportedField
		text []string
	}{
		{"WhatsApp ReportTo", whatsAppReport, []UnsupportedField{{Field: "ReportTo", Destination: -1, ChannelLacks: true}},
			[]string{"WhatsApp messages have no ReportTo on any API version", "NotificationType or WebhookCallbackURL"}},
		{"RCS ReportTo", rcsReport, []UnsupportedField{{Field: "ReportTo", Destination: -1, ChannelLacks: true}},
			[]string{"RCS messages have no ReportTo"}},
		{"Workflow ReportTo", workflowReport, []UnsupportedField{{Field: "ReportTo", Destination: -1, ChannelLacks: true}},
			[]string{"Workflow messages have no ReportTo"}},
		{"Workflow TemplateID", workflowTemplate, []UnsupportedField{{Field: "TemplateID", Destination: -1, ChannelLacks: true}},
			[]string{"Workflow messages have no TemplateID", "WorkflowTemplateID"}},
		{"Workflow test mode", workflowTest, []UnsupportedField{{Field: "Mode", Destination: -1, ChannelLacks: true}},
			[]string{"Workflow messages have no Mode", "would run live"}},
		{"SMS destination addresses by kind", smsAddresses, []UnsupportedField{
			{Field: "EmailAddress", Destination: 1, ChannelLacks: true},
			{Field: "MainPhone", Destination: 1, ChannelLacks: true},
		}, []string{"destination 2 sets EmailAddress, which only Workflow destinations have", "Recipient"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, version := range []string{V300, V204} {
				if !tc.msg.Channel().SupportedBy(version) {
					continue
				}
				if got := Unsupported(version, tc.msg); !slices.Equal(got, tc.want) {
					t.Errorf("Unsupported(%s) = %+v, want %+v", version, got, tc.want)
				}
			}
			srv := newCaptureServer(t, http.StatusOK, specSendAnswer)
			_, err := newTestClient(t, srv.URL).Send(context.Background(), tc.msg)
			for _, want := range tc.text {
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Errorf("err = %v, want it to contain %q", err, want)
				}
			}
			if n := len(srv.captured()); n != 0 {
				t.Errorf("server received %d requests, want none", n)
			}
		})
	}
	// The full fixtures set everything their channel has: nothing to report.
	for _, msg := range []Message{fullWhatsApp(), fullRCS(), fullWorkflow()} {
		if got := Unsupported(V300, msg); len(got) != 0 {
			t.Errorf("full %s: Unsupported = %+v, want none", msg.Channel(), got)
		}
	}
}

func TestWorkflowDestinations(t *testing.T) {
	for _, tc := range []struct {
		name string
		d    Destination
		want string // the destination on the wire, or the error
	}{
		{"number", Destination{Recipient: "021 000 001"}, `{"ToNumber":"021 000 001"}`},
		{"e-mail address", Destination{Recipient: "ana@example.com"}, `{"EmailAddress":"ana@example.com"}`},
		{"all three by kind", Destination{ToNumber: "+6421000001", EmailAddress: "ana@example.com", MainPhone: "+6495005000"},
			`{"ToNumber":"+6421000001","EmailAddress":"ana@example.com","MainPhone":"+6495005000"}`},
		{"number beside an e-mail address", Destination{Recipient: "+6421000001", EmailAddress: "ana@example.com"},
			`{"ToNumber":"+6421000001","EmailAddress":"ana@example.com"}`},
		{"number twice", Destination{Recipient: "+6421000001", ToNumber: "+6421000002"},
			"workflow destination 1 has both a recipient, which goes in its ToNumber, and its own ToNumber"},
		{"e-mail address twice", Destination{Recipient: "ana@example.com", EmailAddress: "ben@example.com"},
			"workflow destination 1 has both a recipient, which goes in its EmailAddress, and its own EmailAddress"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			msg := &WorkflowMessage{Common: Common{Destinations: []Destination{tc.d}}, WorkflowTemplateID: fixtureWorkflow}
			req, err := newV300(Config{}).sendRequest(msg)
			if strings.HasPrefix(tc.want, "{") {
				want := `{"WorkflowTemplateID":"` + fixtureWorkflow + `","Destinations":[` + tc.want + `]}`
				if err != nil || string(req.body) != want {
					t.Errorf("body = %s, %v; want %s", bodyOf(req), err, want)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

func bodyOf(req *apiRequest) string {
	if req == nil {
		return ""
	}
	return string(req.body)
}

// Workflow has no status endpoint: Status and JobStatus say so before any
// call.
func TestWorkflowStatusRefusedBeforeAnyCall(t *testing.T) {
	srv := newCaptureServer(t, http.StatusOK, `{"MessageID":"ID1"}`)
	c := newTestClient(t, srv.URL)
	_, err := c.Status(context.Background(), Workflow, "ID1")
	_, jobErr := c.JobStatus(context.Background(), Workflow, "ID1")
	for _, err := range []error{err, jobErr} {
		if !errors.Is(err, ErrNoStatus) || !strings.Contains(err.Error(), "no status endpoint for Workflow messages") {
			t.Errorf("err = %v, want ErrNoStatus for Workflow", err)
		}
	}
	if n := len(srv.captured()); n != 0 {
		t.Errorf("server received %d requests, want none", n)
	}
}

// After an ambiguous failure a Workflow send cannot be looked up: it is
// uncertain at once, submitted once and never checked by a status call.
func TestWorkflowAmbiguousSendIsUncertainWithoutLookUp(t *testing.T) {
	var posts, others atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			others.Add(1)
			writeJSON(w, 404, `{"Result":"RecordNotFound","ErrorMessage":["Unable to find entry."]}`)
			return
		}
		posts.Add(1)
		writeJSON(w, 500, `{"Result":"Failed","ErrorMessage":["Error occurred while creating job"]}`)
	}))
	defer srv.Close()
	msg := minimalWorkflow()
	msg.MessageID = "WF1"
	_, err := newTestClient(t, srv.URL).Send(context.Background(), msg)
	var u *UncertainSendError
	if !errors.As(err, &u) || u.MessageID != "WF1" || !errors.Is(u.CheckErr, ErrNoStatus) {
		t.Fatalf("err = %#v, want uncertain with ErrNoStatus as the look-up's failure", err)
	}
	for _, want := range []string{`"WF1" may or may not have been sent`, "no status endpoint for Workflow messages", "check the TNZ Dashboard"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v, want it to contain %q", err, want)
		}
	}
	if p, o := posts.Load(), others.Load(); p != 1 || o != 0 {
		t.Errorf("posts=%d other requests=%d, want 1 and 0", p, o)
	}
}

// A WhatsApp send that failed ambiguously is looked up at /whatsapp/{id}.
func TestWhatsAppAmbiguousSendRecoveredByLookUp(t *testing.T) {
	var posts atomic.Int32
	var lookedUp atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			posts.Add(1)
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		lookedUp.Store(r.URL.Path)
		writeJSON(w, 200, `{"MessageID":"WA1","JobStatus":"Pending"}`)
	}))
	defer srv.Close()
	msg := minimalWhatsApp()
	msg.MessageID = "WA1"
	res, err := newTestClient(t, srv.URL).Send(context.Background(), msg)
	if err != nil || !res.Recovered || res.MessageID != "WA1" {
		t.Fatalf("got %+v, %v; want WA1 recovered", res, err)
	}
	if got := lookedUp.Load(); got != "/api/v3.00/whatsapp/WA1" || posts.Load() != 1 {
		t.Errorf("looked up %v after %d posts, want /api/v3.00/whatsapp/WA1 after 1", got, posts.Load())
	}
}

func TestReceivedPerChannel(t *testing.T) {
	ctx := context.Background()
	for _, ch := range ReceivedChannels {
		t.Run(string(ch), func(t *testing.T) {
			srv := newCaptureServer(t, 200, receivedPage(1, 1, "R1"))
			msgs, err := newTestClient(t, srv.URL).Received(ctx, ch, ReceivedQuery{TimePeriod: 30})
			if err != nil || len(msgs) != 1 || msgs[0].ReceivedID != "R1" {
				t.Fatalf("got %+v, %v", msgs, err)
			}
			r := srv.captured()[0]
			if want := "/api/v3.00/" + string(ch) + "/received"; r.Method != http.MethodGet || r.Path != want ||
				r.RawQuery != "timePeriod=30&recordsPerPage=100&page=1" {
				t.Errorf("request = %s %s?%s, want GET %s?timePeriod=30&recordsPerPage=100&page=1", r.Method, r.Path, r.RawQuery, want)
			}
		})
	}
	for _, ch := range []Channel{Email, Fax, TTS, Voice, Workflow, Channel("telegram")} {
		t.Run(string(ch), func(t *testing.T) {
			srv := newCaptureServer(t, 200, receivedPage(1, 1, "R1"))
			_, err := newTestClient(t, srv.URL).Received(ctx, ch, ReceivedQuery{TimePeriod: 30})
			if err == nil || !(strings.Contains(err.Error(), "no received list for "+ch.Title()+" messages: use one of sms, whatsapp, rcs") ||
				strings.Contains(err.Error(), "unknown channel")) {
				t.Errorf("err = %v, want a refusal naming the channels with a received list", err)
			}
			if n := len(srv.captured()); n != 0 {
				t.Errorf("server received %d requests, want none", n)
			}
		})
	}
}

// "received" is the received list's path segment on the channels that
// have one, and an ordinary id elsewhere.
func TestStatusOfIDReceived(t *testing.T) {
	for _, ch := range StatusChannels {
		t.Run(string(ch), func(t *testing.T) {
			srv := newCaptureServer(t, 200, `{"MessageID":"received","JobStatus":"Pending"}`)
			_, err := newTestClient(t, srv.URL).Status(context.Background(), ch, "Received")
			n := len(srv.captured())
			if ch.HasReceived() {
				if err == nil || !strings.Contains(err.Error(), "inbound "+ch.Title()+" list") || n != 0 {
					t.Errorf("err = %v after %d requests, want a refusal before any call", err, n)
				}
				return
			}
			if err != nil || n != 1 {
				t.Errorf("err = %v after %d requests, want the status fetched", err, n)
			}
		})
	}
}
