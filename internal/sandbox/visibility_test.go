package sandbox

import (
	"net/http"
	"reflect"
	"testing"
	"time"
)

// TestVisibilityDelay: right after a send, status reads (v3 and v2, both
// forms), replies and actions answer the documented 404 for an id that is
// "incorrect or still processing"; once the delay has passed on the
// Clock, they find the message.
func TestVisibilityDelay(t *testing.T) {
	const delay = 2 * time.Second
	f := newFixture(t, Options{VisibilityDelay: delay, CompletionDelay: time.Hour})
	f.mustSend(t, smsWithID("V1"))
	const (
		v3NotFound = `{"Result":"RecordNotFound","MessageID":"V1","ErrorMessage":["Unable to find entry."]}`
		v2NotFound = `{"Result":"Failed","MessageID":"V1","ErrorMessage":["Message(s) NOT found"]}`
	)
	hidden := func(when string) {
		t.Helper()
		if code, _, b := f.do(t, http.MethodGet, "/api/v3.00/sms/V1", "", nil); code != http.StatusNotFound || b != v3NotFound {
			t.Errorf("%s: v3 status %d %s", when, code, b)
		}
		for _, action := range []string{"abort", "reschedule"} {
			if code, b := f.act(t, "sms", "V1", action, `{"SendTime":"2099-01-01 00:00"}`); code != http.StatusNotFound || b != v3NotFound {
				t.Errorf("%s: v3 %s %d %s", when, action, code, b)
			}
		}
		for _, fm := range []v2Form{tokenForm, legacyForm} {
			for _, path := range []string{"status", "sms/reply"} {
				if code, b := f.statusV2(t, fm, path, "V1"); code != http.StatusNotFound || b != v2NotFound {
					t.Errorf("%s: v2 %s (%s) %d %s", when, path, fm.name, code, b)
				}
			}
		}
		if code, b := f.v2(t, http.MethodPatch, "/api/v2.04/set/abort/V1", "", tokenHdr); code != http.StatusNotFound || b != v2NotFound {
			t.Errorf("%s: v2 abort %d %s", when, code, b)
		}
	}
	hidden("at once")
	// Inspection shows what was stored, visible or not.
	if got := f.inspection(t); len(got) != 1 || got[0].MessageID != "V1" || len(got[0].Actions) != 0 {
		t.Errorf("inspection %+v", got)
	}
	f.clock.Advance(delay - time.Nanosecond)
	hidden("just before the delay")

	f.clock.Advance(time.Nanosecond)
	first := f.status(t, "V1")
	if code, b := f.statusV2(t, tokenForm, "status", "V1"); code != http.StatusOK {
		t.Errorf("v2 status once visible: %d %s", code, b)
	}
	// A second send with the same id stays hidden behind the first.
	f.mustSend(t, smsWithID("V1"))
	if st := f.status(t, "V1"); st.JobNum != first.JobNum {
		t.Errorf("status shows job %s before the new one is visible, want %s", st.JobNum, first.JobNum)
	}
	f.clock.Advance(delay)
	if st := f.status(t, "V1"); st.JobNum == first.JobNum {
		t.Errorf("status still shows job %s once the new one is visible", st.JobNum)
	}
	if r := f.mustAct(t, "sms", "V1", "abort", ""); r.JobNum == first.JobNum {
		t.Errorf("abort acted on the older job %s", r.JobNum)
	}
}

// TestVisibleAtOnceByDefault: without a VisibilityDelay (or with a
// negative one) a message is found as soon as it is stored.
func TestVisibleAtOnceByDefault(t *testing.T) {
	for _, d := range []time.Duration{0, -time.Second} {
		f := newFixture(t, Options{VisibilityDelay: d})
		f.mustSend(t, smsWithID("now"))
		if st := f.status(t, "now"); st.MessageID != "now" {
			t.Errorf("VisibilityDelay %v: status %+v", d, st)
		}
	}
}

func TestReceivedCounts(t *testing.T) {
	f := newFixture(t, Options{VisibilityDelay: time.Hour})
	for _, id := range []string{"a", "b", "a"} {
		f.mustSend(t, smsWithID(id))
	}
	f.mustSendV2(t, tokenForm, "email", `{"MessageID":"a","EmailSubject":"s","MessagePlain":"hi","Destinations":[{"Recipient":"x@example.com"}]}`)
	f.send(t, `{}`) // rejected: not received
	want := map[string]int{"a": 3, "b": 1}
	if got := f.srv.ReceivedCounts(); !reflect.DeepEqual(got, want) {
		t.Errorf("ReceivedCounts = %v, want %v", got, want)
	}
	_, _, raw := f.do(t, http.MethodGet, "/sandbox/messages", "", nil)
	var got struct {
		Messages       []inspected
		ReceivedCounts map[string]int
	}
	decode(t, raw, &got)
	if len(got.Messages) != 4 || !reflect.DeepEqual(got.ReceivedCounts, want) {
		t.Errorf("inspection: %s", raw)
	}
}
