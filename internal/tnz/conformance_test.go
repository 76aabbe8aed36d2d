package tnz

import (
	"bytes"
	"context"
	"encoding/json"
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnzspec"
)

// OpenAPI conformance: every request the client builds, for every channel,
// is checked against TNZ's own description of API v3.00 (TNZ's OpenAPI file, as corrected
// to load in standard tooling; see internal/tnzspec/testdata/CORRECTIONS.md). Loading the OpenAPI file,
// routing, the validation options and the allowances are tnzspec's, shared
// with the sandbox's and the provider's conformance checks; the assertions
// are here.

func mustSpec(t *testing.T) *tnzspec.Spec {
	t.Helper()
	sp, err := tnzspec.Load()
	if err != nil {
		t.Fatal(err)
	}
	return sp
}

// specRequest moves a captured request onto the OpenAPI file's server, with body.
func specRequest(t *testing.T, c capturedRequest, body []byte) *http.Request {
	t.Helper()
	target := c.Path
	if c.RawQuery != "" {
		target += "?" + c.RawQuery
	}
	req, err := tnzspec.NewRequest(c.Method, target, c.Header, body)
	if err != nil {
		t.Fatalf("the client's request: %v", err)
	}
	return req
}

// specOperation finds the OpenAPI file's operation for req, requires it to be opID and
// returns its path parameters.
func specOperation(t *testing.T, sp *tnzspec.Spec, req *http.Request, opID string) (*openapi3.Operation, map[string]string) {
	t.Helper()
	op, params, err := sp.Operation(req)
	if err != nil {
		t.Fatal(err)
	}
	if op.OperationID != opID {
		t.Fatalf("%s %s is the OpenAPI file's operation %q, want %q", req.Method, req.URL, op.OperationID, opID)
	}
	return op, params
}

// checkOperation is specOperation for callers that need only the path
// parameters.
func checkOperation(t *testing.T, sp *tnzspec.Spec, req *http.Request, opID string) map[string]string {
	t.Helper()
	_, params := specOperation(t, sp, req, opID)
	return params
}

// validate checks the captured request c, with body, against the OpenAPI file
// operation opID.
func validate(t *testing.T, sp *tnzspec.Spec, c capturedRequest, body []byte, opID string) error {
	t.Helper()
	req := specRequest(t, c, body)
	checkOperation(t, sp, req, opID)
	return sp.ValidateRequest(context.Background(), req)
}

// The keys the client sends on purpose although the OpenAPI file does not declare
// them are tnzspec's allowances (tnzspec/allowances.go), one list shared
// with the provider's acceptance tests. The OpenAPI file never sets
// additionalProperties, so JSON Schema accepts such keys and validation
// alone would also accept a misspelt one. The test therefore requires
// every undeclared key the client sends to be one of the allowances;
// requires each allowance to be sent by the full fixtures of its channels
// (so none outlives its reason); and asserts that the OpenAPI file's object it sits
// in does allow additional properties, which is why the body validates
// with the key in place.
//
// The second documented exception is tnzspec's /voice WAV length
// allowance: the OpenAPI file's /voice copies the /tts text limits (MessageToPeople
// maxLength 5000, MessageToAnswerPhones 10000) onto fields that carry
// base64 WAV, which no real recording fits. The client sends the real
// recording. The test validates the untouched body and requires it to
// fail, then validates the body tnzspec.CheckSend made - those values
// replaced, only if they are base64 WAV longer than the OpenAPI file's limit, by a
// header-only WAV - and requires the rest to pass.

// allowsAdditional reports whether an object schema accepts keys it does
// not declare.
func allowsAdditional(s *openapi3.Schema) bool {
	ap := s.AdditionalProperties
	return (ap.Has == nil || *ap.Has) && ap.Schema == nil
}

func decodeBody(t *testing.T, b []byte) map[string]any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		t.Fatalf("the client sent a body that is not a JSON object: %v\n%s", err, b)
	}
	return m
}

