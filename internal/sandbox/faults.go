package sandbox

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// FaultKind is what an injected Fault does to the request it applies to.
// Each kind's comment says what the sandbox stores and what the client
// sees; the package documentation says the same for the command line.
type FaultKind int

// The fault kinds.
const (
	// FaultLatency reads the whole request, holds it for Fault.Delay (real
	// time, not the Clock; default DefaultFaultHold) and then serves it,
	// whether or not the client is still waiting: a client that gave up
	// after its timeout has still sent the message, and it is stored when
	// the hold ends. Only stopping the sandbox (Running.Close) drops a
	// held request unserved.
	FaultLatency FaultKind = iota + 1
	// FaultServerError answers 500 {"Result":"Failed","ErrorMessage":
	// ["Error occurred while creating job"]} without serving the request:
	// nothing is stored.
	FaultServerError
	// FaultRateLimited answers 429 with a Retry-After of Fault.Delay in
	// whole seconds (default 1) and a Failed body, without serving the
	// request: nothing is stored.
	FaultRateLimited
	// FaultDropAfterAccept serves the request (a valid send is stored) and
	// then closes the connection without answering.
	FaultDropAfterAccept
	// FaultReset reads the request and resets the connection (TCP RST)
	// without serving it: nothing is stored.
	FaultReset
	// FaultServerErrorAfterAccept serves the request (a valid send is
	// stored) and then answers FaultServerError's 500 instead of the
	// served answer.
	FaultServerErrorAfterAccept
	// FaultServerErrorCreateLater answers FaultServerError's 500 at once
	// and serves the request Fault.Delay later (real time; default
	// DefaultCreateLaterDelay), so that a valid send is stored then, as
	// TNZ has been seen to do. Stopping the sandbox first cancels it;
	// (*Server).DeferredRequests counts those still waiting.
	FaultServerErrorCreateLater
	// FaultMalformedJSON serves the request (a valid send is stored) and
	// answers with the served status and headers but only the first half
	// of the served body, which is therefore never valid JSON.
	FaultMalformedJSON
	// FaultSlowBody serves the request (a valid send is stored), sends the
	// served status and headers at once and then the body in small pieces
	// spread over Fault.Delay (real time; default DefaultFaultHold).
	FaultSlowBody
)

// Fault durations used when Fault.Delay (or a rule's Delay) is zero.
const (
	// DefaultFaultHold is the hold of FaultLatency and FaultSlowBody:
	// longer than the provider's default request_timeout of 30s.
	DefaultFaultHold = 35 * time.Second
	// DefaultCreateLaterDelay is how long FaultServerErrorCreateLater
	// waits before it creates the job.
	DefaultCreateLaterDelay = 5 * time.Second
	// defaultRetryAfter is FaultRateLimited's Retry-After.
	defaultRetryAfter = time.Second
)

// faultNames are the kinds' names in the -faults syntax, by kind.
var faultNames = map[FaultKind]string{
	FaultLatency:                "latency",
	FaultServerError:            "500",
	FaultRateLimited:            "429",
	FaultDropAfterAccept:        "drop",
	FaultReset:                  "reset",
	FaultServerErrorAfterAccept: "500-stored",
	FaultServerErrorCreateLater: "500-later",
	FaultMalformedJSON:          "bad-json",
	FaultSlowBody:               "slow-body",
}

func (k FaultKind) String() string {
	switch k {
	case FaultLatency:
		return "FaultLatency"
	case FaultServerError:
		return "FaultServerError"
	case FaultRateLimited:
		return "FaultRateLimited"
	case FaultDropAfterAccept:
		return "FaultDropAfterAccept"
	case FaultReset:
		return "FaultReset"
	case FaultServerErrorAfterAccept:
		return "FaultServerErrorAfterAccept"
	case FaultServerErrorCreateLater:
		return "FaultServerErrorCreateLater"
	case FaultMalformedJSON:
		return "FaultMalformedJSON"
	case FaultSlowBody:
		return "FaultSlowBody"
	}
	return fmt.Sprintf("FaultKind(%d)", int(k))
}

