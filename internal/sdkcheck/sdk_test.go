package sdkcheck

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tnz-community/terraform-provider-tnz/internal/sandbox"
	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

const (
	// sdkVersion is the tnzapi version testdata/package-lock.json pins.
	sdkVersion = "2.4.2"
	// apiVersion is the API version tnzapi 2.4.2 speaks.
	apiVersion = "v2.04"
	// nodeTimeout bounds one run of testdata/send.js (ten SDK calls).
	nodeTimeout = 60 * time.Second
)

// TestSDKSendsAndReadsStatus drives the official SDK against the sandbox:
// the SDK must parse every send as accepted and every status as found, and
// the sandbox must have accepted exactly those five messages on v2.04.
func TestSDKSendsAndReadsStatus(t *testing.T) {
	sb := startSandbox(t)
	run := runSDK(t, sb.URL, sandbox.DefaultToken)
	want := messages()

	if got, want := run.APIURL, sb.URL+"/api/"+apiVersion; got != want {
		t.Errorf("send.js pointed the SDK at %s, want %s", got, want)
	}
	if len(run.Results) != len(want) {
		t.Fatalf("send.js reported %d results, want %d (one per channel): %+v", len(run.Results), len(want), run.Results)
	}
	for i, msg := range want {
		r, ch, id := run.Results[i], string(msg.Channel()), msg.CommonPart().MessageID
		if r.Channel != ch || r.MessageID != id {
			t.Errorf("result %d is %s %q, want %s %q", i, r.Channel, r.MessageID, ch, id)
			continue
		}
		if r.Send.Result != "Success" || r.Send.MessageID != id {
			t.Errorf("%s: the SDK parsed the send as Result %q MessageID %q (ErrorMessage %s), want Success %q",
				ch, r.Send.Result, r.Send.MessageID, r.Send.ErrorMessage, id)
		}
		checkStatus(t, ch, id, len(msg.CommonPart().Destinations), r.Status)
		checkStatusDetail(t, msg, r.Status)
		t.Logf("%-5s SDK send: %s %s; SDK status: %s %s, %d recipients", ch,
			r.Send.Result, r.Send.MessageID, r.Status.Result, r.Status.Status, len(r.Status.Recipients))
	}
	checkReceived(t, sb.Server.Received(), want)
	checkAuthenticated(t, sb.Server)
}

// checkStatus asserts that the SDK parsed a v2.04 status for the message
// (StatusApiResponseDTO, not ErrorResponseDTO) with one entry per recipient.
func checkStatus(t *testing.T, ch, id string, recipients int, st sdkStatus) {
	t.Helper()
	if st.Result != "Success" || st.MessageID != id {
		t.Errorf("%s: the SDK parsed the status as Result %q MessageID %q (ErrorMessage %s), want Success %q",
			ch, st.Result, st.MessageID, st.ErrorMessage, id)
		return
	}
	if st.Status != "Completed" {
		t.Errorf("%s: status Status = %q, want Completed (the sandbox completes messages at once)", ch, st.Status)
	}
	if st.JobNum == "" {
		t.Errorf("%s: status has no JobNum", ch)
	}
	if len(st.Recipients) != recipients {
		t.Errorf("%s: status lists %d recipients, want %d: %+v", ch, len(st.Recipients), recipients, st.Recipients)
	}
	for i, r := range st.Recipients {
		if r.Destination == "" || r.Status != "Success" {
			t.Errorf("%s: status recipient %d has Destination %q Status %q Result %q, want a Destination and Success",
				ch, i+1, r.Destination, r.Status, r.Result)
		}
	}
}

// checkStatusDetail asserts that the SDK read the status fields beside the
// outcome that the provider's client reads too: the job's SubAccount and
// Department as sent, and for calls and faxes each recipient's RemoteID
// (the number dialled, the Destination in the sandbox).
func checkStatusDetail(t *testing.T, msg tnz.Message, st sdkStatus) {
	t.Helper()
	ch, c := msg.Channel(), msg.CommonPart()
	if st.SubAccount != c.SubAccount || st.Department != c.Department {
		t.Errorf("%s: the SDK read SubAccount %q Department %q, want %q %q", ch, st.SubAccount, st.Department, c.SubAccount, c.Department)
	}
	dials := ch == tnz.Fax || ch == tnz.TTS || ch == tnz.Voice
	for i, r := range st.Recipients {
		if want := map[bool]string{true: r.Destination}[dials]; r.RemoteID != want {
			t.Errorf("%s: status recipient %d RemoteID %q, want %q", ch, i+1, r.RemoteID, want)
		}
	}
}

