package provider

// Fault acceptance tests: "each message is sent exactly once" under network
// faults. Each test applies faultFleet tnz_sms at -parallelism=10 while the
// sandbox faults about a third of one kind of request (seeded, so that the
// number faulted is known and asserted), checks what that first apply
// reported, waits out resend_unconfirmed_after, applies again with faults
// off, and plans with faults off: that plan must show no changes. What the
// sandbox stored is counted by message text, which also catches a message
// sent again under a new id, and by message id against state.
//
// The tests run the Terraform CLI themselves rather than through
// terraform-plugin-testing, which has no -parallelism option and plans after
// every apply expecting that plan either empty or not: while TNZ is still
// creating a job it answered 500 for, which one it is depends on timing.
// Terraform runs the provider as it does in production, as a plugin process
// (this test binary, see serveProvider) found through dev_overrides.
//
// Issue 9's table, row by row (subtests of TestAccFault):
//   - connection reset before the request reached TNZ: reset
//   - 500, but the job is created ~5 s later: 500-later
//   - wait_for = "completed" while status calls fail: wait-while-status-fails
//   - the sandbox's own 500 fault with a failing look-up: 500-failing-lookup
//   - latency, dropped connection after forwarding, malformed JSON, slow
//     body, 429: latency, drop, bad-json, slow-body, 429 (and 500-stored:
//     forwarded, then 500)

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/tnz-community/terraform-provider-tnz/internal/faulttest"
	"github.com/tnz-community/terraform-provider-tnz/internal/sandbox"
	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

const (
	// faultFleet is how many messages each fault test sends.
	faultFleet = 30
	// faultShare is the probability of the faulted kind of request. Seed
	// faultSeed draws 10 faults among the first 30 requests of a kind.
	faultShare = "0.34"
	faultSeed  = 3
	// faultResendAfter is the tests' resend_unconfirmed_after.
	faultResendAfter = 3 * time.Second
	// faultParallelism is Terraform's -parallelism (also its default).
	faultParallelism = 10
)

// sendsFaulted is a faultScenario's faulted for n faulted sends.
func sendsFaulted(n int) map[sandbox.RequestKind]int {
	return map[sandbox.RequestKind]int{sandbox.SendRequest: n}
}

// faultScenarios are the fault tests, one per fault kind. With faultSeed,
// 10 of the first 30 requests of the faulted kind meet the fault.
var faultScenarios = []faultScenario{
	{
		name: "reset", faults: "send=reset:" + faultShare, faulted: sendsFaulted(10),
		uncertain: 10, lost: 10, warnings: map[string]int{summaryUncertainSend: 10},
		busy: 2 * time.Second, // the look-up after a reset is two reads 2s apart
	},
	{name: "drop", faults: "send=drop:" + faultShare, faulted: sendsFaulted(10)},
	{name: "500-stored", faults: "send=500-stored:" + faultShare, faulted: sendsFaulted(10)},
	{
		// The job appears after both look-ups gave up: unconfirmed after the
		// first apply, then found (confirmed, not sent again) by the second.
		name: "500-later", faults: "send=500-later@5s:" + faultShare, faulted: sendsFaulted(10),
		uncertain: 10, warnings: map[string]int{summaryUncertainSend: 10},
		busy: 2 * time.Second,
	},
	{
		// Every look-up fails too (500, no retries): an uncertain send cannot
		// be found, and a clean send's first status read fails.
		name: "500-failing-lookup", faults: "send=500:" + faultShare + ",lookup=500:1", provider: `max_retries = 0`,
		faulted:   map[sandbox.RequestKind]int{sandbox.SendRequest: 10, sandbox.LookupRequest: faultFleet},
		uncertain: 10, lost: 10,
		warnings: map[string]int{summaryUncertainSend: 10, summaryStatusUnavailable: faultFleet - 10},
	},
	{
		// 429s are retried after Retry-After: the seed refuses 15 requests
		// before the 30th is let through, and max_retries = 10 lets every
		// message through unless one message meets 11 of those 15.
		name: "429", faults: "send=429@1s:" + faultShare, provider: `max_retries = 10`, faulted: sendsFaulted(15),
		busy: time.Second,
	},
	{
		// Held longer than request_timeout, then stored: the client's second
		// look-up, 2s after the first, finds it.
		name: "latency", faults: "send=latency@2500ms:" + faultShare, provider: `request_timeout = "2s"`, faulted: sendsFaulted(10),
		busy: 2 * time.Second,
	},
	{name: "bad-json", faults: "send=bad-json:" + faultShare, faulted: sendsFaulted(10)},
	{
		// The body arrives slower than request_timeout allows: the send
		// times out after TNZ stored it, and the look-up finds it.
		name: "slow-body", faults: "send=slow-body@2500ms:" + faultShare, provider: `request_timeout = "2s"`, faulted: sendsFaulted(10),
		busy: 2 * time.Second,
	},
	{
		// Every status read fails (500 or a reset, no retries) while apply
		// waits for delivery: warnings, never an error or a taint, nothing
		// sent again. Each message's first status read is its look-up; at
		// least one poll of each fails before the wait ends.
		name: "wait-while-status-fails", faults: "status=500:0.5,status=reset:0.5", provider: `max_retries = 0`,
		resource:       "wait_for = \"completed\"\n  timeouts = { create = \"3s\" }",
		faulted:        map[sandbox.RequestKind]int{sandbox.LookupRequest: faultFleet},
		faultedAtLeast: map[sandbox.RequestKind]int{sandbox.StatusRequest: faultFleet},
		warnings:       map[string]int{summaryStatusUnavailable: faultFleet, summaryWaitEnded: faultFleet},
	},
	{
		// TNZ's documented 404 right after a send ("still processing") is no
		// warning, and wait_for sees the message complete once visible.
		name: "visibility-delay", options: sandbox.Options{VisibilityDelay: 2 * time.Second, CompletionDelay: time.Second},
		resource: `wait_for = "completed"`, completed: true,
	},
}

