package sandbox

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

// Rejection texts as the documented table writes them (rejection-codes.txt),
// written out again here so that a typo in the implementation fails.
const (
	wantNoDest   = "Missing or empty destinations"
	wantNoValid  = "Error - Could not find any valid destination(s)."
	wantWebhook  = "WebhookCallbackURL must start with https://"
	wantBadID    = "Invalid MessageID - use at most 40 letters, digits or '-'"
	wantNoBody   = "Missing or empty message body. Please specify MessagePlain or MessageHTML"
	wantNoFax    = "Missing fax contents - Empty or missing message & file fields"
	wantNoPeople = "Missing message to people"
)

func wantFileName(n int) string { return fmt.Sprintf("Missing file name on file %d", n) }
func wantFileData(n int) string { return fmt.Sprintf("Missing file data on file %d", n) }
func wantNoTone(n int) string   { return fmt.Sprintf("Missing tone on keypad %d", n) }
func wantBadTone(n int) string {
	return fmt.Sprintf("Invalid tone on keypad %d. Tone must be between 0~9", n)
}
func wantNoAction(n int) string      { return fmt.Sprintf("Missing RouteNumber/Play on keypad %d", n) }
func wantBadRoute(n int) string      { return fmt.Sprintf("Invalid RouteNumber format on keypad %d", n) }
func withFields(fs ...string) string { return "{" + strings.Join(fs, ",") + "}" }

type checkCase struct {
	name string
	body string
	want []string // nil: accepted
}

