package tnz

import (
	"regexp"
	"strings"
)

// TNZ fills merge tokens such as [[FirstName]] from each destination's
// fields (TNZ's OpenAPI file examples). Render does the same for previews and tests; other
// tokens ([[Link:…]], [[REPLY]], [[File1]]…) are TNZ's to fill and stay as
// they are.

var mergeToken = regexp.MustCompile(`\[\[([A-Za-z0-9]+)\]\]`)

// personalFields maps a token, lowercased, to the destination field that fills it.
var personalFields = map[string]string{
	"firstname": "first_name", "lastname": "last_name", "attention": "attention", "company": "company",
	"custom1": "custom1", "custom2": "custom2", "custom3": "custom3", "custom4": "custom4", "custom5": "custom5",
	"custom6": "custom6", "custom7": "custom7", "custom8": "custom8", "custom9": "custom9",
}

// Render fills the personalisation tokens of message from fields, keyed by
// destination attribute name ("first_name") or by token name ("FirstName"),
// in any case. A personalisation token whose field is absent becomes empty,
// as for a destination without that field.
func Render(message string, fields map[string]string) string {
	byField := map[string]string{}
	for k, v := range fields {
		key := strings.ToLower(k)
		if f, ok := personalFields[key]; ok {
			key = f
		}
		byField[strings.ToLower(key)] = v
	}
	return mergeToken.ReplaceAllStringFunc(message, func(token string) string {
		field, ok := personalFields[strings.ToLower(token[2:len(token)-2])]
		if !ok {
			return token
		}
		return byField[field]
	})
}
