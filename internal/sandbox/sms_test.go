package sandbox

import (
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestSMSChecks(t *testing.T) {
	const (
		noDest  = "Missing or empty destinations"
		noValid = "Error - Could not find any valid destination(s)."
		noMsg   = "Missing or empty message"
		webhook = "WebhookCallbackURL must start with https://"
		badID   = "Invalid MessageID - use at most 40 letters, digits or '-'"
		to      = `"Destination":"+6421000001"`
		msg     = `"Message":"hi"`
	)
	tests := []struct {
		name string
		body string
		want []string // nil: accepted
	}{
		{"valid", `{` + msg + `,` + to + `}`, nil},
		{"empty object", `{}`, []string{noDest, noMsg}},

		{"no destination", `{` + msg + `}`, []string{noDest}},
		{"blank destination", `{` + msg + `,"Destination":"  ","ToNumber":"","ContactID":null}`, []string{noDest}},
		{"empty Destinations", `{` + msg + `,"Destinations":[]}`, []string{noDest}},
		{"null Destinations", `{` + msg + `,"Destinations":null}`, []string{noDest}},
		{"EmailAddress is not an SMS shorthand", `{` + msg + `,"EmailAddress":"a@example.com"}`, []string{noDest}},

		{"email as Destination", `{` + msg + `,"Destination":"john@example.com"}`, []string{noValid}},
		{"word as ToNumber", `{` + msg + `,"ToNumber":"mobile"}`, []string{noValid}},
		{"too short", `{` + msg + `,"Destination":"12345"}`, []string{noValid}},
		{"too long", `{` + msg + `,"Destination":"+1234567890123456"}`, []string{noValid}},
		{"entry without address", `{` + msg + `,"Destinations":[{}]}`, []string{noValid}},
		{"entry with email only", `{` + msg + `,"Destinations":[{"EmailAddress":"a@example.com","Attention":"A"}]}`, []string{noValid}},
		{"entry with MainPhone only", `{` + msg + `,"Destinations":[{"MainPhone":"+6495006000"}]}`, []string{noValid}},
		{"bare string entry", `{` + msg + `,"Destinations":["+6421000001"]}`, []string{noValid}},

		{"no message", `{` + to + `}`, []string{noMsg}},
		{"empty message", `{"Message":"",` + to + `}`, []string{noMsg}},
		{"blank message", `{"Message":" \n ",` + to + `}`, []string{noMsg}},
		{"null message", `{"Message":null,` + to + `}`, []string{noMsg}},
		{"TemplateID instead of message", `{"TemplateID":"123e4567-e89b-12d3-a456-426614174000",` + to + `}`, nil},

		{"http webhook", `{` + msg + `,` + to + `,"WebhookCallbackURL":"http://example.com/hook"}`, []string{webhook}},
		{"relative webhook", `{` + msg + `,` + to + `,"WebhookCallbackURL":"example.com/hook"}`, []string{webhook}},
		{"https webhook", `{` + msg + `,` + to + `,"WebhookCallbackURL":"https://example.com/hook"}`, nil},
		{"HTTPS webhook", `{` + msg + `,` + to + `,"WebhookCallbackURL":"HTTPS://example.com/hook"}`, nil},
		{"empty webhook is absent", `{` + msg + `,` + to + `,"WebhookCallbackURL":""}`, nil},

		{"file without name", `{` + msg + `,` + to + `,"Files":[{"Data":"QQ=="}]}`, []string{"Missing file name on file 1"}},
		{"file without data", `{` + msg + `,` + to + `,"Files":[{"Name":"a.pdf","Data":""}]}`, []string{"Missing file data on file 1"}},
		{"second file empty", `{` + msg + `,` + to + `,"Files":[{"Name":"a.pdf","Data":"QQ=="},{}]}`,
			[]string{"Missing file name on file 2", "Missing file data on file 2"}},
		{"null file", `{` + msg + `,` + to + `,"Files":[null]}`, []string{"Missing file name on file 1", "Missing file data on file 1"}},
		{"good files", `{` + msg + `,` + to + `,"Files":[{"Name":"a.pdf","Data":"QQ=="},{"Name":"b.jpg","Data":"Qg=="}]}`, nil},

		{"MessageID too long", `{` + msg + `,` + to + `,"MessageID":"` + strings.Repeat("a", 41) + `"}`, []string{badID}},
		{"MessageID with underscore", `{` + msg + `,` + to + `,"MessageID":"a_b"}`, []string{badID}},
		{"MessageID of 40", `{` + msg + `,` + to + `,"MessageID":"` + strings.Repeat("a", 40) + `"}`, nil},

		{"everything wrong", `{"WebhookCallbackURL":"http://x","Files":[{"Name":""},{"Data":"QQ=="}],"MessageID":"bad id"}`,
			[]string{noDest, noMsg, webhook, "Missing file name on file 1", "Missing file data on file 1", "Missing file name on file 2", badID}},
		{"invalid destination and the rest", `{"Destinations":[{"ToNumber":"abc"}],"WebhookCallbackURL":"ftp://x","Files":[{"Name":"a"}]}`,
			[]string{noValid, noMsg, webhook, "Missing file data on file 1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, Options{})
			code, b := f.send(t, tt.body)
			if tt.want == nil {
				if code != http.StatusOK {
					t.Fatalf("got %d %s, want 200", code, b)
				}
				return
			}
			var got struct {
				Result       string
				ErrorMessage []string
			}
			decode(t, b, &got)
			if code != http.StatusBadRequest || got.Result != "Failed" || !slices.Equal(got.ErrorMessage, tt.want) {
				t.Errorf("got %d %s\nwant 400 Failed %q", code, b, tt.want)
			}
			if len(f.srv.Received()) != 0 {
				t.Error("a rejected send was recorded")
			}
		})
	}
}

func TestSMSLenientInputs(t *testing.T) {
	tests := []struct {
		name, body string
		wantDests  []string // Recipients[].Destination
	}{
		{"unknown keys", `{"Message":"hi","Destination":"+6421000001","HTTPMethod":"POST","Nested":{"a":[1]},"ChargeCode":"x"}`, []string{"+6421000001"}},
		{"explicit nulls", `{"Message":"hi","ToNumber":"021 000 001","Reference":null,"SendTime":null,"Timezone":null,"Files":null,"Mode":null,"WebhookCallbackURL":null,"MessageID":null}`, []string{"+6421000001"}},
		{"local NZ number with spaces", `{"Message":"hi","Destination":"021 123 4567"}`, []string{"+64211234567"}},
		{"local NZ number with dash", `{"Message":"hi","Destination":"021-000001"}`, []string{"+6421000001"}},
		{"00 international prefix", `{"Message":"hi","Destination":"0064 21 000 001"}`, []string{"+6421000001"}},
		{"parentheses and dots", `{"Message":"hi","Destination":"(09) 500.6000"}`, []string{"+6495006000"}},
		{"digits without prefix", `{"Message":"hi","Destination":"61408080909"}`, []string{"+61408080909"}},
		{"number as a JSON number", `{"Message":12345,"ToNumber":6421000001}`, []string{"+6421000001"}},
		{"Recipient key", `{"Message":"hi","Destinations":[{"Recipient":"+6421000002"}]}`, []string{"+6421000002"}},
		{"MobilePhone key", `{"Message":"hi","Destinations":[{"MobilePhone":"021000003"}]}`, []string{"+6421000003"}},
		{"MobileNumber key", `{"Message":"hi","Destinations":[{"MobileNumber":"+6421000004"}]}`, []string{"+6421000004"}},
		{"lone object as Destinations", `{"Message":"hi","Destinations":{"ToNumber":"+6421000005"}}`, []string{"+6421000005"}},
		{"address book entries", `{"Message":"hi","Destinations":[{"ContactID":"c1"},{"GroupID":"g1"},{"GroupCode":"My_Test_Group"}]}`, []string{"", "", ""}},
		{"top-level ContactID and GroupID", `{"Message":"hi","ContactID":"c1","GroupID":"g1"}`, []string{"", ""}},
		{"unusable entries beside usable ones are dropped", `{"Message":"hi","Destinations":[{"EmailAddress":"a@example.com"},{"ToNumber":"+6421000006"},null,"x"]}`, []string{"+6421000006"}},
		{"invalid first key, valid later key", `{"Message":"hi","Destinations":[{"ToNumber":"n/a","Recipient":"+6421000007"}]}`, []string{"+6421000007"}},
		{"all shorthands in order", `{"Message":"hi","Destination":"+6421000001","ToNumber":"+6421000002","ContactID":"c","GroupID":"g","Destinations":[{"ToNumber":"+6421000003"}]}`,
			[]string{"+6421000001", "+6421000002", "", "", "+6421000003"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, Options{})
			st := f.status(t, f.mustSend(t, tt.body))
			var got []string
			for _, r := range st.Recipients {
				got = append(got, r.Destination)
			}
			if !slices.Equal(got, tt.wantDests) || st.Count != len(tt.wantDests) {
				t.Errorf("destinations %q (Count %d), want %q", got, st.Count, tt.wantDests)
			}
		})
	}
}

