package tnz

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
)

// OpenAPI conformance: every request the client builds, for every channel,
// is checked against TNZ's own description of API v3.00 (SPEC, as corrected
// to load in standard tooling; see CORRECTIONS.md beside it).
//
// kin-openapi's gorillamux router would need github.com/gorilla/mux, which
// is not in go.sum, so the legacy router is used; it matches the same paths.

// specFile is relative to this package's directory (go test runs there).
const specFile = "../../../shared/reference/tnz-rest-api-v3.00.corrected.yaml"

// specServer is SPEC's base server; captured requests are moved onto it.
const specServer = "https://api.tnz.co.nz/api/v3.00"

type specDoc struct {
	doc    *openapi3.T
	router routers.Router
}

var loadSpec = sync.OnceValues(func() (*specDoc, error) {
	abs, _ := filepath.Abs(specFile)
	if _, err := os.Stat(specFile); err != nil {
		return nil, fmt.Errorf("the OpenAPI SPEC %s is missing (%v): this test checks the client against it and never skips; "+
			"it is one of the shared reference files (see CORRECTIONS.md beside it)", abs, err)
	}
	doc, err := openapi3.NewLoader().LoadFromFile(specFile)
	if err != nil {
		return nil, fmt.Errorf("loading the OpenAPI SPEC %s: %w", abs, err)
	}
	// SPEC's examples often disagree with its schemas (CORRECTIONS.md);
	// everything else must validate.
	if err := doc.Validate(context.Background(), openapi3.DisableExamplesValidation()); err != nil {
		return nil, fmt.Errorf("the OpenAPI SPEC %s does not validate: %w", abs, err)
	}
	router, err := legacy.NewRouter(doc, openapi3.DisableExamplesValidation())
	if err != nil {
		return nil, fmt.Errorf("building a router for the OpenAPI SPEC %s: %w", abs, err)
	}
	return &specDoc{doc: doc, router: router}, nil
})

func mustSpec(t *testing.T) *specDoc {
	t.Helper()
	sp, err := loadSpec()
	if err != nil {
		t.Fatal(err)
	}
	return sp
}

// specOptions are the validation options. SPEC's defaults are not filled
// in, so a request is checked as the client sent it. Where kin-openapi would
// be lenient by default, they are strict:
//   - the one security scheme SPEC declares (HTTP bearer) instead of a no-op;
//   - the formats kin-openapi leaves unchecked by default: uuid (ContactID,
//     GroupID, TemplateID), email (ReportTo, SMSEmailReply, EmailAddress) and
//     uri (WebhookCallbackURL). SPEC's "phone" format has no definition, so
//     it stays unchecked.
func specOptions() *openapi3filter.Options {
	return &openapi3filter.Options{
		SkipSettingDefaults: true,
		MultiError:          true,
		AuthenticationFunc:  bearerAuthenticated,
		SchemaValidationOptions: []openapi3.SchemaValidationOption{
			openapi3.WithStringFormatValidator("uuid", openapi3.NewRegexpFormatValidator(openapi3.FormatOfStringForUUIDOfRFC9562)),
			openapi3.WithStringFormatValidator("email", openapi3.NewRegexpFormatValidator(openapi3.FormatOfStringForEmail)),
			openapi3.WithStringFormatValidator("uri", openapi3.NewCallbackValidator(absoluteURI)),
		},
	}
}

// bearerAuthenticated checks SPEC's bearerAuth: "Authorization: Bearer <token>".
func bearerAuthenticated(_ context.Context, in *openapi3filter.AuthenticationInput) error {
	if s := in.SecurityScheme; s == nil || s.Type != "http" || !strings.EqualFold(s.Scheme, "bearer") {
		return fmt.Errorf("security scheme %q is not the HTTP bearer scheme this test knows", in.SecuritySchemeName)
	}
	scheme, token, ok := strings.Cut(in.RequestValidationInput.Request.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(token) == "" {
		return errors.New(`missing "Authorization: Bearer <token>"`)
	}
	return nil
}

func absoluteURI(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return err
	}
	if !u.IsAbs() || u.Host == "" {
		return fmt.Errorf("%q is not an absolute URI", s)
	}
	return nil
}

