package tnz

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// loggingTransport logs every HTTP attempt through tflog, on the request's
// context so that the provider's log level and fields apply.
//
// DEBUG: one line per attempt (method, path, status, duration, attempt), no
// headers or bodies, so recipients' numbers, addresses and names never show
// below TRACE. TRACE: headers and bodies as well. Secrets are masked here,
// before tflog sees the text, at every level: the Authorization value, the
// legacy APIKey/Sender body members, and the configured credentials (token,
// API key, sender) wherever they appear.
type loggingTransport struct {
	inner http.RoundTripper
	// secrets are the credentials' values, as configured and as JSON
	// escapes them, longest first.
	secrets []string
}

// newLoggingTransport logs inner's calls with the given credentials masked;
// empty ones are skipped.
func newLoggingTransport(inner http.RoundTripper, values ...string) *loggingTransport {
	t := &loggingTransport{inner: inner}
	for _, c := range values {
		if c == "" {
			continue
		}
		t.secrets = append(t.secrets, c)
		// A value with quotes, backslashes or control characters travels
		// escaped inside a JSON body.
		if b, err := json.Marshal(c); err == nil {
			if esc := string(b[1 : len(b)-1]); esc != c {
				t.secrets = append(t.secrets, esc)
			}
		}
	}
	// Longest first, so a secret that contains another is masked whole.
	sort.SliceStable(t.secrets, func(i, j int) bool { return len(t.secrets[i]) > len(t.secrets[j]) })
	return t
}

// maxLoggedBody bounds a logged body; attachments can be megabytes of base64.
const maxLoggedBody = 64 << 10

// secretKeyRe matches a JSON string member whose key is a legacy credential
// (v2.0x bodies carry "Sender" and "APIKey"), at any depth.
var secretKeyRe = regexp.MustCompile(`(?i)("(?:apikey|sender)"\s*:\s*)"(?:[^"\\]|\\.)*"`)

func (t *loggingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	if len(t.secrets) > 0 {
		// Defence in depth: should anything below log a credential
		// unmasked, tflog masks it too.
		ctx = tflog.MaskAllFieldValuesStrings(ctx, t.secrets...)
		ctx = tflog.MaskMessageStrings(ctx, t.secrets...)
	}
	fields := map[string]any{
		"tnz_method":  req.Method,
		"tnz_path":    t.mask(req.URL.EscapedPath()),
		"tnz_attempt": attemptOf(req.Context()),
	}

	if tflog.IsTrace(ctx) {
		body, out, err := peekRequestBody(req)
		if err != nil {
			return nil, err
		}
		req = out
		tflog.Trace(ctx, "TNZ API request", with(fields, map[string]any{
			"tnz_request_headers": t.headers(req.Header),
			"tnz_request_body":    t.maskBody(body),
		}))
	}

	start := time.Now()
	resp, err := t.inner.RoundTrip(req)
	elapsed := time.Since(start)
	fields["tnz_duration_ms"] = elapsed.Milliseconds()
	if err != nil {
		tflog.Debug(ctx, "TNZ API request failed", with(fields, map[string]any{"tnz_error": t.mask(err.Error())}))
		return resp, err
	}
	fields["tnz_status"] = resp.StatusCode
	tflog.Debug(ctx, "TNZ API request", fields)

	if tflog.IsTrace(ctx) {
		body := peekResponseBody(resp)
		tflog.Trace(ctx, "TNZ API response", with(fields, map[string]any{
			"tnz_response_headers": t.headers(resp.Header),
			"tnz_response_body":    t.maskBody(body),
		}))
	}
	return resp, nil
}

// peekRequestBody returns a copy of the body and a request that can still be
// sent. It prefers GetBody, which leaves req untouched (a RoundTripper must
// not modify its request); otherwise it sends a clone with a fresh body.
func peekRequestBody(req *http.Request) ([]byte, *http.Request, error) {
	if req.Body == nil || req.Body == http.NoBody {
		return nil, req, nil
	}
	if req.GetBody != nil {
		if rc, err := req.GetBody(); err == nil {
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err == nil {
				return b, req, nil
			}
		}
	}
	b, err := io.ReadAll(req.Body)
	req.Body.Close()
	if err != nil {
		return nil, nil, err
	}
	out := req.Clone(req.Context())
	out.Body = io.NopCloser(bytes.NewReader(b))
	out.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b)), nil }
	return b, out, nil
}

// peekResponseBody reads up to maxResponseBody bytes for the log and puts
// back a body that yields the same bytes, then the unread rest (or the read
// error), so the caller sees exactly what the server sent.
func peekResponseBody(resp *http.Response) []byte {
	if resp.Body == nil || resp.Body == http.NoBody {
		return nil
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBody))
	rest := io.Reader(resp.Body)
	if err != nil {
		rest = errReader{err}
	}
	resp.Body = readCloser{io.MultiReader(bytes.NewReader(b), rest), resp.Body}
	return b
}

type readCloser struct {
	io.Reader
	io.Closer
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

// mask removes the credentials from any text.
func (t *loggingTransport) mask(s string) string {
	for _, secret := range t.secrets {
		s = strings.ReplaceAll(s, secret, "***")
	}
	return s
}

// maskBody masks credential members and values, then bounds the size.
func (t *loggingTransport) maskBody(b []byte) string {
	s := t.mask(secretKeyRe.ReplaceAllString(string(b), `$1"***"`))
	if len(s) > maxLoggedBody {
		s = truncate(s, maxLoggedBody) + " (truncated)"
	}
	return s
}

// headers renders headers for TRACE with credentials masked: the
// Authorization scheme stays readable ("Bearer ***"), its value never does.
func (t *loggingTransport) headers(h http.Header) string {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var sb strings.Builder
	for _, k := range keys {
		for _, v := range h[k] {
			v = maskHeader(k, v)
			if sb.Len() > 0 {
				sb.WriteString("\n")
			}
			sb.WriteString(k + ": " + t.mask(v))
		}
	}
	return sb.String()
}

// maskHeader hides a credential header's value; for Authorization the scheme
// stays readable ("Bearer ***"), since which scheme was sent is the usual
// question when debugging a 401.
func maskHeader(name, v string) string {
	switch http.CanonicalHeaderKey(name) {
	case "Authorization", "Proxy-Authorization":
		if scheme, _, ok := strings.Cut(strings.TrimSpace(v), " "); ok && schemeRe.MatchString(scheme) {
			return scheme + " ***"
		}
		return "***"
	case "Cookie", "Set-Cookie", "X-Api-Key":
		return "***"
	}
	return v
}

var schemeRe = regexp.MustCompile(`^[A-Za-z]{1,20}$`)

// with returns a copy of base with extra merged in.
func with(base, extra map[string]any) map[string]any {
	out := make(map[string]any, len(base)+len(extra))
	for k, v := range base {
		out[k] = v
	}
	for k, v := range extra {
		out[k] = v
	}
	return out
}

// attemptOf returns the 1-based attempt number the retry loop stored in ctx.
func attemptOf(ctx context.Context) int64 {
	if c, ok := ctx.Value(attemptKey{}).(*attemptCounter); ok {
		if n := c.n.Load(); n > 0 {
			return n
		}
	}
	return 1
}
