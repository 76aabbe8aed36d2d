package tnzspec

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
)

// Allowance documents a key the client sends on purpose although the OpenAPI file (the
// python copy, which is the one checked) does not declare it. Validation
// accepts such a key only because the OpenAPI file's objects allow undeclared keys;
// CheckSend reports every undeclared key no allowance explains.
type Allowance struct {
	Key      string   // as Undeclared.Path spells it: "Destinations[].FirstName"
	Channels []string // the channels ("sms", ...) whose sends carry it; nil: all
	// SpecSpelling, if set, is how the OpenAPI file declares the same field.
	SpecSpelling string
	Why          string
}

// allowances is the one list of them, for every test that checks sends.
var allowances = []Allowance{
	{
		Key: "ChargeCode",
		Why: "v2.0x billing field; not in the OpenAPI file, but the TypeScript and .NET SDKs still send it, and the server ignores keys it does not know; sent only when set",
	},
	{
		Key: "SMTPFrom", Channels: []string{"email"},
		Why: "envelope sender; missing from TNZ's OpenAPI file (the Python SDK's copy) but in the TypeScript SDK's copy, the Node SDK and the Python SDK 2.4; sent only when set",
	},
	{
		Key: "Destinations[].FirstName", SpecSpelling: "First Name",
		Why: `the OpenAPI file's schema spells it "First Name" (with a space); every example in it and every SDK sends FirstName`,
	},
	{
		Key: "Destinations[].LastName", SpecSpelling: "Last Name",
		Why: `the OpenAPI file's schema spells it "Last Name" (with a space); every example in it and every SDK sends LastName`,
	},
	{
		Key: "StampFormat", Channels: []string{"fax"},
		Why: "not in TNZ's OpenAPI file, but the TypeScript v3 SDK and both v2 SDKs send it in their fax requests; sent only when set",
	},
	{
		Key: "EndCallMessage", Channels: []string{"tts", "voice"},
		Why: "not in TNZ's OpenAPI file, but the TypeScript v3 SDK sends it (text for TTS, base64 WAV for Voice); sent only when set",
	},
	{
		Key: "BillingAccount", Channels: []string{"tts", "voice"},
		Why: "not in TNZ's OpenAPI file, but the TypeScript v3 SDK and both v2 SDKs send it in their call requests; sent only when set",
	},
	{Key: "Destinations[].Custom5", Why: customWhy},
	{Key: "Destinations[].Custom6", Why: customWhy},
	{Key: "Destinations[].Custom7", Why: customWhy},
	{Key: "Destinations[].Custom8", Why: customWhy},
	{Key: "Destinations[].Custom9", Why: customWhy},
}

const customWhy = "the OpenAPI file's Destinations stop at Custom4, but its status Recipients carry Custom1-Custom9 and the v3 SDKs send Custom5-Custom9"

// Allowances returns the allowances for channel's sends, by Key.
func Allowances(channel string) map[string]Allowance {
	out := map[string]Allowance{}
	for _, a := range allowances {
		if a.Channels == nil || slices.Contains(a.Channels, channel) {
			out[a.Key] = a
		}
	}
	return out
}

// voiceWAVLimits is the second documented exception. The OpenAPI file's /voice gives
// MessageToPeople maxLength 5000 and MessageToAnswerPhones maxLength 10000,
// the /tts text limits copied onto fields that carry base64 WAV (16-bit,
// 8000 Hz, as the OpenAPI file asks): 5000 base64 characters are 0.23 s of audio and
// 10000 are 0.47 s, so no real recording fits. CheckSend replaces exactly
// these values - only if they are base64 WAV longer than the OpenAPI file's limit -
// with a header-only WAV before validating.
var voiceWAVLimits = map[string]int{"MessageToAnswerPhones": 10000, "MessageToPeople": 5000}

// emptyWAV is a WAV (PCM, 16-bit, mono, 8000 Hz) with no samples, in
// base64: the stand-in for a recording too long for the OpenAPI file.
const emptyWAV = "UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQAAAAA="

// SendCheck is what CheckSend found in one send body.
type SendCheck struct {
	Channel string
	// Undeclared are all keys the OpenAPI file does not declare, explained or not.
	Undeclared []Undeclared
	// Unexplained are those no Allowance for Channel explains.
	Unexplained []Undeclared
	// WAVReplaced are the /voice keys whose base64 WAV was longer than
	// the OpenAPI file allows and was replaced by a header-only WAV, sorted.
	WAVReplaced []string
	// FallbackReplaced is the FallbackMode the client sent when it is the
	// SDKs' wire form that the OpenAPI file's enum does not list (see
	// replaceFallbackList), and so was replaced by its first mode; "" when
	// nothing was replaced.
	FallbackReplaced string
	// Body is the body with WAVReplaced applied: the one that must
	// validate.
	Body []byte
	// Invalid is why the OpenAPI file's POST /{Channel} request body schema rejects
	// Body, or nil.
	Invalid error
}

// Err is nil if the body conforms: every undeclared key is explained and
// Body validates.
func (c *SendCheck) Err() error {
	var errs []error
	for _, u := range c.Unexplained {
		errs = append(errs, fmt.Errorf("%s: the OpenAPI file's POST /%s does not declare %q and no tnzspec allowance explains it "+
			"(a misspelt key, or a deliberate difference to document in tnzspec/allowances.go)", u.Pointer, c.Channel, u.Path))
	}
	if c.Invalid != nil {
		errs = append(errs, fmt.Errorf("the OpenAPI file's POST /%s rejects the body: %w", c.Channel, c.Invalid))
	}
	return errors.Join(errs...)
}