// specRequest rebuilds a captured request on SPEC's server, with body.
func specRequest(t *testing.T, c capturedRequest, body []byte) *http.Request {
	t.Helper()
	rest, ok := strings.CutPrefix(c.Path, "/api/"+V300+"/")
	if !ok {
		t.Fatalf("the client requested %q, which is not under /api/%s/", c.Path, V300)
	}
	u := specServer + "/" + rest
	if c.RawQuery != "" {
		u += "?" + c.RawQuery
	}
	req, err := http.NewRequest(c.Method, u, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header = c.Header.Clone()
	return req
}

// validationInput finds req's operation in SPEC and checks it is opID.
func validationInput(t *testing.T, sp *specDoc, req *http.Request, opID string) *openapi3filter.RequestValidationInput {
	t.Helper()
	route, params, err := sp.router.FindRoute(req)
	if err != nil {
		t.Fatalf("SPEC has no operation for %s %s: %v", req.Method, req.URL, err)
	}
	if route.Operation.OperationID != opID {
		t.Fatalf("%s %s is SPEC operation %q, want %q", req.Method, req.URL, route.Operation.OperationID, opID)
	}
	return &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route, Options: specOptions()}
}

func validate(t *testing.T, sp *specDoc, c capturedRequest, body []byte, opID string) error {
	t.Helper()
	return openapi3filter.ValidateRequest(context.Background(), validationInput(t, sp, specRequest(t, c, body), opID))
}

// specAllowance documents a key the client sends on purpose although SPEC
// (the python copy, which is the one checked here) does not declare it.
// SPEC never sets additionalProperties, so JSON Schema accepts such keys and
// validation alone would also accept a misspelt one. The test therefore
// lists every undeclared key the client sends and requires each to be one
// of these allowances; requires each allowance to be sent by the full
// fixtures of its channels (so none outlives its reason); and asserts that
// the SPEC object it sits in does allow additional properties, which is why
// the body validates with the key in place.
type specAllowance struct {
	key      string    // as undeclaredKeys reports it
	channels []Channel // the full fixtures of these channels send it
	// specSpelling, if set, is how SPEC declares the same field; it must
	// be declared there.
	specSpelling string
	why          string
}

var specAllowances = []specAllowance{
	{
		key: "ChargeCode", channels: Channels,
		why: "v2.0x billing field; not in SPEC, but the TS and .NET v3 SDKs still send it (notes §2, §9.9); sent only when set",
	},
	{
		key: "SMTPFrom", channels: []Channel{Email},
		why: "envelope sender; missing from the python copy of SPEC but in the TS copy, NODE and PY2 (notes §4.2, §9.6); sent only when set",
	},
	{
		key: "Destinations[].FirstName", channels: Channels, specSpelling: "First Name",
		why: `SPEC's schema spells it "First Name" (with a space); every SPEC example and every SDK sends FirstName (notes §3, §9.5)`,
	},
	{
		key: "Destinations[].LastName", channels: Channels, specSpelling: "Last Name",
		why: `SPEC's schema spells it "Last Name" (with a space); every SPEC example and every SDK sends LastName (notes §3, §9.5)`,
	},
	{key: "Destinations[].Custom5", channels: Channels, why: customWhy},
	{key: "Destinations[].Custom6", channels: Channels, why: customWhy},
	{key: "Destinations[].Custom7", channels: Channels, why: customWhy},
	{key: "Destinations[].Custom8", channels: Channels, why: customWhy},
	{key: "Destinations[].Custom9", channels: Channels, why: customWhy},
}

const customWhy = "SPEC's Destinations stop at Custom4, but its status Recipients carry Custom1-Custom9 and the v3 SDKs send Custom5-Custom9 (notes §3)"