func TestAccFault(t *testing.T) {
	for _, sc := range faultScenarios {
		t.Run(sc.name, func(t *testing.T) { runFaultScenario(t, sc) })
	}
}

// A plan saved while a message is unconfirmed and applied once
// resend_unconfirmed_after has passed (a pipeline that plans, waits for
// approval, then applies): that apply only asks TNZ again and cannot take
// the message out of state, so it says that the next plan sends it again,
// and the next plan does.
func TestAccFaultSavedPlanAppliedLate(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1 to run it with the Terraform CLI")
	}
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{CompletionDelay: time.Second, VisibilityDelay: -1}) // as the fault scenarios
	sb.Server.InjectFaults(sandbox.Fault{Kind: sandbox.FaultReset, Request: sandbox.SendRequest})
	texts := []string{"Saved plan, message 0", "Saved plan, message 1", "Saved plan, message 2"}
	// Long enough that the plan right after the first apply still finds the
	// message young: submitted_time has whole seconds, and the look-ups
	// alone take 2s.
	const resendAfter = 10 * time.Second
	tf := newTerraformDir(t, faultProviderConfig(sb, resendAfter, "")+`
resource "tnz_sms" "fleet" {
  count      = 3
  recipients = ["+6421000001"]
  message    = "Saved plan, message ${count.index}"
}
`)
	checkDiagnostics(t, "the first apply", tf.apply(), map[string]int{summaryUncertainSend: 1})
	applied := time.Now()
	if code := tf.planExitCode("-out=late.tfplan"); code != 2 {
		t.Fatalf("the plan saved after the first apply exited %d, want 2: one message is unconfirmed", code)
	}
	time.Sleep(time.Until(applied.Add(resendAfter)))
	checkDiagnostics(t, "the late apply of the saved plan", tf.apply("late.tfplan"), map[string]int{summaryUnconfirmedResendNext: 1})
	if got := tf.state().unconfirmed(); len(got) != 1 {
		t.Errorf("after the late apply, %d messages are unconfirmed in state, want 1 (kept for the next plan)", len(got))
	}
	checkDiagnostics(t, "the next apply", tf.apply(), map[string]int{summaryUnconfirmedResend: 1})
	state := tf.state()
	if err := faulttest.ByField(sb.Server, "Message", texts).ExactlyOnce(); err != nil {
		t.Errorf("by text: %v", err)
	}
	if err := faulttest.ByMessageID(sb.Server, state.messageIDs()).ExactlyOnce(); err != nil {
		t.Errorf("by message id in state: %v", err)
	}
	if code := tf.planExitCode(); code != 0 {
		t.Errorf("the last plan exited %d, want 0 (no changes)", code)
	}
}

