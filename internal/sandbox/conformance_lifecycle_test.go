package sandbox

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnzspec"
)

// The lifecycle conformance tests check the responses that the actions
// (abort, reschedule, resubmit, pacing), the inbound lists
// (/{sms,whatsapp,rcs}/received),
// paginated status, SMS replies and the fault injection give, on every
// channel that has them, against TNZ's OpenAPI file through tnzspec.
// Requests go to the sandbox over HTTP; each answer is matched to the OpenAPI file's
// operation and validated, and every key the sandbox sends must be one
// the OpenAPI file declares.
//
// Two answers are not in the OpenAPI file at all and are named exceptions
// (lifecycleExceptions): each states the exact validation failure it
// expects and a documented answer whose schema its body must still match,
// and breaks if it stops being needed. The places where the sandbox
// knowingly reads the OpenAPI file loosely are asserted in TestLifecycleSpecExceptions;
// TestLifecycleNegativeControls proves the checks can fail.

// specProbe drives a sandbox over HTTP and checks its answers against the OpenAPI file.
type specProbe struct {
	sp    *tnzspec.Spec
	srv   *Server
	clock *ManualClock
	base  string // the sandbox's API base URL
}

func newSpecProbe(t *testing.T) *specProbe {
	t.Helper()
	sp, err := tnzspec.Load()
	if err != nil {
		t.Fatal(err) // never skipped: the OpenAPI file is part of the contract
	}
	clock := NewManualClock(t0)
	srv := New(Options{Clock: clock})
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return &specProbe{sp: sp, srv: srv, clock: clock, base: ts.URL + tnzspec.BasePath}
}

// probeExchange is one request to the sandbox and its answer; path is
// relative to the API base and may carry a query ("/sms/received?x=1").
type probeExchange struct {
	method, path string
	status       int
	header       http.Header
	body         []byte
}

// call makes one request. A body is sent as JSON when not empty; hdr
// entries with an empty value remove the default header.
func (p *specProbe) call(t *testing.T, method, path, body string, hdr map[string]string) probeExchange {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, p.base+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+DefaultToken)
	req.Header.Set("Accept", "application/json")
	if body != "" {
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
	return probeExchange{method: method, path: path, status: resp.StatusCode, header: resp.Header, body: b}
}

// mustSend posts a send and returns its MessageID.
func (p *specProbe) mustSend(t *testing.T, ch, body string) string {
	t.Helper()
	ex := p.call(t, http.MethodPost, "/"+ch, body, nil)
	var r struct{ MessageID string }
	if err := json.Unmarshal(ex.body, &r); ex.status != http.StatusOK || err != nil {
		t.Fatalf("send to %s: %d %s", ch, ex.status, ex.body)
	}
	return r.MessageID
}

