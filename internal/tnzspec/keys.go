package tnzspec

import (
	"sort"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// Undeclared is an object key that the OpenAPI file's schema does not declare. The OpenAPI file
// never sets additionalProperties, so JSON Schema accepts such keys and
// validation alone would also accept a misspelt one.
type Undeclared struct {
	Pointer string           // where it is, as a JSON pointer: "/Destinations/0/FirstName"
	Path    string           // the same without array indices: "Destinations[].FirstName"
	Object  *openapi3.Schema // the schema of the object it is in
}

// UndeclaredKeys walks the JSON value v (as encoding/json decodes it)
// alongside schema, following properties, allOf and array items, and
// returns every object key the schema does not declare, sorted by
// Pointer. Values under keys the OpenAPI file gives no schema for are not looked into.
func UndeclaredKeys(schema *openapi3.Schema, v any) []Undeclared {
	var out []Undeclared
	undeclared(schema, v, "", "", &out)
	sort.Slice(out, func(i, j int) bool { return out[i].Pointer < out[j].Pointer })
	return out
}

func undeclared(s *openapi3.Schema, v any, pointer, path string, out *[]Undeclared) {
	if s == nil {
		return
	}
	switch v := v.(type) {
	case map[string]any:
		props := properties(s)
		for k, val := range v {
			p, ptr := k, pointer+"/"+escapePointer(k)
			if path != "" {
				p = path + "." + k
			}
			ps, ok := props[k]
			if !ok {
				*out = append(*out, Undeclared{Pointer: ptr, Path: p, Object: s})
				continue
			}
			undeclared(ps, val, ptr, p, out)
		}
	case []any:
		items := itemsOf(s)
		for i, e := range v {
			undeclared(items, e, pointer+"/"+strconv.Itoa(i), path+"[]", out)
		}
	}
}

// Declares reports whether the object schema s (or one of its allOf
// parts) declares the property key.
func Declares(s *openapi3.Schema, key string) bool {
	_, ok := properties(s)[key]
	return ok
}

// properties are the properties s declares, with those of its allOf parts.
func properties(s *openapi3.Schema) map[string]*openapi3.Schema {
	into := map[string]*openapi3.Schema{}
	collectProperties(s, into)
	return into
}

func collectProperties(s *openapi3.Schema, into map[string]*openapi3.Schema) {
	for name, ref := range s.Properties {
		if _, seen := into[name]; !seen && ref != nil && ref.Value != nil {
			into[name] = ref.Value
		}
	}
	for _, sub := range s.AllOf {
		if sub != nil && sub.Value != nil {
			collectProperties(sub.Value, into)
		}
	}
}

func itemsOf(s *openapi3.Schema) *openapi3.Schema {
	if s.Items != nil {
		return s.Items.Value
	}
	for _, sub := range s.AllOf {
		if sub != nil && sub.Value != nil {
			if items := itemsOf(sub.Value); items != nil {
				return items
			}
		}
	}
	return nil
}

// escapePointer escapes a key for a JSON pointer (RFC 6901).
func escapePointer(k string) string {
	return strings.ReplaceAll(strings.ReplaceAll(k, "~", "~0"), "/", "~1")
}
