package tnz

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnzspec"
)

// OpenAPI conformance of the action, status-paging and inbound SMS requests
// (see conformance_test.go for sends and single status requests). The OpenAPI file is
// loaded and requests are validated by internal/tnzspec; the assertions
// are here.
//
// Documented differences from the OpenAPI file, each asserted below so that it cannot
// outlive its reason:
//
//   - Status paging: the client sends ?recordsPerPage=100&page=N on
//     GET /{ch}/{MessageID}, as the v3 SDKs do. The OpenAPI file declares
//     only the path parameter there. The request still validates because
//     the OpenAPI file's parameters are not exhaustive (kin-openapi, like OpenAPI,
//     ignores query parameters an operation does not declare); the values
//     are within what the OpenAPI file declares for the same parameters on
//     GET /sms/received (recordsPerPage maximum 100).
//   - Inbound SMS by date range: the OpenAPI file marks timePeriod as required, while its
//     own description (and every SDK) offers dateFrom/dateTo instead. Such a
//     request fails the OpenAPI file for the missing timePeriod only.
//   - Resubmit without a send time: the OpenAPI file requires SendTime; the TypeScript SDK makes it
//     optional, and Resubmit(…, "") leaves it out. That body
//     fails the OpenAPI file for the missing SendTime only.
//   - Abort: the OpenAPI file declares no request body; the client, like the SDKs,
//     sends {} (which the OpenAPI file then does not check).

// captureOne makes one call through a real client against a server that
// answers status/body, and returns the one request it received.
func captureOne(t *testing.T, status int, answer string, call func(*Client) error) capturedRequest {
	t.Helper()
	srv := newCaptureServer(t, status, answer)
	if err := call(newTestClient(t, srv.URL)); err != nil {
		t.Fatalf("the call failed: %v", err)
	}
	reqs := srv.captured()
	if len(reqs) != 1 {
		t.Fatalf("server received %d requests, want 1", len(reqs))
	}
	return reqs[0]
}

func captureAction(t *testing.T, a Action, ch Channel, id string) capturedRequest {
	t.Helper()
	return captureOne(t, http.StatusOK, actionAnswer(strings.ToUpper(string(a[:1]))+string(a[1:]), JobDelayed), func(c *Client) error {
		_, err := doAction(context.Background(), c, a, ch, id)
		return err
	})
}

var jsonHeader = http.Header{"Content-Type": {"application/json"}}

// The OpenAPI file has an action path exactly for the channels Action.Channels lists,
// and every action request the client builds validates against it, as do
// the answers the action tests use.
func TestConformanceActions(t *testing.T) {
	sp := mustSpec(t)
	ctx := context.Background()
	for _, a := range allActions {
		for _, ch := range Channels {
			t.Run(string(a)+"/"+string(ch), func(t *testing.T) {
				item := sp.Doc.Paths.Value("/" + string(ch) + "/{MessageID}/" + string(a))
				inSpec := item != nil && item.Patch != nil
				if inSpec != a.Supports(ch) {
					t.Fatalf("the OpenAPI file has PATCH /%s/{MessageID}/%s: %v; the client supports it: %v", ch, a, inSpec, a.Supports(ch))
				}
				if !inSpec {
					return
				}
				opID := "client.messaging." + string(ch) + "." + string(a)
				for _, id := range []string{"ID123", "1000000a-f002-4007-b00a-d00000000002", strings.Repeat("A", 40)} {
					c := captureAction(t, a, ch, id)
					req := specRequest(t, c, c.Body)
					op, params := specOperation(t, sp, req, opID)
					if params["MessageID"] != id {
						t.Errorf("the OpenAPI file reads MessageID %q from %s, want %q", params["MessageID"], c.Path, id)
					}
					if err := sp.ValidateRequest(ctx, req); err != nil {
						t.Errorf("the OpenAPI file rejects the %s request the client sent (body %s): %v", a, c.Body, err)
					}
					if a == ActionAbort && op.RequestBody != nil {
						t.Error("the OpenAPI file now declares an abort request body: revisit the {} the client sends")
					}
				}

				c := captureAction(t, a, ch, "ID123")
				req := specRequest(t, c, c.Body)
				answer := actionAnswer(strings.ToUpper(string(a[:1]))+string(a[1:]), JobDelayed)
				if err := sp.ValidateResponse(ctx, req, http.StatusOK, jsonHeader, []byte(answer)); err != nil {
					t.Errorf("the tests' action answer %s does not match the OpenAPI file: %v", answer, err)
				}
				notFound := `{"Result":"RecordNotFound","MessageID":"NOPE","ErrorMessage":["Unable to find entry."]}`
				if err := sp.ValidateResponse(ctx, req, http.StatusNotFound, jsonHeader, []byte(notFound)); err != nil {
					t.Errorf("the tests' 404 answer does not match the OpenAPI file: %v", err)
				}
			})
		}
	}
}

