package bench

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/tnz-community/terraform-provider-tnz/internal/bench/usage"
)

// Profile runs n tnz_sms and n resources of the smallest provider once
// through the phases with profiling on, and returns the top functions as
// Markdown: the TNZ provider's own (pprof CPU profiles, which the provider
// writes when TNZ_CPUPROFILE is set), and, when perf is on PATH, Terraform
// core's for both configurations and where Terraform spends more on
// tnz_sms than on the smallest provider. The profiles are kept in dir.
func Profile(opts Options, n int, dir string) (string, error) {
	env, r, err := newRunner(opts)
	if err != nil {
		return "", err
	}
	defer r.close()
	// Terraform, the wrapper and perf run in the workspaces.
	if dir, err = filepath.Abs(dir); err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	perf, _ := exec.LookPath("perf")
	var syms *goSymbols
	if perf != "" {
		tf, err := filepath.EvalSymlinks(opts.Terraform)
		if err == nil {
			syms, err = loadGoSymbols(tf)
		}
		if err != nil {
			return "", fmt.Errorf("naming Terraform's functions: %w", err)
		}
	}

	var b strings.Builder
	fmt.Fprintf(&b, "## make bench-profile, N = %d, %s\n\n", n, env.date.Format("2006-01-02 15:04 UTC"))
	fmt.Fprintf(&b, "- %s, %s\n- CPU: %s, %d cores; load average %s\n\n", env.terraform, env.goVersion, env.cpu, env.cores, env.loadBefore)
	core := map[string]map[string]cpuProfile{} // label → phase → terraform's samples
	for _, c := range []configuration{smsConfig(n), floorConfig(n)} {
		ws, err := r.workspace(c)
		if err != nil {
			return "", err
		}
		if _, _, err := ws.terraform(instrumentation{}, "validate", "-no-color"); err != nil {
			return "", err
		}
		for _, phase := range phases {
			// A previous run's profiles would be merged with this one's.
			phaseDir := filepath.Join(dir, c.provider, slug(phase))
			if err := os.RemoveAll(phaseDir); err != nil {
				return "", err
			}
			if err := os.MkdirAll(phaseDir, 0o755); err != nil {
				return "", err
			}
		}
		r.logf("profiling %d × %s", n, c.label)
		if err := ws.reset(); err != nil {
			return "", err
		}
		for _, phase := range phases {
			in := instrumentation{env: []string{usage.EnvProfileDir + "=" + filepath.Join(dir, c.provider, slug(phase))}}
			if perf != "" {
				in.prefix = perfRecord(perf, perfData(dir, c.provider, phase))
			}
			if _, err := ws.run(phase, in); err != nil {
				return "", err
			}
		}
		if perf == "" {
			continue
		}
		core[c.label] = map[string]cpuProfile{}
		for _, phase := range phases {
			p, err := perfProfile(perf, perfData(dir, c.provider, phase), syms)
			if err != nil {
				return "", err
			}
			core[c.label][phase] = p
		}
	}

	for _, phase := range phases {
		fmt.Fprintf(&b, "### %s\n\n", phase)
		merged := filepath.Join(dir, "tnz-"+slug(phase)+".pprof")
		flat, cum, err := pprofTop(filepath.Join(dir, "tnz", slug(phase)), merged)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "The TNZ provider's processes, top 20 by own time (`go tool pprof -top %s`):\n\n```text\n%s```\n\n", filepath.Base(merged), flat)
		fmt.Fprintf(&b, "The same, by time including callees (`-cum`):\n\n```text\n%s```\n\n", cum)
		if perf == "" {
			b.WriteString("perf is not on PATH: Terraform core's own profile is left out.\n\n")
			continue
		}
		tnz, floor := core[labelTNZ][phase], core[labelFloor][phase]
		fmt.Fprintf(&b, "Terraform core (the terraform process, perf at %d Hz): %.2f s of samples with %s, %.2f s with the %s.\n\n",
			perfFrequency, float64(tnz.samples)/perfFrequency, labelTNZ, float64(floor.samples)/perfFrequency, labelFloor)
		fmt.Fprintf(&b, "Terraform core with %s, top 20 by own time:\n\n```text\n%s```\n\n", labelTNZ, top(tnz.flat, tnz.samples, 20))
		fmt.Fprintf(&b, "The same, by time including callees:\n\n```text\n%s```\n\n", top(tnz.cum, tnz.samples, 20))
		fmt.Fprintf(&b, "Where Terraform core spends more with %s than with the %s, by own time (share of the %s total):\n\n```text\n%s```\n\n",
			labelTNZ, labelFloor, labelTNZ, top(difference(tnz.flat, floor.flat), tnz.samples, 20))
		fmt.Fprintf(&b, "The same, by time including callees:\n\n```text\n%s```\n\n", top(difference(tnz.cum, floor.cum), tnz.samples, 20))
	}
	fmt.Fprintf(&b, "Profiles in %s.\n", dir)
	return b.String(), nil
}

func perfData(dir, provider, phase string) string {
	return filepath.Join(dir, provider+"-"+slug(phase)+".perf.data")
}

// slug is a phase as a file name.
func slug(phase string) string {
	s, _, _ := strings.Cut(phase, " (")
	return strings.ReplaceAll(s, " ", "-")
}

// pprofTop merges the CPU profiles in dir into merged and returns the top
// 20 functions by own time and by time including callees.
func pprofTop(dir, merged string) (flat, cum string, err error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.pprof"))
	if err != nil || len(files) == 0 {
		return "", "", fmt.Errorf("no CPU profile in %s: does the provider honour TNZ_CPUPROFILE (main.go)?", dir)
	}
	if out, err := exec.Command("go", append([]string{"tool", "pprof", "-proto", "-output=" + merged}, files...)...).CombinedOutput(); err != nil {
		return "", "", fmt.Errorf("go tool pprof: %v\n%s", err, out)
	}
	for _, mode := range []string{"-flat", "-cum"} {
		out, err := exec.Command("go", "tool", "pprof", "-top", mode, "-nodecount=20", merged).CombinedOutput()
		if err != nil {
			return "", "", fmt.Errorf("go tool pprof: %v\n%s", err, out)
		}
		if mode == "-flat" {
			flat = string(out)
		} else {
			cum = string(out)
		}
	}
	return flat, cum, nil
}
