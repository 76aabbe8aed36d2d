package bench

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/tnz-community/terraform-provider-tnz/internal/bench/usage"
)

func TestMedian(t *testing.T) {
	cases := []struct {
		in   []float64
		want float64
	}{
		{nil, 0},
		{[]float64{3}, 3},
		{[]float64{5, 1, 3}, 3},
		{[]float64{4, 1, 3, 2}, 2.5},
	}
	for _, c := range cases {
		if got := median(c.in); got != c.want {
			t.Errorf("median(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

// at is a sample of wall seconds and CPU seconds.
func at(wall, cpu float64) sample {
	return sample{wall: time.Duration(wall * float64(time.Second)), tree: usage.Usage{CPU: time.Duration(cpu * float64(time.Second))}}
}

// Ratios pair each repetition with the baseline's from the same
// repetition: a slow repetition of both cancels out.
func TestRatioPairsRepetitions(t *testing.T) {
	tnz := []sample{at(2, 4), at(20, 40), at(3, 6)}
	floor := []sample{at(1, 1), at(10, 10), at(1, 2)}
	if got, want := ratio(tnz, floor), "2.0× (CPU 4.0×)"; got != want {
		t.Errorf("ratio = %q, want %q", got, want)
	}
	if got := ratio(tnz, floor[:2]); got != "" {
		t.Errorf("ratio of unpaired samples = %q, want none", got)
	}
}

func testWorkloads() []*workload {
	sms, mixed, floor, data, curl := smsConfig(2), mixedConfig(2), floorConfig(2), dataConfig(2), curlConfig(2)
	w := &workload{name: "N = 2", reps: 3, done: 2, configs: []configuration{sms, mixed, floor, data, curl}, samples: map[string]map[string][]sample{}}
	per := map[string]float64{labelTNZ: 4, labelMixed: 8, labelFloor: 2, labelData: 1, labelCurl: 8}
	for _, c := range w.configs {
		w.samples[c.label] = map[string][]sample{}
		for _, phase := range phases {
			s := at(per[c.label], per[c.label])
			s.provider = usage.Usage{CPU: time.Second, MaxRSS: 64 << 20}
			if phase == phaseApply {
				s.state = 3000
			}
			w.samples[c.label][phase] = []sample{s, s}
		}
	}
	wide := &workload{name: "1 × tnz_sms, 10 recipients", reps: 2, done: 2, configs: []configuration{wideConfig(10)}, samples: map[string]map[string][]sample{labelWide: {}}}
	for _, phase := range phases {
		s := at(12, 3)
		s.provider = usage.Usage{CPU: time.Second, MaxRSS: 50 << 20}
		wide.samples[labelWide][phase] = []sample{s, s}
	}
	return []*workload{w, wide}
}

func TestRenderTable(t *testing.T) {
	table := renderTable(environment{terraform: "Terraform v1.11.4", cores: 2}, testWorkloads(), 10)
	for _, want := range []string{
		"| N = 2 | apply | tnz_sms | 4.00 s | 4.00 s | 1.00 s | 64 MiB | 1500 B | 2.0× (CPU 2.0×) | 4.0× (CPU 4.0×) | 0.5× (CPU 0.5×) |",
		"| N = 2 | plan (create) | mixed (5 channels) | 8.00 s | 8.00 s | 1.00 s | 64 MiB |  | 4.0× (CPU 4.0×) | 8.0× (CPU 8.0×) |  |",
		"| N = 2 | apply | mixed (5 channels) | 8.00 s | 8.00 s | 1.00 s | 64 MiB | 429 B |",
		"| N = 2 | plan with state (refresh) | terraform_data | 1.00 s | 1.00 s | — | — |  |  |  |  |",
		"2 of 3 for N = 2 (time budget reached)",
		"Issue 9's bar, one tnz_sms with 10 recipients, plan with state under 10.00 s with provider peak RSS under 200 MiB: NOT met (12.00 s wall, 3.00 s CPU, 50 MiB).",
	} {
		if !strings.Contains(table, want) {
			t.Errorf("the table lacks %q:\n%s", want, table)
		}
	}
	if rows := strings.Count(table, "\n| N = 2 |"); rows != 15 {
		t.Errorf("%d rows for N = 2, want 5 configurations × 3 phases", rows)
	}
}

func TestWideVerdictMet(t *testing.T) {
	w := testWorkloads()[1]
	for _, phase := range phases {
		w.samples[labelWide][phase] = []sample{at(9, 3)}
	}
	if got := wideVerdict(w, 10); !strings.Contains(got, ": met (9.00 s wall, 3.00 s CPU, 0 MiB)") {
		t.Errorf("verdict %q", got)
	}
}

func TestMixedConfigSpreadsSendsOverTheChannels(t *testing.T) {
	c := mixedConfig(7)
	if c.resources != 12 || c.messages != 7 {
		t.Errorf("mixedConfig(7): %d resources, %d messages; want 12 and 7", c.resources, c.messages)
	}
	for ch, count := range map[string]string{"sms": "count    = 3", "email": "count    = 1", "voice": "count    = 1"} {
		block := c.hcl[strings.Index(c.hcl, `resource "tnz_`+ch+`" "bench"`):]
		if !strings.Contains(block[:strings.Index(block, "\n}")], count) {
			t.Errorf("tnz_%s: want %q in\n%s", ch, count, block)
		}
		if !strings.Contains(c.hcl, "template = tnz_"+ch+"_template.x") {
			t.Errorf("tnz_%s does not use its template", ch)
		}
	}
}

func TestPlannedWorkloads(t *testing.T) {
	ws := plannedWorkloads(Options{Sizes: []int{200, 1000}, Recipients: 10000})
	var got []string
	for _, w := range ws {
		var labels []string
		for _, c := range w.configs {
			labels = append(labels, c.label)
		}
		got = append(got, fmt.Sprintf("%s: %s ×%d", w.name, strings.Join(labels, ", "), w.reps))
	}
	want := []string{
		"N = 200: tnz_sms, mixed (5 channels), smallest provider, terraform_data, terraform_data + curl ×5",
		"N = 1000: tnz_sms, smallest provider, terraform_data, terraform_data + curl ×3",
		"1 × tnz_sms, 10000 recipients: tnz_sms, 1 resource ×3",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("workloads:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if ws := plannedWorkloads(Options{Sizes: []int{50}, Reps: 2}); len(ws) != 1 || ws[0].reps != 2 {
		t.Errorf("BENCH_REPS and BENCH_RECIPIENTS=0 not honoured: %+v", ws)
	}
}

func TestCleanEnv(t *testing.T) {
	got := cleanEnv([]string{"PATH=/bin", "TNZ_AUTH_TOKEN=x", "TF_LOG=trace", "TF_CLI_ARGS_plan=-refresh=false", "BENCH_PROVIDER=/p", "HOME=/root", "TF_CLI_CONFIG_FILE=/rc"})
	if strings.Join(got, " ") != "PATH=/bin HOME=/root" {
		t.Errorf("cleanEnv kept %v", got)
	}
}
