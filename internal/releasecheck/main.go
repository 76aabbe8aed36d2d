// Command releasecheck checks the snapshot release that `make release-check`
// builds with goreleaser against what the Terraform Registry expects:
//
//   - one zip per platform, named terraform-provider-tnz_<version>_<os>_<arch>.zip,
//     holding the executable terraform-provider-tnz_v<version> (".exe" on Windows);
//   - terraform-provider-tnz_<version>_SHA256SUMS listing exactly those zips and
//     terraform-provider-tnz_<version>_manifest.json, each with its SHA-256;
//   - the manifest (terraform-registry-manifest.json) declaring protocol 6.0;
//   - the release build covering every platform in releasePlatforms (the
//     snapshot builds only a few of them, see .goreleaser.yml);
//   - the version injected with -ldflags: the executable for this machine's
//     platform, when one was built, prints it with -version.
//
// Usage: go run ./internal/releasecheck [-dist dist] [-manifest terraform-registry-manifest.json]
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("releasecheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dist := fs.String("dist", "dist", "goreleaser's output `directory`")
	manifest := fs.String("manifest", "terraform-registry-manifest.json", "the registry manifest `file` the release ships")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	res := Check(*dist, *manifest)
	for _, line := range res.Checked {
		fmt.Fprintln(stdout, "ok:", line)
	}
	for _, line := range res.Problems {
		fmt.Fprintln(stderr, "error:", line)
	}
	if len(res.Problems) > 0 {
		fmt.Fprintf(stderr, "release check failed: %d problem(s) in %s\n", len(res.Problems), *dist)
		return 1
	}
	fmt.Fprintf(stdout, "release check passed: %s\n", *dist)
	return 0
}
