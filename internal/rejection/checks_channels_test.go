package rejection

import (
	"testing"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

func tone(n int64) *int64 { return &n }

func tts(keypads ...tnz.Keypad) *tnz.TTSMessage {
	m := &tnz.TTSMessage{}
	m.MessageToPeople = "Press 1 to confirm"
	m.Destinations = []tnz.Destination{{Recipient: "09 500 6000"}}
	m.Keypads = keypads
	return m
}

func TestCheckChannels(t *testing.T) {
	email := func(f func(*tnz.EmailMessage)) *tnz.EmailMessage {
		m := &tnz.EmailMessage{EmailSubject: "Deploy", MessagePlain: "done"}
		m.Destinations = []tnz.Destination{{Recipient: "ops@example.com"}}
		if f != nil {
			f(m)
		}
		return m
	}
	fax := func(f func(*tnz.FaxMessage)) *tnz.FaxMessage {
		m := &tnz.FaxMessage{Files: []tnz.File{{Name: "a.pdf", Data: "QQ=="}}}
		m.Destinations = []tnz.Destination{{Recipient: "+6495006000"}}
		if f != nil {
			f(m)
		}
		return m
	}
	voice := &tnz.VoiceMessage{}
	voice.Destinations = []tnz.Destination{{Recipient: "+6495006000"}}

	cases := []struct {
		name    string
		msg     tnz.Message
		unknown Unknowns
		want    []want
	}{
		{name: "email valid", msg: email(nil)},
		{name: "email html only", msg: email(func(m *tnz.EmailMessage) { m.MessagePlain = ""; m.MessageHTML = "<p>done</p>" })},
		{name: "email template", msg: email(func(m *tnz.EmailMessage) { m.MessagePlain = ""; m.TemplateID = "123e4567-e89b-12d3-a456-426614174000" })},
		{name: "email body unknown", msg: email(func(m *tnz.EmailMessage) { m.MessagePlain = "" }), unknown: unknown(Root("message_plain"))},
		{
			name: "email without body",
			msg:  email(func(m *tnz.EmailMessage) { m.MessagePlain = "" }),
			want: []want{{row: MissingEmailBody, attribute: "message_plain", summary: "Missing or empty message body. Please specify MessagePlain or MessageHTML"}},
		},
		{
			name: "email to a phone number",
			msg:  email(func(m *tnz.EmailMessage) { m.Destinations = []tnz.Destination{{Recipient: "+6421000001"}} }),
			want: []want{{row: NoValidDestination, attribute: "destinations"}},
		},
		{
			name: "email file without name",
			msg:  email(func(m *tnz.EmailMessage) { m.Files = []tnz.File{{Data: "QQ=="}} }),
			want: []want{{row: MissingFileName, attribute: "files[0].name", summary: "Missing file name on file 1"}},
		},
		{name: "fax valid", msg: fax(nil)},
		{name: "fax template", msg: fax(func(m *tnz.FaxMessage) { m.Files = nil; m.TemplateID = "123e4567-e89b-12d3-a456-426614174000" })},
		{name: "fax v2 text", msg: fax(func(m *tnz.FaxMessage) { m.Files = nil; m.Message = "text body" })},
		{name: "fax files unknown", msg: fax(func(m *tnz.FaxMessage) { m.Files = nil }), unknown: unknown(Root("files"))},
		{
			name: "fax without contents",
			msg:  fax(func(m *tnz.FaxMessage) { m.Files = nil }),
			want: []want{{row: MissingFaxContents, attribute: "files", summary: "Missing fax contents - Empty or missing message & file fields"}},
		},
		{
			name: "fax to an e-mail address",
			msg:  fax(func(m *tnz.FaxMessage) { m.Destinations = []tnz.Destination{{Recipient: "ops@example.com"}} }),
			want: []want{{row: NoValidDestination}},
		},
		{name: "tts valid", msg: tts(tnz.Keypad{Tone: tone(1), RouteNumber: "+64800123123"}, tnz.Keypad{Tone: tone(0), PlaySection: "Main"}, tnz.Keypad{Tone: tone(9), Play: "Goodbye"})},
		{name: "tts route number without plus", msg: tts(tnz.Keypad{Tone: tone(2), RouteNumber: "6495006000"})},
		{
			name: "tts without message to people",
			msg:  func() tnz.Message { m := tts(); m.MessageToPeople = ""; return m }(),
			want: []want{{row: MissingMessageToPeople, attribute: "message_to_people", summary: "Missing message to people"}},
		},
		{
			name: "voice without message to people",
			msg:  voice,
			want: []want{{row: MissingMessageToPeople, attribute: "message_to_people"}},
		},
		{
			name: "keypad without tone",
			msg:  tts(tnz.Keypad{Tone: tone(1), Play: "x"}, tnz.Keypad{Play: "y"}),
			want: []want{{row: MissingKeypadTone, attribute: "keypads[1].tone", summary: "Missing tone on keypad 2"}},
		},
		{name: "keypad tone unknown", msg: tts(tnz.Keypad{Play: "y"}), unknown: unknown(Root("keypads").AtIndex(0).AtName("tone"))},
		{
			name: "keypad tone out of range",
			msg:  tts(tnz.Keypad{Tone: tone(10), Play: "x"}, tnz.Keypad{Tone: tone(-1), Play: "x"}),
			want: []want{
				{row: InvalidKeypadTone, attribute: "keypads[0].tone", summary: "Invalid tone on keypad 1. Tone must be between 0~9"},
				{row: InvalidKeypadTone, attribute: "keypads[1].tone", summary: "Invalid tone on keypad 2. Tone must be between 0~9"},
			},
		},
		{
			name: "keypad without action",
			msg:  tts(tnz.Keypad{Tone: tone(3)}),
			want: []want{{row: MissingKeypadAction, attribute: "keypads[0]", summary: "Missing RouteNumber/Play on keypad 1"}},
		},
		{name: "keypad action unknown", msg: tts(tnz.Keypad{Tone: tone(3)}), unknown: unknown(Root("keypads").AtIndex(0).AtName("play"))},
		{
			name: "keypad route number too short or not numeric",
			msg:  tts(tnz.Keypad{Tone: tone(1), RouteNumber: "123456789"}, tnz.Keypad{Tone: tone(2), RouteNumber: "09 500 6000"}),
			want: []want{
				{row: InvalidRouteNumber, attribute: "keypads[0].route_number", summary: "Invalid RouteNumber format on keypad 1"},
				{row: InvalidRouteNumber, attribute: "keypads[1].route_number", summary: "Invalid RouteNumber format on keypad 2"},
			},
		},
		{name: "all keypads unknown", msg: tts(tnz.Keypad{}), unknown: unknown(Root("keypads"))},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Check(Input{Message: c.msg, Unknown: c.unknown})
			if len(got) != len(c.want) {
				t.Fatalf("got %d findings %+v, want %d", len(got), got, len(c.want))
			}
			for i, w := range c.want {
				g := got[i]
				if g.Row != w.row || (w.attribute != "" && g.Attribute.String() != w.attribute) || (w.summary != "" && g.Summary != w.summary) {
					t.Errorf("finding %d = %q at %q, want %q at %q", i, g.Summary, g.Attribute, w.row.Summary(1), w.attribute)
				}
			}
		})
	}
}

