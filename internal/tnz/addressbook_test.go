package tnz

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
)

const (
	contactID1 = "8000000a-f002-4007-b00a-d00000000001"
	contactID2 = "8000000a-f002-4007-b00a-d00000000002"
	groupID1   = "9000000a-f002-4007-b00a-d00000000001"
	optOutID1  = "7000000a-f002-4007-b00a-d00000000001"
)

// recordServer answers every request through answer and records them.
type recordServer struct {
	*httptest.Server
	mu   sync.Mutex
	reqs []capturedRequest
}

func newRecordServer(t *testing.T, answer func(r capturedRequest) (int, string)) *recordServer {
	t.Helper()
	rs := &recordServer{}
	rs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		c := capturedRequest{Method: r.Method, Path: r.URL.EscapedPath(), RawQuery: r.URL.RawQuery, Header: r.Header.Clone(), Body: b}
		rs.mu.Lock()
		rs.reqs = append(rs.reqs, c)
		rs.mu.Unlock()
		status, body := answer(c)
		writeJSON(w, status, body)
	}))
	t.Cleanup(rs.Close)
	return rs
}

func (rs *recordServer) requests() []capturedRequest {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	return slices.Clone(rs.reqs)
}

// calls lists the requests as "METHOD path?query".
func (rs *recordServer) calls() []string {
	var out []string
	for _, r := range rs.requests() {
		s := r.Method + " " + r.Path
		if r.RawQuery != "" {
			s += "?" + r.RawQuery
		}
		out = append(out, s)
	}
	return out
}

func v204Client(c *Config) { c.APIVersion = V204 }

func contactJSON(id string, fields map[string]string) string {
	m := map[string]string{"ContactID": id, "Owner": "COM\\DOMAIN\\APPLICATION", "CreatedTimeUTC_RFC3339": "2025-05-29T17:11:03.000Z"}
	maps.Copy(m, fields)
	b, _ := json.Marshal(m)
	return string(b)
}

func groupJSON(id, code, name string) string {
	return fmt.Sprintf(`{"GroupID":%q,"GroupCode":%q,"GroupName":%q,"SubAccount":"","Department":"","ViewEditBy":"Account","AccessControl":"Limited"}`, id, code, name)
}