// voiceWAVLimits is the second documented exception. SPEC /voice gives
// MessageToPeople maxLength 5000 and MessageToAnswerPhones maxLength 10000,
// the /tts text limits copied onto fields that carry base64 WAV (16-bit,
// 8000 Hz; notes §4.4): 5000 base64 characters are 0.23 s of audio and
// 10000 are 0.47 s, so no real recording fits. The client sends the real
// recording. The test validates the untouched body and requires it to fail,
// then replaces exactly these values - only if they are base64 WAV longer
// than SPEC's limit - with a header-only WAV and requires the rest to pass.
var voiceWAVLimits = map[string]int{"MessageToPeople": 5000, "MessageToAnswerPhones": 10000}

// emptyWAV is a valid WAV with no samples: the stand-in for a too-long one.
var emptyWAV = wavBase64(0)

func allowancesFor(ch Channel) map[string]specAllowance {
	out := map[string]specAllowance{}
	for _, a := range specAllowances {
		if slices.Contains(a.channels, ch) {
			out[a.key] = a
		}
	}
	return out
}

// undeclaredKeys walks a JSON value alongside its schema and returns each
// object key the schema does not declare ("Destinations[].FirstName"),
// with the schema of the object it was found in.
func undeclaredKeys(schema *openapi3.Schema, v any, path string, out map[string]*openapi3.Schema) {
	if schema == nil {
		return
	}
	switch v := v.(type) {
	case map[string]any:
		props := declaredProperties(schema)
		for k, child := range v {
			p := k
			if path != "" {
				p = path + "." + k
			}
			ref, ok := props[k]
			if !ok || ref == nil {
				out[p] = schema
				continue
			}
			undeclaredKeys(ref.Value, child, p, out)
		}
	case []any:
		if schema.Items != nil {
			for _, e := range v {
				undeclaredKeys(schema.Items.Value, e, path+"[]", out)
			}
		}
	}
}

func declaredProperties(s *openapi3.Schema) openapi3.Schemas {
	props := openapi3.Schemas{}
	for k, v := range s.Properties {
		props[k] = v
	}
	for _, sub := range s.AllOf {
		if sub.Value != nil {
			for k, v := range declaredProperties(sub.Value) {
				props[k] = v
			}
		}
	}
	return props
}

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

// sendOperation returns SPEC's POST /{ch}: its request schema and the JSON
// of its documented 200 example.
func sendOperation(t *testing.T, sp *specDoc, ch Channel) (*openapi3.Schema, []byte) {
	t.Helper()
	item := sp.doc.Paths.Value("/" + string(ch))
	if item == nil || item.Post == nil {
		t.Fatalf("SPEC has no POST /%s", ch)
	}
	op := item.Post
	if op.RequestBody == nil || op.RequestBody.Value.Content.Get("application/json") == nil {
		t.Fatalf("SPEC POST /%s has no JSON request body", ch)
	}
	schema := op.RequestBody.Value.Content.Get("application/json").Schema.Value
	ok := op.Responses.Status(http.StatusOK)
	if ok == nil || ok.Value.Content.Get("application/json") == nil || ok.Value.Content.Get("application/json").Example == nil {
		t.Fatalf("SPEC POST /%s documents no JSON 200 example", ch)
	}
	answer, err := json.Marshal(ok.Value.Content.Get("application/json").Example)
	if err != nil {
		t.Fatal(err)
	}
	return schema, answer
}

