package tnz

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// actionAnswer is the OpenAPI file's 200 body for an action.
func actionAnswer(action, status string) string {
	return `{"ActionResult":"Success","MessageID":"ID123","JobNum":"10AB20CE","Status":"` + status + `","Action":"` + action + `"}`
}

// doAction calls the client method for a.
func doAction(ctx context.Context, c *Client, a Action, ch Channel, id string) (ActionResult, error) {
	switch a {
	case ActionAbort:
		return c.Abort(ctx, ch, id)
	case ActionReschedule:
		return c.Reschedule(ctx, ch, id, "2026-08-12T12:00:00")
	case ActionResubmit:
		return c.Resubmit(ctx, ch, id, "2026-08-12T12:00:00")
	case ActionPacing:
		return c.Pacing(ctx, ch, id, 5)
	}
	panic("unknown action " + a)
}

var allActions = []Action{ActionAbort, ActionReschedule, ActionResubmit, ActionPacing}

func TestActionChannels(t *testing.T) {
	want := map[Action][]Channel{
		ActionAbort:      {SMS, Email, Fax, TTS, Voice, WhatsApp, RCS},
		ActionReschedule: {SMS, Email, Fax, TTS, Voice, WhatsApp, RCS},
		ActionResubmit:   {Email, Fax, TTS, Voice},
		ActionPacing:     {TTS, Voice},
		Action("delete"): nil,
	}
	for a, chs := range want {
		if got := a.Channels(); !slices.Equal(got, chs) {
			t.Errorf("%s.Channels() = %v, want %v", a, got, chs)
		}
		for _, ch := range Channels {
			if got := a.Supports(ch); got != slices.Contains(chs, ch) {
				t.Errorf("%s.Supports(%s) = %v", a, ch, got)
			}
		}
	}
	// Channels returns a copy: changing it must not change the package's list.
	ActionAbort.Channels()[0] = "x"
	if Channels[0] != SMS || !ActionAbort.Supports(SMS) {
		t.Error("Action.Channels shares the package's Channels slice")
	}
}

func TestActionRequests(t *testing.T) {
	for _, tc := range []struct {
		action   Action
		call     func(context.Context, *Client, Channel) (ActionResult, error)
		body     string
		answerAs string
	}{
		{ActionAbort, func(ctx context.Context, c *Client, ch Channel) (ActionResult, error) {
			return c.Abort(ctx, ch, "ID123")
		}, `{}`, "Abort"},
		{ActionReschedule, func(ctx context.Context, c *Client, ch Channel) (ActionResult, error) {
			return c.Reschedule(ctx, ch, "ID123", "2026-08-12T12:00:00")
		}, `{"SendTime":"2026-08-12T12:00:00"}`, "Reschedule"},
		{ActionResubmit, func(ctx context.Context, c *Client, ch Channel) (ActionResult, error) {
			return c.Resubmit(ctx, ch, "ID123", "2026-08-12T12:00")
		}, `{"SendTime":"2026-08-12T12:00"}`, "Resubmit"},
		{ActionResubmit, func(ctx context.Context, c *Client, ch Channel) (ActionResult, error) {
			return c.Resubmit(ctx, ch, "ID123", "")
		}, `{}`, "Resubmit"},
		{ActionPacing, func(ctx context.Context, c *Client, ch Channel) (ActionResult, error) {
			return c.Pacing(ctx, ch, "ID123", 7)
		}, `{"NumberOfOperators":7}`, "Pacing"},
	} {
		for _, ch := range tc.action.Channels() {
			t.Run(string(tc.action)+"/"+string(ch)+"/"+tc.body, func(t *testing.T) {
				srv := newCaptureServer(t, 200, actionAnswer(tc.answerAs, JobDelayed))
				c := newTestClient(t, srv.URL, func(c *Config) { c.UserAgent = "tf-test/1.0" })
				res, err := tc.call(context.Background(), c, ch)
				if err != nil {
					t.Fatal(err)
				}
				want := ActionResult{MessageID: "ID123", JobNum: "10AB20CE", Status: JobDelayed, Action: tc.answerAs, Result: "Success"}
				if res != want {
					t.Errorf("result = %+v, want %+v", res, want)
				}
				reqs := srv.captured()
				if len(reqs) != 1 {
					t.Fatalf("%d requests, want 1", len(reqs))
				}
				r := reqs[0]
				path := "/api/v3.00/" + string(ch) + "/ID123/" + string(tc.action)
				if r.Method != http.MethodPatch || r.Path != path || r.RawQuery != "" {
					t.Errorf("request = %s %s?%s, want PATCH %s", r.Method, r.Path, r.RawQuery, path)
				}
				if string(r.Body) != tc.body {
					t.Errorf("body = %s, want %s", r.Body, tc.body)
				}
				for k, v := range map[string]string{
					"Authorization": "Bearer " + testToken,
					"Content-Type":  "application/json",
					"Accept":        "application/json",
					"User-Agent":    "tf-test/1.0",
				} {
					if got := r.Header.Get(k); got != v {
						t.Errorf("%s = %q, want %q", k, got, v)
					}
				}
			})
		}
	}
}

