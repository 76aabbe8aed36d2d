package bench

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tnz-community/terraform-provider-tnz/internal/sandbox"
)

// sizes are the resource counts every benchmark runs at.
var sizes = []int{10, 50}

const (
	providerSource = "tnz-community/tnz"
	providerBinary = "terraform-provider-tnz"
	planFile       = "bench.tfplan"
)

// The provider is built once per test process, into buildDir.
var (
	buildOnce sync.Once
	buildDir  string
	buildErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if buildDir != "" {
		os.RemoveAll(buildDir)
	}
	os.Exit(code)
}

// BenchmarkApplyTerraformData is the baseline: plan and apply of N
// terraform_data resources, which measures Terraform's own overhead.
func BenchmarkApplyTerraformData(b *testing.B) {
	skipWithoutTFAcc(b)
	for _, n := range sizes {
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) {
			benchApply(b, newWorkspace(b, terraformDataConfig(n), false), n)
		})
	}
}

// BenchmarkApplySMS is plan and apply of N tnz_sms resources, each one send
// to the in-process sandbox.
func BenchmarkApplySMS(b *testing.B) {
	skipWithoutTFAcc(b)
	for _, n := range sizes {
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) {
			benchApply(b, newWorkspace(b, smsConfig(n), true), n)
		})
	}
}

// BenchmarkPlanOnlyTerraformData is the baseline for BenchmarkPlanOnlySMS:
// terraform plan on N applied terraform_data resources.
func BenchmarkPlanOnlyTerraformData(b *testing.B) {
	skipWithoutTFAcc(b)
	for _, n := range sizes {
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) {
			benchPlanOnly(b, newWorkspace(b, terraformDataConfig(n), false), n)
		})
	}
}

// BenchmarkPlanOnlySMS is terraform plan on N applied tnz_sms resources: the
// refresh reads the status of every message from the sandbox and sends
// nothing.
func BenchmarkPlanOnlySMS(b *testing.B) {
	skipWithoutTFAcc(b)
	for _, n := range sizes {
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) {
			benchPlanOnly(b, newWorkspace(b, smsConfig(n), true), n)
		})
	}
}

// skipWithoutTFAcc skips the benchmark unless TF_ACC is set, like an
// acceptance test.
func skipWithoutTFAcc(b *testing.B) {
	b.Helper()
	if os.Getenv("TF_ACC") == "" {
		b.Skip("TF_ACC is not set: these benchmarks run the Terraform CLI; run `make bench`, or TF_ACC=1 go test ./internal/bench/ -run '^$' -bench . -benchtime=1x")
	}
}

// benchApply times terraform plan -out followed by terraform apply of that
// plan; terraform destroy runs between iterations with the timer stopped.
func benchApply(b *testing.B, w *workspace, n int) {
	var planTime, applyTime time.Duration
	iterations := 0
	for b.Loop() {
		sent := w.sent()

		start := time.Now()
		w.terraform("plan", "-input=false", "-no-color", "-out="+planFile)
		planned := time.Now()
		out := w.terraform("apply", "-input=false", "-no-color", planFile)
		applied := time.Now()
		planTime += planned.Sub(start)
		applyTime += applied.Sub(planned)
		iterations++

		b.StopTimer()
		if want := fmt.Sprintf("Resources: %d added, 0 changed, 0 destroyed", n); !strings.Contains(out, want) {
			b.Fatalf("terraform apply did not report %q:\n%s", want, out)
		}
		if w.sandbox != nil {
			if got := w.sent() - sent; got != n {
				b.Fatalf("the sandbox accepted %d messages during plan and apply, want %d", got, n)
			}
		}
		w.terraform("destroy", "-input=false", "-no-color", "-auto-approve")
		b.StartTimer()
	}
	reportPerResource(b, iterations, n)
	b.ReportMetric(perResource(planTime, iterations, n), "plan-ns/resource")
	b.ReportMetric(perResource(applyTime, iterations, n), "apply-ns/resource")
}

// benchPlanOnly applies the configuration once, untimed, then times terraform
// plan on it, which must find no changes (and, for sends, send nothing).
func benchPlanOnly(b *testing.B, w *workspace, n int) {
	w.terraform("apply", "-input=false", "-no-color", "-auto-approve")
	iterations := 0
	for b.Loop() {
		sent, requests := w.sent(), w.apiRequests()

		out := w.terraform("plan", "-input=false", "-no-color", "-detailed-exitcode")
		iterations++

		b.StopTimer()
		if !strings.Contains(out, "No changes.") {
			b.Fatalf("terraform plan on an applied configuration found changes:\n%s", out)
		}
		if w.sandbox != nil {
			if got := w.sent() - sent; got != 0 {
				b.Fatalf("terraform plan made the sandbox accept %d messages, want none", got)
			}
			if got := w.apiRequests() - requests; got < n {
				b.Fatalf("terraform plan made %d API requests, want at least one status read for each of the %d messages", got, n)
			}
		}
		b.StartTimer()
	}
	reportPerResource(b, iterations, n)
}

func reportPerResource(b *testing.B, iterations, n int) {
	b.ReportMetric(perResource(b.Elapsed(), iterations, n), "ns/resource")
}

func perResource(d time.Duration, iterations, n int) float64 {
	if iterations == 0 || n == 0 {
		return 0
	}
	return float64(d.Nanoseconds()) / float64(iterations) / float64(n)
}

func terraformDataConfig(n int) string {
	return fmt.Sprintf(`resource "terraform_data" "bench" {
  count = %d
  input = "Benchmark message ${count.index}"
}
`, n)
}

