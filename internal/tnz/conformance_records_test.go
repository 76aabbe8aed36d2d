package tnz

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// OpenAPI conformance of the Address Book and opt-out requests (see
// conformance_test.go for sends). Every v3.00 request the client builds is
// checked against its operation in TNZ's OpenAPI file (path, query,
// headers, security and body), and so is every answer these tests give the
// client.
//
// Documented differences, each asserted below so that it cannot outlive
// its reason:
//
//   - Clearing a contact's EmailAddress or WebAddress: the update sends ""
//     (PATCH changes only the fields sent), which the file's email and uri
//     formats reject; the file offers no other way to clear them (the type
//     is not nullable). Such a body fails for those values only.
//   - An opt-out for a contact (ContactID, no Destination): the file's
//     POST /optout body requires Destination although OptOut_Object says
//     "Destination or ContactID (not both)". Such a body fails for the
//     missing Destination only.

var recordAnswers = struct {
	contact, contactList, contactGroups, group, groupList, groupContacts, membership, optOut, optOutList string
}{
	contact:       contactJSON(contactID1, map[string]string{"FirstName": "Aroha", "EmailAddress": "aroha@example.com", "Title": "Ms"}),
	contactList:   `{"TotalRecords":1,"RecordsPerPage":100,"PageCount":1,"Page":1,"Contacts":[` + contactJSON(contactID1, nil) + `]}`,
	contactGroups: `{"TotalRecords":1,"RecordsPerPage":100,"PageCount":1,"Page":1,"Contact":` + contactJSON(contactID1, nil) + `,"Groups":[` + groupJSON(groupID1, "Oncall", "On-call") + `]}`,
	group:         groupJSON(groupID1, "Oncall", "On-call"),
	groupList:     `{"TotalRecords":1,"RecordsPerPage":100,"PageCount":1,"Page":1,"Groups":[` + groupJSON(groupID1, "Oncall", "On-call") + `]}`,
	groupContacts: `{"TotalRecords":1,"RecordsPerPage":100,"PageCount":1,"Page":1,"Group":` + groupJSON(groupID1, "Oncall", "On-call") + `,"Contacts":[` + contactJSON(contactID1, nil) + `]}`,
	membership:    `{"Group":` + groupJSON(groupID1, "Oncall", "On-call") + `,"Contact":` + contactJSON(contactID1, nil) + `}`,
	optOut:        optOutJSON(optOutID1, "SMS", "+6421000001"),
	optOutList:    `{"TotalRecords":1,"RecordsPerPage":100,"PageCount":1,"Page":1,"OptOuts":[` + optOutJSON(optOutID1, "SMS", "+6421000001") + `]}`,
}

// allContactFields sets every v3.00 contact field to a value its schema accepts.
func allContactFields() map[string]string {
	f := map[string]string{}
	for _, k := range ContactFields(V300) {
		f[k] = "x"
	}
	maps.Copy(f, map[string]string{
		"ViewBy": "Account", "EditBy": "SubAccount", "AccessControl": "Granted", "Title": "Dr",
		"EmailAddress": "aroha@example.com", "WebAddress": "https://example.com", "MainPhone": "+6495006000",
		"MobilePhone": "+6421000001", "Notes": strings.Repeat("n", 1000),
	})
	return f
}

type recordCase struct {
	name, opID, answer string
	do                 func(c *Client) error
}

