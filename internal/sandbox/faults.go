package sandbox

import (
	"fmt"
	"net/http"
	"strings"
	"time"
)

// FaultKind is what an injected Fault does to the request it applies to.
type FaultKind int

// The fault kinds.
const (
	// FaultLatency holds the request for Fault.Delay (real time, not the
	// Clock) and then serves it normally. If the request's context ends
	// first, the request is dropped unserved: nothing is stored.
	FaultLatency FaultKind = iota + 1
	// FaultServerError answers 500 {"Result":"Failed","ErrorMessage":
	// ["Error occurred while creating job"]} without serving the request:
	// nothing is stored.
	FaultServerError
	// FaultRateLimited answers 429 with "Retry-After: 1" and a Failed body
	// without serving the request: nothing is stored.
	FaultRateLimited
	// FaultDropAfterAccept serves the request normally (a valid send is
	// stored) and then closes the connection without answering.
	FaultDropAfterAccept
)

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
	}
	return fmt.Sprintf("FaultKind(%d)", int(k))
}

// Fault is one injected failure. It applies to the next /api/ request
// that matches its filters, whether that request would be accepted,
// rejected or refused.
type Fault struct {
	Kind  FaultKind
	Delay time.Duration // FaultLatency only: how long to hold the request
	// Method limits the fault to requests with this method ("POST");
	// empty matches any.
	Method string
	// PathPrefix limits the fault to requests whose path starts with it,
	// compared case-insensitively ("/api/v3.00/sms" matches sends and
	// status reads on SMS); empty matches any.
	PathPrefix string
}

func (f Fault) matches(r *http.Request) bool {
	return (f.Method == "" || strings.EqualFold(f.Method, r.Method)) &&
		strings.HasPrefix(strings.ToLower(r.URL.Path), strings.ToLower(f.PathPrefix))
}

// Fault texts. The 500 text is the documented "Error occurred while
// creating job" (rejection-codes.txt: a server error, retry). TNZ
// documents no 429 at all, so its text is the sandbox's own.
const (
	msgCreatingJob = "Error occurred while creating job"
	msgRateLimited = "Too many requests - retry after 1 second"
)

// InjectFaults queues faults. Each applies to exactly one request: the
// next /api/ request that matches its Method and PathPrefix, taking the
// oldest matching fault first (FIFO); a request that matches no queued
// fault is served normally and consumes none. /sandbox/ routes are never
// faulted. It panics on an unknown Kind or a negative Delay.
func (s *Server) InjectFaults(f ...Fault) {
	for _, x := range f {
		if x.Kind < FaultLatency || x.Kind > FaultDropAfterAccept || x.Delay < 0 {
			panic(fmt.Sprintf("sandbox: invalid fault %+v", x))
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

// takeFault removes and returns the oldest queued fault matching r. The
// caller holds s.mu.
func (s *Server) takeFault(r *http.Request) (Fault, bool) {
	for i, f := range s.faults {
		if f.matches(r) {
			s.faults = append(s.faults[:i:i], s.faults[i+1:]...)
			return f, true
		}
	}
	return Fault{}, false
}

// fault applies f to the request; handle serves it normally to a writer.
func (s *Server) fault(w http.ResponseWriter, r *http.Request, f Fault, handle func(http.ResponseWriter)) {
	switch f.Kind {
	case FaultLatency:
		t := time.NewTimer(f.Delay)
		defer t.Stop()
		select {
		case <-r.Context().Done():
			return // the client is gone; serve nothing
		case <-t.C:
		}
		handle(w)
	case FaultServerError:
		writeError(w, http.StatusInternalServerError, "Failed", "", msgCreatingJob)
	case FaultRateLimited:
		w.Header().Set("Retry-After", "1")
		writeError(w, http.StatusTooManyRequests, "Failed", "", msgRateLimited)
	case FaultDropAfterAccept:
		handle(&discardWriter{header: http.Header{}})
		dropConnection(w)
	}
}

// dropConnection closes the client's connection without a response,
// through http.Hijacker. Where the connection cannot be hijacked (HTTP/2,
// or a writer that is not a server's) it panics with http.ErrAbortHandler,
// which net/http servers answer by aborting the response.
func dropConnection(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close()
}

// discardWriter is a ResponseWriter that throws the response away.
type discardWriter struct{ header http.Header }

func (d *discardWriter) Header() http.Header         { return d.header }
func (d *discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (d *discardWriter) WriteHeader(int)             {}
