package sandbox

import (
	"bytes"
	"crypto/rand"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"
)

// DefaultToken is the auth token a sandbox accepts when Options.Tokens is empty.
const DefaultToken = "sandbox-token"

// NoAddressBookToken is an auth token a sandbox accepts, when
// Options.Tokens and Options.NoAddressBookTokens are both empty, for an API
// user whose Address Book API access is not enabled: its Address Book
// calls answer 403.
const NoAddressBookToken = "sandbox-token-no-addressbook"

// DefaultSender and DefaultAPIKey are the legacy (v2.0x Sender/APIKey)
// credentials a sandbox accepts when Options.Senders is empty.
const (
	DefaultSender = "api@example.com"
	DefaultAPIKey = "sandbox-api-key"
)

// DefaultErrorNotifyEmail is the account's "API Error Email Notify"
// address when Options.ErrorNotifyEmail is empty.
const DefaultErrorNotifyEmail = "api-errors@example.com"

// DefaultCompletionDelay is how long an accepted message stays Pending.
const DefaultCompletionDelay = 2 * time.Second

// maxBody bounds a request body: the OpenAPI file allows several ~1 MiB base64 files.
const maxBody = 32 << 20

// Response texts, verbatim from the OpenAPI file's components.responses.
const (
	msgUnauthorized = "Access denied: Auth Token or credentials are incorrect or have expired."
	msgSyntax       = "Failed to process your API request. Check your syntax."
	msgNotFound     = "Unable to find or access the data you're looking for."
	msgIDNotFound   = "Unable to find entry."
)

// Options configures a Server.
type Options struct {
	Tokens          []string      // accepted auth tokens; empty means []string{DefaultToken}
	Clock           Clock         // nil means the real clock
	CompletionDelay time.Duration // accept -> Completed; 0 means DefaultCompletionDelay; negative means immediately
	// Timezone is the API user's Timezone (a TNZ Windows name such as "New
	// Zealand", or an IANA name): the Timezone of messages that name none,
	// of unmatched inbound SMS, and of /sms/received's dateFrom and dateTo.
	// Empty means DefaultTimezone.
	Timezone string
	// Senders are the v2.0x API users' legacy credentials: Sender (an
	// e-mail address, matched case-insensitively) -> APIKey. Empty means
	// {DefaultSender: DefaultAPIKey}; entries with an empty side are ignored.
	Senders map[string]string
	// ErrorNotifyEmail is the account's "API Error Email Notify" address,
	// to which the deferred authentication reports rejected v2 calls (see
	// Notifications). Empty means DefaultErrorNotifyEmail.
	ErrorNotifyEmail string
	// VisibilityDelay models TNZ's documented timing: for this long after a
	// message is stored (on the Clock), status reads and actions naming it
	// answer the documented 404 for an id that is "incorrect or still
	// processing", exactly as for an unknown id. Zero or negative (the
	// default) makes a message visible at once.
	VisibilityDelay time.Duration
	// FaultRules and FaultSeed are the initial fault rules, as
	// (*Server).SetFaultRules sets them. New panics on rules that
	// SetFaultRules refuses; Listen returns the error.
	FaultRules []FaultRule
	FaultSeed  uint64
	// NoAddressBookTokens are accepted auth tokens of API users without
	// Address Book API access. Empty means {NoAddressBookToken} when
	// Tokens is empty too, and none otherwise.
	NoAddressBookTokens []string
}

// Server is the sandbox TNZ API. It implements http.Handler and is safe for
// concurrent use.
type Server struct {
	tokens   [][]byte
	senders  map[string][]byte // lower-case Sender -> APIKey
	notifyTo string            // the API Error Email Notify address
	clock    Clock
	delay    time.Duration
	timezone string         // the API user's Timezone
	loc      *time.Location // timezone's location
	maxBody  int64

	// noBookTokens are accepted like tokens, without Address Book access.
	noBookTokens [][]byte

	mu          sync.Mutex
	store       store   // guarded by mu
	jobSeq      int     // guarded by mu
	apiRequests int     // guarded by mu
	faults      []Fault // guarded by mu; FIFO, see InjectFaults
	records     records // guarded by mu: the Address Book and the opt-out list
	visibility  time.Duration

	rules    faultRules      // guarded by mu
	applied  []AppliedFault  // guarded by mu
	deferred int             // guarded by mu; see DeferredRequests
	lookups  map[string]bool // guarded by mu; ids sent and not read since, see LookupRequest
	stopped  chan struct{}   // closed when a Running stops: ends holds, cancels deferred requests
	stopOnce sync.Once
}