func TestActionEscapesMessageID(t *testing.T) {
	srv := newCaptureServer(t, 200, `{}`)
	res, err := newTestClient(t, srv.URL).Abort(context.Background(), Email, "a/b c?d")
	if err != nil {
		t.Fatal(err)
	}
	if got := srv.captured()[0].Path; got != "/api/v3.00/email/a%2Fb%20c%3Fd/abort" {
		t.Errorf("path = %s", got)
	}
	if res != (ActionResult{MessageID: "a/b c?d"}) {
		t.Errorf("result = %+v, want the id asked for and nothing else", res)
	}
}

// Everything that can be refused without asking TNZ is refused before any
// request.
func TestActionArgumentErrors(t *testing.T) {
	srv := newCaptureServer(t, 200, `{}`)
	c := newTestClient(t, srv.URL)
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		call func() (ActionResult, error)
		want string
	}{
		{"resubmit sms", func() (ActionResult, error) { return c.Resubmit(ctx, SMS, "ID1", "") },
			"resubmit is not available for SMS messages: TNZ supports it for Email, Fax, TTS and Voice"},
		{"pacing sms", func() (ActionResult, error) { return c.Pacing(ctx, SMS, "ID1", 5) },
			"pacing is not available for SMS messages: TNZ supports it for TTS and Voice"},
		{"pacing email", func() (ActionResult, error) { return c.Pacing(ctx, Email, "ID1", 5) }, "not available for Email"},
		{"pacing fax", func() (ActionResult, error) { return c.Pacing(ctx, Fax, "ID1", 5) }, "not available for Fax"},
		{"pacing zero", func() (ActionResult, error) { return c.Pacing(ctx, TTS, "ID1", 0) }, "between 1 and 99999"},
		{"pacing too many", func() (ActionResult, error) { return c.Pacing(ctx, Voice, "ID1", 100000) }, "between 1 and 99999"},
		{"reschedule without time", func() (ActionResult, error) { return c.Reschedule(ctx, SMS, "ID1", " ") }, "send time is required"},
		{"abort unknown channel", func() (ActionResult, error) { return c.Abort(ctx, Channel("telegram"), "ID1") }, "unknown channel"},
		{"abort workflow", func() (ActionResult, error) { return c.Abort(ctx, Workflow, "ID1") },
			"abort is not available for Workflow messages: TNZ supports it for SMS, Email, Fax, TTS, Voice, WhatsApp and RCS"},
		{"reschedule workflow", func() (ActionResult, error) { return c.Reschedule(ctx, Workflow, "ID1", "2026-08-12T12:00") }, "not available for Workflow"},
		{"resubmit whatsapp", func() (ActionResult, error) { return c.Resubmit(ctx, WhatsApp, "ID1", "") }, "not available for WhatsApp"},
		{"pacing rcs", func() (ActionResult, error) { return c.Pacing(ctx, RCS, "ID1", 5) }, "not available for RCS"},
		{"abort path channel", func() (ActionResult, error) { return c.Abort(ctx, Channel("sms/../x"), "ID1") }, "unknown channel"},
		{"abort without id", func() (ActionResult, error) { return c.Abort(ctx, SMS, "") }, "message id is required to abort"},
		{"resubmit without id", func() (ActionResult, error) { return c.Resubmit(ctx, Email, " ", "") }, "message id is required"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.call()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to contain %q", err, tc.want)
			}
		})
	}
	if n := len(srv.captured()); n != 0 {
		t.Errorf("%d requests made, want none", n)
	}
}

