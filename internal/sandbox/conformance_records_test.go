package sandbox

import (
	"net/http"
	"strings"
	"testing"
)

// Conformance of the Address Book and opt-out answers (see
// conformance_test.go): every kind of answer the sandbox gives on v3.00 is
// validated against its operation in TNZ's OpenAPI file, with no key the
// file does not declare. The opt-out list's 400 (paging, filters) is not
// checked: the file documents no 400 there, as doc.go says.

// callBody is conformance.call with a body on any method, through
// specProbe's request code, as token.
func (c *conformance) callBody(t *testing.T, token, method, path, body string) exchange {
	t.Helper()
	p := &specProbe{base: c.base}
	return exchange(p.call(t, method, path, body, map[string]string{"Authorization": "Bearer " + token}))
}

func TestRecordResponseConformance(t *testing.T) {
	c := newConformance(t)
	do := func(method, path, body string) exchange { return c.callBody(t, DefaultToken, method, path, body) }
	const (
		opContact        = "client.addressbook.contact."
		opGroup          = "client.addressbook.group."
		missingContact   = "8000000a-f002-4007-b00a-d00000000009"
		missingGroup     = "9000000a-f002-4007-b00a-d00000000009"
		missingOptOutID  = "7000000a-f002-4007-b00a-d00000000009"
		fullContactValue = `{"ExType":"CRM","ExID":"42","ViewBy":"Account","EditBy":"No","AccessControl":"Granted","Attention":"Aroha N","Title":"Ms",` +
			`"Company":"TNZ","RecipDepartment":"Ops","FirstName":"Aroha","LastName":"Ngata","Position":"Lead","StreetAddress":"1 Queen St",` +
			`"Suburb":"CBD","City":"Auckland","State":"","Country":"New Zealand","Postcode":"1010","MainPhone":"+6495006000",` +
			`"AltPhone1":"+6495006001","AltPhone8":"+6495006008","MobilePhone":"+6421000001","FaxNumber":"+6495005000",` +
			`"EmailAddress":"aroha@example.com","WebAddress":"https://example.com","Custom1":"a","Custom4":"d","Notes":"n"}`
	)

	contact := c.conform(t, do(http.MethodPost, "/addressbook/contact", fullContactValue), 200, opContact+"create")
	id := asString(contact["ContactID"])
	c.conform(t, do(http.MethodPost, "/addressbook/contact", `{"FirstName":"Hemi"}`), 200, opContact+"create")
	c.conform(t, do(http.MethodPost, "/addressbook/contact", `{"EmailAddress":"x"}`), 400, opContact+"create")
	c.conform(t, do(http.MethodGet, "/addressbook/contact/"+id, ""), 200, opContact+"details")
	c.conform(t, do(http.MethodGet, "/addressbook/contact/"+missingContact, ""), 404, opContact+"details")
	c.conform(t, do(http.MethodPatch, "/addressbook/contact/"+id, `{"Company":""}`), 200, opContact+"update")
	c.conform(t, do(http.MethodPatch, "/addressbook/contact/"+id, `{"Title":"Sir"}`), 400, opContact+"update")
	c.conform(t, do(http.MethodGet, "/addressbook/contact/list?recordsPerPage=1&page=2", ""), 200, opContact+"list")
	c.conform(t, do(http.MethodGet, "/addressbook/contact/search?FirstName=aroha", ""), 200, opContact+"search")
	c.conform(t, do(http.MethodGet, "/addressbook/contact/list?recordsPerPage=0", ""), 400, opContact+"list")

	group := c.conform(t, do(http.MethodPost, "/addressbook/group", `{"GroupName":"On-call","SubAccount":"Ops","Department":"Infra","ViewEditBy":"SubAccount","AccessControl":"Granted"}`), 200, opGroup+"create")
	gid := asString(group["GroupID"])
	c.conform(t, do(http.MethodPost, "/addressbook/group", `{}`), 400, opGroup+"create")
	c.conform(t, do(http.MethodGet, "/addressbook/group/"+gid, ""), 200, opGroup+"details")
	c.conform(t, do(http.MethodGet, "/addressbook/group/"+missingGroup, ""), 404, opGroup+"details")
	c.conform(t, do(http.MethodPatch, "/addressbook/group/"+gid, `{"GroupName":"Pager"}`), 200, opGroup+"update")
	c.conform(t, do(http.MethodGet, "/addressbook/group/list", ""), 200, opGroup+"list")

	c.conform(t, do(http.MethodPatch, "/addressbook/contact/"+id+"/group", `{"GroupID":"`+gid+`"}`), 200, opContact+"groups.add")
	c.conform(t, do(http.MethodPatch, "/addressbook/contact/"+id+"/group", `{"GroupID":"`+missingGroup+`"}`), 404, opContact+"groups.add")
	c.conform(t, do(http.MethodGet, "/addressbook/contact/"+id+"/group/list", ""), 200, opContact+"groups.list")
	c.conform(t, do(http.MethodGet, "/addressbook/contact/"+missingContact+"/group/list", ""), 404, opContact+"groups.list")
	c.conform(t, do(http.MethodGet, "/addressbook/group/"+gid+"/contact/list", ""), 200, opGroup+"contacts.list")
	c.conform(t, do(http.MethodGet, "/addressbook/group/"+missingGroup+"/contact/list", ""), 404, opGroup+"contacts.list")
	c.conform(t, do(http.MethodDelete, "/addressbook/contact/"+id+"/group/"+gid, ""), 200, opContact+"groups.delete")
	c.conform(t, do(http.MethodDelete, "/addressbook/contact/"+id+"/group/"+gid, ""), 404, opContact+"groups.delete")

	// 401 and 403 on every Address Book operation kind.
	denied := func(method, path, body, op string) {
		t.Helper()
		v := c.conform(t, c.callBody(t, NoAddressBookToken, method, path, body), 403, op)
		if v["Result"] != "Failed" || errorMessagesOf(v) != "Unauthorized access to Addressbook API!" {
			t.Errorf("403 body %v", v)
		}
		c.conform(t, c.callBody(t, "wrong", method, path, body), 401, op)
	}
	denied(http.MethodPost, "/addressbook/contact", `{"FirstName":"x"}`, opContact+"create")
	denied(http.MethodGet, "/addressbook/contact/"+id, "", opContact+"details")
	denied(http.MethodGet, "/addressbook/contact/list", "", opContact+"list")
	denied(http.MethodGet, "/addressbook/group/"+gid+"/contact/list", "", opGroup+"contacts.list")
	denied(http.MethodPatch, "/addressbook/contact/"+id+"/group", `{"GroupID":"`+gid+`"}`, opContact+"groups.add")

	c.conform(t, do(http.MethodDelete, "/addressbook/group/"+gid, ""), 200, opGroup+"delete")
	c.conform(t, do(http.MethodDelete, "/addressbook/contact/"+id, ""), 200, opContact+"delete")
	c.conform(t, do(http.MethodDelete, "/addressbook/contact/"+id, ""), 404, opContact+"delete")

	// The opt-out list.
	other := asString(c.conform(t, do(http.MethodPost, "/addressbook/contact", `{"EmailAddress":"a@example.com"}`), 200, opContact+"create")["ContactID"])
	o := c.conform(t, do(http.MethodPost, "/optout", `{"DestType":"SMS","Destination":"+6421000001","SubAccount":"Ops","StopMessage":"STOP","Notes":"n"}`), 200, "client.configuration.optout.create")
	oid := asString(o["ID"])
	c.conform(t, do(http.MethodPost, "/optout", `{"DestType":"Email","ContactID":"`+other+`"}`), 200, "client.configuration.optout.create")
	c.conform(t, do(http.MethodPost, "/optout", `{"DestType":"WhatsApp","Destination":"+6421000001"}`), 400, "client.configuration.optout.create")
	c.conform(t, do(http.MethodPost, "/optout/batch", `{"DestType":"SMS,Email","Destination":"+6421000002","Destinations":["a@example.com"],"ContactIDs":["`+other+`"]}`), 200, "client.configuration.optout.createBatch")
	c.conform(t, do(http.MethodPost, "/optout/batch", `{"DestType":"SMS"}`), 400, "client.configuration.optout.createBatch")
	c.conform(t, do(http.MethodGet, "/optout/"+oid, ""), 200, "client.configuration.optout.details")
	c.conform(t, do(http.MethodGet, "/optout/"+missingOptOutID, ""), 404, "client.configuration.optout.details")
	c.conform(t, do(http.MethodPatch, "/optout/"+oid, `{"DestType":"SMS","Notes":""}`), 200, "client.messaging.optout.update")
	c.conform(t, do(http.MethodPatch, "/optout/"+oid, `{"DestType":"Fish"}`), 400, "client.messaging.optout.update")
	c.conform(t, do(http.MethodPatch, "/optout/"+missingOptOutID, `{"DestType":"SMS"}`), 404, "client.messaging.optout.update")
	c.conform(t, do(http.MethodGet, "/optout/list?destType=SMS&recordsPerPage=5", ""), 200, "client.configuration.optout.list")
	c.conform(t, c.callBody(t, "wrong", http.MethodGet, "/optout/list", ""), 401, "client.configuration.optout.list")
	c.conform(t, do(http.MethodDelete, "/optout/"+oid, ""), 200, "client.messaging.optout.delete")
	c.conform(t, do(http.MethodDelete, "/optout/"+oid, ""), 404, "client.messaging.optout.delete")
}

func errorMessagesOf(v map[string]any) string {
	return strings.Join(errorMessages(v), "; ")
}
