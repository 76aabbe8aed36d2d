package sandbox

import (
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

// WhatsApp, RCS and Workflow: their checks, the fallback, replies and
// received lists, and the routes they do not have.

const (
	waTemplate = `"TemplateID":"123e4567-e89b-12d3-a456-426614174000"`
	waMessage  = `"Message":"Hello"`
	waFrom     = `"FromNumber":"+6495006000"`
	waTo       = `"Destination":"+6421000001"`
	wfTemplate = `"WorkflowTemplateID":"a1b2c3d4-e5f6-7890-1234-567890abcdef"`

	wantNoWATemplate = "Missing required field: TemplateID"
	wantNoWAMessage  = "Missing required field: Message"
	wantNoWAFrom     = "Missing required field: FromNumber"
	wantWAFallback   = "Invalid FallbackMode - use None, SMS, Voice or RCS"
	wantRCSContent   = "Missing required field: Message or TemplateID"
	wantRCSFallback  = "Invalid FallbackMode - use None, SMS, Voice or WhatsApp"
	wantNoWorkflow   = "Missing required field: WorkflowTemplateID"
)

func wantNotUUID(key string) string { return "Invalid " + key + " - must be a UUID" }

func TestWhatsAppChecks(t *testing.T) {
	ok := []string{waTemplate, waMessage, waFrom, waTo}
	b := func(extra ...string) string { return withFields(append(slices.Clone(ok), extra...)...) }
	tests := []checkCase{
		{"valid", b(), nil},
		{"empty object", `{}`, []string{wantNoDest, wantNoWATemplate, wantNoWAMessage, wantNoWAFrom}},
		{"no destination", withFields(waTemplate, waMessage, waFrom), []string{wantNoDest}},
		{"e-mail destination", withFields(waTemplate, waMessage, waFrom, `"Destination":"john@example.com"`), []string{wantNoValid}},
		{"entry ToNumber", withFields(waTemplate, waMessage, waFrom, `"Destinations":[{"ToNumber":"021 000 001"}]`), nil},
		{"top-level ContactID", withFields(waTemplate, waMessage, waFrom, `"ContactID":"6000000b-f002-4007-b00a-c00000000001"`), nil},

		{"no TemplateID", withFields(waMessage, waFrom, waTo), []string{wantNoWATemplate}},
		{"no Message", withFields(waTemplate, waFrom, waTo), []string{wantNoWAMessage}},
		{"no FromNumber", withFields(waTemplate, waMessage, waTo), []string{wantNoWAFrom}},
		{"blank and null", withFields(waTo, `"TemplateID":" ","Message":null,"FromNumber":""`), []string{wantNoWATemplate, wantNoWAMessage, wantNoWAFrom}},
		{"TemplateID not a UUID", withFields(waMessage, waFrom, waTo, `"TemplateID":"renewal"`), []string{wantNotUUID("TemplateID")}},
		{"TNZ's example TemplateID", withFields(waMessage, waFrom, waTo, `"TemplateID":"a1b2c3d4-e5f6-7890-1234-567890abcdef"`), nil},

		{"FallbackMode SMS", b(`"FallbackMode":"SMS"`), nil},
		{"FallbackMode in lower case", b(`"FallbackMode":"voice"`), nil},
		{"FallbackMode RCS", b(`"FallbackMode":"RCS"`), nil},
		{"FallbackMode None", b(`"FallbackMode":"None"`), nil},
		{"FallbackMode list", b(`"FallbackMode":"SMS, Voice"`), nil},
		{"FallbackMode null", b(`"FallbackMode":null`), nil},
		{"FallbackMode WhatsApp", b(`"FallbackMode":"WhatsApp"`), []string{wantWAFallback}},
		{"FallbackMode Email", b(`"FallbackMode":"Email"`), []string{wantWAFallback}},
		{"FallbackMode list with Email", b(`"FallbackMode":"SMS,Email"`), []string{wantWAFallback}},
		{"FallbackMode empty item", b(`"FallbackMode":"SMS,,Voice"`), []string{wantWAFallback}},

		{"every check at once",
			withFields(`"Destination":"nobody"`, waMessage, `"TemplateID":"t"`, `"FallbackMode":"x"`,
				`"WebhookCallbackURL":"http://x"`, `"Files":[{}]`, `"MessageID":"a b"`),
			[]string{wantNoValid, wantNoWAFrom, wantNotUUID("TemplateID"), wantWAFallback, wantWebhook, wantFileName(1), wantFileData(1), wantBadID}},
	}
	runChecks(t, "whatsapp", append(append(tests, commonChecks(ok...)...), fileChecks(ok...)...))
}

func TestRCSChecks(t *testing.T) {
	const to = `"Destination":"+14155550100"`
	ok := []string{waMessage, to}
	b := func(extra ...string) string { return withFields(append(slices.Clone(ok), extra...)...) }
	tests := []checkCase{
		{"valid", b(), nil},
		{"template only", withFields(waTemplate, to), nil},
		{"empty object", `{}`, []string{wantNoDest, wantRCSContent}},
		{"no content", withFields(to, `"Message":" ","TemplateID":null`), []string{wantRCSContent}},
		{"no destination", withFields(waMessage), []string{wantNoDest}},
		{"e-mail destination", withFields(waMessage, `"Destinations":[{"EmailAddress":"john@example.com"}]`), []string{wantNoValid}},
		{"TemplateID not a UUID", b(`"TemplateID":"welcome"`), []string{wantNotUUID("TemplateID")}},
		{"FallbackMode WhatsApp", b(`"FallbackMode":"WhatsApp"`), nil},
		{"FallbackMode WAPP", b(`"FallbackMode":"WAPP"`), nil},
		{"FallbackMode list", b(`"FallbackMode":"wapp, SMS, Voice"`), nil},
		{"FallbackMode RCS", b(`"FallbackMode":"RCS"`), []string{wantRCSFallback}},
		{"FallbackMode Fax", b(`"FallbackMode":"Fax"`), []string{wantRCSFallback}},
	}
	runChecks(t, "rcs", append(append(tests, commonChecks(ok...)...), fileChecks(ok...)...))
}

func TestWorkflowChecks(t *testing.T) {
	ok := []string{wfTemplate, waTo}
	b := func(extra ...string) string { return withFields(append(slices.Clone(ok), extra...)...) }
	tests := []checkCase{
		{"valid", b(), nil},
		{"empty object", `{}`, []string{wantNoDest, wantNoWorkflow}},
		{"no destination", withFields(wfTemplate), []string{wantNoDest}},
		{"top-level e-mail address", withFields(wfTemplate, `"Destination":"john@example.com"`), nil},
		{"top-level MainPhone", withFields(wfTemplate, `"MainPhone":"09 500 6000"`), nil},
		{"EmailAddress is not a Workflow shorthand", withFields(wfTemplate, `"EmailAddress":"john@example.com"`), []string{wantNoDest}},
		{"entry with all three", withFields(wfTemplate,
			`"Destinations":[{"ToNumber":"+6421000001","EmailAddress":"john@example.com","MainPhone":"+6495005000","FirstName":"John"}]`), nil},
		{"entry with e-mail only", withFields(wfTemplate, `"Destinations":[{"EmailAddress":"john@example.com"}]`), nil},
		{"entry GroupID", withFields(wfTemplate, `"Destinations":[{"GroupID":"4000000b-f002-4007-b00a-c00000000002"}]`), nil},
		{"unusable destination", withFields(wfTemplate, `"Destination":"nobody"`), []string{wantNoValid}},
		{"no WorkflowTemplateID", withFields(waTo), []string{wantNoWorkflow}},
		{"TemplateID is not the workflow", withFields(waTo, waTemplate), []string{wantNoWorkflow}},
		{"WorkflowTemplateID not a UUID", withFields(waTo, `"WorkflowTemplateID":"onboarding"`), []string{wantNotUUID("WorkflowTemplateID")}},
		// Workflow has no Files or FallbackMode: unknown keys, ignored.
		{"Files ignored", b(`"Files":[{}]`), nil},
		{"FallbackMode ignored", b(`"FallbackMode":"Email"`), nil},
	}
	runChecks(t, "workflow", append(tests, commonChecks(ok...)...))
}

// recipientView is what a fallback test reads of one recipient.
type recipientView struct{ Type, Status, Result, Price string }

func view(rs recipientStatus) recipientView {
	v := recipientView{Type: rs.Type, Status: rs.Status, Result: rs.Result}
	if rs.Price != nil {
		v.Price = *rs.Price
	}
	return v
}

func TestFallbackOutcomes(t *testing.T) {
	const (
		nz      = "+6421000001" // WhatsApp yes, RCS no (New Zealand)
		nzNoWA  = "+6421000097" // neither
		nzBad   = "+6421000099" // a bad number on every channel
		us      = "+14155550100"
		usNoWA  = "+14155550197" // RCS only
		usNoAny = "+14155550198" // neither
	)
	wa := func(typ, result, price string) recipientView { return recipientView{typ, "Success", result, price} }
	failed := func(typ, result string) recipientView { return recipientView{typ, "Failed", result, ""} }
	for _, tc := range []struct {
		name, ch, mode string
		to             []string
		want           []recipientView
	}{
		{"whatsapp without fallback", "whatsapp", "", []string{nz, nzNoWA, nzBad, usNoAny},
			[]recipientView{wa("WhatsApp", "Delivered", "0.08"), failed("WhatsApp", "No WhatsApp account"),
				failed("WhatsApp", "Bad Number"), failed("WhatsApp", "No WhatsApp account")}},
		{"whatsapp None", "whatsapp", "None", []string{nzNoWA}, []recipientView{failed("WhatsApp", "No WhatsApp account")}},
		{"whatsapp to SMS", "whatsapp", "SMS", []string{nz, nzNoWA, nzBad},
			[]recipientView{wa("WhatsApp", "Delivered", "0.08"), wa("SMS", "Delivered", "0.10"), failed("SMS", "Bad Number")}},
		{"whatsapp to RCS then Voice", "whatsapp", "RCS, Voice", []string{nzNoWA, usNoWA, usNoAny},
			[]recipientView{wa("Voice", "Answered", "0.40"), wa("RCS", "Delivered", "0.06"), wa("Voice", "Answered", "0.40")}},
		{"whatsapp to RCS in New Zealand", "whatsapp", "rcs", []string{nzNoWA}, []recipientView{failed("RCS", "RCS not supported")}},
		{"rcs without fallback", "rcs", "", []string{us, nz, usNoAny},
			[]recipientView{wa("RCS", "Delivered", "0.06"), failed("RCS", "RCS not supported"), failed("RCS", "RCS not supported")}},
		{"rcs to WhatsApp then SMS", "rcs", "WhatsApp, SMS", []string{nz, nzNoWA, usNoAny, nzBad},
			[]recipientView{wa("WhatsApp", "Delivered", "0.08"), wa("SMS", "Delivered", "0.10"), wa("SMS", "Delivered", "0.10"), failed("SMS", "Bad Number")}},
		{"rcs to WAPP", "rcs", "WAPP", []string{nz}, []recipientView{wa("WhatsApp", "Delivered", "0.08")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, Options{})
			var dests []string
			for _, n := range tc.to {
				dests = append(dests, `{"ToNumber":"`+n+`"}`)
			}
			body := withFields(waTemplate, waMessage, waFrom, `"FallbackMode":"`+tc.mode+`"`,
				`"Destinations":[`+strings.Join(dests, ",")+`]`)
			id := f.mustSendTo(t, tc.ch, body)
			if st, _ := f.statusOf(t, tc.ch, id); st.Recipients[0].Status != "Pending" || st.Recipients[0].Type != map[string]string{"whatsapp": "WhatsApp", "rcs": "RCS"}[tc.ch] {
				t.Errorf("before completion: %+v", st.Recipients[0])
			}
			f.clock.Advance(DefaultCompletionDelay)
			st, raw := f.statusOf(t, tc.ch, id)
			var got []recipientView
			for _, rs := range st.Recipients {
				got = append(got, view(rs))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("recipients\n got %+v\nwant %+v\n%s", got, tc.want, raw)
			}
		})
	}

	t.Run("counts, Address Book entries and test mode", func(t *testing.T) {
		f := newFixture(t, Options{})
		body := withFields(waTemplate, waMessage, waFrom, `"FallbackMode":"SMS"`,
			`"Destinations":[{"ToNumber":"`+nzNoWA+`"},{"ToNumber":"`+nzBad+`"},{"ContactID":"6000000b-f002-4007-b00a-c00000000001"}]`)
		id := f.mustSendTo(t, "whatsapp", body)
		test := f.mustSendTo(t, "whatsapp", strings.TrimSuffix(body, "}")+`,"Mode":"Test"}`)
		f.clock.Advance(DefaultCompletionDelay)
		st, _ := f.statusOf(t, "whatsapp", id)
		if st.Count != 3 || st.Success != 2 || st.Failed != 1 || st.Price == nil || *st.Price != "0.18" {
			t.Errorf("counts %d/%d/%d, price %v; want 3/2/1 and 0.18 (an SMS and a WhatsApp)", st.Count, st.Success, st.Failed, st.Price)
		}
		if got := view(st.Recipients[2]); got != wa("WhatsApp", "Delivered", "0.08") {
			t.Errorf("Address Book entry = %+v", got)
		}
		st, _ = f.statusOf(t, "whatsapp", test)
		for _, rs := range st.Recipients {
			if got := view(rs); got != wa("WhatsApp", "Test Mode", "") {
				t.Errorf("test mode recipient = %+v", got)
			}
		}
	})
}

