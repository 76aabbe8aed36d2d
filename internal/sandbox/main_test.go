package sandbox

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

func TestListen(t *testing.T) {
	rn, err := Listen(Options{Tokens: []string{"tok"}, CompletionDelay: -1}, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^http://127\.0\.0\.1:\d+$`).MatchString(rn.URL) || rn.Server == nil {
		t.Fatalf("Running = %+v", rn)
	}
	req, _ := http.NewRequest(http.MethodPost, rn.URL+"/api/v3.00/sms", strings.NewReader(okSMS))
	req.Header.Set("Authorization", "Bearer tok")
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || len(rn.Server.Received()) != 1 {
		t.Fatalf("send over TCP: %d %s", resp.StatusCode, b)
	}

	if err := rn.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if err := rn.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := http.Get(rn.URL + "/sandbox/health"); err == nil {
		t.Error("still serving after Close")
	}
}

func TestListenErrors(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	if rn, err := Listen(Options{}, ln.Addr().String()); err == nil {
		rn.Close()
		t.Error("Listen on a busy port succeeded")
	}
}

func TestListenWildcardURL(t *testing.T) {
	rn, err := Listen(Options{}, "0.0.0.0:0")
	if err != nil {
		t.Skipf("cannot listen on 0.0.0.0: %v", err)
	}
	defer rn.Close()
	if !strings.HasPrefix(rn.URL, "http://127.0.0.1:") {
		t.Errorf("URL for a wildcard address = %q, want loopback", rn.URL)
	}
}

func TestMainUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"-nope"}, {"-completion-delay", "soon"}, {"extra"}, {"-token", ""}, {"-sender", ""}, {"-sender", "application"}, {"-api-key", " "},
		{"-faults", "send=reset"}, {"-faults", "send=reset:0.7,send=drop:0.7"}, {"-seed", "-1"}, {"-visibility-delay", "-1s"}, {"-visibility-delay", "later"}} {
		var stdout, stderr bytes.Buffer
		if code := Main(args, &stdout, &stderr); code != 2 {
			t.Errorf("Main(%q) = %d, want 2", args, code)
		}
		if stderr.Len() == 0 || stdout.Len() != 0 {
			t.Errorf("Main(%q): stdout %q, stderr %q", args, stdout.String(), stderr.String())
		}
	}
	var stderr bytes.Buffer
	if code := Main([]string{"-h"}, io.Discard, &stderr); code != 0 {
		t.Errorf("Main(-h) = %d, %q", code, stderr.String())
	}
	for _, want := range []string{"-completion-delay", "-visibility-delay", "-faults list", "-seed seed", "TARGET=FAULT[@DURATION]:PROBABILITY", "slow-body", "GET /sandbox/faults"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("Main(-h) does not mention %q: %s", want, stderr.String())
		}
	}
}

func TestRunWithFaultsAndVisibility(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	outR, outW := io.Pipe()
	var stderr bytes.Buffer
	exit := make(chan int, 1)
	go func() {
		exit <- run(ctx, []string{"-addr", "127.0.0.1:0", "-faults", "send=500:1, status=429@2s:50%", "-seed", "9", "-visibility-delay", "1h"}, outW, &stderr)
		outW.Close()
	}()
	out := bufio.NewReader(outR)
	line, err := out.ReadString('\n')
	if err != nil {
		t.Fatalf("no startup line: %v (stderr %q)", err, stderr.String())
	}
	url := regexp.MustCompile(`http://127\.0\.0\.1:\d+`).FindString(line)
	if line, _ = out.ReadString('\n'); line != "Faults: send=500:1,status=429@2s:0.5 (seed 9); messages visible 1h0m0s after their send\n" {
		t.Errorf("second line %q", line)
	}
	go io.Copy(io.Discard, out)
	req, _ := http.NewRequest(http.MethodPost, url+"/api/v3.00/sms", strings.NewReader(okSMS))
	req.Header.Set("Authorization", "Bearer "+DefaultToken)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusInternalServerError {
		t.Errorf("send under send=500:1 answered %d", resp.StatusCode)
	}
	resp, err = http.Get(url + "/sandbox/faults")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(b), `"Rules":["send=500:1","status=429@2s:0.5"],"Seed":9,`) || !strings.Contains(string(b), `"Fault":"500"`) {
		t.Errorf("GET /sandbox/faults: %s", b)
	}
	cancel()
	if code := <-exit; code != 0 {
		t.Errorf("run returned %d after stop (stderr %q)", code, stderr.String())
	}
}