func encodeBody(t *testing.T, m map[string]any) []byte {
	t.Helper()
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// sendAnswer returns the JSON of the OpenAPI file's documented 200 example for
// POST /{ch}.
func sendAnswer(t *testing.T, sp *tnzspec.Spec, ch Channel) []byte {
	t.Helper()
	item := sp.Doc.Paths.Value("/" + string(ch))
	if item == nil || item.Post == nil {
		t.Fatalf("the OpenAPI file has no POST /%s", ch)
	}
	ok := item.Post.Responses.Status(http.StatusOK)
	if ok == nil || ok.Value.Content.Get("application/json") == nil || ok.Value.Content.Get("application/json").Example == nil {
		t.Fatalf("the OpenAPI file's POST /%s documents no JSON 200 example", ch)
	}
	answer, err := json.Marshal(ok.Value.Content.Get("application/json").Example)
	if err != nil {
		t.Fatal(err)
	}
	return answer
}

// checkSend runs tnzspec.CheckSend on a body the client sent.
func checkSend(t *testing.T, sp *tnzspec.Spec, ch Channel, body []byte) *tnzspec.SendCheck {
	t.Helper()
	chk, err := sp.CheckSend(string(ch), body)
	if err != nil {
		t.Fatal(err)
	}
	return chk
}

func TestConformanceSend(t *testing.T) {
	sp := mustSpec(t)
	if len(sp.Doc.Servers) == 0 || sp.Doc.Servers[0].URL != tnzspec.Server {
		t.Fatalf("the OpenAPI file's first server is not %s; the captured requests are moved onto it", tnzspec.Server)
	}
	if tnzspec.BasePath != "/api/"+V300 {
		t.Fatalf("tnzspec checks %s, the client sends %s", tnzspec.BasePath, "/api/"+V300)
	}
	realWAV := wavBase64(0.5) // half a second: longer than both limits in the OpenAPI file
	for _, tc := range []struct {
		name string
		msg  Message
		full bool
	}{
		{"sms minimal", minimalSMS(), false},
		{"sms full", fullSMS(), true},
		{"email minimal", minimalEmail(), false},
		{"email full", fullEmail(), true},
		{"fax minimal", minimalFax(), false},
		{"fax full", fullFax(), true},
		{"tts minimal", minimalTTS(), false},
		{"tts full", fullTTS(), true},
		{"voice minimal", minimalVoice(wavBase64(0.01)), false},
		{"voice full", fullVoice(realWAV), true},
		{"whatsapp minimal", minimalWhatsApp(), false},
		{"whatsapp full", fullWhatsApp(), true},
		{"rcs minimal", minimalRCS(), false},
		{"rcs full", fullRCS(), true},
		{"workflow minimal", minimalWorkflow(), false},
		{"workflow full", fullWorkflow(), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ch := tc.msg.Channel()
			answer := sendAnswer(t, sp, ch)
			c, res := captureSend(t, tc.msg, string(answer))
			var example struct{ MessageID string }
			if err := json.Unmarshal(answer, &example); err != nil || example.MessageID == "" {
				t.Fatalf("the OpenAPI file's 200 example %s has no MessageID", answer)
			}
			if res.MessageID != example.MessageID {
				t.Errorf("Send returned MessageID %q, want %q from the OpenAPI file's documented answer", res.MessageID, example.MessageID)
			}

			chk := checkSend(t, sp, ch, c.Body)
			checkUndeclared(t, ch, chk, tc.full)

			opID := "client.messaging." + string(ch) + ".sendmessage"
			if applied := chk.WAVReplaced; len(applied) > 0 {
				if !tc.full {
					t.Errorf("the minimal %s message needed the WAV length allowance for %v", ch, applied)
				}
				if want := []string{"MessageToAnswerPhones", "MessageToPeople"}; !slices.Equal(applied, want) {
					t.Errorf("WAV length allowance applied to %v, want %v", applied, want)
				}
				if err := validate(t, sp, c, c.Body, opID); err == nil {
					t.Error("the voice body with real recordings passed the OpenAPI file's maxLength: the WAV allowance is no longer needed")
				}
			} else if ch == Voice && tc.full {
				t.Error("the full voice message did not exercise the WAV length allowance")
			}

			req := specRequest(t, c, chk.Body)
			checkOperation(t, sp, req, opID)
			if err := sp.ValidateRequest(context.Background(), req); err != nil {
				t.Errorf("the OpenAPI file rejects the request the client sent:\n%v\nbody: %s", err, chk.Body)
			}
			if err := sp.ValidateResponse(context.Background(), req, http.StatusOK,
				http.Header{"Content-Type": {"application/json"}}, answer); err != nil {
				t.Errorf("the OpenAPI file rejects its own documented 200 answer %s: %v", answer, err)
			}
		})
	}
}