func recordCases() []recordCase {
	ctx := context.Background()
	return []recordCase{
		{"contact create", "client.addressbook.contact.create", recordAnswers.contact, func(c *Client) error {
			_, err := c.CreateContact(ctx, allContactFields())
			return err
		}},
		{"contact details", "client.addressbook.contact.details", recordAnswers.contact, func(c *Client) error {
			_, err := c.GetContact(ctx, contactID1)
			return err
		}},
		{"contact update", "client.addressbook.contact.update", recordAnswers.contact, func(c *Client) error {
			_, err := c.UpdateContact(ctx, contactID1, map[string]string{"LastName": "", "Company": "TNZ", "Title": ""})
			return err
		}},
		{"contact delete", "client.addressbook.contact.delete", recordAnswers.contact, func(c *Client) error {
			return c.DeleteContact(ctx, contactID1)
		}},
		{"contact list", "client.addressbook.contact.list", recordAnswers.contactList, func(c *Client) error {
			_, err := c.ListContacts(ctx)
			return err
		}},
		{"contact search", "client.addressbook.contact.search", recordAnswers.contactList, func(c *Client) error {
			_, err := c.SearchContacts(ctx, ContactQuery{EmailAddress: "aroha@example.com", MobilePhone: "+6421", MainPhone: "09",
				Attention: "A", FirstName: "Aroha", LastName: "Ngata", Company: "TNZ"})
			return err
		}},
		{"contact groups", "client.addressbook.contact.groups.list", recordAnswers.contactGroups, func(c *Client) error {
			_, err := c.ContactGroups(ctx, contactID1)
			return err
		}},
		{"is member", "client.addressbook.contact.groups.list", recordAnswers.contactGroups, func(c *Client) error {
			_, err := c.IsMember(ctx, contactID1, groupID1)
			return err
		}},
		{"add to group", "client.addressbook.contact.groups.add", recordAnswers.membership, func(c *Client) error {
			return c.AddContactToGroup(ctx, contactID1, groupID1)
		}},
		{"remove from group", "client.addressbook.contact.groups.delete", recordAnswers.membership, func(c *Client) error {
			return c.RemoveContactFromGroup(ctx, contactID1, groupID1)
		}},
		{"group create", "client.addressbook.group.create", recordAnswers.group, func(c *Client) error {
			_, err := c.CreateGroup(ctx, GroupFields{GroupName: "On-call", SubAccount: "Ops", Department: "Infra", ViewEditBy: "No", AccessControl: "Limited"})
			return err
		}},
		{"group details", "client.addressbook.group.details", recordAnswers.group, func(c *Client) error {
			_, err := c.GetGroup(ctx, groupID1)
			return err
		}},
		{"group update", "client.addressbook.group.update", recordAnswers.group, func(c *Client) error {
			_, err := c.UpdateGroup(ctx, groupID1, GroupFields{GroupName: "On call"})
			return err
		}},
		{"group delete", "client.addressbook.group.delete", recordAnswers.group, func(c *Client) error {
			return c.DeleteGroup(ctx, groupID1)
		}},
		{"group list", "client.addressbook.group.list", recordAnswers.groupList, func(c *Client) error {
			_, err := c.ListGroups(ctx)
			return err
		}},
		{"group by code", "client.addressbook.group.list", recordAnswers.groupList, func(c *Client) error {
			_, err := c.FindGroupByCode(ctx, "Oncall")
			return err
		}},
		{"group contacts", "client.addressbook.group.contacts.list", recordAnswers.groupContacts, func(c *Client) error {
			_, err := c.GroupContacts(ctx, groupID1)
			return err
		}},
		{"opt-out create", "client.configuration.optout.create", recordAnswers.optOut, func(c *Client) error {
			_, err := c.CreateOptOut(ctx, OptOutFields{DestType: "SMS", Destination: "+6421000001", SubAccount: "Ops", Department: "Infra", StopMessage: "STOP", Notes: "n"})
			return err
		}},
		{"opt-out batch", "client.configuration.optout.createBatch", recordAnswers.optOut, func(c *Client) error {
			_, err := c.CreateOptOuts(ctx, OptOutBatch{DestTypes: []string{"SMS", "Email"}, Destinations: []string{"+6421000001", "a@example.com"},
				ContactIDs: []string{contactID1, contactID2}, SubAccount: "Ops", Department: "Infra"})
			return err
		}},
		{"opt-out details", "client.configuration.optout.details", recordAnswers.optOut, func(c *Client) error {
			_, err := c.GetOptOut(ctx, optOutID1)
			return err
		}},
		{"opt-out update", "client.messaging.optout.update", recordAnswers.optOut, func(c *Client) error {
			_, err := c.UpdateOptOut(ctx, optOutID1, OptOutFields{DestType: "SMS", Destination: "+6421000001"})
			return err
		}},
		{"opt-out delete", "client.messaging.optout.delete", recordAnswers.optOut, func(c *Client) error {
			return c.DeleteOptOut(ctx, optOutID1)
		}},
		{"opt-out list", "client.configuration.optout.list", recordAnswers.optOutList, func(c *Client) error {
			_, err := c.ListOptOuts(ctx, OptOutQuery{TimePeriod: 7, DestType: "SMS", ContactID: contactID1})
			return err
		}},
	}
}

