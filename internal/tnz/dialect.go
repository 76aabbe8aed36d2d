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
// (v300.go, v2.go) registers its dialect in init.
type dialect interface {
	// sendRequest builds the request that submits msg.
	sendRequest(msg Message) (*apiRequest, error)
	// statusRequest builds the request that fetches one page (1-based, of
	// up to perPage recipients) of a message's status.
	statusRequest(ch Channel, messageID string, page, perPage int) (*apiRequest, error)
	// decodeSend reads a 2xx send response; sentID is the MessageID we sent
	// ("" if the server is to generate one).
	decodeSend(status int, body []byte, sentID string) (SendResult, error)
	// decodeStatus reads a status response that came with the 2xx HTTP
	// status: the status with that page's recipients, and the page's
	// pagination.
	decodeStatus(status int, body []byte) (*Status, pagination, error)
	// actionRequest builds the request that applies a to a sent message
	// (v3.00: PATCH /{ch}/{id}/{action}; v2.0x: PATCH /set/{action}/{id},
	// or with Sender/APIKey POST /set/{action}).
	// The client has checked that ch supports a and that args hold what a
	// needs.
	actionRequest(a Action, ch Channel, messageID string, args actionArgs) (*apiRequest, error)
	// decodeAction reads a 2xx action response; messageID is the id acted on.
	decodeAction(status int, body []byte, messageID string) (ActionResult, error)
	// receivedRequest builds the request that fetches one page of the
	// messages received on ch; the client has checked that the version has
	// ch's list, and q has been validated.
	receivedRequest(ch Channel, q ReceivedQuery, page, perPage int) (*apiRequest, error)
	// decodeReceived reads a received-list response that came with the 2xx
	// HTTP status, and its pagination.
	decodeReceived(status int, body []byte) ([]InboundSMS, pagination, error)
}

// replyDialect is implemented by dialects whose status response leaves out
// SMS replies because they have an endpoint of their own (v2.0x:
// get/sms/reply in the Node SDK). Its answer has the shape of a status response
// whose recipients carry SMSReplies, so decodeStatus reads it.
type replyDialect interface {
	// smsRepliesRequest builds the request that fetches one page of an SMS
	// message's replies.
	smsRepliesRequest(messageID string, page, perPage int) (*apiRequest, error)
}

// actionArgs are an action's parameters; each action reads its own.
type actionArgs struct {
	// SendTime is reschedule's (required) and resubmit's (optional) new time.
	SendTime string
	// NumberOfOperators is pacing's.
	NumberOfOperators int
}

// pagination is the paging block of a list response (TNZ's OpenAPI file: Pagination);
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

// credentials says how a version authenticates, so that New can refuse a
// configuration that lacks them before any call.
type credentials int

const (
	// tokenAuth: the Dashboard auth token in the Authorization header
	// (v3.00 Bearer, v2.03/v2.04 Basic).
	tokenAuth credentials = iota
	// senderKeyAuth: Sender and APIKey in every request body (v2.01/v2.02).
	senderKeyAuth
)

type registeredDialect struct {
	auth       credentials
	newDialect func(Config) dialect
}

// dialects maps an API version to its credentials and dialect constructor.
var dialects = map[string]registeredDialect{}

func registerDialect(version string, auth credentials, newDialect func(Config) dialect) {
	dialects[version] = registeredDialect{auth: auth, newDialect: newDialect}
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

// lookupDialect finds a version's registration; New checks the
// configuration's credentials against it before building the dialect.
func lookupDialect(version string) (registeredDialect, error) {
	rd, ok := dialects[version]
	if !ok {
		return registeredDialect{}, fmt.Errorf("unsupported API version %q: use one of %s", version, supportedVersions())
	}
	return rd, nil
}