// faultScenario is one fault test.
type faultScenario struct {
	name string
	// faults are the sandbox's fault rules during the first apply, in its
	// -faults syntax, drawn from faultSeed.
	faults string
	// faulted is how many requests of each kind the first apply met a
	// fault on: exact, for the seed. faultedAtLeast are lower bounds.
	faulted, faultedAtLeast map[sandbox.RequestKind]int
	// uncertain is how many messages the first apply keeps unconfirmed;
	// lost is how many of them TNZ never got, which the second apply
	// sends again.
	uncertain, lost int
	// warnings are the first apply's warnings, by summary: exactly these.
	warnings map[string]int
	// completed: every message's job_status is Completed after the first
	// apply.
	completed bool
	// busy is how long, at least, the provider spends on a faulted send:
	// faulted sends that arrive closer together than that were in flight
	// together. Zero skips the concurrency check.
	busy time.Duration
	// provider and resource are extra attributes of the provider block
	// and of the tnz_sms resource.
	provider, resource string
	options            sandbox.Options
}

func runFaultScenario(t *testing.T, sc faultScenario) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1 to run it with the Terraform CLI")
	}
	t.Parallel()
	if sc.options.CompletionDelay == 0 {
		sc.options.CompletionDelay = time.Second
	}
	if sc.options.VisibilityDelay == 0 {
		// Each scenario models one fault, counted against short timings
		// (resend_unconfirmed_after is 3s): TNZ's 404 after a send is the
		// visibility-delay scenario's, not every scenario's.
		sc.options.VisibilityDelay = -1
	}
	sb := startSandbox(t, sc.options)
	if sc.faults != "" {
		if err := faulttest.On(sb.Server, faultSeed, sc.faults); err != nil {
			t.Fatal(err)
		}
	}
	texts := make([]string, faultFleet)
	for i := range texts {
		texts[i] = fmt.Sprintf("Fault test %s, message %d", sc.name, i)
	}
	tf := newTerraformDir(t, fmt.Sprintf(`%s
resource "tnz_sms" "fleet" {
  count      = %d
  recipients = ["+6421000001"]
  message    = "Fault test %s, message ${count.index}"
  %s
}
`, faultProviderConfig(sb, faultResendAfter, sc.provider), faultFleet, sc.name, sc.resource))

	// Apply 1, faults on.
	diags := tf.apply()
	applied := time.Now()
	faulttest.Off(sb.Server)
	checkFaultsApplied(t, sb.Server, sc)
	if sc.busy > 0 {
		together := inFlightTogether(sb.Server, sc.busy)
		t.Logf("at least %d faulted sends were in flight together", together)
		if together < 2 {
			t.Errorf("no two faulted sends were in flight together: Terraform did not apply in parallel")
		}
	}
	checkDiagnostics(t, "the first apply", diags, sc.warnings)
	state := tf.state()
	if len(state) != faultFleet {
		t.Errorf("after the first apply, state holds %d messages, want %d", len(state), faultFleet)
	}
	if got := state.unconfirmed(); len(got) != sc.uncertain {
		t.Errorf("after the first apply, %d messages are unconfirmed in state, want %d", len(got), sc.uncertain)
	} else if faulted := faultedSends(sb.Server); sc.uncertain > 0 && !slices.Equal(got, faulted) {
		t.Errorf("after the first apply, the unconfirmed messages are %v, want those whose send was faulted: %v", got, faulted)
	}
	if sc.completed {
		for _, m := range state {
			if m.Status.JobStatus != tnz.JobCompleted {
				t.Errorf("%s: job_status %q after the first apply, want %q", m.MessageID, m.Status.JobStatus, tnz.JobCompleted)
			}
		}
	}
	if err := faulttest.Settle(sb.Server, faulttest.SettleTimeout); err != nil {
		t.Fatal(err)
	}
	first := tally(faulttest.ByField(sb.Server, "Message", texts))
	if first.twice > 0 || first.never != sc.lost || first.once != faultFleet-sc.lost {
		t.Errorf("after the first apply TNZ holds %s, want %d once, 0 twice, %d never", first, faultFleet-sc.lost, sc.lost)
	}
	// CI notices: a plan exits 2 while a message TNZ never got is in state.
	wantCode := 0
	if sc.lost > 0 {
		wantCode = 2
	}
	if code := tf.planExitCode(); code != wantCode {
		t.Errorf("terraform plan -detailed-exitcode after the first apply exited %d, want %d", code, wantCode)
	}

	// Apply 2, faults off, once resend_unconfirmed_after has passed.
	time.Sleep(time.Until(applied.Add(faultResendAfter)))
	diags = tf.apply()
	checkDiagnostics(t, "the second apply", diags, nonZero(map[string]int{summaryUnconfirmedResend: sc.lost}))
	if err := faulttest.Settle(sb.Server, faulttest.SettleTimeout); err != nil {
		t.Fatal(err)
	}
	state = tf.state()
	if len(state) != faultFleet {
		t.Errorf("after the second apply, state holds %d messages, want %d", len(state), faultFleet)
	}
	if got := state.unconfirmed(); len(got) != 0 {
		t.Errorf("after the second apply, messages %v are still unconfirmed", got)
	}
	byText := faulttest.ByField(sb.Server, "Message", texts)
	if err := byText.ExactlyOnce(); err != nil {
		t.Errorf("by text: %v", err)
	}
	if err := faulttest.ByMessageID(sb.Server, state.messageIDs()).ExactlyOnce(); err != nil {
		t.Errorf("by message id in state: %v", err)
	}
	if code := tf.planExitCode(); code != 0 {
		t.Errorf("terraform plan -detailed-exitcode after the second apply exited %d, want 0 (no changes)", code)
	}
	t.Logf("fault table: | %s | %d | %s | %s | %s |", sc.name, faultFleet, describeFaulted(sc), first, tally(byText))
}