// New returns a Server configured by opts.
func New(opts Options) *Server {
	if err := checkRules(opts.FaultRules); err != nil {
		panic("sandbox: " + err.Error())
	}
	s := &Server{
		clock: opts.Clock, delay: opts.CompletionDelay, timezone: strings.TrimSpace(opts.Timezone), maxBody: maxBody,
		visibility: max(opts.VisibilityDelay, 0),
		rules:      newFaultRules(opts.FaultSeed, opts.FaultRules),
		lookups:    map[string]bool{},
		stopped:    make(chan struct{}),
	}
	for _, t := range opts.Tokens {
		if t != "" {
			s.tokens = append(s.tokens, []byte(t))
		}
	}
	noBook := opts.NoAddressBookTokens
	if len(s.tokens) == 0 {
		s.tokens = [][]byte{[]byte(DefaultToken)}
		if len(noBook) == 0 {
			noBook = []string{NoAddressBookToken}
		}
	}
	for _, t := range noBook {
		if t != "" {
			s.noBookTokens = append(s.noBookTokens, []byte(t))
		}
	}
	s.senders = map[string][]byte{}
	for sender, key := range opts.Senders {
		if sender = strings.ToLower(strings.TrimSpace(sender)); sender != "" && key != "" {
			s.senders[sender] = []byte(key)
		}
	}
	if len(s.senders) == 0 {
		s.senders[DefaultSender] = []byte(DefaultAPIKey)
	}
	if s.notifyTo = strings.TrimSpace(opts.ErrorNotifyEmail); s.notifyTo == "" {
		s.notifyTo = DefaultErrorNotifyEmail
	}
	if s.clock == nil {
		s.clock = systemClock{}
	}
	if s.delay == 0 {
		s.delay = DefaultCompletionDelay
	}
	if s.timezone == "" {
		s.timezone = DefaultTimezone
	}
	s.loc = location(s.timezone)
	return s
}

// Received is one accepted send.
type Received struct {
	Channel    string // "sms", "email", "fax", "tts", "voice", "whatsapp", "rcs" or "workflow"
	APIVersion string // "v3.00", or "v2.01" to "v2.04" (lower case whatever the path's case)
	MessageID  string
	ReceivedAt time.Time
	// Body is the request body exactly as received, for tests: unlike
	// /sandbox/messages it keeps a v2 legacy body's APIKey.
	Body json.RawMessage
}

// Received returns copies of the accepted sends, in arrival order.
func (s *Server) Received() []Received {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Received, 0, len(s.store.all))
	for _, m := range s.store.all {
		out = append(out, Received{
			Channel: m.ch.name, APIVersion: m.apiVersion, MessageID: m.id,
			ReceivedAt: m.created, Body: append(json.RawMessage(nil), m.body...),
		})
	}
	return out
}

// ReceivedCounts returns how many sends the sandbox stored per MessageID
// (a generated id for a send without one), on any channel and API
// version, visible yet or not: 1 for each message sent once, 2 or more
// for duplicates. Requests that a fault answered without serving, and
// deferred ones not served yet (see DeferredRequests), are not counted.
func (s *Server) ReceivedCounts() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.receivedCounts()
}

// receivedCounts is ReceivedCounts; the caller holds s.mu.
func (s *Server) receivedCounts() map[string]int {
	counts := make(map[string]int, len(s.store.byID))
	for id, ms := range s.store.byID {
		counts[id] = len(ms)
	}
	return counts
}

// APIRequests counts the requests that reached /api/ routes, accepted,
// rejected or refused alike: zero proves a client sent nothing at all.
func (s *Server) APIRequests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.apiRequests
}

