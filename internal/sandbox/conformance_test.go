package sandbox

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnzspec"
)

// The conformance tests check every kind of response the sandbox gives on
// every channel against TNZ's own OpenAPI file (the corrected copy, which
// loads in standard tooling; see internal/tnzspec/testdata/CORRECTIONS.md). Requests go to
// the sandbox over HTTP; each exchange is then matched to the OpenAPI file's operation
// by its path under the OpenAPI file's server URL and the response is validated with
// kin-openapi. Loading the OpenAPI file, routing, the validation options and the
// declared-keys walk are tnzspec's, shared with the client's and the
// provider's conformance checks; the assertions are here.
//
// Beyond the schemas, every key the sandbox sends must be one the OpenAPI file declares
// (TNZ's OpenAPI file's objects allow extra keys, so a misspelt key would otherwise pass).
//
// Where the OpenAPI file contradicts itself the sandbox follows the schema; the
// contradictions are asserted in TestSpecQuirks. The responses the
// OpenAPI file does not document (a 413; RCS's 404) and the recipient Types
// its WhatsApp and RCS enums lack although their FallbackMode offers them
// are named allowances (responseAllowances).

func mustSpec(t *testing.T) *tnzspec.Spec {
	t.Helper()
	sp, err := tnzspec.Load()
	if err != nil {
		t.Fatal(err) // never skipped: the reference file is part of the contract
	}
	return sp
}

// exchange is one request to the sandbox and its answer. path is relative
// to the API base, e.g. "/sms/abc".
type exchange struct {
	method, path string
	status       int
	header       http.Header
	body         []byte
}

// specRequest is ex's request moved onto the OpenAPI file's server.
func specRequest(ex exchange) (*http.Request, error) {
	return tnzspec.NewRequest(ex.method, tnzspec.BasePath+ex.path, nil, nil)
}

// operation finds the OpenAPI file's operation for ex.
func operation(sp *tnzspec.Spec, ex exchange) (*openapi3.Operation, error) {
	req, err := specRequest(ex)
	if err != nil {
		return nil, err
	}
	op, _, err := sp.Operation(req)
	return op, err
}

// validate checks ex's response against the OpenAPI file and returns the operation it
// was matched to. Undocumented statuses fail.
func validate(sp *tnzspec.Spec, ex exchange) (operationID string, err error) {
	req, err := specRequest(ex)
	if err != nil {
		return "", err
	}
	op, _, err := sp.Operation(req)
	if err != nil {
		return "", err
	}
	return op.OperationID, sp.ValidateResponse(context.Background(), req, ex.status, ex.header, ex.body)
}

// responseSchema is the JSON schema the OpenAPI file gives ex's status on ex's operation.
func responseSchema(sp *tnzspec.Spec, ex exchange) (*openapi3.Schema, error) {
	op, err := operation(sp, ex)
	if err != nil {
		return nil, err
	}
	ref := op.Responses.Status(ex.status)
	if ref == nil || ref.Value == nil {
		return nil, fmt.Errorf("the OpenAPI file documents no %d for %s %s", ex.status, ex.method, ex.path)
	}
	mt := ref.Value.Content.Get("application/json")
	if mt == nil || mt.Schema == nil || mt.Schema.Value == nil {
		return nil, fmt.Errorf("the OpenAPI file's %d for %s %s has no JSON schema", ex.status, ex.method, ex.path)
	}
	return mt.Schema.Value, nil
}

// undeclared lists, as JSON pointers, the keys of v that s does not
// declare.
func undeclared(s *openapi3.Schema, v any) []string {
	var out []string
	for _, u := range tnzspec.UndeclaredKeys(s, v) {
		out = append(out, u.Pointer)
	}
	return out
}

// responseAllowance is a sandbox response that knowingly does not match
// the OpenAPI file. It names exactly how it fails, and the test asserts
// that failure, so the allowance breaks if the file or the sandbox
// changes. Two kinds:
//
//   - An undocumented status (fix nil): validation must fail with reason
//     alone, and the body must match the file's bodyAs response of the same
//     operation, or of bodyAsPath's when that is set.
//   - A body that knowingly differs (fix set): fix rewrites the difference
//     away and reports whether it found one; validation must fail before
//     and pass after.
type responseAllowance struct {
	name      string
	why       string
	operation string // the OpenAPI file's operationId it applies to; "" for any
	status    int
	// reason is the openapi3filter.ResponseError reason expected.
	reason     string
	bodyAs     int
	bodyAsPath string
	fix        func(body map[string]any) bool
}