func (k FaultKind) valid() bool { return k >= FaultLatency && k <= FaultSlowBody }

// timed reports whether the kind reads Fault.Delay.
func (k FaultKind) timed() bool {
	switch k {
	case FaultLatency, FaultRateLimited, FaultServerErrorCreateLater, FaultSlowBody:
		return true
	}
	return false
}

// RequestKind classifies /api/ requests so that faults can target them.
type RequestKind int

// The request kinds. The zero value, AnyRequest, is only a target.
const (
	// AnyRequest, as a Fault's Request, matches every /api/ request.
	AnyRequest RequestKind = iota
	// SendRequest is a send: POST /api/v3.00/{channel} or
	// POST /api/{v2}/send/{channel}.
	SendRequest
	// StatusRequest is a status read of one message (v3 GET
	// /{channel}/{MessageID}; v2 get/status and get/sms/reply, either
	// form). As a target it matches look-ups too.
	StatusRequest
	// LookupRequest is the first status read naming a MessageID after a
	// send naming it arrived, faulted or not: what a client does to find
	// out whether an ambiguous send was stored (and, after a clean send,
	// its first refresh). The sandbox cannot tell the two apart.
	LookupRequest
	// ActionRequest is an action on a message (abort, reschedule,
	// resubmit, pacing; v3 or v2, either form).
	ActionRequest
	// OtherRequest is any other /api/ request: inbound lists, unknown
	// paths, a known path with the wrong method. Only AnyRequest matches it.
	OtherRequest
)

// requestNames are the kinds' names in the -faults syntax, by kind.
var requestNames = map[RequestKind]string{
	AnyRequest:    "any",
	SendRequest:   "send",
	StatusRequest: "status",
	LookupRequest: "lookup",
	ActionRequest: "action",
	OtherRequest:  "other",
}

func (k RequestKind) String() string {
	if n, ok := requestNames[k]; ok {
		return n
	}
	return fmt.Sprintf("RequestKind(%d)", int(k))
}

// targets reports whether a fault aimed at k applies to a request of kind req.
func (k RequestKind) targets(req RequestKind) bool {
	return k == AnyRequest || k == req || k == StatusRequest && req == LookupRequest
}

// Fault is one injected failure. It applies to the next /api/ request
// that matches its filters, whether that request would be accepted,
// rejected or refused.
type Fault struct {
	Kind FaultKind
	// Delay is FaultLatency's hold, FaultSlowBody's time to send the
	// body, FaultServerErrorCreateLater's wait before storing and
	// FaultRateLimited's Retry-After (rounded up to whole seconds). Zero
	// means the kind's default; other kinds ignore it.
	Delay time.Duration
	// Request limits the fault to one kind of request; AnyRequest (zero)
	// matches any.
	Request RequestKind
	// Method limits the fault to requests with this method ("POST");
	// empty matches any.
	Method string
	// PathPrefix limits the fault to requests whose path starts with it,
	// compared case-insensitively ("/api/v3.00/sms" matches sends and
	// status reads on SMS); empty matches any.
	PathPrefix string
}

func (f Fault) matches(r *http.Request, kind RequestKind) bool {
	return f.Request.targets(kind) &&
		(f.Method == "" || strings.EqualFold(f.Method, r.Method)) &&
		strings.HasPrefix(strings.ToLower(r.URL.Path), strings.ToLower(f.PathPrefix))
}

// delay is the fault's Delay, or its kind's default when zero.
func (f Fault) delay() time.Duration {
	switch {
	case f.Delay > 0:
		return f.Delay
	case f.Kind == FaultRateLimited:
		return defaultRetryAfter
	case f.Kind == FaultServerErrorCreateLater:
		return DefaultCreateLaterDelay
	}
	return DefaultFaultHold
}