// Every Address Book call goes to the documented path with the documented
// method, on both versions, with the version's Authorization scheme.
func TestAddressBookRequests(t *testing.T) {
	ctx := context.Background()
	type call struct {
		name   string
		do     func(c *Client) error
		answer string
		v300   string // "METHOD path?query"
		v204   string
	}
	contact := contactJSON(contactID1, map[string]string{"FirstName": "Aroha"})
	contactList := `{"TotalRecords":1,"RecordsPerPage":100,"PageCount":1,"Page":1,"Contacts":[` + contact + `]}`
	group := groupJSON(groupID1, "Oncall", "On-call")
	groupList := `{"TotalRecords":1,"RecordsPerPage":100,"PageCount":1,"Page":1,"Groups":[` + group + `]}`
	paging := "recordsPerPage=100&page=1"
	for _, tc := range []call{
		{"create contact", func(c *Client) error {
			_, err := c.CreateContact(ctx, map[string]string{"FirstName": "Aroha", "MobilePhone": "+6421000001", "LastName": ""})
			return err
		}, contact, "POST /api/v3.00/addressbook/contact", "POST /api/v2.04/addressbook/contact"},
		{"get contact", func(c *Client) error { _, err := c.GetContact(ctx, contactID1); return err }, contact,
			"GET /api/v3.00/addressbook/contact/" + contactID1, "GET /api/v2.04/addressbook/contact/" + contactID1},
		{"update contact", func(c *Client) error {
			_, err := c.UpdateContact(ctx, contactID1, map[string]string{"LastName": "Ngata"})
			return err
		}, contact, "PATCH /api/v3.00/addressbook/contact/" + contactID1, "PATCH /api/v2.04/addressbook/contact/" + contactID1},
		{"delete contact", func(c *Client) error { return c.DeleteContact(ctx, contactID1) }, contact,
			"DELETE /api/v3.00/addressbook/contact/" + contactID1, "DELETE /api/v2.04/addressbook/contact/" + contactID1},
		{"list contacts", func(c *Client) error { _, err := c.ListContacts(ctx); return err }, contactList,
			"GET /api/v3.00/addressbook/contact/list?" + paging, "GET /api/v2.04/addressbook/contact/list?" + paging},
		{"search contacts", func(c *Client) error {
			_, err := c.SearchContacts(ctx, ContactQuery{EmailAddress: "a+b@example.com", LastName: "Te Whare"})
			return err
		}, contactList,
			"GET /api/v3.00/addressbook/contact/search?EmailAddress=a%2Bb%40example.com&LastName=Te%20Whare&" + paging,
			"GET /api/v2.04/addressbook/contact/search?EmailAddress=a%2Bb%40example.com&LastName=Te%20Whare&" + paging},
		{"contact groups", func(c *Client) error { _, err := c.ContactGroups(ctx, contactID1); return err }, groupList,
			"GET /api/v3.00/addressbook/contact/" + contactID1 + "/group/list?" + paging,
			"GET /api/v2.04/addressbook/contact/" + contactID1 + "/group/list?" + paging},
		{"add to group", func(c *Client) error { return c.AddContactToGroup(ctx, contactID1, groupID1) }, `{}`,
			"PATCH /api/v3.00/addressbook/contact/" + contactID1 + "/group", "POST /api/v2.04/addressbook/contact/" + contactID1 + "/group"},
		{"remove from group", func(c *Client) error { return c.RemoveContactFromGroup(ctx, contactID1, groupID1) }, `{}`,
			"DELETE /api/v3.00/addressbook/contact/" + contactID1 + "/group/" + groupID1,
			"DELETE /api/v2.04/addressbook/contact/" + contactID1 + "/group/" + groupID1},
		{"create group", func(c *Client) error {
			_, err := c.CreateGroup(ctx, GroupFields{GroupName: "On-call", ViewEditBy: "Account"})
			return err
		}, group, "POST /api/v3.00/addressbook/group", "POST /api/v2.04/addressbook/group"},
		{"get group", func(c *Client) error { _, err := c.GetGroup(ctx, groupID1); return err }, group,
			"GET /api/v3.00/addressbook/group/" + groupID1, "GET /api/v2.04/addressbook/group/" + groupID1},
		{"update group", func(c *Client) error {
			_, err := c.UpdateGroup(ctx, groupID1, GroupFields{GroupName: "On call"})
			return err
		}, group, "PATCH /api/v3.00/addressbook/group/" + groupID1, "PATCH /api/v2.04/addressbook/group/" + groupID1},
		{"delete group", func(c *Client) error { return c.DeleteGroup(ctx, groupID1) }, group,
			"DELETE /api/v3.00/addressbook/group/" + groupID1, "DELETE /api/v2.04/addressbook/group/" + groupID1},
		{"list groups", func(c *Client) error { _, err := c.ListGroups(ctx); return err }, groupList,
			"GET /api/v3.00/addressbook/group/list?" + paging, "GET /api/v2.04/addressbook/group/list?" + paging},
		{"group contacts", func(c *Client) error { _, err := c.GroupContacts(ctx, groupID1); return err }, contactList,
			"GET /api/v3.00/addressbook/group/" + groupID1 + "/contact/list?" + paging,
			"GET /api/v2.04/addressbook/group/" + groupID1 + "/contact/list?" + paging},
	} {
		for _, version := range []string{V300, V204} {
			t.Run(tc.name+"/"+version, func(t *testing.T) {
				srv := newRecordServer(t, func(capturedRequest) (int, string) { return http.StatusOK, tc.answer })
				c := newTestClient(t, srv.URL, func(c *Config) { c.APIVersion = version })
				if err := tc.do(c); err != nil {
					t.Fatal(err)
				}
				want := tc.v300
				scheme := "Bearer "
				if version == V204 {
					want, scheme = tc.v204, "Basic "
				}
				if got := srv.calls(); !slices.Equal(got, []string{want}) {
					t.Errorf("calls = %q, want %q", got, want)
				}
				r := srv.requests()[0]
				if got := r.Header.Get("Authorization"); got != scheme+testToken {
					t.Errorf("Authorization = %q, want the %sscheme", got, scheme)
				}
				if got := r.Header.Get("Accept"); got != "application/json" {
					t.Errorf("Accept = %q", got)
				}
			})
		}
	}
}