// Abort, reschedule and pacing set a state: a 503 is retried like a GET.
func TestIdempotentActionsRetriedOn503(t *testing.T) {
	for _, a := range []Action{ActionAbort, ActionReschedule, ActionPacing} {
		t.Run(string(a), func(t *testing.T) {
			var calls atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				io.ReadAll(r.Body)
				if calls.Add(1) <= 2 {
					w.Header().Set("Retry-After", "0")
					writeJSON(w, 503, `{"Result":"Failed","ErrorMessage":["busy"]}`)
					return
				}
				writeJSON(w, 200, actionAnswer("X", JobDelayed))
			}))
			defer srv.Close()
			res, err := doAction(context.Background(), newTestClient(t, srv.URL), a, TTS, "ID123")
			if err != nil || res.Result != "Success" {
				t.Fatalf("got %+v, %v", res, err)
			}
			if n := calls.Load(); n != 3 {
				t.Errorf("calls = %d, want 3", n)
			}
		})
	}
}

func TestIdempotentActionGivesUpAfterMaxRetries(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		writeJSON(w, 500, `{"Result":"Failed","ErrorMessage":["An unexpected error occurred while processing."]}`)
	}))
	defer srv.Close()
	_, err := newTestClient(t, srv.URL, func(c *Config) { c.MaxRetries = 1 }).Abort(context.Background(), SMS, "ID1")
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 500 || IsUncertain(err) {
		t.Errorf("err = %v, want the 500 as a plain *APIError", err)
	}
	if n := calls.Load(); n != 2 {
		t.Errorf("calls = %d, want 1 + 1 retry", n)
	}
}

// Resubmit sends the message again: after a failure that may have reached
// TNZ it is never repeated, and the error says the outcome is unknown.
func TestResubmitNotRetriedAfterAmbiguousFailure(t *testing.T) {
	for _, tc := range []struct {
		name    string
		handler func(w http.ResponseWriter, r *http.Request)
		timeout time.Duration
	}{
		{"503", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "0")
			writeJSON(w, 503, `{"Result":"Failed","ErrorMessage":["busy"]}`)
		}, 0},
		{"500", func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, 500, `{"Result":"Failed","ErrorMessage":["Error occurred while creating job"]}`)
		}, 0},
		{"dropped connection", func(w http.ResponseWriter, r *http.Request) {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close()
			}
		}, 0},
		{"timeout", func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		}, 100 * time.Millisecond},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var calls atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				io.ReadAll(r.Body)
				calls.Add(1)
				tc.handler(w, r)
			}))
			defer srv.Close()
			c := newTestClient(t, srv.URL, func(c *Config) {
				c.MaxRetries = 3
				if tc.timeout > 0 {
					c.RequestTimeout = tc.timeout
				}
			})
			_, err := c.Resubmit(context.Background(), Fax, "ID123", "")
			if !IsUncertain(err) {
				t.Errorf("err = %v, want uncertain", err)
			}
			if err != nil && !strings.Contains(err.Error(), `"ID123"`) {
				t.Errorf("error %q does not name the message", err)
			}
			if n := calls.Load(); n != 1 {
				t.Errorf("resubmit sent %d times, want once", n)
			}
		})
	}
}

// What provably did not reach TNZ (429, refused connection) is retried.
func TestResubmitRetriedOn429(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.Header().Set("Retry-After", "0")
			writeJSON(w, 429, `{"Result":"Failed","ErrorMessage":["Too many requests"]}`)
			return
		}
		writeJSON(w, 200, actionAnswer("Resubmit", JobPending))
	}))
	defer srv.Close()
	res, err := newTestClient(t, srv.URL).Resubmit(context.Background(), Voice, "ID123", "")
	if err != nil || res.Action != "Resubmit" || calls.Load() != 2 {
		t.Errorf("got %+v, %v after %d calls; want success after 2", res, err, calls.Load())
	}
}

func TestResubmitConnectionRefusedIsDefinite(t *testing.T) {
	var attempts atomic.Int32
	c := newTestClient(t, "http://127.0.0.1:1", func(c *Config) {
		c.MaxRetries = 2
		c.Transport = roundTripFunc(func(r *http.Request) (*http.Response, error) {
			attempts.Add(1)
			return http.DefaultTransport.RoundTrip(r)
		})
	})
	_, err := c.Resubmit(context.Background(), Email, "ID1", "")
	if err == nil || IsUncertain(err) || !notSent(err) {
		t.Errorf("err = %v, want a definite connection failure", err)
	}
	if n := attempts.Load(); n != 3 {
		t.Errorf("attempts = %d, want 1 + 2 retries", n)
	}
}