func TestMessageID(t *testing.T) {
	f := newFixture(t, Options{})
	if id := f.mustSend(t, `{"Message":"hi","Destination":"+6421000001","MessageID":"ID1234567890"}`); id != "ID1234567890" {
		t.Errorf("client MessageID answered as %q", id)
	}
	if id := f.mustSend(t, `{"Message":"hi","Destination":"+6421000001","MessageID":1234}`); id != "1234" {
		t.Errorf("numeric MessageID answered as %q", id)
	}
	uuid4 := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	seen := map[string]bool{}
	for _, body := range []string{
		`{"Message":"hi","Destination":"+6421000001"}`,
		`{"Message":"hi","Destination":"+6421000001","MessageID":""}`,
		`{"Message":"hi","Destination":"+6421000001","MessageID":null}`,
	} {
		id := f.mustSend(t, body)
		if !uuid4.MatchString(id) || seen[id] {
			t.Errorf("generated MessageID %q: not a fresh UUIDv4", id)
		}
		seen[id] = true
	}
	_, b := f.send(t, `{"Message":"hi","Destination":"+6421000001","MessageID":"x"}`)
	if b != `{"MessageID":"x"}` {
		t.Errorf("success body = %s, want exactly {\"MessageID\":\"x\"}", b)
	}
}

func TestPhoneNumbers(t *testing.T) {
	tests := []struct {
		in, want string // want "" = not a phone number
	}{
		{"+6421000001", "+6421000001"},
		{"021 123 4567", "+64211234567"},
		{"021-000001", "+6421000001"},
		{"09 500 6000", "+6495006000"},
		{"0064210000001", "+64210000001"},
		{"+64 (21) 000.001", "+6421000001"},
		{"61408080909", "+61408080909"},
		{"1234567", "+1234567"},
		{"123456", ""},
		{"+1234567890123456", ""},
		{"john@example.com", ""},
		{"mobile", ""},
		{"++6421000001", ""},
		{"64 21 000 001 ext 2", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := e164(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("e164(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestPersonalise(t *testing.T) {
	got := personalise("Hi [[FirstName]] of [[Company]], see [[Custom1]] or [[Link:https://x]] [[LastName]]",
		map[string]string{"FirstName": "Ana", "Company": "ACME", "Custom1": "x&y"})
	want := "Hi Ana of ACME, see x&y or [[Link:https://x]] [[LastName]]"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