// TestRunVisibilityOnly: the second line names no faults when there are none.
func TestRunVisibilityOnly(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	outR, outW := io.Pipe()
	exit := make(chan int, 1)
	go func() {
		exit <- run(ctx, []string{"-addr", "127.0.0.1:0", "-visibility-delay", "2s"}, outW, io.Discard)
		outW.Close()
	}()
	out := bufio.NewReader(outR)
	_, _ = out.ReadString('\n')
	if line, _ := out.ReadString('\n'); line != "Faults: none; messages visible 2s after their send\n" {
		t.Errorf("second line %q", line)
	}
	cancel()
	go io.Copy(io.Discard, out)
	if code := <-exit; code != 0 {
		t.Errorf("run returned %d", code)
	}
}

func TestMainListenError(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var stderr bytes.Buffer
	if code := Main([]string{"-addr", ln.Addr().String()}, io.Discard, &stderr); code != 1 || stderr.Len() == 0 {
		t.Errorf("Main on a busy port = %d, %q", code, stderr.String())
	}
}

func TestRunServesUntilStopped(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	outR, outW := io.Pipe()
	var stderr bytes.Buffer
	exit := make(chan int, 1)
	go func() {
		exit <- run(ctx, []string{"-addr", "127.0.0.1:0", "-token", "T0k", "-sender", "ops@example.com", "-api-key", "K3y", "-completion-delay", "0"}, outW, &stderr)
		outW.Close()
	}()

	line, err := bufio.NewReader(outR).ReadString('\n')
	if err != nil {
		t.Fatalf("no startup line: %v (stderr %q)", err, stderr.String())
	}
	url := regexp.MustCompile(`http://127\.0\.0\.1:\d+`).FindString(line)
	if url == "" || !strings.Contains(line, `"T0k"`) || !strings.Contains(line, `"ops@example.com"`) || !strings.Contains(line, `"K3y"`) {
		t.Fatalf("startup line %q lacks the URL or the credentials", line)
	}
	req, _ := http.NewRequest(http.MethodPost, url+"/api/v3.00/sms", strings.NewReader(`{"Message":"hi","Destination":"+6421000001","MessageID":"cli"}`))
	req.Header.Set("Authorization", "Basic T0k")
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	req, _ = http.NewRequest(http.MethodGet, url+"/api/v3.00/sms/cli", nil)
	req.Header.Set("Authorization", "Bearer T0k")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(b), `"JobStatus":"Completed"`) {
		t.Errorf("-completion-delay 0 should complete at once: %s", b)
	}
	// The legacy credentials of -sender and -api-key, on v2.02.
	creds := `"Sender":"ops@example.com","APIKey":"K3y"`
	for _, c := range []struct{ path, body string }{
		{"/api/v2.02/send/sms", `{` + creds + `,"MessageData":{"MessageID":"cli2","Message":"hi","Destinations":[{"Recipient":"+6421000001"}]}}`},
		{"/api/v2.02/get/status", `{` + creds + `,"MessageID":"cli2"}`},
	} {
		resp, err := http.Post(url+c.path, "application/json", strings.NewReader(c.body))
		if err != nil {
			t.Fatal(err)
		}
		b, _ = io.ReadAll(resp.Body)
		resp.Body.Close()
	}
	if !strings.Contains(string(b), `"Result":"Delivered"`) {
		t.Errorf("legacy send with -sender and -api-key: %s", b)
	}

	cancel()
	if code := <-exit; code != 0 {
		t.Errorf("run returned %d after stop (stderr %q)", code, stderr.String())
	}
}
