package sandbox

import (
	"encoding/json"
	"net/http"
	"testing"
)

// The request fields TNZ's OpenAPI file or SDKs send beyond the content
// and destinations - NotificationType, SMSCustomPageID, FallbackMode (also
// in the SDKs' list form), StampFormat, EndCallMessage, BillingAccount -
// are accepted and kept as sent, on v3.00 and, where the v2 DTOs have
// them, on v2.0x.
func TestSendFieldsFromSDKs(t *testing.T) {
	extra := map[string][]string{
		"sms":   {`"NotificationType":"Webhook"`, `"SMSCustomPageID":"987e6543-e21b-12d3-a456-426614174999"`, `"FallbackMode":"RCS, WAPP, Voice"`},
		"email": {`"NotificationType":"Email"`},
		"fax":   {`"NotificationType":"None"`, `"StampFormat":"Stamp01"`},
		"tts":   {`"EndCallMessage":"Goodbye."`, `"BillingAccount":"BA-7"`},
		"voice": {`"EndCallMessage":"UklGRg=="`, `"BillingAccount":"BA-7"`},
	}
	for _, ch := range allChannels {
		t.Run(ch, func(t *testing.T) {
			f := newFixture(t, Options{})
			f.sendFor(t, ch, extra[ch]...)
			got := f.inspection(t)
			if len(got) != 1 {
				t.Fatalf("inspection lists %d messages, want 1", len(got))
			}
			checkKept(t, got[0].Body, extra[ch])
		})
	}
	v2Extra := map[string]string{"fax": `"StampFormat":"Stamp01"`, "tts": `"BillingAccount":"BA-7"`, "voice": `"BillingAccount":"BA-7"`}
	for ch, field := range v2Extra {
		t.Run("v2.04 "+ch, func(t *testing.T) {
			f := newFixture(t, Options{})
			md := v2Bodies[ch]
			f.mustSendV2(t, v2Forms[0], ch, md[:len(md)-1]+","+field+"}")
			got := f.inspection(t)
			if len(got) != 1 {
				t.Fatalf("inspection lists %d messages, want 1", len(got))
			}
			var wrapped struct{ MessageData json.RawMessage }
			if err := json.Unmarshal(got[0].Body, &wrapped); err != nil {
				t.Fatal(err)
			}
			checkKept(t, wrapped.MessageData, []string{field})
		})
	}
}

// checkKept asserts that the JSON object body holds each "Key":value member.
func checkKept(t *testing.T, body json.RawMessage, members []string) {
	t.Helper()
	var have map[string]json.RawMessage
	if err := json.Unmarshal(body, &have); err != nil {
		t.Fatalf("body %s: %v", body, err)
	}
	for _, m := range members {
		var want map[string]json.RawMessage
		if err := json.Unmarshal([]byte("{"+m+"}"), &want); err != nil {
			t.Fatal(err)
		}
		for k, v := range want {
			if string(have[k]) != string(v) {
				t.Errorf("%s = %s, want %s (body %s)", k, have[k], v, body)
			}
		}
	}
}

// RemoteID is the number dialled: shown for Fax, TTS and Voice recipients
// once dialled; null while pending, for Address Book entries, and on SMS and
// Email.
func TestRemoteID(t *testing.T) {
	for _, ch := range allChannels {
		t.Run(ch, func(t *testing.T) {
			f := newFixture(t, Options{})
			id := f.sendFor(t, ch)
			pending, _ := f.statusOf(t, ch, id)
			for _, r := range pending.Recipients {
				if r.RemoteID != nil {
					t.Errorf("pending recipient %s has RemoteID %q", r.Destination, *r.RemoteID)
				}
			}
			f.clock.Advance(DefaultCompletionDelay)
			done, _ := f.statusOf(t, ch, id)
			dials := ch == "fax" || ch == "tts" || ch == "voice"
			for _, r := range done.Recipients {
				switch {
				case dials && (r.RemoteID == nil || *r.RemoteID != r.Destination):
					t.Errorf("recipient %s: RemoteID %v, want the number dialled", r.Destination, r.RemoteID)
				case !dials && r.RemoteID != nil:
					t.Errorf("%s recipient %s has RemoteID %q", ch, r.Destination, *r.RemoteID)
				}
			}
		})
	}
	t.Run("address book entry", func(t *testing.T) {
		f := newFixture(t, Options{})
		id := f.mustSendTo(t, "tts", `{"MessageToPeople":"hi","Destinations":[{"ContactID":"6000000b-f002-4007-b00a-c00000000001"}]}`)
		f.clock.Advance(DefaultCompletionDelay)
		st, _ := f.statusOf(t, "tts", id)
		if len(st.Recipients) != 1 || st.Recipients[0].Status != recipientSuccess || st.Recipients[0].RemoteID != nil {
			t.Errorf("Address Book recipient: %+v, want delivered with no RemoteID (the sandbox does not know the number)", st.Recipients)
		}
	})
}

// A status with RemoteID set conforms to TNZ's OpenAPI file (Recipients_Detail.RemoteID).
func TestRemoteIDConforms(t *testing.T) {
	for _, ch := range []string{"fax", "tts", "voice"} {
		t.Run(ch, func(t *testing.T) {
			c := newConformance(t)
			ex := c.call(t, http.MethodPost, "/"+ch, actionBodies[ch]+"}", nil)
			var r struct{ MessageID string }
			decode(t, string(ex.body), &r)
			c.clock.Advance(DefaultCompletionDelay)
			v := c.conform(t, c.call(t, http.MethodGet, "/"+ch+"/"+r.MessageID, "", nil), 200, "client.messaging."+ch+".status")
			first := v["Recipients"].([]any)[0].(map[string]any)
			if first["RemoteID"] != "+6495006000" {
				t.Errorf("RemoteID = %v, want +6495006000", first["RemoteID"])
			}
		})
	}
}