var responseAllowances = []responseAllowance{{
	name: "413 for an over-size body",
	why: "the OpenAPI file documents no status for a request body over the size limit (it only bounds " +
		"Files[].Data). The sandbox answers 413, as any HTTP server in front of the API would, " +
		"with the same body as its 400 for an unreadable request, which must match 400BadRequest.",
	status: http.StatusRequestEntityTooLarge,
	reason: "status is not supported",
	bodyAs: http.StatusBadRequest,
}, {
	name: "404 for an unknown RCS id",
	why: "The OpenAPI file's GET /rcs/{MessageID} documents 200, 400, 401 and 500 only, while every other " +
		"channel's status (WhatsApp's included) documents 404IDNotFound for an unknown id. The " +
		"sandbox answers RCS as the others, and the body must match WhatsApp's 404.",
	operation:  "client.messaging.rcs.status",
	status:     http.StatusNotFound,
	reason:     "status is not supported",
	bodyAs:     http.StatusNotFound,
	bodyAsPath: "/whatsapp/x",
}, {
	name: "WhatsApp recipient reached by RCS",
	why: "The OpenAPI file's WhatsApp FallbackMode offers RCS, but its WhatsApp recipient Type enum lacks RCS. " +
		"The sandbox shows the channel that reached the recipient; with Type WhatsApp instead the body must conform.",
	operation: "client.messaging.whatsapp.status",
	status:    http.StatusOK,
	fix:       retype("RCS", "WhatsApp"),
}, {
	name: "RCS recipient reached by WhatsApp",
	why: "The OpenAPI file's RCS FallbackMode offers WhatsApp, but its RCS recipient Type enum lacks WhatsApp. " +
		"The sandbox shows the channel that reached the recipient; with Type RCS instead the body must conform.",
	operation: "client.messaging.rcs.status",
	status:    http.StatusOK,
	fix:       retype("WhatsApp", "RCS"),
}}

// retype returns a fix that changes every recipient Type from to to.
func retype(from, to string) func(map[string]any) bool {
	return func(body map[string]any) bool {
		found := false
		rs, _ := body["Recipients"].([]any)
		for _, r := range rs {
			if r, ok := r.(map[string]any); ok && r["Type"] == from {
				r["Type"], found = to, true
			}
		}
		return found
	}
}

func allowanceFor(status int, operation string) *responseAllowance {
	for i := range responseAllowances {
		a := &responseAllowances[i]
		if a.status == status && (a.operation == "" || a.operation == operation) {
			return a
		}
	}
	return nil
}

// conformance drives a sandbox over HTTP and checks its answers.
type conformance struct {
	sp    *tnzspec.Spec
	srv   *Server
	clock *ManualClock
	base  string // the sandbox's API base URL
}

func newConformance(t *testing.T) *conformance {
	t.Helper()
	sp := mustSpec(t)
	clock := NewManualClock(t0)
	srv := New(Options{Clock: clock})
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return &conformance{sp: sp, srv: srv, clock: clock, base: ts.URL + "/api/v3.00"}
}

