package rejection

import (
	"testing"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// The rows for every channel and the file rows apply to WhatsApp, RCS and
// Workflow as TNZ's OpenAPI file gives them their fields.
func TestCheckV300OnlyChannels(t *testing.T) {
	whatsapp := func(f func(*tnz.WhatsAppMessage)) *tnz.WhatsAppMessage {
		m := &tnz.WhatsAppMessage{Message: "Deploy finished", FromNumber: "+6495006000"}
		m.TemplateID = "123e4567-e89b-12d3-a456-426614174000"
		m.Destinations = []tnz.Destination{{Recipient: "+6421000001"}}
		if f != nil {
			f(m)
		}
		return m
	}
	rcs := func(f func(*tnz.RCSMessage)) *tnz.RCSMessage {
		m := &tnz.RCSMessage{Message: "Deploy finished"}
		m.Destinations = []tnz.Destination{{Recipient: "+447700900001"}}
		if f != nil {
			f(m)
		}
		return m
	}
	workflow := func(dests ...tnz.Destination) *tnz.WorkflowMessage {
		m := &tnz.WorkflowMessage{WorkflowTemplateID: "123e4567-e89b-12d3-a456-426614174000"}
		m.Destinations = dests
		return m
	}
	cases := []struct {
		name    string
		msg     tnz.Message
		unknown Unknowns
		want    []want
	}{
		{name: "whatsapp valid", msg: whatsapp(nil)},
		{
			name: "whatsapp without destinations",
			msg:  whatsapp(func(m *tnz.WhatsAppMessage) { m.Destinations = nil }),
			want: []want{{row: MissingDestinations, attribute: "destinations"}},
		},
		{
			name: "whatsapp to an e-mail address",
			msg:  whatsapp(func(m *tnz.WhatsAppMessage) { m.Destinations = []tnz.Destination{{Recipient: "ops@example.com"}} }),
			want: []want{{row: NoValidDestination, attribute: "destinations"}},
		},
		{
			name: "whatsapp http webhook and a file without data",
			msg: whatsapp(func(m *tnz.WhatsAppMessage) {
				m.WebhookCallbackURL = "http://example.com/hook"
				m.Files = []tnz.File{{Name: "a.pdf", Data: "QQ=="}, {Name: "b.pdf"}}
			}),
			want: []want{
				{row: WebhookNotHTTPS, attribute: "webhook_callback_url"},
				{row: MissingFileData, attribute: "files[1]", summary: "Missing file data on file 2"},
			},
		},
		{name: "rcs valid", msg: rcs(nil)},
		{
			name: "rcs file without name",
			msg:  rcs(func(m *tnz.RCSMessage) { m.Files = []tnz.File{{Data: "QQ=="}} }),
			want: []want{{row: MissingFileName, attribute: "files[0].name", summary: "Missing file name on file 1"}},
		},
		{
			name: "rcs one e-mail address among numbers is a warning",
			msg: rcs(func(m *tnz.RCSMessage) {
				m.Destinations = []tnz.Destination{{Recipient: "+447700900001"}, {Recipient: "ops@example.com"}}
			}),
			want: []want{{row: NoValidDestination, attribute: "destinations[1].recipient", summary: "Destination 2 is not a valid RCS destination", warning: true}},
		},
		{name: "workflow to a phone number", msg: workflow(tnz.Destination{Recipient: "021 000 001"})},
		{name: "workflow to an e-mail address", msg: workflow(tnz.Destination{Recipient: "ops@example.com"})},
		{name: "workflow to addresses by kind", msg: workflow(tnz.Destination{EmailAddress: "ops@example.com"}, tnz.Destination{MainPhone: "+6495006000"})},
		{name: "workflow to a group", msg: workflow(tnz.Destination{GroupCode: "Oncall"})},
		{
			name: "workflow without destinations",
			msg:  workflow(),
			want: []want{{row: MissingDestinations, attribute: "destinations"}},
		},
		{
			name: "workflow to nobody reachable",
			msg:  workflow(tnz.Destination{Recipient: "not an address"}, tnz.Destination{ToNumber: "nope", EmailAddress: "also nope"}),
			want: []want{{row: NoValidDestination, attribute: "destinations"}},
		},
		{
			name:    "workflow address unknown",
			msg:     workflow(tnz.Destination{}),
			unknown: unknown(Root("destinations").AtIndex(0).AtName("email_address")),
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Check(Input{Message: c.msg, Unknown: c.unknown})
			if len(got) != len(c.want) {
				t.Fatalf("got %d findings %+v, want %d", len(got), got, len(c.want))
			}
			for i, w := range c.want {
				g := got[i]
				if g.Row != w.row || g.Warning != w.warning || (w.attribute != "" && g.Attribute.String() != w.attribute) || (w.summary != "" && g.Summary != w.summary) {
					t.Errorf("finding %d = %q at %q (warning %v), want %q at %q (warning %v)", i, g.Summary, g.Attribute, g.Warning, w.row.Summary(1), w.attribute, w.warning)
				}
			}
		})
	}
}

func TestValidRecipientWorkflow(t *testing.T) {
	for _, s := range []string{"+6421000001", "021 000 001", "ops@example.com"} {
		if !ValidRecipient(tnz.Workflow, s) {
			t.Errorf("ValidRecipient(workflow, %q) = false", s)
		}
	}
	for _, s := range []string{"", "not an address", "ops@"} {
		if ValidRecipient(tnz.Workflow, s) {
			t.Errorf("ValidRecipient(workflow, %q) = true", s)
		}
	}
	// Only Workflow destinations carry addresses by kind.
	if validDestination(tnz.SMS, tnz.Destination{ToNumber: "+6421000001"}) {
		t.Error("an SMS destination with only a ToNumber counts as valid")
	}
}

func TestFileRowsChannels(t *testing.T) {
	for _, r := range []*Row{MissingFileName, MissingFileData} {
		if got := r.ChannelNames(); got != "Fax, SMS, Email, WhatsApp, RCS" {
			t.Errorf("%q ChannelNames() = %q", r.Text, got)
		}
	}
}
