// Package tnz is a client for TNZ Group's messaging REST API: typed messages
// per channel, one wire dialect per API version, send-once retries and a
// logging transport that masks secrets.
package tnz

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode"

	"github.com/hashicorp/go-retryablehttp"
)

// DefaultBaseURL is TNZ's production API host.
const DefaultBaseURL = "https://api.tnz.co.nz"

// API versions (dialects) the client speaks (TNZ's API documentation). The version is
// also the URL's path segment, so v2.03 and v2.01 are sent as themselves.
const (
	// V300 is the current REST API: flat JSON, Authorization: Bearer <token>.
	V300 = "v3.00"
	// V204 is {"MessageData":{…}} with Authorization: Basic <token> (the
	// Dashboard token as-is, not base64 of user:password).
	V204 = "v2.04"
	// V203 has V204's wire format and token authentication.
	V203 = "v2.03"
	// V202 is {"Sender":…,"APIKey":…,"MessageData":{…}} ("plain
	// authentication") with no Authorization header.
	V202 = "v2.02"
	// V201 has V202's wire format and Sender/APIKey authentication.
	V201 = "v2.01"
)

const (
	defaultUserAgent      = "terraform-provider-tnz"
	defaultRequestTimeout = 30 * time.Second
	// maxResponseBody bounds what is read of one response; status pages
	// are at most 100 recipients (TNZ's OpenAPI file: recordsPerPage).
	maxResponseBody = 8 << 20
	// recordsPerPage is the page size asked for on list calls (status
	// recipients, inbound SMS): the OpenAPI file's maximum for recordsPerPage.
	recordsPerPage = 100
	// defaultMaxPages bounds the pages one list call reads (100,000
	// records), so a server that keeps announcing more pages cannot keep the
	// client busy for ever.
	defaultMaxPages = 1000
)

// Config configures a Client.
type Config struct {
	// BaseURL is the API host, e.g. https://api.tnz.co.nz. A trailing
	// "/api/<version>" (as the official SDKs' TNZ_API_URL carries) is accepted.
	BaseURL string
	// APIVersion selects the dialect. Empty means v3.00, or v2.02 when no
	// AuthToken but a Sender or APIKey is set.
	APIVersion string
	// AuthToken is the Dashboard JWT (v3.00: Authorization: Bearer; v2.03
	// and v2.04: Authorization: Basic). Required by those versions, unused by
	// v2.01 and v2.02.
	AuthToken string
	// Sender (the API user's e-mail address) and APIKey are the legacy
	// credentials that v2.01 and v2.02 send in every request body. Required
	// by those versions, unused by the token versions.
	Sender string
	APIKey string
	// UserAgent is sent on every request.
	UserAgent string
	// RequestTimeout bounds one HTTP attempt; zero means 30s.
	RequestTimeout time.Duration
	// MaxRetries bounds retries of one call, only where retrying cannot send
	// twice.
	MaxRetries int
	// Transport overrides the HTTP transport (tests); nil means the default.
	Transport http.RoundTripper
}

// Client talks to the TNZ REST API.
type Client struct {
	cfg     Config
	dialect dialect
	// idempotent retries connection errors, 429 and 5xx; unsafe (sends)
	// retries only what provably did not reach the server, and 429.
	idempotent *retryablehttp.Client
	unsafe     *retryablehttp.Client

	// Retry timing; fields so that tests can shorten them.
	waitMin, waitMax time.Duration
	// maxRetryAfter caps a server's Retry-After.
	maxRetryAfter time.Duration
	// recheckWait is the pause before a "not found" after an ambiguous send
	// is checked again.
	recheckWait time.Duration
	// maxPages bounds the pages one list call reads.
	maxPages int
}

