package tnz

import (
	"encoding/json"
	"strings"
	"testing"
)

func boolPtr(b bool) *bool { return &b }

func TestV300SendBodyMinimal(t *testing.T) {
	msg := &SMSMessage{
		Common:  Common{MessageID: "ID1", Destinations: []Destination{{Recipient: "+6421000001"}}},
		Message: "Hello",
	}
	req, err := newV300(Config{AuthToken: "tok"}).sendRequest(msg)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"MessageID":"ID1","Destinations":[{"ToNumber":"+6421000001"}],"Message":"Hello"}`
	if got := string(req.body); got != want {
		t.Errorf("body\n got %s\nwant %s", got, want)
	}
	if req.method != "POST" || req.path != "/api/v3.00/sms" {
		t.Errorf("request = %s %s, want POST /api/v3.00/sms", req.method, req.path)
	}
	if got := req.header.Get("Authorization"); got != "Bearer tok" {
		t.Errorf("Authorization = %q", got)
	}
}

func TestV300SendBodyFull(t *testing.T) {
	msg := &SMSMessage{
		Common: Common{
			MessageID:             "ID123",
			Reference:             "Ref",
			SendTime:              "2026-08-29T14:00",
			Timezone:              "New Zealand",
			SubAccount:            "SA",
			Department:            "Dept",
			ChargeCode:            "CC",
			WebhookCallbackURL:    "https://example.com/hook",
			WebhookCallbackFormat: "JSON",
			ReportTo:              "reports@example.com",
			TestMode:              true,
			TemplateID:            "123e4567-e89b-12d3-a456-426614174000",
			Destinations: []Destination{
				{
					Recipient: "+6421000001", Attention: "Att", Company: "Co", FirstName: "John", LastName: "Doe",
					Custom: [9]string{"c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9"},
				},
				{Recipient: "021-000002", Custom: [9]string{2: "only3"}},
				{ContactID: "6000000b-f002-4007-b00a-c00000000001"},
				{GroupID: "4000000b-f002-4007-b00a-c00000000002"},
				{GroupCode: "My_Test_Group"},
			},
		},
		Message:             "Hi [[FirstName]] <b>&</b>",
		FromNumber:          "61408080909",
		SMSEmailReply:       "reply@example.com",
		CharacterConversion: boolPtr(false),
		Files:               []File{{Name: "My Example.pdf", Data: "QUJD"}},
	}
	req, err := newV300(Config{}).sendRequest(msg)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"MessageID":"ID123","Reference":"Ref","SendTime":"2026-08-29T14:00","Timezone":"New Zealand",` +
		`"SubAccount":"SA","Department":"Dept","ChargeCode":"CC","WebhookCallbackURL":"https://example.com/hook",` +
		`"WebhookCallbackFormat":"JSON","ReportTo":"reports@example.com","TemplateID":"123e4567-e89b-12d3-a456-426614174000",` +
		`"Mode":"Test","Destinations":[` +
		`{"ToNumber":"+6421000001","Attention":"Att","Company":"Co","FirstName":"John","LastName":"Doe",` +
		`"Custom1":"c1","Custom2":"c2","Custom3":"c3","Custom4":"c4","Custom5":"c5","Custom6":"c6","Custom7":"c7","Custom8":"c8","Custom9":"c9"},` +
		`{"ToNumber":"021-000002","Custom3":"only3"},` +
		`{"ContactID":"6000000b-f002-4007-b00a-c00000000001"},` +
		`{"GroupID":"4000000b-f002-4007-b00a-c00000000002"},` +
		`{"GroupCode":"My_Test_Group"}],` +
		`"Message":"Hi [[FirstName]] <b>&</b>","FromNumber":"61408080909","SMSEmailReply":"reply@example.com",` +
		`"CharacterConversion":false,"Files":[{"Name":"My Example.pdf","Data":"QUJD"}]}`
	if got := string(req.body); got != want {
		t.Errorf("body\n got %s\nwant %s", got, want)
	}
	if req.header.Get("Authorization") != "" {
		t.Errorf("no token configured, but Authorization = %q", req.header.Get("Authorization"))
	}
}

func TestV300SendBodyOmitsUnsetCharacterConversion(t *testing.T) {
	for _, tc := range []struct {
		conv *bool
		want string
	}{
		{nil, `{"Message":"x"}`},
		{boolPtr(true), `{"Message":"x","CharacterConversion":true}`},
	} {
		req, err := newV300(Config{}).sendRequest(&SMSMessage{Message: "x", CharacterConversion: tc.conv})
		if err != nil {
			t.Fatal(err)
		}
		if string(req.body) != tc.want {
			t.Errorf("got %s, want %s", req.body, tc.want)
		}
	}
}

