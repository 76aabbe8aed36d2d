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
	"flag"
	"log"
	"os"
	"runtime/pprof"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/tnz-community/terraform-provider-tnz/internal/provider"
	"github.com/tnz-community/terraform-provider-tnz/internal/sandbox"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	if len(os.Args) > 1 && os.Args[1] == "sandbox" {
		os.Exit(sandbox.Main(os.Args[2:], os.Stdout, os.Stderr))
	}

	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers such as delve")
	flag.Parse()

	// A CPU profile for the benchmarks (internal/bench/doc.go); off unless set.
	if name := os.Getenv("TNZ_CPUPROFILE"); name != "" {
		if f, err := os.Create(name); err == nil && pprof.StartCPUProfile(f) == nil {
			defer pprof.StopCPUProfile()
		}
	}

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: "registry.terraform.io/tnz-community/tnz",
		Debug:   debug,
	})
	if err != nil {
		log.Fatal(err)
	}
}
