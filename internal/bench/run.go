package bench

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tnz-community/terraform-provider-tnz/internal/bench/usage"
	"github.com/tnz-community/terraform-provider-tnz/internal/sandbox"
)

// Options say what Run measures.
type Options struct {
	// Sizes are the numbers of tnz_sms to compare with the baselines; the
	// mixed configuration runs with the first size.
	Sizes []int
	// Reps is how many times each configuration runs; 0 means 5 for sizes
	// up to 200 and 3 above.
	Reps int
	// Budget bounds the run's wall time (0: no bound). Every workload runs
	// at least once; a further repetition starts only when the last one of
	// the same workload would still fit. The table says how many ran.
	Budget time.Duration
	// Recipients is the recipient count of the one-resource row (issue 9's
	// bar); 0 leaves the row out.
	Recipients int
	// Terraform is the CLI to run; it is never downloaded.
	Terraform string
	// Root is the module root, where the binaries are built from.
	Root string
	// Log receives one line per Terraform command, as it runs.
	Log io.Writer
}

// The phases every configuration goes through, in order.
const (
	phasePlan    = "plan (create)"
	phaseApply   = "apply"
	phaseRefresh = "plan with state (refresh)"
)

var phases = []string{phasePlan, phaseApply, phaseRefresh}

// sample is one Terraform command's measurement.
type sample struct {
	wall time.Duration
	// tree is the terraform process and every process it waited for
	// (providers, provisioners).
	tree usage.Usage
	// provider is the provider processes' own use: CPU summed over them,
	// the largest peak RSS.
	provider usage.Usage
	// state is the size of the state file an apply wrote, in bytes (0 for
	// plans). Terraform writes the whole state after every resource it
	// applies, so its size weighs on Terraform's own CPU.
	state int64
}

// workload is a set of configurations measured together, interleaved, so
// that the machine's load weighs on all of them alike.
type workload struct {
	name    string
	reps    int // wanted
	configs []configuration
	// done is how many repetitions ran; last is how long the last one took.
	done int
	last time.Duration
	// samples[label][phase] are the configuration's samples, one per rep.
	samples map[string]map[string][]sample
	spaces  []*workspace
}

// Run builds the binaries, starts a sandbox, measures the workloads Options
// describe and returns the results as a Markdown table.
func Run(opts Options) (string, error) {
	started := time.Now()
	env, r, err := newRunner(opts)
	if err != nil {
		return "", err
	}
	defer r.close()
	workloads := plannedWorkloads(opts)
	for _, w := range workloads {
		if err := r.prepare(w); err != nil {
			return "", fmt.Errorf("%s: %w", w.name, err)
		}
	}
	// Rounds: every workload's first repetition, then every workload's
	// second, and so on, so that a time budget shortens all alike.
	for round := 1; ; round++ {
		ran := false
		for _, w := range workloads {
			if round > w.reps || (round > 1 && opts.Budget > 0 && time.Since(started)+w.last > opts.Budget) {
				continue
			}
			if err := r.rep(w); err != nil {
				return "", fmt.Errorf("%s: %w", w.name, err)
			}
			ran = true
		}
		if !ran {
			break
		}
	}
	env.elapsed = time.Since(started)
	env.loadAfter = loadAverage()
	return renderTable(env, workloads, opts.Recipients), nil
}

// plannedWorkloads are the workloads opts ask for, in the order they run.
func plannedWorkloads(opts Options) []*workload {
	var out []*workload
	for i, n := range opts.Sizes {
		w := &workload{name: fmt.Sprintf("N = %d", n), reps: repsFor(opts.Reps, n)}
		w.configs = append(w.configs, smsConfig(n))
		if i == 0 {
			w.configs = append(w.configs, mixedConfig(n))
		}
		w.configs = append(w.configs, floorConfig(n), dataConfig(n), curlConfig(n))
		out = append(out, w)
	}
	if opts.Recipients > 0 {
		out = append(out, &workload{
			name:    fmt.Sprintf("1 × tnz_sms, %d recipients", opts.Recipients),
			reps:    repsFor(opts.Reps, 1000),
			configs: []configuration{wideConfig(opts.Recipients)},
		})
	}
	return out
}

func repsFor(reps, n int) int {
	switch {
	case reps > 0:
		return reps
	case n <= 200:
		return 5
	default:
		return 3
	}
}

// runner holds what every measurement shares.
type runner struct {
	opts      Options
	dir       string // everything the run writes
	cliConfig string
	// real are the provider binaries the wrapper runs, by provider name.
	real    map[string]string
	sandbox *sandbox.Running
}

