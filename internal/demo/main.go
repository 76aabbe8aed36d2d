// Command demo walks through the provider end to end with the real Terraform
// CLI and the local sandbox API (run it with `make demo` from the repository
// root). It needs only Go and terraform on PATH, and sends nothing anywhere
// but the in-process sandbox on loopback.
//
// Steps:
//  1. terraform plan on examples/demo/mistake fails at plan time with TNZ's
//     documented rejection, and nothing reaches the sandbox;
//  2. terraform plan and apply on examples/demo/send send one SMS;
//  3. what the sandbox received, and the message's delivery status;
//  4. terraform apply again changes nothing and sends nothing.
//
// The provider is used through a dev_overrides CLI configuration, so
// terraform warns that overrides are in effect and `terraform init` is
// skipped; both are expected.
package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/tnz-community/terraform-provider-tnz/internal/sandbox"
)

const (
	providerSource = "tnz-community/tnz"
	// The text TNZ documents for a webhook that is not https, which the mistake
	// example triggers.
	mistakeRejection = "WebhookCallbackURL must start with https://"
	statusPolls      = 5
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx)
	stop()
	if err != nil {
		fmt.Fprintf(os.Stderr, "\nDEMO FAILED: %v\n", err)
		os.Exit(1)
	}
	fmt.Println("\nDemo finished: the mistake was caught at plan time, the SMS was sent exactly once.")
}

type demo struct {
	ctx       context.Context
	root      string // repository root
	tmp       string // scratch directory, removed at the end
	terraform string // terraform binary from PATH
	sandbox   *sandbox.Running
	env       []string // environment for terraform
	color     bool
	http      *http.Client
}