// checkUndeclared enforces tnzspec's allowances on one checked body.
func checkUndeclared(t *testing.T, ch Channel, chk *tnzspec.SendCheck, full bool) {
	t.Helper()
	for _, u := range chk.Unexplained {
		t.Errorf("the client sends %q (at %s), which the OpenAPI file's POST /%s does not declare and no tnzspec allowance explains: "+
			"a misspelt key, or a deliberate difference to document", u.Path, u.Pointer, ch)
	}
	allowed := tnzspec.Allowances(string(ch))
	sent := map[string]bool{}
	for _, u := range chk.Undeclared {
		a, ok := allowed[u.Path]
		if !ok || sent[u.Path] {
			continue
		}
		sent[u.Path] = true
		switch {
		case !full:
			t.Errorf("the minimal %s message sends %q (allowance: %s); minimal messages should need none", ch, u.Path, a.Why)
		case !allowsAdditional(u.Object):
			t.Errorf("%q is allowed (%s), but the OpenAPI file's object does not accept undeclared keys, so it cannot validate", u.Path, a.Why)
		}
		if a.SpecSpelling != "" && !tnzspec.Declares(u.Object, a.SpecSpelling) {
			t.Errorf("allowance %q says the OpenAPI file spells it %q, but the OpenAPI file does not declare that", u.Path, a.SpecSpelling)
		}
	}
	if full {
		for _, key := range slices.Sorted(maps.Keys(allowed)) {
			if !sent[key] {
				t.Errorf("allowance %q (%s) is not exercised by the full %s message: it is not sent, or the OpenAPI file now declares it",
					key, allowed[key].Why, ch)
			}
		}
	}
}

func TestConformanceStatus(t *testing.T) {
	sp := mustSpec(t)
	for _, ch := range StatusChannels {
		for _, id := range []string{"ID123", "1000000a-f002-4007-b00a-d00000000002", strings.Repeat("A", 40)} {
			t.Run(string(ch)+"/"+id, func(t *testing.T) {
				c, _ := captureStatus(t, ch, id, `{"MessageID":"`+id+`","JobStatus":"Pending"}`)
				req := specRequest(t, c, nil)
				params := checkOperation(t, sp, req, "client.messaging."+string(ch)+".status")
				if got := params["MessageID"]; got != id {
					t.Errorf("the OpenAPI file reads MessageID %q from %s, want %q", got, c.Path, id)
				}
				if err := sp.ValidateRequest(context.Background(), req); err != nil {
					t.Errorf("the OpenAPI file rejects the status request the client sent (%s %s): %v", c.Method, c.Path, err)
				}
			})
		}
	}
}

