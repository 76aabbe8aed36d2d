package tnz

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"
)

// APIError is a response the API answered with a non-2xx status (or a v2.0x
// body whose Result is not Success). It keeps everything the server said.
type APIError struct {
	// StatusCode is the HTTP status.
	StatusCode int
	// Result is the body's Result ("Failed", "Unauthorized", "RecordNotFound"…), if any.
	Result string
	// Messages are the body's ErrorMessage entries, in order (a string is one entry).
	Messages []string
	// Body is the raw response body, for diagnostics.
	Body string
}

func (e *APIError) Error() string {
	msg := strings.Join(e.Messages, "; ")
	if msg == "" {
		msg = truncate(strings.TrimSpace(e.Body), maxErrorBody)
	}
	if e.Result != "" {
		return fmt.Sprintf("TNZ API HTTP %d %s: %s", e.StatusCode, e.Result, msg)
	}
	return fmt.Sprintf("TNZ API HTTP %d: %s", e.StatusCode, msg)
}

// maxErrorBody bounds how much of a raw (non-JSON) body Error() quotes; an
// HTML error page would otherwise swamp the diagnostic. Body keeps it all.
const maxErrorBody = 512

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	// Cut on a rune boundary.
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// IsNotFound reports whether err is the API saying the message or record does not exist
// (HTTP 404 or Result RecordNotFound).
func IsNotFound(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && (apiErr.StatusCode == http.StatusNotFound || apiErr.Result == "RecordNotFound")
}

// IsUnauthorized reports whether err is the API refusing the credentials.
func IsUnauthorized(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && (apiErr.StatusCode == http.StatusUnauthorized || apiErr.Result == "Unauthorized")
}

// UncertainSendError is a send whose outcome is unknown: the request may have
// reached TNZ (timeout, dropped connection, 5xx) and looking the message up
// by its MessageID did not settle it. Sending again may deliver it twice.
type UncertainSendError struct {
	// MessageID is the id that was sent; "" if the server was to generate one.
	MessageID string
	// Err is the failure of the send; errors.As finds an *APIError in it.
	Err error
	// CheckErr is why the look-up by MessageID did not settle it, if one was made.
	CheckErr error
}

func (e *UncertainSendError) Error() string {
	if e.MessageID == "" {
		return fmt.Sprintf("the message may or may not have been sent (%v); it has no MessageID to look it up by, so it was not retried", e.Err)
	}
	msg := fmt.Sprintf("the message with MessageID %q may or may not have been sent (%v)", e.MessageID, e.Err)
	if errors.Is(e.CheckErr, ErrNoStatus) {
		return msg + fmt.Sprintf("; %v, so check the TNZ Dashboard before sending it again", e.CheckErr)
	}
	if e.CheckErr != nil {
		msg += fmt.Sprintf("; looking it up failed: %v", e.CheckErr)
	}
	return msg + "; check its status before sending it again"
}

// Unwrap returns the send's own failure (not the look-up's, so that
// IsNotFound does not mistake a missing status for a missing resource).
func (e *UncertainSendError) Unwrap() error { return e.Err }

// ErrNoStatus is wrapped by the errors about a channel without a status
// endpoint (Workflow: TNZ's OpenAPI file has only POST /workflow).
var ErrNoStatus = errors.New("TNZ's API has no status endpoint")

func noStatusError(ch Channel) error {
	return fmt.Errorf("%w for %s messages", ErrNoStatus, ch.Title())
}

// IsUncertain reports whether err is a send that may or may not have been delivered.
func IsUncertain(err error) bool {
	var u *UncertainSendError
	return errors.As(err, &u)
}

// errorBody is the error shape every dialect shares. ErrorMessage comes as a
// list or as a single string (the SDKs and the OpenAPI file's schema say
// a list, its examples a string), so it is decoded leniently.
type errorBody struct {
	Result       flexString   `json:"Result"`
	ErrorMessage flexibleList `json:"ErrorMessage"`
}

// flexibleList decodes a JSON string, a list, or null. Entries that are not
// strings (and a lone non-string value) are kept as their JSON text, so no
// message the server sent is lost.
type flexibleList []string

func (l *flexibleList) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	var one string
	if err := json.Unmarshal(data, &one); err == nil {
		if one != "" {
			*l = flexibleList{one}
		}
		return nil
	}
	var many []json.RawMessage
	if err := json.Unmarshal(data, &many); err != nil {
		if !bytes.Equal(data, []byte("null")) && len(data) > 0 {
			*l = flexibleList{string(data)}
		}
		return nil
	}
	for _, raw := range many {
		raw = bytes.TrimSpace(raw)
		var s string
		switch {
		case json.Unmarshal(raw, &s) == nil:
			if s != "" {
				*l = append(*l, s)
			}
		case bytes.Equal(raw, []byte("null")):
		default:
			*l = append(*l, string(raw))
		}
	}
	return nil
}

// newAPIError builds an APIError from a response status and body; a body
// that is not the documented JSON is kept raw.
func newAPIError(status int, body []byte) *APIError {
	e := &APIError{StatusCode: status, Body: string(body)}
	var eb errorBody
	if json.Unmarshal(body, &eb) == nil {
		e.Result = string(eb.Result)
		e.Messages = []string(eb.ErrorMessage)
	}
	return e
}
