package sandbox

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"
)

// Main runs `terraform-provider-tnz sandbox [-addr 127.0.0.1:8086] [-token T]
// [-sender S -api-key K] [-completion-delay 2s] [-visibility-delay 2s]
// [-faults LIST [-seed N]]`: it prints one line saying where it listens
// and which credentials it accepts (and a second with the faults and
// visibility delay, when set), serves until SIGINT or SIGTERM, and returns
// an exit code (0 after a signal, 1 if it cannot listen, 2 for bad usage).
func Main(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return run(ctx, args, stdout, stderr)
}

// run is Main with the stop signal as a context, so tests can end it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sandbox", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: terraform-provider-tnz sandbox [flags]\n\nRuns a local model of the TNZ messaging API (v3.00 and v2.01-v2.04; SMS, Email, Fax, TTS and Voice: send, status, actions and inbound SMS; the Address Book on v3.00 and v2.04, and the opt-out list on v3.00).\n\nFlags:")
		fs.PrintDefaults()
		fmt.Fprintf(fs.Output(), "\n%s\nEach request of a target draws from a sequence fixed by -seed, so a run with\nthe same flags and the same requests of each target in the same order is\nfaulted the same way. GET /sandbox/faults lists the faults applied, and\nGET /sandbox/messages what was stored, with a count per MessageID.\n", faultSyntax)
	}
	addr := fs.String("addr", "127.0.0.1:8086", "`address` to listen on")
	token := fs.String("token", DefaultToken, "auth `token` to accept (v3: Bearer or Basic; v2.03/v2.04: Basic)")
	sender := fs.String("sender", DefaultSender, "v2 legacy `Sender` (an e-mail address) to accept")
	apiKey := fs.String("api-key", DefaultAPIKey, "v2 legacy `APIKey` to accept with -sender")
	delay := fs.Duration("completion-delay", DefaultCompletionDelay, "time from accepting a message to Completed; 0 or less completes at once")
	visibility := fs.Duration("visibility-delay", 0, "time after a send during which status reads and actions of the message answer TNZ's 404 for a message still being processed; 0 is visible at once")
	faultList := fs.String("faults", "", "fault `list` such as send=reset:0.3,status=500:0.2 (see below); empty is none")
	seed := fs.Uint64("seed", 1, "`seed` of the random sequences that choose which requests -faults faults")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "sandbox: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return 2
	}
	for _, f := range []struct{ name, value string }{{"token", *token}, {"sender", *sender}, {"api-key", *apiKey}} {
		if strings.TrimSpace(f.value) == "" {
			fmt.Fprintf(stderr, "sandbox: -%s must not be empty\n", f.name)
			return 2
		}
	}
	if _, ok := emailAddress(*sender); !ok {
		fmt.Fprintf(stderr, "sandbox: -sender %q is not an e-mail address\n", *sender)
		return 2
	}
	rules, err := ParseFaultRules(*faultList)
	if err != nil {
		fmt.Fprintf(stderr, "sandbox: -faults: %v\n", err)
		return 2
	}
	if *visibility < 0 {
		fmt.Fprintf(stderr, "sandbox: -visibility-delay %s is negative: use 0 for visible at once, or a positive duration\n", *visibility)
		return 2
	}
	if *delay <= 0 {
		*delay = -1 // Options reads 0 as "default"; on the command line it means "at once"
	}
	rn, err := Listen(Options{
		Tokens: []string{*token}, Senders: map[string]string{*sender: *apiKey}, CompletionDelay: *delay,
		VisibilityDelay: *visibility, FaultRules: rules, FaultSeed: *seed,
	}, *addr)
	if err != nil {
		fmt.Fprintf(stderr, "sandbox: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "TNZ sandbox listening on %s (API base %s/api/v3.00, also v2.01-v2.04), accepting auth token %q and sender %q with API key %q\n",
		rn.URL, rn.URL, *token, *sender, *apiKey)
	if len(rules) > 0 || *visibility > 0 {
		faults := "none"
		if len(rules) > 0 {
			shown := make([]string, len(rules))
			for i, r := range rules {
				shown[i] = r.String()
			}
			faults = fmt.Sprintf("%s (seed %d)", strings.Join(shown, ","), *seed)
		}
		fmt.Fprintf(stdout, "Faults: %s; messages visible %s after their send\n", faults, *visibility)
	}
	select {
	case <-ctx.Done():
	case err := <-rn.served:
		rn.served <- err // let shutdown see it
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := rn.shutdown(sctx); err != nil {
		fmt.Fprintf(stderr, "sandbox: %v\n", err)
		return 1
	}
	return 0
}