// The validator must be able to say no: each case breaks one thing in a
// request that validates, and the OpenAPI file must reject it.
func TestConformanceRejects(t *testing.T) {
	sp := mustSpec(t)
	ctx := context.Background()

	sendCase := func(msg Message) (capturedRequest, string) {
		t.Helper()
		c, _ := captureSend(t, msg, string(sendAnswer(t, sp, msg.Channel())))
		return c, "client.messaging." + string(msg.Channel()) + ".sendmessage"
	}
	smsReq, smsOp := sendCase(fullSMS())
	ttsReq, ttsOp := sendCase(fullTTS())
	faxReq, faxOp := sendCase(fullFax())
	waReq, waOp := sendCase(fullWhatsApp())
	rcsReq, rcsOp := sendCase(fullRCS())
	wfReq, wfOp := sendCase(fullWorkflow())

	for _, tc := range []struct {
		name   string
		c      capturedRequest
		opID   string
		mutate func(body map[string]any, h http.Header)
	}{
		{"CharacterConversion not a boolean", smsReq, smsOp, func(b map[string]any, _ http.Header) { b["CharacterConversion"] = "yes" }},
		{"Tone not an integer", ttsReq, ttsOp, func(b map[string]any, _ http.Header) { keypad(b, 1)["Tone"] = "one" }},
		{"Tone above 9", ttsReq, ttsOp, func(b map[string]any, _ http.Header) { keypad(b, 1)["Tone"] = 10 }},
		{"RetryAttempts above 5", faxReq, faxOp, func(b map[string]any, _ http.Header) { b["RetryAttempts"] = 6 }},
		{"Resolution not in enum", faxReq, faxOp, func(b map[string]any, _ http.Header) { b["Resolution"] = "Medium" }},
		{"Message too long", smsReq, smsOp, func(b map[string]any, _ http.Header) { b["Message"] = strings.Repeat("x", 1001) }},
		{"Files not an array", faxReq, faxOp, func(b map[string]any, _ http.Header) { b["Files"] = "a.pdf" }},
		{"file Data not base64", faxReq, faxOp, func(b map[string]any, _ http.Header) {
			b["Files"].([]any)[0].(map[string]any)["Data"] = "not base64!"
		}},
		{"ContactID not a UUID (format check active)", smsReq, smsOp, func(b map[string]any, _ http.Header) {
			b["Destinations"].([]any)[2].(map[string]any)["ContactID"] = "contact-1"
		}},
		{"ReportTo not an email (format check active)", smsReq, smsOp, func(b map[string]any, _ http.Header) { b["ReportTo"] = "reports" }},
		{"WebhookCallbackURL not absolute (format check active)", smsReq, smsOp, func(b map[string]any, _ http.Header) {
			b["WebhookCallbackURL"] = "/hook"
		}},
		{"NotificationType not in enum", smsReq, smsOp, func(b map[string]any, _ http.Header) { b["NotificationType"] = "SMS" }},
		{"FallbackMode not in enum", smsReq, smsOp, func(b map[string]any, _ http.Header) { b["FallbackMode"] = "Email" }},
		{"SMSCustomPageID not a UUID (format check active)", smsReq, smsOp, func(b map[string]any, _ http.Header) {
			b["SMSCustomPageID"] = "page-1"
		}},
		{"WhatsApp FallbackMode not in its enum", waReq, waOp, func(b map[string]any, _ http.Header) { b["FallbackMode"] = "Email" }},
		{"WhatsApp FallbackMode WhatsApp", waReq, waOp, func(b map[string]any, _ http.Header) { b["FallbackMode"] = "WhatsApp" }},
		{"WhatsApp without TemplateID", waReq, waOp, func(b map[string]any, _ http.Header) { delete(b, "TemplateID") }},
		{"WhatsApp without Message", waReq, waOp, func(b map[string]any, _ http.Header) { delete(b, "Message") }},
		{"WhatsApp without FromNumber", waReq, waOp, func(b map[string]any, _ http.Header) { delete(b, "FromNumber") }},
		{"WhatsApp Message too long", waReq, waOp, func(b map[string]any, _ http.Header) { b["Message"] = strings.Repeat("x", 1001) }},
		{"WhatsApp FromNumber too long", waReq, waOp, func(b map[string]any, _ http.Header) { b["FromNumber"] = strings.Repeat("6", 101) }},
		{"WhatsApp TemplateID not a UUID", waReq, waOp, func(b map[string]any, _ http.Header) { b["TemplateID"] = "renewal" }},
		{"RCS FallbackMode RCS", rcsReq, rcsOp, func(b map[string]any, _ http.Header) { b["FallbackMode"] = "RCS" }},
		{"RCS Message too long", rcsReq, rcsOp, func(b map[string]any, _ http.Header) { b["Message"] = strings.Repeat("x", 1001) }},
		{"RCS SMSEmailReply not an email", rcsReq, rcsOp, func(b map[string]any, _ http.Header) { b["SMSEmailReply"] = "reply" }},
		{"Workflow without WorkflowTemplateID", wfReq, wfOp, func(b map[string]any, _ http.Header) { delete(b, "WorkflowTemplateID") }},
		{"Workflow WorkflowTemplateID not a UUID", wfReq, wfOp, func(b map[string]any, _ http.Header) { b["WorkflowTemplateID"] = "onboarding" }},
		{"Workflow NotificationType not in its enum", wfReq, wfOp, func(b map[string]any, _ http.Header) { b["NotificationType"] = "SMS" }},
		{"no Authorization (auth check active)", smsReq, smsOp, func(_ map[string]any, h http.Header) { h.Del("Authorization") }},
		{"Basic instead of Bearer", smsReq, smsOp, func(_ map[string]any, h http.Header) { h.Set("Authorization", "Basic "+testToken) }},
		{"body is not JSON", smsReq, smsOp, func(_ map[string]any, h http.Header) { h.Set("Content-Type", "text/plain") }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := validate(t, sp, tc.c, tc.c.Body, tc.opID); err != nil {
				t.Fatalf("control: the unmodified request fails already: %v", err)
			}
			body := decodeBody(t, tc.c.Body)
			c := tc.c
			c.Header = tc.c.Header.Clone()
			tc.mutate(body, c.Header)
			if err := validate(t, sp, c, encodeBody(t, body), tc.opID); err == nil {
				t.Errorf("the OpenAPI file accepted the request with %s", tc.name)
			}
		})
	}

	t.Run("status MessageID longer than 40", func(t *testing.T) {
		c, _ := captureStatus(t, SMS, strings.Repeat("A", 41), `{"MessageID":"x"}`)
		if err := validate(t, sp, c, nil, "client.messaging.sms.status"); err == nil {
			t.Error("the OpenAPI file accepted a 41-character MessageID")
		}
	})
	t.Run("status without Accept", func(t *testing.T) {
		c, _ := captureStatus(t, Email, "ID1", `{"MessageID":"ID1"}`)
		if err := validate(t, sp, c, nil, "client.messaging.email.status"); err != nil {
			t.Fatalf("control: %v", err)
		}
		c.Header = c.Header.Clone()
		c.Header.Del("Accept")
		if err := validate(t, sp, c, nil, "client.messaging.email.status"); err == nil {
			t.Error("the OpenAPI file accepted a status request without its required Accept header")
		}
	})
	t.Run("send answer with a numeric MessageID", func(t *testing.T) {
		req := specRequest(t, smsReq, smsReq.Body)
		checkOperation(t, sp, req, smsOp)
		if err := sp.ValidateResponse(ctx, req, http.StatusOK,
			http.Header{"Content-Type": {"application/json"}}, []byte(`{"MessageID":123}`)); err == nil {
			t.Error("the OpenAPI file accepted a numeric MessageID in the send answer")
		}
	})
	t.Run("undeclared keys are found", func(t *testing.T) {
		body := decodeBody(t, ttsReq.Body)
		// The v2.0x spellings must not slip through.
		body["MessageToAnswerphones"] = "x"
		keypad(body, 0)["PlayFile"] = "x"
		chk := checkSend(t, sp, TTS, encodeBody(t, body))
		paths := func(us []tnzspec.Undeclared) []string {
			var out []string
			for _, u := range us {
				out = append(out, u.Path)
			}
			return out
		}
		found, unexplained := paths(chk.Undeclared), paths(chk.Unexplained)
		for _, key := range []string{"MessageToAnswerphones", "Keypads[].PlayFile", "Destinations[].FirstName"} {
			if !slices.Contains(found, key) {
				t.Errorf("CheckSend missed %q; found %v", key, found)
			}
		}
		for _, key := range []string{"MessageToAnswerphones", "Keypads[].PlayFile"} {
			if !slices.Contains(unexplained, key) {
				t.Errorf("CheckSend let %q pass as explained; unexplained %v", key, unexplained)
			}
		}
		if slices.Contains(found, "MessageToAnswerPhones") {
			t.Error("CheckSend reported the declared MessageToAnswerPhones")
		}
		if chk.Err() == nil {
			t.Error("CheckSend found misspelt keys but Err is nil")
		}
	})
}