// New validates cfg and returns a Client.
//
// Errors never quote the credentials (token, sender, API key).
func New(cfg Config) (*Client, error) {
	// A credential pasted from a file often carries a trailing newline.
	cfg.AuthToken = strings.TrimSpace(cfg.AuthToken)
	cfg.Sender = strings.TrimSpace(cfg.Sender)
	cfg.APIKey = strings.TrimSpace(cfg.APIKey)
	version, problems := CheckAuth(cfg)
	cfg.APIVersion = version
	base, err := normaliseBaseURL(cfg.BaseURL)
	if err != nil {
		return nil, err
	}
	cfg.BaseURL = base
	if strings.ContainsFunc(cfg.AuthToken, spaceOrControl) {
		return nil, errors.New("the auth token contains spaces or control characters: copy it again from the TNZ Dashboard")
	}
	if strings.ContainsFunc(cfg.APIKey, spaceOrControl) {
		return nil, errors.New("the API key contains spaces or control characters: copy it again from the TNZ Dashboard")
	}
	if strings.ContainsFunc(cfg.Sender, unicode.IsControl) {
		return nil, errors.New("the sender contains control characters: it is the API user's e-mail address")
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = defaultUserAgent
	}
	if strings.ContainsFunc(cfg.UserAgent, unicode.IsControl) {
		return nil, errors.New("the user agent must not contain control characters")
	}
	switch {
	case cfg.RequestTimeout < 0:
		return nil, fmt.Errorf("request timeout %s is negative: use a positive duration, or 0 for the default %s", cfg.RequestTimeout, defaultRequestTimeout)
	case cfg.RequestTimeout == 0:
		cfg.RequestTimeout = defaultRequestTimeout
	}
	if cfg.MaxRetries < 0 {
		return nil, fmt.Errorf("max retries %d is negative: use 0 to disable retries", cfg.MaxRetries)
	}
	rd, err := lookupDialect(cfg.APIVersion)
	if err != nil {
		return nil, err
	}
	if len(problems) > 0 {
		return nil, problems[0]
	}
	d := rd.newDialect(cfg)

	inner := cfg.Transport
	if inner == nil {
		inner = http.DefaultTransport
		if t, ok := http.DefaultTransport.(*http.Transport); ok {
			inner = t.Clone()
		}
	}
	hc := &http.Client{
		Transport: newLoggingTransport(inner, cfg.AuthToken, cfg.APIKey, cfg.Sender),
		// Per attempt: retryablehttp calls Do once per attempt.
		Timeout: cfg.RequestTimeout,
		// A redirected POST would turn into a GET and a cross-host redirect
		// would drop the token; the API does not redirect, so a 3xx is
		// reported as what it is.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	c := &Client{
		cfg:           cfg,
		dialect:       d,
		waitMin:       time.Second,
		waitMax:       8 * time.Second,
		maxRetryAfter: time.Minute,
		recheckWait:   2 * time.Second,
		maxPages:      defaultMaxPages,
	}
	c.idempotent = c.retryClient(hc, retryIdempotent)
	c.unsafe = c.retryClient(hc, retrySend)
	return c, nil
}

func spaceOrControl(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }

func (c *Client) retryClient(hc *http.Client, policy retryablehttp.CheckRetry) *retryablehttp.Client {
	return &retryablehttp.Client{
		HTTPClient:     hc,
		Logger:         nil, // loggingTransport logs each attempt through tflog
		RetryMax:       c.cfg.MaxRetries,
		CheckRetry:     policy,
		Backoff:        c.backoff,
		ErrorHandler:   retryablehttp.PassthroughErrorHandler,
		RequestLogHook: recordAttempt,
	}
}

// Send submits msg once. See SendResult for the ambiguous-failure recovery.
//
// The API does not deduplicate by MessageID, so a send is never simply
// retried: HTTP-level retries happen only when the request provably did not
// reach the server (dial errors) or was refused with 429. After an ambiguous
// failure (timeout, dropped connection, 5xx) the message is looked up by its
// MessageID; found, the send is Recovered; otherwise it is never submitted
// again and the error is uncertain (TNZ's 404 also means "still processing").
func (c *Client) Send(ctx context.Context, msg Message) (SendResult, error) {
	if msg == nil {
		return SendResult{}, errors.New("tnz: Send called with a nil message")
	}
	req, err := c.dialect.sendRequest(msg)
	if err != nil {
		return SendResult{}, err
	}
	id := msg.CommonPart().MessageID
	res, unknown, sendErr := c.submit(ctx, req, id)
	if sendErr == nil {
		return res, nil
	}
	if !unknown {
		return SendResult{}, sendErr
	}
	if id == "" {
		return SendResult{}, &UncertainSendError{Err: sendErr}
	}
	if !msg.Channel().HasStatus() {
		// Nothing to look the message up by (Workflow): never send again.
		return SendResult{}, &UncertainSendError{MessageID: id, Err: sendErr, CheckErr: noStatusError(msg.Channel())}
	}
	// Never submit again after an ambiguous failure: TNZ's 404 also means
	// "still processing", and TNZ has been seen answering 500 "Error
	// occurred while creating job" for a job it created seconds later, so
	// neither the look-up nor TNZ's own error body proves nothing was sent.
	found, checkErr := c.confirm(ctx, msg.Channel(), id)
	if found {
		return SendResult{MessageID: id, Recovered: true}, nil
	}
	return SendResult{}, &UncertainSendError{MessageID: id, Err: sendErr, CheckErr: checkErr}
}

