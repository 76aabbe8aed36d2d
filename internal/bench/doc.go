// Package bench measures the provider under the real Terraform CLI against
// baselines measured in the same run, for `make bench`. Machines are
// noisy (ours share two cores with other work), so absolute numbers from
// different runs do not compare; the ratios to baselines measured
// interleaved with the provider do.
//
// # make bench
//
// `make bench` runs `make bench-go`, then `make bench-table`.
//
// bench-go is the Go benchmarks of the hot paths, with -benchmem:
//
//   - internal/rejection BenchmarkCheck10000Recipients: every rejection
//     check of one SMS to 10,000 recipients.
//   - internal/tnz BenchmarkEncodeFaxTenMiB (per dialect) and
//     BenchmarkSendFaxTenMiB (the whole client, to a transport that reads the
//     body): a fax with ten 1 MiB files. B/attachment-B is the bytes
//     allocated per send for each byte of attachment; the base64 JSON body
//     alone is 1.33, issue 12's bound is 3. B/op varies between runs because
//     encoding/json reuses its buffers across calls until a GC clears them.
//   - internal/tnz BenchmarkDecodeStatus10000Recipients: one status answer
//     listing 10,000 recipients.
//   - internal/provider BenchmarkSMSPlanPath: one tnz_sms's ValidateConfig,
//     ModifyPlan (create, and unchanged after a refresh) and Read (status
//     from a fake API), called directly, without the plugin protocol.
//   - internal/smsparts BenchmarkAnalyze*: SMS part counting.
//
// bench-table is `go run ./internal/bench/cmd/benchtable`. It builds the
// provider, the smallest framework provider (internal/bench/floorprovider:
// one resource with one string attribute, no network) and a wrapper
// (internal/bench/provwrap) once with go build, starts an in-process
// sandbox whose messages complete at once, and points Terraform at the
// wrapper through a dev_overrides CLI configuration (TF_CLI_CONFIG_FILE):
// no registry, no download, no terraform init. Terraform is the terraform
// on PATH, with its default -parallelism of 10, CHECKPOINT_DISABLE=1 and
// TF_IN_AUTOMATION=1, and without TF_LOG, TF_CLI_ARGS or other TNZ_
// settings.
//
// Workloads, each measured with its configurations interleaved phase by
// phase (every configuration's plan, then every one's apply, then every
// one's refresh; then the next repetition):
//
//   - N = 200 and N = 1000: N tnz_sms, each one recipient and its own
//     message; N floor_message; N terraform_data; N terraform_data with a
//     local-exec provisioner running curl that posts the same message to
//     the same sandbox (what users do without this provider).
//   - With the first N only: the mixed configuration, N sends spread over
//     tnz_sms, tnz_email, tnz_fax, tnz_tts and tnz_voice, each with
//     `template = tnz_<channel>_template.x` and two destinations with
//     personalisation fields.
//   - One tnz_sms to 10,000 recipients, for issue 9's bar: plan with state
//     under 10 s with the provider's peak RSS under 200 MiB.
//
// Each repetition of a configuration starts from no state and runs, each
// command timed on its own: `terraform plan -out` (plan, create), `terraform apply`
// of that plan (apply) and `terraform plan -detailed-exitcode` (plan with
// state, which refreshes every resource). Each is checked: the plan must
// add every resource, the apply must add them and the sandbox must receive
// exactly one message per send, the refresh must find no changes and send
// nothing.
//
// Measurement: wall time of the terraform command; CPU time (user +
// system) of the terraform process and every process it waited for, from
// wait4 (os.ProcessState.SysUsage); and the provider processes on their
// own. For those, the wrapper stands in for the provider binary: it runs
// the real one as its child with the same arguments, streams and
// environment, waits for it, and writes the child's CPU time and peak RSS
// to a file (package usage); Terraform may start a provider more than once
// per command, so CPU is summed and peak RSS is the largest. The wrapper
// costs a fork and an exec.
//
// The table (also written to internal/bench/results/latest.md, not
// committed) shows, per workload, phase and configuration, the medians of
// wall and CPU, the provider's CPU and largest peak RSS, and for the TNZ
// rows the ratios to the smallest provider, to terraform_data and (apply
// of tnz_sms) to curl: each the median over repetitions of the ratio
// within one repetition, for wall time and then CPU. Its heading has the
// date, Terraform and Go versions, CPU model, cores, load average before
// and after, the run time and the repetitions that ran.
//
// Knobs (environment variables): BENCH_N=200,1000 (sizes), BENCH_REPS
// (repetitions of every configuration; by default 5 up to N = 200, else
// 3), BENCH_RECIPIENTS=10000 (0 leaves the one-resource row out),
// BENCH_BUDGET=12m (wall-time bound of the table's run; 0 for none). The
// run goes in rounds, every workload's first repetition, then every
// workload's second, and so on; once the budget would be exceeded, no
// further repetition of a workload starts, and the heading says how many
// ran. A quick look:
//
//	BENCH_N=50 BENCH_REPS=1 BENCH_RECIPIENTS=0 make bench-table
//
// # Profiles
//
// `make bench-profile` (go run ./internal/bench/cmd/benchtable -profile
// internal/bench/results/profiles) runs BENCH_PROFILE_N (default 1000)
// tnz_sms and as many resources of the smallest provider once through the
// three phases, and writes internal/bench/results/profile.md:
//
//   - the TNZ provider's own CPU profile per phase: with TNZ_CPUPROFILE set
//     to a file name, the provider (main.go) writes a pprof CPU profile
//     there. The wrapper gives each provider process its own file
//     (BENCH_PROFILE_DIR); they are merged into
//     internal/bench/results/profiles/tnz-<phase>.pprof. Top 20 by own time
//     and by time including callees.
//   - Terraform core's (the terraform process's) profile, when perf is on
//     PATH: perf record -g -F 499 of each command. Terraform's release
//     binaries are stripped, so the frames are named from Go's line table
//     (.gopclntab, which stripping keeps). Top 20 by own time and including
//     callees with tnz_sms, and the functions where Terraform spends more
//     with tnz_sms than with the smallest provider. The perf.data files
//     are kept beside the pprof files.
//
// To look further, by hand:
//
//	go tool pprof -top -cum internal/bench/results/profiles/tnz-refresh.pprof
//	go tool pprof -list 'readSend' internal/bench/results/profiles/tnz-plan.pprof
//	go tool pprof -http=:8080 internal/bench/results/profiles/tnz-apply.pprof
//	perf script -i internal/bench/results/profiles/tnz-plan.perf.data -F comm,ip,dso
//
// and to profile the provider under any configuration:
//
//	go build -o /tmp/tnz-bin/terraform-provider-tnz . # with a dev_overrides CLI configuration pointing at /tmp/tnz-bin
//	TNZ_CPUPROFILE=/tmp/provider.pprof terraform plan  # one provider process per file: the last one wins
//	go tool pprof -top /tmp/provider.pprof
//
// # Acceptance tests
//
// With TF_ACC set, TestAccRunMeasuresEveryConfiguration runs a small table
// (N = 5, one repetition) and TestAccProfile a small profile, so that
// `make test` catches a broken benchmark.
package bench
