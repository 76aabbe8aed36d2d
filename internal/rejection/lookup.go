package rejection

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// textPattern matches a row's text the way the server may vary it: any case,
// any spacing, with or without a trailing period or an "Error - " prefix.
func textPattern(r *Row) *regexp.Regexp {
	text := strings.TrimSuffix(strings.TrimPrefix(r.Text, "Error - "), ".")
	var b strings.Builder
	b.WriteString(`(?i)^\s*(?:error\s*-\s*)?`)
	for i, word := range strings.Fields(text) {
		if i > 0 {
			b.WriteString(`\s+`)
		}
		switch {
		case r.Numbered && word == "x":
			b.WriteString(`(\d+)`)
		case r.Numbered && word == "x.":
			b.WriteString(`(\d+)\.`)
		default:
			b.WriteString(regexp.QuoteMeta(word))
		}
	}
	b.WriteString(`[\s.]*$`)
	return regexp.MustCompile(b.String())
}

// Lookup finds the row whose text the server message is, and the position it
// names (1-based, 0 when the row is not numbered).
func Lookup(message string) (row *Row, position int, ok bool) {
	for _, r := range Table {
		m := r.pattern.FindStringSubmatch(message)
		if m == nil {
			continue
		}
		if len(m) > 1 {
			position, _ = strconv.Atoi(m[1])
		}
		return r, position, true
	}
	return nil, 0, false
}

// FromAPIError turns every message of a server rejection into a finding,
// mapped to its row and attribute where the text identifies one. Raw keeps
// the server's own words. Provider-level rows carry no attribute: a resource
// cannot point at the provider block.
func FromAPIError(err *tnz.APIError) []Finding {
	var out []Finding
	for _, msg := range err.Messages {
		out = append(out, fromServerText(err, msg))
	}
	if len(out) == 0 {
		out = append(out, fromServerText(err, strings.TrimSpace(err.Body)))
	}
	return out
}

func fromServerText(err *tnz.APIError, msg string) Finding {
	var f Finding
	if r, pos, ok := Lookup(msg); ok {
		f = r.finding(pos)
	} else {
		switch {
		case err.StatusCode == http.StatusUnauthorized || err.Result == "Unauthorized":
			f = Unauthorized.finding(0)
		case err.StatusCode >= 500:
			f = ServerError.finding(0)
		default:
			f = Finding{Summary: "TNZ API rejected the request", Detail: "TNZ answered with a rejection that is not in its documented table; the server's words are below."}
		}
	}
	if f.Row != nil && f.Row.Stage == AtProviderPlan {
		f.Attribute = Path{}
	}
	f.Raw = msg
	return f
}
