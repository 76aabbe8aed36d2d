package sandbox

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestInspect(t *testing.T) {
	const token = "s3cret-token-value"
	f := newFixture(t, Options{Tokens: []string{token}})
	auth := map[string]string{"Authorization": "Bearer " + token}
	bodies := []string{
		"{\n  \"Message\": \"one\",\n  \"Destination\": \"+6421000001\",\n  \"MessageID\": \"m1\"\n}",
		`{"Message":"two","Destination":"+6421000002","MessageID":"m2","Mode":"Test"}`,
	}
	for _, b := range bodies {
		if code, _, resp := f.do(t, http.MethodPost, "/api/v3.00/sms", b, auth); code != http.StatusOK {
			t.Fatalf("send: %d %s", code, resp)
		}
	}
	f.do(t, http.MethodPost, "/api/v3.00/sms", `{"Message":"rejected"}`, auth)
	f.clock.Advance(time.Second)

	code, h, raw := f.do(t, http.MethodGet, "/sandbox/messages", "", map[string]string{"Authorization": ""})
	if code != http.StatusOK || h.Get("Content-Type") != "application/json; charset=utf-8" {
		t.Fatalf("inspect without auth: %d %s", code, raw)
	}
	if strings.Contains(raw, token) || strings.Contains(raw, "Authorization") || strings.Contains(raw, "Bearer") {
		t.Errorf("inspection shows credentials: %s", raw)
	}
	var got struct {
		Messages []struct {
			Channel, APIVersion, MessageID, ReceivedAt, JobStatus string
			Body                                                  json.RawMessage
		}
	}
	decode(t, raw, &got)
	if len(got.Messages) != 2 {
		t.Fatalf("listed %d messages, want the 2 accepted: %s", len(got.Messages), raw)
	}
	for i, m := range got.Messages {
		wantStatus := map[int]string{0: "Pending", 1: "Completed"}[i]
		if m.Channel != "sms" || m.APIVersion != "v3.00" || m.MessageID != []string{"m1", "m2"}[i] ||
			m.ReceivedAt != "2026-03-01T09:30:00Z" || m.JobStatus != wantStatus {
			t.Errorf("message %d = %+v", i, m)
		}
		var want bytes.Buffer
		_ = json.Compact(&want, []byte(bodies[i]))
		if !bytes.Equal(m.Body, want.Bytes()) {
			t.Errorf("message %d body = %s, want %s", i, m.Body, want.Bytes())
		}
	}

	f.clock.Advance(DefaultCompletionDelay)
	_, _, raw = f.do(t, http.MethodGet, "/sandbox/messages", "", nil)
	if strings.Contains(raw, "Pending") {
		t.Errorf("JobStatus did not follow the clock: %s", raw)
	}
}

func TestInspectEmpty(t *testing.T) {
	f := newFixture(t, Options{})
	if _, _, raw := f.do(t, http.MethodGet, "/sandbox/messages", "", nil); raw != `{"Messages":[],"ReceivedCounts":{}}` {
		t.Errorf("empty inspection = %s", raw)
	}
}

func TestReceived(t *testing.T) {
	f := newFixture(t, Options{})
	body := "{ \"Message\" : \"hi\", \"Destination\":\"+6421000001\" }\n"
	id := f.mustSend(t, body)
	f.clock.Advance(time.Minute)
	f.mustSend(t, okSMS)

	got := f.srv.Received()
	if len(got) != 2 {
		t.Fatalf("Received() has %d entries", len(got))
	}
	r := got[0]
	if r.Channel != "sms" || r.APIVersion != "v3.00" || r.MessageID != id || !r.ReceivedAt.Equal(t0) || string(r.Body) != body {
		t.Errorf("Received()[0] = %+v (body %q)", r, r.Body)
	}
	if !got[1].ReceivedAt.Equal(t0.Add(time.Minute)) {
		t.Errorf("second ReceivedAt = %v", got[1].ReceivedAt)
	}
	r.Body[0] = 'X' // the caller's copy, not the store's
	if again := f.srv.Received(); string(again[0].Body) != body {
		t.Errorf("Received() shares its bytes: %q", again[0].Body)
	}
}
