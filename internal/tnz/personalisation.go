package tnz

import (
	"fmt"
	"regexp"
	"strings"
)

// TNZ fills merge tokens such as [[FirstName]] from each destination's
// fields (TNZ's OpenAPI file examples; https://www.tnz.co.nz/help/message-personalisation).
// Render does the same for previews and tests; other tokens ([[Link:…]],
// [[REPLY]], [[File1]]…) are TNZ's to fill and stay as they are.

var mergeToken = regexp.MustCompile(`\[\[([A-Za-z0-9]+)\]\]`)

// personalTokens are the tokens TNZ fills from a destination, in the order
// TNZ documents them, with the destination attribute that holds each.
var personalTokens = []struct{ token, field string }{
	{"FirstName", "first_name"}, {"LastName", "last_name"}, {"Attention", "attention"}, {"Company", "company"},
	{"Custom1", "custom1"}, {"Custom2", "custom2"}, {"Custom3", "custom3"}, {"Custom4", "custom4"}, {"Custom5", "custom5"},
	{"Custom6", "custom6"}, {"Custom7", "custom7"}, {"Custom8", "custom8"}, {"Custom9", "custom9"},
}

// personalFields maps a token or attribute name, lowercased, to the
// attribute that fills it.
var personalFields = func() map[string]string {
	m := map[string]string{}
	for _, p := range personalTokens {
		m[strings.ToLower(p.token)] = p.field
		m[p.field] = p.field
	}
	return m
}()

// PersonalFields are the destination attributes Render fills from, in
// documentation order: first_name, last_name, attention, company,
// custom1 … custom9.
func PersonalFields() []string {
	out := make([]string, len(personalTokens))
	for i, p := range personalTokens {
		out[i] = p.field
	}
	return out
}

// UnknownFieldError is a key given for a destination's fields that names
// no field.
type UnknownFieldError struct {
	Key string
	// Suggestion is the valid attribute name closest to Key, or "".
	Suggestion string
}

func (e *UnknownFieldError) Error() string {
	msg := fmt.Sprintf("%q is not a destination field", e.Key)
	if e.Suggestion != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", e.Suggestion)
	}
	return msg + ". The fields are " + strings.Join(PersonalFields(), ", ") +
		", in any case, or their token names such as FirstName and Custom1"
}

// CheckFields returns an error when fields, keyed as for Render, holds a
// key that names no destination field (an *UnknownFieldError) or two keys
// for the same field (first_name and FirstName), so that a typo never
// passes as an empty field and the result never depends on map order.
func CheckFields(fields map[string]string) error {
	keyOf := map[string]string{}
	for k := range fields {
		field, ok := personalFields[strings.ToLower(strings.TrimSpace(k))]
		if !ok {
			return &UnknownFieldError{Key: k, Suggestion: firstOf(nearest(k, PersonalFields(), 1, maxNameEdits(k)))}
		}
		if other, dup := keyOf[field]; dup {
			a, b := min(other, k), max(other, k) // the same error whatever the map's order
			return fmt.Errorf("%q and %q both set %s: give it once", a, b, field)
		}
		keyOf[field] = k
	}
	return nil
}

// Render fills the personalisation tokens of message from fields, keyed by
// destination attribute name ("first_name") or by token name ("FirstName"),
// in any case. A personalisation token whose field is absent becomes empty,
// as for a destination without that field. Keys that name no field are
// ignored: CheckFields finds them.
func Render(message string, fields map[string]string) string {
	byField := map[string]string{}
	for k, v := range fields {
		if field, ok := personalFields[strings.ToLower(strings.TrimSpace(k))]; ok {
			byField[field] = v
		}
	}
	return mergeToken.ReplaceAllStringFunc(message, func(token string) string {
		field, ok := personalFields[strings.ToLower(token[2:len(token)-2])]
		if !ok {
			return token
		}
		return byField[field]
	})
}

// maxNameEdits is how many edits a misspelling of a name may be away from
// it and still be suggested: one in short names, more in longer ones.
func maxNameEdits(word string) int { return max(1, len(word)/3) }

func firstOf(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}