func TestResubmit4xxIsDefinite(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		writeJSON(w, 400, `{"Result":"Failed","ErrorMessage":["Message is not in a failed state"]}`)
	}))
	defer srv.Close()
	_, err := newTestClient(t, srv.URL).Resubmit(context.Background(), Email, "ID1", "")
	var apiErr *APIError
	if IsUncertain(err) || !errors.As(err, &apiErr) || apiErr.StatusCode != 400 || apiErr.Messages[0] != "Message is not in a failed state" {
		t.Errorf("err = %v, want the 400 as a plain *APIError", err)
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("calls = %d, want 1", n)
	}
}

func TestActionNotFound(t *testing.T) {
	for _, a := range allActions {
		t.Run(string(a), func(t *testing.T) {
			var calls atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				calls.Add(1)
				writeJSON(w, 404, `{"Result":"RecordNotFound","MessageID":"NOPE","ErrorMessage":["Unable to find entry."]}`)
			}))
			defer srv.Close()
			_, err := doAction(context.Background(), newTestClient(t, srv.URL), a, Voice, "NOPE")
			if !IsNotFound(err) || IsUncertain(err) {
				t.Errorf("err = %v, want a definite not-found", err)
			}
			var apiErr *APIError
			if !errors.As(err, &apiErr) || apiErr.Result != "RecordNotFound" || len(apiErr.Messages) != 1 {
				t.Errorf("err = %#v", err)
			}
			if n := calls.Load(); n != 1 {
				t.Errorf("a 404 was sent %d times, want once", n)
			}
		})
	}
}

func TestV300DecodeAction(t *testing.T) {
	d := newV300(Config{})
	for _, tc := range []struct {
		name, body string
		want       ActionResult
		wantErr    string
	}{
		{"spec", `{"ActionResult":"Success","MessageID":"SRV","JobNum":"10AB20CE","Status":"Delayed","Action":"Reschedule"}`,
			ActionResult{MessageID: "SRV", JobNum: "10AB20CE", Status: "Delayed", Action: "Reschedule", Result: "Success"}, ""},
		{"v2 Result key", `{"Result":"Success","MessageID":"SRV","JobNum":"10AB20CE","Status":"Pending","Action":"Abort"}`,
			ActionResult{MessageID: "SRV", JobNum: "10AB20CE", Status: "Pending", Action: "Abort", Result: "Success"}, ""},
		{"ActionResult preferred", `{"ActionResult":"Success","Result":"Whatever"}`, ActionResult{MessageID: "ASKED", Result: "Success"}, ""},
		{"no result key", `{"MessageID":"SRV","Status":"Delayed"}`, ActionResult{MessageID: "SRV", Status: "Delayed"}, ""},
		{"lowercase success", `{"ActionResult":"success"}`, ActionResult{MessageID: "ASKED", Result: "success"}, ""},
		{"odd types", `{"MessageID":12,"JobNum":null,"Status":["x"],"Action":true}`, ActionResult{MessageID: "12", Action: "true"}, ""},
		{"empty body", ``, ActionResult{MessageID: "ASKED"}, ""},
		{"non-json", `OK`, ActionResult{MessageID: "ASKED"}, ""},
		{"array", `[]`, ActionResult{MessageID: "ASKED"}, ""},
		{"result failed", `{"Result":"Failed","ErrorMessage":"Message is not delayed"}`, ActionResult{}, "Message is not delayed"},
		{"action result failed", `{"ActionResult":"Failed","ErrorMessage":["x","y"]}`, ActionResult{}, "x; y"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := d.decodeAction(200, []byte(tc.body), "ASKED")
			if tc.wantErr != "" {
				var apiErr *APIError
				if !errors.As(err, &apiErr) || apiErr.StatusCode != 200 || apiErr.Body != tc.body || !strings.Contains(err.Error(), tc.wantErr) {
					t.Errorf("err = %v, want an *APIError containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil || res != tc.want {
				t.Errorf("got %+v, %v; want %+v", res, err, tc.want)
			}
		})
	}
}

func TestV300ActionRequestUnknownAction(t *testing.T) {
	if _, err := newV300(Config{}).actionRequest(Action("delete"), SMS, "ID1", actionArgs{}); err == nil {
		t.Error("an unknown action built a request")
	}
	if _, err := newTestClient(t, "http://127.0.0.1:1").act(context.Background(), Action("delete"), SMS, "ID1", actionArgs{}); err == nil {
		t.Error("the client accepted an unknown action")
	}
}