func TestAddressBookBodies(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		do   func(c *Client) error
		want string
	}{
		{"create sends only what is set", func(c *Client) error {
			_, err := c.CreateContact(ctx, map[string]string{"FirstName": "Aroha", "LastName": "", "MobilePhone": "+6421000001"})
			return err
		}, `{"FirstName":"Aroha","MobilePhone":"+6421000001"}`},
		{"update sends the changes, and empty clears", func(c *Client) error {
			_, err := c.UpdateContact(ctx, contactID1, map[string]string{"LastName": "Ngata", "Company": ""})
			return err
		}, `{"Company":"","LastName":"Ngata"}`},
		{"add to group names the group", func(c *Client) error { return c.AddContactToGroup(ctx, contactID1, groupID1) },
			`{"GroupID":"` + groupID1 + `"}`},
		{"create group leaves out what is empty", func(c *Client) error {
			_, err := c.CreateGroup(ctx, GroupFields{GroupName: "On-call", Department: "Ops"})
			return err
		}, `{"Department":"Ops","GroupName":"On-call"}`},
		{"update group sends the whole group", func(c *Client) error {
			_, err := c.UpdateGroup(ctx, groupID1, GroupFields{GroupName: "On-call", AccessControl: "Granted"})
			return err
		}, `{"GroupName":"On-call","SubAccount":"","Department":"","AccessControl":"Granted"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newRecordServer(t, func(capturedRequest) (int, string) { return http.StatusOK, `{}` })
			if err := tc.do(newTestClient(t, srv.URL)); err != nil {
				t.Fatal(err)
			}
			r := srv.requests()[0]
			if string(r.Body) != tc.want {
				t.Errorf("body = %s, want %s", r.Body, tc.want)
			}
			if got := r.Header.Get("Content-Type"); got != "application/json" {
				t.Errorf("Content-Type = %q", got)
			}
		})
	}
}

func TestContactDecoding(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name, version, answer string
	}{
		{"v3.00 detail", V300, `{"ContactID":"` + contactID1 + `","FirstName":"Aroha","MobilePhone":"+6421000001","Postcode":"1010",` +
			`"Owner":"me","CreatedTimeUTC":"2025-05-29 17:11:03","CreatedTimeUTC_RFC3339":"2025-05-29T17:11:03.000Z",` +
			`"UpdatedTimeUTC_RFC3339":"2025-06-01T00:00:00.000Z","Timezone":"New Zealand","Groups":["` + groupID1 + `"]}`},
		// v2.04 wraps the contact, and the Python SDK spells Postcode PostCode.
		{"v2.04 wrapped", V204, `{"Result":"Success","Contact":{"ContactID":"` + contactID1 + `","FirstName":"Aroha",` +
			`"MobilePhone":"+6421000001","PostCode":"1010","Owner":"me","CreatedTimeUTC":"2025-05-29T17:11:03.000Z",` +
			`"UpdatedTimeUTC":"2025-06-01T00:00:00.000Z","Timezone":"New Zealand","Groups":[{"GroupID":"` + groupID1 + `"}]}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newRecordServer(t, func(capturedRequest) (int, string) { return http.StatusOK, tc.answer })
			c := newTestClient(t, srv.URL, func(c *Config) { c.APIVersion = tc.version })
			got, err := c.GetContact(ctx, contactID1)
			if err != nil {
				t.Fatal(err)
			}
			if got.ID != contactID1 || got.Fields["FirstName"] != "Aroha" || got.Fields["MobilePhone"] != "+6421000001" ||
				got.Fields["Postcode"] != "1010" || got.Fields["LastName"] != "" || got.Owner != "me" || got.Timezone != "New Zealand" {
				t.Errorf("contact = %+v", got)
			}
			if got.CreatedTimeUTC != "2025-05-29T17:11:03.000Z" || got.UpdatedTimeUTC != "2025-06-01T00:00:00.000Z" {
				t.Errorf("times = %q, %q", got.CreatedTimeUTC, got.UpdatedTimeUTC)
			}
			if !slices.Equal(got.GroupIDs, []string{groupID1}) {
				t.Errorf("groups = %v", got.GroupIDs)
			}
		})
	}
}