// submit makes one send (with only the safe HTTP retries) and reports
// whether a failure leaves it unknown if the API received the message.
func (c *Client) submit(ctx context.Context, req *apiRequest, sentID string) (SendResult, bool, error) {
	resp, err := c.do(ctx, c.unsafe, req)
	if err != nil {
		return SendResult{}, !notSent(err), err
	}
	switch {
	case resp.status >= 200 && resp.status < 300:
		res, err := c.dialect.decodeSend(resp.status, resp.body, sentID)
		return res, false, err
	case resp.status >= 500:
		// "Error occurred while creating job" and friends: the job may or
		// may not exist.
		return SendResult{}, true, newAPIError(resp.status, resp.body)
	default:
		return SendResult{}, false, newAPIError(resp.status, resp.body)
	}
}

// confirm asks the API whether the message exists. The OpenAPI file's 404 means "id is
// incorrect or still processing", so a not-found is checked once more after
// a pause before it is believed.
func (c *Client) confirm(ctx context.Context, ch Channel, id string) (bool, error) {
	var err error
	for i := range 2 {
		if i > 0 {
			if serr := sleep(ctx, c.recheckWait); serr != nil {
				return false, err
			}
		}
		// Existence is all that is asked: the first page says it.
		if _, _, err = c.statusPage(ctx, ch, id, 1); err == nil {
			return true, nil
		}
		if !IsNotFound(err) {
			return false, err
		}
	}
	return false, err
}

// Status fetches the delivery status of a message by id, with every
// recipient: it asks for pages of 100 recipients and follows the response's
// PageCount, merging the pages' recipients in order. The message-level
// fields are the first page's. Each page is retried like any GET.
//
// Paging stops early on a page without recipients, or when the server
// answers another page than the one asked for (a server that does not page
// would otherwise list its recipients twice). A message with more than
// 1000 pages (100,000 recipients) is an error rather than a silently
// shortened list. The v2.0x Sender/APIKey form has no paging parameters,
// so its one answer is the status.
//
// On v2.0x, whose status answer leaves SMS replies out, the replies of an
// SMS are fetched from get/sms/reply (every page) and added to the
// recipients with the same number; the API finding no replies is none.
//
// Workflow messages have no status endpoint: asking for one is an error
// wrapping ErrNoStatus, before any call.
func (c *Client) Status(ctx context.Context, ch Channel, messageID string) (*Status, error) {
	if err := c.checkStatusTarget(ch, messageID); err != nil {
		return nil, err
	}
	var st *Status
	err := readPages(c, "the status of message "+strconv.Quote(messageID), c.maxPages,
		func(page int) (*Status, pagination, error) { return c.statusPage(ctx, ch, messageID, page) },
		func(s *Status) int {
			if st == nil {
				st = s
			} else {
				st.Recipients = append(st.Recipients, s.Recipients...)
			}
			return len(s.Recipients)
		})
	if err != nil {
		return nil, err
	}
	if rd, ok := c.dialect.(replyDialect); ok && ch == SMS && !hasReplies(st) {
		if err := c.addSMSReplies(ctx, rd, messageID, st, c.maxPages); err != nil {
			return nil, err
		}
	}
	return st, nil
}

// JobStatus is a message's status with only its first page of recipients
// (up to 100) and their replies: one call (two for a v2.0x SMS) however
// many recipients the message has. The job's counts cover every recipient.
// Send resources keep this in state; Status reads the whole list. Like
// Status it refuses Workflow (ErrNoStatus) before any call.
func (c *Client) JobStatus(ctx context.Context, ch Channel, messageID string) (*Status, error) {
	if err := c.checkStatusTarget(ch, messageID); err != nil {
		return nil, err
	}
	st, _, err := c.statusPage(ctx, ch, messageID, 1)
	if err != nil {
		return nil, err
	}
	if rd, ok := c.dialect.(replyDialect); ok && ch == SMS && !hasReplies(st) {
		if err := c.addSMSReplies(ctx, rd, messageID, st, 1); err != nil {
			return nil, err
		}
	}
	return st, nil
}

