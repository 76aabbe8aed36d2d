package bench

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"time"
)

// environment is what the table's heading says about the machine and run.
type environment struct {
	date       time.Time
	terraform  string // first line of `terraform version`
	goVersion  string
	cpu        string
	cores      int
	loadBefore string
	loadAfter  string
	elapsed    time.Duration
}

func describeEnvironment(tf string) (environment, error) {
	out, err := exec.Command(tf, "version").Output()
	if err != nil {
		return environment{}, fmt.Errorf("terraform version: %w", err)
	}
	first, _, _ := strings.Cut(string(out), "\n")
	return environment{
		date:       time.Now().UTC(),
		terraform:  first,
		goVersion:  runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH,
		cpu:        cpuModel(),
		cores:      runtime.NumCPU(),
		loadBefore: loadAverage(),
	}, nil
}

// cpuModel is the first "model name" of /proc/cpuinfo, or "unknown".
func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, value, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(name) == "model name" {
			return strings.TrimSpace(value)
		}
	}
	return "unknown"
}

// loadAverage is the 1, 5 and 15 minute load averages, or "unknown".
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	fields := strings.Fields(string(b))
	if err != nil || len(fields) < 3 {
		return "unknown"
	}
	return strings.Join(fields[:3], " ")
}

// renderTable is the one Markdown table of a run, with its heading.
func renderTable(env environment, workloads []*workload, recipients int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## make bench, %s\n\n", env.date.Format("2006-01-02 15:04 UTC"))
	fmt.Fprintf(&b, "- %s, %s\n", env.terraform, env.goVersion)
	fmt.Fprintf(&b, "- CPU: %s, %d cores; load average (1, 5, 15 min) %s at the start, %s at the end\n", env.cpu, env.cores, env.loadBefore, env.loadAfter)
	var reps []string
	for _, w := range workloads {
		r := fmt.Sprintf("%d for %s", w.done, w.name)
		if w.done < w.reps {
			r = fmt.Sprintf("%d of %d for %s (time budget reached)", w.done, w.reps, w.name)
		}
		reps = append(reps, r)
	}
	fmt.Fprintf(&b, "- Run time %s; repetitions: %s\n\n", env.elapsed.Round(time.Second), strings.Join(reps, ", "))

	b.WriteString("| Workload | Phase | Configuration | Wall | CPU, all processes | CPU, provider | Provider peak RSS | State per resource | ÷ smallest provider | ÷ terraform_data | ÷ curl |\n")
	b.WriteString("|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|\n")
	for _, w := range workloads {
		for _, phase := range phases {
			for _, c := range w.configs {
				b.WriteString(row(w, phase, c))
			}
		}
	}
	b.WriteString(`
Wall and CPU are medians over the repetitions; CPU, all processes is the
terraform process with every process it waited for (providers, the
provisioners' sh and curl), from wait4; CPU, provider is the provider
processes alone (summed when Terraform starts the provider more than once);
peak RSS is the largest over the repetitions. State per resource is the
state file's size after apply divided by the resources (Terraform writes
the whole file after each resource it applies). A ratio is the median over
repetitions of the configuration's wall time divided by the baseline's in
the same repetition (each phase runs for every configuration in turn), then
the same for CPU, all processes. Mixed: the sends are spread over tnz_sms, tnz_email, tnz_fax,
tnz_tts and tnz_voice, each from its channel's template with two
personalised destinations, plus the five template resources; its baselines
are those of the same N.
`)
	for _, w := range workloads {
		if w.configs[0].label == labelWide {
			b.WriteString("\n" + wideVerdict(w, recipients) + "\n")
		}
	}
	return b.String()
}

// row is one configuration's line for one phase.
func row(w *workload, phase string, c configuration) string {
	s := w.samples[c.label][phase]
	wall := median(collect(s, func(x sample) float64 { return x.wall.Seconds() }))
	cpu := median(collect(s, func(x sample) float64 { return x.tree.CPU.Seconds() }))
	provCPU, provRSS := "—", "—"
	if c.provider != "" {
		provCPU = seconds(median(collect(s, func(x sample) float64 { return x.provider.CPU.Seconds() })))
		provRSS = mebibytes(slices.Max(collect(s, func(x sample) float64 { return float64(x.provider.MaxRSS) })))
	}
	var state, floor, data, curl string
	if phase == phaseApply && len(s) > 0 {
		state = fmt.Sprintf("%.0f B", float64(s[len(s)-1].state)/float64(c.resources))
	}
	if c.provider == "tnz" && c.label != labelWide {
		floor = ratio(s, w.samples[labelFloor][phase])
		data = ratio(s, w.samples[labelData][phase])
		if phase == phaseApply && c.label == labelTNZ {
			curl = ratio(s, w.samples[labelCurl][phase])
		}
	}
	return fmt.Sprintf("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
		w.name, phase, c.label, seconds(wall), seconds(cpu), provCPU, provRSS, state, floor, data, curl)
}

// ratio compares samples with a baseline's from the same repetitions:
// the median of the per-repetition wall-time ratios, then of the CPU ratios.
func ratio(s, baseline []sample) string {
	if len(baseline) != len(s) || len(s) == 0 {
		return ""
	}
	var wall, cpu []float64
	for i := range s {
		wall = append(wall, s[i].wall.Seconds()/baseline[i].wall.Seconds())
		cpu = append(cpu, s[i].tree.CPU.Seconds()/baseline[i].tree.CPU.Seconds())
	}
	return fmt.Sprintf("%.1f× (CPU %.1f×)", median(wall), median(cpu))
}

// Issue 9's bar for one send to many recipients.
const (
	wideRefreshBar = 10 * time.Second
	wideRSSBar     = 200 << 20
)

// wideVerdict says whether the one-resource row meets issue 9's bar.
func wideVerdict(w *workload, recipients int) string {
	s := w.samples[labelWide][phaseRefresh]
	wall := median(collect(s, func(x sample) float64 { return x.wall.Seconds() }))
	cpu := median(collect(s, func(x sample) float64 { return x.tree.CPU.Seconds() }))
	rss := slices.Max(collect(s, func(x sample) float64 { return float64(x.provider.MaxRSS) }))
	verdict := "met"
	if wall >= wideRefreshBar.Seconds() || rss >= wideRSSBar {
		verdict = "NOT met"
	}
	return fmt.Sprintf("Issue 9's bar, one tnz_sms with %d recipients, plan with state under %s with provider peak RSS under %s: %s (%s wall, %s CPU, %s).",
		recipients, seconds(wideRefreshBar.Seconds()), mebibytes(wideRSSBar), verdict, seconds(wall), seconds(cpu), mebibytes(rss))
}

func collect(s []sample, f func(sample) float64) []float64 {
	out := make([]float64, len(s))
	for i, x := range s {
		out[i] = f(x)
	}
	return out
}

// median is the middle value, or the mean of the two middle values; 0 for
// no values.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	sorted := slices.Clone(xs)
	slices.Sort(sorted)
	mid := len(sorted) / 2
	if len(sorted)%2 == 1 {
		return sorted[mid]
	}
	return (sorted[mid-1] + sorted[mid]) / 2
}

func seconds(s float64) string { return fmt.Sprintf("%.2f s", s) }

func mebibytes(b float64) string { return fmt.Sprintf("%.0f MiB", b/(1<<20)) }