func TestV300DestinationKeyPerChannel(t *testing.T) {
	want := map[Channel]string{
		SMS:   `{"ToNumber":"R"}`,
		Fax:   `{"ToNumber":"R"}`,
		Email: `{"EmailAddress":"R"}`,
		TTS:   `{"MainPhone":"R"}`,
		Voice: `{"MainPhone":"R"}`,
		// WhatsApp and RCS go to mobiles; a bare Workflow recipient is a
		// number unless it has an @ (TestV300WorkflowDestinations).
		WhatsApp: `{"ToNumber":"R"}`,
		RCS:      `{"ToNumber":"R"}`,
		Workflow: `{"ToNumber":"R"}`,
	}
	for _, ch := range Channels {
		b, err := json.Marshal(newV300Destination(ch, Destination{Recipient: "R"}))
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != want[ch] {
			t.Errorf("%s: got %s, want %s", ch, b, want[ch])
		}
	}
}

func TestV300StatusRequestEscapesID(t *testing.T) {
	req, err := newV300(Config{AuthToken: "tok"}).statusRequest(Email, "a/b c?d", 3, 100)
	if err != nil {
		t.Fatal(err)
	}
	if want := "/api/v3.00/email/a%2Fb%20c%3Fd"; req.method != "GET" || req.path != want || req.query != "recordsPerPage=100&page=3" {
		t.Errorf("got %s %s?%s, want GET %s?recordsPerPage=100&page=3", req.method, req.path, req.query, want)
	}
	if req.body != nil {
		t.Errorf("GET has a body: %s", req.body)
	}
}

func TestV300DecodeSend(t *testing.T) {
	d := newV300(Config{})
	for _, tc := range []struct {
		name, body, sentID string
		wantID             string
		wantErr            string
	}{
		{"spec", `{"MessageID":"SRV1"}`, "", "SRV1", ""},
		{"server id wins", `{"MessageID":"SRV1"}`, "MINE", "SRV1", ""},
		{"result success", `{"Result":"Success","MessageID":"SRV1"}`, "", "SRV1", ""},
		{"empty body uses sent id", ``, "MINE", "MINE", ""},
		{"whitespace body uses sent id", " \n", "MINE", "MINE", ""},
		{"non-json 2xx uses sent id", `OK`, "MINE", "MINE", ""},
		{"empty body, no id", ``, "", "", "did not return a MessageID"},
		{"result failed", `{"Result":"Failed","ErrorMessage":["Missing or empty message"]}`, "MINE", "", "Missing or empty message"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := d.decodeSend(200, []byte(tc.body), tc.sentID)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want it to contain %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if res.MessageID != tc.wantID || res.Recovered {
				t.Errorf("got %+v, want MessageID %q", res, tc.wantID)
			}
		})
	}
}

func TestV300DecodeSendResultFailedIsAPIError(t *testing.T) {
	_, err := newV300(Config{}).decodeSend(200, []byte(`{"Result":"Failed","ErrorMessage":"Missing or empty message"}`), "X")
	apiErr, ok := err.(*APIError)
	if !ok {
		t.Fatalf("err = %T %v, want *APIError", err, err)
	}
	if apiErr.StatusCode != 200 || apiErr.Result != "Failed" || len(apiErr.Messages) != 1 {
		t.Errorf("got %+v", apiErr)
	}
}

const specStatus = `{
  "MessageID": "ID1", "JobStatus": "Completed", "JobNum": "10AB20CE", "Account": "101202",
  "SubAccount": "", "Department": "", "Reference": "Ref",
  "CreatedTimeLocal": "2025-05-29 05:11:03", "CreatedTimeUTC": "2025-05-29 17:11:03",
  "CreatedTimeUTC_RFC3339": "2025-05-29T17:11:03.000Z",
  "DelayedTimeUTC": "2025-05-30 17:11:03",
  "Timezone": "New Zealand", "Count": 2, "Complete": "2", "Success": 1.0, "Failed": " 1 ",
  "Price": 0.10, "TotalRecords": 2, "RecordsPerPage": 20, "PageCount": 1, "Page": 1,
  "Recipients": [
    {"Type": "SMS", "DestSeq": "00000001", "Destination": "+6421000001", "ContactID": null,
     "Status": "Success", "Result": "Delivered", "SentTimeUTC": "2025-06-12 20:44:16",
     "SentTimeUTC_RFC3339": "2025-06-12T20:44:16.000Z", "MessageText": "Hello", "Price": "0.05",
     "SMSReplies": [{"ReceivedID": "R1", "ReceivedTimeUTC": "2025-09-01 02:02:03", "From": "+6421000001", "MessageText": "Thanks"}]},
    {"Type": "Text", "DestSeq": 2, "Destination": "+6421000002", "Status": "Failed", "Result": "Bad Number",
     "SentTimeUTC": "2025-06-12 20:44:17", "Price": null}
  ]
}`