// call makes one request to the sandbox. hdr entries with an empty value
// remove the default header.
func (c *conformance) call(t *testing.T, method, path, body string, hdr map[string]string) exchange {
	t.Helper()
	var rd io.Reader
	if method == http.MethodPost {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, c.base+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+DefaultToken)
	req.Header.Set("Accept", "application/json")
	if method == http.MethodPost {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range hdr {
		if v == "" {
			req.Header.Del(k)
		} else {
			req.Header.Set(k, v)
		}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return exchange{method: method, path: path, status: resp.StatusCode, header: resp.Header, body: b}
}

// conform asserts that ex has status want, was matched to the OpenAPI file's operation
// wantOp, passes the OpenAPI file's validation (or fails exactly as a named allowance
// says), and sends no key the OpenAPI file does not declare. It returns the decoded body.
func (c *conformance) conform(t *testing.T, ex exchange, want int, wantOp string) map[string]any {
	t.Helper()
	if ex.status != want {
		t.Fatalf("%s %s answered %d %s, want %d", ex.method, ex.path, ex.status, ex.body, want)
	}
	op, err := validate(c.sp, ex)
	if op != wantOp {
		t.Errorf("%s %s matched the OpenAPI file's operation %q, want %q", ex.method, ex.path, op, wantOp)
	}
	checked := c.applyAllowance(t, ex, op, err)
	var v map[string]any
	if err := json.Unmarshal(ex.body, &v); err != nil {
		t.Fatalf("%s %s %d: body is not a JSON object: %v: %s", ex.method, ex.path, ex.status, err, ex.body)
	}
	s, err := responseSchema(c.sp, checked)
	if err != nil {
		t.Fatal(err)
	}
	if extra := undeclared(s, v); len(extra) > 0 {
		t.Errorf("%s %s %d sends keys the OpenAPI file does not declare: %q\nbody: %s", ex.method, ex.path, ex.status, extra, ex.body)
	}
	return v
}

// applyAllowance holds ex, whose validation against operation op gave err,
// to the allowance for it, if any, and returns the exchange whose schema
// ex's body must match.
func (c *conformance) applyAllowance(t *testing.T, ex exchange, op string, err error) exchange {
	t.Helper()
	a := allowanceFor(ex.status, op)
	if a != nil && a.fix != nil {
		fixed := edit(t, ex, func(v map[string]any) {
			if !a.fix(v) {
				a = nil // nothing for the allowance to do: ex must conform as it is
			}
		})
		if a != nil {
			if err == nil {
				t.Errorf("allowance %q is no longer needed: %s %s %d conforms with the difference in place", a.name, ex.method, ex.path, ex.status)
			} else if _, err := validate(c.sp, fixed); err != nil {
				t.Fatalf("allowance %q: %s %s %d does not conform even without the difference: %v\nbody: %s", a.name, ex.method, ex.path, ex.status, err, ex.body)
			}
			t.Logf("allowance %q: %s", a.name, a.why)
			return ex
		}
	}
	if err == nil {
		if a != nil {
			t.Errorf("allowance %q is no longer needed: %s %s %d now conforms", a.name, ex.method, ex.path, ex.status)
		}
		return ex
	}
	var re *openapi3filter.ResponseError
	if a == nil || !errors.As(err, &re) || re.Reason != a.reason || re.Err != nil {
		t.Fatalf("%s %s %d does not conform to the OpenAPI file: %v\nbody: %s", ex.method, ex.path, ex.status, err, ex.body)
	}
	t.Logf("allowance %q: %s", a.name, a.why)
	as := ex
	as.status = a.bodyAs
	if a.bodyAsPath != "" {
		as.path = a.bodyAsPath
	}
	if _, err := validate(c.sp, as); err != nil {
		t.Fatalf("allowance %q: the body does not match the OpenAPI file's %d either: %v", a.name, a.bodyAs, err)
	}
	return as
}

// addFields adds JSON members to the object literal obj.
func addFields(obj string, fields ...string) string {
	if len(fields) == 0 {
		return obj
	}
	return strings.TrimSuffix(obj, "}") + "," + strings.Join(fields, ",") + "}"
}

// conformanceChannels holds, per channel, a send with a successful, a
// failing and an Address Book recipient, and a send that earns several
// rejections.
var conformanceChannels = []struct {
	name, valid, invalid string
}{
	{"sms",
		`{"Message":"Hello [[FirstName]]","Destinations":[{"ToNumber":"021 000 001","FirstName":"Ana","Attention":"Ana A","Company":"ACME","Custom1":"c1","Custom9":"c9"},{"ToNumber":"+6421000099"},{"ContactID":"6000000b-f002-4007-b00a-c00000000001"}],"Reference":"conformance","SubAccount":"Unit One","Department":"Alpha"}`,
		`{"Destination":"nobody","WebhookCallbackURL":"http://x","Files":[{}]}`},
	{"email",
		`{"MessagePlain":"Hello","EmailSubject":"Hi","Destinations":[{"EmailAddress":"john.doe@example.com","Attention":"John","Company":"ACME"},{"EmailAddress":"bounce@example.com"},{"ContactID":"6000000b-f002-4007-b00a-c00000000001"}],"Reference":"conformance"}`,
		`{"Destination":"+6421000001","WebhookCallbackURL":"http://x","Files":[{}]}`},
	{"fax",
		`{"Files":[{"Name":"a.pdf","Data":"QQ=="}],"Destinations":[{"ToNumber":"09 500 6000","Custom2":"x"},{"FaxNumber":"09 500 6099"},{"GroupID":"4000000b-f002-4007-b00a-c00000000002"}],"Resolution":"High"}`,
		`{"Destination":"a@example.com","WebhookCallbackURL":"http://x","Files":[{"Name":"a.pdf"}]}`},
	{"tts",
		`{"MessageToPeople":"Hello","Keypads":[{"Tone":1,"RouteNumber":"+64800123123","Play":"Connecting"},{"Tone":0,"PlaySection":"Main"}],"Destinations":[{"MainPhone":"+6495005000"},{"MainPhone":"021 000 199"},{"ContactID":"6000000b-f002-4007-b00a-c00000000001"}]}`,
		`{"Keypads":[{},{"Tone":10,"RouteNumber":"123"}],"WebhookCallbackURL":"http://x"}`},
	{"voice",
		`{"MessageToPeople":"UklGRg==","Keypads":[{"Tone":2,"Play":"UklGRg=="}],"Destinations":[{"ToNumber":"021000001"},{"Recipient":"021000099"},{"GroupCode":"My_Test_Group"}]}`,
		`{"Message":"UklGRg==","ToNumber":"021000001","Keypads":[{"Tone":"x"}],"MessageID":"a_b"}`},
	{"whatsapp",
		`{"TemplateID":"123e4567-e89b-12d3-a456-426614174000","Message":"Hello [[FirstName]]","FromNumber":"+6495006000","Destinations":[{"ToNumber":"021 000 001","FirstName":"Ana","Attention":"Ana A","Company":"ACME","Custom1":"c1","Custom9":"c9"},{"ToNumber":"+6421000099"},{"ContactID":"6000000b-f002-4007-b00a-c00000000001"}],"Reference":"conformance","SubAccount":"Unit One","Department":"Alpha"}`,
		`{"Destination":"nobody","WebhookCallbackURL":"http://x","Files":[{}],"FallbackMode":"Email"}`},
	{"rcs",
		`{"Message":"Hello","Destinations":[{"ToNumber":"+14155550100","Company":"ACME"},{"ToNumber":"+14155550199"},{"GroupID":"4000000b-f002-4007-b00a-c00000000002"}]}`,
		`{"Destination":"a@example.com","WebhookCallbackURL":"http://x","FallbackMode":"RCS"}`},
}

// TestResponseConformance validates every kind of response on every channel.
func TestResponseConformance(t *testing.T) {
	for _, ch := range conformanceChannels {
		t.Run(ch.name, func(t *testing.T) {
			c := newConformance(t)
			send, status := "client.messaging."+ch.name+".sendmessage", "client.messaging."+ch.name+".status"
			post := func(body string, hdr map[string]string) exchange {
				return c.call(t, http.MethodPost, "/"+ch.name, body, hdr)
			}
			get := func(id string, hdr map[string]string) exchange {
				return c.call(t, http.MethodGet, "/"+ch.name+"/"+id, "", hdr)
			}

			// Sends.
			if v := c.conform(t, post(addFields(ch.valid, `"MessageID":"live1"`), nil), 200, send); v["MessageID"] != "live1" {
				t.Errorf("send answered %v", v)
			}
			if v := c.conform(t, post(ch.valid, nil), 200, send); len(asString(v["MessageID"])) != 36 {
				t.Errorf("send without MessageID answered %v", v)
			}
			c.conform(t, post(addFields(ch.valid, `"MessageID":"delayed1"`, `"SendTime":"2099-01-01T09:00"`), nil), 200, send)
			c.conform(t, post(addFields(ch.valid, `"MessageID":"test1"`, `"Mode":"Test"`), nil), 200, send)
			if v := c.conform(t, post(ch.invalid, nil), 400, send); len(v["ErrorMessage"].([]any)) < 3 || v["Result"] != "Failed" {
				t.Errorf("rejection does not list several checks: %v", v)
			}
			c.conform(t, post("{", nil), 400, send)
			c.conform(t, post(ch.valid, map[string]string{"Authorization": "Bearer wrong"}), 401, send)
			c.conform(t, post(ch.valid, map[string]string{"Authorization": ""}), 401, send)
			c.conform(t, post(ch.valid, map[string]string{"Content-Type": "text/plain"}), 415, send)
			c.srv.maxBody = 16
			c.conform(t, post(ch.valid, nil), 413, send)
			c.srv.maxBody = maxBody

			// Status.
			c.conform(t, get("live1", map[string]string{"Authorization": "Basic wrong"}), 401, status)
			if v := c.conform(t, get("unknown-id", nil), 404, status); v["MessageID"] != "unknown-id" || v["Result"] != "RecordNotFound" {
				t.Errorf("404 answered %v", v)
			}
			if v := c.conform(t, get("live1", nil), 200, status); v["JobStatus"] != "Pending" || v["Price"] != nil {
				t.Errorf("fresh message: %v", v)
			}
			if v := c.conform(t, get("delayed1", nil), 200, status); v["JobStatus"] != "Delayed" || v["DelayedTimeUTC_RFC3339"] == nil {
				t.Errorf("delayed message: %v", v)
			}
			if v := c.conform(t, get("test1", nil), 200, status); v["JobStatus"] != "Completed" || v["Success"] != 3.0 || v["Price"] != nil {
				t.Errorf("Test mode message: %v", v)
			}
			c.clock.Advance(DefaultCompletionDelay)
			v := c.conform(t, get("live1", nil), 200, status)
			if v["JobStatus"] != "Completed" || v["Success"] != 2.0 || v["Failed"] != 1.0 || v["Price"] == nil {
				t.Errorf("completed message: %v", v)
			}
			var results []string
			for _, r := range v["Recipients"].([]any) {
				r := r.(map[string]any)
				results = append(results, asString(r["Status"]))
			}
			if !slices.Equal(results, []string{"Success", "Failed", "Success"}) {
				t.Errorf("recipient statuses %q", results)
			}
		})
	}
}

// statusSample returns a Completed status exchange with a failed and a
// successful SMS recipient, as a base for the negative controls.
func statusSample(t *testing.T) (*conformance, exchange) {
	t.Helper()
	c := newConformance(t)
	ex := c.call(t, http.MethodPost, "/sms", conformanceChannels[0].valid, nil)
	var r struct{ MessageID string }
	decode(t, string(ex.body), &r)
	c.clock.Advance(DefaultCompletionDelay)
	ex = c.call(t, http.MethodGet, "/sms/"+r.MessageID, "", nil)
	if _, err := validate(c.sp, ex); err != nil {
		t.Fatalf("the unaltered sample does not conform: %v", err)
	}
	return c, ex
}

// edit returns ex with its JSON body changed by f.
func edit(t *testing.T, ex exchange, f func(map[string]any)) exchange {
	t.Helper()
	var v map[string]any
	decode(t, string(ex.body), &v)
	f(v)
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	ex.body = b
	return ex
}

// TestConformanceNegativeControls proves the validator is really looking:
// each altered copy of a conforming sandbox response must be rejected.
func TestConformanceNegativeControls(t *testing.T) {
	c, ok := statusSample(t)
	recipient := func(v map[string]any) map[string]any { return v["Recipients"].([]any)[0].(map[string]any) }
	tests := []struct {
		name string
		ex   exchange
		want string // in the validation error
	}{
		{"Count as a string", edit(t, ok, func(v map[string]any) { v["Count"] = "3" }), `"/Count"`},
		{"JobStatus outside its enum", edit(t, ok, func(v map[string]any) { v["JobStatus"] = "Done" }), `"/JobStatus"`},
		{"JobNum of 9 characters", edit(t, ok, func(v map[string]any) { v["JobNum"] = "SB0000001" }), `"/JobNum"`},
		{"Price as a number", edit(t, ok, func(v map[string]any) { v["Price"] = 0.2 }), `"/Price"`},
		{"CreatedTimeUTC_RFC3339 not a date-time", edit(t, ok, func(v map[string]any) { v["CreatedTimeUTC_RFC3339"] = "2026-03-01 09:30:00" }), `"/CreatedTimeUTC_RFC3339"`},
		{"recipient Type Text", edit(t, ok, func(v map[string]any) { recipient(v)["Type"] = "Text" }), `"/Type"`},
		{"recipient Status Delivered", edit(t, ok, func(v map[string]any) { recipient(v)["Status"] = "Delivered" }), `"/Status"`},
		{"DestSeq of 7 characters", edit(t, ok, func(v map[string]any) { recipient(v)["DestSeq"] = "0000001" }), `"/DestSeq"`},
		{"Recipients as an object", edit(t, ok, func(v map[string]any) { v["Recipients"] = recipient(v) }), `"/Recipients": value must be an array`},
		{"undocumented status", func() exchange { ex := ok; ex.status = http.StatusTeapot; return ex }(), "status is not supported"},
		{"text/plain response", func() exchange {
			ex := ok
			ex.header = ok.header.Clone()
			ex.header.Set("Content-Type", "text/plain")
			return ex
		}(), "Content-Type"},
		{"400 ErrorMessage as a string", func() exchange {
			ex := c.call(t, http.MethodPost, "/sms", `{}`, nil)
			return edit(t, ex, func(v map[string]any) { v["ErrorMessage"] = "Missing or empty destinations" })
		}(), `"/ErrorMessage"`},
		{"404 MessageID as a number", func() exchange {
			ex := c.call(t, http.MethodGet, "/sms/nope", "", nil)
			return edit(t, ex, func(v map[string]any) { v["MessageID"] = 1 })
		}(), `"/MessageID"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := validate(c.sp, tt.ex)
			if err == nil {
				t.Fatalf("the validator accepted %d %s", tt.ex.status, tt.ex.body)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("rejected for another reason than %q: %v", tt.want, err)
			}
		})
	}

	// The declared-keys check is a control of its own: a misspelt key passes
	// the OpenAPI file's open objects but not undeclared.
	misspelt := edit(t, ok, func(v map[string]any) {
		v["JobNumber"] = v["JobNum"]
		recipient(v)["Custom10"] = ""
	})
	if _, err := validate(c.sp, misspelt); err != nil {
		t.Fatalf("the OpenAPI file's objects were expected to allow extra keys: %v", err)
	}
	s, err := responseSchema(c.sp, misspelt)
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	decode(t, string(misspelt.body), &v)
	if got, want := undeclared(s, v), []string{"/JobNumber", "/Recipients/0/Custom10"}; !slices.Equal(got, want) {
		t.Errorf("undeclared = %q, want %q", got, want)
	}

	// The Type allowance removes its own difference only: a body that is
	// wrong in another way still fails after its fix.
	rcs := c.call(t, http.MethodPost, "/rcs", `{"Message":"Hi","FallbackMode":"WhatsApp","Destination":"+6421000001"}`, nil)
	var sent struct{ MessageID string }
	decode(t, string(rcs.body), &sent)
	c.clock.Advance(DefaultCompletionDelay)
	reached := c.call(t, http.MethodGet, "/rcs/"+sent.MessageID, "", nil)
	a := allowanceFor(http.StatusOK, "client.messaging.rcs.status")
	if _, err := validate(c.sp, reached); err == nil || !strings.Contains(err.Error(), `"/Type": value is not one of the allowed values ["RCS",`) {
		t.Fatalf("an RCS recipient of Type WhatsApp should fail the OpenAPI file's enum: %v", err)
	}
	for _, tt := range []struct {
		name  string
		other func(map[string]any)
		pass  bool
	}{
		{"fixed", func(map[string]any) {}, true},
		{"fixed, but Status Delivered", func(v map[string]any) { recipient(v)["Status"] = "Delivered" }, false},
	} {
		fixed := edit(t, reached, func(v map[string]any) {
			if !a.fix(v) {
				t.Errorf("%s: the fix found nothing to fix", tt.name)
			}
			tt.other(v)
		})
		if _, err := validate(c.sp, fixed); (err == nil) != tt.pass {
			t.Errorf("%s: validation error %v, want pass %v", tt.name, err, tt.pass)
		}
	}

	// And so is the allowance: it must not cover a body that fails.
	bad413 := exchange{method: http.MethodPost, path: "/sms", status: http.StatusRequestEntityTooLarge,
		header: ok.header, body: []byte(`{"Result":"Failed","ErrorMessage":"too large"}`)}
	as := bad413
	as.status = allowanceFor(bad413.status, "client.messaging.sms.sendmessage").bodyAs
	if _, err := validate(c.sp, as); err == nil {
		t.Error("a 413 body with a string ErrorMessage passed as the OpenAPI file's 400")
	}
}

// schemaAt follows a path of property names from a component response's
// JSON schema.
func schemaAt(t *testing.T, doc *openapi3.T, response string, props ...string) *openapi3.Schema {
	t.Helper()
	ref := doc.Components.Responses[response]
	if ref == nil || ref.Value == nil {
		t.Fatalf("the OpenAPI file has no response %s", response)
	}
	mt := ref.Value.Content.Get("application/json")
	if mt == nil || mt.Schema == nil {
		t.Fatalf("the OpenAPI file's %s has no JSON schema", response)
	}
	s := mt.Schema.Value
	for _, p := range props {
		if s.Properties[p] == nil {
			t.Fatalf("the OpenAPI file's %s has no %s", response, p)
		}
		s = s.Properties[p].Value
	}
	return s
}

// TestSpecQuirks asserts the places where the OpenAPI file is wrong or contradicts
// itself and shows which side the sandbox takes; each of
// these sandbox answers passes TestResponseConformance.
func TestSpecQuirks(t *testing.T) {
	sp := mustSpec(t)
	doc := sp.Doc
	c := newConformance(t)

	t.Run("ErrorMessage is an array in the schema but a string in the examples", func(t *testing.T) {
		// 400BadRequest and 401Unauthorized declare ErrorMessage as an array
		// and then give a string as the response example. The sandbox sends
		// the array (as the SDKs model it); the OpenAPI file's own example would fail.
		for _, resp := range []string{"400BadRequest", "401Unauthorized"} {
			if s := schemaAt(t, doc, resp, "ErrorMessage"); !s.Type.Is("array") {
				t.Errorf("%s ErrorMessage type %v, want array", resp, s.Type)
			}
			ex, _ := doc.Components.Responses[resp].Value.Content.Get("application/json").Example.(map[string]any)
			if _, isString := ex["ErrorMessage"].(string); !isString {
				t.Errorf("%s example ErrorMessage is %T; the quirk is gone", resp, ex["ErrorMessage"])
			}
		}
		rejected := c.call(t, http.MethodPost, "/sms", `{}`, nil)
		if !bytes.Contains(rejected.body, []byte(`"ErrorMessage":["`)) {
			t.Errorf("the sandbox's 400 does not send an array: %s", rejected.body)
		}
		specExample := rejected
		specExample.body = []byte(`{"Result":"Failed","ErrorMessage":"Missing or empty field"}`)
		if _, err := validate(sp, specExample); err == nil {
			t.Error("the OpenAPI file's own 400 example passed its schema; the quirk is gone")
		}
	})

	t.Run("ErrorMessage arrays do not always say what they hold", func(t *testing.T) {
		// 400BadRequest, 401Unauthorized, 404IDNotFound and 500ServerError
		// declare ErrorMessage as an array without items, while 403Forbidden,
		// 404NotFound and 404RecordNotFound say items are strings. The
		// sandbox always sends strings.
		for resp, wantItems := range map[string]bool{
			"400BadRequest": false, "401Unauthorized": false, "404IDNotFound": false, "500ServerError": false,
			"403Forbidden": true, "404NotFound": true, "404RecordNotFound": true,
		} {
			s := schemaAt(t, doc, resp, "ErrorMessage")
			if hasItems := s.Items != nil && s.Items.Value != nil && s.Items.Value.Type.Is("string"); hasItems != wantItems {
				t.Errorf("%s ErrorMessage declares string items: %v, want %v", resp, hasItems, wantItems)
			}
		}
		for _, ex := range []exchange{
			c.call(t, http.MethodPost, "/sms", `{}`, nil),
			c.call(t, http.MethodGet, "/sms/x", "", map[string]string{"Authorization": ""}),
			c.call(t, http.MethodGet, "/sms/x", "", nil),
		} {
			var v struct{ ErrorMessage []string }
			if err := json.Unmarshal(ex.body, &v); err != nil || len(v.ErrorMessage) == 0 {
				t.Errorf("%d %s: ErrorMessage is not a list of strings (%v)", ex.status, ex.body, err)
			}
		}
	})

	t.Run("Price is a string in the schema, a number in its example and in the .NET SDK", func(t *testing.T) {
		// The OpenAPI file's Price is [string, null] with example 0.10 (a YAML number);
		// .NET SDK says the live API sends a number. The sandbox follows the
		// schema: "0.10" or null.
		price := doc.Components.Schemas["Price"].Value
		if !price.Type.Includes("string") || !price.Type.Includes("null") || price.Type.Includes("number") {
			t.Errorf("Price type %v, want [string null]", price.Type)
		}
		if _, isNumber := price.Example.(float64); !isNumber {
			t.Errorf("Price example is %T; the quirk is gone", price.Example)
		}
		_, ex := statusSample(t)
		if !bytes.Contains(ex.body, []byte(`"Price":"0.20"`)) || !bytes.Contains(ex.body, []byte(`"Price":null`)) {
			t.Errorf("the sandbox's prices are not strings and nulls: %s", ex.body)
		}
	})

	t.Run("DestSeq and JobNum are exactly 8 characters", func(t *testing.T) {
		// TNZ's published OpenAPI file writes `length: 8`, which is no JSON Schema keyword;
		// the corrected copy reads it as minLength = maxLength = 8, and the
		// sandbox's "00000001" and "SB000001" fit.
		for _, name := range []string{"DestSeq", "JobNumber"} {
			s := doc.Components.Schemas[name].Value
			if s.MinLength != 8 || s.MaxLength == nil || *s.MaxLength != 8 {
				t.Errorf("%s length %d..%v, want 8..8", name, s.MinLength, s.MaxLength)
			}
		}
	})

	t.Run("404 for an id has its own shape", func(t *testing.T) {
		// Status answers 404IDNotFound (Result, MessageID, ErrorMessage),
		// while sends list 404RecordNotFound (no MessageID) and opt-out
		// 404NotFound (ErrorMessage only). The sandbox's unknown-id answer
		// uses exactly 404IDNotFound's keys. The OpenAPI file also says this 404 may
		// mean "still processing"; the sandbox finds a message as soon as it
		// is accepted (Pending), which TestResponseConformance checks. RCS
		// alone documents no 404 (the allowance "404 for an unknown RCS
		// id"); the sandbox answers it as the others.
		for _, ch := range conformanceChannels {
			op, err := operation(sp, exchange{method: http.MethodGet, path: "/" + ch.name + "/x"})
			if err != nil {
				t.Fatal(err)
			}
			want := "#/components/responses/404IDNotFound"
			if ch.name == "rcs" {
				if op.Responses.Status(404) != nil {
					t.Error("The OpenAPI file now documents a 404 for GET /rcs/{MessageID}: drop the allowance")
				}
				continue
			}
			if got := op.Responses.Status(404).Ref; got != want {
				t.Errorf("%s status 404 is %q", ch.name, got)
			}
		}
		if ex := c.call(t, http.MethodGet, "/rcs/x", "", nil); ex.status != http.StatusNotFound || string(ex.body) != `{"Result":"RecordNotFound","MessageID":"x","ErrorMessage":["Unable to find entry."]}` {
			t.Errorf("the sandbox's RCS 404 = %d %s", ex.status, ex.body)
		}
		var keys []string
		for k := range schemaAt(t, doc, "404IDNotFound").Properties {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		if want := []string{"ErrorMessage", "MessageID", "Result"}; !slices.Equal(keys, want) {
			t.Errorf("404IDNotFound keys %q, want %q", keys, want)
		}
		ex := c.call(t, http.MethodGet, "/sms/x", "", nil)
		if string(ex.body) != `{"Result":"RecordNotFound","MessageID":"x","ErrorMessage":["Unable to find entry."]}` {
			t.Errorf("the sandbox's 404 = %s", ex.body)
		}
	})
}

// TestWorkflowConformance validates the answers of POST /workflow, the one
// Workflow endpoint the OpenAPI file has.
func TestWorkflowConformance(t *testing.T) {
	c := newConformance(t)
	const op = "client.messaging.workflow.sendmessage"
	valid := `{"WorkflowTemplateID":"a1b2c3d4-e5f6-7890-1234-567890abcdef","Destinations":[{"ToNumber":"+6421000001","EmailAddress":"john.doe@example.com","MainPhone":"+6495005000"},{"ContactID":"6000000b-f002-4007-b00a-c00000000001"}]}`
	post := func(body string, hdr map[string]string) exchange {
		return c.call(t, http.MethodPost, "/workflow", body, hdr)
	}
	if v := c.conform(t, post(addFields(valid, `"MessageID":"wf1"`), nil), 200, op); v["MessageID"] != "wf1" {
		t.Errorf("send answered %v", v)
	}
	if v := c.conform(t, post(`{"Destination":"nobody","WorkflowTemplateID":"x","WebhookCallbackURL":"http://x"}`, nil), 400, op); len(v["ErrorMessage"].([]any)) != 3 {
		t.Errorf("rejection does not list the three checks: %v", v)
	}
	c.conform(t, post("{", nil), 400, op)
	c.conform(t, post(valid, map[string]string{"Authorization": "Bearer wrong"}), 401, op)
	c.conform(t, post(valid, map[string]string{"Content-Type": "text/plain"}), 415, op)
	for _, path := range []string{"/workflow/wf1", "/workflow/received"} {
		if _, err := operation(c.sp, exchange{method: http.MethodGet, path: path}); err == nil {
			t.Errorf("The OpenAPI file now has GET %s: the sandbox answers 404 there", path)
		}
	}
}

// TestFallbackConformance validates the status of recipients reached by a
// fallback. Those reached by SMS or Voice conform as they are; the OpenAPI
// file's WhatsApp and RCS recipient Type enums lack each other, which the
// named allowances cover.
func TestFallbackConformance(t *testing.T) {
	c := newConformance(t)
	for _, tc := range []struct {
		ch, mode, to string
		types        []any
	}{
		{"whatsapp", "SMS, Voice", `[{"ToNumber":"+6421000097"},{"ToNumber":"+6421000001"}]`, []any{"SMS", "WhatsApp"}},
		{"whatsapp", "Voice", `[{"ToNumber":"+6421000098"}]`, []any{"Voice"}},
		{"whatsapp", "RCS", `[{"ToNumber":"+14155550197"}]`, []any{"RCS"}},
		{"rcs", "SMS", `[{"ToNumber":"+6421000001"}]`, []any{"SMS"}},
		{"rcs", "WAPP, SMS", `[{"ToNumber":"+6421000001"},{"ToNumber":"+14155550198"}]`, []any{"WhatsApp", "SMS"}},
	} {
		body := `{"TemplateID":"123e4567-e89b-12d3-a456-426614174000","Message":"Hi","FromNumber":"+6495006000",` +
			`"FallbackMode":"` + tc.mode + `","Destinations":` + tc.to + `}`
		v := c.conform(t, c.call(t, http.MethodPost, "/"+tc.ch, body, nil), 200, "client.messaging."+tc.ch+".sendmessage")
		c.clock.Advance(DefaultCompletionDelay)
		st := c.conform(t, c.call(t, http.MethodGet, "/"+tc.ch+"/"+asString(v["MessageID"]), "", nil), 200, "client.messaging."+tc.ch+".status")
		var types []any
		for _, r := range st["Recipients"].([]any) {
			types = append(types, r.(map[string]any)["Type"])
		}
		if !slices.Equal(types, tc.types) {
			t.Errorf("%s %q: recipient types %v, want %v", tc.ch, tc.mode, types, tc.types)
		}
	}
}
