package tnz

import (
	"fmt"
	"strings"
)

// AuthProblem is what is wrong with a configuration's credentials for the
// API version they resolve to. CheckAuth is the one home of these rules:
// New refuses a configuration with a problem, and the provider reports the
// same problems at plan time, in its own words.
type AuthProblem struct {
	Kind AuthProblemKind
	// Version is the API version the credentials resolved to.
	Version string
}

// AuthProblemKind is one rule a configuration's credentials break.
type AuthProblemKind int

const (
	// NoCredentials: no auth token, sender or API key at all.
	NoCredentials AuthProblemKind = iota + 1
	// ConflictingCredentials: both an auth token and a sender or API key,
	// so which the user meant is unclear.
	ConflictingCredentials
	// VersionNeedsSenderKey: a sender/API-key version given only a token.
	VersionNeedsSenderKey
	// VersionNeedsToken: a token version given only a sender or API key.
	VersionNeedsToken
	// MissingSender: an API key without the sender it belongs to.
	MissingSender
	// MissingAPIKey: a sender without its API key.
	MissingAPIKey
	// InvalidSender: the sender is not an e-mail address.
	InvalidSender
)

// CheckAuth resolves the API version of cfg (APIVersion, or v3.00 with a
// token and v2.02 with a sender or API key) and lists what is wrong with its
// credentials, in a fixed order. Credentials are compared trimmed. An
// unsupported version has no problems here: New reports it.
func CheckAuth(cfg Config) (version string, problems []AuthProblem) {
	token := strings.TrimSpace(cfg.AuthToken)
	sender := strings.TrimSpace(cfg.Sender)
	key := strings.TrimSpace(cfg.APIKey)
	legacy := sender != "" || key != ""
	version = cfg.APIVersion
	if version == "" {
		version = V300
		if token == "" && legacy {
			version = V202
		}
	}
	rd, ok := dialects[version]
	if !ok {
		return version, nil
	}
	problem := func(k AuthProblemKind) { problems = append(problems, AuthProblem{Kind: k, Version: version}) }
	switch {
	case token != "" && legacy:
		problem(ConflictingCredentials)
	case token == "" && !legacy:
		problem(NoCredentials)
	case rd.auth == senderKeyAuth && token != "":
		problem(VersionNeedsSenderKey)
	case rd.auth == tokenAuth && token == "":
		problem(VersionNeedsToken)
	case rd.auth == senderKeyAuth:
		if sender == "" {
			problem(MissingSender)
		}
		if key == "" {
			problem(MissingAPIKey)
		}
		if sender != "" && !IsEmailAddress(sender) {
			problem(InvalidSender)
		}
	}
	return version, problems
}

// Error is the client's wording; it never quotes a credential.
func (p AuthProblem) Error() string {
	switch p.Kind {
	case ConflictingCredentials:
		return "both an auth token and a sender or API key are set: use the auth token (API " + V300 + " or " + V204 + "), or the sender and API key (API " + V202 + "), not both"
	case NoCredentials, VersionNeedsToken:
		if dialects[p.Version].auth == senderKeyAuth {
			return fmt.Sprintf("API %s authenticates with a sender and an API key in every request, and a sender (the API user's e-mail address) and an API key are missing", p.Version)
		}
		msg := fmt.Sprintf("API %s authenticates with an auth token, and none is set: generate one in the TNZ Dashboard (Users > API)", p.Version)
		if p.Kind == VersionNeedsToken {
			msg += fmt.Sprintf(", or use API %s to authenticate with the sender and API key", V202)
		}
		return msg
	case VersionNeedsSenderKey:
		return fmt.Sprintf("API %s authenticates with a sender and an API key in every request, and a sender (the API user's e-mail address) and an API key are missing; with an auth token use API %s or %s instead", p.Version, V204, V300)
	case MissingSender:
		return fmt.Sprintf("API %s authenticates with a sender and an API key in every request, and a sender (the API user's e-mail address) is missing", p.Version)
	case MissingAPIKey:
		return fmt.Sprintf("API %s authenticates with a sender and an API key in every request, and an API key is missing", p.Version)
	case InvalidSender:
		return "the sender must be the API user's e-mail address"
	}
	return fmt.Sprintf("credential problem %d", p.Kind)
}

// IsEmailAddress accepts local@domain with no spaces; the API decides the rest.
func IsEmailAddress(s string) bool {
	local, domain, ok := strings.Cut(strings.TrimSpace(s), "@")
	return ok && local != "" && domain != "" && !strings.ContainsAny(local+domain, " @")
}

// IsPhoneNumber accepts an optional leading "+" and 7 to 15 digits, ignoring
// spaces, dashes, dots and parentheses: local NZ forms such as
// "021 123 4567" and "09 500 6000" are phone numbers, as TNZ reads them.
func IsPhoneNumber(s string) bool {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "+")
	digits := 0
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == ' ' || c == '-' || c == '.' || c == '(' || c == ')':
		default:
			return false
		}
	}
	return digits >= 7 && digits <= 15
}