func (f Fault) check() error {
	if !f.Kind.valid() {
		return fmt.Errorf("unknown fault kind %d", int(f.Kind))
	}
	if f.Delay < 0 {
		return fmt.Errorf("fault %s: negative delay %s", f.Kind, f.Delay)
	}
	if _, ok := requestNames[f.Request]; !ok {
		return fmt.Errorf("fault %s: unknown request kind %d", f.Kind, int(f.Request))
	}
	return nil
}

// FaultRule faults a share of one kind of request: each request of that
// kind is faulted with probability Probability, decided by the rules' seed
// (see SetFaultRules).
type FaultRule struct {
	// Request is SendRequest, StatusRequest (look-ups included),
	// LookupRequest or ActionRequest.
	Request     RequestKind
	Kind        FaultKind
	Delay       time.Duration // as Fault.Delay
	Probability float64       // in (0, 1]
}

// String is the rule in the -faults syntax, e.g. "send=latency@35s:0.3".
func (r FaultRule) String() string {
	s := requestNames[r.Request] + "=" + faultNames[r.Kind]
	if r.Delay > 0 {
		s += "@" + r.Delay.String()
	}
	return s + ":" + strconv.FormatFloat(r.Probability, 'g', -1, 64)
}

// faultSyntax describes the -faults syntax that ParseFaultRules reads, for
// the command's help.
const faultSyntax = `A fault list is TARGET=FAULT[@DURATION]:PROBABILITY[,...], for example
  send=reset:0.3,status=500:0.2,send=latency@40s:10%
TARGET is send, status (look-ups included), lookup (the first status read
of a MessageID after its send) or action. PROBABILITY is a number in (0, 1]
or a percentage; a target's probabilities add up to at most 1. FAULT is:
  reset       reset the connection, nothing stored
  drop        serve (store) it, then close the connection without an answer
  500         answer 500 "Error occurred while creating job", nothing stored
  500-stored  serve (store) it, then answer that 500
  500-later   answer that 500, serve (store) it DURATION later (default 5s)
  429         answer 429 with Retry-After DURATION (default 1s), nothing stored
  latency     hold it DURATION (default 35s), then serve (store) it, even if
              the client gave up meanwhile
  bad-json    serve (store) it, answer the first half of the body
  slow-body   serve (store) it, send the body over DURATION (default 35s)`

// ParseFaultRules reads fault rules in the -faults syntax (faultSyntax).
// An empty or blank spec is no rules.
func ParseFaultRules(spec string) ([]FaultRule, error) {
	var rules []FaultRule
	if strings.TrimSpace(spec) == "" {
		return nil, nil
	}
	for _, item := range strings.Split(spec, ",") {
		item = strings.TrimSpace(item)
		r, err := parseFaultRule(item)
		if err != nil {
			return nil, fmt.Errorf("fault %q: %w", item, err)
		}
		rules = append(rules, r)
	}
	return rules, checkRules(rules)
}

func parseFaultRule(item string) (FaultRule, error) {
	target, rest, ok := strings.Cut(item, "=")
	if !ok {
		return FaultRule{}, errors.New("write it as TARGET=FAULT[@DURATION]:PROBABILITY, e.g. send=reset:0.3")
	}
	fault, prob, ok := strings.Cut(rest, ":")
	if !ok {
		return FaultRule{}, errors.New("the probability is missing: add :PROBABILITY, e.g. :0.3 or :30%")
	}
	var r FaultRule
	if r.Request, ok = lookupName(requestNames, strings.TrimSpace(target)); !ok || !slices.Contains(ruleTargets, r.Request) {
		return FaultRule{}, fmt.Errorf("unknown target %q: use send, status, lookup or action", target)
	}
	name, duration, timed := strings.Cut(fault, "@")
	if r.Kind, ok = lookupName(faultNames, strings.TrimSpace(name)); !ok {
		return FaultRule{}, fmt.Errorf("unknown fault %q: use reset, drop, 500, 500-stored, 500-later, 429, latency, bad-json or slow-body", name)
	}
	if timed {
		if !r.Kind.timed() {
			return FaultRule{}, fmt.Errorf("%s takes no duration: remove @%s", name, duration)
		}
		d, err := time.ParseDuration(strings.TrimSpace(duration))
		if err != nil || d <= 0 {
			return FaultRule{}, fmt.Errorf("duration %q is not a positive Go duration such as 5s or 1m30s", duration)
		}
		r.Delay = d
	}
	prob = strings.TrimSpace(prob)
	scale := 1.0
	if p, isPercent := strings.CutSuffix(prob, "%"); isPercent {
		prob, scale = p, 100
	}
	p, err := strconv.ParseFloat(prob, 64)
	if err != nil || math.IsNaN(p) || p <= 0 || p/scale > 1 {
		return FaultRule{}, fmt.Errorf("probability %q is not a number in (0, 1] or a percentage in (0%%, 100%%]", prob)
	}
	r.Probability = p / scale
	return r, nil
}

