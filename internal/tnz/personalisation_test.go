package tnz

import "testing"

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
	}
	for _, c := range cases {
		if got := Render(c.message, c.fields); got != c.want {
			t.Errorf("Render(%q, %v) = %q, want %q", c.message, c.fields, got, c.want)
		}
	}
}

func FuzzRender(f *testing.F) {
	f.Add("Hi [[FirstName]] [[Link:x]]", "first_name", "Aroha")
	f.Fuzz(func(t *testing.T, message, key, value string) {
		out := Render(message, map[string]string{key: value})
		if !mergeToken.MatchString(message) && out != message {
			t.Fatalf("Render changed a message without tokens: %q -> %q", message, out)
		}
	})
}
