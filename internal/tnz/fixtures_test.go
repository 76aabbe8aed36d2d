package tnz

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
)

// Messages shared by the golden-body tests (v300_channels_test.go) and the
// OpenAPI conformance test (conformance_test.go): for every channel a
// minimal message and one with every field set.

const (
	fixtureMessageID = "ID123"
	fixtureContactID = "6000000b-f002-4007-b00a-c00000000001"
	fixtureGroupID   = "4000000b-f002-4007-b00a-c00000000002"
	fixtureTemplate  = "123e4567-e89b-12d3-a456-426614174000"
	// fixtureCustomPage is the SMSCustomPageID of TNZ's OpenAPI example.
	fixtureCustomPage = "987e6543-e21b-12d3-a456-426614174999"
	fixturePDF        = "JVBERi0xLjQK" // "%PDF-1.4\n"
	fixtureText       = "SGVsbG8K"     // "Hello\n"
)

func int64Ptr(n int64) *int64 { return &n }

// fullCommon sets every shared field. Destinations: an ad-hoc contact with
// every personalisation field, a bare recipient, and the three Address Book
// forms (ContactID, GroupID, GroupCode).
func fullCommon(first, second string) Common {
	return Common{
		MessageID:             fixtureMessageID,
		Reference:             "Ref",
		SendTime:              "2026-08-29T14:00",
		Timezone:              "New Zealand",
		SubAccount:            "SA",
		Department:            "Dept",
		ChargeCode:            "CC",
		WebhookCallbackURL:    "https://example.com/hook",
		WebhookCallbackFormat: "JSON",
		NotificationType:      "Webhook",
		ReportTo:              "reports@example.com",
		TestMode:              true,
		TemplateID:            fixtureTemplate,
		Destinations: []Destination{
			{
				Recipient: first, Attention: "Att", Company: "Co", FirstName: "John", LastName: "Doe",
				Custom: [9]string{"c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9"},
			},
			{Recipient: second},
			{ContactID: fixtureContactID},
			{GroupID: fixtureGroupID},
			{GroupCode: "My_Test_Group"},
		},
	}
}

// goldenCommon is fullCommon on the wire, without the closing brace; key is
// the channel's destination key. The fields named in lacking (the shared
// fields a channel does not have, cleared in its fixture) are left out.
func goldenCommon(key, first, second string, lacking ...string) string {
	var b strings.Builder
	for _, f := range [][2]string{
		{"MessageID", "ID123"}, {"Reference", "Ref"}, {"SendTime", "2026-08-29T14:00"}, {"Timezone", "New Zealand"},
		{"SubAccount", "SA"}, {"Department", "Dept"}, {"ChargeCode", "CC"}, {"NotificationType", "Webhook"},
		{"WebhookCallbackURL", "https://example.com/hook"}, {"WebhookCallbackFormat", "JSON"},
		{"ReportTo", "reports@example.com"}, {"TemplateID", fixtureTemplate}, {"Mode", "Test"},
	} {
		if !slices.Contains(lacking, f[0]) {
			fmt.Fprintf(&b, "%q:%q,", f[0], f[1])
		}
	}
	return "{" + b.String() + `"Destinations":[` +
		`{"` + key + `":"` + first + `","Attention":"Att","Company":"Co","FirstName":"John","LastName":"Doe",` +
		`"Custom1":"c1","Custom2":"c2","Custom3":"c3","Custom4":"c4","Custom5":"c5","Custom6":"c6","Custom7":"c7","Custom8":"c8","Custom9":"c9"},` +
		`{"` + key + `":"` + second + `"},` +
		`{"ContactID":"` + fixtureContactID + `"},` +
		`{"GroupID":"` + fixtureGroupID + `"},` +
		`{"GroupCode":"My_Test_Group"}]`
}

func fixtureFiles() []File {
	return []File{{Name: "My Example.pdf", Data: fixturePDF}, {Name: "notes.txt", Data: fixtureText}}
}

const goldenFiles = `"Files":[{"Name":"My Example.pdf","Data":"` + fixturePDF + `"},{"Name":"notes.txt","Data":"` + fixtureText + `"}]`

