// Command terraform-provider-tnz serves the TNZ Terraform provider.
//
// Run by Terraform, it speaks plugin protocol 6. Run by hand as
//
//	terraform-provider-tnz sandbox [-addr 127.0.0.1:8086]
//
// it starts the local fake TNZ API instead; see internal/sandbox.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/tnz-community/terraform-provider-tnz/internal/provider"
	"github.com/tnz-community/terraform-provider-tnz/internal/sandbox"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// address is the provider's address in the Terraform Registry.
const address = "registry.terraform.io/tnz-community/tnz"

const usage = `Usage:
  terraform-provider-tnz [-debug]     serve the provider (Terraform starts it; see README.md)
  terraform-provider-tnz sandbox ...  run a local fake TNZ API (see: terraform-provider-tnz sandbox -h)
  terraform-provider-tnz -version     print the version

Flags:
`

func main() {
	if len(os.Args) > 1 && os.Args[1] == "sandbox" {
		os.Exit(sandbox.Main(os.Args[2:], os.Stdout, os.Stderr))
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, serve))
}

// serve runs the provider server until Terraform stops it.
func serve(debug bool) error {
	quietLogsUnlessAsked()
	// A CPU profile for the benchmarks (internal/bench/doc.go); off unless set.
	if name := os.Getenv("TNZ_CPUPROFILE"); name != "" {
		if f, err := os.Create(name); err == nil && pprof.StartCPUProfile(f) == nil {
			defer pprof.StopCPUProfile()
		}
	}
	return providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: address,
		Debug:   debug,
	})
}

// quietLogsUnlessAsked turns the provider's and the plugin SDK's logs off
// unless the user asks for logs. Framework providers log at TRACE to
// standard error whatever TF_LOG says, and Terraform parses every line as
// JSON before dropping it: with hundreds of lines per resource per plan,
// that was a quarter of the provider's CPU and a third of Terraform's in
// make bench-profile. With TF_LOG set, the loggers follow its level; a
// TF_LOG_PROVIDER or TF_LOG_SDK* variable the user set is left as it is.
func quietLogsUnlessAsked() {
	level := strings.ToUpper(strings.TrimSpace(os.Getenv("TF_LOG")))
	switch level {
	case "":
		level = "off"
	case "JSON":
		level = "TRACE"
	}
	for _, v := range []string{"TF_LOG_PROVIDER", "TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK"} {
		if _, set := os.LookupEnv(v); !set {
			_ = os.Setenv(v, level)
		}
	}
}

// run parses the provider's own flags and serves, unless they ask for help
// or the version. It returns the exit code.
func run(args []string, stdout, stderr io.Writer, serve func(debug bool) error) int {
	fs := flag.NewFlagSet("terraform-provider-tnz", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usage)
		fs.PrintDefaults()
	}
	debug := fs.Bool("debug", false, "run the provider with support for debuggers such as delve")
	showVersion := fs.Bool("version", false, "print the version and exit")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "terraform-provider-tnz: unexpected argument %q\n\n", fs.Arg(0))
		fs.Usage()
		return 2
	}
	if *showVersion {
		fmt.Fprintln(stdout, version)
		return 0
	}
	if err := serve(*debug); err != nil {
		fmt.Fprintf(stderr, "terraform-provider-tnz: %v\n", err)
		return 1
	}
	return 0
}
