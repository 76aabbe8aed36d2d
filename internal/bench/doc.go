// Package bench holds the benchmarks behind `make bench`: they compare the
// cost of N tnz_sms sends with the cost of N terraform_data resources, both
// driven by the real Terraform CLI in the same run, so that the provider's
// overhead is measured against Terraform's own.
//
// The package has no code of its own; everything is in bench_test.go.
//
// # What runs
//
// Each benchmark has the sub-benchmarks N=10 and N=50 (N resources made with
// count in one configuration):
//
//   - BenchmarkApplyTerraformData: per iteration, terraform plan -out=<file>
//     then terraform apply <file> on N terraform_data resources. This is the
//     baseline: Terraform's own overhead, no provider process.
//   - BenchmarkApplySMS: the same on N tnz_sms resources, each one send to an
//     in-process sandbox (internal/sandbox) whose messages complete at once.
//     Every iteration checks that the sandbox accepted exactly N messages.
//   - BenchmarkPlanOnlyTerraformData and BenchmarkPlanOnlySMS: the
//     configuration is applied once, untimed, then each iteration times
//     terraform plan on it. For tnz_sms that is the refresh cost: every message
//     reads its status from the sandbox. Every plan must find no changes and
//     send nothing.
//
// terraform destroy runs between apply iterations with the timer stopped. The
// provider is built once per `go test` process with go build from the module
// root, and Terraform uses it through a dev_overrides CLI configuration
// (TF_CLI_CONFIG_FILE), so terraform init is not run; terraform_data is built
// into Terraform and needs no init either. Both kinds of configuration run
// with the same environment (CHECKPOINT_DISABLE=1, TF_IN_AUTOMATION=1, the
// same CLI configuration, TF_LOG and TF_CLI_ARGS removed) and Terraform's
// default -parallelism of 10.
//
// Terraform is TF_ACC_TERRAFORM_PATH, or the terraform on PATH; it is never
// downloaded. Without TF_ACC the benchmarks skip, like acceptance tests; with
// TF_ACC set, a missing terraform, a failed build or a failed terraform
// command fails the benchmark and prints the command's output.
//
// # Running
//
//	make bench BENCHTIME=3x
//
// or, for this package only:
//
//	TF_ACC=1 go test ./internal/bench/ -run '^$' -bench . -benchtime=3x -benchmem
//
// One iteration is several Terraform processes, seconds long, so always give
// an iteration count (-benchtime=Nx) rather than a duration. All eight
// sub-benchmarks take well under a minute at -benchtime=1x on two cores and
// grow linearly with the count; 3x smooths out most of the noise. Narrow the
// run with -bench, e.g. -bench 'Apply' or -bench '/N=50'.
//
// # Reading the numbers
//
// Every sub-benchmark reports ns/resource: the timed time of one iteration
// divided by N. The apply benchmarks also split it into plan-ns/resource
// (terraform plan -out) and apply-ns/resource (terraform apply of that
// plan). ns/op is the same timed time, for the whole iteration. B/op and
// allocs/op count only the benchmark process and its in-process sandbox, not
// Terraform or the provider, which run as separate processes: only the time
// columns compare the two.
//
// The ratio to compare is, at the same N and from the same run:
//
//	apply ratio = ns/resource of BenchmarkApplySMS/N=n
//	            / ns/resource of BenchmarkApplyTerraformData/N=n
//	plan ratio  = ns/resource of BenchmarkPlanOnlySMS/N=n
//	            / ns/resource of BenchmarkPlanOnlyTerraformData/N=n
//
// A ratio near 1 means the provider adds little to what Terraform costs
// anyway; the fixed cost of starting the provider process weighs more at
// N=10 than at N=50, so compare ratios at the same N, and watch how the
// ratio moves from N=10 to N=50 (a growing ratio means a per-resource cost
// in the provider or the sandbox). Numbers from different runs or machines
// are not comparable; the baseline exists so that only ratios are.
//
// With benchstat (golang.org/x/perf/cmd/benchstat, not a dependency of this
// module) several runs can be summarised, e.g.
//
//	TF_ACC=1 go test ./internal/bench/ -run '^$' -bench . -benchtime=1x -count=5 > bench.txt
//	benchstat bench.txt
//
// and the ratio taken from the medians it prints.
package bench
