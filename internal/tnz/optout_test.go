package tnz

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"
)

func optOutJSON(id, destType, dest string) string {
	return `{"ID":"` + id + `","DestType":"` + destType + `","Destination":"` + dest + `","SubAccount":"","Department":"",` +
		`"StopMessage":"STOP","Notes":"","OriginalMessage":"Reply STOP to opt out","CreatedTimeUTC_RFC3339":"2025-05-29T17:11:03.000Z"}`
}

func TestOptOutRequests(t *testing.T) {
	ctx := context.Background()
	entry := optOutJSON(optOutID1, "Text", "+6421000001")
	for _, tc := range []struct {
		name, answer, call, body string
		do                       func(c *Client) error
	}{
		{"create", entry, "POST /api/v3.00/optout", `{"DestType":"SMS","Destination":"+6421000001","Notes":"asked by phone"}`,
			func(c *Client) error {
				_, err := c.CreateOptOut(ctx, OptOutFields{DestType: "SMS", Destination: "+6421000001", Notes: "asked by phone"})
				return err
			}},
		{"create for a contact", entry, "POST /api/v3.00/optout", `{"DestType":"Email","ContactID":"` + contactID1 + `","SubAccount":"Ops"}`,
			func(c *Client) error {
				_, err := c.CreateOptOut(ctx, OptOutFields{DestType: "Email", ContactID: contactID1, SubAccount: "Ops"})
				return err
			}},
		{"batch", entry, "POST /api/v3.00/optout/batch",
			`{"DestType":"SMS,Voice","Destination":"+6421000001","Destinations":["+6421000002"],"ContactID":"` + contactID1 + `"}`,
			func(c *Client) error {
				_, err := c.CreateOptOuts(ctx, OptOutBatch{DestTypes: []string{"SMS", "Voice"}, Destinations: []string{"+6421000001", "+6421000002"}, ContactIDs: []string{contactID1}})
				return err
			}},
		{"get", entry, "GET /api/v3.00/optout/" + optOutID1, "", func(c *Client) error { _, err := c.GetOptOut(ctx, optOutID1); return err }},
		{"update sends the whole entry", entry, "PATCH /api/v3.00/optout/" + optOutID1,
			`{"DestType":"SMS","Destination":"+6421000001","SubAccount":"","Department":"","StopMessage":"","Notes":"kept"}`,
			func(c *Client) error {
				_, err := c.UpdateOptOut(ctx, optOutID1, OptOutFields{DestType: "SMS", Destination: "+6421000001", Notes: "kept"})
				return err
			}},
		{"delete", entry, "DELETE /api/v3.00/optout/" + optOutID1, "", func(c *Client) error { return c.DeleteOptOut(ctx, optOutID1) }},
		{"list, filtered", `{"PageCount":1,"OptOuts":[` + entry + `]}`,
			"GET /api/v3.00/optout/list?timePeriod=30&destType=SMS&contactID=" + contactID1 + "&recordsPerPage=100&page=1", "",
			func(c *Client) error {
				_, err := c.ListOptOuts(ctx, OptOutQuery{TimePeriod: 30, DestType: "SMS", ContactID: contactID1})
				return err
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newRecordServer(t, func(capturedRequest) (int, string) { return http.StatusOK, tc.answer })
			if err := tc.do(newTestClient(t, srv.URL)); err != nil {
				t.Fatal(err)
			}
			if got := srv.calls(); !slices.Equal(got, []string{tc.call}) {
				t.Errorf("calls = %q, want %q", got, tc.call)
			}
			if got := string(srv.requests()[0].Body); got != tc.body {
				t.Errorf("body = %s, want %s", got, tc.body)
			}
		})
	}
}

func TestOptOutDecoding(t *testing.T) {
	srv := newRecordServer(t, func(capturedRequest) (int, string) {
		return http.StatusOK, optOutJSON(optOutID1, "Text", "+6421000001")
	})
	o, err := newTestClient(t, srv.URL).GetOptOut(context.Background(), optOutID1)
	if err != nil {
		t.Fatal(err)
	}
	if o.ID != optOutID1 || o.DestType != "Text" || o.Destination != "+6421000001" || o.StopMessage != "STOP" ||
		o.OriginalMessage != "Reply STOP to opt out" || o.CreatedTimeUTC != "2025-05-29T17:11:03.000Z" {
		t.Errorf("opt-out = %+v", o)
	}
}