// lookupName finds the key whose name is name, ignoring case.
func lookupName[K comparable](names map[K]string, name string) (K, bool) {
	for k, n := range names {
		if strings.EqualFold(n, name) {
			return k, true
		}
	}
	var zero K
	return zero, false
}

// ruleTargets are the request kinds a FaultRule may target.
var ruleTargets = []RequestKind{SendRequest, StatusRequest, LookupRequest, ActionRequest}

// checkRules checks rules as SetFaultRules requires.
func checkRules(rules []FaultRule) error {
	sum := map[RequestKind]float64{}
	for _, r := range rules {
		switch {
		case !slices.Contains(ruleTargets, r.Request):
			return fmt.Errorf("fault rule %v: a rule targets send, status, lookup or action requests", r)
		case !r.Kind.valid():
			return fmt.Errorf("fault rule for %s: unknown fault kind %d", r.Request, int(r.Kind))
		case r.Delay < 0:
			return fmt.Errorf("fault rule %v: the delay must not be negative", r)
		case math.IsNaN(r.Probability) || r.Probability <= 0 || r.Probability > 1:
			return fmt.Errorf("fault rule %v: the probability must be more than 0 and at most 1", r)
		}
		sum[r.Request] += r.Probability
	}
	for _, k := range ruleTargets {
		if sum[k] > 1+1e-9 {
			return fmt.Errorf("the fault rules for %s requests add up to a probability of %g; at most one fault applies to a request, so they must add up to at most 1", k, sum[k])
		}
	}
	return nil
}

// faultRules are the rules in force and, per targeted request kind, the
// random sequence that decides them. The Server's mutex guards them.
type faultRules struct {
	seed   uint64
	byKind map[RequestKind][]FaultRule
	draws  map[RequestKind]*rand.Rand
}

func newFaultRules(seed uint64, rules []FaultRule) faultRules {
	fr := faultRules{seed: seed, byKind: map[RequestKind][]FaultRule{}, draws: map[RequestKind]*rand.Rand{}}
	for _, r := range rules {
		fr.byKind[r.Request] = append(fr.byKind[r.Request], r)
	}
	for k := range fr.byKind {
		fr.draws[k] = rand.New(rand.NewPCG(seed, uint64(k)))
	}
	return fr
}

// decide draws once from kind's sequence when kind has rules, and returns
// the rule whose share of [0, 1) the draw falls in.
func (fr *faultRules) decide(kind RequestKind) (Fault, bool) {
	rules := fr.byKind[kind]
	if len(rules) == 0 {
		return Fault{}, false
	}
	u := fr.draws[kind].Float64()
	for _, r := range rules {
		if u < r.Probability {
			return Fault{Kind: r.Kind, Delay: r.Delay, Request: r.Request}, true
		}
		u -= r.Probability
	}
	return Fault{}, false
}

// SetFaultRules replaces the fault rules (queued faults stay). Each
// request whose kind has rules draws one number from a sequence seeded by
// seed and that kind, and is faulted by the rule whose share of [0, 1) it
// falls in: so the n-th request of a kind meets the same fate for a given
// seed and rules, however requests of other kinds interleave, and among
// the first N sends the number faulted does not depend on which message
// arrived first. A look-up draws from the lookup rules and, when none
// applies, from the status rules. Rules are consulted only for requests
// that no queued fault (InjectFaults) matched. The rules of one request
// kind must add up to at most 1; each must have a probability in (0, 1].
// Sequences restart at each call.
func (s *Server) SetFaultRules(seed uint64, rules ...FaultRule) error {
	if err := checkRules(rules); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rules = newFaultRules(seed, rules)
	return nil
}