// addSMSReplies fetches an SMS message's replies from the dialect's reply
// endpoint, every page, and merges them into st's recipients by number. The
// API answering that it found none (see noSMSReplies) is no replies. It
// reads at most maxPages pages.
func (c *Client) addSMSReplies(ctx context.Context, rd replyDialect, messageID string, st *Status, maxPages int) error {
	var withReplies []RecipientStatus
	err := readPages(c, "the replies to message "+strconv.Quote(messageID), maxPages,
		func(page int) (*Status, pagination, error) {
			req, err := rd.smsRepliesRequest(messageID, page, recordsPerPage)
			if err != nil {
				return nil, pagination{}, err
			}
			resp, err := c.get(ctx, req)
			if err != nil {
				return nil, pagination{}, err
			}
			return c.dialect.decodeStatus(resp.status, resp.body)
		},
		func(s *Status) int {
			withReplies = append(withReplies, s.Recipients...)
			return len(s.Recipients)
		})
	if err != nil {
		if noSMSReplies(err) {
			return nil
		}
		return fmt.Errorf("fetching the replies to SMS %q: %w", messageID, err)
	}
	mergeReplies(st, withReplies)
	return nil
}

// statusPage fetches one page of a message's status.
func (c *Client) statusPage(ctx context.Context, ch Channel, messageID string, page int) (*Status, pagination, error) {
	req, err := c.dialect.statusRequest(ch, messageID, page, recordsPerPage)
	if err != nil {
		return nil, pagination{}, err
	}
	resp, err := c.get(ctx, req)
	if err != nil {
		return nil, pagination{}, err
	}
	return c.dialect.decodeStatus(resp.status, resp.body)
}

// get makes an idempotent call (retried on connection errors, 429 and 5xx)
// and returns its 2xx answer; any other answer is an *APIError.
func (c *Client) get(ctx context.Context, req *apiRequest) (*httpResult, error) {
	resp, err := c.do(ctx, c.idempotent, req)
	if err != nil {
		return nil, err
	}
	if resp.status < 200 || resp.status >= 300 {
		return nil, newAPIError(resp.status, resp.body)
	}
	return resp, nil
}

// readPages reads pages 1, 2, … of a list (what names it in errors): fetch
// gets one page and keep takes its items, returning how many there were.
// It follows PageCount and stops after the last page, on an empty page, or
// when the server answers another page than the one asked for (keeping
// that page would list items twice). It reads at most maxPages pages: when
// that is the client's own bound (c.maxPages), more pages are an error;
// a caller's smaller bound just stops.
func readPages[T any](c *Client, what string, maxPages int, fetch func(page int) (T, pagination, error), keep func(T) int) error {
	for page := 1; ; page++ {
		v, p, err := fetch(page)
		if err != nil {
			return err
		}
		if page > 1 && p.Page != 0 && p.Page != int64(page) {
			return nil
		}
		if keep(v) == 0 || p.PageCount <= int64(page) {
			return nil
		}
		if page >= maxPages {
			if maxPages < c.maxPages {
				return nil
			}
			return fmt.Errorf("%s has %d pages of up to %d records; the client reads at most %d pages", what, p.PageCount, recordsPerPage, c.maxPages)
		}
	}
}

// checkTarget checks the channel and message id of a call about a sent
// message before anything is sent.
func (c *Client) checkTarget(ch Channel, messageID, doing string) error {
	if err := c.checkChannel(ch); err != nil {
		return err
	}
	if strings.TrimSpace(messageID) == "" {
		return fmt.Errorf("a message id is required to %s", doing)
	}
	return nil
}

// checkStatusTarget is checkTarget for a status read, which a channel
// without a status endpoint (Workflow) cannot have.
func (c *Client) checkStatusTarget(ch Channel, messageID string) error {
	if err := c.checkTarget(ch, messageID, "fetch a status"); err != nil {
		return err
	}
	if !ch.HasStatus() {
		return noStatusError(ch)
	}
	return nil
}

// checkChannel refuses a channel the client does not know, or one the
// configured API version lacks.
func (c *Client) checkChannel(ch Channel) error {
	if !slices.Contains(Channels, ch) {
		return fmt.Errorf("unknown channel %q: use one of %s", ch, channelNames(Channels))
	}
	if !ch.SupportedBy(c.cfg.APIVersion) {
		return fmt.Errorf("%s messages are only supported by API %s, not %s", ch.Title(), V300, c.cfg.APIVersion)
	}
	return nil
}

// channelNames writes channels as the client's errors name them: "sms,
// email, fax".
func channelNames(chs []Channel) string {
	names := make([]string, len(chs))
	for i, ch := range chs {
		names[i] = string(ch)
	}
	return strings.Join(names, ", ")
}

// httpResult is a response read in full.
type httpResult struct {
	status int
	body   []byte
}