// checkAuthenticated asserts that the sandbox's deferred authentication
// accepted the credentials of every send: a v2 send is answered Success
// whatever its credentials, and only a failed job and a notification to the
// account's API Error Email Notify address tell that they were wrong.
func checkAuthenticated(t *testing.T, s *sandbox.Server) {
	t.Helper()
	for _, n := range s.Notifications() {
		t.Errorf("the sandbox rejected the credentials of %q after accepting it: %s", n.MessageID, n.Body)
	}
}

// checkReceived asserts that the sandbox accepted exactly want, in order, on
// API v2.04, each on its own channel.
func checkReceived(t *testing.T, got []sandbox.Received, want []tnz.Message) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("the sandbox accepted %d messages, want %d: %s", len(got), len(want), describe(got))
	}
	for i, msg := range want {
		g := got[i]
		if g.Channel != string(msg.Channel()) || g.APIVersion != apiVersion || g.MessageID != msg.CommonPart().MessageID {
			t.Errorf("accepted message %d is %s %s %q, want %s %s %q",
				i+1, g.APIVersion, g.Channel, g.MessageID, apiVersion, msg.Channel(), msg.CommonPart().MessageID)
		}
	}
}

// TestClientBodiesMatchSDK sends each message once through the SDK and once
// through the provider's client (v2.04, AuthToken), each to its own
// sandbox, and compares the two request bodies the sandboxes received, key
// by key. Differences must be exactly the allowances below.
func TestClientBodiesMatchSDK(t *testing.T) {
	viaSDK := startSandbox(t)
	runSDK(t, viaSDK.URL, sandbox.DefaultToken)
	want := messages()
	checkReceived(t, viaSDK.Server.Received(), want)

	viaClient := startSandbox(t)
	client, err := tnz.New(tnz.Config{BaseURL: viaClient.URL, APIVersion: apiVersion, AuthToken: sandbox.DefaultToken})
	if err != nil {
		t.Fatalf("tnz.New: %v", err)
	}
	for _, msg := range want {
		t.Run(string(msg.Channel()), func(t *testing.T) {
			id := msg.CommonPart().MessageID
			res, err := client.Send(t.Context(), msg)
			if err != nil {
				t.Fatalf("tnz client Send: %v", err)
			}
			if res.MessageID != id {
				t.Errorf("tnz client Send returned MessageID %q, want %q", res.MessageID, id)
			}
			compareBodies(t, msg.Channel(),
				bodyOf(t, viaSDK.Server, msg.Channel(), id),
				bodyOf(t, viaClient.Server, msg.Channel(), id))
		})
	}
	checkReceived(t, viaClient.Server.Received(), want)
	checkAuthenticated(t, viaSDK.Server)
	checkAuthenticated(t, viaClient.Server)
}