func minimalSMS() *SMSMessage {
	return &SMSMessage{Common: Common{Destinations: []Destination{{Recipient: "+6421000001"}}}, Message: "Hello"}
}

func fullSMS() *SMSMessage {
	return &SMSMessage{
		Common:              fullCommon("+6421000001", "021-000002"),
		Message:             "Hi [[FirstName]] <b>&</b> [[File1]]",
		FromNumber:          "61408080909",
		SMSEmailReply:       "reply@example.com",
		CharacterConversion: boolPtr(true),
		Files:               fixtureFiles(),
		SMSCustomPageID:     fixtureCustomPage,
		FallbackMode:        "Voice",
	}
}

func minimalEmail() *EmailMessage {
	return &EmailMessage{
		Common:       Common{Destinations: []Destination{{Recipient: "john.doe@example.com"}}},
		MessagePlain: "Hello",
	}
}

func fullEmail() *EmailMessage {
	return &EmailMessage{
		Common:       fullCommon("john.doe@example.com", "jane@example.com"),
		EmailSubject: "Your appointment",
		MessagePlain: "Hello [[FirstName]]",
		MessageHTML:  "<p>Hello <b>[[FirstName]]</b> & welcome</p>",
		From:         "Company One Ltd",
		FromEmail:    "help@example.com",
		SMTPFrom:     "bounces@example.com",
		ReplyTo:      "replies@example.com",
		CCEmail:      "notices@example.com",
		BCCEmail:     "archive@example.com",
		Files:        fixtureFiles(),
	}
}

func minimalFax() *FaxMessage {
	return &FaxMessage{
		Common: Common{Destinations: []Destination{{Recipient: "+6495006000"}}},
		Files:  []File{{Name: "My Example.pdf", Data: fixturePDF}},
	}
}

func fullFax() *FaxMessage {
	return &FaxMessage{
		Common:             fullCommon("+6495006000", "09 500 6001"),
		Resolution:         "High",
		CSID:               "My HP Fax Machine",
		RetryAttempts:      int64Ptr(0), // zero is an answer ("do not retry"), so it is sent
		RetryPeriod:        int64Ptr(5),
		WatermarkFolder:    "Folder01",
		WatermarkFirstPage: "Watermark First.ps",
		WatermarkAllPages:  "Watermark All.docx",
		Files:              fixtureFiles(),
		StampFormat:        "Stamp01",
	}
}

func minimalTTS() *TTSMessage {
	return &TTSMessage{Call: Call{
		Common:          Common{Destinations: []Destination{{Recipient: "+6495005000"}}},
		MessageToPeople: "Hello",
	}}
}

// fullCall sets every call field; audio is what the message fields and
// keypad Play carry (text for TTS, base64 WAV for Voice).
func fullCall(audio func(what string) string) Call {
	return Call{
		Common:                fullCommon("+6495005000", "09 500 6001"),
		MessageToPeople:       audio("Hello, press 1 to talk to us."),
		MessageToAnswerPhones: audio("Sorry we missed you."),
		Keypads: []Keypad{
			{Tone: int64Ptr(0), Play: audio("You pressed zero.")}, // tone 0 is a real key
			{Tone: int64Ptr(1), Play: audio("Connecting you now."), RouteNumber: "6421000001"},
			{Tone: int64Ptr(2), PlaySection: "Main"},
		},
		KeypadOptionRequired:        boolPtr(true),
		CallRouteMessageToPeople:    audio("Connecting you now."),
		CallRouteMessageToOperators: audio("Incoming call."),
		CallRouteMessageOnWrongKey:  audio("Sorry, that key is not valid."),
		NumberOfOperators:           int64Ptr(5),
		CallerID:                    "+6495005000",
		RetryAttempts:               int64Ptr(1),
		RetryPeriod:                 int64Ptr(5),
		Options:                     "Record",
		AnswerPhoneMode:             "NDAS",
		EndCallMessage:              audio("Goodbye."),
		BillingAccount:              "BA-7",
	}
}