// CheckSend checks body, a send on channel ("sms", "email", "fax", "tts"
// or "voice"), against the OpenAPI file's POST /{channel} request body, applying the
// allowances. The error is for what makes the check impossible (no such
// operation, a body that is not a JSON object, the OpenAPI file changed under an
// allowance); what the check finds is in the SendCheck (see Err).
func (s *Spec) CheckSend(channel string, body []byte) (*SendCheck, error) {
	req, err := NewRequest(http.MethodPost, BasePath+"/"+channel, http.Header{"Content-Type": {"application/json"}}, nil)
	if err != nil {
		return nil, err
	}
	in, err := s.requestInput(req, requestOptions())
	if err != nil {
		return nil, err
	}
	op := in.Route.Operation
	if in.Route.Path != "/"+channel || op.RequestBody == nil || op.RequestBody.Value == nil {
		return nil, fmt.Errorf("the OpenAPI file has no POST /%s with a request body", channel)
	}
	mt := op.RequestBody.Value.Content.Get("application/json")
	if mt == nil || mt.Schema == nil || mt.Schema.Value == nil {
		return nil, fmt.Errorf("the OpenAPI file's POST /%s has no JSON request body schema", channel)
	}
	schema := mt.Schema.Value

	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil || m == nil {
		return nil, fmt.Errorf("the %s body is not a JSON object (%v): %s", channel, err, body)
	}

	chk := &SendCheck{Channel: channel, Body: body}
	allowed := Allowances(channel)
	for _, u := range UndeclaredKeys(schema, m) {
		chk.Undeclared = append(chk.Undeclared, u)
		if _, ok := allowed[u.Path]; !ok {
			chk.Unexplained = append(chk.Unexplained, u)
		}
	}
	if channel == "voice" {
		if chk.WAVReplaced, err = replaceLongWAV(schema, m); err != nil {
			return nil, err
		}
	}
	chk.FallbackReplaced = replaceFallbackList(schema, m)
	if len(chk.WAVReplaced) > 0 || chk.FallbackReplaced != "" {
		if chk.Body, err = json.Marshal(m); err != nil {
			return nil, err
		}
	}
	in.Request, err = NewRequest(http.MethodPost, BasePath+"/"+channel, req.Header, chk.Body)
	if err != nil {
		return nil, err
	}
	chk.Invalid = openapi3filter.ValidateRequestBody(context.Background(), in, op.RequestBody.Value)
	return chk, nil
}

// replaceLongWAV applies voiceWAVLimits to a /voice body and returns the
// keys it replaced, sorted.
func replaceLongWAV(schema *openapi3.Schema, body map[string]any) ([]string, error) {
	var replaced []string
	for _, key := range slices.Sorted(maps.Keys(voiceWAVLimits)) {
		limit := voiceWAVLimits[key]
		prop := schema.Properties[key]
		if prop == nil || prop.Value == nil || prop.Value.MaxLength == nil || *prop.Value.MaxLength != uint64(limit) {
			return nil, fmt.Errorf("the OpenAPI file's /voice %s no longer has maxLength %d: revisit tnzspec's voiceWAVLimits", key, limit)
		}
		if v, ok := body[key].(string); ok && len(v) > limit && isWAV(v) {
			body[key] = emptyWAV
			replaced = append(replaced, key)
		}
	}
	return replaced, nil
}

// fallbackWireNames maps the FallbackMode names TNZ's v3 SDKs send to the
// name the OpenAPI file's enum gives the same channel.
var fallbackWireNames = map[string]string{"WAPP": "WhatsApp"}

// replaceFallbackList is the third documented exception. The OpenAPI file's
// FallbackMode enum has single names (None, Voice, WhatsApp, RCS), while
// TNZ's TypeScript, Python and .NET v3 SDKs send several modes as one
// comma-separated string, in order, and WhatsApp as "WAPP" (the .NET SDK
// records that the live API reads that token). When body's FallbackMode is
// not one of the enum's values but is such a list - every item an enum
// value or a name in fallbackWireNames - it is replaced by its first mode,
// in the OpenAPI file's spelling, and the original value is returned; otherwise ""
// and nothing changes, so any other value still fails validation.
func replaceFallbackList(schema *openapi3.Schema, body map[string]any) string {
	prop := schema.Properties["FallbackMode"]
	value, ok := body["FallbackMode"].(string)
	if prop == nil || prop.Value == nil || !ok || slices.Contains(prop.Value.Enum, any(value)) {
		return ""
	}
	var modes []any
	for _, item := range strings.Split(value, ",") {
		item = strings.TrimSpace(item)
		if spec, ok := fallbackWireNames[item]; ok {
			item = spec
		}
		if !slices.Contains(prop.Value.Enum, any(item)) {
			return ""
		}
		modes = append(modes, item)
	}
	body["FallbackMode"] = modes[0]
	return value
}

// isWAV reports whether v is a base64 RIFF WAVE file.
func isWAV(v string) bool {
	wav, err := base64.StdEncoding.DecodeString(v)
	return err == nil && len(wav) >= 12 && string(wav[:4]) == "RIFF" && string(wav[8:12]) == "WAVE"
}