// TestSDKWrongTokenDeferredAuthentication: on v2.0x TNZ authenticates a
// send only after accepting it (rejection-codes.txt, preamble), so the SDK
// with a wrong token still parses every send as Success. The sandbox then
// fails the job and notifies the account's API Error Email Notify address.
// Calls that return data cannot be accepted first, so the SDK's status
// calls are refused at once.
func TestSDKWrongTokenDeferredAuthentication(t *testing.T) {
	const wrongToken = "not-the-sandbox-token"
	sb := startSandbox(t)
	run := runSDK(t, sb.URL, wrongToken)
	want := messages()

	if len(run.Results) != len(want) {
		t.Fatalf("send.js reported %d results, want %d (one per channel): %+v", len(run.Results), len(want), run.Results)
	}
	for i, msg := range want {
		r, ch, id := run.Results[i], string(msg.Channel()), msg.CommonPart().MessageID
		if r.Send.Result != "Success" || r.Send.MessageID != id {
			t.Errorf("%s: with a wrong token the SDK parsed the send as Result %q MessageID %q (ErrorMessage %s), want Success %q: "+
				"v2 sends are authenticated after they are accepted", ch, r.Send.Result, r.Send.MessageID, r.Send.ErrorMessage, id)
		}
		if r.Status.Result != "Unauthorized" {
			t.Errorf("%s: with a wrong token the SDK parsed the status as Result %q (ErrorMessage %s), want Unauthorized",
				ch, r.Status.Result, r.Status.ErrorMessage)
		}
	}
	checkReceived(t, sb.Server.Received(), want)

	notified := map[string]bool{}
	for _, n := range sb.Server.Notifications() {
		notified[n.MessageID] = true
		if n.To != sandbox.DefaultErrorNotifyEmail {
			t.Errorf("notification for %q went to %q, want the API Error Email Notify address %q", n.MessageID, n.To, sandbox.DefaultErrorNotifyEmail)
		}
		if strings.Contains(n.Body, wrongToken) {
			t.Errorf("notification for %q shows the token: %s", n.MessageID, n.Body)
		}
	}

	// The failed jobs, read with the right token through the provider's client.
	client, err := tnz.New(tnz.Config{BaseURL: sb.URL, APIVersion: apiVersion, AuthToken: sandbox.DefaultToken})
	if err != nil {
		t.Fatalf("tnz.New: %v", err)
	}
	for _, msg := range want {
		ch, id := msg.Channel(), msg.CommonPart().MessageID
		if !notified[id] {
			t.Errorf("%s %q: no notification to the API Error Email Notify address", ch, id)
		}
		st, err := client.Status(t.Context(), ch, id)
		if err != nil {
			t.Errorf("%s %q: tnz client Status: %v", ch, id, err)
			continue
		}
		if len(st.Recipients) != len(msg.CommonPart().Destinations) {
			t.Errorf("%s %q: status lists %d recipients, want %d", ch, id, len(st.Recipients), len(msg.CommonPart().Destinations))
		}
		for _, r := range st.Recipients {
			if r.Status != "Failed" || r.Result != "Authentication failed" {
				t.Errorf("%s %q: recipient %s is %s %q, want Failed \"Authentication failed\"", ch, id, r.Destination, r.Status, r.Result)
			}
		}
	}
}

// allowance is one documented difference between the SDK's request body and
// the provider client's for the same message. Each is asserted: the SDK
// must really send sdk at path and the client must really send ours.
type allowance struct {
	channel tnz.Channel
	path    string // key path in the request body, as flatten spells it
	sdk     string // JSON value the SDK sends, or absent
	ours    string // JSON value the client sends, or absent
	why     string
}

// absent marks a key that one side does not send.
const absent = ""

// allowances lists every way the two bodies may differ. Defaults of the
// SDK's request DTOs (lib/Api/Messaging/dtos) are sent even when the caller
// set nothing; the client sends only what the caller set and leaves the rest
// to TNZ's account defaults.
//
// Not here because tnzapi 2.4.2's token API (lib/Api) does not send them,
// so the comparison fails if it ever does: a default TimeZone ("New
// Zealand" is only its legacy Send API's default), ErrorEmailNotify (renamed
// ReportTo in 2.4.2), its internal HTTPMethod (sent only in the bodies of
// its GET and PATCH calls, never in a send), explicit nulls (unset fields
// are undefined and left out by JSON.stringify), and a Voice on Voice calls
// (VoiceModel copies a TTSVoiceType it does not have, so the DTO's default
// engine name is overwritten with undefined).
var allowances = []allowance{
	{tnz.SMS, "MessageData.Files", `[]`, absent,
		"SMSApiRequestDTO always sends its Files list, empty without attachments; the client leaves an empty list out (both mean no attachments)"},
	{tnz.Email, "MessageData.Files", `[]`, absent,
		"EmailApiRequestDTO always sends its Files list, empty without attachments; the client leaves an empty list out (both mean no attachments)"},
	{tnz.Fax, "MessageData.RetryAttempts", `3`, absent,
		"FaxApiRequestDTO defaults RetryAttempts to 3; the client sends it only when set, leaving TNZ's default"},
	{tnz.Fax, "MessageData.RetryPeriod", `1`, absent,
		"FaxApiRequestDTO defaults RetryPeriod to 1 minute; the client sends it only when set, leaving TNZ's default"},
	{tnz.Fax, "MessageData.WatermarkFolder", absent, `"Watermarks"`,
		"SDK bug: FaxApiRequestDTO has no WatermarkFolder, so the SDK drops the caller's value (its FaxModel.js has it); the client sends it"},
	{tnz.TTS, "MessageData.RetryAttempts", `1`, absent,
		"TTSApiRequestDTO defaults RetryAttempts to 1; the client sends it only when set, leaving TNZ's default"},
	{tnz.TTS, "MessageData.RetryPeriod", `1`, absent,
		"TTSApiRequestDTO defaults RetryPeriod to 1 minute; the client sends it only when set, leaving TNZ's default"},
	{tnz.TTS, "MessageData.NumberOfOperators", `0`, absent,
		"TTSApiRequestDTO defaults NumberOfOperators to 0 (outside v3's documented 1-99999); the client sends it only when set, leaving TNZ's default"},
	{tnz.TTS, "MessageData.Voice", `"English-NewZealand@Female1"`, absent,
		"TTSModel always sets Voice, to its TTSVoiceType default when the caller names none; the client sends it only when set, leaving the account's voice"},
	{tnz.Voice, "MessageData.KeypadOptionRequired", `false`, absent,
		"VoiceModel defaults KeypadOptionRequired to false; the client sends it only when set (false is also TNZ's default)"},
	{tnz.Voice, "MessageData.Keypads[1].Play", jsonString(toneWAV), absent,
		"keypad audio: the SDK's own audio route (Keypads[].File, sent as PlayFile) fails its validator, which accepts only Play, " +
			"so send.js gives the base64 in Play; on v2.0x the client sends Voice keypad audio as PlayFile, the key both v2 SDKs fill " +
			"from a keypad's audio file (on v3.00 it sends Play, the key TNZ's OpenAPI file declares, although the TypeScript v3 SDK sends PlayFile)"},
	{tnz.Voice, "MessageData.Keypads[1].PlayFile", absent, jsonString(toneWAV),
		"the other half of the keypad audio difference above"},
}

