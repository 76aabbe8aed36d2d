package tnz

import (
	"context"
	"errors"
	"net/http"
	"time"
)

// DefaultBaseURL is TNZ's production API host.
const DefaultBaseURL = "https://api.tnz.co.nz"

// API versions (dialects) the client speaks.
const (
	V300 = "v3.00"
)

// Config configures a Client.
type Config struct {
	// BaseURL is the API host, e.g. https://api.tnz.co.nz. A trailing
	// "/api/<version>" (as the official SDKs' TNZ_API_URL carries) is accepted.
	BaseURL string
	// APIVersion selects the dialect; empty means v3.00.
	APIVersion string
	// AuthToken is the Dashboard JWT (v3.00: Authorization: Bearer).
	AuthToken string
	// UserAgent is sent on every request.
	UserAgent string
	// RequestTimeout bounds one HTTP attempt; zero means 30s.
	RequestTimeout time.Duration
	// MaxRetries bounds retries of one call (only where retrying cannot send twice).
	MaxRetries int
	// Transport overrides the HTTP transport (tests); nil means the default.
	Transport http.RoundTripper
}

// Client talks to the TNZ REST API.
type Client struct {
	cfg Config
}

// New validates cfg and returns a Client.
func New(cfg Config) (*Client, error) {
	return &Client{cfg: cfg}, nil
}

// Send submits msg once. See SendResult for the ambiguous-failure recovery.
func (c *Client) Send(ctx context.Context, msg Message) (SendResult, error) {
	return SendResult{}, errors.New("not implemented")
}

// Status fetches the delivery status of a message by id.
func (c *Client) Status(ctx context.Context, ch Channel, messageID string) (*Status, error) {
	return nil, errors.New("not implemented")
}
