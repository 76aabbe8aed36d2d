package tnz

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
)

func TestReceivedQueryValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		q    ReceivedQuery
		want string // "" for valid
	}{
		{"one minute", ReceivedQuery{TimePeriod: 1}, ""},
		{"a day", ReceivedQuery{TimePeriod: 1440}, ""},
		{"range", ReceivedQuery{DateFrom: "2025-08-01 00:00:00", DateTo: "2025-08-01 12:00:00"}, ""},
		{"empty range", ReceivedQuery{DateFrom: "2025-08-01 00:00:00", DateTo: "2025-08-01 00:00:00"}, ""},
		{"nothing", ReceivedQuery{}, "set a time period (1 to 1440 minutes) or a date range"},
		{"zero is unset", ReceivedQuery{TimePeriod: 0}, "set a time period"},
		{"negative", ReceivedQuery{TimePeriod: -5}, "time period -5 is out of range: it must be between 1 and 1440 minutes"},
		{"too long", ReceivedQuery{TimePeriod: 1441}, "time period 1441 is out of range: it must be between 1 and 1440 minutes"},
		{"both", ReceivedQuery{TimePeriod: 10, DateFrom: "2025-08-01 00:00:00", DateTo: "2025-08-01 12:00:00"}, "not both"},
		{"period and from", ReceivedQuery{TimePeriod: 10, DateFrom: "2025-08-01 00:00:00"}, "not both"},
		{"from only", ReceivedQuery{DateFrom: "2025-08-01 00:00:00"}, "must be set together"},
		{"to only", ReceivedQuery{DateTo: "2025-08-01 00:00:00"}, "must be set together"},
		{"T separator", ReceivedQuery{DateFrom: "2025-08-01T00:00:00", DateTo: "2025-08-01 12:00:00"}, `date from "2025-08-01T00:00:00" must be in the format YYYY-MM-DD HH:MM:SS`},
		{"no seconds", ReceivedQuery{DateFrom: "2025-08-01 00:00:00", DateTo: "2025-08-01 12:00"}, `date to "2025-08-01 12:00" must be in the format YYYY-MM-DD HH:MM:SS`},
		{"not a date", ReceivedQuery{DateFrom: "2025-02-30 00:00:00", DateTo: "2025-03-01 00:00:00"}, "date from"},
		{"reversed", ReceivedQuery{DateFrom: "2025-08-02 00:00:00", DateTo: "2025-08-01 00:00:00"}, "is after date to"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.q.Validate()
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("valid query refused: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("err = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestReceivedSMSInvalidQueryMakesNoCall(t *testing.T) {
	srv := newCaptureServer(t, 200, `{"Messages":[]}`)
	c := newTestClient(t, srv.URL)
	for _, q := range []ReceivedQuery{{}, {TimePeriod: 1441}, {DateFrom: "2025-08-01 00:00:00"}} {
		if _, err := c.ReceivedSMS(context.Background(), q); err == nil {
			t.Errorf("%+v accepted", q)
		}
	}
	if n := len(srv.captured()); n != 0 {
		t.Errorf("%d requests made, want none", n)
	}
}

func TestReceivedSMSRequest(t *testing.T) {
	for _, tc := range []struct {
		name      string
		q         ReceivedQuery
		wantQuery string
		wantVals  url.Values
	}{
		{"time period", ReceivedQuery{TimePeriod: 15}, "timePeriod=15&recordsPerPage=100&page=1",
			url.Values{"timePeriod": {"15"}, "recordsPerPage": {"100"}, "page": {"1"}}},
		{"date range", ReceivedQuery{DateFrom: "2025-08-01 00:00:00", DateTo: "2025-08-07 23:59:59"},
			"dateFrom=2025-08-01%2000%3A00%3A00&dateTo=2025-08-07%2023%3A59%3A59&recordsPerPage=100&page=1",
			url.Values{"dateFrom": {"2025-08-01 00:00:00"}, "dateTo": {"2025-08-07 23:59:59"}, "recordsPerPage": {"100"}, "page": {"1"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newCaptureServer(t, 200, `{"TotalRecords":0,"RecordsPerPage":100,"PageCount":0,"Page":1,"Messages":[]}`)
			msgs, err := newTestClient(t, srv.URL, func(c *Config) { c.UserAgent = "tf-test/1.0" }).ReceivedSMS(context.Background(), tc.q)
			if err != nil || len(msgs) != 0 {
				t.Fatalf("got %v, %v; want no messages", msgs, err)
			}
			reqs := srv.captured()
			if len(reqs) != 1 {
				t.Fatalf("%d requests, want 1", len(reqs))
			}
			r := reqs[0]
			if r.Method != http.MethodGet || r.Path != "/api/v3.00/sms/received" || r.RawQuery != tc.wantQuery || len(r.Body) != 0 {
				t.Errorf("request = %s %s?%s (body %q), want GET /api/v3.00/sms/received?%s", r.Method, r.Path, r.RawQuery, r.Body, tc.wantQuery)
			}
			if got, _ := url.ParseQuery(r.RawQuery); got.Encode() != tc.wantVals.Encode() {
				t.Errorf("query decodes to %v, want %v", got, tc.wantVals)
			}
			for k, v := range map[string]string{
				"Authorization": "Bearer " + testToken, "Accept": "application/json", "User-Agent": "tf-test/1.0", "Content-Type": "",
			} {
				if got := r.Header.Get(k); got != v {
					t.Errorf("%s = %q, want %q", k, got, v)
				}
			}
		})
	}
}

func receivedPage(page, pageCount int, ids ...string) string {
	msgs := make([]string, len(ids))
	for i, id := range ids {
		msgs[i] = fmt.Sprintf(`{"ReceivedID":%q,"From":"+6421000001","MessageText":"reply %s"}`, id, id)
	}
	return fmt.Sprintf(`{"TotalRecords":5,"RecordsPerPage":2,"PageCount":%d,"Page":%d,"Messages":[%s]}`, pageCount, page, strings.Join(msgs, ","))
}

func receivedIDs(msgs []InboundSMS) []string {
	var out []string
	for _, m := range msgs {
		out = append(out, m.ReceivedID)
	}
	return out
}

func TestReceivedSMSFollowsPageCount(t *testing.T) {
	pages := map[int]string{1: receivedPage(1, 3, "R1", "R2"), 2: receivedPage(2, 3, "R3", "R4"), 3: receivedPage(3, 3, "R5")}
	srv := newPagedServer(t, func(w http.ResponseWriter, page int) {
		if body, ok := pages[page]; ok {
			writeJSON(w, 200, body)
			return
		}
		writeJSON(w, 400, `{"Result":"Failed","ErrorMessage":["no such page"]}`)
	})
	msgs, err := newTestClient(t, srv.URL).ReceivedSMS(context.Background(), ReceivedQuery{TimePeriod: 60})
	if err != nil {
		t.Fatal(err)
	}
	if got := receivedIDs(msgs); !slices.Equal(got, []string{"R1", "R2", "R3", "R4", "R5"}) {
		t.Errorf("messages = %v", got)
	}
	if got := srv.pages(t); !slices.Equal(got, []int{1, 2, 3}) {
		t.Errorf("pages asked for = %v, want [1 2 3]", got)
	}
	for _, q := range srv.all() {
		if q.Get("timePeriod") != "60" {
			t.Errorf("a page lost the time period: %v", q)
		}
	}
}

func TestReceivedSMSPagingBoundedAndStopsOnEmptyPage(t *testing.T) {
	t.Run("bounded", func(t *testing.T) {
		srv := newPagedServer(t, func(w http.ResponseWriter, page int) {
			writeJSON(w, 200, receivedPage(page, 99999, fmt.Sprint("R", page)))
		})
		c := newTestClient(t, srv.URL)
		c.maxPages = 4
		msgs, err := c.ReceivedSMS(context.Background(), ReceivedQuery{TimePeriod: 60})
		if err == nil || !strings.Contains(err.Error(), "at most 4 pages") || msgs != nil {
			t.Errorf("got %v, %v; want the page bound named", msgs, err)
		}
		if got := srv.pages(t); len(got) != 4 {
			t.Errorf("pages asked for = %v, want 4", got)
		}
	})
	t.Run("empty page", func(t *testing.T) {
		srv := newPagedServer(t, func(w http.ResponseWriter, page int) {
			if page == 1 {
				writeJSON(w, 200, receivedPage(1, 9, "R1"))
				return
			}
			writeJSON(w, 200, receivedPage(page, 9))
		})
		msgs, err := newTestClient(t, srv.URL).ReceivedSMS(context.Background(), ReceivedQuery{TimePeriod: 60})
		if err != nil || !slices.Equal(receivedIDs(msgs), []string{"R1"}) {
			t.Errorf("got %v, %v", receivedIDs(msgs), err)
		}
		if got := srv.pages(t); !slices.Equal(got, []int{1, 2}) {
			t.Errorf("pages asked for = %v, want [1 2]", got)
		}
	})
}

func TestReceivedSMSErrors(t *testing.T) {
	var calls atomic.Int32
	srv := newPagedServer(t, func(w http.ResponseWriter, page int) {
		if calls.Add(1) == 1 {
			w.Header().Set("Retry-After", "0")
			writeJSON(w, 503, `{"Result":"Failed","ErrorMessage":["busy"]}`)
			return
		}
		writeJSON(w, 401, `{"Result":"Unauthorized","ErrorMessage":["Access denied: Auth Token or credentials are incorrect or have expired."]}`)
	})
	_, err := newTestClient(t, srv.URL).ReceivedSMS(context.Background(), ReceivedQuery{TimePeriod: 5})
	var apiErr *APIError
	if !IsUnauthorized(err) || !errors.As(err, &apiErr) || apiErr.StatusCode != 401 {
		t.Errorf("err = %v, want the 401 after the 503 was retried", err)
	}
	if n := calls.Load(); n != 2 {
		t.Errorf("calls = %d, want 2", n)
	}
}

func TestV300DecodeReceived(t *testing.T) {
	const spec = `{
	  "TotalRecords": 3, "RecordsPerPage": "100", "PageCount": 1, "Page": 1,
	  "Messages": [
	    {"ReceivedID": "a1b2c3d4-e5f6-7890-1234-567890abcdee", "MessageID": "7000000a-f002-4007-b00a-d00000000002",
	     "JobNum": "10AB20CE", "SubAccount": "SA", "Department": "Dept",
	     "ReceivedTimeLocal": "2025-09-01 14:02:03", "ReceivedTimeUTC": "2025-09-01 02:02:03",
	     "ReceivedTimeUTC_RFC3339": "2025-09-01T02:02:03.000Z", "From": "+6421000001",
	     "ContactID": "123e4567-e89b-12d3-a456-426614174000", "MessageText": "  Yes, see you then  ",
	     "Timezone": "New Zealand", "Version": "v3.00"},
	    {"ReceivedID": 42, "MessageID": null, "ReceivedTimeUTC": "2025-09-01 03:00:00", "From": 6421000002,
	     "MessageText": "STOP", "SubAccount": {}},
	    {"ID": "V2ID", "Date": "2025-09-01 15:00:00", "DateUTC": "2025-09-01 03:00:00", "From": "+6421000003",
	     "MessageText": "v2", "Account": "101202"}
	  ]
	}`
	msgs, p, err := newV300(Config{}).decodeReceived(200, []byte(spec))
	if err != nil {
		t.Fatal(err)
	}
	if p != (pagination{Page: 1, PageCount: 1, RecordsPerPage: 100, TotalRecords: 3}) {
		t.Errorf("pagination = %+v", p)
	}
	want := []InboundSMS{
		{
			ReceivedID: "a1b2c3d4-e5f6-7890-1234-567890abcdee", MessageID: "7000000a-f002-4007-b00a-d00000000002",
			JobNum: "10AB20CE", SubAccount: "SA", Department: "Dept",
			ReceivedTimeUTC: "2025-09-01T02:02:03.000Z", ReceivedTimeLocal: "2025-09-01 14:02:03",
			From: "+6421000001", ContactID: "123e4567-e89b-12d3-a456-426614174000",
			MessageText: "  Yes, see you then  ", Timezone: "New Zealand",
		},
		{ReceivedID: "42", ReceivedTimeUTC: "2025-09-01 03:00:00", From: "6421000002", MessageText: "STOP"},
		{ReceivedID: "V2ID", ReceivedTimeUTC: "2025-09-01 03:00:00", ReceivedTimeLocal: "2025-09-01 15:00:00", From: "+6421000003", MessageText: "v2"},
	}
	if !slices.Equal(msgs, want) {
		t.Errorf("messages\n got %+v\nwant %+v", msgs, want)
	}
}

func TestV300DecodeReceivedEdges(t *testing.T) {
	d := newV300(Config{})
	for _, body := range []string{`{}`, `{"Messages":null}`, `{"Messages":[]}`, `null`} {
		msgs, _, err := d.decodeReceived(200, []byte(body))
		if err != nil || len(msgs) != 0 {
			t.Errorf("%s: got %v, %v; want no messages", body, msgs, err)
		}
	}
	for _, body := range []string{``, `[]`, `"x"`, `{"Messages":{}}`} {
		if _, _, err := d.decodeReceived(200, []byte(body)); err == nil {
			t.Errorf("%q: want an error", body)
		}
	}
}

func TestV300DecodeStatusPagination(t *testing.T) {
	_, p, err := newV300(Config{}).decodeStatus(200, []byte(`{"TotalRecords":"250","RecordsPerPage":100,"PageCount":3.0,"Page":"2"}`))
	if err != nil {
		t.Fatal(err)
	}
	if p != (pagination{Page: 2, PageCount: 3, RecordsPerPage: 100, TotalRecords: 250}) {
		t.Errorf("pagination = %+v", p)
	}
}

func FuzzDecodeReceived(f *testing.F) {
	for _, seed := range []string{
		receivedPage(1, 1, "R1", "R2"),
		`{"Messages":[{"ID":1,"Date":null,"DateUTC":{}}]}`,
		`{"PageCount":1e400,"Messages":null}`,
		`[]`, `null`, ``,
	} {
		f.Add([]byte(seed))
	}
	d := newV300(Config{})
	f.Fuzz(func(t *testing.T, body []byte) {
		msgs, _, err := d.decodeReceived(200, body)
		if err != nil && msgs != nil {
			t.Fatal("messages with an error")
		}
	})
}

func FuzzDecodeAction(f *testing.F) {
	for _, seed := range []string{
		actionAnswer("Abort", JobDelayed),
		`{"Result":"Failed","ErrorMessage":["x"]}`,
		`{"ActionResult":7,"MessageID":{}}`,
		`[]`, `OK`, ``,
	} {
		f.Add([]byte(seed))
	}
	d := newV300(Config{})
	f.Fuzz(func(t *testing.T, body []byte) {
		res, err := d.decodeAction(200, body, "ASKED")
		if err == nil && res.MessageID == "" {
			t.Fatal("an action result without a MessageID")
		}
		var apiErr *APIError
		if err != nil && (!errors.As(err, &apiErr) || apiErr.Body != string(body)) {
			t.Fatalf("error %v is not an *APIError keeping the body", err)
		}
	})
}
