package tnz

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// Golden bodies: what Client.Send puts on the wire for each channel, byte
// for byte (keys in a fixed order, empty values left out).

const specSendAnswer = `{"MessageID":"1000000a-f002-4007-b00a-d00000000002"}`

// shortWAV stands in for recorded audio where the bytes do not matter.
const shortWAV = "UklGRiQAAABXQVZF"

func TestV300SendGoldenBodies(t *testing.T) {
	for _, tc := range []struct {
		name string
		msg  Message
		path string
		want string
	}{
		{
			"sms minimal", minimalSMS(), "/api/v3.00/sms",
			`{"Destinations":[{"ToNumber":"+6421000001"}],"Message":"Hello"}`,
		},
		{
			"sms full", fullSMS(), "/api/v3.00/sms",
			goldenCommon("ToNumber", "+6421000001", "021-000002") +
				`,"Message":"Hi [[FirstName]] <b>&</b> [[File1]]","FromNumber":"61408080909",` +
				`"SMSEmailReply":"reply@example.com","SMSCustomPageID":"` + fixtureCustomPage + `","CharacterConversion":true,` +
				`"FallbackMode":"Voice",` + goldenFiles + `}`,
		},
		{
			"email minimal", minimalEmail(), "/api/v3.00/email",
			`{"Destinations":[{"EmailAddress":"john.doe@example.com"}],"MessagePlain":"Hello"}`,
		},
		{
			"email full", fullEmail(), "/api/v3.00/email",
			goldenCommon("EmailAddress", "john.doe@example.com", "jane@example.com") +
				`,"EmailSubject":"Your appointment","MessagePlain":"Hello [[FirstName]]",` +
				`"MessageHTML":"<p>Hello <b>[[FirstName]]</b> & welcome</p>","From":"Company One Ltd",` +
				`"FromEmail":"help@example.com","SMTPFrom":"bounces@example.com","ReplyTo":"replies@example.com",` +
				`"CCEmail":"notices@example.com","BCCEmail":"archive@example.com",` + goldenFiles + `}`,
		},
		{
			"fax minimal", minimalFax(), "/api/v3.00/fax",
			`{"Destinations":[{"ToNumber":"+6495006000"}],"Files":[{"Name":"My Example.pdf","Data":"` + fixturePDF + `"}]}`,
		},
		{
			"fax full", fullFax(), "/api/v3.00/fax",
			goldenCommon("ToNumber", "+6495006000", "09 500 6001") +
				`,"Resolution":"High","CSID":"My HP Fax Machine","StampFormat":"Stamp01","RetryAttempts":0,"RetryPeriod":5,` +
				`"WatermarkFolder":"Folder01","WatermarkFirstPage":"Watermark First.ps","WatermarkAllPages":"Watermark All.docx",` +
				goldenFiles + `}`,
		},
		{
			"tts minimal", minimalTTS(), "/api/v3.00/tts",
			`{"Destinations":[{"MainPhone":"+6495005000"}],"MessageToPeople":"Hello"}`,
		},
		{
			"tts full", fullTTS(), "/api/v3.00/tts",
			goldenCommon("MainPhone", "+6495005000", "09 500 6001") +
				`,"MessageToPeople":"Hello, press 1 to talk to us.","MessageToAnswerPhones":"Sorry we missed you.",` +
				`"Keypads":[{"Tone":0,"Play":"You pressed zero."},` +
				`{"Tone":1,"Play":"Connecting you now.","RouteNumber":"6421000001"},` +
				`{"Tone":2,"PlaySection":"Main"}],` +
				`"KeypadOptionRequired":true,"CallRouteMessageToPeople":"Connecting you now.",` +
				`"CallRouteMessageToOperators":"Incoming call.","CallRouteMessageOnWrongKey":"Sorry, that key is not valid.",` +
				`"EndCallMessage":"Goodbye.","NumberOfOperators":5,"CallerID":"+6495005000","BillingAccount":"BA-7",` +
				`"RetryAttempts":1,"RetryPeriod":5,` +
				`"Options":"Record","AnswerPhoneMode":"NDAS","Voice":"Female1"}`,
		},
		{
			"voice minimal", minimalVoice(shortWAV), "/api/v3.00/voice",
			`{"Destinations":[{"MainPhone":"+6495005000"}],"MessageToPeople":"` + shortWAV + `"}`,
		},
		{
			"voice full", fullVoice(shortWAV), "/api/v3.00/voice",
			goldenCommon("MainPhone", "+6495005000", "09 500 6001") +
				`,"MessageToPeople":"` + shortWAV + `","MessageToAnswerPhones":"` + shortWAV + `",` +
				`"Keypads":[{"Tone":0,"Play":"` + shortWAV + `"},` +
				`{"Tone":1,"Play":"` + shortWAV + `","RouteNumber":"6421000001"},` +
				`{"Tone":2,"PlaySection":"Main"}],` +
				`"KeypadOptionRequired":true,"CallRouteMessageToPeople":"` + shortWAV + `",` +
				`"CallRouteMessageToOperators":"` + shortWAV + `","CallRouteMessageOnWrongKey":"` + shortWAV + `",` +
				`"EndCallMessage":"` + shortWAV + `","NumberOfOperators":5,"CallerID":"+6495005000","BillingAccount":"BA-7",` +
				`"RetryAttempts":1,"RetryPeriod":5,` +
				`"Options":"Record","AnswerPhoneMode":"NDAS"}`,
		},
		{
			"whatsapp minimal", minimalWhatsApp(), "/api/v3.00/whatsapp",
			`{"TemplateID":"` + fixtureTemplate + `","Destinations":[{"ToNumber":"+6421000001"}],"Message":"Hello","FromNumber":"+6495006000"}`,
		},
		{
			"whatsapp full", fullWhatsApp(), "/api/v3.00/whatsapp",
			goldenCommon("ToNumber", "+6421000001", "021-000002", "ReportTo") +
				`,"Message":"Hi [[FirstName]], your renewal is at [[File1]]","FromNumber":"+6495006000","FallbackMode":"SMS",` +
				goldenFiles + `}`,
		},
		{
			"rcs minimal", minimalRCS(), "/api/v3.00/rcs",
			`{"Destinations":[{"ToNumber":"+14155550100"}],"Message":"Hello"}`,
		},
		{
			"rcs full", fullRCS(), "/api/v3.00/rcs",
			goldenCommon("ToNumber", "+14155550100", "+14155550101", "ReportTo") +
				`,"Message":"Hi [[FirstName]] <b>&</b> [[File1]]","FromNumber":"61410023004",` +
				`"SMSEmailReply":"reply@example.com","FallbackMode":"Voice",` + goldenFiles + `}`,
		},
		{
			"workflow minimal", minimalWorkflow(), "/api/v3.00/workflow",
			`{"WorkflowTemplateID":"` + fixtureWorkflow + `","Destinations":[{"ToNumber":"+6421000001"}]}`,
		},
		{"workflow full", fullWorkflow(), "/api/v3.00/workflow", goldenWorkflow()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, res := captureSend(t, tc.msg, specSendAnswer)
			if req.Method != http.MethodPost || req.Path != tc.path || req.RawQuery != "" {
				t.Errorf("request = %s %s?%s, want POST %s", req.Method, req.Path, req.RawQuery, tc.path)
			}
			if got := string(req.Body); got != tc.want {
				t.Errorf("body\n got %s\nwant %s", got, tc.want)
			}
			if got := req.Header.Get("Authorization"); got != "Bearer "+testToken {
				t.Errorf("Authorization = %q, want Bearer <token>", got)
			}
			if got := req.Header.Get("Content-Type"); got != "application/json" {
				t.Errorf("Content-Type = %q", got)
			}
			if res.MessageID != "1000000a-f002-4007-b00a-d00000000002" || res.Recovered {
				t.Errorf("result = %+v, want the id the server answered", res)
			}
		})
	}
}

