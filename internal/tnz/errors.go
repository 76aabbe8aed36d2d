package tnz

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
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
		msg = strings.TrimSpace(e.Body)
	}
	if e.Result != "" {
		return fmt.Sprintf("TNZ API HTTP %d %s: %s", e.StatusCode, e.Result, msg)
	}
	return fmt.Sprintf("TNZ API HTTP %d: %s", e.StatusCode, msg)
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

// errorBody is the error shape every dialect shares. ErrorMessage comes as a
// list or as a single string (notes §5.2 ⚠), so it is decoded leniently.
type errorBody struct {
	Result       string       `json:"Result"`
	ErrorMessage flexibleList `json:"ErrorMessage"`
}

// flexibleList decodes a JSON string, a list of strings, or null.
type flexibleList []string

func (l *flexibleList) UnmarshalJSON(data []byte) error {
	var one string
	if err := json.Unmarshal(data, &one); err == nil {
		if one != "" {
			*l = flexibleList{one}
		}
		return nil
	}
	var many []any
	if err := json.Unmarshal(data, &many); err != nil {
		return err
	}
	for _, v := range many {
		switch s := v.(type) {
		case string:
			*l = append(*l, s)
		case nil:
		default:
			*l = append(*l, fmt.Sprint(s))
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
		e.Result = eb.Result
		e.Messages = []string(eb.ErrorMessage)
	}
	return e
}