func TestAddressBookErrors(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name     string
		status   int
		answer   string
		notFound bool
		denied   bool
	}{
		{"not enabled for the user", http.StatusForbidden, `{"Result":"Failed","ErrorMessage":["Unauthorized access to Addressbook API!"]}`, false, true},
		{"unknown contact", http.StatusNotFound, `{"Result":"RecordNotFound","ErrorMessage":["Unable to find or access record with id '` + contactID1 + `'."]}`, true, false},
		{"v2.04 failure inside a 200", http.StatusOK, `{"Result":"RecordNotFound","ErrorMessage":["Unable to find or access record with id '` + contactID1 + `'."]}`, true, false},
		{"v2.04 failed result", http.StatusOK, `{"Result":"Failed","ErrorMessage":"Invalid email address format for EmailAddress property"}`, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newRecordServer(t, func(capturedRequest) (int, string) { return tc.status, tc.answer })
			_, err := newTestClient(t, srv.URL).GetContact(ctx, contactID1)
			var apiErr *APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("err = %v, want an *APIError", err)
			}
			if IsNotFound(err) != tc.notFound || IsForbidden(err) != tc.denied {
				t.Errorf("IsNotFound = %v, IsForbidden = %v for %v", IsNotFound(err), IsForbidden(err), err)
			}
			if len(apiErr.Messages) != 1 {
				t.Errorf("messages = %q", apiErr.Messages)
			}
			if len(srv.requests()) != 1 {
				t.Errorf("%d requests; a 4xx answer is not retried", len(srv.requests()))
			}
		})
	}
}

// Nothing is sent for a call the version or the arguments cannot make.
func TestAddressBookRefusedBeforeAnyCall(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		config func(*Config)
		do     func(c *Client) error
		want   string
	}{
		{"v2.02 has no Address Book", func(c *Config) { c.APIVersion, c.AuthToken, c.Sender, c.APIKey = V202, "", "api@example.com", "key" },
			func(c *Client) error { _, err := c.ListContacts(ctx); return err }, "available on API v3.00 and v2.04 only, not v2.02"},
		{"v2.04 has no opt-outs", v204Client,
			func(c *Client) error { _, err := c.ListOptOuts(ctx, OptOutQuery{}); return err }, "available on API v3.00 only, not v2.04"},
		{"v3.00 field on v2.04", v204Client,
			func(c *Client) error {
				_, err := c.CreateContact(ctx, map[string]string{"AltPhone3": "+6421000003"})
				return err
			},
			"contact field AltPhone3 exists on API v3.00, not v2.04"},
		{"v2.04 field on v3.00", nil,
			func(c *Client) error {
				_, err := c.UpdateContact(ctx, contactID1, map[string]string{"DirectPhone": "+6495000000"})
				return err
			},
			"contact field DirectPhone exists on API v2.04, not v3.00"},
		{"misspelt field", nil,
			func(c *Client) error {
				_, err := c.CreateContact(ctx, map[string]string{"Email": "a@example.com"})
				return err
			},
			`unknown contact field "Email"`},
		{"no contact id", nil, func(c *Client) error { _, err := c.GetContact(ctx, " "); return err }, "a contact id is required"},
		{"no group id", nil, func(c *Client) error { return c.AddContactToGroup(ctx, contactID1, "") }, "a group id is required"},
		{"nothing to change", nil, func(c *Client) error { _, err := c.UpdateContact(ctx, contactID1, nil); return err }, "no contact fields to change"},
		{"empty search", nil, func(c *Client) error { _, err := c.SearchContacts(ctx, ContactQuery{}); return err }, "needs at least one of"},
		{"group without a name", nil, func(c *Client) error { _, err := c.CreateGroup(ctx, GroupFields{Department: "Ops"}); return err }, "needs a group name"},
		{"empty group code", nil, func(c *Client) error { _, err := c.FindGroupByCode(ctx, ""); return err }, "a group code is required"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newRecordServer(t, func(capturedRequest) (int, string) { return http.StatusOK, `{}` })
			var mutate []func(*Config)
			if tc.config != nil {
				mutate = append(mutate, tc.config)
			}
			err := tc.do(newTestClient(t, srv.URL, mutate...))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to contain %q", err, tc.want)
			}
			if n := len(srv.requests()); n != 0 {
				t.Errorf("%d requests made, want none", n)
			}
		})
	}
}