func TestIsRouteNumber(t *testing.T) {
	for _, s := range []string{"+64800123123", "64800123123", "0800123123", "6495006000", " +64800123123 "} {
		if !IsRouteNumber(s) {
			t.Errorf("IsRouteNumber(%q) = false", s)
		}
	}
	for _, s := range []string{"", "+", "123456789", "+123456789", "09 500 6000", "0800-123-123", "++64800123123"} {
		if IsRouteNumber(s) {
			t.Errorf("IsRouteNumber(%q) = true", s)
		}
	}
}

// Every row that can be checked before sending is checked.
func TestEveryPlanRowHasACheck(t *testing.T) {
	for _, r := range Table {
		if r.Stage != ServerOnly && !r.CheckedAtPlan() {
			t.Errorf("row %q is not ServerOnly but has no check", r.Text)
		}
		if r.Stage == ServerOnly && r.CheckedAtPlan() {
			t.Errorf("row %q is ServerOnly but has a check", r.Text)
		}
	}
}

func TestCheckContentSkipsWholeMessageRows(t *testing.T) {
	m := tts(tnz.Keypad{Tone: tone(12), Play: "x"})
	m.MessageToPeople = ""
	m.Destinations = nil
	m.WebhookCallbackURL = "http://example.com"
	got := CheckContent(Input{Message: m})
	if len(got) != 2 || got[0].Row != WebhookNotHTTPS || got[1].Row != InvalidKeypadTone {
		t.Fatalf("CheckContent = %+v, want the webhook and keypad findings only", got)
	}
	if all := Check(Input{Message: m}); len(all) != 4 {
		t.Fatalf("Check found %d, want 4 (destinations and message to people too)", len(all))
	}
}
