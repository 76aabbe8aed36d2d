package tnz

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// TNZ fills [[Token]]s it defines and sends any other text as written, so a
// misspelt token ([[FristName]]), one TNZ does not have ([[Custom10]]) or a
// single-bracket look-alike ([Custom1]) reaches every recipient verbatim.
// CheckTokens finds them before a send.

// specialTokens are the tokens TNZ fills itself, not from a destination
// (TNZ's OpenAPI file and SDK documentation): [[Link:<url>]] (a tracked
// short link), [[REPLY]] (reply link), [[STOP]] (opt-out link),
// [[CustomPage]] (the SMSCustomPageID page), [[File1]], [[File2]] … (links
// to the attachments) and, in faxes, [[PageNumber]]. TNZ documents them for
// particular channels only; they are accepted everywhere, because a warning
// about a token TNZ may well fill is worse than none.
var specialTokens = []string{"REPLY", "STOP", "CustomPage", "PageNumber"}

// ValidTokens lists the tokens TNZ defines, as written in a message: the
// personalisation tokens, then TNZ's own. Names are read in any case.
func ValidTokens() []string {
	var out []string
	for _, p := range personalTokens {
		out = append(out, "[["+p.token+"]]")
	}
	for _, s := range specialTokens {
		out = append(out, "[["+s+"]]")
	}
	return append(out, "[[File1]]", "[[Link:https://…]]")
}

// TokenProblemKind says what is wrong with a token.
type TokenProblemKind int

const (
	// UnknownToken is a [[…]] that TNZ does not define.
	UnknownToken TokenProblemKind = iota + 1
	// LookAlikeToken is a personalisation token's name in single or
	// unbalanced brackets ([Custom1], [[FirstName], [FirstName]]), which
	// TNZ sends as written.
	LookAlikeToken
)

// TokenProblem is one token CheckTokens found.
type TokenProblem struct {
	Kind TokenProblemKind
	// Text is the token as written, e.g. "[[FristName]]".
	Text string
	// Offset is Text's byte offset in the message; Line and Column are
	// 1-based, Column counting characters.
	Offset, Line, Column int
	// Suggestion is the valid token closest to Text, as it should be
	// written ("[[FirstName]]"), or "" when none is close.
	Suggestion string
}

// bracketed is a run of [ , text without brackets or line breaks, and a run
// of ]. The runs' lengths tell tokens ([[x]]) from look-alikes ([x]).
var bracketed = regexp.MustCompile(`(\[+)([^\[\]\r\n]*)(\]+)`)

// fileToken is TNZ's attachment link token name.
var fileToken = regexp.MustCompile(`^(?i)file[1-9][0-9]*$`)

// CheckTokens returns the tokens in text that TNZ does not define and the
// look-alikes of its personalisation tokens, in the order they appear.
func CheckTokens(text string) []TokenProblem {
	var out []TokenProblem
	for _, m := range bracketed.FindAllStringSubmatchIndex(text, -1) {
		open, inner, closing := m[3]-m[2], text[m[4]:m[5]], m[7]-m[6]
		var p TokenProblem
		switch {
		case open >= 2 && closing >= 2:
			// [[x]] (inside any further brackets, which stay text).
			if validToken(inner) {
				continue
			}
			p = TokenProblem{Kind: UnknownToken, Text: "[[" + inner + "]]", Offset: m[4] - 2, Suggestion: suggestToken(inner)}
		default:
			name := personalName(inner)
			if name == "" {
				continue
			}
			p = TokenProblem{Kind: LookAlikeToken, Text: text[m[0]:m[1]], Offset: m[0], Suggestion: "[[" + name + "]]"}
		}
		p.Line, p.Column = position(text, p.Offset)
		out = append(out, p)
	}
	return out
}

// validToken reports whether TNZ fills [[inner]].
func validToken(inner string) bool {
	if _, ok := personalFields[strings.ToLower(inner)]; ok && !strings.Contains(inner, "_") {
		return true
	}
	for _, s := range specialTokens {
		if strings.EqualFold(inner, s) {
			return true
		}
	}
	name, url, isLink := strings.Cut(inner, ":")
	return fileToken.MatchString(inner) || isLink && strings.EqualFold(name, "Link") && strings.TrimSpace(url) != ""
}

// suggestToken is the valid token closest to [[inner]], or "".
func suggestToken(inner string) string {
	if name, url, ok := strings.Cut(inner, ":"); ok {
		if strings.TrimSpace(url) != "" && editDistance([]rune(strings.ToLower(strings.TrimSpace(name))), []rune("link")) <= 1 {
			return "[[Link:" + strings.TrimSpace(url) + "]]"
		}
		return ""
	}
	word := compact(inner)
	if strings.EqualFold(word, "Link") {
		return "[[Link:https://…]]"
	}
	// [[File<n>]]: the attachment's number is kept, or 1 if it is not one.
	if base := strings.TrimRight(word, "0123456789"); base != word && editDistance([]rune(strings.ToLower(base)), []rune("file")) <= 1 {
		if n := strings.TrimLeft(word[len(base):], "0"); n != "" {
			return "[[File" + n + "]]"
		}
		return "[[File1]]"
	}
	candidates := append(personalTokenNames(), specialTokens...)
	return bracket(firstOf(nearest(word, candidates, 1, maxNameEdits(word))))
}

// personalName is the personalisation token that the text between single
// or unbalanced brackets names - exactly, in any case, or with spaces or
// underscores ("First Name", "first_name") - or "".
func personalName(inner string) string {
	word := strings.ToLower(compact(inner))
	for _, p := range personalTokens {
		if word == strings.ToLower(p.token) {
			return p.token
		}
	}
	return ""
}

func personalTokenNames() []string {
	out := make([]string, len(personalTokens))
	for i, p := range personalTokens {
		out[i] = p.token
	}
	return out
}

// compact drops spaces and underscores: "First Name" and "first_name" are
// both FirstName.
func compact(s string) string {
	return strings.NewReplacer(" ", "", "_", "", "\t", "").Replace(s)
}

func bracket(name string) string {
	if name == "" {
		return ""
	}
	return "[[" + name + "]]"
}

// position is the 1-based line and character column of byte offset in text.
func position(text string, offset int) (line, column int) {
	before := text[:offset]
	line = 1 + strings.Count(before, "\n")
	return line, 1 + utf8.RuneCountInString(before[strings.LastIndex(before, "\n")+1:])
}
