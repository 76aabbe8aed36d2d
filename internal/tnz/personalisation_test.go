package tnz

import (
	"errors"
	"strings"
	"testing"
)

func TestRender(t *testing.T) {
	cases := []struct {
		message string
		fields  map[string]string
		want    string
	}{
		{"Kia ora [[FirstName]] [[LastName]]", map[string]string{"first_name": "Aroha", "last_name": "Smith"}, "Kia ora Aroha Smith"},
		{"Hi [[firstname]]", map[string]string{"FirstName": "Aroha"}, "Hi Aroha"},
		{"[[Custom1]]/[[Custom9]]", map[string]string{"custom1": "a", "CUSTOM9": "z"}, "a/z"},
		{"Hi [[FirstName]]!", nil, "Hi !"},
		{"See [[Link:https://example.com]] or reply [[REPLY]] [[File1]]", map[string]string{"first_name": "x"}, "See [[Link:https://example.com]] or reply [[REPLY]] [[File1]]"},
		{"[[Attention]] at [[Company]]", map[string]string{"attention": "Ops", "company": "Acme"}, "Ops at Acme"},
		{"[[FirstName]", map[string]string{"first_name": "x"}, "[[FirstName]"},
		{"[[first_name]] stays", map[string]string{"first_name": "x"}, "[[first_name]] stays"},
	}
	for _, c := range cases {
		if err := CheckFields(c.fields); err != nil {
			t.Errorf("CheckFields(%v): %v", c.fields, err)
		}
		if got := Render(c.message, c.fields); got != c.want {
			t.Errorf("Render(%q, %v) = %q, want %q", c.message, c.fields, got, c.want)
		}
	}
}

// A key that names no field is refused, listing the fields and suggesting
// the closest; so is one field given twice.
func TestRenderCheckFields(t *testing.T) {
	for _, tc := range []struct {
		fields     map[string]string
		key, near  string
		errorParts []string
	}{
		{map[string]string{"frist_name": "Aroha"}, "frist_name", "first_name", []string{`"frist_name" is not a destination field`, `did you mean "first_name"`, "first_name, last_name, attention, company, custom1"}},
		{map[string]string{"custom10": "x"}, "custom10", "custom1", nil},
		{map[string]string{"lastname_": "x"}, "lastname_", "last_name", nil},
		{map[string]string{"phone": "x"}, "phone", "", []string{"FirstName"}},
		{map[string]string{"": "x"}, "", "", nil},
	} {
		err := CheckFields(tc.fields)
		var unknown *UnknownFieldError
		if !errors.As(err, &unknown) || unknown.Key != tc.key || unknown.Suggestion != tc.near {
			t.Errorf("Render(%v): err = %v, want unknown %q suggesting %q", tc.fields, err, tc.key, tc.near)
			continue
		}
		for _, part := range tc.errorParts {
			if !strings.Contains(err.Error(), part) {
				t.Errorf("Render(%v): %q lacks %q", tc.fields, err, part)
			}
		}
		if tc.near == "" && strings.Contains(err.Error(), "did you mean") {
			t.Errorf("Render(%v): %q suggests although nothing is close", tc.fields, err)
		}
	}
	err := CheckFields(map[string]string{"first_name": "a", "FirstName": "b"})
	if err == nil || err.Error() != `"FirstName" and "first_name" both set first_name: give it once` {
		t.Errorf("the same field twice: %v", err)
	}
}

func FuzzRender(f *testing.F) {
	f.Add("Hi [[FirstName]] [[Link:x]]", "first_name", "Aroha")
	f.Add("Hi", "frist_name", "Aroha")
	f.Fuzz(func(t *testing.T, message, key, value string) {
		fields := map[string]string{key: value}
		err := CheckFields(fields)
		if _, known := personalFields[strings.ToLower(strings.TrimSpace(key))]; known != (err == nil) {
			t.Fatalf("CheckFields with key %q: err = %v", key, err)
		}
		if out := Render(message, fields); !mergeToken.MatchString(message) && out != message {
			t.Fatalf("Render changed a message without tokens: %q -> %q", message, out)
		}
	})
}