// faultProviderConfig is providerConfig with resend_unconfirmed_after and
// extra attributes.
func faultProviderConfig(sb *sandbox.Running, resendAfter time.Duration, extra string) string {
	config := strings.TrimSuffix(providerConfig(sb, sandbox.DefaultToken), "}\n")
	return config + fmt.Sprintf("  resend_unconfirmed_after = %q\n  %s\n}\n", resendAfter, extra)
}

// checkFaultsApplied checks that the first apply met the faults the seed
// decides, so that the test exercised what it means to.
func checkFaultsApplied(t *testing.T, srv *sandbox.Server, sc faultScenario) {
	t.Helper()
	counts := map[sandbox.RequestKind]int{}
	for _, a := range srv.AppliedFaults() {
		counts[a.Request]++
	}
	for kind, want := range sc.faulted {
		if counts[kind] != want {
			t.Errorf("the sandbox faulted %d %s requests, want %d", counts[kind], kind, want)
		}
	}
	for kind, want := range sc.faultedAtLeast {
		if counts[kind] < want {
			t.Errorf("the sandbox faulted %d %s requests, want at least %d", counts[kind], kind, want)
		}
	}
	if sc.faults == "" && len(counts) > 0 {
		t.Errorf("faults applied without fault rules: %v", counts)
	}
}

