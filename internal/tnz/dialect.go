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
	// statusRequest builds the request that fetches one page (1-based, of
	// up to perPage recipients) of a message's status.
	statusRequest(ch Channel, messageID string, page, perPage int) (*apiRequest, error)
	// decodeSend reads a 2xx send response; sentID is the MessageID we sent
	// ("" if the server is to generate one).
	decodeSend(status int, body []byte, sentID string) (SendResult, error)
	// decodeStatus reads a 2xx status response: the status with that page's
	// recipients, and the page's pagination.
	decodeStatus(body []byte) (*Status, pagination, error)
	// actionRequest builds the request that applies a to a sent message
	// (v3.00: PATCH /{ch}/{id}/{action}; v2.0x: PATCH /set/{action}/{id}).
	// The client has checked that ch supports a and that args hold what a
	// needs.
	actionRequest(a Action, ch Channel, messageID string, args actionArgs) (*apiRequest, error)
	// decodeAction reads a 2xx action response; messageID is the id acted on.
	decodeAction(status int, body []byte, messageID string) (ActionResult, error)
	// receivedRequest builds the request that fetches one page of inbound
	// SMS; q has been validated.
	receivedRequest(q ReceivedQuery, page, perPage int) (*apiRequest, error)
	// decodeReceived reads a 2xx inbound SMS response and its pagination.
	decodeReceived(body []byte) ([]InboundSMS, pagination, error)
}

// actionArgs are an action's parameters; each action reads its own.
type actionArgs struct {
	// SendTime is reschedule's (required) and resubmit's (optional) new time.
	SendTime string
	// NumberOfOperators is pacing's.
	NumberOfOperators int
}

// pagination is the paging block of a list response (SPEC Pagination);
// zero where the response left it out.
type pagination struct {
	Page, PageCount, RecordsPerPage, TotalRecords int64
}

// apiRequest is a dialect's request before it becomes an HTTP request.
type apiRequest struct {
	method string
	// path is appended to the base URL; it starts with "/" and is already escaped.
	path string
	// query is the encoded query string without "?", or "".
	query string
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
