// Command benchtable is `make bench`'s table: it measures the TNZ provider
// under the Terraform CLI against the smallest framework provider,
// terraform_data and terraform_data with a local-exec curl, all in one run,
// and prints one Markdown table (also written to -out). See
// internal/bench/doc.go.
//
// Knobs, as environment variables so that make passes them through:
// BENCH_N (comma-separated sizes, default 200,1000), BENCH_REPS (repetitions
// of every configuration; default 5 up to N = 200, else 3),
// BENCH_RECIPIENTS (recipients of the one-resource row, default 10000; 0
// leaves it out), BENCH_BUDGET (a wall-time bound such as 12m, default
// 12m; 0 means none: repetitions beyond the first stop when the next would
// not fit, and the table says so).
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tnz-community/terraform-provider-tnz/internal/bench"
)

func main() {
	out := flag.String("out", "internal/bench/results/latest.md", "also write the table (or the profiles' summary) to this file")
	profile := flag.String("profile", "", "instead of the table, profile N = BENCH_PROFILE_N (default 1000) tnz_sms and keep the profiles in this directory")
	flag.Parse()
	if err := run(*out, *profile); err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
}

func run(out, profileDir string) error {
	opts := bench.Options{Log: os.Stderr}
	var err error
	if opts.Sizes, err = intsFromEnv("BENCH_N", "200,1000"); err != nil {
		return err
	}
	if slices.Contains(opts.Sizes, 0) {
		return fmt.Errorf("BENCH_N: every size must be at least 1")
	}
	reps, err := intsFromEnv("BENCH_REPS", "0")
	if err != nil {
		return err
	}
	recipients, err := intsFromEnv("BENCH_RECIPIENTS", "10000")
	if err != nil {
		return err
	}
	opts.Reps, opts.Recipients = reps[0], recipients[0]
	budget := os.Getenv("BENCH_BUDGET")
	if budget == "" {
		budget = "12m"
	}
	if opts.Budget, err = time.ParseDuration(budget); err != nil || opts.Budget < 0 {
		return fmt.Errorf("BENCH_BUDGET=%q: want a duration such as 12m, or 0 for none", budget)
	}
	if opts.Terraform, err = exec.LookPath("terraform"); err != nil {
		return fmt.Errorf("no terraform on PATH; install Terraform (1.11 or newer). The benchmark never downloads it")
	}
	if opts.Root, err = os.Getwd(); err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(opts.Root, "go.mod")); err != nil {
		return fmt.Errorf("run from the module root (make bench does): %w", err)
	}
	var table string
	if profileDir != "" {
		var n []int
		if n, err = intsFromEnv("BENCH_PROFILE_N", "1000"); err != nil {
			return err
		}
		table, err = bench.Profile(opts, n[0], profileDir)
	} else {
		table, err = bench.Run(opts)
	}
	if err != nil {
		return err
	}
	fmt.Print(table)
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	return os.WriteFile(out, []byte(table), 0o644)
}

// intsFromEnv reads a comma-separated list of non-negative integers.
func intsFromEnv(name, fallback string) ([]int, error) {
	v := os.Getenv(name)
	if v == "" {
		v = fallback
	}
	var out []int
	for _, f := range strings.Split(v, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 0 {
			return nil, fmt.Errorf("%s=%q: want non-negative integers separated by commas", name, v)
		}
		out = append(out, n)
	}
	return out, nil
}
