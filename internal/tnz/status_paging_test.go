package tnz

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// pagedServer answers GETs of a paged list through answer, which gets the
// page number asked for, and records every request.
type pagedServer struct {
	*httptest.Server
	mu   sync.Mutex
	reqs []capturedRequest
}

func newPagedServer(t *testing.T, answer func(w http.ResponseWriter, page int)) *pagedServer {
	t.Helper()
	ps := &pagedServer{}
	ps.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ps.mu.Lock()
		ps.reqs = append(ps.reqs, capturedRequest{
			Method: r.Method, Path: r.URL.EscapedPath(), RawQuery: r.URL.RawQuery, Header: r.Header.Clone(),
		})
		ps.mu.Unlock()
		page, err := strconv.Atoi(r.URL.Query().Get("page"))
		if err != nil {
			t.Errorf("request %s has no page number", r.URL)
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		answer(w, page)
	}))
	t.Cleanup(ps.Close)
	return ps
}

// requests returns the requests received so far.
func (ps *pagedServer) requests() []capturedRequest {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return slices.Clone(ps.reqs)
}

// all returns the queries received so far.
func (ps *pagedServer) all() []url.Values {
	var out []url.Values
	for _, r := range ps.requests() {
		q, _ := url.ParseQuery(r.RawQuery)
		out = append(out, q)
	}
	return out
}

// pages returns the page numbers asked for, in order, and checks every
// request asked for 100 records per page.
func (ps *pagedServer) pages(t *testing.T) []int {
	t.Helper()
	var out []int
	for _, q := range ps.all() {
		if got := q.Get("recordsPerPage"); got != "100" {
			t.Errorf("recordsPerPage = %q, want 100", got)
		}
		n, _ := strconv.Atoi(q.Get("page"))
		out = append(out, n)
	}
	return out
}

// statusPageBody is one status page: header fields, paging, and recipients
// named by destination.
func statusPageBody(jobStatus string, page, pageCount int, dests ...string) string {
	recips := make([]string, len(dests))
	for i, d := range dests {
		recips[i] = fmt.Sprintf(`{"DestSeq":"%08d","Destination":%q,"Status":"Success"}`, i+1, d)
	}
	return fmt.Sprintf(`{"MessageID":"ID1","JobStatus":%q,"Count":5,"TotalRecords":5,"RecordsPerPage":2,"PageCount":%d,"Page":%d,"Recipients":[%s]}`,
		jobStatus, pageCount, page, strings.Join(recips, ","))
}

func destinations(st *Status) []string {
	var out []string
	for _, r := range st.Recipients {
		out = append(out, r.Destination)
	}
	return out
}

func TestStatusFollowsPageCount(t *testing.T) {
	pages := map[int]string{
		1: statusPageBody(JobPending, 1, 3, "+6421000001", "+6421000002"),
		// A later page's header differs: the first page's is kept.
		2: statusPageBody(JobCompleted, 2, 3, "+6421000003", "+6421000004"),
		3: statusPageBody(JobCompleted, 3, 3, "+6421000005"),
	}
	srv := newPagedServer(t, func(w http.ResponseWriter, page int) {
		body, ok := pages[page]
		if !ok {
			writeJSON(w, 404, `{"Result":"RecordNotFound","ErrorMessage":["no such page"]}`)
			return
		}
		writeJSON(w, 200, body)
	})
	st, err := newTestClient(t, srv.URL).Status(context.Background(), SMS, "ID1")
	if err != nil {
		t.Fatal(err)
	}
	if got := srv.pages(t); !slices.Equal(got, []int{1, 2, 3}) {
		t.Errorf("pages asked for = %v, want [1 2 3]", got)
	}
	want := []string{"+6421000001", "+6421000002", "+6421000003", "+6421000004", "+6421000005"}
	if got := destinations(st); !slices.Equal(got, want) {
		t.Errorf("recipients = %v, want %v", got, want)
	}
	if st.JobStatus != JobPending || st.Count != 5 || st.MessageID != "ID1" {
		t.Errorf("header = %+v, want the first page's", st)
	}
}