func run(ctx context.Context) (err error) {
	d := &demo{ctx: ctx, http: &http.Client{Timeout: 10 * time.Second}}

	if d.terraform, err = exec.LookPath("terraform"); err != nil {
		return errors.New("terraform is not on PATH; install the Terraform CLI (this demo never downloads it)")
	}
	if d.root, err = repoRoot(ctx); err != nil {
		return err
	}
	d.color = isTerminal(os.Stdout)

	heading("Setup: build the provider, start the sandbox")
	if d.tmp, err = os.MkdirTemp("", "tnz-demo-"); err != nil {
		return err
	}
	defer func() {
		heading("Cleanup")
		if d.sandbox != nil {
			if cerr := d.sandbox.Close(); cerr != nil {
				fmt.Printf("closing the sandbox: %v\n", cerr)
				err = errors.Join(err, cerr)
			} else {
				fmt.Println("sandbox stopped")
			}
		}
		if rerr := os.RemoveAll(d.tmp); rerr != nil {
			err = errors.Join(err, rerr)
		} else {
			fmt.Printf("removed %s\n", d.tmp)
		}
	}()
	if err := d.setup(); err != nil {
		return err
	}

	steps := []struct {
		title string
		fn    func() error
	}{
		{"Step 1/4: a mistake is caught by terraform plan, before anything is sent", d.mistake},
		{"Step 2/4: plan and apply a release notification", d.send},
		{"Step 3/4: what the sandbox received, and the delivery status", d.inspect},
		{"Step 4/4: apply again: no changes, nothing re-sent", d.reapply},
	}
	for _, s := range steps {
		heading(s.title)
		if err := s.fn(); err != nil {
			return fmt.Errorf("%s: %w", s.title, err)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	return nil
}

func (d *demo) setup() error {
	binDir := filepath.Join(d.tmp, "bin")
	if err := os.MkdirAll(binDir, 0o755); err != nil {
		return err
	}
	fmt.Println("$ go build -o " + filepath.Join(binDir, "terraform-provider-tnz") + " .")
	build := exec.CommandContext(d.ctx, "go", "build", "-o", filepath.Join(binDir, "terraform-provider-tnz"), ".")
	build.Dir = d.root
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("building the provider: %w", err)
	}

	var err error
	if d.sandbox, err = sandbox.Listen(sandbox.Options{}, "127.0.0.1:0"); err != nil {
		return fmt.Errorf("starting the sandbox: %w", err)
	}
	fmt.Printf("sandbox TNZ API listening on %s\n", d.sandbox.URL)

	cliConfig := filepath.Join(d.tmp, "terraform.rc")
	rc := fmt.Sprintf(`provider_installation {
  dev_overrides {
    %s = %s
  }
  direct {}
}
`, strconv.Quote(providerSource), strconv.Quote(binDir))
	if err := os.WriteFile(cliConfig, []byte(rc), 0o644); err != nil {
		return err
	}
	fmt.Printf("terraform CLI config %s overrides %s with the fresh build\n", cliConfig, providerSource)

	d.env = append(cleanEnv(os.Environ()),
		"TF_CLI_CONFIG_FILE="+cliConfig,
		"TNZ_AUTH_TOKEN="+sandbox.DefaultToken,
		"TNZ_API_URL="+d.sandbox.URL,
		"CHECKPOINT_DISABLE=1",
	)
	fmt.Printf("environment: TNZ_API_URL=%s TNZ_AUTH_TOKEN=%s CHECKPOINT_DISABLE=1\n", d.sandbox.URL, sandbox.DefaultToken)

	for _, ex := range []string{"mistake", "send"} {
		if err := copyDir(filepath.Join(d.root, "examples", "demo", ex), filepath.Join(d.tmp, ex)); err != nil {
			return fmt.Errorf("copying examples/demo/%s: %w", ex, err)
		}
	}
	return nil
}

// mistake: the plan must fail with TNZ's documented text, and the sandbox
// must have received nothing.
func (d *demo) mistake() error {
	showFile(filepath.Join(d.tmp, "mistake", "main.tf"), "examples/demo/mistake/main.tf")
	out, err := d.tf("mistake", "plan", "-input=false")
	if err == nil {
		return errors.New("terraform plan succeeded, but it should have rejected the plain-http webhook")
	}
	if !strings.Contains(normalize(out), mistakeRejection) {
		return fmt.Errorf("terraform plan failed (%v), but not with %q", err, mistakeRejection)
	}
	fmt.Printf("\n=> As expected, plan failed with TNZ's own text: %q\n", mistakeRejection)

	msgs, err := d.sandboxMessages()
	if err != nil {
		return err
	}
	if len(msgs) != 0 {
		return fmt.Errorf("the sandbox received %d message(s); it should have received none", len(msgs))
	}
	fmt.Println("=> The sandbox received nothing: GET /sandbox/messages lists 0 messages.")
	return nil
}

func (d *demo) send() error {
	showFile(filepath.Join(d.tmp, "send", "main.tf"), "examples/demo/send/main.tf")
	if _, err := d.tf("send", "plan", "-input=false"); err != nil {
		return fmt.Errorf("terraform plan: %w", err)
	}
	msgs, err := d.sandboxMessages()
	if err != nil {
		return err
	}
	if len(msgs) != 0 {
		return fmt.Errorf("terraform plan sent %d message(s); a plan must send nothing", len(msgs))
	}
	fmt.Println("\n=> The plan sent nothing (the sandbox still holds 0 messages). Now apply:")
	if _, err := d.tf("send", "apply", "-input=false", "-auto-approve"); err != nil {
		return fmt.Errorf("terraform apply: %w", err)
	}
	return nil
}

func (d *demo) inspect() error {
	msgs, err := d.sandboxMessages()
	if err != nil {
		return err
	}
	if len(msgs) != 1 {
		return fmt.Errorf("the sandbox received %d message(s); want exactly 1", len(msgs))
	}
	m := msgs[0]
	fmt.Printf("The sandbox received 1 message: channel %s, API %s, MessageID %s, received at %s\n",
		m.Channel, m.APIVersion, m.MessageID, unquote(m.ReceivedAt))
	fmt.Println("Request body:")
	fmt.Println(prettyBody(m.Body))

	idOut, err := d.tfQuiet("send", "output", "-raw", "message_id")
	if err != nil {
		return fmt.Errorf("terraform output message_id: %w", err)
	}
	messageID := strings.TrimSpace(idOut)
	fmt.Printf("\nterraform output message_id = %s\n", messageID)
	if messageID != m.MessageID {
		return fmt.Errorf("terraform's message_id %q is not the MessageID the sandbox received (%q)", messageID, m.MessageID)
	}

	fmt.Printf("\nGET %s/api/v3.00/sms/%s (polling at most once a second until Completed)\n", d.sandbox.URL, messageID)
	var st messageStatus
	for i := 1; i <= statusPolls; i++ {
		if st, err = d.status(messageID); err != nil {
			return err
		}
		fmt.Printf("  poll %d: JobStatus %s\n", i, st.JobStatus)
		if st.JobStatus == "Completed" || i == statusPolls {
			break
		}
		select {
		case <-time.After(time.Second):
		case <-d.ctx.Done():
			return d.ctx.Err()
		}
	}
	fmt.Printf("JobStatus %s: Count %s, Success %s, Failed %s\n",
		st.JobStatus, unquote(st.Count), unquote(st.Success), unquote(st.Failed))
	failed := false
	for _, r := range st.Recipients {
		fmt.Printf("  %-16s %-8s %s\n", r.Destination, r.Status, r.Result)
		failed = failed || r.Status == "Failed"
	}
	if failed {
		fmt.Println("(The sandbox fails phone numbers ending in 99 with \"Bad Number\", so a per-recipient failure shows too.)")
	}
	if st.JobStatus != "Completed" {
		return fmt.Errorf("the message did not reach JobStatus Completed within %ds (last: %q)", statusPolls, st.JobStatus)
	}
	return nil
}

var noChanges = regexp.MustCompile(`No changes\.|Resources: 0 added, 0 changed, 0 destroyed`)

func (d *demo) reapply() error {
	out, err := d.tf("send", "apply", "-input=false", "-auto-approve")
	if err != nil {
		return fmt.Errorf("terraform apply: %w", err)
	}
	if !noChanges.MatchString(out) {
		return errors.New("the second apply changed resources; it should change nothing")
	}
	msgs, err := d.sandboxMessages()
	if err != nil {
		return err
	}
	if len(msgs) != 1 {
		return fmt.Errorf("the sandbox now holds %d messages; want still exactly 1", len(msgs))
	}
	fmt.Println("\n=> Nothing changed and nothing was re-sent: the sandbox still holds exactly 1 message.")
	fmt.Println("   (A new release, i.e. a new terraform_data.release input, would re-send through triggers.)")
	return nil
}

// tf runs terraform in the named example directory, streaming its output to
// the user and returning it as well.
func (d *demo) tf(dir string, args ...string) (string, error) {
	if !d.color {
		args = append(args, "-no-color")
	}
	fmt.Printf("\n$ terraform %s   (in %s)\n", strings.Join(args, " "), filepath.Join("examples", "demo", dir))
	var buf bytes.Buffer
	cmd := exec.CommandContext(d.ctx, d.terraform, args...)
	cmd.Dir = filepath.Join(d.tmp, dir)
	cmd.Env = d.env
	cmd.Stdout = io.MultiWriter(os.Stdout, &buf)
	cmd.Stderr = io.MultiWriter(os.Stderr, &buf)
	err := cmd.Run()
	return buf.String(), err
}

// tfQuiet runs terraform and returns its standard output without showing it.
func (d *demo) tfQuiet(dir string, args ...string) (string, error) {
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(d.ctx, d.terraform, args...)
	cmd.Dir = filepath.Join(d.tmp, dir)
	cmd.Env = d.env
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("%w: %s", err, strings.TrimSpace(stderr.String()))
	}
	return stdout.String(), nil
}