func TestConformanceRecords(t *testing.T) {
	sp := mustSpec(t)
	ctx := context.Background()
	for _, tc := range recordCases() {
		t.Run(tc.name, func(t *testing.T) {
			for _, c := range captureAll(t, tc.answer, tc.do) {
				req := specRequest(t, c, c.Body)
				checkOperation(t, sp, req, tc.opID)
				if err := sp.ValidateRequest(ctx, req); err != nil {
					t.Errorf("the OpenAPI file rejects %s %s?%s (body %s): %v", c.Method, c.Path, c.RawQuery, c.Body, err)
				}
				if err := sp.ValidateResponse(ctx, req, http.StatusOK, jsonHeader, []byte(tc.answer)); err != nil {
					t.Errorf("the tests' answer does not match the OpenAPI file's 200: %v\n%s", err, tc.answer)
				}
			}
		})
	}
}

// captureAll makes one call through a real client against a server that
// answers answer, and returns the requests it made.
func captureAll(t *testing.T, answer string, do func(*Client) error) []capturedRequest {
	t.Helper()
	srv := newCaptureServer(t, http.StatusOK, answer)
	if err := do(newTestClient(t, srv.URL)); err != nil {
		t.Fatalf("the call failed: %v", err)
	}
	reqs := srv.captured()
	if len(reqs) == 0 {
		t.Fatal("no request was made")
	}
	return reqs
}

// The error answers the client's tests (and the sandbox) give are the OpenAPI file's.
func TestConformanceRecordErrors(t *testing.T) {
	sp := mustSpec(t)
	ctx := context.Background()
	forbidden := `{"Result":"Failed","ErrorMessage":["Unauthorized access to Addressbook API!"]}`
	notFound := `{"Result":"RecordNotFound","ErrorMessage":["Unable to find or access record with id '` + contactID1 + `'."]}`
	optOutNotFound := `{"ErrorMessage":["Unable to find or access the data you're looking for."]}`
	for _, tc := range recordCases() {
		if tc.name == "is member" || tc.name == "group by code" {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			c := captureAll(t, tc.answer, tc.do)[0]
			req := specRequest(t, c, c.Body)
			op, _ := specOperation(t, sp, req, tc.opID)
			if strings.Contains(tc.opID, "addressbook") {
				if op.Responses.Status(http.StatusForbidden) == nil {
					t.Fatalf("the OpenAPI file documents no 403 for %s", tc.opID)
				}
				if err := sp.ValidateResponse(ctx, req, http.StatusForbidden, jsonHeader, []byte(forbidden)); err != nil {
					t.Errorf("403 answer: %v", err)
				}
			}
			answer := notFound
			if strings.Contains(tc.opID, "optout") {
				answer = optOutNotFound
			}
			if op.Responses.Status(http.StatusNotFound) == nil {
				return // creates and lists have no 404
			}
			if err := sp.ValidateResponse(ctx, req, http.StatusNotFound, jsonHeader, []byte(answer)); err != nil {
				t.Errorf("404 answer: %v", err)
			}
		})
	}
}