func TestV300DecodeStatus(t *testing.T) {
	st, _, err := newV300(Config{}).decodeStatus(200, []byte(specStatus))
	if err != nil {
		t.Fatal(err)
	}
	if st.MessageID != "ID1" || st.JobStatus != JobCompleted || st.JobNum != "10AB20CE" || st.Reference != "Ref" || st.Timezone != "New Zealand" {
		t.Errorf("header fields: %+v", st)
	}
	if st.Count != 2 || st.Complete != 2 || st.Success != 1 || st.Failed != 1 {
		t.Errorf("counts = %d/%d/%d/%d, want 2/2/1/1", st.Count, st.Complete, st.Success, st.Failed)
	}
	if st.Price != "0.10" {
		t.Errorf("Price = %q, want 0.10 as written", st.Price)
	}
	if st.CreatedTimeUTC != "2025-05-29T17:11:03.000Z" {
		t.Errorf("CreatedTimeUTC = %q, want the RFC3339 form", st.CreatedTimeUTC)
	}
	if st.DelayedTimeUTC != "2025-05-30 17:11:03" {
		t.Errorf("DelayedTimeUTC = %q, want the UTC form when RFC3339 is missing", st.DelayedTimeUTC)
	}
	if len(st.Recipients) != 2 {
		t.Fatalf("recipients = %d, want 2", len(st.Recipients))
	}
	r0, r1 := st.Recipients[0], st.Recipients[1]
	if r0.Destination != "+6421000001" || r0.Status != RecipientSuccess || r0.Result != "Delivered" ||
		r0.SentTimeUTC != "2025-06-12T20:44:16.000Z" || r0.MessageText != "Hello" || r0.ContactID != "" {
		t.Errorf("recipient 0: %+v", r0)
	}
	if len(r0.Replies) != 1 || r0.Replies[0] != (SMSReply{ReceivedID: "R1", ReceivedTimeUTC: "2025-09-01 02:02:03", From: "+6421000001", MessageText: "Thanks"}) {
		t.Errorf("replies: %+v", r0.Replies)
	}
	if r1.DestSeq != "2" || r1.Type != "Text" || r1.SentTimeUTC != "2025-06-12 20:44:17" || r1.Replies != nil {
		t.Errorf("recipient 1: %+v", r1)
	}
}

func TestV300DecodeStatusPrice(t *testing.T) {
	for body, want := range map[string]string{
		`{"Price":null}`:   "",
		`{"Price":0.1}`:    "0.1",
		`{"Price":"0.10"}`: "0.10",
		`{"Price":12}`:     "12",
		`{}`:               "",
		`{"Price":{}}`:     "",
	} {
		st, _, err := newV300(Config{}).decodeStatus(200, []byte(body))
		if err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		if st.Price != want {
			t.Errorf("%s: Price = %q, want %q", body, st.Price, want)
		}
	}
}

func TestV300DecodeStatusCounts(t *testing.T) {
	for body, want := range map[string]int64{
		`{"Count":3}`:      3,
		`{"Count":"3"}`:    3,
		`{"Count":"3.0"}`:  3,
		`{"Count":3e0}`:    3,
		`{"Count":null}`:   0,
		`{"Count":""}`:     0,
		`{"Count":"many"}`: 0,
		`{"Count":true}`:   0,
		`{"Count":1e300}`:  0,
	} {
		st, _, err := newV300(Config{}).decodeStatus(200, []byte(body))
		if err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		if st.Count != want {
			t.Errorf("%s: Count = %d, want %d", body, st.Count, want)
		}
	}
}

func TestV300DecodeStatusRejectsNonObject(t *testing.T) {
	for _, body := range []string{``, `[]`, `"x"`, `{"Recipients":{}}`} {
		if _, _, err := newV300(Config{}).decodeStatus(200, []byte(body)); err == nil {
			t.Errorf("%q: want an error", body)
		}
	}
}

// The fields the SDKs read from a status beside the delivery outcome: the
// job's SubAccount and Department, and each recipient's personalisation
// fields, RemoteID and Price, read leniently (numbers as written).
func TestV300DecodeStatusDetailFields(t *testing.T) {
	const body = `{"MessageID":"ID1","SubAccount":"Platform","Department":42,"Reference":"Ref","Price":"0.30",
	  "Recipients":[
	    {"Destination":"+6495006000","Attention":"On call","Company":"TNZ Community",
	     "Custom1":"v1.4.2","Custom2":2,"Custom3":null,"Custom9":"nine","RemoteID":"+6495006001","Price":0.10},
	    {"Destination":"+6495006002","RemoteID":null,"Price":null,"Custom5":true}
	  ]}`
	st, _, err := newV300(Config{}).decodeStatus(200, []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if st.SubAccount != "Platform" || st.Department != "42" || st.Reference != "Ref" || st.Price != "0.30" {
		t.Errorf("job fields: SubAccount %q Department %q Reference %q Price %q", st.SubAccount, st.Department, st.Reference, st.Price)
	}
	if len(st.Recipients) != 2 {
		t.Fatalf("recipients = %d, want 2", len(st.Recipients))
	}
	r0, r1 := st.Recipients[0], st.Recipients[1]
	if r0.Attention != "On call" || r0.Company != "TNZ Community" || r0.RemoteID != "+6495006001" || r0.Price != "0.10" {
		t.Errorf("recipient 0: %+v", r0)
	}
	if want := [9]string{"v1.4.2", "2", "", "", "", "", "", "", "nine"}; r0.Custom != want {
		t.Errorf("recipient 0 Custom = %q, want %q", r0.Custom, want)
	}
	if r1.RemoteID != "" || r1.Price != "" || r1.Custom[4] != "true" || r1.Attention != "" {
		t.Errorf("recipient 1: %+v", r1)
	}
}