type sandboxMessage struct {
	Channel    string
	APIVersion string
	MessageID  string
	ReceivedAt json.RawMessage
	JobStatus  json.RawMessage
	Body       json.RawMessage
}

func (d *demo) sandboxMessages() ([]sandboxMessage, error) {
	var resp struct{ Messages []sandboxMessage }
	if err := d.getJSON("/sandbox/messages", false, &resp); err != nil {
		return nil, fmt.Errorf("inspecting the sandbox: %w", err)
	}
	return resp.Messages, nil
}

type messageStatus struct {
	JobStatus              string
	Count, Success, Failed json.RawMessage
	Recipients             []struct {
		Destination string
		Status      string
		Result      string
	}
}

func (d *demo) status(messageID string) (messageStatus, error) {
	var st messageStatus
	if err := d.getJSON("/api/v3.00/sms/"+messageID, true, &st); err != nil {
		return st, fmt.Errorf("getting the message status: %w", err)
	}
	return st, nil
}

func (d *demo) getJSON(path string, auth bool, into any) error {
	req, err := http.NewRequestWithContext(d.ctx, http.MethodGet, d.sandbox.URL+path, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Accept", "application/json")
	if auth {
		req.Header.Set("Authorization", "Bearer "+sandbox.DefaultToken)
	}
	resp, err := d.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: HTTP %d: %s", path, resp.StatusCode, strings.TrimSpace(string(body)))
	}
	if err := json.Unmarshal(body, into); err != nil {
		return fmt.Errorf("GET %s: decoding %q: %w", path, body, err)
	}
	return nil
}