// toneWAV is testdata/tone.wav in base64: the Voice channel's recorded
// message and keypad audio, on both sides.
var toneWAV = func() string {
	wav, err := os.ReadFile(filepath.Join("testdata", "tone.wav"))
	if err != nil {
		panic(fmt.Sprintf("reading the Voice fixture: %v", err))
	}
	return base64.StdEncoding.EncodeToString(wav)
}()

// jsonString is s as a JSON string literal, as flatten renders it.
func jsonString(s string) string { return jsonText(s) }

// jsonText is v as compact JSON, without HTML escaping (so that "<p>"
// reads as itself in failure messages).
func jsonText(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err) // values decoded from JSON always encode
	}
	return strings.TrimSpace(b.String())
}

// compareBodies fails the test for every difference between the two bodies
// that is not an allowance, and for every allowance that does not hold.
func compareBodies(t *testing.T, ch tnz.Channel, sdkBody, ourBody []byte) {
	t.Helper()
	sdk, ours := flatten(t, sdkBody), flatten(t, ourBody)
	diffs := map[string][2]string{}
	for path := range sdk {
		if sdk[path] != ours[path] {
			diffs[path] = [2]string{sdk[path], ours[path]}
		}
	}
	for path := range ours {
		if sdk[path] != ours[path] {
			diffs[path] = [2]string{sdk[path], ours[path]}
		}
	}
	for _, a := range allowances {
		if a.channel != ch {
			continue
		}
		if got := diffs[a.path]; got != [2]string{a.sdk, a.ours} {
			t.Errorf("allowance %s %s does not hold: SDK sends %s and the client %s, the allowance expects SDK %s and client %s (%s)",
				ch, a.path, show(sdk[a.path]), show(ours[a.path]), show(a.sdk), show(a.ours), a.why)
		}
		delete(diffs, a.path)
	}
	for _, path := range slices.Sorted(maps.Keys(diffs)) {
		t.Errorf("%s %s: SDK sends %s, the client sends %s", ch, path, show(diffs[path][0]), show(diffs[path][1]))
	}
	if t.Failed() {
		t.Logf("SDK body:    %s", sdkBody)
		t.Logf("client body: %s", ourBody)
	}
}

// flatten maps every leaf of a JSON document to its compact JSON text, keyed
// by its path: MessageData.Destinations[1].FirstName. Empty objects and
// arrays are leaves ({} and []); numbers keep their literal text.
func flatten(t *testing.T, raw []byte) map[string]string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("request body is not JSON: %v\n%s", err, raw)
	}
	out := map[string]string{}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			if len(v) > 0 {
				for k, e := range v {
					walk(strings.TrimPrefix(path+"."+k, "."), e)
				}
				return
			}
		case []any:
			if len(v) > 0 {
				for i, e := range v {
					walk(fmt.Sprintf("%s[%d]", path, i), e)
				}
				return
			}
		}
		out[path] = jsonText(v)
	}
	walk("", doc)
	return out
}

func show(v string) string {
	if v == absent {
		return "nothing"
	}
	return v
}