// Documented exception: resubmit without a send time.
func TestConformanceResubmitWithoutSendTime(t *testing.T) {
	sp := mustSpec(t)
	ctx := context.Background()
	for _, ch := range ActionResubmit.Channels() {
		t.Run(string(ch), func(t *testing.T) {
			c := captureOne(t, http.StatusOK, actionAnswer("Resubmit", JobPending), func(cl *Client) error {
				_, err := cl.Resubmit(ctx, ch, "ID123", "")
				return err
			})
			if string(c.Body) != `{}` {
				t.Fatalf("body = %s, want {}", c.Body)
			}
			req := specRequest(t, c, c.Body)
			specOperation(t, sp, req, "client.messaging."+string(ch)+".resubmit")
			err := sp.ValidateRequest(ctx, req)
			if err == nil {
				t.Fatal("the OpenAPI file now accepts a resubmit without SendTime: the documented exception is no longer needed")
			}
			if !strings.Contains(err.Error(), `property "SendTime" is missing`) {
				t.Errorf("the OpenAPI file rejects the body for another reason than the missing SendTime: %v", err)
			}
			if err := sp.ValidateRequest(ctx, specRequest(t, c, []byte(`{"SendTime":"2026-08-12T12:00:00"}`))); err != nil {
				t.Errorf("control: with a SendTime the request still fails: %v", err)
			}
		})
	}
}

// queryParam returns op's query parameter name, or nil.
func queryParam(op *openapi3.Operation, name string) *openapi3.Parameter {
	for _, p := range op.Parameters {
		if p != nil && p.Value != nil && p.Value.In == openapi3.ParameterInQuery && p.Value.Name == name {
			return p.Value
		}
	}
	return nil
}