func TestConformanceSend(t *testing.T) {
	sp := mustSpec(t)
	if len(sp.doc.Servers) == 0 || sp.doc.Servers[0].URL != specServer {
		t.Fatalf("SPEC's first server is not %s; the captured requests are moved onto it", specServer)
	}
	realWAV := wavBase64(0.5) // half a second: longer than both SPEC limits
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
	} {
		t.Run(tc.name, func(t *testing.T) {
			ch := tc.msg.Channel()
			schema, answer := sendOperation(t, sp, ch)
			c, res := captureSend(t, tc.msg, string(answer))
			var example struct{ MessageID string }
			if err := json.Unmarshal(answer, &example); err != nil || example.MessageID == "" {
				t.Fatalf("SPEC's 200 example %s has no MessageID", answer)
			}
			if res.MessageID != example.MessageID {
				t.Errorf("Send returned MessageID %q, want %q from SPEC's documented answer", res.MessageID, example.MessageID)
			}

			body := decodeBody(t, c.Body)
			checkUndeclared(t, schema, ch, body, tc.full)

			toValidate := c.Body
			if ch == Voice {
				if applied := applyVoiceWAVAllowance(t, schema, body); len(applied) > 0 {
					if !tc.full {
						t.Errorf("the minimal voice message needed the WAV length allowance for %v", applied)
					}
					if want := []string{"MessageToAnswerPhones", "MessageToPeople"}; !slices.Equal(applied, want) {
						t.Errorf("WAV length allowance applied to %v, want %v", applied, want)
					}
					if err := validate(t, sp, c, c.Body, "client.messaging.voice.sendmessage"); err == nil {
						t.Error("the voice body with real recordings passed SPEC's maxLength: the WAV allowance is no longer needed")
					}
					toValidate = encodeBody(t, body)
				} else if tc.full {
					t.Error("the full voice message did not exercise the WAV length allowance")
				}
			}

			opID := "client.messaging." + string(ch) + ".sendmessage"
			input := validationInput(t, sp, specRequest(t, c, toValidate), opID)
			if err := openapi3filter.ValidateRequest(context.Background(), input); err != nil {
				t.Errorf("SPEC rejects the request the client sent:\n%v\nbody: %s", err, toValidate)
			}

			resp := &openapi3filter.ResponseValidationInput{
				RequestValidationInput: input,
				Status:                 http.StatusOK,
				Header:                 http.Header{"Content-Type": {"application/json"}},
				Options:                specOptions(),
			}
			if err := openapi3filter.ValidateResponse(context.Background(), resp.SetBodyBytes(answer)); err != nil {
				t.Errorf("SPEC rejects its own documented 200 answer %s: %v", answer, err)
			}
		})
	}
}

// checkUndeclared enforces specAllowances on one body.
func checkUndeclared(t *testing.T, schema *openapi3.Schema, ch Channel, body map[string]any, full bool) {
	t.Helper()
	found := map[string]*openapi3.Schema{}
	undeclaredKeys(schema, body, "", found)
	allowed := allowancesFor(ch)
	for _, key := range sortedKeys(found) {
		a, ok := allowed[key]
		switch {
		case !ok:
			t.Errorf("the client sends %q, which SPEC POST /%s does not declare and no specAllowance explains: "+
				"a misspelt key, or a deliberate difference to document", key, ch)
		case !full:
			t.Errorf("the minimal %s message sends %q (allowance: %s); minimal messages should need none", ch, key, a.why)
		case !allowsAdditional(found[key]):
			t.Errorf("%q is allowed (%s), but SPEC's object does not accept undeclared keys, so it cannot validate", key, a.why)
		}
		if ok && a.specSpelling != "" {
			if _, declared := declaredProperties(found[key])[a.specSpelling]; !declared {
				t.Errorf("allowance %q says SPEC spells it %q, but SPEC does not declare that", key, a.specSpelling)
			}
		}
	}
	if full {
		for _, key := range sortedKeys(allowed) {
			if _, sent := found[key]; !sent {
				t.Errorf("allowance %q (%s) is not exercised by the full %s message: it is not sent, or SPEC now declares it",
					key, allowed[key].why, ch)
			}
		}
	}
}