// messages are the five messages of testdata/send.js, built with the
// provider's client types, field for field. Change both together.
func messages() []tnz.Message {
	return []tnz.Message{
		&tnz.SMSMessage{
			Common: tnz.Common{
				MessageID: "sdkSMS1", Reference: "sdkcheck sms",
				SubAccount: "Platform", Department: "Ops", ChargeCode: "CC-42",
				Destinations: []tnz.Destination{
					{Recipient: "+6421000001"},
					{Recipient: "+6421000002", Attention: "On call", Company: "TNZ Community",
						FirstName: "Aroha", LastName: "Ngata", Custom: [9]string{"v1.4.2", "blue"}},
				},
			},
			FromNumber:          "6421000900",
			SMSEmailReply:       "replies@example.com",
			CharacterConversion: new(true),
			Message:             "Kia ora [[FirstName]], release [[Custom1]] is live.",
		},
		&tnz.EmailMessage{
			Common: tnz.Common{
				MessageID: "sdkEmail1", Reference: "sdkcheck email",
				ReportTo: "reports@example.com", Timezone: "New Zealand", TestMode: true,
				Destinations: []tnz.Destination{
					{Recipient: "ops@example.com"},
					{Recipient: "oncall@example.com", FirstName: "Tama", Custom: [9]string{8: "nine"}},
				},
			},
			EmailSubject: "Release v1.4.2",
			MessagePlain: "Release v1.4.2 is live.",
			MessageHTML:  "<p>Release <b>v1.4.2</b> is live.</p>",
			From:         "Release bot",
			FromEmail:    "bot@example.com",
			SMTPFrom:     "bounces@example.com",
			ReplyTo:      "team@example.com",
			CCEmail:      "audit@example.com",
		},
		&tnz.FaxMessage{
			Common: tnz.Common{
				MessageID: "sdkFax1", Reference: "sdkcheck fax",
				WebhookCallbackURL: "https://hooks.example.com/tnz", WebhookCallbackFormat: "JSON",
				Destinations: []tnz.Destination{{Recipient: "+6495550100", Company: "Head office"}},
			},
			Message:            "Cover page: release v1.4.2",
			Resolution:         "High",
			CSID:               "TNZ COMMUNITY",
			StampFormat:        "Stamp01",
			WatermarkFolder:    "Watermarks",
			WatermarkFirstPage: "first.pdf",
			WatermarkAllPages:  "all.pdf",
			Files:              []tnz.File{{Name: "notice.txt", Data: "UmVsZWFzZSB2MS40LjIgaXMgbGl2ZS4K"}},
		},
		&tnz.TTSMessage{Call: tnz.Call{
			Common: tnz.Common{
				MessageID: "sdkTTS1", Reference: "sdkcheck tts",
				Destinations: []tnz.Destination{{Recipient: "+6421000003"}},
			},
			MessageToPeople:             "Release v1.4.2 is live. Press 1 to talk to the team.",
			MessageToAnswerPhones:       "Release v1.4.2 is live.",
			CallRouteMessageToPeople:    "Connecting you now.",
			CallRouteMessageToOperators: "Release call from TNZ.",
			CallRouteMessageOnWrongKey:  "Sorry, that key is not an option.",
			KeypadOptionRequired:        new(true),
			CallerID:                    "6495550199",
			BillingAccount:              "BA-7",
			Options:                     "CallWait=30",
			Keypads: []tnz.Keypad{
				{Tone: new(int64(1)), RouteNumber: "+64800123123"},
				{Tone: new(int64(2)), Play: "Goodbye.", PlaySection: "Main"},
			},
		}},
		&tnz.VoiceMessage{Call: tnz.Call{
			Common: tnz.Common{
				MessageID: "sdkVoice1", Reference: "sdkcheck voice",
				Destinations: []tnz.Destination{{Recipient: "+6421000004"}},
			},
			NumberOfOperators: new(int64(2)),
			RetryAttempts:     new(int64(2)),
			RetryPeriod:       new(int64(5)),
			CallerID:          "6495550199",
			BillingAccount:    "BA-8",
			MessageToPeople:   toneWAV,
			Keypads: []tnz.Keypad{
				{Tone: new(int64(1)), RouteNumber: "+64800123123"},
				{Tone: new(int64(2)), Play: toneWAV},
			},
		}},
	}
}

// sdkRun is the document testdata/send.js prints.
type sdkRun struct {
	SDKVersion string      `json:"sdkVersion"`
	APIURL     string      `json:"apiURL"`
	Results    []sdkResult `json:"results"`
}