func TestV3OnlyRoutes(t *testing.T) {
	f := newFixture(t, Options{})
	later := `"SendTime":"2099-01-01T09:00"`
	wa := f.mustSendTo(t, "whatsapp", withFields(waTemplate, waMessage, waFrom, waTo, `"MessageID":"wa1"`, later))
	rcs := f.mustSendTo(t, "rcs", withFields(waMessage, waTo, `"MessageID":"rcs1"`, later))
	wf := f.mustSendTo(t, "workflow", withFields(wfTemplate, waTo, `"MessageID":"wf1"`))
	for _, tc := range []struct {
		method, path string
		code         int
		want         string // in the body
	}{
		// Workflow has only its send.
		{http.MethodGet, "/api/v3.00/workflow/" + wf, 404, body404},
		{http.MethodGet, "/api/v3.00/workflow/received?timePeriod=5", 404, body404},
		{http.MethodPatch, "/api/v3.00/workflow/" + wf + "/abort", 404, body404},
		{http.MethodPatch, "/api/v3.00/workflow/" + wf + "/reschedule", 404, body404},
		// WhatsApp and RCS: status, abort and reschedule, no resubmit or pacing.
		{http.MethodGet, "/api/v3.00/whatsapp/" + wa, 200, `"JobStatus":"Delayed"`},
		{http.MethodGet, "/api/v3.00/rcs/" + rcs, 200, `"JobStatus":"Delayed"`},
		{http.MethodGet, "/api/v3.00/sms/" + wa, 404, `"Unable to find entry."`},
		{http.MethodPatch, "/api/v3.00/whatsapp/" + wa + "/resubmit", 404, body404},
		{http.MethodPatch, "/api/v3.00/rcs/" + rcs + "/pacing", 404, body404},
		{http.MethodPatch, "/api/v3.00/whatsapp/" + wa + "/reschedule", 200, `"Action":"Reschedule"`},
		{http.MethodPatch, "/api/v3.00/rcs/" + rcs + "/abort", 200, `"Action":"Abort"`},
		// v3.00 only: v2.0x neither sends nor finds them.
		{http.MethodPost, "/api/v2.04/send/whatsapp", 404, body404},
		{http.MethodPost, "/api/v2.04/send/workflow", 404, body404},
		{http.MethodGet, "/api/v2.04/get/status/" + wa, 404, "Message(s) NOT found"},
		{http.MethodPatch, "/api/v2.04/set/abort/" + wa, 404, "Message(s) NOT found"},
		{http.MethodGet, "/api/v2.04/get/status/" + wf, 404, "Message(s) NOT found"},
	} {
		hdr := map[string]string{"Content-Type": "application/json"}
		if strings.Contains(tc.path, "/v2.04/") {
			hdr["Authorization"] = "Basic " + DefaultToken
		}
		body := ""
		switch {
		case strings.HasSuffix(tc.path, "/reschedule"):
			body = `{"SendTime":"2099-02-01T09:00"}`
		case tc.method == http.MethodPost:
			body = withFields(waTemplate, waMessage, waFrom, `"Destinations":[{"Recipient":"+6421000001"}]`)
		}
		code, _, b := f.do(t, tc.method, tc.path, body, hdr)
		if code != tc.code || !strings.Contains(b, tc.want) {
			t.Errorf("%s %s = %d %s, want %d with %s", tc.method, tc.path, code, b, tc.code, tc.want)
		}
	}
	if got := len(f.srv.Received()); got != 3 {
		t.Errorf("%d messages stored, want the 3 v3.00 sends", got)
	}
}