// ClearFaults turns faults off: it removes the queued faults and the
// rules. Held, slow and deferred requests already under way go on.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = nil
	s.rules = faultRules{}
}

// Fault texts. The 500 text is the documented "Error occurred while
// creating job" (rejection-codes.txt: a server error, retry). TNZ
// documents no 429 at all, so its text is the sandbox's own.
const (
	msgCreatingJob = "Error occurred while creating job"
	msgRateLimited = "Too many requests - retry after %d second%s"
)

// InjectFaults queues faults. Each applies to exactly one request: the
// next /api/ request that matches its Request, Method and PathPrefix,
// taking the oldest matching fault first (FIFO); a request that matches no
// queued fault consumes none (rules may still fault it, see
// SetFaultRules). /sandbox/ routes are never faulted. It panics on an
// unknown Kind or Request or a negative Delay.
func (s *Server) InjectFaults(f ...Fault) {
	for _, x := range f {
		if err := x.check(); err != nil {
			panic("sandbox: invalid fault: " + err.Error())
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, f...)
}

// PendingFaults is the number of injected faults not applied yet.
func (s *Server) PendingFaults() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.faults)
}

// AppliedFault is one fault the sandbox applied, for tests and
// GET /sandbox/faults.
type AppliedFault struct {
	At        time.Time   // when the request arrived (real time)
	Request   RequestKind // the request's kind
	Method    string
	Path      string
	MessageID string // the MessageID the request named; empty when none
	Fault     FaultKind
	Delay     time.Duration // the delay in effect for timed kinds; 0 for the others
	Queued    bool          // from InjectFaults rather than a rule
}

// AppliedFaults returns the faults applied so far, in the order requests
// arrived.
func (s *Server) AppliedFaults() []AppliedFault {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]AppliedFault(nil), s.applied...)
}

// DeferredRequests is the number of requests FaultServerErrorCreateLater
// answered and has not served yet: jobs that may still be created.
func (s *Server) DeferredRequests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.deferred
}

// takeFault returns the fault for a request of kind: the oldest matching
// queued fault, which it removes, else the rules' decision. The caller
// holds s.mu.
func (s *Server) takeFault(r *http.Request, kind RequestKind) (f Fault, queued, ok bool) {
	for i, f := range s.faults {
		if f.matches(r, kind) {
			s.faults = append(s.faults[:i:i], s.faults[i+1:]...)
			return f, true, true
		}
	}
	if kind == LookupRequest {
		if f, ok := s.rules.decide(LookupRequest); ok {
			return f, false, true
		}
		kind = StatusRequest
	}
	f, ok = s.rules.decide(kind)
	return f, false, ok
}

// fault applies f to the request; serve serves a request normally and
// body is the request's body, already read.
func (s *Server) fault(w http.ResponseWriter, r *http.Request, body []byte, f Fault, serve func(http.ResponseWriter, *http.Request)) {
	switch f.Kind {
	case FaultLatency:
		if !s.wait(f.delay()) {
			panic(http.ErrAbortHandler) // stopping: drop the held request unserved
		}
		serve(w, r)
	case FaultServerError:
		writeError(w, http.StatusInternalServerError, "Failed", "", msgCreatingJob)
	case FaultRateLimited:
		secs := int(math.Ceil(f.delay().Seconds()))
		plural := "s"
		if secs == 1 {
			plural = ""
		}
		w.Header().Set("Retry-After", strconv.Itoa(secs))
		writeError(w, http.StatusTooManyRequests, "Failed", "", fmt.Sprintf(msgRateLimited, secs, plural))
	case FaultDropAfterAccept:
		serve(&recorder{header: http.Header{}}, r)
		closeConnection(w, false)
	case FaultReset:
		closeConnection(w, true)
	case FaultServerErrorAfterAccept:
		serve(&recorder{header: http.Header{}}, r)
		writeError(w, http.StatusInternalServerError, "Failed", "", msgCreatingJob)
	case FaultServerErrorCreateLater:
		writeError(w, http.StatusInternalServerError, "Failed", "", msgCreatingJob)
		s.serveLater(f.delay(), r, body, serve)
	case FaultMalformedJSON:
		rec := &recorder{header: http.Header{}}
		serve(rec, r)
		rec.copyHeader(w)
		w.WriteHeader(rec.status())
		_, _ = w.Write(rec.body.Bytes()[:rec.body.Len()/2])
	case FaultSlowBody:
		rec := &recorder{header: http.Header{}}
		serve(rec, r)
		s.dribble(w, rec, f.delay())
	}
}