func TestContactListFollowsPageCount(t *testing.T) {
	ps := newPagedServer(t, func(w http.ResponseWriter, page int) {
		ids := map[int][]string{1: {contactID1}, 2: {contactID2}}[page]
		var objs []string
		for _, id := range ids {
			objs = append(objs, contactJSON(id, nil))
		}
		writeJSON(w, http.StatusOK, fmt.Sprintf(`{"TotalRecords":2,"RecordsPerPage":1,"PageCount":2,"Page":%d,"Contacts":[%s]}`, page, strings.Join(objs, ",")))
	})
	got, err := newTestClient(t, ps.URL).ListContacts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != contactID1 || got[1].ID != contactID2 {
		t.Errorf("contacts = %+v", got)
	}
	if pages := ps.pages(t); !slices.Equal(pages, []int{1, 2}) {
		t.Errorf("pages = %v", pages)
	}
}

func TestUpdateAndDeleteRetriedOn503(t *testing.T) {
	ctx := context.Background()
	for name, do := range map[string]func(c *Client) error{
		"update": func(c *Client) error {
			_, err := c.UpdateContact(ctx, contactID1, map[string]string{"LastName": "Ngata"})
			return err
		},
		"delete":    func(c *Client) error { return c.DeleteGroup(ctx, groupID1) },
		"add":       func(c *Client) error { return c.AddContactToGroup(ctx, contactID1, groupID1) },
		"get group": func(c *Client) error { _, err := c.GetGroup(ctx, groupID1); return err },
	} {
		t.Run(name, func(t *testing.T) {
			n := 0
			srv := newRecordServer(t, func(capturedRequest) (int, string) {
				n++
				if n == 1 {
					return http.StatusServiceUnavailable, `{"Result":"Failed","ErrorMessage":["busy"]}`
				}
				return http.StatusOK, `{}`
			})
			if err := do(newTestClient(t, srv.URL)); err != nil {
				t.Fatal(err)
			}
			if got := len(srv.requests()); got != 2 {
				t.Errorf("%d requests, want 2 (one retry)", got)
			}
		})
	}
}