func TestWhatsAppAndRCSReplies(t *testing.T) {
	f := newFixture(t, Options{})
	wa := f.mustSendTo(t, "whatsapp", withFields(waTemplate, waMessage, waFrom, `"MessageID":"wa1"`, `"FallbackMode":"SMS"`,
		`"Destinations":[{"ToNumber":"+6421000001"},{"ToNumber":"+6421000097"}]`))
	rcs := f.mustSendTo(t, "rcs", withFields(waMessage, `"MessageID":"rcs1"`, `"Destination":"+14155550100"`))
	if err := f.srv.InjectReplyOn("whatsapp", wa, "+6421000001", "early"); err == nil || errors.Is(err, ErrUnknownMessage) {
		t.Errorf("a reply before delivery: %v", err)
	}
	f.clock.Advance(DefaultCompletionDelay)

	if err := f.srv.InjectReplyOn("WhatsApp", wa, "021 000 001", "YES"); err != nil {
		t.Fatal(err)
	}
	// The recipient the fallback reached by SMS replied too.
	if err := f.srv.InjectReplyOn("whatsapp", wa, "+6421000097", "ok"); err != nil {
		t.Fatal(err)
	}
	code, _, raw := f.do(t, http.MethodPost, "/sandbox/inbound", `{"Channel":"rcs","MessageID":"rcs1","From":"+14155550100","MessageText":"sure"}`, nil)
	if code != http.StatusOK || !strings.Contains(raw, `"MessageID":"rcs1"`) {
		t.Fatalf("/sandbox/inbound rcs reply: %d %s", code, raw)
	}
	if err := f.srv.InjectInboundOn("whatsapp", "+6421555000", "hello?"); err != nil {
		t.Fatal(err)
	}

	st, raw := f.statusOf(t, "whatsapp", wa)
	if r := st.Recipients; len(r[0].SMSReplies) != 1 || r[0].SMSReplies[0].MessageText != "YES" || r[0].SMSReplies[0].From != "+6421000001" ||
		len(r[1].SMSReplies) != 1 || r[1].Type != "SMS" {
		t.Errorf("whatsapp status: %s", raw)
	}
	if strings.Contains(raw, "MessageText\":\"Hello") {
		t.Errorf("WhatsApp recipients show MessageText, which the OpenAPI file does not declare for them: %s", raw)
	}
	if st, raw := f.statusOf(t, "rcs", rcs); len(st.Recipients[0].SMSReplies) != 1 {
		t.Errorf("rcs status: %s", raw)
	}

	list := func(ch string) []string {
		t.Helper()
		code, _, b := f.do(t, http.MethodGet, "/api/v3.00/"+ch+"/received?timePeriod=5", "", nil)
		if code != http.StatusOK {
			t.Fatalf("%s received: %d %s", ch, code, b)
		}
		var r receivedResponse
		decode(t, b, &r)
		var out []string
		for _, m := range r.Messages {
			out = append(out, m.MessageID+":"+m.MessageText)
		}
		return out
	}
	if got, want := list("whatsapp"), []string{"wa1:YES", "wa1:ok", ":hello?"}; !slices.Equal(got, want) {
		t.Errorf("whatsapp received = %q, want %q", got, want)
	}
	if got, want := list("rcs"), []string{"rcs1:sure"}; !slices.Equal(got, want) {
		t.Errorf("rcs received = %q, want %q", got, want)
	}
	if got := list("sms"); len(got) != 0 {
		t.Errorf("sms received lists other channels' messages: %q", got)
	}
	code, _, raw = f.do(t, http.MethodGet, "/api/v2.04/get/sms/received?timePeriod=5", "", map[string]string{"Authorization": "Basic " + DefaultToken})
	if code != http.StatusOK || strings.Contains(raw, "YES") || strings.Contains(raw, "hello?") {
		t.Errorf("v2.0x received lists WhatsApp messages: %d %s", code, raw)
	}

	for _, tc := range []struct {
		name string
		err  error
		is   error
		want string
	}{
		{"email channel", f.srv.InjectReplyOn("email", wa, "+6421000001", "x"), ErrNoReceivedList, `channel "email"`},
		{"workflow inbound", f.srv.InjectInboundOn("workflow", "+6421000001", "x"), ErrNoReceivedList, `channel "workflow"`},
		{"unknown id", f.srv.InjectReplyOn("rcs", "nope", "+14155550100", "x"), ErrUnknownMessage, `no RCS message with that MessageID: "nope"`},
		{"id of another channel", f.srv.InjectReplyOn("rcs", wa, "+6421000001", "x"), ErrUnknownMessage, "no RCS message"},
		{"not a recipient", f.srv.InjectReplyOn("whatsapp", wa, "+6421000002", "x"), nil, `+6421000002 is not a recipient of WhatsApp message "wa1"`},
	} {
		if tc.err == nil || !strings.Contains(tc.err.Error(), tc.want) || (tc.is != nil) != errors.Is(tc.err, tc.is) || tc.is == nil && errors.Is(tc.err, ErrUnknownMessage) {
			t.Errorf("%s: err = %v, want %q (is %v)", tc.name, tc.err, tc.want, tc.is)
		}
	}
	for body, want := range map[string]string{
		`{"Channel":"fax","From":"+6421000001","MessageText":"x"}`:                         `{"Result":"Failed","ErrorMessage":["Channel must be sms, whatsapp or rcs"]}`,
		`{"Channel":"whatsapp","MessageID":"nope","From":"+6421000001","MessageText":"x"}`: `{"Result":"RecordNotFound","MessageID":"nope","ErrorMessage":["Unable to find entry."]}`,
	} {
		if _, _, raw := f.do(t, http.MethodPost, "/sandbox/inbound", body, nil); raw != want {
			t.Errorf("/sandbox/inbound %s = %s, want %s", body, raw, want)
		}
	}
}

