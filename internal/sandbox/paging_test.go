package sandbox

import (
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// smsTo returns an SMS body to n recipients, +6421000001 onwards; numbers
// ending in 99 fail.
func smsTo(n int) string {
	entries := make([]string, n)
	for i := range entries {
		entries[i] = fmt.Sprintf(`{"ToNumber":"+64210%05d"}`, i+1)
	}
	return `{"Message":"hi","Destinations":[` + strings.Join(entries, ",") + `]}`
}

func TestStatusPaging(t *testing.T) {
	f := newFixture(t, Options{})
	id := f.mustSend(t, smsTo(5))
	f.clock.Advance(DefaultCompletionDelay)
	tests := []struct {
		query string
		pg    pagination
		seqs  string // DestSeq of the recipients shown, by last digit
	}{
		{"", pagination{5, 100, 1, 1}, "12345"},
		{"?recordsPerPage=2", pagination{5, 2, 3, 1}, "12"},
		{"?recordsPerPage=2&page=2", pagination{5, 2, 3, 2}, "34"},
		{"?recordsPerPage=2&page=3", pagination{5, 2, 3, 3}, "5"},
		{"?recordsPerPage=2&page=4", pagination{5, 2, 3, 4}, ""},
		{"?recordsPerPage=5&page=1", pagination{5, 5, 1, 1}, "12345"},
		{"?recordsPerPage=1&page=5", pagination{5, 1, 5, 5}, "5"},
		{"?RECORDSPERPAGE=100&Page=1", pagination{5, 100, 1, 1}, "12345"},
		{"?recordsPerPage=&page=", pagination{5, 100, 1, 1}, "12345"},
		{"?page=" + strconv.Itoa(math.MaxInt), pagination{5, 100, 1, math.MaxInt}, ""},
	}
	for _, tt := range tests {
		code, _, raw := f.do(t, http.MethodGet, "/api/v3.00/sms/"+id+tt.query, "", nil)
		if code != http.StatusOK {
			t.Fatalf("%s: %d %s", tt.query, code, raw)
		}
		var st statusResponse
		decode(t, raw, &st)
		var seqs string
		for _, r := range st.Recipients {
			seqs += r.DestSeq[7:]
		}
		got := pagination{st.TotalRecords, st.RecordsPerPage, st.PageCount, st.Page}
		if got != tt.pg || seqs != tt.seqs {
			t.Errorf("%s: %+v recipients %q, want %+v %q", tt.query, got, seqs, tt.pg, tt.seqs)
		}
		// The counts and the price cover every recipient, whatever the page.
		if st.Count != 5 || st.Complete != 5 || st.Success != 5 || st.Price == nil || *st.Price != "0.50" {
			t.Errorf("%s: counts %d/%d/%d price %v", tt.query, st.Count, st.Complete, st.Success, st.Price)
		}
		if !strings.Contains(raw, `"Recipients":[`) {
			t.Errorf("%s: Recipients is not a list: %s", tt.query, raw)
		}
	}
}

func TestStatusPagingDefault(t *testing.T) {
	f := newFixture(t, Options{})
	id := f.mustSend(t, smsTo(150))
	st := f.status(t, id)
	if st.TotalRecords != 150 || st.RecordsPerPage != 100 || st.PageCount != 2 || st.Page != 1 || len(st.Recipients) != 100 || st.Count != 150 {
		t.Errorf("page 1: %d/%d/%d/%d with %d recipients", st.TotalRecords, st.RecordsPerPage, st.PageCount, st.Page, len(st.Recipients))
	}
	_, _, raw := f.do(t, http.MethodGet, "/api/v3.00/sms/"+id+"?page=2", "", nil)
	decode(t, raw, &st)
	if len(st.Recipients) != 50 || st.Recipients[0].DestSeq != "00000101" || st.Recipients[49].DestSeq != "00000150" {
		t.Errorf("page 2 has %d recipients", len(st.Recipients))
	}
}

func TestStatusPagingRejections(t *testing.T) {
	f := newFixture(t, Options{})
	id := f.mustSend(t, okSMS)
	tests := []struct {
		query string
		want  []string
	}{
		{"recordsPerPage=0", []string{"RecordsPerPage must be between 1 and 100"}},
		{"recordsPerPage=101", []string{"RecordsPerPage must be between 1 and 100"}},
		{"recordsPerPage=-1", []string{"RecordsPerPage must be between 1 and 100"}},
		{"recordsPerPage=ten", []string{"RecordsPerPage must be a number"}},
		{"recordsPerPage=2.0", []string{"RecordsPerPage must be a number"}},
		{"page=0", []string{"Page must be 1 or greater"}},
		{"page=first", []string{"Page must be a number"}},
		{"recordsPerPage=999&page=-2", []string{"RecordsPerPage must be between 1 and 100", "Page must be 1 or greater"}},
	}
	for _, tt := range tests {
		for _, msgID := range []string{id, "unknown"} {
			code, _, b := f.do(t, http.MethodGet, "/api/v3.00/sms/"+msgID+"?"+tt.query, "", nil)
			if code != http.StatusBadRequest || b != failedBody(tt.want...) {
				t.Errorf("%s ?%s: %d %s, want 400 %q", msgID, tt.query, code, b, tt.want)
			}
		}
	}
}

func TestPagingSlice(t *testing.T) {
	tests := []struct {
		p        paging
		total    int
		pg       pagination
		from, to int
	}{
		{paging{100, 1}, 0, pagination{0, 100, 0, 1}, 0, 0},
		{paging{100, 2}, 0, pagination{0, 100, 0, 2}, 0, 0},
		{paging{1, 1}, 1, pagination{1, 1, 1, 1}, 0, 1},
		{paging{3, 2}, 7, pagination{7, 3, 3, 2}, 3, 6},
		{paging{3, 3}, 9, pagination{9, 3, 3, 3}, 6, 9},
		{paging{3, 4}, 9, pagination{9, 3, 3, 4}, 9, 9},
		{paging{100, math.MaxInt}, 5, pagination{5, 100, 1, math.MaxInt}, 5, 5},
	}
	for _, tt := range tests {
		pg, from, to := tt.p.slice(tt.total)
		if pg != tt.pg || from != tt.from || to != tt.to {
			t.Errorf("%+v.slice(%d) = %+v [%d,%d), want %+v [%d,%d)", tt.p, tt.total, pg, from, to, tt.pg, tt.from, tt.to)
		}
	}
}