func fullTTS() *TTSMessage {
	return &TTSMessage{Call: fullCall(func(s string) string { return s }), Voice: "Female1"}
}

func minimalVoice(wav string) *VoiceMessage {
	return &VoiceMessage{Call: Call{
		Common:          Common{Destinations: []Destination{{Recipient: "+6495005000"}}},
		MessageToPeople: wav,
	}}
}

func fullVoice(wav string) *VoiceMessage {
	return &VoiceMessage{Call: fullCall(func(string) string { return wav })}
}

// fullCommonLacking is fullCommon(first, second) without the shared fields
// channel ch lacks: ReportTo on WhatsApp, RCS and Workflow; TemplateID and
// test Mode on Workflow too.
func fullCommonLacking(ch Channel, first, second string) Common {
	c := fullCommon(first, second)
	c.ReportTo = ""
	if ch == Workflow {
		c.TemplateID, c.TestMode = "", false
	}
	return c
}

// WhatsApp needs TemplateID, Message and FromNumber (TNZ's OpenAPI file
// marks all three required).
func minimalWhatsApp() *WhatsAppMessage {
	return &WhatsAppMessage{
		Common:     Common{TemplateID: fixtureTemplate, Destinations: []Destination{{Recipient: "+6421000001"}}},
		Message:    "Hello",
		FromNumber: "+6495006000",
	}
}

func fullWhatsApp() *WhatsAppMessage {
	c := fullCommonLacking(WhatsApp, "+6421000001", "021-000002")
	return &WhatsAppMessage{
		Common:       c,
		Message:      "Hi [[FirstName]], your renewal is at [[File1]]",
		FromNumber:   "+6495006000",
		FallbackMode: "SMS",
		Files:        fixtureFiles(),
	}
}

func minimalRCS() *RCSMessage {
	return &RCSMessage{Common: Common{Destinations: []Destination{{Recipient: "+14155550100"}}}, Message: "Hello"}
}

func fullRCS() *RCSMessage {
	c := fullCommonLacking(RCS, "+14155550100", "+14155550101")
	return &RCSMessage{
		Common:        c,
		Message:       "Hi [[FirstName]] <b>&</b> [[File1]]",
		FromNumber:    "61410023004",
		SMSEmailReply: "reply@example.com",
		FallbackMode:  "Voice",
		Files:         fixtureFiles(),
	}
}

// fixtureWorkflow is an RFC 9562 UUID: the OpenAPI file's own example
// WorkflowTemplateID (a1b2c3d4-e5f6-7890-1234-567890abcdef) has no valid
// variant, so the file's uuid format rejects it.
const fixtureWorkflow = "a1b2c3d4-e5f6-4890-9234-567890abcdef"

func minimalWorkflow() *WorkflowMessage {
	return &WorkflowMessage{
		Common:             Common{Destinations: []Destination{{Recipient: "+6421000001"}}},
		WorkflowTemplateID: fixtureWorkflow,
	}
}

// fullWorkflow adds to the shared destinations (a number, then an e-mail
// address, as Recipient) a new contact with all three addresses by kind,
// and one with an e-mail Recipient beside its own ToNumber and MainPhone.
func fullWorkflow() *WorkflowMessage {
	c := fullCommonLacking(Workflow, "+6421000001", "john.doe@example.com")
	c.Destinations = append(c.Destinations,
		Destination{FirstName: "Ana", ToNumber: "+6421000003", EmailAddress: "ana@example.com", MainPhone: "+6495005000"},
		Destination{Recipient: "ben@example.com", ToNumber: "021-000004", MainPhone: "09 500 5001"},
	)
	return &WorkflowMessage{Common: c, WorkflowTemplateID: fixtureWorkflow}
}