// endpoint is a resolved route: the methods it allows and its handler.
// ownAuth endpoints (v2.0x) check credentials themselves; the others under
// /api/ need a v3 token before they are served. kind and subject classify
// the request for faults: its RequestKind (zero for OtherRequest) and the
// MessageID it names, from the path or the body (nil: none).
type endpoint struct {
	methods []string
	serve   func(http.ResponseWriter, *http.Request)
	ownAuth bool
	kind    RequestKind
	subject func(body) string
}

// sendSubject is the MessageID a send's message fields name.
func sendSubject(b body) string { return strings.TrimSpace(b.str("MessageID")) }

// named is the subject of a status read or action: the MessageID of the
// path, or else of a v2 legacy body.
func named(pathID string) func(body) string {
	return func(b body) string {
		id, _ := messageID(pathID, b, nil)
		return id
	}
}

// ServeHTTP routes /api/<version>/… and /sandbox/… requests. Path segments
// are matched case-insensitively, as the real server appears to do
// (the Node SDK's legacy client writes set/Reschedule), and one trailing slash is ignored.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	segs := strings.Split(strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/"), "/"), "/")
	var ep endpoint
	var ok, api bool
	switch {
	case len(segs) >= 2 && strings.EqualFold(segs[0], "api"):
		ep, ok = s.apiRoute(segs[1], segs[2:])
		api = true
	case len(segs) == 2 && strings.EqualFold(segs[0], "sandbox"):
		ep, ok = s.sandboxRoute(segs[1])
	}
	serve := func(w http.ResponseWriter, r *http.Request) {
		switch {
		case !ok:
			writeError(w, http.StatusNotFound, "", "", msgNotFound)
		case !allowed(ep.methods, r.Method):
			w.Header().Set("Allow", strings.Join(ep.methods, ", "))
			writeError(w, http.StatusMethodNotAllowed, "Failed", "", fmt.Sprintf("Method %s is not allowed here.", r.Method))
		case api && !ep.ownAuth && !s.authorized(r):
			writeError(w, http.StatusUnauthorized, "Unauthorized", "", msgUnauthorized)
		default:
			ep.serve(w, r)
		}
	}
	if !api {
		serve(w, r)
		return
	}
	raw := bufferBody(r, s.maxBody)
	kind, id := OtherRequest, ""
	if ok && allowed(ep.methods, r.Method) && ep.kind != AnyRequest {
		kind = ep.kind
		if ep.subject != nil {
			b, _ := decodeObject(raw)
			id = ep.subject(b)
		}
	}
	s.mu.Lock()
	s.apiRequests++
	kind = s.track(kind, id)
	f, queued, faulted := s.takeFault(r, kind)
	if faulted {
		a := AppliedFault{At: time.Now(), Request: kind, Method: r.Method, Path: r.URL.Path, MessageID: id, Fault: f.Kind, Queued: queued}
		if f.Kind.timed() {
			a.Delay = f.delay()
		}
		s.applied = append(s.applied, a)
	}
	s.mu.Unlock()
	if faulted {
		s.fault(w, r, raw, f, serve)
		return
	}
	serve(w, r)
}

// track records that a send named id, and turns the first status read
// naming id after it into a LookupRequest. The caller holds s.mu.
func (s *Server) track(kind RequestKind, id string) RequestKind {
	switch {
	case id == "":
	case kind == SendRequest:
		s.lookups[id] = true
	case kind == StatusRequest && s.lookups[id]:
		delete(s.lookups, id)
		return LookupRequest
	}
	return kind
}

// bufferBody reads r's body, at most limit+1 bytes (enough for a handler
// to see that it is too large), and puts it back in front of the rest for
// the handler. It returns what it read.
func bufferBody(r *http.Request, limit int64) []byte {
	if r.Body == nil || r.Body == http.NoBody {
		return nil
	}
	raw, _ := io.ReadAll(io.LimitReader(r.Body, limit+1)) // a read error reaches the handler again
	r.Body = struct {
		io.Reader
		io.Closer
	}{io.MultiReader(bytes.NewReader(raw), r.Body), r.Body}
	return raw
}

