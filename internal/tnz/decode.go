package tnz

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"
)

// The API's responses disagree with its own schema in places (a count as a
// string; Price as a number or null, which the .NET SDK says the live API
// sends where TNZ's OpenAPI file declares a string). Responses are read
// with these lenient scalars: a value of an unexpected type becomes the zero
// value instead of failing the whole response, because a status the user can
// see with one odd field beats no status at all.

// flexString decodes a JSON string, number or boolean as text; null,
// objects and arrays decode to "".
type flexString string

func (s *flexString) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	if len(data) == 0 {
		return nil
	}
	switch data[0] {
	case '"':
		var v string
		if err := json.Unmarshal(data, &v); err != nil {
			return nil
		}
		*s = flexString(v)
	case 't', 'f':
		*s = flexString(data)
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		// Keep the number as written, so a Price of 0.10 stays "0.10".
		*s = flexString(data)
	}
	return nil
}

// flexInt decodes a JSON number or a numeric string; anything else is 0.
type flexInt int64

func (n *flexInt) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	if len(data) == 0 {
		return nil
	}
	text := string(data)
	if data[0] == '"' {
		var v string
		if err := json.Unmarshal(data, &v); err != nil {
			return nil
		}
		text = strings.TrimSpace(v)
	}
	*n = flexInt(parseCount(text))
	return nil
}

// parseCount reads an integer that may be written as a float ("3", "3.0", "3e0").
func parseCount(text string) int64 {
	if i, err := strconv.ParseInt(text, 10, 64); err == nil {
		return i
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsNaN(f) || f < math.MinInt64 || f >= math.MaxInt64 {
		return 0
	}
	return int64(f)
}

// firstNonEmpty returns the first argument that is not empty; it picks the
// *UTC_RFC3339 time over the older "YYYY-MM-DD hh:mm:ss" *UTC form.
func firstNonEmpty(values ...flexString) string {
	for _, v := range values {
		if s := strings.TrimSpace(string(v)); s != "" {
			return s
		}
	}
	return ""
}