// newRunner describes the machine, builds the binaries and starts the
// sandbox; the caller closes the runner.
func newRunner(opts Options) (environment, *runner, error) {
	env, err := describeEnvironment(opts.Terraform)
	if err != nil {
		return environment{}, nil, err
	}
	dir, err := os.MkdirTemp("", "tnz-bench-")
	if err != nil {
		return environment{}, nil, err
	}
	r := &runner{opts: opts, dir: dir}
	if err := r.build(); err != nil {
		r.close()
		return environment{}, nil, err
	}
	// Messages complete at once: the benchmark measures sending and
	// reading, not waiting.
	r.sandbox, err = sandbox.Listen(sandbox.Options{CompletionDelay: -1}, "127.0.0.1:0")
	if err != nil {
		r.close()
		return environment{}, nil, fmt.Errorf("starting the sandbox: %w", err)
	}
	return env, r, nil
}

func (r *runner) close() {
	if r.sandbox != nil {
		_ = r.sandbox.Close()
	}
	_ = os.RemoveAll(r.dir)
}

// build compiles the TNZ provider, the smallest provider and the wrapper
// once, and writes a CLI configuration whose dev_overrides point Terraform
// at the wrapper for both providers: no registry, no download, no init.
func (r *runner) build() error {
	r.real = map[string]string{
		"tnz":   filepath.Join(r.dir, "real", "terraform-provider-tnz"),
		"floor": filepath.Join(r.dir, "real", "terraform-provider-floor"),
	}
	wrapper := filepath.Join(r.dir, "provwrap")
	builds := [][2]string{
		{r.real["tnz"], "."},
		{r.real["floor"], "./internal/bench/floorprovider"},
		{wrapper, "./internal/bench/provwrap"},
	}
	for _, b := range builds {
		cmd := exec.Command("go", "build", "-o", b[0], b[1])
		cmd.Dir = r.opts.Root
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("go build %s: %v\n%s", b[1], err, out)
		}
	}
	overrides := map[string]string{"tnz-community/tnz": "tnz", floorAddress: "floor"}
	var rc strings.Builder
	rc.WriteString("provider_installation {\n  dev_overrides {\n")
	for source, name := range overrides {
		dir := filepath.Join(r.dir, "override", name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		if err := os.Link(wrapper, filepath.Join(dir, "terraform-provider-"+name)); err != nil {
			return err
		}
		fmt.Fprintf(&rc, "    %s = %s\n", strconv.Quote(source), strconv.Quote(dir))
	}
	rc.WriteString("  }\n}\n")
	r.cliConfig = filepath.Join(r.dir, "terraform.rc")
	return os.WriteFile(r.cliConfig, []byte(rc.String()), 0o644)
}

// floorAddress is the smallest provider's source address
// (floorprovider.Address without the registry host).
const floorAddress = "tnz-bench/floor"

// workspace is one configuration's working directory.
type workspace struct {
	r      *runner
	config configuration
	dir    string
	env    []string
}

func (r *runner) workspace(c configuration) (*workspace, error) {
	dir, err := os.MkdirTemp(r.dir, "ws-")
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(c.hcl), 0o644); err != nil {
		return nil, err
	}
	env := append(cleanEnv(os.Environ()),
		"TF_CLI_CONFIG_FILE="+r.cliConfig,
		"CHECKPOINT_DISABLE=1",
		"TF_IN_AUTOMATION=1",
		"TNZ_AUTH_TOKEN="+sandbox.DefaultToken,
		"TNZ_API_URL="+r.sandbox.URL,
	)
	if c.provider != "" {
		env = append(env, usage.EnvProvider+"="+r.real[c.provider])
	}
	return &workspace{r: r, config: c, dir: dir, env: env}, nil
}

// prepare makes a workspace for each of w's configurations and loads
// Terraform and the provider once, untimed, so that the first timed run
// does not pay for a cold page cache alone.
func (r *runner) prepare(w *workload) error {
	w.samples = map[string]map[string][]sample{}
	for _, c := range w.configs {
		ws, err := r.workspace(c)
		if err != nil {
			return err
		}
		if _, _, err := ws.terraform(instrumentation{}, "validate", "-no-color"); err != nil {
			return err
		}
		w.spaces = append(w.spaces, ws)
	}
	return nil
}

// rep runs every configuration of w once from no state through the
// phases, phase by phase: each configuration's plan, then each one's
// apply, then each one's refresh, so that the commands compared with each
// other run close together in time.
func (r *runner) rep(w *workload) error {
	start := time.Now()
	w.done++
	for _, ws := range w.spaces {
		if err := ws.reset(); err != nil {
			return err
		}
	}
	for _, phase := range phases {
		r.logf("%s, repetition %d of %d: %s", w.name, w.done, w.reps, phase)
		for _, ws := range w.spaces {
			s, err := ws.run(phase, instrumentation{})
			if err != nil {
				return fmt.Errorf("%s: %w", ws.config.label, err)
			}
			if w.samples[ws.config.label] == nil {
				w.samples[ws.config.label] = map[string][]sample{}
			}
			w.samples[ws.config.label][phase] = append(w.samples[ws.config.label][phase], s)
		}
	}
	w.last = time.Since(start)
	return nil
}