// visible returns the most recent message with id on ch (any channel if
// ch is nil) that is visible at now: stored at least Options.VisibilityDelay
// earlier. The caller holds s.mu.
func (s *Server) visible(ch *channel, id string, now time.Time) *message {
	return s.store.latestBy(ch, id, now.Add(-s.visibility))
}

// halt ends holds and cancels deferred requests; Running calls it when it
// stops.
func (s *Server) halt() { s.stopOnce.Do(func() { close(s.stopped) }) }

// apiRoute resolves the path after /api/: v3.00 here, v2.0x in v2.go, and
// the Address Book and opt-out list of both in addressbook.go.
func (s *Server) apiRoute(version string, rest []string) (endpoint, bool) {
	if v := strings.ToLower(version); v2Versions[v] {
		return s.v2Route(v, rest)
	}
	if !strings.EqualFold(version, "v3.00") || len(rest) == 0 {
		return endpoint{}, false
	}
	if ep, ok := s.recordRoute("v3.00", rest); ok {
		return ep, true
	}
	ch, ok := channels[strings.ToLower(rest[0])]
	if !ok {
		return endpoint{}, false
	}
	get := []string{http.MethodGet, http.MethodHead}
	switch len(rest) {
	case 1:
		return endpoint{methods: []string{http.MethodPost}, serve: func(w http.ResponseWriter, r *http.Request) {
			s.send(w, r, ch, "v3.00")
		}, kind: SendRequest, subject: sendSubject}, true
	case 2:
		if ch.statusless {
			return endpoint{}, false
		}
		// The OpenAPI file's /{sms,whatsapp,rcs}/received is a fixed path
		// beside /{channel}/{MessageID}; on the other channels "received"
		// is just a MessageID.
		if ch.hasReplies && strings.EqualFold(rest[1], "received") {
			return endpoint{methods: get, serve: func(w http.ResponseWriter, r *http.Request) {
				s.received(w, r, ch)
			}}, true
		}
		return endpoint{methods: get, serve: func(w http.ResponseWriter, r *http.Request) {
			s.status(w, r, ch, rest[1])
		}, kind: StatusRequest, subject: named(rest[1])}, true
	case 3:
		act, ok := actions[strings.ToLower(rest[2])]
		if !ok || !act.supports(ch) {
			return endpoint{}, false
		}
		return endpoint{methods: []string{http.MethodPatch}, serve: func(w http.ResponseWriter, r *http.Request) {
			s.action(w, r, ch, rest[1], act)
		}, kind: ActionRequest, subject: named(rest[1])}, true
	}
	return endpoint{}, false
}

func allowed(methods []string, m string) bool {
	for _, a := range methods {
		if a == m {
			return true
		}
	}
	return false
}

// authorized accepts "Bearer <token>" (TNZ's OpenAPI file) and "Basic <token>" (the token
// help page and the TypeScript SDK's copy of the OpenAPI file say Basic). The token is sent as-is,
// not base64 of user:password.
func (s *Server) authorized(r *http.Request) bool {
	scheme, token, _ := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	if !strings.EqualFold(scheme, "Bearer") && !strings.EqualFold(scheme, "Basic") {
		return false
	}
	return s.validToken(token)
}

// validToken reports whether token is one of Options.Tokens or
// Options.NoAddressBookTokens, in constant time over the candidates.
func (s *Server) validToken(token string) bool {
	token = strings.TrimSpace(token)
	ok := false
	for _, t := range slices.Concat(s.tokens, s.noBookTokens) {
		ok = subtle.ConstantTimeCompare(t, []byte(token)) == 1 || ok
	}
	return ok
}