// The documented differences fail the OpenAPI file for their own reason only, and the
// validator can say no to the record bodies.
func TestConformanceRecordExceptions(t *testing.T) {
	sp := mustSpec(t)
	ctx := context.Background()
	check := func(t *testing.T, do func(*Client) error, answer, opID string) error {
		t.Helper()
		c := captureAll(t, answer, do)[0]
		req := specRequest(t, c, c.Body)
		checkOperation(t, sp, req, opID)
		return sp.ValidateRequest(ctx, req)
	}
	for _, key := range []string{"EmailAddress", "WebAddress"} {
		t.Run("clearing "+key, func(t *testing.T) {
			err := check(t, func(c *Client) error {
				_, err := c.UpdateContact(context.Background(), contactID1, map[string]string{key: "", "FirstName": "Aroha"})
				return err
			}, recordAnswers.contact, "client.addressbook.contact.update")
			if err == nil {
				t.Fatalf("the OpenAPI file accepts %s \"\": the documented difference is gone", key)
			}
			if !strings.Contains(err.Error(), key) || !strings.Contains(err.Error(), "format") {
				t.Errorf("the OpenAPI file rejects the body for another reason: %v", err)
			}
		})
	}
	t.Run("opt-out for a contact", func(t *testing.T) {
		err := check(t, func(c *Client) error {
			_, err := c.CreateOptOut(context.Background(), OptOutFields{DestType: "Email", ContactID: contactID1})
			return err
		}, recordAnswers.optOut, "client.configuration.optout.create")
		if err == nil {
			t.Fatal("the OpenAPI file accepts an opt-out without Destination: the documented difference is gone")
		}
		if !strings.Contains(err.Error(), `"Destination"`) || strings.Count(err.Error(), "Error at") > 1 {
			t.Errorf("the OpenAPI file rejects the body for another reason: %v", err)
		}
	})
	for _, tc := range []struct {
		name   string
		fields map[string]string
	}{
		{"Title not in enum", map[string]string{"Title": "Sir"}},
		{"ViewBy not in enum", map[string]string{"ViewBy": "Everyone"}},
		{"AccessControl not in enum", map[string]string{"AccessControl": "Full"}},
		{"EmailAddress not an email", map[string]string{"EmailAddress": "aroha"}},
		{"Notes too long", map[string]string{"Notes": strings.Repeat("n", 1001)}},
		{"ExType too long", map[string]string{"ExType": strings.Repeat("x", 21)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := check(t, func(c *Client) error { _, err := c.CreateContact(context.Background(), tc.fields); return err },
				recordAnswers.contact, "client.addressbook.contact.create")
			if err == nil {
				t.Errorf("the OpenAPI file accepted a contact with %s", tc.name)
			}
		})
	}
}

// The client knows exactly the contact fields of the OpenAPI file's Contact_Object.
func TestContactFieldsAreSpecs(t *testing.T) {
	sp := mustSpec(t)
	ref := sp.Doc.Components.Schemas["Contact_Object"]
	if ref == nil || ref.Value == nil {
		t.Fatal("the OpenAPI file has no Contact_Object")
	}
	spec := slices.Sorted(maps.Keys(ref.Value.Properties))
	ours := slices.Sorted(slices.Values(ContactFields(V300)))
	if !slices.Equal(spec, ours) {
		t.Errorf("the OpenAPI file Contact_Object has %v,\nthe client %v", spec, ours)
	}
	for _, k := range ContactFields(V204) {
		if k != "DirectPhone" && !slices.Contains(spec, k) {
			t.Errorf("v2.04 field %s is not in the OpenAPI file and not the documented DirectPhone", k)
		}
	}
	if got := fmt.Sprint(ContactFields(V202)); got != "[]" {
		t.Errorf("v2.02 contact fields = %s, want none", got)
	}
}