// A create that may have reached TNZ is never sent again. What happens
// next depends on what the look-up finds.
func TestCreateContactNeverResent(t *testing.T) {
	ctx := context.Background()
	sent := map[string]string{"FirstName": "Aroha", "EmailAddress": "aroha@example.com"}
	for _, tc := range []struct {
		name      string
		search    func(n int) (int, string) // the n-th search's answer (from 1)
		uncertain bool
		matches   []string
		searches  int
	}{
		{"nothing found twice: not created", func(int) (int, string) { return http.StatusOK, `{"Contacts":[]}` }, false, nil, 2},
		{"found on the second look: uncertain, named", func(n int) (int, string) {
			if n == 1 {
				return http.StatusOK, `{"Contacts":[]}`
			}
			return http.StatusOK, `{"PageCount":1,"Contacts":[` + contactJSON(contactID2, sent) + `,` +
				contactJSON(contactID1, map[string]string{"FirstName": "Other", "EmailAddress": "aroha@example.com"}) + `]}`
		}, true, []string{contactID2}, 2},
		{"look-up fails: uncertain", func(int) (int, string) { return http.StatusForbidden, `{"Result":"Failed"}` }, true, nil, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			searches := 0
			srv := newRecordServer(t, func(r capturedRequest) (int, string) {
				if r.Method == http.MethodPost {
					return http.StatusInternalServerError, `{"Result":"Failed","ErrorMessage":["An unexpected error occurred while processing."]}`
				}
				searches++
				if !strings.HasSuffix(r.Path, "/addressbook/contact/search") {
					t.Errorf("look-up %s %s, want the contact search", r.Method, r.Path)
				}
				return tc.search(searches)
			})
			_, err := newTestClient(t, srv.URL).CreateContact(ctx, sent)
			if err == nil {
				t.Fatal("the create succeeded")
			}
			var u *UncertainCreateError
			if errors.As(err, &u) != tc.uncertain {
				t.Fatalf("err = %v (uncertain: %v), want uncertain %v", err, IsUncertainCreate(err), tc.uncertain)
			}
			if tc.uncertain && !slices.Equal(u.Matches, tc.matches) {
				t.Errorf("matches = %v, want %v", u.Matches, tc.matches)
			}
			posts := 0
			for _, r := range srv.requests() {
				if r.Method == http.MethodPost {
					posts++
				}
			}
			if posts != 1 || searches != tc.searches {
				t.Errorf("%d creates and %d searches, want 1 and %d", posts, searches, tc.searches)
			}
		})
	}
}

func TestCreateRetriedOnlyWhenRefused(t *testing.T) {
	n := 0
	srv := newRecordServer(t, func(capturedRequest) (int, string) {
		n++
		if n == 1 {
			return http.StatusTooManyRequests, `{"Result":"Failed"}`
		}
		return http.StatusOK, groupJSON(groupID1, "Oncall", "On-call")
	})
	g, err := newTestClient(t, srv.URL).CreateGroup(context.Background(), GroupFields{GroupName: "On-call"})
	if err != nil {
		t.Fatal(err)
	}
	if g.ID != groupID1 || g.GroupCode != "Oncall" || g.ViewEditBy != "Account" {
		t.Errorf("group = %+v", g)
	}
	if got := srv.calls(); len(got) != 2 {
		t.Errorf("calls = %q, want the create twice (429 is a refusal)", got)
	}
}

func TestCreateGroupLooksUpByName(t *testing.T) {
	srv := newRecordServer(t, func(r capturedRequest) (int, string) {
		if r.Method == http.MethodPost {
			return http.StatusBadGateway, `<html>bad gateway</html>`
		}
		return http.StatusOK, `{"PageCount":1,"Groups":[` + groupJSON(groupID1, "On_call", "on-call") + `,` +
			groupJSON("9000000a-f002-4007-b00a-d00000000002", "Other", "Other") + `]}`
	})
	_, err := newTestClient(t, srv.URL).CreateGroup(context.Background(), GroupFields{GroupName: "On-call"})
	var u *UncertainCreateError
	if !errors.As(err, &u) || !slices.Equal(u.Matches, []string{groupID1}) || u.What != "group" {
		t.Fatalf("err = %v, want uncertain with the one group of that name", err)
	}
	if !strings.Contains(err.Error(), "matching groups found: "+groupID1) {
		t.Errorf("message = %q", err)
	}
}

