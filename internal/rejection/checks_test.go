package rejection

import (
	"testing"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

func sms(mutate func(m *tnz.SMSMessage)) *tnz.SMSMessage {
	m := &tnz.SMSMessage{Message: "Deploy finished"}
	m.Destinations = []tnz.Destination{{Recipient: "+6421000001"}}
	if mutate != nil {
		mutate(m)
	}
	return m
}

func unknown(paths ...Path) Unknowns {
	u := Unknowns{}
	for _, p := range paths {
		u.Add(p)
	}
	return u
}

type want struct {
	row       *Row
	attribute string
	summary   string
	warning   bool
}

func TestCheckSMS(t *testing.T) {
	cases := []struct {
		name    string
		msg     *tnz.SMSMessage
		unknown Unknowns
		want    []want
	}{
		{name: "valid", msg: sms(nil)},
		{name: "local NZ mobile", msg: sms(func(m *tnz.SMSMessage) { m.Destinations = []tnz.Destination{{Recipient: "021 123 4567"}} })},
		{name: "dashed local number", msg: sms(func(m *tnz.SMSMessage) { m.Destinations = []tnz.Destination{{Recipient: "021-000001"}} })},
		{name: "contact id only", msg: sms(func(m *tnz.SMSMessage) {
			m.Destinations = []tnz.Destination{{ContactID: "6000000b-f002-4007-b00a-c00000000001"}}
		})},
		{name: "group code only", msg: sms(func(m *tnz.SMSMessage) { m.Destinations = []tnz.Destination{{GroupCode: "Oncall"}} })},
		{name: "template id instead of message", msg: sms(func(m *tnz.SMSMessage) { m.Message = ""; m.TemplateID = "123e4567-e89b-12d3-a456-426614174000" })},
		{name: "https webhook any case", msg: sms(func(m *tnz.SMSMessage) { m.WebhookCallbackURL = "HTTPS://example.com/hook" })},
		{name: "webhook with spaces around", msg: sms(func(m *tnz.SMSMessage) { m.WebhookCallbackURL = " https://example.com/hook " })},
		{
			name: "blank message",
			msg:  sms(func(m *tnz.SMSMessage) { m.Message = "   " }),
			want: []want{{row: MissingMessage, attribute: "message"}},
		},
		{
			name: "no destinations",
			msg:  sms(func(m *tnz.SMSMessage) { m.Destinations = nil }),
			want: []want{{row: MissingDestinations, attribute: "destinations", summary: "Missing or empty destinations"}},
		},
		{name: "no destinations but unknown", msg: sms(func(m *tnz.SMSMessage) { m.Destinations = nil }), unknown: unknown(Root("destinations"))},
		{
			name: "only an e-mail address",
			msg:  sms(func(m *tnz.SMSMessage) { m.Destinations = []tnz.Destination{{Recipient: "ops@example.com"}} }),
			want: []want{{row: NoValidDestination, attribute: "destinations", summary: "Error - Could not find any valid destination(s)."}},
		},
		{
			name: "empty recipient string",
			msg:  sms(func(m *tnz.SMSMessage) { m.Destinations = []tnz.Destination{{}} }),
			want: []want{{row: NoValidDestination, attribute: "destinations"}},
		},
		{
			name: "one invalid among valid is a warning",
			msg: sms(func(m *tnz.SMSMessage) {
				m.Destinations = []tnz.Destination{{Recipient: "+6421000001"}, {Recipient: "not a number"}}
			}),
			want: []want{{row: NoValidDestination, attribute: "destinations[1].recipient", summary: "Destination 2 is not a valid SMS destination", warning: true}},
		},
		{
			name:    "invalid beside unknown is not an error",
			msg:     sms(func(m *tnz.SMSMessage) { m.Destinations = []tnz.Destination{{Recipient: "nope"}, {}} }),
			unknown: unknown(Root("destinations").AtIndex(1).AtName("recipient")),
			want:    []want{{row: NoValidDestination, attribute: "destinations[0].recipient", warning: true}},
		},
		{
			name: "http webhook",
			msg:  sms(func(m *tnz.SMSMessage) { m.WebhookCallbackURL = "http://example.com/hook" }),
			want: []want{{row: WebhookNotHTTPS, attribute: "webhook_callback_url", summary: "WebhookCallbackURL must start with https://"}},
		},
		{name: "http webhook unknown", msg: sms(func(m *tnz.SMSMessage) { m.WebhookCallbackURL = "" }), unknown: unknown(Root("webhook_callback_url"))},
		{
			name: "empty message",
			msg:  sms(func(m *tnz.SMSMessage) { m.Message = "" }),
			want: []want{{row: MissingMessage, attribute: "message", summary: "Missing or empty message"}},
		},
		{name: "empty message unknown", msg: sms(func(m *tnz.SMSMessage) { m.Message = "" }), unknown: unknown(Root("message"))},
		{name: "empty message, template id unknown", msg: sms(func(m *tnz.SMSMessage) { m.Message = "" }), unknown: unknown(Root("template_id"))},
		{
			name: "files missing name and data",
			msg: sms(func(m *tnz.SMSMessage) {
				m.Files = []tnz.File{{Name: "a.pdf", Data: "QQ=="}, {Data: "QQ=="}, {Name: "c.pdf"}}
			}),
			want: []want{
				{row: MissingFileName, attribute: "files[1].name", summary: "Missing file name on file 2"},
				{row: MissingFileData, attribute: "files[2]", summary: "Missing file data on file 3"},
			},
		},
		{
			name:    "file fields unknown",
			msg:     sms(func(m *tnz.SMSMessage) { m.Files = []tnz.File{{}} }),
			unknown: unknown(Root("files").AtIndex(0).AtName("name"), Root("files").AtIndex(0).AtName("content")),
		},
		{name: "whole file list unknown", msg: sms(func(m *tnz.SMSMessage) { m.Files = []tnz.File{{}} }), unknown: unknown(Root("files"))},
		{
			name: "everything wrong at once",
			msg: sms(func(m *tnz.SMSMessage) {
				m.Destinations = nil
				m.Message = ""
				m.WebhookCallbackURL = "ftp://x"
			}),
			want: []want{{row: MissingDestinations}, {row: WebhookNotHTTPS}, {row: MissingMessage}},
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
				if g.Row != w.row {
					t.Errorf("finding %d row = %q, want %q", i, g.Row.Text, w.row.Text)
				}
				if w.attribute != "" && g.Attribute.String() != w.attribute {
					t.Errorf("finding %d attribute = %q, want %q", i, g.Attribute.String(), w.attribute)
				}
				if w.summary != "" && g.Summary != w.summary {
					t.Errorf("finding %d summary = %q, want %q", i, g.Summary, w.summary)
				}
				if g.Warning != w.warning {
					t.Errorf("finding %d warning = %v, want %v", i, g.Warning, w.warning)
				}
				if g.Detail == "" {
					t.Errorf("finding %d has no detail", i)
				}
			}
		})
	}
}

