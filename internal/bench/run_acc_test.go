package bench

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// accOptions are Options for a small run, or a skip without TF_ACC: these
// tests run the Terraform CLI, like acceptance tests.
func accOptions(t *testing.T) Options {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("TF_ACC is not set: this test runs the Terraform CLI")
	}
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tf == "" {
		var err error
		if tf, err = exec.LookPath("terraform"); err != nil {
			t.Fatal("TF_ACC is set but no terraform binary is on PATH; install Terraform (1.11 or newer) or set TF_ACC_TERRAFORM_PATH. Tests never download it.")
		}
	}
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	return Options{Terraform: tf, Root: root, Sizes: []int{5}, Reps: 1, Recipients: 20}
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

// A small run goes through every configuration and phase: each checks what
// Terraform did and what the sandbox received (see cycle), and the wrapper
// measured the provider processes.
func TestAccRunMeasuresEveryConfiguration(t *testing.T) {
	table, err := Run(accOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, phase := range phases {
		for _, label := range []string{labelTNZ, labelMixed, labelFloor} {
			row := tableRow(t, table, "| N = 5 | "+phase+" | "+label+" | ")
			if strings.Contains(row, "—") || strings.Contains(row, " 0 MiB") {
				t.Errorf("the provider process was not measured: %s", row)
			}
		}
		for _, label := range []string{labelData, labelCurl} {
			tableRow(t, table, "| N = 5 | "+phase+" | "+label+" | ")
		}
		tableRow(t, table, "| 1 × tnz_sms, 20 recipients | "+phase+" | "+labelWide+" | ")
	}
	if !strings.Contains(table, "Issue 9's bar, one tnz_sms with 20 recipients") {
		t.Errorf("no verdict on issue 9's bar:\n%s", table)
	}
}

// tableRow is the row starting with prefix, which must have a ratio to the
// smallest provider when it is a TNZ row.
func tableRow(t *testing.T, table, prefix string) string {
	t.Helper()
	i := strings.Index(table, prefix)
	if i < 0 {
		t.Fatalf("no row %q in\n%s", prefix, table)
	}
	row, _, _ := strings.Cut(table[i:], "\n")
	if (strings.Contains(prefix, labelTNZ+" |") || strings.Contains(prefix, labelMixed)) && !strings.Contains(row, "× (CPU") {
		t.Errorf("no ratios in %s", row)
	}
	return row
}

// Profiles come from the provider's own pprof profiles and, with perf,
// from Terraform core.
func TestAccProfile(t *testing.T) {
	opts := accOptions(t)
	dir := t.TempDir()
	// A profile left by an earlier run must not be merged into this one.
	stale := filepath.Join(dir, "tnz", slug(phasePlan), "1.pprof")
	if err := os.MkdirAll(filepath.Dir(stale), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(stale, []byte("not a profile"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := Profile(opts, 5, dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, phase := range phases {
		if !strings.Contains(out, "### "+phase+"\n\nThe TNZ provider's processes, top 20 by own time") {
			t.Errorf("no provider profile for %s:\n%s", phase, out)
		}
		if _, err := os.Stat(filepath.Join(dir, "tnz-"+slug(phase)+".pprof")); err != nil {
			t.Errorf("merged profile: %v", err)
		}
	}
	if !strings.Contains(out, "Type: cpu") {
		t.Errorf("no pprof output:\n%s", out)
	}
	if _, err := exec.LookPath("perf"); err == nil && !strings.Contains(out, "github.com/hashicorp/terraform/internal/") {
		t.Errorf("perf is installed but Terraform core's functions are not named:\n%s", out)
	}
}