type sdkResult struct {
	Channel   string    `json:"channel"`
	MessageID string    `json:"messageID"`
	Send      sdkSend   `json:"send"`
	Status    sdkStatus `json:"status"`
}

// sdkSend is the SDK's parsed send result: MessagingApiSuccessResponseDTO
// {Result, MessageID} or ErrorResponseDTO {Result, ErrorMessage}.
type sdkSend struct {
	Result       string
	MessageID    string
	ErrorMessage json.RawMessage
}

// sdkStatus is the SDK's parsed status: StatusApiResponseDTO with
// RecipientDTOs, or ErrorResponseDTO.
type sdkStatus struct {
	Result       string
	MessageID    string
	Status       string
	JobNum       string
	SubAccount   string
	Department   string
	Recipients   []struct{ Destination, Status, Result, RemoteID string }
	ErrorMessage json.RawMessage
}

// runSDK runs testdata/send.js against baseURL with token and decodes what
// it prints. It fails the test when node or the SDK is missing.
func runSDK(t *testing.T, baseURL, token string) sdkRun {
	t.Helper()
	requireSDK(t)
	ctx, cancel := context.WithTimeout(t.Context(), nodeTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", "send.js", baseURL)
	cmd.Dir = "testdata"
	cmd.Env = append(os.Environ(), "TNZ_AUTH_TOKEN="+token)
	cmd.WaitDelay = 5 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		t.Fatalf("node testdata/send.js did not finish within %s\nstderr:\n%s", nodeTimeout, &stderr)
	}
	if err != nil {
		t.Fatalf("node testdata/send.js failed: %v\nstderr:\n%s\nstdout:\n%s", err, &stderr, &stdout)
	}
	var run sdkRun
	if err := json.Unmarshal(stdout.Bytes(), &run); err != nil {
		t.Fatalf("node testdata/send.js printed no JSON document: %v\nstdout:\n%s\nstderr:\n%s", err, &stdout, &stderr)
	}
	if run.SDKVersion != sdkVersion {
		t.Fatalf("send.js ran tnzapi %s, want %s: run `make sdk-deps`", run.SDKVersion, sdkVersion)
	}
	return run
}

// requireSDK fails (never skips) when node or the pinned SDK is missing.
func requireSDK(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatalf("node is not on PATH (%v). These tests drive TNZ's official Node SDK and never skip: "+
			"install Node.js 18 or newer and npm, then run `make sdk-deps`", err)
	}
	manifest := filepath.Join("testdata", "node_modules", "tnzapi", "package.json")
	raw, err := os.ReadFile(manifest)
	if err != nil {
		t.Fatalf("TNZ's Node SDK (npm tnzapi %s) is not installed in internal/sdkcheck/testdata/node_modules (%v): run `make sdk-deps`", sdkVersion, err)
	}
	var pkg struct{ Version string }
	if err := json.Unmarshal(raw, &pkg); err != nil || pkg.Version != sdkVersion {
		t.Fatalf("%s says tnzapi %q, want %s as testdata/package-lock.json pins: run `make sdk-deps`", manifest, pkg.Version, sdkVersion)
	}
}

// startSandbox serves a sandbox on a free loopback port. Messages complete
// at once, so the deferred authentication of v2 sends (which decides when a
// message completes) has decided by the time a send has been answered.
func startSandbox(t *testing.T) *sandbox.Running {
	t.Helper()
	sb, err := sandbox.Listen(sandbox.Options{CompletionDelay: -1}, "127.0.0.1:0")
	if err != nil {
		t.Fatalf("starting the sandbox: %v", err)
	}
	t.Cleanup(func() { _ = sb.Close() })
	return sb
}

// bodyOf is the request body the sandbox accepted for the channel and id.
func bodyOf(t *testing.T, s *sandbox.Server, ch tnz.Channel, id string) []byte {
	t.Helper()
	var found []sandbox.Received
	for _, r := range s.Received() {
		if r.Channel == string(ch) && r.MessageID == id {
			found = append(found, r)
		}
	}
	if len(found) != 1 {
		t.Fatalf("the sandbox accepted %d %s messages with id %q, want 1: %s", len(found), ch, id, describe(s.Received()))
	}
	return found[0].Body
}

func describe(rs []sandbox.Received) string {
	parts := make([]string, 0, len(rs))
	for _, r := range rs {
		parts = append(parts, fmt.Sprintf("%s %s %q", r.APIVersion, r.Channel, r.MessageID))
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
