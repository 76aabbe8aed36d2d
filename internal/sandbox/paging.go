package sandbox

import (
	"net/url"
	"strconv"
	"strings"
)

// Paging limits: the OpenAPI file's recordsPerPage parameter has maximum 100, and the
// page parameter defaults to 1.
const (
	maxRecordsPerPage     = 100
	defaultRecordsPerPage = maxRecordsPerPage
)

// Paging rejection texts. TNZ documents none for the server; these follow
// the Node SDK's client-side texts, with the OpenAPI file's maximum of 100
// instead of the Node SDK's 999, and without the Node SDK's "greater then 1" typo.
const (
	msgRecordsNotNumber = "RecordsPerPage must be a number"
	msgRecordsRange     = "RecordsPerPage must be between 1 and 100"
	msgPageNotNumber    = "Page must be a number"
	msgPageRange        = "Page must be 1 or greater"
)

// query reads URL query parameters with case-insensitive names, as the
// sandbox matches path segments; the first value of a name wins and a
// blank value counts as absent.
type query map[string]string

func newQuery(v url.Values) query {
	q := query{}
	for k, vs := range v {
		k = strings.ToLower(k)
		if _, seen := q[k]; seen || len(vs) == 0 || blank(vs[0]) {
			continue
		}
		q[k] = strings.TrimSpace(vs[0])
	}
	return q
}

// get returns the value of name (case-insensitive) and whether it was given.
func (q query) get(name string) (string, bool) {
	v, ok := q[strings.ToLower(name)]
	return v, ok
}

// paging is a validated recordsPerPage/page pair.
type paging struct{ perPage, page int }

// readPaging reads recordsPerPage (1–100, default 100) and page (≥ 1,
// default 1) and lists what is wrong with them.
func readPaging(q query) (p paging, errs []string) {
	return readPagingWithin(q, 1, maxRecordsPerPage, msgRecordsRange)
}

// readPagingWithin is readPaging with recordsPerPage limited to
// [least, most] (the default, 100, must be within), and rangeMsg when it
// is not.
func readPagingWithin(q query, least, most int, rangeMsg string) (p paging, errs []string) {
	p = paging{perPage: defaultRecordsPerPage, page: 1}
	if v, ok := q.get("recordsPerPage"); ok {
		n, err := strconv.Atoi(v)
		switch {
		case err != nil:
			errs = append(errs, msgRecordsNotNumber)
		case n < least || n > most:
			errs = append(errs, rangeMsg)
		default:
			p.perPage = n
		}
	}
	if v, ok := q.get("page"); ok {
		n, err := strconv.Atoi(v)
		switch {
		case err != nil:
			errs = append(errs, msgPageNotNumber)
		case n < 1:
			errs = append(errs, msgPageRange)
		default:
			p.page = n
		}
	}
	return p, errs
}

// pagination is the OpenAPI file's Pagination object.
type pagination struct {
	TotalRecords   int
	RecordsPerPage int
	PageCount      int
	Page           int
}

// slice returns the Pagination for total records and the half-open range
// [from, to) of the records on the requested page. A page past the last is
// empty (from == to) rather than a repeat of the last page, so a client
// that reads pages until one comes back short always stops; PageCount is 0
// when there are no records.
func (p paging) slice(total int) (pg pagination, from, to int) {
	pg = pagination{
		TotalRecords: total, RecordsPerPage: p.perPage,
		PageCount: (total + p.perPage - 1) / p.perPage, Page: p.page,
	}
	from = total
	if p.page-1 <= total/p.perPage { // so the product cannot overflow
		from = (p.page - 1) * p.perPage
	}
	to = min(from+p.perPage, total)
	return pg, from, to
}
