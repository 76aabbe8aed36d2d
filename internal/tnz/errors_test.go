package tnz

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestNewAPIError(t *testing.T) {
	for _, tc := range []struct {
		name       string
		status     int
		body       string
		wantResult string
		wantMsgs   []string
		wantText   string
	}{
		{"list", 400, `{"Result":"Failed","ErrorMessage":["Missing or empty message","Missing or empty destinations"]}`,
			"Failed", []string{"Missing or empty message", "Missing or empty destinations"},
			"TNZ API HTTP 400 Failed: Missing or empty message; Missing or empty destinations"},
		{"string", 401, `{"Result":"Unauthorized","ErrorMessage":"Access denied: Auth Token or credentials are incorrect or have expired."}`,
			"Unauthorized", []string{"Access denied: Auth Token or credentials are incorrect or have expired."},
			"TNZ API HTTP 401 Unauthorized: Access denied"},
		{"no result", 404, `{"ErrorMessage":["Unable to find or access the data you're looking for."]}`,
			"", []string{"Unable to find or access the data you're looking for."}, "TNZ API HTTP 404: Unable to find"},
		{"null message", 500, `{"Result":"Failed","ErrorMessage":null}`, "Failed", nil, "TNZ API HTTP 500 Failed: {"},
		{"non-string entries kept", 400, `{"ErrorMessage":["a",null,7,{"k":"v"}]}`, "", []string{"a", "7", `{"k":"v"}`}, "a; 7; {"},
		{"object message kept", 400, `{"Result":"Failed","ErrorMessage":{"code":5}}`, "Failed", []string{`{"code":5}`}, `{"code":5}`},
		{"415 placeholder", 415, `{"status":415,"extend1":"info1","extend2":"info2"}`, "", nil, "extend1"},
		{"non-json", 502, "<html>Bad Gateway</html>", "", nil, "TNZ API HTTP 502: <html>Bad Gateway</html>"},
		{"empty", 503, "", "", nil, "TNZ API HTTP 503: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newAPIError(tc.status, []byte(tc.body))
			if e.StatusCode != tc.status || e.Body != tc.body || e.Result != tc.wantResult {
				t.Errorf("got %+v", e)
			}
			if !reflect.DeepEqual(e.Messages, tc.wantMsgs) {
				t.Errorf("Messages = %q, want %q", e.Messages, tc.wantMsgs)
			}
			if !strings.Contains(e.Error(), tc.wantText) {
				t.Errorf("Error() = %q, want it to contain %q", e.Error(), tc.wantText)
			}
		})
	}
}

func TestAPIErrorTruncatesRawBody(t *testing.T) {
	e := newAPIError(502, []byte(strings.Repeat("é", 2000)))
	if len(e.Error()) > maxErrorBody+100 {
		t.Errorf("Error() is %d bytes", len(e.Error()))
	}
	if !strings.HasSuffix(e.Error(), "…") || strings.ContainsRune(e.Error(), '\uFFFD') {
		t.Errorf("bad truncation: %q", e.Error()[len(e.Error())-10:])
	}
	if len(e.Body) != 4000 {
		t.Errorf("Body must keep everything, has %d bytes", len(e.Body))
	}
}

func TestIsNotFoundIsUnauthorized(t *testing.T) {
	for _, tc := range []struct {
		err                    error
		notFound, unauthorized bool
	}{
		{newAPIError(404, []byte(`{"Result":"RecordNotFound","MessageID":"X","ErrorMessage":["Unable to find entry."]}`)), true, false},
		{newAPIError(200, []byte(`{"Result":"RecordNotFound"}`)), true, false},
		{newAPIError(404, []byte(`not json`)), true, false},
		{newAPIError(401, []byte(`{"Result":"Unauthorized"}`)), false, true},
		{newAPIError(200, []byte(`{"Result":"Unauthorized"}`)), false, true},
		{newAPIError(400, []byte(`{"Result":"Failed"}`)), false, false},
		{fmt.Errorf("wrapped: %w", newAPIError(404, nil)), true, false},
		{fmt.Errorf("wrapped: %w", newAPIError(401, nil)), false, true},
		{errors.New("plain"), false, false},
		{nil, false, false},
	} {
		if got := IsNotFound(tc.err); got != tc.notFound {
			t.Errorf("IsNotFound(%v) = %v", tc.err, got)
		}
		if got := IsUnauthorized(tc.err); got != tc.unauthorized {
			t.Errorf("IsUnauthorized(%v) = %v", tc.err, got)
		}
	}
}

func TestUncertainSendError(t *testing.T) {
	cause := newAPIError(500, []byte(`{"Result":"Failed","ErrorMessage":["Error occurred while creating job"]}`))
	err := error(&UncertainSendError{MessageID: "ID9", Err: cause, CheckErr: newAPIError(404, nil)})
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr != cause {
		t.Errorf("errors.As did not find the send's APIError")
	}
	if IsNotFound(err) {
		t.Errorf("the look-up's 404 must not make the send error a not-found")
	}
	for _, want := range []string{"may or may not have been sent", `"ID9"`, "Error occurred while creating job"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Error() = %q, want it to contain %q", err, want)
		}
	}
	if !IsUncertain(fmt.Errorf("x: %w", err)) || IsUncertain(cause) {
		t.Errorf("IsUncertain wrong")
	}
}
