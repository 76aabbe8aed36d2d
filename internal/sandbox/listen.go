package sandbox

import (
	"context"
	"errors"
	"net"
	"net/http"
	"sync"
	"time"
)

// Running is a sandbox serving on a TCP address.
type Running struct {
	URL    string // base URL, e.g. http://127.0.0.1:41234
	Server *Server

	http      *http.Server
	served    chan error
	closeOnce sync.Once
	closeErr  error
}

// Listen starts the server on addr ("127.0.0.1:0" for a free port) and
// returns once it is listening.
func Listen(opts Options, addr string) (*Running, error) {
	if err := checkRules(opts.FaultRules); err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	s := New(opts)
	r := &Running{
		URL:    "http://" + reachable(ln.Addr()),
		Server: s,
		http:   &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second},
		served: make(chan error, 1),
	}
	go func() { r.served <- r.http.Serve(ln) }()
	return r, nil
}

// reachable is addr as a client can dial it: a wildcard listen address
// (":8086", "0.0.0.0:8086") is reached through loopback.
func reachable(addr net.Addr) string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok || !tcp.IP.IsUnspecified() {
		return addr.String()
	}
	return (&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: tcp.Port}).String()
}

// Close stops the server at once, dropping open connections, held
// requests and deferred ones (see FaultLatency, FaultSlowBody and
// FaultServerErrorCreateLater).
func (r *Running) Close() error {
	return r.stop(func() error { return r.http.Close() })
}

// shutdown stops the server after in-flight requests finish or ctx ends.
func (r *Running) shutdown(ctx context.Context) error {
	return r.stop(func() error { return r.http.Shutdown(ctx) })
}

func (r *Running) stop(halt func() error) error {
	r.closeOnce.Do(func() {
		r.Server.halt()
		r.closeErr = halt()
		if err := <-r.served; !errors.Is(err, http.ErrServerClosed) && r.closeErr == nil {
			r.closeErr = err
		}
	})
	return r.closeErr
}
