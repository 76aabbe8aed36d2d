package rejection

import (
	"strings"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// Checks of the rows that concern one channel's content.

func checkEmailBody(r *Row, in Input) []Finding {
	m, ok := in.Message.(*tnz.EmailMessage)
	if !ok || in.Unknown.Is(Root("message_plain")) || in.Unknown.Is(Root("message_html")) || in.Unknown.Is(Root("template_id")) ||
		!blank(m.MessagePlain) || !blank(m.MessageHTML) || !blank(m.TemplateID) {
		return nil
	}
	return []Finding{r.finding(0)}
}

// checkFaxContents: a fax needs documents (or, on v2.0x, a text message), or
// a Dashboard template.
func checkFaxContents(r *Row, in Input) []Finding {
	m, ok := in.Message.(*tnz.FaxMessage)
	if !ok || in.Unknown.Within(Root("files")) || in.Unknown.Is(Root("message")) || in.Unknown.Is(Root("template_id")) ||
		len(m.Files) > 0 || !blank(m.Message) || !blank(m.TemplateID) {
		return nil
	}
	return []Finding{r.finding(0)}
}

// calls is implemented by TTS and Voice messages.
type calls interface{ CallPart() *tnz.Call }

func checkMessageToPeople(r *Row, in Input) []Finding {
	m, ok := in.Message.(calls)
	if !ok || in.Unknown.Is(Root("message_to_people")) || in.Unknown.Is(Root("template_id")) ||
		!blank(m.CallPart().MessageToPeople) || !blank(m.CallPart().TemplateID) {
		return nil
	}
	return []Finding{r.finding(0)}
}

// eachKeypad reports the keypads for which bad holds, skipping those whose
// field (or the keypad as a whole, for field "") is unknown.
func eachKeypad(r *Row, in Input, field string, bad func(tnz.Keypad) bool) []Finding {
	m, ok := in.Message.(calls)
	if !ok || in.Unknown.Is(Root("keypads")) {
		return nil
	}
	var out []Finding
	for i, k := range m.CallPart().Keypads {
		p := Root("keypads").AtIndex(i)
		if field != "" {
			p = p.AtName(field)
		}
		if in.Unknown.Within(p) || !bad(k) {
			continue
		}
		out = append(out, r.finding(i+1))
	}
	return out
}

func checkKeypadTone(r *Row, in Input) []Finding {
	return eachKeypad(r, in, "tone", func(k tnz.Keypad) bool { return k.Tone == nil })
}

func checkKeypadToneRange(r *Row, in Input) []Finding {
	return eachKeypad(r, in, "tone", func(k tnz.Keypad) bool { return k.Tone != nil && (*k.Tone < 0 || *k.Tone > 9) })
}

// checkKeypadAction: a keypad option must do something. PlaySection counts,
// as in TNZ's own SDKs ("RouteNumber OR Play OR PlaySection").
func checkKeypadAction(r *Row, in Input) []Finding {
	return eachKeypad(r, in, "", func(k tnz.Keypad) bool { return blank(k.RouteNumber) && blank(k.Play) && blank(k.PlaySection) })
}

func checkRouteNumber(r *Row, in Input) []Finding {
	return eachKeypad(r, in, "route_number", func(k tnz.Keypad) bool { return !blank(k.RouteNumber) && !IsRouteNumber(k.RouteNumber) })
}

// IsRouteNumber follows TNZ's rule, "greater than 9 digits and numeric", with
// the leading "+" that TNZ's own OpenAPI example (+64800123123) carries.
func IsRouteNumber(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) > 0 && s[0] == '+' {
		s = s[1:]
	}
	if len(s) < 10 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
