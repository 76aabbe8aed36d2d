package rejection

import (
	"fmt"
	"strings"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// Check returns every rejection TNZ would answer for the message, as far as
// its values are known. Findings come in table order.
func Check(in Input) []Finding {
	var out []Finding
	for _, r := range Table {
		if r.checkMessage != nil && r.AppliesTo(in.Message.Channel()) {
			out = append(out, r.checkMessage(r, in)...)
		}
	}
	return out
}

// CheckContent is Check for a template: the rows about content alone,
// skipping those a send may still satisfy (WholeMessage).
func CheckContent(in Input) []Finding {
	var out []Finding
	for _, f := range Check(in) {
		if !f.Row.WholeMessage {
			out = append(out, f)
		}
	}
	return out
}

func checkMissingDestinations(r *Row, in Input) []Finding {
	if in.Unknown.Within(Root("destinations")) || len(in.Message.CommonPart().Destinations) > 0 {
		return nil
	}
	return []Finding{r.finding(0)}
}

// checkValidDestinations is an error when no destination suits the channel
// and a warning for each unsuitable one among suitable ones: TNZ skips those.
func checkValidDestinations(r *Row, in Input) []Finding {
	if in.Unknown.Is(Root("destinations")) {
		return nil
	}
	ch := in.Message.Channel()
	var valid, unknown int
	var invalid []int
	dests := in.Message.CommonPart().Destinations
	for i, d := range dests {
		switch {
		case in.Unknown.Within(Root("destinations").AtIndex(i)):
			unknown++
		case validDestination(ch, d):
			valid++
		default:
			invalid = append(invalid, i)
		}
	}
	if len(dests) == 0 {
		return nil
	}
	if valid == 0 && unknown == 0 {
		return []Finding{r.finding(0)}
	}
	var out []Finding
	for _, i := range invalid {
		f := r.finding(0)
		f.Attribute = Root("destinations").AtIndex(i).AtName("recipient")
		f.Warning = true
		f.Summary = fmt.Sprintf("Destination %d is not a valid %s destination", i+1, ch.Title())
		// The recipient itself is not quoted: diagnostics reach the logs.
		f.Detail = fmt.Sprintf("TNZ skips this destination and sends to the others. %s", r.Fix)
		out = append(out, f)
	}
	return out
}

func checkWebhookURL(r *Row, in Input) []Finding {
	u := in.Message.CommonPart().WebhookCallbackURL
	if in.Unknown.Is(Root("webhook_callback_url")) || blank(u) || hasPrefixFold(strings.TrimSpace(u), "https://") {
		return nil
	}
	return []Finding{r.finding(0)}
}

func checkFileNames(r *Row, in Input) []Finding {
	return checkEachFile(r, in, "name", func(f tnz.File) bool { return !blank(f.Name) })
}

func checkFileData(r *Row, in Input) []Finding {
	return checkEachFile(r, in, "", func(f tnz.File) bool { return !blank(f.Data) })
}

// checkEachFile reports the files that fail ok; field is the attribute under
// files[i] whose unknown value skips the check ("" for the whole file).
func checkEachFile(r *Row, in Input, field string, ok func(tnz.File) bool) []Finding {
	m, has := in.Message.(attachments)
	if !has {
		return nil
	}
	var out []Finding
	for i, f := range m.Attachments() {
		p := Root("files").AtIndex(i)
		if field != "" {
			p = p.AtName(field)
		}
		if in.Unknown.Within(p) || ok(f) {
			continue
		}
		out = append(out, r.finding(i+1))
	}
	return out
}

func checkSMSMessage(r *Row, in Input) []Finding {
	m, ok := in.Message.(*tnz.SMSMessage)
	if !ok || in.Unknown.Is(Root("message")) || in.Unknown.Is(Root("template_id")) || !blank(m.Message) || !blank(m.TemplateID) {
		return nil
	}
	return []Finding{r.finding(0)}
}

// blank is how TNZ reads "empty or missing": nothing but white space.
func blank(s string) bool { return strings.TrimSpace(s) == "" }

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
