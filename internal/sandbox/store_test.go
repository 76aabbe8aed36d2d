package sandbox

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestLifecycle(t *testing.T) {
	f := newFixture(t, Options{})
	id := f.mustSend(t, `{"Message":"Hello [[FirstName]]","Destinations":[{"ToNumber":"+6421000001","FirstName":"Ana"}]}`)

	st := f.status(t, id)
	r := st.Recipients[0]
	if st.JobStatus != "Pending" || r.Status != "Pending" || r.Result != "" ||
		st.Complete != 0 || st.Success != 0 || st.Failed != 0 || st.Price != nil ||
		r.MessageText != "" || r.SentTimeUTC != "" || r.Price != nil {
		t.Fatalf("fresh message is not Pending: %+v", st)
	}

	f.clock.Advance(DefaultCompletionDelay - time.Millisecond)
	if st := f.status(t, id); st.JobStatus != "Pending" {
		t.Fatalf("completed early: %s", st.JobStatus)
	}

	f.clock.Advance(time.Millisecond)
	st = f.status(t, id)
	r = st.Recipients[0]
	if st.JobStatus != "Completed" || st.Complete != 1 || st.Success != 1 || st.Failed != 0 {
		t.Fatalf("not completed: %+v", st)
	}
	if r.Status != "Success" || r.Result != "Delivered" || r.MessageText != "Hello Ana" {
		t.Errorf("recipient = %+v", r)
	}
	if st.Price == nil || *st.Price != "0.10" || r.Price == nil || *r.Price != "0.10" {
		t.Errorf("price = %v / %v, want 0.10", st.Price, r.Price)
	}
	done := t0.Add(DefaultCompletionDelay)
	if r.SentTimeUTC != done.Format(plainLayout) || r.SentRFC3339 != "2026-03-01T09:30:02.000Z" {
		t.Errorf("sent times %q %q", r.SentTimeUTC, r.SentRFC3339)
	}
}

func TestCompletionDelayOption(t *testing.T) {
	tests := []struct {
		delay time.Duration
		after time.Duration // when the message first reads Completed
	}{
		{-1, 0},
		{-time.Hour, 0},
		{10 * time.Second, 10 * time.Second},
		{0, DefaultCompletionDelay},
	}
	for _, tt := range tests {
		f := newFixture(t, Options{CompletionDelay: tt.delay})
		id := f.mustSend(t, okSMS)
		if tt.after > 0 {
			f.clock.Advance(tt.after - time.Nanosecond)
			if got := f.status(t, id).JobStatus; got != "Pending" {
				t.Errorf("delay %v: %s just before %v", tt.delay, got, tt.after)
			}
			f.clock.Advance(time.Nanosecond)
		}
		if got := f.status(t, id).JobStatus; got != "Completed" {
			t.Errorf("delay %v: %s at %v", tt.delay, got, tt.after)
		}
	}
}

func TestTestMode(t *testing.T) {
	for _, mode := range []string{"Test", "test"} {
		f := newFixture(t, Options{})
		id := f.mustSend(t, `{"Message":"hi","Mode":"`+mode+`","Destinations":[{"ToNumber":"+6421000099"},{"ToNumber":"+6421000001"}],"SendTime":"2099-01-01T00:00"}`)
		st := f.status(t, id)
		if st.JobStatus != "Completed" || st.Success != 2 || st.Failed != 0 || st.Price != nil {
			t.Errorf("Mode %q: %+v", mode, st)
		}
		for _, r := range st.Recipients {
			if r.Status != "Success" || r.Result != testResult || r.Price != nil {
				t.Errorf("Mode %q recipient %+v", mode, r)
			}
		}
	}
	f := newFixture(t, Options{})
	if st := f.status(t, f.mustSend(t, `{"Message":"hi","Mode":"Live","Destination":"+6421000001"}`)); st.JobStatus != "Pending" {
		t.Errorf("Mode Live: %s, want Pending", st.JobStatus)
	}
}