// goldenWorkflow is fullWorkflow on the wire.
func goldenWorkflow() string {
	shared := goldenCommon("ToNumber", "+6421000001", "john.doe@example.com", "ReportTo", "TemplateID", "Mode")
	// The second Recipient is an e-mail address, so it goes in EmailAddress.
	shared = strings.Replace(shared, `{"ToNumber":"john.doe@example.com"}`, `{"EmailAddress":"john.doe@example.com"}`, 1)
	return `{"WorkflowTemplateID":"` + fixtureWorkflow + `",` + strings.TrimPrefix(strings.TrimSuffix(shared, "]"), "{") +
		`,{"ToNumber":"+6421000003","EmailAddress":"ana@example.com","MainPhone":"+6495005000","FirstName":"Ana"}` +
		`,{"ToNumber":"021-000004","EmailAddress":"ben@example.com","MainPhone":"09 500 5001"}]}`
}

// wavBase64 is a real recording as Voice carries it: a WAV file (PCM,
// 16-bit, mono, 8000 Hz, as TNZ's OpenAPI file asks) of the given length, base64-encoded.
func wavBase64(seconds float64) string {
	const rate, bytesPerSample = 8000, 2
	data := make([]byte, int(seconds*rate)*bytesPerSample)
	for i := 0; i < len(data); i += 2 {
		// A quiet square wave, so the audio is not all zeroes.
		binary.LittleEndian.PutUint16(data[i:], uint16(int16(((i/40)%2)*2000-1000)))
	}
	var b bytes.Buffer
	b.WriteString("RIFF")
	binary.Write(&b, binary.LittleEndian, uint32(36+len(data)))
	b.WriteString("WAVEfmt ")
	binary.Write(&b, binary.LittleEndian, struct {
		Size             uint32
		Format, Channels uint16
		Rate, ByteRate   uint32
		BlockAlign, Bits uint16
	}{16, 1, 1, rate, rate * bytesPerSample, bytesPerSample, 16})
	b.WriteString("data")
	binary.Write(&b, binary.LittleEndian, uint32(len(data)))
	b.Write(data)
	return base64.StdEncoding.EncodeToString(b.Bytes())
}

// capturedRequest is one request as a test server received it.
type capturedRequest struct {
	Method, Path, RawQuery string
	Header                 http.Header
	Body                   []byte
}

// captureServer records every request and answers each with status and
// body.
type captureServer struct {
	*httptest.Server
	mu       sync.Mutex
	requests []capturedRequest
}

func newCaptureServer(t *testing.T, status int, body string) *captureServer {
	t.Helper()
	cs := &captureServer{}
	cs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, err := io.ReadAll(r.Body)
		if err != nil {
			t.Errorf("reading the request body: %v", err)
		}
		cs.mu.Lock()
		cs.requests = append(cs.requests, capturedRequest{
			Method: r.Method, Path: r.URL.EscapedPath(), RawQuery: r.URL.RawQuery, Header: r.Header.Clone(), Body: b,
		})
		cs.mu.Unlock()
		writeJSON(w, status, body)
	}))
	t.Cleanup(cs.Close)
	return cs
}

func (cs *captureServer) captured() []capturedRequest {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	return append([]capturedRequest(nil), cs.requests...)
}

// captureSend sends msg through a real Client to a server that answers
// answer, and returns the one request the server received.
func captureSend(t *testing.T, msg Message, answer string) (capturedRequest, SendResult) {
	t.Helper()
	srv := newCaptureServer(t, http.StatusOK, answer)
	res, err := newTestClient(t, srv.URL).Send(context.Background(), msg)
	if err != nil {
		t.Fatalf("Send: %v", err)
	}
	reqs := srv.captured()
	if len(reqs) != 1 {
		t.Fatalf("server received %d requests, want 1", len(reqs))
	}
	return reqs[0], res
}

// captureStatus fetches a status through a real Client and returns the one
// request the server received, and the decoded status.
func captureStatus(t *testing.T, ch Channel, id, answer string) (capturedRequest, *Status) {
	t.Helper()
	srv := newCaptureServer(t, http.StatusOK, answer)
	st, err := newTestClient(t, srv.URL).Status(context.Background(), ch, id)
	if err != nil {
		t.Fatalf("Status(%s, %q): %v", ch, id, err)
	}
	reqs := srv.captured()
	if len(reqs) != 1 {
		t.Fatalf("server received %d requests, want 1", len(reqs))
	}
	return reqs[0], st
}
