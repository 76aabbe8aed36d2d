package tnz

import (
	"fmt"
	"net/http"
	"sort"
	"strings"
)

// dialect is one API version's wire format: how requests are spelled and how
// responses are read. The client's transport, retries and send-once logic are
// the same for every version, so they live in client.go; each version's file
// (v300.go, later v2.go) registers its dialect in init.
type dialect interface {
	// sendRequest builds the request that submits msg.
	sendRequest(msg Message) (*apiRequest, error)
	// statusRequest builds the request that fetches a message's status.
	statusRequest(ch Channel, messageID string) (*apiRequest, error)
	// decodeSend reads a 2xx send response; sentID is the MessageID we sent
	// ("" if the server is to generate one).
	decodeSend(status int, body []byte, sentID string) (SendResult, error)
	// decodeStatus reads a 2xx status response.
	decodeStatus(body []byte) (*Status, error)
}

// apiRequest is a dialect's request before it becomes an HTTP request.
type apiRequest struct {
	method string
	// path is appended to the base URL; it starts with "/" and is already escaped.
	path string
	// body is the JSON body, or nil for none.
	body []byte
	// header carries dialect-specific headers (Authorization); the client adds
	// Accept, Content-Type and User-Agent.
	header http.Header
}

// dialects maps an API version to the constructor of its dialect.
var dialects = map[string]func(Config) dialect{}

func registerDialect(version string, newDialect func(Config) dialect) {
	dialects[version] = newDialect
}

// supportedVersions lists the registered versions for error messages.
func supportedVersions() string {
	vs := make([]string, 0, len(dialects))
	for v := range dialects {
		vs = append(vs, v)
	}
	sort.Sort(sort.Reverse(sort.StringSlice(vs)))
	return strings.Join(vs, ", ")
}

func lookupDialect(cfg Config) (dialect, error) {
	newDialect, ok := dialects[cfg.APIVersion]
	if !ok {
		return nil, fmt.Errorf("unsupported API version %q: use one of %s", cfg.APIVersion, supportedVersions())
	}
	return newDialect(cfg), nil
}
