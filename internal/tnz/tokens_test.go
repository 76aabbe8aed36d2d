package tnz

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCheckTokens(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []TokenProblem
	}{
		{"valid personal and special tokens", "Kia ora [[FirstName]] [[lastname]] of [[Company]], [[Custom9]] [[Attention]] " +
			"[[Link:https://example.com/a?b=c]] [[REPLY]] [[Reply]] [[STOP]] [[File1]] [[File12]] [[CustomPage]] [[PageNumber]]", nil},
		{"no tokens", "Hello [] [ ] []] [[ nothing", nil},
		{"typo", "Hi [[FristName]]!", []TokenProblem{{UnknownToken, "[[FristName]]", 3, 1, 4, "[[FirstName]]"}}},
		{"no Custom10", "[[Custom10]]", []TokenProblem{{UnknownToken, "[[Custom10]]", 0, 1, 1, "[[Custom1]]"}}},
		{"attribute name as token", "[[first_name]]", []TokenProblem{{UnknownToken, "[[first_name]]", 0, 1, 1, "[[FirstName]]"}}},
		{"spaced", "[[ First Name ]]", []TokenProblem{{UnknownToken, "[[ First Name ]]", 0, 1, 1, "[[FirstName]]"}}},
		{"nothing close", "a\nb [[Hello]]", []TokenProblem{{UnknownToken, "[[Hello]]", 4, 2, 3, ""}}},
		{"empty", "[[]]", []TokenProblem{{UnknownToken, "[[]]", 0, 1, 1, ""}}},
		{"misspelt special", "[[REPLLY]] [[Stopp]]", []TokenProblem{
			{UnknownToken, "[[REPLLY]]", 0, 1, 1, "[[REPLY]]"}, {UnknownToken, "[[Stopp]]", 11, 1, 12, "[[STOP]]"}}},
		{"file zero and misspelt file", "[[File0]] [[Flie2]] [[Files03]]", []TokenProblem{
			{UnknownToken, "[[File0]]", 0, 1, 1, "[[File1]]"}, {UnknownToken, "[[Flie2]]", 10, 1, 11, "[[File2]]"},
			{UnknownToken, "[[Files03]]", 20, 1, 21, "[[File3]]"}}},
		{"misspelt link", "[[Lnk:https://x.nz]] [[Link:]] [[Link]]", []TokenProblem{
			{UnknownToken, "[[Lnk:https://x.nz]]", 0, 1, 1, "[[Link:https://x.nz]]"},
			{UnknownToken, "[[Link:]]", 21, 1, 22, ""},
			{UnknownToken, "[[Link]]", 31, 1, 32, "[[Link:https://…]]"}}},
		{"single brackets", "Dear [FirstName], ref [custom1] [First Name] [Name]", []TokenProblem{
			{LookAlikeToken, "[FirstName]", 5, 1, 6, "[[FirstName]]"},
			{LookAlikeToken, "[custom1]", 22, 1, 23, "[[Custom1]]"},
			{LookAlikeToken, "[First Name]", 32, 1, 33, "[[FirstName]]"}}},
		{"unbalanced", "[[FirstName] and [Company]]", []TokenProblem{
			{LookAlikeToken, "[[FirstName]", 0, 1, 1, "[[FirstName]]"},
			{LookAlikeToken, "[Company]]", 17, 1, 18, "[[Company]]"}}},
		{"extra brackets around a token are text", "[[[FirstName]]] [[[FristName]]]", []TokenProblem{
			{UnknownToken, "[[FristName]]", 17, 1, 18, "[[FirstName]]"}}},
		{"position counts characters", "Kia ora ā\n  ā [[Custom0]]", []TokenProblem{{UnknownToken, "[[Custom0]]", 16, 2, 5, "[[Custom1]]"}}},
		{"line break ends a token", "[[First\nName]]", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := CheckTokens(tc.text)
			if len(got) != len(tc.want) {
				t.Fatalf("CheckTokens(%q) = %+v, want %+v", tc.text, got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("problem %d = %+v, want %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func TestValidTokensPassCheckTokens(t *testing.T) {
	valid := ValidTokens()
	if len(valid) != 19 || valid[0] != "[[FirstName]]" || valid[12] != "[[Custom9]]" {
		t.Errorf("ValidTokens() = %q", valid)
	}
	text := strings.ReplaceAll(strings.Join(valid, " "), "…", "example.com")
	if p := CheckTokens(text); len(p) != 0 {
		t.Errorf("CheckTokens flags valid tokens: %+v", p)
	}
}

func FuzzCheckTokens(f *testing.F) {
	for _, s := range []string{"Hi [[FristName]] [Custom1]", "[[[x]]]", "[[Link:https://x]] [[File3]]", "ā\n[[x]]", "[[First Name]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		last := -1
		for _, p := range CheckTokens(text) {
			if p.Offset <= last || p.Offset+len(p.Text) > len(text) || text[p.Offset:p.Offset+len(p.Text)] != p.Text {
				t.Fatalf("problem %+v is not where it says in %q (previous at %d)", p, text, last)
			}
			last = p.Offset
			line, column := position(text, p.Offset)
			if p.Line != line || p.Column != column || line < 1 || column < 1 {
				t.Fatalf("problem %+v: position %d:%d", p, line, column)
			}
			if p.Kind != UnknownToken && p.Kind != LookAlikeToken {
				t.Fatalf("problem %+v has no kind", p)
			}
			if p.Suggestion != "" && (len(CheckTokens(p.Suggestion)) != 0 || !strings.HasPrefix(p.Suggestion, "[[")) {
				t.Fatalf("suggestion %q for %q is not a valid token", p.Suggestion, p.Text)
			}
			if !utf8.ValidString(text) {
				continue
			}
			if strings.ContainsAny(p.Text, "\r\n") {
				t.Fatalf("problem %q spans a line break", p.Text)
			}
		}
	})
}