func TestOptOutTypes(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"SMS", "SMS"}, {"sms", "SMS"}, {"Text", "SMS"}, {"TEXT", "SMS"},
		{"Voice", "Voice"}, {"Speech", "Voice"}, {"email", "Email"}, {"Fax", "Fax"}, {"WhatsApp", "WhatsApp"},
	} {
		if got := CanonicalOptOutType(tc.in); got != tc.want {
			t.Errorf("CanonicalOptOutType(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if !SameOptOutType("Text", "SMS") || SameOptOutType("SMS", "Voice") {
		t.Error("SameOptOutType")
	}
}

func TestOptOutRefusedBeforeAnyCall(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		do   func(c *Client) error
		want string
	}{
		{"no type", func(c *Client) error {
			_, err := c.CreateOptOut(ctx, OptOutFields{Destination: "+6421000001"})
			return err
		}, "needs a destination type"},
		{"neither", func(c *Client) error { _, err := c.CreateOptOut(ctx, OptOutFields{DestType: "SMS"}); return err }, "needs a destination or a contact id"},
		{"both", func(c *Client) error {
			_, err := c.UpdateOptOut(ctx, optOutID1, OptOutFields{DestType: "SMS", Destination: "+6421000001", ContactID: contactID1})
			return err
		}, "not both"},
		{"empty batch", func(c *Client) error {
			_, err := c.CreateOptOuts(ctx, OptOutBatch{DestTypes: []string{"SMS"}})
			return err
		}, "at least one destination or contact id"},
		{"batch without types", func(c *Client) error {
			_, err := c.CreateOptOuts(ctx, OptOutBatch{Destinations: []string{"+6421000001"}})
			return err
		}, "at least one destination type"},
		{"negative period", func(c *Client) error { _, err := c.ListOptOuts(ctx, OptOutQuery{TimePeriod: -1}); return err }, "negative"},
		{"no id", func(c *Client) error { return c.DeleteOptOut(ctx, "") }, "an opt-out id is required"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newRecordServer(t, func(capturedRequest) (int, string) { return http.StatusOK, `{}` })
			err := tc.do(newTestClient(t, srv.URL))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to contain %q", err, tc.want)
			}
			if n := len(srv.requests()); n != 0 {
				t.Errorf("%d requests made, want none", n)
			}
		})
	}
}

// TNZ's opt-out 404 has no Result: "not found" still recognises it.
func TestOptOutNotFound(t *testing.T) {
	srv := newRecordServer(t, func(capturedRequest) (int, string) {
		return http.StatusNotFound, `{"ErrorMessage":["Unable to find or access the data you're looking for."]}`
	})
	_, err := newTestClient(t, srv.URL).GetOptOut(context.Background(), optOutID1)
	if !IsNotFound(err) || IsForbidden(err) {
		t.Errorf("err = %v, want not found", err)
	}
}

func TestCreateOptOutAmbiguousFailure(t *testing.T) {
	ctx := context.Background()
	t.Run("a matching entry is named", func(t *testing.T) {
		srv := newRecordServer(t, func(r capturedRequest) (int, string) {
			if r.Method == http.MethodPost {
				return http.StatusGatewayTimeout, ``
			}
			if !strings.Contains(r.RawQuery, "destType=SMS") {
				t.Errorf("look-up query %q does not filter by type", r.RawQuery)
			}
			// The server answers Text for SMS.
			return http.StatusOK, `{"PageCount":1,"OptOuts":[` + optOutJSON(optOutID1, "Text", "+6421000001") + `,` +
				optOutJSON("7000000a-f002-4007-b00a-d00000000002", "Text", "+6421000002") + `]}`
		})
		_, err := newTestClient(t, srv.URL).CreateOptOut(ctx, OptOutFields{DestType: "SMS", Destination: "+6421000001"})
		var u *UncertainCreateError
		if !errors.As(err, &u) || !slices.Equal(u.Matches, []string{optOutID1}) {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("a batch is uncertain without a look-up", func(t *testing.T) {
		srv := newRecordServer(t, func(capturedRequest) (int, string) { return http.StatusInternalServerError, `{"Result":"Failed"}` })
		_, err := newTestClient(t, srv.URL).CreateOptOuts(ctx, OptOutBatch{DestTypes: []string{"SMS"}, Destinations: []string{"+6421000001"}})
		if !IsUncertainCreate(err) {
			t.Fatalf("err = %v, want uncertain", err)
		}
		if got := srv.calls(); len(got) != 1 {
			t.Errorf("calls = %q, want the batch once and no look-up", got)
		}
	})
}