// A response without paging fields (as every single-page status so far) is
// one page.
func TestStatusWithoutPagingIsOnePage(t *testing.T) {
	srv := newPagedServer(t, func(w http.ResponseWriter, page int) {
		writeJSON(w, 200, `{"MessageID":"ID1","JobStatus":"Completed","Recipients":[{"Destination":"+6421000001"}]}`)
	})
	st, err := newTestClient(t, srv.URL).Status(context.Background(), Email, "ID1")
	if err != nil {
		t.Fatal(err)
	}
	if got := srv.pages(t); !slices.Equal(got, []int{1}) || len(st.Recipients) != 1 {
		t.Errorf("pages %v, %d recipients; want page 1 only, 1 recipient", got, len(st.Recipients))
	}
}

func TestStatusPagingIsBounded(t *testing.T) {
	srv := newPagedServer(t, func(w http.ResponseWriter, page int) {
		writeJSON(w, 200, statusPageBody(JobPending, page, 1_000_000, fmt.Sprintf("+64210%05d", page)))
	})
	c := newTestClient(t, srv.URL)
	if c.maxPages != 1000 {
		t.Errorf("default page bound = %d, want 1000", c.maxPages)
	}
	c.maxPages = 5
	st, err := c.Status(context.Background(), SMS, "ID1")
	if err == nil || !strings.Contains(err.Error(), "1000000 pages") || !strings.Contains(err.Error(), "at most 5 pages") {
		t.Errorf("err = %v, want the page bound named", err)
	}
	if st != nil {
		t.Errorf("status %+v returned with the error", st)
	}
	if got := srv.pages(t); !slices.Equal(got, []int{1, 2, 3, 4, 5}) {
		t.Errorf("pages asked for = %v, want 1 to 5", got)
	}
}

// Exactly maxPages pages is not too many.
func TestStatusPagingBoundInclusive(t *testing.T) {
	srv := newPagedServer(t, func(w http.ResponseWriter, page int) {
		writeJSON(w, 200, statusPageBody(JobPending, page, 3, fmt.Sprintf("+64210%05d", page)))
	})
	c := newTestClient(t, srv.URL)
	c.maxPages = 3
	st, err := c.Status(context.Background(), SMS, "ID1")
	if err != nil || len(st.Recipients) != 3 {
		t.Fatalf("got %v, %v; want 3 recipients", st, err)
	}
}

func TestStatusPagingStopsOnEmptyPage(t *testing.T) {
	srv := newPagedServer(t, func(w http.ResponseWriter, page int) {
		if page == 1 {
			writeJSON(w, 200, statusPageBody(JobPending, 1, 5, "+6421000001", "+6421000002"))
			return
		}
		writeJSON(w, 200, statusPageBody(JobPending, page, 5))
	})
	st, err := newTestClient(t, srv.URL).Status(context.Background(), SMS, "ID1")
	if err != nil {
		t.Fatal(err)
	}
	if got := srv.pages(t); !slices.Equal(got, []int{1, 2}) {
		t.Errorf("pages asked for = %v, want [1 2]", got)
	}
	if len(st.Recipients) != 2 {
		t.Errorf("recipients = %v", destinations(st))
	}
}

// A server that ignores page (always answers page 1) must not make the
// client list page 1's recipients PageCount times.
func TestStatusPagingStopsWhenServerIgnoresPage(t *testing.T) {
	srv := newPagedServer(t, func(w http.ResponseWriter, page int) {
		writeJSON(w, 200, statusPageBody(JobPending, 1, 3, "+6421000001", "+6421000002"))
	})
	st, err := newTestClient(t, srv.URL).Status(context.Background(), SMS, "ID1")
	if err != nil {
		t.Fatal(err)
	}
	if got := destinations(st); !slices.Equal(got, []string{"+6421000001", "+6421000002"}) {
		t.Errorf("recipients = %v, want page 1's once", got)
	}
	if got := srv.pages(t); !slices.Equal(got, []int{1, 2}) {
		t.Errorf("pages asked for = %v, want [1 2]", got)
	}
}