// prettyBody indents a request body that the sandbox reports either as JSON,
// as a string holding JSON, or as base64-encoded bytes holding JSON.
func prettyBody(raw json.RawMessage) string {
	data := []byte(raw)
	var s string
	if json.Unmarshal(raw, &s) == nil {
		data = []byte(s)
		if b, err := base64.StdEncoding.DecodeString(s); err == nil && json.Valid(b) {
			data = b
		}
	}
	var out bytes.Buffer
	if json.Indent(&out, data, "  ", "  ") != nil {
		return "  " + string(data)
	}
	return "  " + out.String()
}

// unquote shows a JSON scalar without the quotes of a string.
func unquote(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

// normalize removes terraform's diagnostic box drawing and line wrapping so
// that a message can be searched for as one line.
func normalize(s string) string {
	s = strings.NewReplacer("│", " ", "╷", " ", "╵", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

func heading(title string) {
	line := strings.Repeat("=", len(title)+6)
	fmt.Printf("\n%s\n== %s ==\n%s\n", line, title, line)
}

func showFile(path, name string) {
	b, err := os.ReadFile(path)
	if err != nil {
		return
	}
	fmt.Printf("--- %s ---\n%s", name, b)
}

// cleanEnv drops settings that would change what terraform or the provider
// does here: other TNZ credentials or endpoints, another CLI configuration,
// and extra CLI arguments.
func cleanEnv(env []string) []string {
	var out []string
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		switch {
		case strings.HasPrefix(name, "TNZ_"),
			strings.HasPrefix(name, "TF_CLI_ARGS"),
			name == "TF_CLI_CONFIG_FILE",
			name == "TF_DATA_DIR",
			name == "TF_WORKSPACE",
			name == "CHECKPOINT_DISABLE":
			continue
		}
		out = append(out, kv)
	}
	return out
}

func repoRoot(ctx context.Context) (string, error) {
	out, err := exec.CommandContext(ctx, "go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("locating the repository root with 'go env GOMOD': %w", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		return "", errors.New("run the demo from inside the repository (make demo)")
	}
	return filepath.Dir(gomod), nil
}

// copyDir copies the regular files of one example directory (not recursive).
func copyDir(src, dst string) error {
	entries, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || strings.Contains(e.Name(), ".tfstate") || e.Name() == ".terraform.lock.hcl" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