// A zero is an answer and is sent; nil and empty lists are left out.
func TestV300SendZeroesAndEmptyLists(t *testing.T) {
	for _, tc := range []struct {
		name string
		msg  Message
		want string
	}{
		{
			"tts zero values",
			&TTSMessage{Call: Call{
				MessageToPeople:      "x",
				Keypads:              []Keypad{{Tone: int64Ptr(0), PlaySection: "Main"}, {Play: "no tone"}},
				KeypadOptionRequired: boolPtr(false),
				RetryAttempts:        int64Ptr(0),
				RetryPeriod:          int64Ptr(0),
			}},
			`{"MessageToPeople":"x","Keypads":[{"Tone":0,"PlaySection":"Main"},{"Play":"no tone"}],` +
				`"KeypadOptionRequired":false,"RetryAttempts":0,"RetryPeriod":0}`,
		},
		{
			"voice empty lists",
			&VoiceMessage{Call: Call{Common: Common{Destinations: []Destination{}}, MessageToPeople: "QQ==", Keypads: []Keypad{}}},
			`{"MessageToPeople":"QQ=="}`,
		},
		{
			"email empty files",
			&EmailMessage{MessageHTML: "<p>x</p>", Files: []File{}},
			`{"MessageHTML":"<p>x</p>"}`,
		},
		{
			"fax retry zero",
			&FaxMessage{Files: []File{{Name: "a.pdf", Data: "QQ=="}}, RetryAttempts: int64Ptr(0)},
			`{"RetryAttempts":0,"Files":[{"Name":"a.pdf","Data":"QQ=="}]}`,
		},
		{
			"tts without voice",
			&TTSMessage{Call: Call{MessageToPeople: "x"}},
			`{"MessageToPeople":"x"}`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, err := newV300(Config{}).sendRequest(tc.msg)
			if err != nil {
				t.Fatal(err)
			}
			if got := string(req.body); got != tc.want {
				t.Errorf("body\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestV300FaxMessageRefusedWithoutHTTPCall(t *testing.T) {
	srv := newCaptureServer(t, http.StatusOK, specSendAnswer)
	msg := fullFax()
	msg.Message = "Please call us."
	_, err := newTestClient(t, srv.URL).Send(context.Background(), msg)
	if err == nil {
		t.Fatal("Send accepted a v3.00 fax with message text")
	}
	for _, want := range []string{"only supported by API v2.0x", "attach the text as a file"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("err = %q, want it to contain %q", err, want)
		}
	}
	if n := len(srv.captured()); n != 0 {
		t.Errorf("server received %d requests, want none", n)
	}
}

func TestV300StatusEveryChannel(t *testing.T) {
	for _, tc := range []struct {
		ch    Channel
		types []string
	}{
		{SMS, []string{"SMS", "Text"}}, // the .NET SDK says the live API sends Text
		{Email, []string{"Email"}},
		{Fax, []string{"Fax"}},
		{TTS, []string{"Voice"}}, // TTS recipients are Voice calls
		{Voice, []string{"Voice"}},
		// A recipient reached by a fallback shows the channel that reached
		// it (TNZ's OpenAPI file: WhatsApp and RCS recipient Type enums).
		{WhatsApp, []string{"WhatsApp", "SMS", "Voice"}},
		{RCS, []string{"RCS", "SMS"}},
	} {
		t.Run(string(tc.ch), func(t *testing.T) {
			var recips []string
			for i, typ := range tc.types {
				recips = append(recips, fmt.Sprintf(`{"Type":%q,"DestSeq":"%08d","Status":"Success","Result":"OK"}`, typ, i+1))
			}
			answer := fmt.Sprintf(`{"MessageID":"ID1","JobStatus":"Completed","JobNum":"10AB20CE","Count":%d,"Recipients":[%s]}`,
				len(tc.types), strings.Join(recips, ","))
			req, st := captureStatus(t, tc.ch, "ID1", answer)
			if want := "/api/v3.00/" + string(tc.ch) + "/ID1"; req.Method != http.MethodGet || req.Path != want || len(req.Body) != 0 {
				t.Errorf("request = %s %s (body %q), want GET %s without a body", req.Method, req.Path, req.Body, want)
			}
			if got := req.Header.Get("Authorization"); got != "Bearer "+testToken {
				t.Errorf("Authorization = %q", got)
			}
			if st.MessageID != "ID1" || st.JobStatus != JobCompleted || st.Count != int64(len(tc.types)) || len(st.Recipients) != len(tc.types) {
				t.Fatalf("status = %+v", st)
			}
			for i, typ := range tc.types {
				if r := st.Recipients[i]; r.Type != typ || r.Status != RecipientSuccess || r.Result != "OK" {
					t.Errorf("recipient %d = %+v, want Type %s", i, r, typ)
				}
			}
		})
	}
}