// applyVoiceWAVAllowance applies voiceWAVLimits to a /voice body and
// returns the keys it replaced, sorted.
func applyVoiceWAVAllowance(t *testing.T, schema *openapi3.Schema, body map[string]any) []string {
	t.Helper()
	var applied []string
	for _, key := range sortedKeys(voiceWAVLimits) {
		limit := voiceWAVLimits[key]
		prop := schema.Properties[key]
		if prop == nil || prop.Value.MaxLength == nil || *prop.Value.MaxLength != uint64(limit) {
			t.Errorf("SPEC /voice %s no longer has maxLength %d: revisit voiceWAVLimits", key, limit)
			continue
		}
		v, ok := body[key].(string)
		if !ok || len(v) <= limit {
			continue
		}
		if wav, err := base64.StdEncoding.DecodeString(v); err != nil || len(wav) < 12 ||
			string(wav[:4]) != "RIFF" || string(wav[8:12]) != "WAVE" {
			t.Errorf("%s is %d characters but not base64 WAV; the allowance only excuses recordings", key, len(v))
			continue
		}
		body[key] = emptyWAV
		applied = append(applied, key)
	}
	return applied
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func TestConformanceStatus(t *testing.T) {
	sp := mustSpec(t)
	for _, ch := range Channels {
		for _, id := range []string{"ID123", "1000000a-f002-4007-b00a-d00000000002", strings.Repeat("A", 40)} {
			t.Run(string(ch)+"/"+id, func(t *testing.T) {
				c, _ := captureStatus(t, ch, id, `{"MessageID":"`+id+`","JobStatus":"Pending"}`)
				input := validationInput(t, sp, specRequest(t, c, nil), "client.messaging."+string(ch)+".status")
				if got := input.PathParams["MessageID"]; got != id {
					t.Errorf("SPEC reads MessageID %q from %s, want %q", got, c.Path, id)
				}
				if err := openapi3filter.ValidateRequest(context.Background(), input); err != nil {
					t.Errorf("SPEC rejects the status request the client sent (%s %s): %v", c.Method, c.Path, err)
				}
			})
		}
	}
}

// The validator must be able to say no: each case breaks one thing in a
// request that validates, and SPEC must reject it.
func TestConformanceRejects(t *testing.T) {
	sp := mustSpec(t)
	ctx := context.Background()

	sendCase := func(msg Message) (capturedRequest, string) {
		t.Helper()
		_, answer := sendOperation(t, sp, msg.Channel())
		c, _ := captureSend(t, msg, string(answer))
		return c, "client.messaging." + string(msg.Channel()) + ".sendmessage"
	}
	smsReq, smsOp := sendCase(fullSMS())
	ttsReq, ttsOp := sendCase(fullTTS())
	faxReq, faxOp := sendCase(fullFax())

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
				t.Errorf("SPEC accepted the request with %s", tc.name)
			}
		})
	}

	t.Run("status MessageID longer than 40", func(t *testing.T) {
		c, _ := captureStatus(t, SMS, strings.Repeat("A", 41), `{"MessageID":"x"}`)
		if err := validate(t, sp, c, nil, "client.messaging.sms.status"); err == nil {
			t.Error("SPEC accepted a 41-character MessageID")
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
			t.Error("SPEC accepted a status request without its required Accept header")
		}
	})
	t.Run("send answer with a numeric MessageID", func(t *testing.T) {
		input := validationInput(t, sp, specRequest(t, smsReq, smsReq.Body), smsOp)
		resp := &openapi3filter.ResponseValidationInput{
			RequestValidationInput: input, Status: http.StatusOK,
			Header: http.Header{"Content-Type": {"application/json"}}, Options: specOptions(),
		}
		if err := openapi3filter.ValidateResponse(ctx, resp.SetBodyBytes([]byte(`{"MessageID":123}`))); err == nil {
			t.Error("SPEC accepted a numeric MessageID in the send answer")
		}
	})
	t.Run("undeclared keys are found", func(t *testing.T) {
		schema, _ := sendOperation(t, sp, TTS)
		body := decodeBody(t, ttsReq.Body)
		// The v2.0x spellings (notes §9.4) must not slip through.
		body["MessageToAnswerphones"] = "x"
		keypad(body, 0)["PlayFile"] = "x"
		found := map[string]*openapi3.Schema{}
		undeclaredKeys(schema, body, "", found)
		for _, key := range []string{"MessageToAnswerphones", "Keypads[].PlayFile", "Destinations[].FirstName"} {
			if _, ok := found[key]; !ok {
				t.Errorf("undeclaredKeys missed %q; found %v", key, sortedKeys(found))
			}
		}
		if _, ok := found["MessageToAnswerPhones"]; ok {
			t.Error("undeclaredKeys reported the declared MessageToAnswerPhones")
		}
	})
}

func keypad(body map[string]any, i int) map[string]any {
	return body["Keypads"].([]any)[i].(map[string]any)
}