func TestIsMember(t *testing.T) {
	ctx := context.Background()
	t.Run("v3.00 reads the contact's groups", func(t *testing.T) {
		srv := newRecordServer(t, func(r capturedRequest) (int, string) {
			if strings.Contains(r.Path, contactID2) {
				return http.StatusNotFound, `{"Result":"RecordNotFound","ErrorMessage":["Unable to find or access record with id 'x'."]}`
			}
			return http.StatusOK, `{"PageCount":1,"Groups":[` + groupJSON(groupID1, "A", "A") + `]}`
		})
		c := newTestClient(t, srv.URL)
		for _, tc := range []struct {
			contact, group string
			want           bool
		}{
			{contactID1, groupID1, true},
			{contactID1, strings.ToUpper(groupID1), true},
			{contactID1, "9000000a-f002-4007-b00a-d00000000009", false},
			{contactID2, groupID1, false}, // the contact is gone
		} {
			got, err := c.IsMember(ctx, tc.contact, tc.group)
			if err != nil || got != tc.want {
				t.Errorf("IsMember(%s, %s) = %v, %v; want %v", tc.contact, tc.group, got, err, tc.want)
			}
		}
	})
	t.Run("v2.04 reads the membership", func(t *testing.T) {
		srv := newRecordServer(t, func(r capturedRequest) (int, string) {
			if strings.HasSuffix(r.Path, groupID1) {
				return http.StatusOK, `{"Result":"Success","Contact":{},"Group":{}}`
			}
			return http.StatusNotFound, `{"Result":"RecordNotFound"}`
		})
		c := newTestClient(t, srv.URL, v204Client)
		in, err := c.IsMember(ctx, contactID1, groupID1)
		out, err2 := c.IsMember(ctx, contactID1, "9000000a-f002-4007-b00a-d00000000009")
		if !in || out || err != nil || err2 != nil {
			t.Errorf("member: %v %v; not member: %v %v", in, err, out, err2)
		}
		want := []string{
			"GET /api/v2.04/addressbook/contact/" + contactID1 + "/group/" + groupID1,
			"GET /api/v2.04/addressbook/contact/" + contactID1 + "/group/9000000a-f002-4007-b00a-d00000000009",
		}
		if got := srv.calls(); !slices.Equal(got, want) {
			t.Errorf("calls = %q", got)
		}
	})
}

func TestFindGroupByCode(t *testing.T) {
	srv := newRecordServer(t, func(capturedRequest) (int, string) {
		return http.StatusOK, `{"PageCount":1,"Groups":[` + groupJSON(groupID1, "Oncall_Team", "On-call") + `,` +
			groupJSON("9000000a-f002-4007-b00a-d00000000002", "Dup", "x") + `,` + groupJSON("9000000a-f002-4007-b00a-d00000000003", "dup", "y") + `]}`
	})
	c := newTestClient(t, srv.URL)
	g, err := c.FindGroupByCode(context.Background(), "oncall_team")
	if err != nil || g.ID != groupID1 {
		t.Errorf("found %+v, %v", g, err)
	}
	if _, err := c.FindGroupByCode(context.Background(), "Nope"); !IsNotFound(err) {
		t.Errorf("unknown code: %v, want not found", err)
	}
	if _, err := c.FindGroupByCode(context.Background(), "DUP"); err == nil || !strings.Contains(err.Error(), "2 groups have the group code") {
		t.Errorf("two groups: %v", err)
	}
}

func TestContactQueryEncoding(t *testing.T) {
	q := ContactQuery{Company: "A&B Ltd", MobilePhone: "+64 21", FirstName: " "}
	got, err := url.ParseQuery(q.encode())
	if err != nil {
		t.Fatal(err)
	}
	if got.Get("Company") != "A&B Ltd" || got.Get("MobilePhone") != "+64 21" || got.Has("FirstName") {
		t.Errorf("query %q decodes to %v", q.encode(), got)
	}
}