func TestValidRecipient(t *testing.T) {
	if !ValidRecipient(tnz.Email, "ops@example.com") || ValidRecipient(tnz.SMS, "ops@example.com") {
		t.Error("ValidRecipient must follow the channel")
	}
	if !ValidRecipient(tnz.SMS, "021 123 4567") || ValidRecipient(tnz.Email, "021 123 4567") {
		t.Error("ValidRecipient must follow the channel")
	}
}

func TestUnknowns(t *testing.T) {
	u := unknown(Root("files").AtIndex(0).AtName("name"), Root("recipients"))
	if !u.Is(Root("files").AtIndex(0).AtName("name")) || u.Is(Root("files").AtIndex(0)) || u.Is(Root("files")) {
		t.Error("Is must hold for the path and its children only")
	}
	if !u.Within(Root("files").AtIndex(0)) || !u.Within(Root("files")) || u.Within(Root("files").AtIndex(1)) {
		t.Error("Within must hold for ancestors of an unknown path")
	}
	if !u.Is(Root("recipients").AtIndex(3)) {
		t.Error("a child of an unknown list is unknown")
	}
	if _, ok := Root("message").parent(); ok {
		t.Error("a root attribute has no parent")
	}
}

func TestPathString(t *testing.T) {
	for p, want := range map[Path]string{
		Root("message"):                            "message",
		Root("files").AtIndex(1):                   "files[1]",
		Root("files").AtIndex(1).AtName("name"):    "files[1].name",
		Root("destinations").AtIndex(0).AtIndex(2): "destinations[2]",
		{}: "",
	} {
		if got := p.String(); got != want {
			t.Errorf("String() = %q, want %q", got, want)
		}
	}
}

func FuzzLookup(f *testing.F) {
	for _, r := range Table {
		f.Add(r.Summary(2))
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, pos, ok := Lookup(s)
		if ok && (r == nil || pos < 0 || (!r.Numbered && pos != 0)) {
			t.Fatalf("Lookup(%q) = %v, %d", s, r, pos)
		}
	})
}
