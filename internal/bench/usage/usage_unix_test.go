//go:build unix

package usage

import (
	"os"
	"testing"
	"time"
)

// Of reads wait4's numbers for an exited child: a process that burns CPU
// reports some.
func TestOfReportsAChildsCPU(t *testing.T) {
	if os.Getenv("USAGE_TEST_BURN") != "" {
		deadline := time.Now().Add(50 * time.Millisecond)
		for time.Now().Before(deadline) {
		}
		os.Exit(0)
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	p, err := os.StartProcess(exe, []string{exe, "-test.run=^TestOfReportsAChildsCPU$"}, &os.ProcAttr{
		Env:   append(os.Environ(), "USAGE_TEST_BURN=1"),
		Files: []*os.File{nil, os.Stdout, os.Stderr},
	})
	if err != nil {
		t.Fatal(err)
	}
	ps, err := p.Wait()
	if err != nil {
		t.Fatal(err)
	}
	u := Of(ps)
	if u.CPU <= 0 || u.MaxRSS <= 0 {
		t.Errorf("Of = %+v, want CPU time and a peak RSS", u)
	}
}