// Documented exception: the status paging query.
func TestConformanceStatusPaging(t *testing.T) {
	sp := mustSpec(t)
	ctx := context.Background()

	recv, err := tnzspec.NewRequest(http.MethodGet, tnzspec.BasePath+"/sms/received?timePeriod=1", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	recvOp, _ := specOperation(t, sp, recv, "client.messaging.sms.received")
	rpp, page := queryParam(recvOp, "recordsPerPage"), queryParam(recvOp, "page")
	if rpp == nil || page == nil {
		t.Fatal("the OpenAPI file's GET /sms/received no longer declares recordsPerPage and page")
	}
	if s := rpp.Schema.Value; s.Max == nil || *s.Max < recordsPerPage {
		t.Errorf("the OpenAPI file's recordsPerPage maximum is %v, below the %d the client asks for", s.Max, recordsPerPage)
	}

	for _, ch := range StatusChannels {
		t.Run(string(ch), func(t *testing.T) {
			answer := statusPageBody(JobPending, 1, 2, "+6421000001")
			srv := newPagedServer(t, func(w http.ResponseWriter, p int) {
				writeJSON(w, 200, statusPageBody(JobPending, p, 2, "+6421000001"))
			})
			st, err := newTestClient(t, srv.URL).Status(ctx, ch, "ID123")
			if err != nil || len(st.Recipients) != 2 {
				t.Fatalf("got %+v, %v", st, err)
			}
			reqs := srv.requests()
			if len(reqs) != 2 {
				t.Fatalf("%d status requests, want 2", len(reqs))
			}
			for i, c := range reqs {
				if c.RawQuery != "recordsPerPage=100&page="+strconv.Itoa(i+1) {
					t.Errorf("query = %q", c.RawQuery)
				}
				req := specRequest(t, c, nil)
				op, _ := specOperation(t, sp, req, "client.messaging."+string(ch)+".status")
				if queryParam(op, "recordsPerPage") != nil || queryParam(op, "page") != nil {
					t.Errorf("the OpenAPI file now declares the paging query on GET /%s/{MessageID}: remove the documented exception", ch)
				}
				if err := sp.ValidateRequest(ctx, req); err != nil {
					t.Errorf("page %d: the OpenAPI file rejects the paged status request: %v", i+1, err)
				}
				if i == 0 {
					if err := sp.ValidateResponse(ctx, req, http.StatusOK, jsonHeader, []byte(answer)); err != nil {
						t.Errorf("the tests' paged status answer does not match the OpenAPI file: %v", err)
					}
				}
			}
		})
	}
}

// The OpenAPI file has a send for every channel, a status exactly for
// StatusChannels and a received list exactly for ReceivedChannels.
func TestConformanceChannelEndpoints(t *testing.T) {
	sp := mustSpec(t)
	for _, ch := range Channels {
		t.Run(string(ch), func(t *testing.T) {
			if item := sp.Doc.Paths.Value("/" + string(ch)); item == nil || item.Post == nil {
				t.Errorf("The OpenAPI file has no POST /%s", ch)
			}
			status := sp.Doc.Paths.Value("/" + string(ch) + "/{MessageID}")
			if has := status != nil && status.Get != nil; has != ch.HasStatus() {
				t.Errorf("The OpenAPI file has GET /%s/{MessageID}: %v; HasStatus: %v", ch, has, ch.HasStatus())
			}
			received := sp.Doc.Paths.Value("/" + string(ch) + "/received")
			if has := received != nil && received.Get != nil; has != ch.HasReceived() {
				t.Errorf("The OpenAPI file has GET /%s/received: %v; HasReceived: %v", ch, has, ch.HasReceived())
			}
		})
	}
}

func TestConformanceReceived(t *testing.T) {
	for _, ch := range ReceivedChannels {
		t.Run(string(ch), func(t *testing.T) { conformanceReceived(t, ch) })
	}
}

func conformanceReceived(t *testing.T, ch Channel) {
	sp := mustSpec(t)
	ctx := context.Background()
	opID := "client.messaging." + string(ch) + ".received"
	answer := `{"TotalRecords":1,"RecordsPerPage":100,"PageCount":1,"Page":1,"Messages":[{"ReceivedID":"a1b2c3d4-e5f6-7890-1234-567890abcdee",` +
		`"MessageID":"7000000a-f002-4007-b00a-d00000000002","JobNum":"10AB20CE","SubAccount":"SA","Department":"Dept",` +
		`"ReceivedTimeLocal":"2025-09-01 14:02:03","ReceivedTimeUTC":"2025-09-01 02:02:03","ReceivedTimeUTC_RFC3339":"2025-09-01T02:02:03.000Z",` +
		`"From":"+6421000001","ContactID":"123e4567-e89b-12d3-a456-426614174000","MessageText":"Yes","Timezone":"New Zealand","Version":"v3.00"}]}`
	receive := func(q ReceivedQuery) capturedRequest {
		t.Helper()
		return captureOne(t, http.StatusOK, answer, func(c *Client) error {
			msgs, err := c.Received(ctx, ch, q)
			if err == nil && len(msgs) != 1 {
				t.Errorf("decoded %d messages from the OpenAPI file's shape, want 1", len(msgs))
			}
			return err
		})
	}

	t.Run("time period", func(t *testing.T) {
		for _, minutes := range []int{1, 60, 1440} {
			c := receive(ReceivedQuery{TimePeriod: minutes})
			req := specRequest(t, c, nil)
			specOperation(t, sp, req, opID)
			if err := sp.ValidateRequest(ctx, req); err != nil {
				t.Errorf("the OpenAPI file rejects %s?%s: %v", c.Path, c.RawQuery, err)
			}
			if err := sp.ValidateResponse(ctx, req, http.StatusOK, jsonHeader, []byte(answer)); err != nil {
				t.Errorf("the tests' received answer does not match the OpenAPI file: %v", err)
			}
		}
	})

	// Documented exception: the OpenAPI file requires timePeriod even with a date range.
	t.Run("date range", func(t *testing.T) {
		c := receive(ReceivedQuery{DateFrom: "2025-08-01 00:00:00", DateTo: "2025-08-07 23:59:59"})
		req := specRequest(t, c, nil)
		specOperation(t, sp, req, opID)
		err := sp.ValidateRequest(ctx, req)
		if err == nil {
			t.Fatal("the OpenAPI file now accepts a date range without timePeriod: the documented exception is no longer needed")
		}
		if !strings.Contains(err.Error(), `parameter "timePeriod" in query has an error: value is required but missing`) {
			t.Errorf("the OpenAPI file rejects the date range request for another reason than the missing timePeriod: %v", err)
		}
		c.RawQuery += "&timePeriod=1"
		if err := sp.ValidateRequest(ctx, specRequest(t, c, nil)); err != nil {
			t.Errorf("control: with a timePeriod the request still fails, so something else is wrong: %v", err)
		}
	})
}

// The validator must be able to say no to these requests: each case breaks
// one thing in a request that validates.
func TestConformanceActionRejects(t *testing.T) {
	sp := mustSpec(t)
	ctx := context.Background()
	pacing := captureAction(t, ActionPacing, TTS, "ID123")
	reschedule := captureAction(t, ActionReschedule, Email, "ID123")
	abort := captureAction(t, ActionAbort, SMS, "ID123")
	received := captureOne(t, http.StatusOK, `{"Messages":[]}`, func(c *Client) error {
		_, err := c.ReceivedSMS(ctx, ReceivedQuery{TimePeriod: 10})
		return err
	})

	for _, tc := range []struct {
		name   string
		c      capturedRequest
		mutate func(c *capturedRequest)
	}{
		{"NumberOfOperators 0", pacing, func(c *capturedRequest) { c.Body = []byte(`{"NumberOfOperators":0}`) }},
		{"NumberOfOperators a string", pacing, func(c *capturedRequest) { c.Body = []byte(`{"NumberOfOperators":"5"}`) }},
		{"pacing without NumberOfOperators", pacing, func(c *capturedRequest) { c.Body = []byte(`{}`) }},
		{"reschedule without SendTime", reschedule, func(c *capturedRequest) { c.Body = []byte(`{}`) }},
		{"SendTime a number", reschedule, func(c *capturedRequest) { c.Body = []byte(`{"SendTime":20260812}`) }},
		{"abort MessageID longer than 40", abort, func(c *capturedRequest) {
			c.Path = strings.Replace(c.Path, "ID123", strings.Repeat("A", 41), 1)
		}},
		{"abort with Basic auth", abort, func(c *capturedRequest) { c.Header.Set("Authorization", "Basic "+testToken) }},
		{"action without Accept", reschedule, func(c *capturedRequest) { c.Header.Del("Accept") }},
		{"timePeriod 1441", received, func(c *capturedRequest) {
			c.RawQuery = strings.Replace(c.RawQuery, "timePeriod=10", "timePeriod=1441", 1)
		}},
		{"timePeriod 0", received, func(c *capturedRequest) {
			c.RawQuery = strings.Replace(c.RawQuery, "timePeriod=10", "timePeriod=0", 1)
		}},
		{"recordsPerPage 101", received, func(c *capturedRequest) {
			c.RawQuery = strings.Replace(c.RawQuery, "recordsPerPage=100", "recordsPerPage=101", 1)
		}},
		{"page not a number", received, func(c *capturedRequest) {
			c.RawQuery = strings.Replace(c.RawQuery, "page=1", "page=one", 1)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			op, _, err := sp.Operation(specRequest(t, tc.c, tc.c.Body))
			if err != nil {
				t.Fatal(err)
			}
			if err := sp.ValidateRequest(ctx, specRequest(t, tc.c, tc.c.Body)); err != nil {
				t.Fatalf("control: the unmodified request fails already: %v", err)
			}
			c := tc.c
			c.Header = tc.c.Header.Clone()
			c.Body = slices.Clone(tc.c.Body)
			tc.mutate(&c)
			req := specRequest(t, c, c.Body)
			if got, _, err := sp.Operation(req); err == nil && got.OperationID != op.OperationID {
				t.Fatalf("the mutation moved the request to %s", got.OperationID)
			}
			if err := sp.ValidateRequest(ctx, req); err == nil {
				t.Errorf("the OpenAPI file accepted the request with %s", tc.name)
			}
		})
	}

	t.Run("no SMS resubmit or pacing in the OpenAPI file", func(t *testing.T) {
		for _, a := range []Action{ActionResubmit, ActionPacing} {
			req, err := tnzspec.NewRequest(http.MethodPatch, tnzspec.BasePath+"/sms/ID123/"+string(a), abort.Header, []byte(`{}`))
			if err != nil {
				t.Fatal(err)
			}
			if op, _, err := sp.Operation(req); err == nil {
				t.Errorf("the OpenAPI file has %s for SMS (%s), but the client refuses it", a, op.OperationID)
			}
		}
	})
}