func (r *runner) logf(format string, args ...any) {
	if r.opts.Log != nil {
		fmt.Fprintf(r.opts.Log, format+"\n", args...)
	}
}

// instrumentation is how a command runs besides its workspace's settings.
type instrumentation struct {
	env    []string // added to the environment
	prefix []string // a command that runs terraform, e.g. perf record … --
}

// reset removes the workspace's state and plan: the next plan creates
// everything.
func (ws *workspace) reset() error {
	for _, f := range []string{"terraform.tfstate", "terraform.tfstate.backup", "bench.tfplan"} {
		if err := os.Remove(filepath.Join(ws.dir, f)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}

// run runs one phase's command, instrumented as in says, and checks what
// it did: plan -out (create) must plan to add every resource; apply of that
// plan must add them, with one message to the sandbox per send; a plan
// with the state (refresh) must find no changes and send nothing.
func (ws *workspace) run(phase string, in instrumentation) (sample, error) {
	c := ws.config
	sent := ws.r.sent()
	var args []string
	var want string
	var messages int
	switch phase {
	case phasePlan:
		args = []string{"plan", "-input=false", "-no-color", "-out=bench.tfplan"}
		want = fmt.Sprintf("Plan: %d to add, 0 to change, 0 to destroy.", c.resources)
	case phaseApply:
		args = []string{"apply", "-input=false", "-no-color", "bench.tfplan"}
		want = fmt.Sprintf("Resources: %d added, 0 changed, 0 destroyed.", c.resources)
		messages = c.messages
	case phaseRefresh:
		// Any change exits 2, an error.
		args = []string{"plan", "-input=false", "-no-color", "-detailed-exitcode"}
		want = "No changes."
	}
	s, text, err := ws.terraform(in, args...)
	if err != nil {
		return s, err
	}
	if !strings.Contains(text, want) {
		return s, fmt.Errorf("terraform %s did not say %q:\n%s", strings.Join(args, " "), want, text)
	}
	if got := ws.r.sent() - sent; got != messages {
		return s, fmt.Errorf("terraform %s sent %d messages to the sandbox, want %d:\n%s", strings.Join(args, " "), got, messages, text)
	}
	if phase == phaseApply {
		info, err := os.Stat(filepath.Join(ws.dir, "terraform.tfstate"))
		if err != nil {
			return s, err
		}
		s.state = info.Size()
	}
	return s, nil
}

// terraform runs one Terraform command in the workspace, instrumented as
// in says, and measures it. A failed command is an error carrying its
// output.
func (ws *workspace) terraform(in instrumentation, args ...string) (sample, string, error) {
	usageDir, err := os.MkdirTemp(ws.r.dir, "usage-")
	if err != nil {
		return sample{}, "", err
	}
	defer os.RemoveAll(usageDir)
	var out bytes.Buffer
	argv := append(append(slices.Clone(in.prefix), ws.r.opts.Terraform), args...)
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = ws.dir
	cmd.Env = append(append(slices.Clone(ws.env), usage.EnvUsageDir+"="+usageDir), in.env...)
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err = cmd.Run()
	s := sample{wall: time.Since(start)}
	if err != nil {
		return s, out.String(), fmt.Errorf("terraform %s: %v\n%s", strings.Join(args, " "), err, out.String())
	}
	s.tree = usage.Of(cmd.ProcessState)
	provider, processes, err := usage.Read(usageDir)
	if err != nil {
		return s, out.String(), err
	}
	if ws.config.provider != "" && processes == 0 {
		return s, out.String(), fmt.Errorf("terraform %s: the provider wrapper recorded nothing in %s", strings.Join(args, " "), usageDir)
	}
	s.provider = provider
	return s, out.String(), nil
}

// sent is how many sends the sandbox has stored.
func (r *runner) sent() int {
	n := 0
	for _, c := range r.sandbox.Server.ReceivedCounts() {
		n += c
	}
	return n
}

// cleanEnv drops settings that would change what Terraform or the provider
// does, or how fast: other TNZ credentials or endpoints, another CLI
// configuration, extra CLI arguments, reattached providers, logging and
// the wrapper's own variables.
func cleanEnv(env []string) []string {
	var out []string
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		switch {
		case strings.HasPrefix(name, "TNZ_"),
			strings.HasPrefix(name, "BENCH_"),
			strings.HasPrefix(name, "TF_CLI_ARGS"),
			strings.HasPrefix(name, "TF_LOG"),
			name == "TF_CLI_CONFIG_FILE",
			name == "TF_DATA_DIR",
			name == "TF_WORKSPACE",
			name == "TF_REATTACH_PROVIDERS",
			name == "TF_IN_AUTOMATION",
			name == "TF_PLUGIN_CACHE_DIR",
			name == "CHECKPOINT_DISABLE":
			continue
		}
		out = append(out, kv)
	}
	return out
}