func TestOutcomes(t *testing.T) {
	f := newFixture(t, Options{})
	id := f.mustSend(t, `{"Message":"Hi [[FirstName]] [[Custom9]]","Destinations":[
		{"ToNumber":"021 000 001","FirstName":"Ana","Attention":"Ana A","Company":"ACME","Custom1":"c1","Custom9":"c9"},
		{"ToNumber":"+64 21 000 099"},
		{"ContactID":"6000000b-f002-4007-b00a-c00000000001"},
		{"GroupID":"4000000b-f002-4007-b00a-c00000000002"},
		{"Recipient":"0064 21 000 199","ContactID":"cid-2"}]}`)
	f.clock.Advance(DefaultCompletionDelay)
	st := f.status(t, id)
	if st.Count != 5 || st.Complete != 5 || st.Success != 3 || st.Failed != 2 {
		t.Errorf("counts %d/%d/%d/%d, want 5/5/3/2", st.Count, st.Complete, st.Success, st.Failed)
	}
	if st.Price == nil || *st.Price != "0.30" {
		t.Errorf("Price = %v, want 0.30", st.Price)
	}
	want := []struct{ seq, dest, contact, status, result, text string }{
		{"00000001", "+6421000001", "", "Success", "Delivered", "Hi Ana c9"},
		{"00000002", "+6421000099", "", "Failed", "Bad Number", ""},
		{"00000003", "", "6000000b-f002-4007-b00a-c00000000001", "Success", "Delivered", "Hi [[FirstName]] [[Custom9]]"},
		{"00000004", "", "", "Success", "Delivered", "Hi [[FirstName]] [[Custom9]]"},
		{"00000005", "+6421000199", "cid-2", "Failed", "Bad Number", ""},
	}
	for i, w := range want {
		r := st.Recipients[i]
		if r.Type != "SMS" || r.DestSeq != w.seq || r.Destination != w.dest || r.ContactID != w.contact ||
			r.Status != w.status || r.Result != w.result || r.MessageText != w.text || r.SentTimeUTC == "" {
			t.Errorf("recipient %d = %+v, want %+v", i+1, r, w)
		}
		if (w.status == "Success") != (r.Price != nil) {
			t.Errorf("recipient %d price %v", i+1, r.Price)
		}
	}
	r := st.Recipients[0]
	if r.Attention != "Ana A" || r.Company != "ACME" || r.Custom1 != "c1" || r.Custom9 != "c9" || r.Custom2 != "" {
		t.Errorf("echoed fields = %+v", r)
	}
}

func TestStatusFields(t *testing.T) {
	f := newFixture(t, Options{})
	id := f.mustSend(t, `{"Message":"hi","Destination":"+6421000001","Reference":"ref-1","SubAccount":"Unit One","Department":"Alpha"}`)
	code, _, raw := f.do(t, http.MethodGet, "/api/v3.00/sms/"+id+"?recordsPerPage=1&page=1", "", nil)
	if code != http.StatusOK {
		t.Fatalf("status: %d %s", code, raw)
	}
	var st statusResponse
	decode(t, raw, &st)
	if st.MessageID != id || st.Account != "101202" || st.Reference != "ref-1" || st.SubAccount != "Unit One" || st.Department != "Alpha" {
		t.Errorf("header fields: %+v", st)
	}
	if !regexp.MustCompile(`^[A-Za-z0-9]{8}$`).MatchString(st.JobNum) {
		t.Errorf("JobNum %q is not 8 alphanumerics", st.JobNum)
	}
	if st.TotalRecords != 1 || st.RecordsPerPage != 1 || st.PageCount != 1 || st.Page != 1 {
		t.Errorf("pagination %d/%d/%d/%d", st.TotalRecords, st.RecordsPerPage, st.PageCount, st.Page)
	}
	if st.Timezone != "New Zealand" || st.CreatedTimeUTC != "2026-03-01 09:30:00" || st.CreatedRFC3339 != "2026-03-01T09:30:00.000Z" {
		t.Errorf("created %q %q %q", st.Timezone, st.CreatedTimeUTC, st.CreatedRFC3339)
	}
	if want := t0.In(location("New Zealand")).Format(plainLayout); st.CreatedTimeLocal != want {
		t.Errorf("CreatedTimeLocal %q, want %q", st.CreatedTimeLocal, want)
	}
	for _, key := range []string{`"Price":null`, `"SMSReplies":[]`, `"CreatedTimeUTC_RFC3339":`, `"DestSeq":"00000001"`, `"Custom9":""`} {
		if !strings.Contains(raw, key) {
			t.Errorf("status body lacks %s: %s", key, raw)
		}
	}
	for _, key := range []string{`"MessageText"`, `"SentTimeUTC"`, `"DelayedTimeUTC"`, `"Result":"Unauthorized"`} {
		if strings.Contains(raw, key) {
			t.Errorf("pending status body has %s: %s", key, raw)
		}
	}
}

