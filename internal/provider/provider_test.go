package provider

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/tnz-community/terraform-provider-tnz/internal/sandbox"
)

// Acceptance tests run the real Terraform CLI from PATH, never a download.
// Run by Terraform with serveProviderEnv set, the test binary serves the
// provider instead of running tests (see the fault tests' terraform runs).
func TestMain(m *testing.M) {
	if os.Getenv(serveProviderEnv) != "" {
		os.Exit(serveProvider())
	}
	if os.Getenv("TF_ACC") != "" {
		if os.Getenv("TF_ACC_TERRAFORM_PATH") == "" {
			tf, err := exec.LookPath("terraform")
			if err != nil {
				fmt.Fprintln(os.Stderr, "TF_ACC is set but no terraform binary is on PATH; install Terraform (1.11 or newer) or set TF_ACC_TERRAFORM_PATH. Tests never download it.")
				os.Exit(1)
			}
			os.Setenv("TF_ACC_TERRAFORM_PATH", tf)
		}
		os.Setenv("TF_ACC_PROVIDER_NAMESPACE", "tnz-community")
		os.Setenv("CHECKPOINT_DISABLE", "1")
	}
	os.Exit(m.Run())
}

var testProviders = map[string]func() (tfprotov6.ProviderServer, error){
	"tnz": providerserver.NewProtocol6WithError(New("test")()),
}

// serverChecksOnlyProviders turn the plan-time checks off, so that mistakes
// reach the sandbox and its rejections are mapped back (see serverChecksOnly).
var serverChecksOnlyProviders = map[string]func() (tfprotov6.ProviderServer, error){
	"tnz": providerserver.NewProtocol6WithError(&tnzProvider{version: "test", serverChecksOnly: true}),
}

// defaultTestVisibilityDelay is how long, after a send, the sandbox of an
// acceptance test answers TNZ's 404 for the message.
const defaultTestVisibilityDelay = 300 * time.Millisecond

// startSandbox runs a fresh sandbox for one test, so it can count what that
// test sent.
func startSandbox(t *testing.T, opts sandbox.Options) *sandbox.Running {
	t.Helper()
	if opts.VisibilityDelay == 0 {
		// TNZ answers "not found" for a moment after a send (documented):
		// acceptance tests model it unless a test sets its own delay.
		opts.VisibilityDelay = defaultTestVisibilityDelay
	}
	sb, err := sandbox.Listen(opts, "127.0.0.1:0")
	if err != nil {
		t.Fatalf("starting the sandbox: %v", err)
	}
	t.Cleanup(func() { _ = sb.Close() })
	return sb
}

// providerConfig is the terraform and provider blocks pointing at sb.
func providerConfig(sb *sandbox.Running, token string) string {
	return fmt.Sprintf(`
terraform {
  required_providers {
    tnz = { source = "tnz-community/tnz" }
  }
}

provider "tnz" {
  base_url   = %q
  auth_token = %q
}
`, sb.URL, token)
}

// summaryRegexp matches a diagnostic text however Terraform wraps its lines.
func summaryRegexp(parts ...string) *regexp.Regexp {
	var quoted []string
	for _, part := range parts {
		var words []string
		for _, w := range strings.Fields(part) {
			words = append(words, regexp.QuoteMeta(w))
		}
		quoted = append(quoted, strings.Join(words, `\s+`))
	}
	return regexp.MustCompile(`(?s)` + strings.Join(quoted, ".*"))
}