func TestStatusPageRetriedOn503(t *testing.T) {
	var failed atomic.Bool
	srv := newPagedServer(t, func(w http.ResponseWriter, page int) {
		if page == 2 && !failed.Swap(true) {
			w.Header().Set("Retry-After", "0")
			writeJSON(w, 503, `{"Result":"Failed","ErrorMessage":["busy"]}`)
			return
		}
		writeJSON(w, 200, statusPageBody(JobPending, page, 2, fmt.Sprintf("+64210%05d", page)))
	})
	st, err := newTestClient(t, srv.URL).Status(context.Background(), SMS, "ID1")
	if err != nil {
		t.Fatal(err)
	}
	if got := srv.pages(t); !slices.Equal(got, []int{1, 2, 2}) {
		t.Errorf("pages asked for = %v, want [1 2 2]", got)
	}
	if got := destinations(st); !slices.Equal(got, []string{"+6421000001", "+6421000002"}) {
		t.Errorf("recipients = %v", got)
	}
}

func TestStatusPageErrorFailsTheCall(t *testing.T) {
	srv := newPagedServer(t, func(w http.ResponseWriter, page int) {
		if page == 2 {
			writeJSON(w, 404, `{"Result":"RecordNotFound","MessageID":"ID1","ErrorMessage":["Unable to find entry."]}`)
			return
		}
		writeJSON(w, 200, statusPageBody(JobPending, page, 2, "+6421000001"))
	})
	st, err := newTestClient(t, srv.URL).Status(context.Background(), SMS, "ID1")
	if !IsNotFound(err) || st != nil {
		t.Errorf("got %+v, %v; want no status and the 404", st, err)
	}
}

// After an ambiguous send the client only asks whether the message exists:
// the first status page says so.
func TestSendRecoveryReadsFirstStatusPageOnly(t *testing.T) {
	var gets []string
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			writeJSON(w, 500, `{"Result":"Failed","ErrorMessage":["Error occurred while creating job"]}`)
			return
		}
		mu.Lock()
		gets = append(gets, r.URL.RawQuery)
		mu.Unlock()
		writeJSON(w, 200, statusPageBody(JobPending, 1, 3, "+6421000001"))
	}))
	defer srv.Close()
	res, err := newTestClient(t, srv.URL).Send(context.Background(), smsTo("ID1", "+6421000001"))
	if err != nil || !res.Recovered {
		t.Fatalf("got %+v, %v; want recovered", res, err)
	}
	if !slices.Equal(gets, []string{"recordsPerPage=100&page=1"}) {
		t.Errorf("status requests = %q, want the first page once", gets)
	}
}

// GET /sms/received is the inbound list, so an SMS whose id is "received"
// cannot be looked up; the client says so instead of reading the list as a
// status. Other channels have no such path.
func TestStatusSMSIDReceived(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		writeJSON(w, 200, `{"MessageID":"received","JobStatus":"Completed"}`)
	}))
	defer srv.Close()
	c := newTestClient(t, srv.URL)
	for _, id := range []string{"received", "Received"} {
		if _, err := c.Status(context.Background(), SMS, id); err == nil || !strings.Contains(err.Error(), "inbound SMS list") {
			t.Errorf("%s: err = %v, want a refusal", id, err)
		}
	}
	if n := calls.Load(); n != 0 {
		t.Errorf("%d requests made, want none", n)
	}
	if st, err := c.Status(context.Background(), Email, "received"); err != nil || st.MessageID != "received" {
		t.Errorf("email: %+v, %v", st, err)
	}
}

// JobStatus reads one page however many there are: what a send keeps in
// state stays small and costs one call to refresh.
func TestJobStatusReadsTheFirstPageOnly(t *testing.T) {
	srv := newPagedServer(t, func(w http.ResponseWriter, page int) {
		writeJSON(w, 200, statusPageBody(JobCompleted, page, 3, fmt.Sprintf("+64210000%02d", page)))
	})
	st, err := newTestClient(t, srv.URL).JobStatus(context.Background(), Email, "ID1")
	if err != nil {
		t.Fatal(err)
	}
	if got := srv.pages(t); !slices.Equal(got, []int{1}) {
		t.Errorf("pages asked for = %v, want [1]", got)
	}
	if got := destinations(st); !slices.Equal(got, []string{"+6421000001"}) || st.Count != 5 {
		t.Errorf("recipients %v, count %d; want the first page's one recipient and the job's count 5", got, st.Count)
	}
}