// send handles a send request: media type, JSON object, the channel's
// checks, then acceptance.
func (s *Server) send(w http.ResponseWriter, r *http.Request, ch *channel, version string) {
	if !isJSON(r.Header.Get("Content-Type")) || !acceptsJSON(r.Header.Values("Accept")) {
		writeUnsupportedMedia(w)
		return
	}
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.maxBody))
	if err != nil {
		code := http.StatusBadRequest
		if errors.As(err, new(*http.MaxBytesError)) {
			code = http.StatusRequestEntityTooLarge
		}
		writeError(w, code, "Failed", "", msgSyntax)
		return
	}
	b, ok := decodeObject(raw)
	if !ok {
		writeError(w, http.StatusBadRequest, "Failed", "", msgSyntax)
		return
	}
	rs, errs := ch.validate(b, dialectV3)
	if len(errs) > 0 {
		writeError(w, http.StatusBadRequest, "Failed", "", errs...)
		return
	}
	s.mu.Lock()
	rs, errs = s.records.resolve(ch, rs, b)
	if len(errs) > 0 {
		s.mu.Unlock()
		writeError(w, http.StatusBadRequest, "Failed", "", errs...)
		return
	}
	m := s.accept(ch, dialectV3, version, b, raw, rs)
	s.mu.Unlock()
	// v3 success has no Result key (TNZ's OpenAPI file: 200OK).
	writeJSON(w, http.StatusOK, struct{ MessageID string }{m.id})
}

// accept stores a valid send: b holds the message's fields (the body on
// v3, MessageData on v2), raw the whole request body. The MessageID is
// the client's or a new UUIDv4. The caller holds s.mu.
func (s *Server) accept(ch *channel, d dialect, version string, b body, raw []byte, rs []recipient) *message {
	id := strings.TrimSpace(b.str("MessageID"))
	if id == "" {
		id = newUUID()
	}
	s.jobSeq++
	m := newMessage(ch, d, version, id, fmt.Sprintf("SB%06X", s.jobSeq%0x1000000), b, raw, rs, s.clock.Now(), s.delay, s.timezone)
	s.store.add(m)
	return m
}

// status answers GET /<channel>/<MessageID>[?recordsPerPage=&page=] for
// the most recent message with that id.
func (s *Server) status(w http.ResponseWriter, r *http.Request, ch *channel, id string) {
	p, errs := readPaging(newQuery(r.URL.Query()))
	if len(errs) > 0 {
		writeError(w, http.StatusBadRequest, "Failed", "", errs...)
		return
	}
	s.mu.Lock()
	var resp *statusResponse
	now := s.clock.Now()
	if m := s.visible(ch, id, now); m != nil {
		st := m.status(now, p)
		resp = &st
	}
	s.mu.Unlock()
	if resp == nil {
		writeError(w, http.StatusNotFound, "RecordNotFound", id, msgIDNotFound)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

// isJSON accepts application/json with any parameters, including the
// non-standard `encoding='utf-8'` the docs show.
func isJSON(contentType string) bool {
	mt, _, _ := strings.Cut(contentType, ";")
	return strings.EqualFold(strings.TrimSpace(mt), "application/json")
}

// acceptsJSON is true unless an Accept header rules JSON out.
func acceptsJSON(values []string) bool {
	if len(values) == 0 {
		return true
	}
	for _, v := range values {
		for _, rng := range strings.Split(v, ",") {
			mt, _, _ := strings.Cut(rng, ";")
			switch strings.ToLower(strings.TrimSpace(mt)) {
			case "", "*/*", "application/*", "application/json":
				return true
			}
		}
	}
	return false
}

// decodeObject parses raw as exactly one JSON object, keeping numbers as
// written.
func decodeObject(raw []byte) (body, bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, false
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, false
	}
	m, ok := v.(map[string]any)
	return m, ok
}

// newUUID returns a random (version 4) UUID, as the API generates for a
// blank MessageID.
func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // never fails (crypto/rand, Go ≥ 1.24)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// errorBody is the shape of every v3 error answer; empty Result and
// MessageID are left out (the 404 for unknown paths has neither).
type errorBody struct {
	Result       string `json:",omitempty"`
	MessageID    string `json:",omitempty"`
	ErrorMessage []string
}

func writeError(w http.ResponseWriter, code int, result, id string, msgs ...string) {
	writeJSON(w, code, errorBody{result, id, msgs})
}

// writeJSON writes v compactly without HTML escaping, so bodies match the
// documented texts byte for byte.
func writeJSON(w http.ResponseWriter, code int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	_, _ = w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
}