// /sandbox/messages shows the v3-only sends, read as their channel reads
// them: a ReportTo they lack is not shown, and a Workflow's Mode "Test"
// does not make it a test.
func TestV3OnlyInspection(t *testing.T) {
	f := newFixture(t, Options{})
	f.mustSendTo(t, "whatsapp", withFields(waTemplate, waMessage, waFrom, waTo, `"MessageID":"wa1"`, `"ReportTo":"reports@example.com"`))
	f.mustSendTo(t, "rcs", withFields(waMessage, waTo, `"MessageID":"rcs1"`, `"ReportTo":"reports@example.com"`))
	f.mustSendTo(t, "workflow", withFields(wfTemplate, waTo, `"MessageID":"wf1"`, `"Mode":"Test"`))
	f.mustSendTo(t, "sms", withFields(waMessage, waTo, `"MessageID":"sms1"`, `"Mode":"Test"`, `"ReportTo":"reports@example.com"`))
	f.clock.Advance(time.Second)
	_, _, raw := f.do(t, http.MethodGet, "/sandbox/messages", "", nil)
	var got struct {
		Messages []struct{ Channel, MessageID, JobStatus, ReportTo string }
	}
	decode(t, raw, &got)
	want := []struct{ Channel, MessageID, JobStatus, ReportTo string }{
		{"whatsapp", "wa1", "Pending", ""},
		{"rcs", "rcs1", "Pending", ""},
		{"workflow", "wf1", "Pending", ""}, // live, not Completed as a test would be
		{"sms", "sms1", "Completed", "reports@example.com"},
	}
	if !slices.Equal(got.Messages, want) {
		t.Errorf("messages = %+v\nwant %+v", got.Messages, want)
	}
	if !strings.Contains(raw, `"Body":{"WorkflowTemplateID":"a1b2c3d4-e5f6-7890-1234-567890abcdef"`) {
		t.Errorf("the Workflow body is not shown as sent: %s", raw)
	}
}
