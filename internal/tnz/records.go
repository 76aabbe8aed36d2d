package tnz

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// Records are what the account keeps rather than sends: Address Book
// contacts and groups (API v3.00 and v2.04) and the opt-out list (v3.00).
// Their calls share the transport, the retries and the error shapes of the
// message calls; this file holds what they share with each other.
//
// Retries: reads, updates (PATCH sets values), deletes and membership
// changes repeat safely, so they use the idempotent policy. Creates do
// not: TNZ does not deduplicate them, so a create is retried only when it
// provably did not reach TNZ (see createRecord).

// recordAPI builds the requests of one version's record calls.
type recordAPI struct {
	version string
	header  http.Header
}

// headerDialect is implemented by the token dialects (v300, v2), whose
// Authorization header the record calls reuse.
type headerDialect interface{ header() http.Header }

// addressBookAPI returns the request builder for Address Book calls, or an
// error naming the versions that have them: v3.00 and v2.04 with a token
// (the v2 SDKs' Address Book needs an auth token).
func (c *Client) addressBookAPI() (*recordAPI, error) {
	if !SupportsAddressBook(c.cfg.APIVersion) {
		return nil, fmt.Errorf("the Address Book API is available on API %s and %s only, not %s", V300, V204, c.cfg.APIVersion)
	}
	return c.recordAPI(), nil
}

// optOutAPI returns the request builder for opt-out calls (v3.00 only).
func (c *Client) optOutAPI() (*recordAPI, error) {
	if !SupportsOptOuts(c.cfg.APIVersion) {
		return nil, fmt.Errorf("the opt-out list API is available on API %s only, not %s", V300, c.cfg.APIVersion)
	}
	return c.recordAPI(), nil
}

func (c *Client) recordAPI() *recordAPI {
	h := http.Header{}
	if hd, ok := c.dialect.(headerDialect); ok {
		h = hd.header()
	}
	return &recordAPI{version: c.cfg.APIVersion, header: h}
}

// SupportsAddressBook reports whether API version has the Address Book calls.
func SupportsAddressBook(version string) bool { return version == V300 || version == V204 }

// SupportsOptOuts reports whether API version has the opt-out list calls.
func SupportsOptOuts(version string) bool { return version == V300 }

// v2 reports whether the calls are v2.04's (wrapped answers, POST membership).
func (a *recordAPI) v2() bool { return a.version != V300 }

// request builds method /api/<version>/<rest>?query with body JSON-encoded
// unless nil. The caller escapes ids in rest.
func (a *recordAPI) request(method, rest, query string, body any) (*apiRequest, error) {
	req := &apiRequest{method: method, path: "/api/" + a.version + "/" + rest, query: query, header: a.header.Clone()}
	if body != nil {
		b, err := marshalBody(body)
		if err != nil {
			return nil, err
		}
		req.body = b
	}
	return req, nil
}

// idSegment is an id as a path segment; an empty id is refused before any
// call, since it would name the list instead of the record. what is
// "contact", "group" or "opt-out".
func idSegment(what, id string) (string, error) {
	id = strings.TrimSpace(id)
	if id == "" {
		article := "a"
		if strings.HasPrefix(what, "o") {
			article = "an"
		}
		return "", fmt.Errorf("%s %s id is required", article, what)
	}
	return url.PathEscape(id), nil
}

// call makes an idempotent record call and returns its 2xx body. A 2xx
// answer whose Result is not Success (v2.04 wraps every answer in one) is an
// *APIError too.
func (c *Client) call(ctx context.Context, req *apiRequest) ([]byte, error) {
	resp, err := c.get(ctx, req)
	if err != nil {
		return nil, err
	}
	return resp.body, checkResult(resp.status, resp.body)
}

// checkResult turns a 2xx body whose Result is not Success into an
// *APIError; a body without a Result (v3.00) is success.
func checkResult(status int, body []byte) error {
	var eb errorBody
	if json.Unmarshal(body, &eb) != nil {
		return nil
	}
	if res := strings.TrimSpace(string(eb.Result)); res != "" && !strings.EqualFold(res, "Success") {
		return &APIError{StatusCode: status, Result: res, Messages: []string(eb.ErrorMessage), Body: string(body)}
	}
	return nil
}

// UncertainCreateError is a create whose outcome is unknown: the request
// may have reached TNZ (timeout, dropped connection, 5xx) and TNZ does not
// deduplicate creates, so it was not sent again. Matches lists the ids of
// existing records that match what was sent: one of them may be the
// record this create made, or an older twin; the client cannot tell which,
// so it adopts none.
type UncertainCreateError struct {
	// What is "contact", "group" or "opt-out".
	What string
	// Err is the failure of the create; errors.As finds an *APIError in it.
	Err error
	// Matches are the ids of records matching what was sent.
	Matches []string
	// CheckErr is why looking for matching records failed, if it did.
	CheckErr error
}

func (e *UncertainCreateError) Error() string {
	msg := fmt.Sprintf("the %s may or may not have been created (%v); it was not sent again, because TNZ does not deduplicate creates", e.What, e.Err)
	switch {
	case e.CheckErr != nil:
		msg += fmt.Sprintf("; looking for it failed: %v", e.CheckErr)
	case len(e.Matches) > 0:
		msg += fmt.Sprintf("; matching %ss found: %s", e.What, strings.Join(e.Matches, ", "))
	}
	return msg
}

