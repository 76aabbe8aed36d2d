// Package tnzspec is test support: it loads TNZ's OpenAPI file, TNZ's
// description of API v3.00 (testdata/tnz-rest-api-v3.00.yaml: the file TNZ
// publishes, with the corrections testdata/CORRECTIONS.md lists), and
// validates requests, responses and send bodies against it. Only _test.go
// files import it; the provider itself never does (TestOnlyTestsImport
// enforces this).
//
// It holds what the conformance tests of internal/tnz (the requests the
// client builds), internal/sandbox (the responses the sandbox gives) and
// internal/provider (the bodies the sandbox accepted) share: loading the
// OpenAPI file, the router, the validation options, moving a request onto
// its server, finding keys it does not declare, and the one list of
// documented differences between what the client sends and the file
// (allowances.go). The assertions stay in the tests.
//
// kin-openapi's gorillamux router would need github.com/gorilla/mux, which
// is not a dependency, so routers/legacy is used; it matches the same paths.
package tnzspec

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
)

const (
	// Server is the OpenAPI file's server; NewRequest moves requests onto it.
	Server = "https://api.tnz.co.nz" + BasePath
	// BasePath is the path of API v3.00 on any host.
	BasePath = "/api/v3.00"
)

// openAPIFile is TNZ's OpenAPI file for API v3.00, with the corrections
// testdata/CORRECTIONS.md lists so that it loads.
//
//go:embed testdata/tnz-rest-api-v3.00.yaml
var openAPIFile []byte

// Spec is TNZ's OpenAPI file, loaded and validated.
type Spec struct {
	Doc    *openapi3.T
	router routers.Router
}

var load = sync.OnceValues(func() (*Spec, error) {
	doc, err := openapi3.NewLoader().LoadFromData(openAPIFile)
	if err != nil {
		return nil, fmt.Errorf("loading TNZ's OpenAPI file: %w", err)
	}
	// The file's examples often disagree with its schemas
	// (testdata/CORRECTIONS.md); everything else must validate.
	if err := doc.Validate(context.Background(), openapi3.DisableExamplesValidation()); err != nil {
		return nil, fmt.Errorf("TNZ's OpenAPI file does not validate: %w", err)
	}
	router, err := legacy.NewRouter(doc, openapi3.DisableExamplesValidation())
	if err != nil {
		return nil, fmt.Errorf("building a router for TNZ's OpenAPI file: %w", err)
	}
	return &Spec{Doc: doc, router: router}, nil
})

// Load returns TNZ's OpenAPI file, loading and validating it on the first
// call. The file is embedded, so only a file that no longer loads fails.
func Load() (*Spec, error) { return load() }

// NewRequest builds the request a client sent to target, its
// request-target on any host ("/api/v3.00/sms/ID1?x=1"), as sent to
// Server, with header (cloned) and body (none if nil).
func NewRequest(method, target string, header http.Header, body []byte) (*http.Request, error) {
	rest, ok := strings.CutPrefix(target, BasePath+"/")
	if !ok {
		return nil, fmt.Errorf("%s %q is not under %s/", method, target, BasePath)
	}
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, Server+"/"+rest, rd)
	if err != nil {
		return nil, err
	}
	req.Header = header.Clone()
	if req.Header == nil {
		req.Header = http.Header{}
	}
	return req, nil
}

// Operation finds the OpenAPI file's operation for req (a request on Server, see
// NewRequest) and returns it with the path parameters read from req.
func (s *Spec) Operation(req *http.Request) (*openapi3.Operation, map[string]string, error) {
	route, params, err := s.route(req)
	if err != nil {
		return nil, nil, err
	}
	return route.Operation, params, nil
}

func (s *Spec) route(req *http.Request) (*routers.Route, map[string]string, error) {
	route, params, err := s.router.FindRoute(req)
	if err != nil {
		return nil, nil, fmt.Errorf("the OpenAPI file has no operation for %s %s: %w", req.Method, req.URL, err)
	}
	return route, params, nil
}

// ValidateRequest validates req (on Server) against its operation in the OpenAPI file:
// path, query, headers, security and body.
func (s *Spec) ValidateRequest(ctx context.Context, req *http.Request) error {
	in, err := s.requestInput(req, requestOptions())
	if err != nil {
		return err
	}
	return openapi3filter.ValidateRequest(ctx, in)
}

// ValidateResponse validates a response to req (on Server) against req's
// the OpenAPI file's operation. A status the OpenAPI file does not document fails.
func (s *Spec) ValidateResponse(ctx context.Context, req *http.Request, status int, header http.Header, body []byte) error {
	in, err := s.requestInput(req, responseOptions())
	if err != nil {
		return err
	}
	resp := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: status, Header: header, Options: in.Options}
	return openapi3filter.ValidateResponse(ctx, resp.SetBodyBytes(body))
}

func (s *Spec) requestInput(req *http.Request, opts *openapi3filter.Options) (*openapi3filter.RequestValidationInput, error) {
	route, params, err := s.route(req)
	if err != nil {
		return nil, err
	}
	return &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route, Options: opts}, nil
}

// responseOptions are the validation options for responses. The OpenAPI file's
// defaults are not filled in, so a message is checked as it was sent.
// Where kin-openapi would be lenient by default, they are strict: a
// response status the OpenAPI file does not document fails, and the one security
// scheme the OpenAPI file declares (HTTP bearer) is checked instead of a no-op.
func responseOptions() *openapi3filter.Options {
	return &openapi3filter.Options{
		SkipSettingDefaults:   true,
		MultiError:            true,
		IncludeResponseStatus: true,
		AuthenticationFunc:    bearerAuthenticated,
	}
}

// requestOptions are responseOptions plus the formats kin-openapi leaves
// unchecked by default: uuid (ContactID, GroupID, TemplateID), email
// (ReportTo, SMSEmailReply, EmailAddress) and uri (WebhookCallbackURL).
// The OpenAPI file's "phone" format has no definition, so it stays unchecked.
//
// Responses keep kin-openapi's formats (date-time among them): the
// sandbox's status answers carry ContactID "" for recipients not from the
// Address Book, which the OpenAPI file's uuid format rejects.
func requestOptions() *openapi3filter.Options {
	opts := responseOptions()
	opts.SchemaValidationOptions = []openapi3.SchemaValidationOption{
		openapi3.WithStringFormatValidator("uuid", openapi3.NewRegexpFormatValidator(openapi3.FormatOfStringForUUIDOfRFC9562)),
		openapi3.WithStringFormatValidator("email", openapi3.NewRegexpFormatValidator(openapi3.FormatOfStringForEmail)),
		openapi3.WithStringFormatValidator("uri", openapi3.NewCallbackValidator(absoluteURI)),
	}
	return opts
}

// bearerAuthenticated checks the OpenAPI file's bearerAuth: "Authorization: Bearer <token>".
func bearerAuthenticated(_ context.Context, in *openapi3filter.AuthenticationInput) error {
	if s := in.SecurityScheme; s == nil || s.Type != "http" || !strings.EqualFold(s.Scheme, "bearer") {
		return fmt.Errorf("security scheme %q is not the HTTP bearer scheme tnzspec knows", in.SecuritySchemeName)
	}
	scheme, token, ok := strings.Cut(in.RequestValidationInput.Request.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(token) == "" {
		return errors.New(`missing "Authorization: Bearer <token>"`)
	}
	return nil
}

func absoluteURI(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return err
	}
	if !u.IsAbs() || u.Host == "" {
		return fmt.Errorf("%q is not an absolute URI", s)
	}
	return nil
}