// serveLater serves a copy of r, with body, after d, unless the sandbox
// stops first. What it answers goes nowhere.
func (s *Server) serveLater(d time.Duration, r *http.Request, body []byte, serve func(http.ResponseWriter, *http.Request)) {
	later := r.Clone(context.WithoutCancel(r.Context()))
	later.Body = io.NopCloser(bytes.NewReader(body))
	s.mu.Lock()
	s.deferred++
	s.mu.Unlock()
	go func() {
		if s.wait(d) {
			serve(&recorder{header: http.Header{}}, later)
		}
		s.mu.Lock()
		s.deferred--
		s.mu.Unlock()
	}()
}

// slowPieces is how many pieces FaultSlowBody cuts a body into (fewer
// when the body is shorter).
const slowPieces = 20

// dribble writes rec's status and headers at once and its body in pieces,
// the last one d later. It stops when a write fails (the client left) and
// aborts the response when the sandbox stops.
func (s *Server) dribble(w http.ResponseWriter, rec *recorder, d time.Duration) {
	body := rec.body.Bytes()
	rec.copyHeader(w)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(rec.status())
	rc := http.NewResponseController(w)
	_ = rc.Flush()
	n := min(slowPieces, len(body))
	for i := range n {
		if !s.wait(d / time.Duration(n)) {
			panic(http.ErrAbortHandler)
		}
		piece := body[i*len(body)/n : (i+1)*len(body)/n]
		if _, err := w.Write(piece); err != nil {
			return
		}
		if rc.Flush() != nil {
			return
		}
	}
}

// wait sleeps for d and reports true, or returns false as soon as the
// sandbox stops.
func (s *Server) wait(d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-s.stopped:
		return false
	}
}

// closeConnection closes the client's connection without a response,
// through http.Hijacker: with a TCP reset when reset is true, else with
// an orderly close. Where the connection cannot be hijacked (HTTP/2, or a
// writer that is not a server's) it panics with http.ErrAbortHandler,
// which net/http servers answer by aborting the response.
func closeConnection(w http.ResponseWriter, reset bool) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	if tcp, ok := conn.(*net.TCPConn); ok && reset {
		_ = tcp.SetLinger(0) // Close then sends RST instead of FIN
	}
	_ = conn.Close()
}

// recorder is a ResponseWriter that keeps the response, for faults that
// answer something else than what was served.
type recorder struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }
func (r *recorder) Write(b []byte) (int, error) {
	if r.code == 0 {
		r.code = http.StatusOK
	}
	return r.body.Write(b)
}
func (r *recorder) WriteHeader(code int) {
	if r.code == 0 {
		r.code = code
	}
}

// status is the served status code (200 when the handler set none).
func (r *recorder) status() int {
	if r.code == 0 {
		return http.StatusOK
	}
	return r.code
}

// copyHeader copies the served headers to w, except Content-Length, which
// the fault decides.
func (r *recorder) copyHeader(w http.ResponseWriter) {
	for k, v := range r.header {
		if k != "Content-Length" {
			w.Header()[k] = append([]string(nil), v...)
		}
	}
}