func keypad(body map[string]any, i int) map[string]any {
	return body["Keypads"].([]any)[i].(map[string]any)
}

// FallbackMode travels in the SDKs' wire form (FallbackModes): a list or
// WAPP does not match the OpenAPI file's single-name enum, which tnzspec's FallbackMode
// exception records; the value is validated with that exception applied.
func TestConformanceFallbackModeWireForm(t *testing.T) {
	sp := mustSpec(t)
	msg := minimalSMS()
	msg.FallbackMode = FallbackModes([]string{"RCS", "WhatsApp", "Voice"})
	c, _ := captureSend(t, msg, string(sendAnswer(t, sp, SMS)))
	if got := decodeBody(t, c.Body)["FallbackMode"]; got != "RCS, WAPP, Voice" {
		t.Fatalf("FallbackMode sent as %v, want the SDKs' wire form", got)
	}
	chk := checkSend(t, sp, SMS, c.Body)
	if chk.FallbackReplaced != "RCS, WAPP, Voice" {
		t.Errorf("tnzspec's FallbackMode exception did not apply: %q", chk.FallbackReplaced)
	}
	const opID = "client.messaging.sms.sendmessage"
	if err := validate(t, sp, c, c.Body, opID); err == nil {
		t.Error("the OpenAPI file accepts the FallbackMode list as sent: tnzspec's FallbackMode exception is no longer needed")
	}
	if err := chk.Err(); err != nil {
		t.Errorf("with the exception applied: %v", err)
	}
}