// faultedSends are the message ids of the faulted sends, sorted.
func faultedSends(srv *sandbox.Server) []string {
	var ids []string
	for _, a := range srv.AppliedFaults() {
		if a.Request == sandbox.SendRequest {
			ids = append(ids, a.MessageID)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// describeFaulted is the faulted column of the README's table.
func describeFaulted(sc faultScenario) string {
	var parts []string
	for _, kind := range slices.Sorted(maps.Keys(sc.faulted)) {
		parts = append(parts, fmt.Sprintf("%d %s", sc.faulted[kind], kind))
	}
	for _, kind := range slices.Sorted(maps.Keys(sc.faultedAtLeast)) {
		parts = append(parts, fmt.Sprintf("≥ %d %s", sc.faultedAtLeast[kind], kind))
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

// inFlightTogether is a lower bound of how many sends the provider had in
// flight at once: the most faulted sends that arrived within busy of each
// other, each of which kept the provider busy at least that long.
func inFlightTogether(srv *sandbox.Server, busy time.Duration) int {
	var at []time.Time
	for _, a := range srv.AppliedFaults() {
		if a.Request == sandbox.SendRequest {
			at = append(at, a.At)
		}
	}
	slices.SortFunc(at, time.Time.Compare)
	most := 0
	for i := range at {
		n := 0
		for j := i; j < len(at) && at[j].Sub(at[i]) < busy; j++ {
			n++
		}
		most = max(most, n)
	}
	return most
}

// receipts counts expected keys received once, twice or more, and never.
type receipts struct{ once, twice, never int }

func tally(t faulttest.Tally) receipts {
	var r receipts
	for _, k := range t.Expected {
		switch n := t.Counts[k]; {
		case n == 0:
			r.never++
		case n == 1:
			r.once++
		default:
			r.twice++
		}
	}
	return r
}

func (r receipts) String() string { return fmt.Sprintf("%d / %d / %d", r.once, r.twice, r.never) }

// nonZero is m without its zero counts.
func nonZero(m map[string]int) map[string]int {
	maps.DeleteFunc(m, func(_ string, n int) bool { return n == 0 })
	return m
}

// checkDiagnostics checks that a Terraform run reported no error and exactly
// the wanted warnings (by summary), apart from Terraform's own notice that
// dev_overrides are in effect.
func checkDiagnostics(t *testing.T, run string, diags []terraformDiagnostic, want map[string]int) {
	t.Helper()
	got := map[string]int{}
	for _, d := range diags {
		switch {
		case d.Summary == "Provider development overrides are in effect":
		case d.Severity == "error":
			t.Errorf("%s reported an error: %s: %s", run, d.Summary, d.Detail)
		default:
			got[d.Summary]++
		}
	}
	if want == nil {
		want = map[string]int{}
	}
	if !maps.Equal(got, want) {
		t.Errorf("%s reported the warnings %v, want %v", run, got, want)
	}
}

// serveProviderEnv, set in the environment, makes the test binary serve the
// provider (TestMain): Terraform starts it as the plugin found through
// dev_overrides.
const serveProviderEnv = "TNZ_TEST_SERVE_PROVIDER"

func serveProvider() int {
	err := providerserver.Serve(context.Background(), New("test"), providerserver.ServeOpts{Address: "registry.terraform.io/tnz-community/tnz"})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// terraformDir is a Terraform working directory whose tnz provider is this
// test binary.
type terraformDir struct {
	t   *testing.T
	tf  string
	dir string
	env []string
}

func newTerraformDir(t *testing.T, config string) *terraformDir {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := t.TempDir()
	if err := os.Symlink(self, filepath.Join(bin, "terraform-provider-tnz")); err != nil {
		t.Fatal(err)
	}
	rc := filepath.Join(t.TempDir(), "terraform.rc")
	cli := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    \"tnz-community/tnz\" = %s\n  }\n  direct {}\n}\n", strconv.Quote(bin))
	if err := os.WriteFile(rc, []byte(cli), 0o644); err != nil {
		t.Fatal(err)
	}
	d := &terraformDir{t: t, tf: os.Getenv("TF_ACC_TERRAFORM_PATH"), dir: t.TempDir()}
	if d.tf == "" {
		t.Fatal("TF_ACC_TERRAFORM_PATH is not set (TestMain sets it from PATH)")
	}
	if err := os.WriteFile(filepath.Join(d.dir, "main.tf"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		// Settings that would change what Terraform runs or how.
		if strings.HasPrefix(name, "TF_CLI_ARGS") || strings.HasPrefix(name, "TNZ_") ||
			slices.Contains([]string{"TF_CLI_CONFIG_FILE", "TF_DATA_DIR", "TF_WORKSPACE", "TF_REATTACH_PROVIDERS"}, name) {
			continue
		}
		d.env = append(d.env, kv)
	}
	d.env = append(d.env, "TF_CLI_CONFIG_FILE="+rc, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1", serveProviderEnv+"=1")
	return d
}

// run runs terraform with args and returns its exit code and standard
// output; it fails the test when terraform cannot run at all.
func (d *terraformDir) run(args ...string) (int, []byte) {
	d.t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(d.tf, args...)
	cmd.Dir, cmd.Env, cmd.Stdout, cmd.Stderr = d.dir, d.env, &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		d.t.Fatalf("terraform %s: %v", strings.Join(args, " "), err)
	}
	if stderr.Len() > 0 {
		d.t.Logf("terraform %s, standard error:\n%s", strings.Join(args, " "), stderr.String())
	}
	return cmd.ProcessState.ExitCode(), stdout.Bytes()
}

// terraformDiagnostic is a diagnostic in Terraform's machine-readable UI.
type terraformDiagnostic struct {
	Severity string `json:"severity"`
	Summary  string `json:"summary"`
	Detail   string `json:"detail"`
	Address  string `json:"address"`
}

// apply runs terraform apply at faultParallelism, with a saved plan's file
// if given, which must succeed, and returns its diagnostics.
func (d *terraformDir) apply(planFile ...string) []terraformDiagnostic {
	d.t.Helper()
	args := append([]string{"apply", "-auto-approve", "-input=false", "-json", "-parallelism=" + strconv.Itoa(faultParallelism)}, planFile...)
	code, out := d.run(args...)
	diags := diagnosticsOf(out)
	if code != 0 {
		d.t.Fatalf("terraform apply exited %d:\n%s", code, out)
	}
	return diags
}

// diagnosticsOf reads the diagnostics of Terraform's -json output.
func diagnosticsOf(out []byte) []terraformDiagnostic {
	var diags []terraformDiagnostic
	lines := bufio.NewScanner(bytes.NewReader(out))
	lines.Buffer(nil, 1<<20)
	for lines.Scan() {
		var msg struct {
			Type       string              `json:"type"`
			Diagnostic terraformDiagnostic `json:"diagnostic"`
		}
		if json.Unmarshal(lines.Bytes(), &msg) == nil && msg.Type == "diagnostic" {
			diags = append(diags, msg.Diagnostic)
		}
	}
	return diags
}

// planExitCode runs terraform plan -detailed-exitcode, with extra
// arguments: 0 for no changes, 2 for changes. Any other exit fails the test.
func (d *terraformDir) planExitCode(extra ...string) int {
	d.t.Helper()
	code, out := d.run(append([]string{"plan", "-input=false", "-detailed-exitcode", "-no-color"}, extra...)...)
	if code != 0 && code != 2 {
		d.t.Fatalf("terraform plan exited %d:\n%s", code, out)
	}
	if code == 2 {
		for _, line := range strings.Split(string(out), "\n") {
			if strings.HasPrefix(line, "Plan: ") {
				d.t.Logf("terraform plan -detailed-exitcode exited 2: %s", line)
			}
		}
	}
	return code
}

// sentMessage is a send resource instance in the state file.
type sentMessage struct {
	MessageID string `json:"message_id"`
	Status    struct {
		JobStatus string `json:"job_status"`
		Confirmed bool   `json:"confirmed"`
	} `json:"status"`
}

type sentMessages []sentMessage

// state reads the send resources from terraform.tfstate; a tainted one
// fails the test.
func (d *terraformDir) state() sentMessages {
	d.t.Helper()
	raw, err := os.ReadFile(filepath.Join(d.dir, "terraform.tfstate"))
	if err != nil {
		d.t.Fatal(err)
	}
	var s struct {
		Resources []struct {
			Type      string `json:"type"`
			Instances []struct {
				IndexKey   any         `json:"index_key"`
				Status     string      `json:"status"`
				Attributes sentMessage `json:"attributes"`
			} `json:"instances"`
		} `json:"resources"`
	}
	if err := json.Unmarshal(raw, &s); err != nil {
		d.t.Fatalf("reading terraform.tfstate: %v", err)
	}
	var out sentMessages
	for _, r := range s.Resources {
		for _, in := range r.Instances {
			if in.Status == "tainted" {
				d.t.Errorf("%s[%v] is tainted: the next apply would send it again", r.Type, in.IndexKey)
			}
			out = append(out, in.Attributes)
		}
	}
	return out
}

// unconfirmed are the message ids whose status.confirmed is false, sorted.
func (ms sentMessages) unconfirmed() []string {
	var ids []string
	for _, m := range ms {
		if !m.Status.Confirmed {
			ids = append(ids, m.MessageID)
		}
	}
	slices.Sort(ids)
	return ids
}

func (ms sentMessages) messageIDs() []string {
	ids := make([]string, len(ms))
	for i, m := range ms {
		ids[i] = m.MessageID
	}
	return ids
}