func (c *Client) do(ctx context.Context, rc *retryablehttp.Client, ar *apiRequest) (*httpResult, error) {
	var body any
	if ar.body != nil {
		body = ar.body
	}
	ctx = context.WithValue(ctx, attemptKey{}, new(attemptCounter))
	target := c.cfg.BaseURL + ar.path
	if ar.query != "" {
		target += "?" + ar.query
	}
	req, err := retryablehttp.NewRequestWithContext(ctx, ar.method, target, body)
	if err != nil {
		return nil, err
	}
	for k, vs := range ar.header {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	req.Header.Set("Accept", "application/json")
	if ar.body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)

	resp, err := rc.Do(req)
	if err != nil {
		if resp != nil {
			resp.Body.Close()
		}
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBody))
	if err != nil {
		return nil, fmt.Errorf("reading the TNZ API response (HTTP %d): %w", resp.StatusCode, err)
	}
	return &httpResult{status: resp.StatusCode, body: b}, nil
}

// retryIdempotent is the retry policy for calls that may safely repeat
// (status and inbound GETs; the abort, reschedule and pacing actions, which
// set a state): connection errors, 429 and 5xx.
func retryIdempotent(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, nil
	}
	if err != nil {
		return !isPermanent(err), nil
	}
	return resp.StatusCode == http.StatusTooManyRequests ||
		(resp.StatusCode >= 500 && resp.StatusCode != http.StatusNotImplemented), nil
}

// retrySend is the retry policy for sends: only what cannot send twice.
// A dial error means no byte reached the server; a 429 means the server
// refused the request. Anything else (timeout, reset, EOF, 5xx) is handled
// by Send's look-up-first recovery, never by a blind retry.
func retrySend(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, nil
	}
	if err != nil {
		return notSent(err), nil
	}
	return resp.StatusCode == http.StatusTooManyRequests, nil
}

// notSent reports whether err happened before any byte of the request was
// written: dialling (connection refused, DNS failure, dial timeout).
func notSent(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
}

// isPermanent reports transport errors that repeating cannot fix.
func isPermanent(err error) bool {
	var (
		verify   *tls.CertificateVerificationError
		record   tls.RecordHeaderError
		unknown  x509.UnknownAuthorityError
		hostname x509.HostnameError
		invalid  x509.CertificateInvalidError
	)
	return errors.As(err, &verify) || errors.As(err, &record) || errors.As(err, &unknown) ||
		errors.As(err, &hostname) || errors.As(err, &invalid)
}

// backoff is exponential between waitMin and waitMax, and honours a
// Retry-After on 429/503 up to maxRetryAfter.
func (c *Client) backoff(_, _ time.Duration, attempt int, resp *http.Response) time.Duration {
	d := retryablehttp.DefaultBackoff(c.waitMin, c.waitMax, attempt, resp)
	return min(d, c.maxRetryAfter)
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// attemptKey carries the attempt number from the retry loop to the logging
// transport.
type attemptKey struct{}

type attemptCounter struct{ n atomic.Int64 }

// recordAttempt is a retryablehttp.RequestLogHook; i counts from 0.
func recordAttempt(_ retryablehttp.Logger, req *http.Request, i int) {
	if c, ok := req.Context().Value(attemptKey{}).(*attemptCounter); ok {
		c.n.Store(int64(i) + 1)
	}
}

var apiVersionSuffix = regexp.MustCompile(`(?i)/api/v[0-9]+\.[0-9]+$`)

// normaliseBaseURL returns scheme://host[/prefix] without a trailing slash
// or "/api/<version>", and refuses URLs that would leak the token.
func normaliseBaseURL(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		s = DefaultBaseURL
	}
	s = strings.TrimRight(s, "/")
	s = strings.TrimRight(apiVersionSuffix.ReplaceAllString(s, ""), "/")
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return "", fmt.Errorf("base URL %q must be an absolute https URL such as %s", raw, DefaultBaseURL)
	}
	if u.User != nil {
		return "", errors.New("base URL must not contain a user name or password: set the token as the auth token instead")
	}
	if u.RawQuery != "" || u.ForceQuery || u.Fragment != "" {
		return "", fmt.Errorf("base URL %q must not have a query or fragment: use scheme://host only, e.g. %s", raw, DefaultBaseURL)
	}
	if u.Scheme == "http" && !isLoopback(u.Hostname()) {
		return "", fmt.Errorf("base URL %q uses plain http, which would send the auth token unencrypted: use https://%s%s (http is allowed only for loopback hosts: localhost, 127.0.0.0/8, ::1)", raw, u.Host, u.EscapedPath())
	}
	return u.Scheme + "://" + u.Host + u.EscapedPath(), nil
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
