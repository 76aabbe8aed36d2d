// Package usage records the resource use of provider processes for
// `make bench`: the wrapper (internal/bench/provwrap) writes one file per
// provider process and the benchmark reads them. It is kept apart from the
// benchmark so that the wrapper stays small.
package usage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Usage is the resource use of a process and the descendants it waited for,
// as wait4 reports it.
type Usage struct {
	CPU    time.Duration // user + system time
	MaxRSS int64         // peak resident set, bytes
}

// Environment variables the provider wrapper (internal/bench/provwrap) reads.
const (
	// EnvProvider is the provider binary the wrapper runs.
	EnvProvider = "BENCH_PROVIDER"
	// EnvUsageDir is where the wrapper records the provider's Usage, one
	// file per provider process.
	EnvUsageDir = "BENCH_USAGE_DIR"
	// EnvProfileDir, when set, makes the wrapper ask the provider for a CPU
	// profile (TNZ_CPUPROFILE) in this directory, one file per process.
	EnvProfileDir = "BENCH_PROFILE_DIR"
)

// Write records u in dir under name (the wrapper's process id), in
// the form Read reads.
func Write(dir, name string, u Usage) error {
	line := fmt.Sprintf("%d %d\n", u.CPU.Nanoseconds(), u.MaxRSS)
	return os.WriteFile(filepath.Join(dir, name+".usage"), []byte(line), 0o644)
}

// Read sums the CPU time of the provider processes recorded in dir
// and takes the largest peak RSS among them; processes is how many there
// were (Terraform may start a provider more than once per command).
func Read(dir string) (total Usage, processes int, err error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.usage"))
	if err != nil {
		return Usage{}, 0, err
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return Usage{}, 0, err
		}
		fields := strings.Fields(string(b))
		if len(fields) != 2 {
			return Usage{}, 0, fmt.Errorf("%s: want two numbers, got %q", f, b)
		}
		cpu, err1 := strconv.ParseInt(fields[0], 10, 64)
		rss, err2 := strconv.ParseInt(fields[1], 10, 64)
		if err := errors.Join(err1, err2); err != nil {
			return Usage{}, 0, fmt.Errorf("%s: %w", f, err)
		}
		total.CPU += time.Duration(cpu)
		total.MaxRSS = max(total.MaxRSS, rss)
		processes++
	}
	return total, processes, nil
}
