// Command provwrap stands in for a provider binary so that `make bench` can
// measure the provider process on its own. Terraform starts it (through a
// dev_overrides CLI configuration); it runs the real provider named by
// BENCH_PROVIDER as its child, with the same arguments, standard streams
// (the plugin handshake is on stdout) and environment, waits for it, and
// writes the child's CPU time and peak RSS into BENCH_USAGE_DIR. With
// BENCH_PROFILE_DIR set, it asks the child for a CPU profile there
// (TNZ_CPUPROFILE, one file per process). It exits with the child's status.
// Its own cost is a fork, an exec and a wait.
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"

	"github.com/tnz-community/terraform-provider-tnz/internal/bench/usage"
)

func main() {
	os.Exit(run())
}

func run() int {
	provider, usageDir := os.Getenv(usage.EnvProvider), os.Getenv(usage.EnvUsageDir)
	if provider == "" || usageDir == "" {
		fmt.Fprintf(os.Stderr, "provwrap: %s and %s must be set\n", usage.EnvProvider, usage.EnvUsageDir)
		return 2
	}
	id := strconv.Itoa(os.Getpid())
	cmd := exec.Command(provider, os.Args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if dir := os.Getenv(usage.EnvProfileDir); dir != "" {
		cmd.Env = append(os.Environ(), "TNZ_CPUPROFILE="+filepath.Join(dir, id+".pprof"))
	}
	// Terraform interrupts the whole process group; the provider decides
	// what to do with it. A termination is passed on.
	signal.Ignore(os.Interrupt)
	terminate := make(chan os.Signal, 1)
	signal.Notify(terminate, syscall.SIGTERM)
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(os.Stderr, "provwrap: %v\n", err)
		return 1
	}
	go func() {
		for s := range terminate {
			_ = cmd.Process.Signal(s)
		}
	}()
	err := cmd.Wait()
	if werr := usage.Write(usageDir, id, usage.Of(cmd.ProcessState)); werr != nil {
		fmt.Fprintf(os.Stderr, "provwrap: %v\n", werr)
	}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return exit.ExitCode()
	case err != nil:
		fmt.Fprintf(os.Stderr, "provwrap: %v\n", err)
		return 1
	}
	return 0
}
