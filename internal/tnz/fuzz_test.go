package tnz

import (
	"testing"
)

func FuzzDecodeStatus(f *testing.F) {
	for _, seed := range []string{
		specStatus,
		`{"Count":"3","Price":null,"Recipients":null}`,
		`{"Recipients":[{"SMSReplies":[{"From":12}]}]}`,
		`{"Count":1e400}`,
		`[]`, `null`, ``, `{"Recipients":{}}`,
	} {
		f.Add([]byte(seed))
	}
	f.Add([]byte(`{"Result":"Failed","ErrorMessage":"x","Status":"Pending"}`))
	dialects := []dialect{
		newV300(Config{}),
		newV2(Config{APIVersion: V204, AuthToken: "tok"}),
		newV2(Config{APIVersion: V202, Sender: "s@example.com", APIKey: "k"}),
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, d := range dialects {
			st, _, err := d.decodeStatus(200, body)
			if err == nil && st == nil {
				t.Fatal("nil status without an error")
			}
			if err != nil && st != nil {
				t.Fatal("status with an error")
			}
		}
	})
}

func FuzzErrorBody(f *testing.F) {
	for _, seed := range []string{
		`{"Result":"Failed","ErrorMessage":["Missing or empty message"]}`,
		`{"Result":"Unauthorized","ErrorMessage":"Access denied"}`,
		`{"ErrorMessage":[null,1,{"a":[]}]}`,
		`{"Result":7,"MessageID":{}}`,
		`<html>`, ``,
	} {
		f.Add(500, []byte(seed))
	}
	d := newV300(Config{})
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		e := newAPIError(status, body)
		if e.Body != string(body) || e.StatusCode != status {
			t.Fatal("APIError lost the raw response")
		}
		_ = e.Error()
		_, _ = IsNotFound(e), IsUnauthorized(e)

		res, err := d.decodeSend(200, body, "SENT")
		if err == nil && res.MessageID == "" {
			t.Fatal("accepted send without a MessageID")
		}
	})
}