// runChecks sends each case to ch and compares the answer: 200 with a
// recorded message, or 400 Failed listing exactly want, in order, with
// nothing recorded.
func runChecks(t *testing.T, ch string, tests []checkCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, Options{})
			code, b := f.sendTo(t, ch, tt.body)
			if tt.want == nil {
				if code != http.StatusOK {
					t.Fatalf("got %d %s, want 200", code, b)
				}
				if got := f.srv.Received(); len(got) != 1 || got[0].Channel != ch {
					t.Errorf("accepted send recorded as %+v", got)
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

// commonChecks are the checks every channel makes beyond its content and
// addresses, given a body that is valid apart from them (ok, as fields).
func commonChecks(ok ...string) []checkCase {
	b := func(extra ...string) string { return withFields(append(slices.Clone(ok), extra...)...) }
	return []checkCase{
		{"http webhook", b(`"WebhookCallbackURL":"http://example.com/hook"`), []string{wantWebhook}},
		{"schemeless webhook", b(`"WebhookCallbackURL":"example.com/hook"`), []string{wantWebhook}},
		{"https webhook", b(`"WebhookCallbackURL":"https://example.com/hook"`), nil},
		{"HTTPS webhook", b(`"WebhookCallbackURL":"HTTPS://example.com/hook"`), nil},
		{"null webhook", b(`"WebhookCallbackURL":null`), nil},
		{"MessageID too long", b(`"MessageID":"` + strings.Repeat("a", 41) + `"`), []string{wantBadID}},
		{"MessageID with space", b(`"MessageID":"a b"`), []string{wantBadID}},
		{"MessageID of 40", b(`"MessageID":"` + strings.Repeat("a", 40) + `"`), nil},
		{"unknown keys", b(`"ChargeCode":"x","HTTPMethod":"POST","Nested":{"a":[1,null]},"Voice":"English-NewZealand@Female1"`), nil},
		{"explicit nulls", b(`"Reference":null,"SendTime":null,"Timezone":null,"Mode":null,"MessageID":null,"SubAccount":null,"Destinations":null,"ContactID":null`), nil},
	}
}

// fileChecks are the Files checks of SMS, Email and Fax.
func fileChecks(ok ...string) []checkCase {
	b := func(extra ...string) string { return withFields(append(slices.Clone(ok), extra...)...) }
	return []checkCase{
		{"file without name", b(`"Files":[{"Data":"QQ=="}]`), []string{wantFileName(1)}},
		{"file without data", b(`"Files":[{"Name":"a.pdf","Data":" "}]`), []string{wantFileData(1)}},
		{"second file empty", b(`"Files":[{"Name":"a.pdf","Data":"QQ=="},{}]`), []string{wantFileName(2), wantFileData(2)}},
		{"null file", b(`"Files":[null]`), []string{wantFileName(1), wantFileData(1)}},
		{"lone file object", b(`"Files":{"Name":"a.pdf"}`), []string{wantFileData(1)}},
		{"good files", b(`"Files":[{"Name":"a.pdf","Data":"QQ=="},{"Name":"b.jpg","Data":"Qg=="}]`), nil},
	}
}

func TestEmailChecks(t *testing.T) {
	const (
		to  = `"Destination":"john.doe@example.com"`
		msg = `"MessagePlain":"hi"`
	)
	tests := []checkCase{
		{"valid", withFields(msg, to), nil},
		{"empty object", `{}`, []string{wantNoDest, wantNoBody}},

		{"no destination", withFields(msg), []string{wantNoDest}},
		{"blank destinations", withFields(msg, `"Destination":" ","EmailAddress":"","GroupID":null,"Destinations":[]`), []string{wantNoDest}},
		{"ToNumber is not an Email shorthand", withFields(msg, `"ToNumber":"+6421000001"`), []string{wantNoDest}},
		{"MainPhone is not an Email shorthand", withFields(msg, `"MainPhone":"+6421000001"`), []string{wantNoDest}},

		{"phone as Destination", withFields(msg, `"Destination":"+6421000001"`), []string{wantNoValid}},
		{"no @", withFields(msg, `"Destination":"john.example.com"`), []string{wantNoValid}},
		{"empty local part", withFields(msg, `"EmailAddress":"@example.com"`), []string{wantNoValid}},
		{"empty domain", withFields(msg, `"EmailAddress":"john@"`), []string{wantNoValid}},
		{"two @", withFields(msg, `"EmailAddress":"a@b@example.com"`), []string{wantNoValid}},
		{"inner space", withFields(msg, `"EmailAddress":"john doe@example.com"`), []string{wantNoValid}},
		{"tab in domain", withFields(msg, `"EmailAddress":"john@exa\tmple.com"`), []string{wantNoValid}},
		{"entry with phone only", withFields(msg, `"Destinations":[{"ToNumber":"+6421000001","MobilePhone":"021000001","MainPhone":"095006000"}]`), []string{wantNoValid}},
		{"entry with bad address", withFields(msg, `"Destinations":[{"EmailAddress":"nobody"}]`), []string{wantNoValid}},
		{"bare string entry", withFields(msg, `"Destinations":["john@example.com"]`), []string{wantNoValid}},

		{"top-level EmailAddress", withFields(msg, `"EmailAddress":"john@example.com"`), nil},
		{"entry EmailAddress", withFields(msg, `"Destinations":[{"EmailAddress":"john@example.com"}]`), nil},
		{"entry Recipient", withFields(msg, `"Destinations":[{"Recipient":"john@example.com"}]`), nil},
		{"top-level ContactID", withFields(msg, `"ContactID":"6000000b-f002-4007-b00a-c00000000001"`), nil},
		{"top-level GroupID", withFields(msg, `"GroupID":"4000000b-f002-4007-b00a-c00000000002"`), nil},
		{"entry GroupCode", withFields(msg, `"Destinations":[{"GroupCode":"My_Test_Group"}]`), nil},
		{"surrounding spaces", withFields(msg, `"Destination":"  john@example.com "`), nil},

		{"no body", withFields(to), []string{wantNoBody}},
		{"empty bodies", withFields(to, `"MessagePlain":"","MessageHTML":" ","Message":null`), []string{wantNoBody}},
		{"null bodies", withFields(to, `"MessagePlain":null,"MessageHTML":null,"TemplateID":null`), []string{wantNoBody}},
		{"subject is not a body", withFields(to, `"EmailSubject":"Hello"`), []string{wantNoBody}},
		{"MessageHTML only", withFields(to, `"MessageHTML":"<p>hi</p>"`), nil},
		{"Message synonym", withFields(to, `"Message":"hi"`), nil},
		{"TemplateID only", withFields(to, `"TemplateID":"123e4567-e89b-12d3-a456-426614174000"`), nil},

		{"everything wrong", `{"Destinations":[{"ToNumber":"+6421000001"}],"WebhookCallbackURL":"http://x","Files":[{"Name":"a"},{"Data":"QQ=="}],"MessageID":"bad id"}`,
			[]string{wantNoValid, wantNoBody, wantWebhook, wantFileData(1), wantFileName(2), wantBadID}},
		{"nothing at all but bad extras", `{"WebhookCallbackURL":"ftp://x","Files":[{}]}`,
			[]string{wantNoDest, wantNoBody, wantWebhook, wantFileName(1), wantFileData(1)}},
	}
	tests = append(tests, commonChecks(msg, to)...)
	tests = append(tests, fileChecks(msg, to)...)
	runChecks(t, "email", tests)
}

func TestFaxChecks(t *testing.T) {
	const (
		to   = `"Destination":"09 500 6000"`
		file = `"Files":[{"Name":"a.pdf","Data":"QQ=="}]`
	)
	tests := []checkCase{
		{"valid", withFields(file, to), nil},
		{"empty object", `{}`, []string{wantNoDest, wantNoFax}},

		{"no destination", withFields(file), []string{wantNoDest}},
		{"MainPhone is not a Fax shorthand", withFields(file, `"MainPhone":"095006000"`), []string{wantNoDest}},
		{"EmailAddress is not a Fax shorthand", withFields(file, `"EmailAddress":"a@example.com"`), []string{wantNoDest}},

		{"email as Destination", withFields(file, `"Destination":"john.doe@example.com"`), []string{wantNoValid}},
		{"short number", withFields(file, `"ToNumber":"500600"`), []string{wantNoValid}},
		{"entry with email only", withFields(file, `"Destinations":[{"EmailAddress":"a@example.com"}]`), []string{wantNoValid}},
		{"entry with MainPhone only", withFields(file, `"Destinations":[{"MainPhone":"+6495006000"}]`), []string{wantNoValid}},
		{"the OpenAPI file's example's email in MainPhone", withFields(file, `"Destinations":[{"MainPhone":"john.doe@example.com"}]`), []string{wantNoValid}},

		{"top-level ToNumber", withFields(file, `"ToNumber":"+6495006000"`), nil},
		{"entry ToNumber", withFields(file, `"Destinations":[{"ToNumber":"+6495006000"}]`), nil},
		{"entry Recipient", withFields(file, `"Destinations":[{"Recipient":"095006000"}]`), nil},
		{"entry FaxNumber", withFields(file, `"Destinations":[{"FaxNumber":"(09) 500-6000"}]`), nil},
		{"entry ContactID", withFields(file, `"Destinations":[{"ContactID":"c1"}]`), nil},

		{"no contents", withFields(to), []string{wantNoFax}},
		{"empty Files", withFields(to, `"Files":[]`), []string{wantNoFax}},
		{"null Files and Message", withFields(to, `"Files":null,"Message":null,"TemplateID":""`), []string{wantNoFax}},
		{"CSID is not content", withFields(to, `"CSID":"My Fax","Resolution":"High"`), []string{wantNoFax}},
		{"v2 Message only", withFields(to, `"Message":"Please call us"`), nil},
		{"TemplateID only", withFields(to, `"TemplateID":"123e4567-e89b-12d3-a456-426614174000"`), nil},
		{"empty file is content but not valid", withFields(to, `"Files":[{}]`), []string{wantFileName(1), wantFileData(1)}},

		{"everything wrong", `{"Destination":"nobody","WebhookCallbackURL":"http://x","MessageID":"` + strings.Repeat("9", 41) + `"}`,
			[]string{wantNoValid, wantNoFax, wantWebhook, wantBadID}},
		{"bad files with no destination", `{"Files":[{"Name":" "},{"Name":"b","Data":"QQ=="},{"Data":"QQ=="}],"WebhookCallbackURL":"http://x"}`,
			[]string{wantNoDest, wantWebhook, wantFileName(1), wantFileData(1), wantFileName(3)}},
	}
	tests = append(tests, commonChecks(file, to)...)
	tests = append(tests, fileChecks(`"Message":"see files"`, to)...)
	runChecks(t, "fax", tests)
}

// callChecks are the TTS and Voice checks, which are the same apart from
// the Message synonym.
func callChecks() []checkCase {
	const (
		to  = `"Destination":"021-000001"`
		msg = `"MessageToPeople":"Hello"`
	)
	kp := func(keypads string) string { return withFields(msg, to, `"Keypads":`+keypads) }
	tests := []checkCase{
		{"valid", withFields(msg, to), nil},
		{"empty object", `{}`, []string{wantNoDest, wantNoPeople}},

		{"no destination", withFields(msg), []string{wantNoDest}},
		{"EmailAddress is not a call shorthand", withFields(msg, `"EmailAddress":"a@example.com"`), []string{wantNoDest}},
		{"email as Destination", withFields(msg, `"Destination":"john.doe@example.com"`), []string{wantNoValid}},
		{"entry with email only", withFields(msg, `"Destinations":[{"EmailAddress":"a@example.com"}]`), []string{wantNoValid}},
		{"entry with MobilePhone only", withFields(msg, `"Destinations":[{"MobilePhone":"+6421000001","FaxNumber":"+6495006000"}]`), []string{wantNoValid}},
		{"top-level MainPhone", withFields(msg, `"MainPhone":"+6495006000"`), nil},
		{"top-level ToNumber", withFields(msg, `"ToNumber":"+6495006000"`), nil},
		{"entry MainPhone", withFields(msg, `"Destinations":[{"MainPhone":"+6495006000"}]`), nil},
		{"entry Recipient", withFields(msg, `"Destinations":[{"Recipient":"+6495006000"}]`), nil},
		{"entry PhoneNumber", withFields(msg, `"Destinations":[{"PhoneNumber":"09 500 6000"}]`), nil},
		{"entry ToNumber", withFields(msg, `"Destinations":[{"ToNumber":"021000001"}]`), nil},
		{"top-level GroupID", withFields(msg, `"GroupID":"4000000b-f002-4007-b00a-c00000000002"`), nil},

		{"no message", withFields(to), []string{wantNoPeople}},
		{"blank message", withFields(to, `"MessageToPeople":"  ","TemplateID":null`), []string{wantNoPeople}},
		{"answerphone message is not enough", withFields(to, `"MessageToAnswerPhones":"Sorry we missed you"`), []string{wantNoPeople}},
		{"TemplateID only", withFields(to, `"TemplateID":"123e4567-e89b-12d3-a456-426614174000"`), nil},
		{"Files are not checked", withFields(msg, to, `"Files":[{}]`), nil},

		{"the OpenAPI file's example keypads", kp(`[{"Tone":1,"RouteNumber":"+64800123123","Play":"Connecting you now."},{"Tone":2,"PlaySection":"Main"}]`), nil},
		{"Tone 0", kp(`[{"Tone":0,"Play":"zero"}]`), nil},
		{"Tone 9", kp(`[{"Tone":9,"Play":"nine"}]`), nil},
		{"Tone as a string", kp(`[{"Tone":"5","Play":"five"}]`), nil},
		{"PlaySection only", kp(`[{"Tone":3,"PlaySection":"AnswerPhone"}]`), nil},
		{"v2 PlayFile only", kp(`[{"Tone":3,"PlayFile":"UklGRg=="}]`), nil},
		{"RouteNumber of 10 digits", kp(`[{"Tone":1,"RouteNumber":"0800123123"}]`), nil},
		{"RouteNumber without +", kp(`[{"Tone":1,"RouteNumber":"6421000001"}]`), nil},
		{"RouteNumber as a JSON number", kp(`[{"Tone":1,"RouteNumber":6421000001}]`), nil},
		{"long RouteNumber", kp(`[{"Tone":1,"RouteNumber":"+6480012312345678"}]`), nil},
		{"empty Keypads", kp(`[]`), nil},
		{"null Keypads", kp(`null`), nil},

		{"no tone", kp(`[{"Play":"x"}]`), []string{wantNoTone(1)}},
		{"null tone", kp(`[{"Tone":null,"Play":"x"}]`), []string{wantNoTone(1)}},
		{"blank tone", kp(`[{"Tone":" ","Play":"x"}]`), []string{wantNoTone(1)}},
		{"tone 10", kp(`[{"Tone":10,"Play":"x"}]`), []string{wantBadTone(1)}},
		{"tone -1", kp(`[{"Tone":-1,"Play":"x"}]`), []string{wantBadTone(1)}},
		{"tone 1.5", kp(`[{"Tone":1.5,"Play":"x"}]`), []string{wantBadTone(1)}},
		{"tone #", kp(`[{"Tone":"#","Play":"x"}]`), []string{wantBadTone(1)}},
		{"tone true", kp(`[{"Tone":true,"Play":"x"}]`), []string{wantBadTone(1)}},
		{"tone object", kp(`[{"Tone":{},"Play":"x"}]`), []string{wantBadTone(1)}},

		{"tone only", kp(`[{"Tone":1}]`), []string{wantNoAction(1)}},
		{"blank actions", kp(`[{"Tone":1,"RouteNumber":"","Play":" ","PlaySection":null,"PlayFile":""}]`), []string{wantNoAction(1)}},
		{"RouteNumber of 9 digits", kp(`[{"Tone":1,"RouteNumber":"800123123"}]`), []string{wantBadRoute(1)}},
		{"+ and 9 digits", kp(`[{"Tone":1,"RouteNumber":"+800123123"}]`), []string{wantBadRoute(1)}},
		{"RouteNumber with spaces", kp(`[{"Tone":1,"RouteNumber":"+64 800 123 123"}]`), []string{wantBadRoute(1)}},
		{"RouteNumber with dashes", kp(`[{"Tone":1,"RouteNumber":"0800-123-123"}]`), []string{wantBadRoute(1)}},
		{"RouteNumber with two +", kp(`[{"Tone":1,"RouteNumber":"++6480012312"}]`), []string{wantBadRoute(1)}},
		{"RouteNumber in words", kp(`[{"Tone":1,"RouteNumber":"call centre"}]`), []string{wantBadRoute(1)}},
		{"bad RouteNumber beside Play", kp(`[{"Tone":1,"RouteNumber":"123","Play":"x"}]`), []string{wantBadRoute(1)}},

		{"null keypad", kp(`[null]`), []string{wantNoTone(1), wantNoAction(1)}},
		{"empty keypad", kp(`[{}]`), []string{wantNoTone(1), wantNoAction(1)}},
		{"lone keypad object", kp(`{"Tone":11,"RouteNumber":"1"}`), []string{wantBadTone(1), wantBadRoute(1)}},
		{"keypads in order", kp(`[{"Tone":1,"Play":"ok"},{"Tone":12,"RouteNumber":"123"},{},{"Tone":4,"PlaySection":"WrongKey"},{"Tone":"x"}]`),
			[]string{wantBadTone(2), wantBadRoute(2), wantNoTone(3), wantNoAction(3), wantBadTone(5), wantNoAction(5)}},

		{"everything wrong", `{"Destinations":[{"EmailAddress":"a@example.com"}],"Keypads":[{"Tone":"a"},{"RouteNumber":"1"}],"WebhookCallbackURL":"http://x","MessageID":"a_b","Files":[{}]}`,
			[]string{wantNoValid, wantNoPeople, wantBadTone(1), wantNoAction(1), wantNoTone(2), wantBadRoute(2), wantWebhook, wantBadID}},
		{"nothing at all", `{"Keypads":[{}]}`, []string{wantNoDest, wantNoPeople, wantNoTone(1), wantNoAction(1)}},
	}
	return append(tests, commonChecks(msg, to)...)
}

func TestTTSChecks(t *testing.T) {
	tests := append(callChecks(),
		checkCase{"Message synonym", `{"Message":"Hello","Destination":"021-000001"}`, nil},
		checkCase{"blank Message synonym", `{"Message":" ","MessageToPeople":null,"Destination":"021-000001"}`, []string{wantNoPeople}},
	)
	runChecks(t, "tts", tests)
}

func TestVoiceChecks(t *testing.T) {
	tests := append(callChecks(),
		// The audio goes in MessageToPeople; the OpenAPI file gives Voice no synonym.
		checkCase{"Message is not a synonym", `{"Message":"UklGRg==","Destination":"021-000001"}`, []string{wantNoPeople}},
	)
	runChecks(t, "voice", tests)
}

// The SMS content check must not leak into the other channels, nor theirs
// into SMS.
func TestContentKeysAreChannelSpecific(t *testing.T) {
	runChecks(t, "sms", []checkCase{
		{"MessagePlain is not an SMS message", `{"MessagePlain":"hi","Destination":"+6421000001"}`, []string{"Missing or empty message"}},
		{"MessageToPeople is not an SMS message", `{"MessageToPeople":"hi","Destination":"+6421000001"}`, []string{"Missing or empty message"}},
		{"Files are not an SMS message", `{"Files":[{"Name":"a","Data":"QQ=="}],"Destination":"+6421000001"}`, []string{"Missing or empty message"}},
		{"Keypads are not checked on SMS", `{"Message":"hi","Destination":"+6421000001","Keypads":[{}]}`, nil},
	})
	runChecks(t, "email", []checkCase{
		{"MessageToPeople is not an Email body", `{"MessageToPeople":"hi","Destination":"a@example.com"}`, []string{wantNoBody}},
		{"Files are not an Email body", `{"Files":[{"Name":"a","Data":"QQ=="}],"Destination":"a@example.com"}`, []string{wantNoBody}},
		{"Keypads are not checked on Email", `{"MessagePlain":"hi","Destination":"a@example.com","Keypads":[{}]}`, nil},
	})
	runChecks(t, "fax", []checkCase{
		{"MessagePlain is not fax content", `{"MessagePlain":"hi","Destination":"095006000"}`, []string{wantNoFax}},
		{"Keypads are not checked on Fax", `{"Message":"hi","Destination":"095006000","Keypads":[{}]}`, nil},
	})
}

func TestChannelLenientInputs(t *testing.T) {
	tests := []struct {
		ch, name, body string
		wantDests      []string // Recipients[].Destination
	}{
		{"email", "as given", `{"MessagePlain":"hi","Destination":"John.Doe+tag@Example.COM"}`, []string{"John.Doe+tag@Example.COM"}},
		{"email", "trimmed", `{"MessageHTML":"<b>hi</b>","EmailAddress":" john@example.com\n"}`, []string{"john@example.com"}},
		{"email", "nulls and unknown keys", `{"MessagePlain":"hi","MessageHTML":null,"EmailSubject":null,"CCEmail":null,"Unknown":[1],"Destinations":[{"EmailAddress":null,"Recipient":"a@example.com","ToNumber":null}]}`, []string{"a@example.com"}},
		{"email", "unusable entries dropped", `{"Message":"hi","Destinations":[{"ToNumber":"+6421000001"},{"EmailAddress":"b@example.com"},null,"x",{"EmailAddress":"bad","Recipient":"c@example.com"}]}`, []string{"b@example.com", "c@example.com"}},
		{"email", "all shorthands in order", `{"MessagePlain":"hi","Destination":"a@example.com","EmailAddress":"b@example.com","ContactID":"c","GroupID":"g","Destinations":[{"GroupCode":"G"},{"EmailAddress":"d@example.com"}]}`,
			[]string{"a@example.com", "b@example.com", "", "", "", "d@example.com"}},
		{"fax", "local NZ number", `{"Files":[{"Name":"a.pdf","Data":"QQ=="}],"Destination":"09 500 6000"}`, []string{"+6495006000"}},
		{"fax", "FaxNumber with punctuation", `{"Message":"hi","Destinations":[{"FaxNumber":"(09) 500-6000"}],"Resolution":"high","RetryAttempts":"3"}`, []string{"+6495006000"}},
		{"fax", "number as a JSON number", `{"Message":"hi","ToNumber":6495006000}`, []string{"+6495006000"}},
		{"fax", "lone Files object", `{"Files":{"Name":"a.pdf","Data":"QQ=="},"ToNumber":"0064 9 500 6000"}`, []string{"+6495006000"}},
		{"tts", "local NZ numbers", `{"MessageToPeople":"hi","Destination":"021-000001","MainPhone":"09 500 6000","ToNumber":"+61 408 080 909"}`, []string{"+6421000001", "+6495006000", "+61408080909"}},
		{"tts", "entry key preference", `{"Message":"hi","Destinations":[{"MainPhone":"nope","Recipient":"021000002","ToNumber":"021000003"},{"PhoneNumber":"021000004"}]}`, []string{"+6421000002", "+6421000004"}},
		{"tts", "nulls in keypads", `{"MessageToPeople":"hi","Destination":"021000001","Keypads":[{"Tone":0,"Play":null,"RouteNumber":null,"PlaySection":"Main"}],"NumberOfOperators":null,"CallerID":null}`, []string{"+6421000001"}},
		{"voice", "the OpenAPI file's example keypads", `{"MessageToPeople":"UklGRg==","Destination":"+6495005000","Keypads":[{"Tone":1,"RouteNumber":"+64800123123","Play":"UklGRg=="},{"Tone":2,"PlaySection":"Main"}]}`, []string{"+6495005000"}},
		{"voice", "address book entries", `{"MessageToPeople":"UklGRg==","Destinations":[{"ContactID":"c1"},{"GroupID":"g1"},{"GroupCode":"My_Test_Group"}]}`, []string{"", "", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.ch+" "+tt.name, func(t *testing.T) {
			f := newFixture(t, Options{})
			st, _ := f.statusOf(t, tt.ch, f.mustSendTo(t, tt.ch, tt.body))
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

func TestEmailAddresses(t *testing.T) {
	for in, want := range map[string]string{
		"john.doe@example.com":    "john.doe@example.com",
		" a@b ":                   "a@b",
		"Bounce+1@Example.co.nz":  "Bounce+1@Example.co.nz",
		"":                        "",
		"john":                    "",
		"@example.com":            "",
		"john@":                   "",
		"a@b@c":                   "",
		"john doe@example.com":    "",
		"john@example.com\u00a0x": "",
		"+6421000001":             "",
	} {
		got, ok := emailAddress(in)
		if got != want || ok != (want != "") {
			t.Errorf("emailAddress(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

// outcomeCase is one recipient of TestChannelOutcomes.
type outcomeCase struct {
	entry                string // Destinations[] entry
	dest, status, result string
	price                string // "" for none
	contactID            string
}

func TestChannelOutcomes(t *testing.T) {
	tests := []struct {
		ch, typ, content string
		total            string
		success, failed  int
		recipients       []outcomeCase
	}{
		{"sms", "SMS", `"Message":"hi"`, "0.20", 2, 1, []outcomeCase{
			{`{"ToNumber":"021 000 001"}`, "+6421000001", "Success", "Delivered", "0.10", ""},
			{`{"ToNumber":"+6421000099"}`, "+6421000099", "Failed", "Bad Number", "", ""},
			{`{"ContactID":"cid"}`, "", "Success", "Delivered", "0.10", "cid"},
		}},
		{"email", "Email", `"MessagePlain":"hi","EmailSubject":"s"`, "0.10", 2, 2, []outcomeCase{
			{`{"EmailAddress":"john.doe@example.com"}`, "john.doe@example.com", "Success", "250 OK", "0.05", ""},
			{`{"EmailAddress":"bounce@example.com"}`, "bounce@example.com", "Failed", "550 Mailbox unavailable", "", ""},
			{`{"Recipient":"Bounce.Me+x@example.com","ContactID":"cid-2"}`, "Bounce.Me+x@example.com", "Failed", "550 Mailbox unavailable", "", "cid-2"},
			{`{"EmailAddress":"no-bounce@example.com"}`, "no-bounce@example.com", "Success", "250 OK", "0.05", ""},
		}},
		{"fax", "Fax", `"Files":[{"Name":"a.pdf","Data":"QQ=="}]`, "0.60", 2, 1, []outcomeCase{
			{`{"ToNumber":"09 500 6000"}`, "+6495006000", "Success", "SentOK", "0.30", ""},
			{`{"FaxNumber":"09 500 6099"}`, "+6495006099", "Failed", "Busy", "", ""},
			{`{"GroupID":"g"}`, "", "Success", "SentOK", "0.30", ""},
		}},
		{"tts", "Voice", `"MessageToPeople":"hi"`, "0.40", 1, 2, []outcomeCase{
			{`{"MainPhone":"+6495005000"}`, "+6495005000", "Success", "Answered", "0.40", ""},
			{`{"PhoneNumber":"021 000 199"}`, "+6421000199", "Failed", "No Answer", "", ""},
			{`{"Recipient":"0064 9 500 5099"}`, "+6495005099", "Failed", "No Answer", "", ""},
		}},
		{"voice", "Voice", `"MessageToPeople":"UklGRg=="`, "0.80", 2, 1, []outcomeCase{
			{`{"ToNumber":"021000001"}`, "+6421000001", "Success", "Answered", "0.40", ""},
			{`{"MainPhone":"021000099"}`, "+6421000099", "Failed", "No Answer", "", ""},
			{`{"GroupCode":"G"}`, "", "Success", "Answered", "0.40", ""},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.ch, func(t *testing.T) {
			f := newFixture(t, Options{})
			entries := make([]string, len(tt.recipients))
			for i, r := range tt.recipients {
				entries[i] = r.entry
			}
			id := f.mustSendTo(t, tt.ch, `{`+tt.content+`,"Destinations":[`+strings.Join(entries, ",")+`]}`)
			f.clock.Advance(DefaultCompletionDelay)
			st, raw := f.statusOf(t, tt.ch, id)
			n := len(tt.recipients)
			if st.JobStatus != "Completed" || st.Count != n || st.Complete != n || st.Success != tt.success || st.Failed != tt.failed {
				t.Errorf("%s %d/%d/%d/%d, want Completed %d/%d/%d/%d", st.JobStatus, st.Count, st.Complete, st.Success, st.Failed, n, n, tt.success, tt.failed)
			}
			if st.Price == nil || *st.Price != tt.total {
				t.Errorf("Price = %v, want %s", st.Price, tt.total)
			}
			if len(st.Recipients) != n {
				t.Fatalf("%d recipients, want %d", len(st.Recipients), n)
			}
			for i, w := range tt.recipients {
				r := st.Recipients[i]
				gotPrice := ""
				if r.Price != nil {
					gotPrice = *r.Price
				}
				if r.Type != tt.typ || r.DestSeq != fmt.Sprintf("%08d", i+1) || r.Destination != w.dest || r.ContactID != w.contactID ||
					r.Status != w.status || r.Result != w.result || gotPrice != w.price || r.SentTimeUTC != "2026-03-01 09:30:02" {
					t.Errorf("recipient %d = %+v (price %q), want %+v", i+1, r, gotPrice, w)
				}
			}
			hasText, hasReplies := strings.Contains(raw, `"MessageText"`), strings.Contains(raw, `"SMSReplies"`)
			if sms := tt.ch == "sms"; hasText != sms || hasReplies != sms {
				t.Errorf("MessageText shown %v, SMSReplies shown %v; want both %v: %s", hasText, hasReplies, sms, raw)
			}
		})
	}
}

func TestChannelStatus(t *testing.T) {
	bodies := map[string]string{
		"sms":   `{"Message":"hi","Destination":"+6421000001","MessageID":"same","Reference":"r"}`,
		"email": `{"MessagePlain":"hi","Destination":"a@example.com","MessageID":"same","Reference":"r"}`,
		"fax":   `{"Message":"hi","Destination":"095006000","MessageID":"same","Reference":"r"}`,
		"tts":   `{"Message":"hi","Destination":"095006000","MessageID":"same","Reference":"r"}`,
		"voice": `{"MessageToPeople":"UklGRg==","Destination":"095006000","MessageID":"same","Reference":"r"}`,
	}
	types := map[string]string{"sms": "SMS", "email": "Email", "fax": "Fax", "tts": "Voice", "voice": "Voice"}
	for _, ch := range []string{"sms", "email", "fax", "tts", "voice"} {
		t.Run(ch, func(t *testing.T) {
			f := newFixture(t, Options{})
			// An id on the other channels is not this channel's.
			for other, b := range bodies {
				if other != ch {
					f.mustSendTo(t, other, strings.Replace(b, `"Reference":"r"`, `"Reference":"other"`, 1))
				}
			}
			code, _, b := f.do(t, http.MethodGet, "/api/v3.00/"+ch+"/same", "", nil)
			if want := `{"Result":"RecordNotFound","MessageID":"same","ErrorMessage":["Unable to find entry."]}`; code != http.StatusNotFound || b != want {
				t.Errorf("before sending on %s: %d %s, want 404 %s", ch, code, b, want)
			}

			id := f.mustSendTo(t, ch, bodies[ch])
			st, raw := f.statusOf(t, strings.ToUpper(ch), id)
			if st.MessageID != "same" || st.Reference != "r" || st.JobStatus != "Pending" || st.Count != 1 || st.Price != nil ||
				st.Recipients[0].Type != types[ch] || st.Recipients[0].Status != "Pending" || st.Recipients[0].Result != "" {
				t.Errorf("pending status: %s", raw)
			}
			for _, key := range []string{`"MessageText"`, `"SentTimeUTC"`} {
				if strings.Contains(raw, key) {
					t.Errorf("pending status has %s: %s", key, raw)
				}
			}

			f.clock.Advance(DefaultCompletionDelay)
			st, raw = f.statusOf(t, ch, id)
			if st.JobStatus != "Completed" || st.Success != 1 || st.Recipients[0].Status != "Success" {
				t.Errorf("completed status: %s", raw)
			}
			if (ch == "sms") != strings.Contains(raw, `"MessageText":"hi"`) {
				t.Errorf("MessageText on %s: %s", ch, raw)
			}
		})
	}
}

func TestChannelTestMode(t *testing.T) {
	bodies := map[string]string{
		"email": `{"MessagePlain":"hi","Mode":"Test","Destinations":[{"EmailAddress":"bounce@example.com"},{"EmailAddress":"a@example.com"}]}`,
		"fax":   `{"Message":"hi","Mode":"test","Destinations":[{"ToNumber":"095006099"},{"ToNumber":"095006000"}]}`,
		"tts":   `{"MessageToPeople":"hi","Mode":"Test","Destinations":[{"MainPhone":"095006099"},{"MainPhone":"095006000"}],"SendTime":"2099-01-01T00:00"}`,
		"voice": `{"MessageToPeople":"UklGRg==","Mode":"TEST","Destinations":[{"MainPhone":"095006099"},{"MainPhone":"095006000"}]}`,
	}
	for ch, body := range bodies {
		f := newFixture(t, Options{})
		st, raw := f.statusOf(t, ch, f.mustSendTo(t, ch, body))
		if st.JobStatus != "Completed" || st.Success != 2 || st.Failed != 0 || st.Price != nil {
			t.Errorf("%s Test mode: %s", ch, raw)
		}
		for _, r := range st.Recipients {
			if r.Status != "Success" || r.Result != testResult || r.Price != nil {
				t.Errorf("%s Test mode recipient %+v", ch, r)
			}
		}
	}
}

func TestChannelLifecycle(t *testing.T) {
	f := newFixture(t, Options{})
	id := f.mustSendTo(t, "fax", `{"Message":"hi","Destination":"095006000","Timezone":"UTC","SendTime":"2026-03-01T10:00"}`)
	if st, _ := f.statusOf(t, "fax", id); st.JobStatus != "Delayed" || st.DelayedTimeUTC != "2026-03-01 10:00:00" {
		t.Fatalf("future SendTime on fax: %+v", st)
	}
	f.clock.Advance(30*time.Minute + DefaultCompletionDelay)
	if st, _ := f.statusOf(t, "fax", id); st.JobStatus != "Completed" || st.Recipients[0].Result != "SentOK" {
		t.Errorf("after SendTime + delay: %+v", st)
	}
}

func TestChannelInspection(t *testing.T) {
	f := newFixture(t, Options{})
	sends := []struct{ ch, body string }{
		{"email", `{"MessagePlain":"hi","Destination":"a@example.com","MessageID":"e1"}`},
		{"fax", `{"Message":"hi","Destination":"095006000","MessageID":"f1"}`},
		{"tts", `{"Message":"hi","Destination":"095006000","MessageID":"t1"}`},
		{"voice", `{"MessageToPeople":"UklGRg==","Destination":"095006000","MessageID":"v1"}`},
	}
	for _, s := range sends {
		f.mustSendTo(t, s.ch, s.body)
		f.sendTo(t, s.ch, `{}`) // rejected, not recorded
	}
	got := f.srv.Received()
	if len(got) != len(sends) {
		t.Fatalf("Received() has %d entries, want %d", len(got), len(sends))
	}
	for i, s := range sends {
		if got[i].Channel != s.ch || got[i].APIVersion != "v3.00" || string(got[i].Body) != s.body {
			t.Errorf("Received()[%d] = %+v", i, got[i])
		}
	}
	_, _, raw := f.do(t, http.MethodGet, "/sandbox/messages", "", nil)
	var list struct {
		Messages []struct{ Channel, MessageID string }
	}
	decode(t, raw, &list)
	if len(list.Messages) != len(sends) {
		t.Fatalf("inspection lists %d: %s", len(list.Messages), raw)
	}
	for i, s := range sends {
		if m := list.Messages[i]; m.Channel != s.ch || m.MessageID != []string{"e1", "f1", "t1", "v1"}[i] {
			t.Errorf("inspection entry %d = %+v", i, m)
		}
	}
}

func TestChannelRoutingAndAuth(t *testing.T) {
	for _, ch := range []string{"email", "fax", "tts", "voice"} {
		f := newFixture(t, Options{})
		if code, _, b := f.do(t, http.MethodGet, "/api/v3.00/"+ch, "", nil); code != http.StatusMethodNotAllowed {
			t.Errorf("GET /%s: %d %s, want 405", ch, code, b)
		}
		if code, _, b := f.do(t, http.MethodPost, "/api/v3.00/"+ch+"/id/extra", "{}", nil); code != http.StatusNotFound || b != body404 {
			t.Errorf("POST /%s/id/extra: %d %s, want 404", ch, code, b)
		}
		noAuth := map[string]string{"Authorization": "Bearer wrong"}
		for _, req := range []struct{ method, path string }{{http.MethodPost, "/api/v3.00/" + ch}, {http.MethodGet, "/api/v3.00/" + ch + "/x"}} {
			if code, _, b := f.do(t, req.method, req.path, "{}", noAuth); code != http.StatusUnauthorized || b != body401 {
				t.Errorf("%s %s with a wrong token: %d %s", req.method, req.path, code, b)
			}
		}
		if code, _, b := f.do(t, http.MethodPost, "/api/v3.00/"+ch, "{}", map[string]string{"Content-Type": "text/plain"}); code != http.StatusUnsupportedMediaType || b != body415 {
			t.Errorf("POST /%s as text/plain: %d %s", ch, code, b)
		}
		if code, b := f.sendTo(t, strings.ToUpper(ch)+"/", "{"); code != http.StatusBadRequest || b != body400 {
			t.Errorf("malformed POST /%s: %d %s", ch, code, b)
		}
	}
}