func smsConfig(n int) string {
	return fmt.Sprintf(`terraform {
  required_providers {
    tnz = {
      source = %q
    }
  }
}

# Credentials and endpoint come from TNZ_AUTH_TOKEN and TNZ_API_URL.
provider "tnz" {}

resource "tnz_sms" "bench" {
  count      = %d
  recipients = ["+6421000001"]
  message    = "Benchmark message ${count.index}"
}
`, providerSource, n)
}

// workspace is one Terraform working directory with its environment.
type workspace struct {
	b       *testing.B
	tf      string // the Terraform CLI
	dir     string
	env     []string
	sandbox *sandbox.Running // nil for configurations without tnz resources
}

// newWorkspace prepares a working directory holding config, the CLI configuration that
// overrides the provider with the fresh build and, when withSandbox is set, an
// in-process sandbox whose messages complete at once.
func newWorkspace(b *testing.B, config string, withSandbox bool) *workspace {
	b.Helper()
	tf := terraformPath(b)
	binDir := providerDir(b)

	w := &workspace{b: b, tf: tf, dir: b.TempDir()}
	if err := os.WriteFile(filepath.Join(w.dir, "main.tf"), []byte(config), 0o644); err != nil {
		b.Fatal(err)
	}
	cliConfig := filepath.Join(b.TempDir(), "terraform.rc")
	rc := fmt.Sprintf(`provider_installation {
  dev_overrides {
    %s = %s
  }
  direct {}
}
`, strconv.Quote(providerSource), strconv.Quote(binDir))
	if err := os.WriteFile(cliConfig, []byte(rc), 0o644); err != nil {
		b.Fatal(err)
	}
	w.env = append(cleanEnv(os.Environ()),
		"TF_CLI_CONFIG_FILE="+cliConfig,
		"CHECKPOINT_DISABLE=1",
		"TF_IN_AUTOMATION=1",
	)
	if withSandbox {
		sb, err := sandbox.Listen(sandbox.Options{CompletionDelay: -1}, "127.0.0.1:0")
		if err != nil {
			b.Fatalf("starting the sandbox: %v", err)
		}
		b.Cleanup(func() { sb.Close() })
		w.sandbox = sb
		w.env = append(w.env, "TNZ_AUTH_TOKEN="+sandbox.DefaultToken, "TNZ_API_URL="+sb.URL)
	}
	return w
}

// terraform runs terraform in the working directory and returns its combined
// output; a failure fails the benchmark with that output.
func (w *workspace) terraform(args ...string) string {
	w.b.Helper()
	var out bytes.Buffer
	cmd := exec.Command(w.tf, args...)
	cmd.Dir = w.dir
	cmd.Env = w.env
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		w.b.Fatalf("terraform %s failed: %v\n%s", strings.Join(args, " "), err, out.String())
	}
	return out.String()
}

// sent is how many sends the sandbox has accepted (0 without a sandbox).
func (w *workspace) sent() int {
	if w.sandbox == nil {
		return 0
	}
	return len(w.sandbox.Server.Received())
}

// apiRequests is how many API requests the sandbox has served (0 without a
// sandbox).
func (w *workspace) apiRequests() int {
	if w.sandbox == nil {
		return 0
	}
	return w.sandbox.Server.APIRequests()
}

// terraformPath is the Terraform CLI to run: TF_ACC_TERRAFORM_PATH, else the
// terraform on PATH. It is never downloaded, and a missing one fails.
func terraformPath(b *testing.B) string {
	b.Helper()
	if p := os.Getenv("TF_ACC_TERRAFORM_PATH"); p != "" {
		return p
	}
	p, err := exec.LookPath("terraform")
	if err != nil {
		b.Fatal("TF_ACC is set but no terraform binary is on PATH; install Terraform (1.11 or newer) or set TF_ACC_TERRAFORM_PATH. Benchmarks never download it.")
	}
	return p
}

// providerDir builds the provider once per process and returns the directory
// holding the binary.
func providerDir(b *testing.B) string {
	b.Helper()
	buildOnce.Do(func() { buildDir, buildErr = buildProvider() })
	if buildErr != nil {
		b.Fatal(buildErr)
	}
	return buildDir
}

func buildProvider() (string, error) {
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp("", "tnz-bench-")
	if err != nil {
		return "", err
	}
	cmd := exec.Command("go", "build", "-o", filepath.Join(dir, providerBinary), ".")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return "", fmt.Errorf("building the provider with go build in %s: %v\n%s", root, err, out)
	}
	return dir, nil
}

// moduleRoot walks up from the working directory to the one holding go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod found above the working directory")
		}
		dir = parent
	}
}

// cleanEnv drops settings that would change what terraform or the provider
// does, or how fast: other TNZ credentials or endpoints, another CLI
// configuration, extra CLI arguments, reattached providers and logging.
func cleanEnv(env []string) []string {
	var out []string
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		switch {
		case strings.HasPrefix(name, "TNZ_"),
			strings.HasPrefix(name, "TF_CLI_ARGS"),
			strings.HasPrefix(name, "TF_LOG"),
			name == "TF_CLI_CONFIG_FILE",
			name == "TF_DATA_DIR",
			name == "TF_WORKSPACE",
			name == "TF_REATTACH_PROVIDERS",
			name == "TF_IN_AUTOMATION",
			name == "CHECKPOINT_DISABLE":
			continue
		}
		out = append(out, kv)
	}
	return out
}