func TestTimezone(t *testing.T) {
	tests := []struct{ tz, wantLocal string }{
		{"UTC", "2026-03-01 09:30:00"},
		{"New Zealand", t0.In(location("Pacific/Auckland")).Format(plainLayout)},
		{"W. Australia", t0.In(location("Australia/Perth")).Format(plainLayout)},
		{"Pacific/Auckland", t0.In(location("Pacific/Auckland")).Format(plainLayout)},
		{"Not a zone", "2026-03-01 09:30:00"},
		{"Local", "2026-03-01 09:30:00"},
	}
	for _, tt := range tests {
		f := newFixture(t, Options{})
		st := f.status(t, f.mustSend(t, `{"Message":"hi","Destination":"+6421000001","Timezone":"`+tt.tz+`"}`))
		if st.Timezone != tt.tz || st.CreatedTimeLocal != tt.wantLocal {
			t.Errorf("Timezone %q: %q %q, want %q", tt.tz, st.Timezone, st.CreatedTimeLocal, tt.wantLocal)
		}
	}
}

func TestDelayedSendTime(t *testing.T) {
	f := newFixture(t, Options{})
	id := f.mustSend(t, `{"Message":"hi","Destination":"+6421000001","Timezone":"UTC","SendTime":"2026-03-01T10:00"}`)
	st := f.status(t, id)
	if st.JobStatus != "Delayed" || st.DelayedTimeUTC != "2026-03-01 10:00:00" || st.Recipients[0].Status != "Pending" {
		t.Fatalf("future SendTime: %+v", st)
	}
	f.clock.Advance(30 * time.Minute)
	if got := f.status(t, id).JobStatus; got != "Pending" {
		t.Errorf("at SendTime: %s, want Pending", got)
	}
	f.clock.Advance(DefaultCompletionDelay)
	st = f.status(t, id)
	if st.JobStatus != "Completed" || st.Recipients[0].SentTimeUTC != "2026-03-01 10:00:02" || st.DelayedTimeUTC == "" {
		t.Errorf("after SendTime + delay: %+v", st)
	}

	// Past and unreadable SendTimes send now.
	for _, sendTime := range []string{"2025-08-01T09:00:00", "tomorrow", "2026-03-01T09:00:00Z"} {
		id := f.mustSend(t, `{"Message":"hi","Destination":"+6421000001","SendTime":"`+sendTime+`"}`)
		if st := f.status(t, id); st.JobStatus != "Pending" || st.DelayedTimeUTC != "" {
			t.Errorf("SendTime %q: %s %q", sendTime, st.JobStatus, st.DelayedTimeUTC)
		}
	}
}

func TestReusedMessageID(t *testing.T) {
	f := newFixture(t, Options{})
	f.mustSend(t, `{"Message":"first","Destination":"+6421000001","MessageID":"same"}`)
	f.clock.Advance(time.Minute)
	f.mustSend(t, `{"Message":"second","Destinations":[{"ToNumber":"+6421000002"},{"ToNumber":"+6421000003"}],"MessageID":"same"}`)
	st := f.status(t, "same")
	if st.Count != 2 || st.JobStatus != "Pending" {
		t.Errorf("status of a reused id shows %d recipients, %s; want the latest (2, Pending)", st.Count, st.JobStatus)
	}
	if n := len(f.srv.Received()); n != 2 {
		t.Errorf("Received has %d sends, want both", n)
	}
}

func TestStatusNotFound(t *testing.T) {
	f := newFixture(t, Options{})
	f.mustSend(t, `{"Message":"hi","Destination":"+6421000001","MessageID":"known"}`)
	for _, id := range []string{"unknown", "KNOWN", "1000000a-f002-4007-b00a-d00000000002"} {
		code, h, b := f.do(t, http.MethodGet, "/api/v3.00/sms/"+id, "", nil)
		want := `{"Result":"RecordNotFound","MessageID":"` + id + `","ErrorMessage":["Unable to find entry."]}`
		if code != http.StatusNotFound || b != want || h.Get("Content-Type") != "application/json; charset=utf-8" {
			t.Errorf("GET %s: %d %s, want 404 %s", id, code, b, want)
		}
	}
}