// Unwrap returns the create's own failure.
func (e *UncertainCreateError) Unwrap() error { return e.Err }

// IsUncertainCreate reports whether err is a create that may or may not have happened.
func IsUncertainCreate(err error) bool {
	var u *UncertainCreateError
	return errors.As(err, &u)
}

// createRecord makes a create call. Like a send, it is retried only when
// the request provably did not reach TNZ (a refused connection) or TNZ
// refused it with 429. After an ambiguous failure (timeout, dropped
// connection, 5xx) it is never sent again: matching looks for records
// that match what was sent, twice with a pause (a record may show up late),
// and
//   - none found: the create did not happen, and its error is returned as
//     it is, so the caller may create again;
//   - some found, or the look-up failed: an *UncertainCreateError naming
//     them, and nothing is adopted (an older identical record would be
//     indistinguishable from the new one).
//
// A nil matching skips the look-up: every ambiguous failure is then an
// *UncertainCreateError.
func createRecord[T any](ctx context.Context, c *Client, what string, req *apiRequest, decode func([]byte) (T, error), matching func() ([]string, error)) (T, error) {
	var zero T
	resp, err := c.do(ctx, c.unsafe, req)
	switch {
	case err != nil && notSent(err):
		return zero, err
	case err != nil:
	case resp.status >= 200 && resp.status < 300:
		if err := checkResult(resp.status, resp.body); err != nil {
			return zero, err
		}
		return decode(resp.body)
	case resp.status < 500:
		return zero, newAPIError(resp.status, resp.body)
	default:
		err = newAPIError(resp.status, resp.body)
	}
	if matching == nil {
		return zero, &UncertainCreateError{What: what, Err: err}
	}
	var ids []string
	var checkErr error
	for i := range 2 {
		if i > 0 {
			if serr := sleep(ctx, c.recheckWait); serr != nil {
				checkErr = serr
				break
			}
		}
		if ids, checkErr = matching(); checkErr != nil || len(ids) > 0 {
			break
		}
	}
	if checkErr == nil && len(ids) == 0 {
		return zero, fmt.Errorf("creating the %s failed (%w); no matching %s exists, so it was not created", what, err, what)
	}
	return zero, &UncertainCreateError{What: what, Err: err, Matches: ids, CheckErr: checkErr}
}

// recordPages reads every page of a record list: fetch answers one page's
// body, items decodes its records and the pagination.
func recordPages[T any](c *Client, what string, fetch func(page int) ([]byte, error), items func([]byte) ([]T, pagination, error)) ([]T, error) {
	var out []T
	err := readPages(c, what, c.maxPages,
		func(page int) ([]T, pagination, error) {
			b, err := fetch(page)
			if err != nil {
				return nil, pagination{}, err
			}
			return items(b)
		},
		func(ts []T) int {
			out = append(out, ts...)
			return len(ts)
		})
	return out, err
}

// unwrap returns the object under key when the answer wraps it (v2.04's
// {"Result":"Success","Contact":{…}}), else the answer itself (v3.00).
func unwrap(body []byte, key string) (map[string]json.RawMessage, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(body, &top); err != nil {
		return nil, err
	}
	if inner, ok := top[key]; ok {
		var m map[string]json.RawMessage
		if json.Unmarshal(inner, &m) == nil && m != nil {
			return m, nil
		}
	}
	return top, nil
}

// text reads key of a decoded object leniently (a number or boolean as
// its text; null, objects and arrays as "").
func text(m map[string]json.RawMessage, keys ...string) string {
	for _, k := range keys {
		raw, ok := m[k]
		if !ok {
			continue
		}
		var s flexString
		_ = s.UnmarshalJSON(raw)
		if v := strings.TrimSpace(string(s)); v != "" {
			return string(s)
		}
	}
	return ""
}

// objects decodes the array under key into objects; entries that are not
// objects are skipped.
func objects(m map[string]json.RawMessage, key string) []map[string]json.RawMessage {
	var raws []json.RawMessage
	if json.Unmarshal(m[key], &raws) != nil {
		return nil
	}
	var out []map[string]json.RawMessage
	for _, r := range raws {
		var o map[string]json.RawMessage
		if json.Unmarshal(r, &o) == nil && o != nil {
			out = append(out, o)
		}
	}
	return out
}

// listPage decodes a list answer: its pagination and the objects under key.
func listPage(body []byte, key string) ([]map[string]json.RawMessage, pagination, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(body, &top); err != nil {
		return nil, pagination{}, fmt.Errorf("reading TNZ %s list: %w", strings.ToLower(key), err)
	}
	var p v300Pagination
	_ = json.Unmarshal(body, &p)
	return objects(top, key), p.pagination(), nil
}

// sameText compares record values as TNZ may echo them: trimmed, ignoring case.
func sameText(a, b string) bool { return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b)) }

// IsForbidden reports whether err is TNZ refusing a call the API user may
// not make: 403, "Unauthorized access to Addressbook API!" when the
// Address Book API is not enabled for the user.
func IsForbidden(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusForbidden
}