// specRequestFor is ex's request on the OpenAPI file's server.
func specRequestFor(t *testing.T, method, path string) *http.Request {
	t.Helper()
	req, err := tnzspec.NewRequest(method, tnzspec.BasePath+path, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

// specValidate validates ex's answer against the OpenAPI file and returns the
// operation it matched.
func (p *specProbe) specValidate(t *testing.T, ex probeExchange) (*openapi3.Operation, error) {
	t.Helper()
	req := specRequestFor(t, ex.method, ex.path)
	op, _, err := p.sp.Operation(req)
	if err != nil {
		return nil, err
	}
	return op, p.sp.ValidateResponse(context.Background(), req, ex.status, ex.header, ex.body)
}

// responseSchemaOf is the JSON schema the OpenAPI file gives status on op.
func responseSchemaOf(t *testing.T, op *openapi3.Operation, status int) *openapi3.Schema {
	t.Helper()
	ref := op.Responses.Status(status)
	if ref == nil || ref.Value == nil {
		t.Fatalf("the OpenAPI file's %s documents no %d", op.OperationID, status)
	}
	mt := ref.Value.Content.Get("application/json")
	if mt == nil || mt.Schema == nil || mt.Schema.Value == nil {
		t.Fatalf("the OpenAPI file's %s %d has no JSON schema", op.OperationID, status)
	}
	return mt.Schema.Value
}

// lifecycleException is a sandbox answer that the OpenAPI file does not document. The
// failure it expects is exact, and the body must still match a documented
// answer (bodyAs), so the exception breaks if the OpenAPI file or the sandbox changes.
type lifecycleException struct {
	name, why string
	applies   func(ex probeExchange) bool
	reason    string // the openapi3filter.ResponseError reason expected
	// bodyAs is a documented answer the body must match: this method and
	// path, with this status.
	bodyAsMethod, bodyAsPath string
	bodyAsStatus             int
}

var lifecycleExceptions = []lifecycleException{
	{
		name: "400 for a bad /sms/received or /rcs/received query",
		why: "The OpenAPI file's GET /sms/received and /rcs/received document only 200, 401 and 500, although their " +
			"timePeriod has a range (1-1440) and dateFrom/dateTo a 7-day limit, and the same list at " +
			"/whatsapp/received documents 400. The sandbox refuses a bad window or page with 400 and the " +
			"body of the OpenAPI file's 400BadRequest, as status answers a bad page.",
		applies: func(ex probeExchange) bool {
			path := strings.ToLower(ex.path)
			return ex.status == http.StatusBadRequest && (strings.HasPrefix(path, "/sms/received") || strings.HasPrefix(path, "/rcs/received"))
		},
		reason:       "status is not supported",
		bodyAsMethod: http.MethodGet, bodyAsPath: "/sms/x", bodyAsStatus: http.StatusBadRequest,
	},
	{
		name: "429 from the rate-limit fault",
		why: "the OpenAPI file documents no 429 anywhere (it only asks for at most one poll per second). " +
			"FaultRateLimited answers 429 with Retry-After, as a gateway would, with the Failed body " +
			"shape of the OpenAPI file's 400BadRequest.",
		applies:      func(ex probeExchange) bool { return ex.status == http.StatusTooManyRequests },
		reason:       "status is not supported",
		bodyAsMethod: http.MethodGet, bodyAsPath: "/sms/x", bodyAsStatus: http.StatusBadRequest,
	},
}

func exceptionFor(ex probeExchange) *lifecycleException {
	for i := range lifecycleExceptions {
		if lifecycleExceptions[i].applies(ex) {
			return &lifecycleExceptions[i]
		}
	}
	return nil
}

// conform asserts that ex has status want, matched the OpenAPI file's operation wantOp,
// passes the OpenAPI file (or fails exactly as a named exception says), and sends no
// key the OpenAPI file does not declare. It returns the decoded body.
func (p *specProbe) conform(t *testing.T, ex probeExchange, want int, wantOp string) map[string]any {
	t.Helper()
	if ex.status != want {
		t.Fatalf("%s %s answered %d %s, want %d", ex.method, ex.path, ex.status, ex.body, want)
	}
	op, err := p.specValidate(t, ex)
	if op == nil {
		t.Fatalf("%s %s: %v", ex.method, ex.path, err)
	}
	if op.OperationID != wantOp {
		t.Errorf("%s %s matched the OpenAPI file's operation %q, want %q", ex.method, ex.path, op.OperationID, wantOp)
	}
	schemaOp, schemaStatus := op, ex.status
	switch exc := exceptionFor(ex); {
	case err != nil && exc == nil:
		t.Fatalf("%s %s %d does not conform to the OpenAPI file: %v\nbody: %s", ex.method, ex.path, ex.status, err, ex.body)
	case err != nil:
		var re *openapi3filter.ResponseError
		if !errors.As(err, &re) || re.Reason != exc.reason || re.Err != nil {
			t.Fatalf("exception %q: %s %s failed otherwise than expected: %v", exc.name, ex.method, ex.path, err)
		}
		as := ex
		as.method, as.path, as.status = exc.bodyAsMethod, exc.bodyAsPath, exc.bodyAsStatus
		if schemaOp, err = p.specValidate(t, as); err != nil {
			t.Fatalf("exception %q: the body does not match the OpenAPI file's %d for %s %s either: %v", exc.name, as.status, as.method, as.path, err)
		}
		schemaStatus = as.status
		t.Logf("exception %q: %s", exc.name, exc.why)
	case exc != nil:
		t.Errorf("exception %q is no longer needed: %s %s %d conforms", exc.name, ex.method, ex.path, ex.status)
	}
	var v map[string]any
	if err := json.Unmarshal(ex.body, &v); err != nil {
		t.Fatalf("%s %s %d: body is not a JSON object: %v: %s", ex.method, ex.path, ex.status, err, ex.body)
	}
	if extra := tnzspec.UndeclaredKeys(responseSchemaOf(t, schemaOp, schemaStatus), v); len(extra) > 0 {
		var ptrs []string
		for _, u := range extra {
			ptrs = append(ptrs, u.Pointer)
		}
		t.Errorf("%s %s %d sends keys the OpenAPI file does not declare: %q\nbody: %s", ex.method, ex.path, ex.status, ptrs, ex.body)
	}
	return v
}

// lifecycleBodies is, per channel, a send to a delivered, a failing and an
// Address Book recipient.
var lifecycleBodies = map[string]string{
	"sms":   `{"Message":"Hi [[FirstName]]","Destinations":[{"ToNumber":"021 000 001","FirstName":"Ana"},{"ToNumber":"+6421000099"},{"ContactID":"6000000b-f002-4007-b00a-c00000000001"}],"SubAccount":"Unit One","Department":"Alpha"`,
	"email": `{"MessagePlain":"Hello","Destinations":[{"EmailAddress":"john.doe@example.com"},{"EmailAddress":"bounce@example.com"},{"ContactID":"6000000b-f002-4007-b00a-c00000000001"}]`,
	"fax":   `{"Files":[{"Name":"a.pdf","Data":"QQ=="}],"Destinations":[{"ToNumber":"09 500 6000"},{"FaxNumber":"09 500 6099"},{"GroupID":"4000000b-f002-4007-b00a-c00000000002"}]`,
	"tts":   `{"MessageToPeople":"Hello","NumberOfOperators":10,"Destinations":[{"MainPhone":"+6495005000"},{"MainPhone":"021 000 199"},{"ContactID":"6000000b-f002-4007-b00a-c00000000001"}]`,
	"voice": `{"MessageToPeople":"UklGRg==","Destinations":[{"ToNumber":"021000001"},{"Recipient":"021000099"},{"GroupCode":"My_Test_Group"}]`,
	"whatsapp": `{"TemplateID":"123e4567-e89b-12d3-a456-426614174000","Message":"Hi","FromNumber":"+6495006000",` +
		`"Destinations":[{"ToNumber":"021 000 001","FirstName":"Ana"},{"ToNumber":"+6421000099"},{"ContactID":"6000000b-f002-4007-b00a-c00000000001"}]`,
	"rcs": `{"Message":"Hi","Destinations":[{"ToNumber":"+14155550100"},{"ToNumber":"+14155550199"},{"ContactID":"6000000b-f002-4007-b00a-c00000000001"}]`,
}

func lifecycleSend(ch string, extra ...string) string {
	b := lifecycleBodies[ch]
	for _, e := range extra {
		b += "," + e
	}
	return b + "}"
}

// TestActionConformance validates every kind of action answer, and the
// status of messages the actions changed, on every channel that has
// actions (all but Workflow).
func TestActionConformance(t *testing.T) {
	for _, ch := range append(slices.Clone(allChannels), "whatsapp", "rcs") {
		t.Run(ch, func(t *testing.T) {
			p := newSpecProbe(t)
			opID := func(action string) string { return "client.messaging." + ch + "." + action }
			patch := func(id, action, body string, hdr map[string]string) probeExchange {
				return p.call(t, http.MethodPatch, "/"+ch+"/"+id+"/"+action, body, hdr)
			}
			status := func(id string) map[string]any {
				return p.conform(t, p.call(t, http.MethodGet, "/"+ch+"/"+id, "", nil), 200, opID("status"))
			}

			// Reschedule, then abort, a delayed message.
			id := p.mustSend(t, ch, lifecycleSend(ch, `"MessageID":"later1"`, `"SendTime":"2026-03-05T10:00"`))
			v := p.conform(t, patch(id, "reschedule", `{"SendTime":"2026-03-06T10:00:00"}`, nil), 200, opID("reschedule"))
			if v["Action"] != "Reschedule" || v["Status"] != "Delayed" || v["ActionResult"] != "Success" || v["MessageID"] != "later1" {
				t.Errorf("reschedule answered %v", v)
			}
			if v := status(id); v["JobStatus"] != "Delayed" || v["DelayedTimeLocal"] != "2026-03-06 10:00:00" {
				t.Errorf("rescheduled status %v", v)
			}
			p.conform(t, patch(id, "reschedule", `{}`, nil), 400, opID("reschedule"))
			p.conform(t, patch(id, "reschedule", `{"SendTime":"x"}`, map[string]string{"Content-Type": "text/plain"}), 415, opID("reschedule"))
			if v := p.conform(t, patch(id, "abort", "", nil), 200, opID("abort")); v["Action"] != "Abort" || v["Status"] != "Completed" {
				t.Errorf("abort answered %v", v)
			}
			if v := status(id); v["Failed"] != 3.0 || v["Complete"] != 3.0 {
				t.Errorf("aborted status %v", v)
			}
			p.conform(t, patch(id, "abort", "{}", nil), 400, opID("abort"))
			p.conform(t, patch(id, "reschedule", `{"SendTime":"2026-03-06T10:00"}`, nil), 400, opID("reschedule"))

			// Unknown ids, credentials, media types.
			if v := p.conform(t, patch("nope", "abort", "", nil), 404, opID("abort")); v["MessageID"] != "nope" || v["Result"] != "RecordNotFound" {
				t.Errorf("404 answered %v", v)
			}
			p.conform(t, patch("nope", "reschedule", `{"SendTime":"2026-03-06T10:00"}`, nil), 404, opID("reschedule"))
			p.conform(t, patch(id, "abort", "", map[string]string{"Authorization": "Bearer wrong"}), 401, opID("abort"))
			p.conform(t, patch(id, "abort", "", map[string]string{"Accept": "text/html"}), 415, opID("abort"))

			// Resubmit and pacing where the OpenAPI file has them.
			live := p.mustSend(t, ch, lifecycleSend(ch))
			if channels[ch].canResubmit {
				p.conform(t, patch(live, "resubmit", `{"SendTime":"2026-03-01T12:00"}`, nil), 400, opID("resubmit")) // still Pending
				p.clock.Advance(DefaultCompletionDelay)
				if v := p.conform(t, patch(live, "resubmit", `{"SendTime":"2026-03-02T12:00"}`, nil), 200, opID("resubmit")); v["Action"] != "Resubmit" || v["Status"] != "Delayed" {
					t.Errorf("resubmit answered %v", v)
				}
				if v := status(live); v["JobStatus"] != "Delayed" || v["Success"] != 2.0 || v["Complete"] != 2.0 {
					t.Errorf("resubmitted status %v", v)
				}
				p.conform(t, patch("nope", "resubmit", `{"SendTime":"2026-03-02T12:00"}`, nil), 404, opID("resubmit"))
			}
			if channels[ch].canPace {
				paced := p.mustSend(t, ch, lifecycleSend(ch, `"SendTime":"2099-01-01T00:00"`))
				if v := p.conform(t, patch(paced, "pacing", `{"NumberOfOperators":5}`, nil), 200, opID("pacing")); v["Action"] != "Pacing" || v["Status"] != "Delayed" {
					t.Errorf("pacing answered %v", v)
				}
				p.conform(t, patch(paced, "pacing", `{"NumberOfOperators":0}`, nil), 400, opID("pacing"))
				p.conform(t, patch("nope", "pacing", `{"NumberOfOperators":5}`, nil), 404, opID("pacing"))
			}

			// Status pages.
			p.clock.Advance(48 * time.Hour)
			for _, q := range []string{"?recordsPerPage=1&page=2", "?recordsPerPage=2&page=9", "?page=1"} {
				v := p.conform(t, p.call(t, http.MethodGet, "/"+ch+"/"+live+q, "", nil), 200, opID("status"))
				if v["TotalRecords"] != 3.0 {
					t.Errorf("%s: %v", q, v)
				}
			}
			p.conform(t, p.call(t, http.MethodGet, "/"+ch+"/"+live+"?recordsPerPage=101", "", nil), 400, opID("status"))
		})
	}
}

// TestReceivedConformance validates the inbound lists and the status
// with replies of SMS, WhatsApp and RCS.
func TestReceivedConformance(t *testing.T) {
	for _, ch := range []string{"sms", "whatsapp", "rcs"} {
		t.Run(ch, func(t *testing.T) { receivedConformance(t, ch) })
	}
}

func receivedConformance(t *testing.T, ch string) {
	p := newSpecProbe(t)
	op := "client.messaging." + ch + ".received"
	get := func(q string, hdr map[string]string) probeExchange {
		return p.call(t, http.MethodGet, "/"+ch+"/received"+q, "", hdr)
	}
	if v := p.conform(t, get("?timePeriod=10", nil), 200, op); v["TotalRecords"] != 0.0 || len(v["Messages"].([]any)) != 0 {
		t.Errorf("empty list %v", v)
	}

	id := p.mustSend(t, ch, lifecycleSend(ch, `"MessageID":"ask1"`))
	p.clock.Advance(DefaultCompletionDelay)
	from := "+6421000001"
	if ch == "rcs" {
		from = "+14155550100"
	}
	if err := p.srv.InjectReplyOn(ch, id, from, "YES"); err != nil {
		t.Fatal(err)
	}
	if err := p.srv.InjectInboundOn(ch, "+6421555000", "STOP"); err != nil {
		t.Fatal(err)
	}
	v := p.conform(t, get("?timePeriod=10", nil), 200, op)
	msgs := v["Messages"].([]any)
	if len(msgs) != 2 || msgs[0].(map[string]any)["MessageID"] != "ask1" || msgs[1].(map[string]any)["MessageID"] != nil {
		t.Errorf("list %v", v)
	}
	p.conform(t, get("?dateFrom=2026-03-01%2022:00:00&dateTo=2026-03-01%2023:00:00&recordsPerPage=1&page=2", nil), 200, op)
	p.conform(t, get("?timePeriod=10", map[string]string{"Authorization": ""}), 401, op)
	for _, q := range []string{"", "?timePeriod=0", "?timePeriod=x", "?dateFrom=2026-03-01%2000:00:00", "?timePeriod=5&recordsPerPage=500"} {
		p.conform(t, get(q, nil), 400, op)
	}

	st := p.conform(t, p.call(t, http.MethodGet, "/"+ch+"/"+id, "", nil), 200, "client.messaging."+ch+".status")
	replies := st["Recipients"].([]any)[0].(map[string]any)["SMSReplies"].([]any)
	if len(replies) != 1 || replies[0].(map[string]any)["MessageText"] != "YES" {
		t.Errorf("status replies %v", replies)
	}
}

// TestFaultConformance validates the fault answers on sends, status,
// actions and the inbound list.
func TestFaultConformance(t *testing.T) {
	p := newSpecProbe(t)
	id := p.mustSend(t, "tts", lifecycleSend("tts", `"SendTime":"2099-01-01T00:00"`))
	requests := []struct {
		method, path, body, op string
	}{
		{http.MethodPost, "/email", lifecycleSend("email"), "client.messaging.email.sendmessage"},
		{http.MethodGet, "/tts/" + id, "", "client.messaging.tts.status"},
		{http.MethodPatch, "/tts/" + id + "/pacing", `{"NumberOfOperators":2}`, "client.messaging.tts.pacing"},
		{http.MethodPatch, "/tts/" + id + "/abort", "", "client.messaging.tts.abort"},
		{http.MethodGet, "/sms/received?timePeriod=5", "", "client.messaging.sms.received"},
	}
	for _, r := range requests {
		p.srv.InjectFaults(Fault{Kind: FaultServerError})
		if v := p.conform(t, p.call(t, r.method, r.path, r.body, nil), 500, r.op); v["ErrorMessage"].([]any)[0] != "Error occurred while creating job" {
			t.Errorf("500 body %v", v)
		}
		p.srv.InjectFaults(Fault{Kind: FaultRateLimited})
		ex := p.call(t, r.method, r.path, r.body, nil)
		p.conform(t, ex, 429, r.op)
		if ex.header.Get("Retry-After") != "1" {
			t.Errorf("429 without Retry-After: %v", ex.header)
		}
	}
	if n := len(p.srv.Received()); n != 1 {
		t.Errorf("faulted sends were stored: %d", n)
	}
}

// TestLifecycleSpecExceptions asserts where the OpenAPI file is silent, strict or
// contradictory about these answers and which side the sandbox takes.
func TestLifecycleSpecExceptions(t *testing.T) {
	p := newSpecProbe(t)
	doc := p.sp.Doc
	op := func(method, path string) *openapi3.Operation {
		t.Helper()
		o, _, err := p.sp.Operation(specRequestFor(t, method, path))
		if err != nil {
			t.Fatal(err)
		}
		return o
	}

	t.Run("each exception is for an answer the OpenAPI file does not document", func(t *testing.T) {
		for _, ch := range []string{"sms", "rcs"} {
			if op(http.MethodGet, "/"+ch+"/received?timePeriod=1").Responses.Status(http.StatusBadRequest) != nil {
				t.Errorf("The OpenAPI file now documents a 400 for /%s/received; narrow the exception", ch)
			}
		}
		if op(http.MethodGet, "/whatsapp/received?timePeriod=1").Responses.Status(http.StatusBadRequest) == nil {
			t.Error("The OpenAPI file no longer documents a 400 for /whatsapp/received; revisit the exception")
		}
		for path, item := range doc.Paths.Map() {
			for method, o := range item.Operations() {
				if o.Responses.Status(http.StatusTooManyRequests) != nil {
					t.Errorf("the OpenAPI file now documents 429 on %s %s; revisit the exception", method, path)
				}
			}
		}
	})

	t.Run("received MessageID is declared a uuid but carries the client's MessageID", func(t *testing.T) {
		// The OpenAPI file types the received list's MessageID as format uuid, but it is
		// "the MessageID parameter supplied when sending", which may be any
		// 40 alphanumerics (TNZ's OpenAPI file: MessageID). The sandbox echoes the client's
		// id; kin-openapi leaves uuid unchecked in responses (tnzspec), and a
		// strict uuid check would refuse it.
		item := responseSchemaOf(t, op(http.MethodGet, "/sms/received?timePeriod=1"), 200).AllOf[1].Value.Properties["Messages"].Value.Items.Value
		mid := item.Properties["MessageID"].Value
		if mid.Format != "uuid" {
			t.Errorf("received MessageID format %q; the quirk is gone", mid.Format)
		}
		strict := []openapi3.SchemaValidationOption{openapi3.EnableJSONSchema2020(),
			openapi3.WithStringFormatValidator("uuid", openapi3.NewRegexpFormatValidator(openapi3.FormatOfStringForUUIDOfRFC9562))}
		if err := mid.VisitJSON("ask1", strict...); err == nil {
			t.Error("a strict uuid check accepted ask1")
		}
		if err := mid.VisitJSON(newUUID(), strict...); err != nil {
			t.Errorf("a strict uuid check refused a UUID: %v", err)
		}
		p.mustSend(t, "sms", lifecycleSend("sms", `"MessageID":"ask1"`, `"Mode":"Test"`))
		if err := p.srv.InjectReply("ask1", "+6421000001", "hi"); err != nil {
			t.Fatal(err)
		}
		p.conform(t, p.call(t, http.MethodGet, "/sms/received?timePeriod=1", "", nil), 200, "client.messaging.sms.received")
	})

	t.Run("timePeriod is required by the OpenAPI file, but dateFrom and dateTo replace it", func(t *testing.T) {
		// The OpenAPI file marks timePeriod required and also offers dateFrom/dateTo
		// ("or by dateFrom to dateTo"); the SDKs send either. The sandbox
		// takes either, timePeriod first.
		var required bool
		for _, prm := range op(http.MethodGet, "/sms/received?timePeriod=1").Parameters {
			if prm.Value.Name == "timePeriod" {
				required = prm.Value.Required
			}
		}
		if !required {
			t.Error("the OpenAPI file no longer requires timePeriod; the quirk is gone")
		}
		ex := p.call(t, http.MethodGet, "/sms/received?dateFrom=2026-03-01%2000:00:00&dateTo=2026-03-02%2000:00:00", "", nil)
		if ex.status != http.StatusOK {
			t.Errorf("dateFrom/dateTo without timePeriod: %d %s", ex.status, ex.body)
		}
	})

	t.Run("resubmit SendTime is required by the OpenAPI file, optional in the TypeScript SDK and the sandbox", func(t *testing.T) {
		for _, ch := range []string{"email", "fax", "tts", "voice"} {
			o := op(http.MethodPatch, "/"+ch+"/x/resubmit")
			s := o.RequestBody.Value.Content.Get("application/json").Schema.Value
			if !slices.Contains(s.Required, "SendTime") {
				t.Errorf("the OpenAPI file %s no longer requires SendTime", o.OperationID)
			}
			req, err := tnzspec.NewRequest(http.MethodPatch, tnzspec.BasePath+"/"+ch+"/x/resubmit",
				http.Header{"Content-Type": {"application/json"}, "Accept": {"application/json"}, "Authorization": {"Bearer t"}}, []byte(`{}`))
			if err != nil {
				t.Fatal(err)
			}
			if err := p.sp.ValidateRequest(context.Background(), req); err == nil {
				t.Errorf("the OpenAPI file accepted a %s resubmit without SendTime", ch)
			}
		}
		id := p.mustSend(t, "email", lifecycleSend("email"))
		p.clock.Advance(DefaultCompletionDelay)
		p.conform(t, p.call(t, http.MethodPatch, "/email/"+id+"/resubmit", "{}", nil), 200, "client.messaging.email.resubmit")
	})

	t.Run("actions the OpenAPI file does not have are unknown paths", func(t *testing.T) {
		for _, path := range []string{"/sms/x/resubmit", "/sms/x/pacing", "/email/x/pacing", "/fax/x/pacing"} {
			if _, _, err := p.sp.Operation(specRequestFor(t, http.MethodPatch, path)); err == nil {
				t.Errorf("the OpenAPI file now has PATCH %s", path)
			}
			if ex := p.call(t, http.MethodPatch, path, "", nil); ex.status != http.StatusNotFound || string(ex.body) != body404 {
				t.Errorf("PATCH %s: %d %s", path, ex.status, ex.body)
			}
		}
	})
}

// TestLifecycleNegativeControls proves the checks are really looking: each
// altered copy of a conforming answer must be rejected.
func TestLifecycleNegativeControls(t *testing.T) {
	p := newSpecProbe(t)
	id := p.mustSend(t, "sms", lifecycleSend("sms", `"SendTime":"2099-01-01T00:00"`))
	action := p.call(t, http.MethodPatch, "/sms/"+id+"/abort", "", nil)
	live := p.mustSend(t, "sms", lifecycleSend("sms"))
	p.clock.Advance(DefaultCompletionDelay)
	if err := p.srv.InjectReply(live, "+6421000001", "YES"); err != nil {
		t.Fatal(err)
	}
	received := p.call(t, http.MethodGet, "/sms/received?timePeriod=5", "", nil)
	status := p.call(t, http.MethodGet, "/sms/"+live, "", nil)
	for _, ex := range []probeExchange{action, received, status} {
		if _, err := p.specValidate(t, ex); err != nil || ex.status != http.StatusOK {
			t.Fatalf("the unaltered sample %s %s does not conform: %d %v", ex.method, ex.path, ex.status, err)
		}
	}
	edit := func(ex probeExchange, f func(map[string]any)) probeExchange {
		var v map[string]any
		if err := json.Unmarshal(ex.body, &v); err != nil {
			t.Fatal(err)
		}
		f(v)
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		ex.body = b
		return ex
	}
	item := func(v map[string]any) map[string]any { return v["Messages"].([]any)[0].(map[string]any) }
	recipient := func(v map[string]any) map[string]any { return v["Recipients"].([]any)[0].(map[string]any) }
	tests := []struct {
		name string
		ex   probeExchange
		want string
	}{
		{"Action outside its enum", edit(action, func(v map[string]any) { v["Action"] = "Cancel" }), `"/Action"`},
		{"Action of another endpoint", edit(action, func(v map[string]any) { v["Action"] = "Reschedule" }), `"/Action"`},
		{"Status Aborted", edit(action, func(v map[string]any) { v["Status"] = "Aborted" }), `"/Status"`},
		{"JobNum of 7 characters", edit(action, func(v map[string]any) { v["JobNum"] = "SB00001" }), `"/JobNum"`},
		{"Messages as an object", edit(received, func(v map[string]any) { v["Messages"] = item(v) }), `"/Messages"`},
		{"ReceivedTimeUTC_RFC3339 not a date-time", edit(received, func(v map[string]any) { item(v)["ReceivedTimeUTC_RFC3339"] = "2026-03-01 09:30:02" }), `ReceivedTimeUTC_RFC3339`},
		{"Version too long", edit(received, func(v map[string]any) { item(v)["Version"] = "v3.00-sandbox" }), `Version`},
		{"TotalRecords as a string", edit(received, func(v map[string]any) { v["TotalRecords"] = "1" }), `"/TotalRecords"`},
		{"SMSReplies as an object", edit(status, func(v map[string]any) {
			recipient(v)["SMSReplies"] = recipient(v)["SMSReplies"].([]any)[0]
		}), `SMSReplies`},
		{"reply text too long", edit(status, func(v map[string]any) {
			recipient(v)["SMSReplies"].([]any)[0].(map[string]any)["MessageText"] = strings.Repeat("x", 1001)
		}), `MessageText`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := p.specValidate(t, tt.ex)
			if err == nil {
				t.Fatalf("the validator accepted %s", tt.ex.body)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("rejected for another reason than %q: %v", tt.want, err)
			}
		})
	}

	t.Run("undeclared keys are found", func(t *testing.T) {
		for _, tt := range []struct {
			ex   probeExchange
			want []string
		}{
			{edit(action, func(v map[string]any) { v["Aborted"] = true }), []string{"/Aborted"}},
			{edit(received, func(v map[string]any) { item(v)["Recipient"] = "x" }), []string{"/Messages/0/Recipient"}},
			{edit(status, func(v map[string]any) {
				recipient(v)["SMSReplies"].([]any)[0].(map[string]any)["MessageID"] = "x"
			}), []string{"/Recipients/0/SMSReplies/0/MessageID"}},
		} {
			op, err := p.specValidate(t, tt.ex)
			if err != nil {
				t.Fatalf("the OpenAPI file's objects were expected to allow extra keys: %v", err)
			}
			var v map[string]any
			_ = json.Unmarshal(tt.ex.body, &v)
			var got []string
			for _, u := range tnzspec.UndeclaredKeys(responseSchemaOf(t, op, tt.ex.status), v) {
				got = append(got, u.Pointer)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("undeclared = %q, want %q", got, tt.want)
			}
		}
	})

	t.Run("an exception does not cover a body that fails", func(t *testing.T) {
		bad := probeExchange{method: http.MethodGet, path: "/sms/received?timePeriod=0", status: http.StatusBadRequest,
			header: received.header, body: []byte(`{"Result":"Failed","ErrorMessage":"bad"}`)}
		exc := exceptionFor(bad)
		if exc == nil {
			t.Fatal("no exception applies to a 400 from /sms/received")
		}
		as := bad
		as.method, as.path, as.status = exc.bodyAsMethod, exc.bodyAsPath, exc.bodyAsStatus
		if _, err := p.specValidate(t, as); err == nil {
			t.Error("a string ErrorMessage passed as the OpenAPI file's 400")
		}
		if exceptionFor(probeExchange{path: "/sms/x", status: http.StatusBadRequest}) != nil {
			t.Error("the /sms/received exception covers status answers")
		}
	})
}