// Voice keypad audio is Keypads[].Play on v3.00, as the OpenAPI file's
// /voice declares; the TypeScript v3 SDK sends PlayFile instead, which the
// file does not declare, so the client does not follow it there. (v2.0x sends
// PlayFile, as the v2 SDKs do; see v2_test.go and internal/sdkcheck.)
func TestConformanceVoiceKeypadAudio(t *testing.T) {
	sp := mustSpec(t)
	wav := wavBase64(0.01)
	msg := minimalVoice(wav)
	msg.Keypads = []Keypad{{Tone: int64Ptr(1), Play: wav}}
	c, _ := captureSend(t, msg, string(sendAnswer(t, sp, Voice)))
	kp := keypad(decodeBody(t, c.Body), 0)
	if kp["Play"] != wav || kp["PlayFile"] != nil {
		t.Errorf("v3.00 voice keypad = %v, want the audio in Play and no PlayFile", kp)
	}
	chk := checkSend(t, sp, Voice, c.Body)
	if err := chk.Err(); err != nil {
		t.Errorf("the OpenAPI file rejects the v3.00 voice keypad: %v", err)
	}

	body := decodeBody(t, c.Body)
	delete(keypad(body, 0), "Play")
	keypad(body, 0)["PlayFile"] = wav
	chk = checkSend(t, sp, Voice, encodeBody(t, body))
	if len(chk.Unexplained) != 1 || chk.Unexplained[0].Path != "Keypads[].PlayFile" {
		t.Errorf("the TypeScript SDK's PlayFile is not reported as undeclared by the OpenAPI file's /voice: %+v", chk.Unexplained)
	}
}

// The client's value lists are the OpenAPI file's enums, and the file's
// required fields of the v3-only sends are what the minimal fixtures carry
// (and what the provider must ask for).
func TestConformanceEnumsAndRequired(t *testing.T) {
	sp := mustSpec(t)
	body := func(ch Channel) *openapi3.Schema {
		t.Helper()
		item := sp.Doc.Paths.Value("/" + string(ch))
		if item == nil || item.Post == nil || item.Post.RequestBody == nil {
			t.Fatalf("The OpenAPI file has no POST /%s body", ch)
		}
		return item.Post.RequestBody.Value.Content.Get("application/json").Schema.Value
	}
	enum := func(s *openapi3.Schema, key string) []string {
		t.Helper()
		p := s.Properties[key]
		if p == nil || p.Value == nil {
			t.Fatalf("The OpenAPI file declares no %s", key)
		}
		var out []string
		for _, v := range p.Value.Enum {
			out = append(out, v.(string))
		}
		return out
	}
	for _, tc := range []struct {
		ch       Channel
		key      string
		want     []string
		required []string
	}{
		{SMS, "FallbackMode", SMSFallbackModes, nil},
		{WhatsApp, "FallbackMode", WhatsAppFallbackModes, []string{"TemplateID", "Message", "FromNumber"}},
		{RCS, "FallbackMode", RCSFallbackModes, nil},
		{Workflow, "NotificationType", NotificationTypes, []string{"WorkflowTemplateID"}},
		{SMS, "NotificationType", NotificationTypes, nil},
	} {
		s := body(tc.ch)
		if got := enum(s, tc.key); !slices.Equal(got, tc.want) {
			t.Errorf("The OpenAPI file's POST /%s %s enum = %q, the client lists %q", tc.ch, tc.key, got, tc.want)
		}
		if !slices.Equal(s.Required, tc.required) {
			t.Errorf("The OpenAPI file's POST /%s requires %q, want %q", tc.ch, s.Required, tc.required)
		}
	}

	// The OpenAPI file's own WhatsApp example sends an ordered list, which
	// its enum does not allow: the client passes FallbackMode through as
	// given, and a list fails the file for that value only.
	ex := body(WhatsApp).Properties["FallbackMode"].Value.Example
	if ex != "SMS, Voice" {
		t.Fatalf("The OpenAPI file's WhatsApp FallbackMode example is %v; the quirk is gone", ex)
	}
	msg := minimalWhatsApp()
	msg.FallbackMode = "SMS, Voice"
	c, _ := captureSend(t, msg, string(sendAnswer(t, sp, WhatsApp)))
	err := validate(t, sp, c, c.Body, "client.messaging.whatsapp.sendmessage")
	if err == nil || !strings.Contains(err.Error(), `"/FallbackMode"`) {
		t.Errorf("The OpenAPI file's own example list should fail its enum, and only there: %v", err)
	}
}
