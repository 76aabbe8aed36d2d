package provider

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/tnz-community/terraform-provider-tnz/internal/rejection"
	"github.com/tnz-community/terraform-provider-tnz/internal/sandbox"
	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// Actions end to end with a real Terraform, which must be 1.14 or later:
// `make testacc-actions TERRAFORM=/path/to/terraform`. With an older
// Terraform (such as the one `make test` uses) they skip, saying why.

var actionsTerraform = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)}

// releaseNotice is an SMS action fired by every create and update of
// terraform_data.release, whose input is release.
func releaseNotice(sb *sandbox.Running, release, message string) string {
	return providerConfig(sb, sandbox.DefaultToken) + fmt.Sprintf(`
action "tnz_send_sms" "oncall" {
  config {
    recipients = ["+6421000001"]
    message    = %s
  }
}

resource "terraform_data" "release" {
  input = %q

  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [action.tnz_send_sms.oncall]
    }
  }
}
`, message, release)
}

// expectMessages checks the texts the sandbox received, in order.
func expectMessages(sb *sandbox.Running, want ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		var got []string
		for _, r := range sb.Server.Received() {
			var body struct{ Message string }
			if err := json.Unmarshal(r.Body, &body); err != nil {
				return err
			}
			got = append(got, body.Message)
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			return fmt.Errorf("the sandbox received %q, want %q", got, want)
		}
		return nil
	}
}

// action_trigger sends exactly once per change of the resource, and
// nothing when nothing changes.
func TestAccAction_triggerSendsOncePerChange(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	notice := func(release string) string {
		return releaseNotice(sb, release, fmt.Sprintf("%q", "Release "+release+" is live"))
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   actionsTerraform,
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{Config: notice("v1"), Check: expectMessages(sb, "Release v1 is live")},
			{
				Config:           notice("v1"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check:            expectMessages(sb, "Release v1 is live"),
			},
			{Config: notice("v2"), Check: expectMessages(sb, "Release v1 is live", "Release v2 is live")},
		},
	})
}

// A rejection stops the apply before anything is sent: known at plan, it
// fails validation; hidden behind a value known only after apply, the
// invocation catches it with the final value.
func TestAccAction_rejectionSendsNothing(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	missing := regexp.MustCompile(regexp.QuoteMeta(rejection.MissingMessage.Summary(1)))
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   actionsTerraform,
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config:      releaseNotice(sb, "v1", `""`),
				ExpectError: missing,
			},
			{
				Config: releaseNotice(sb, "v1", "terraform_data.late.output") + `
resource "terraform_data" "late" {
  input = ""
}
`,
				ExpectError: missing,
			},
		},
	})
	if got := len(sb.Server.Received()); got != 0 {
		t.Errorf("the sandbox received %d messages, want 0", got)
	}
}

// terraform apply -invoke=action.tnz_send_sms.x sends once, and reports
// the progress; a plain apply of the same configuration sends nothing.
// terraform-plugin-testing cannot pass -invoke, so this drives the
// Terraform CLI itself, with the provider built and installed by
// dev_overrides.
func TestAccAction_invokeSendsOnce(t *testing.T) {
	t.Parallel()
	tf := acceptanceCLI(t)
	if !tf.atLeast(1, 14) {
		t.Skipf("Terraform CLI version %s is below 1.14, which actions need: skipping test", tf.version)
	}
	tf.installProvider(t)
	sb := startSandbox(t, sandbox.Options{})
	dir := t.TempDir()
	config := providerConfig(sb, sandbox.DefaultToken) + `
action "tnz_send_sms" "x" {
  config {
    recipients = ["+6421000001"]
    message    = "Invoked by hand"
  }
}
`
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	out := tf.run(t, dir, "apply", "-auto-approve", "-no-color", "-input=false", "-invoke=action.tnz_send_sms.x")
	received := sb.Server.Received()
	if len(received) != 1 {
		t.Fatalf("the sandbox received %d messages, want 1\n%s", len(received), out)
	}
	if want := progressSubmitted(tnz.SMS, received[0].MessageID, true); !strings.Contains(out, want) {
		t.Errorf("the output does not show the progress %q:\n%s", want, out)
	}
	tf.run(t, dir, "apply", "-auto-approve", "-no-color", "-input=false")
	if got := len(sb.Server.Received()); got != 1 {
		t.Errorf("a plain apply sent %d more messages", got-1)
	}
}

// terraformCLI is the Terraform CLI acceptance tests run
// (TF_ACC_TERRAFORM_PATH), driven directly.
type terraformCLI struct {
	path    string
	version string // e.g. "1.15.9-dev"
	env     []string
}

// acceptanceCLI is the acceptance tests' Terraform; the test skips without
// TF_ACC.
func acceptanceCLI(t *testing.T) *terraformCLI {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1 to run it")
	}
	tf := &terraformCLI{path: os.Getenv("TF_ACC_TERRAFORM_PATH"), env: append(os.Environ(), "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")}
	out, err := exec.Command(tf.path, "version", "-json").Output()
	if err != nil {
		t.Fatalf("%s version: %v", tf.path, err)
	}
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("%s version -json: %v", tf.path, err)
	}
	tf.version = v.Version
	return tf
}

// installProvider builds the provider from this module and installs it
// for tf's commands through dev_overrides, so no terraform init is needed.
func (tf *terraformCLI) installProvider(t *testing.T) {
	t.Helper()
	plugins := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(plugins, "terraform-provider-tnz"), "github.com/tnz-community/terraform-provider-tnz")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the provider: %v\n%s", err, out)
	}
	cliConfig := filepath.Join(plugins, "terraformrc")
	overrides := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    %q = %q\n  }\n  direct {}\n}\n", providerAddress, plugins)
	if err := os.WriteFile(cliConfig, []byte(overrides), 0o600); err != nil {
		t.Fatal(err)
	}
	tf.env = append(tf.env, "TF_CLI_CONFIG_FILE="+cliConfig)
}

// providerAddress is the provider's address in the registry.
const providerAddress = "registry.terraform.io/tnz-community/tnz"

// run runs terraform with args in dir and returns what it wrote to
// standard output; it fails the test when terraform fails.
func (tf *terraformCLI) run(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command(tf.path, args...)
	var stderr strings.Builder
	cmd.Dir, cmd.Env, cmd.Stderr = dir, tf.env, &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("terraform %s: %v\n%s%s", strings.Join(args, " "), err, out, stderr.String())
	}
	return string(out)
}

// atLeast reports whether tf is at least version major.minor.
func (tf *terraformCLI) atLeast(major, minor int) bool {
	parts := strings.SplitN(tf.version, ".", 3)
	if len(parts) < 2 {
		return false
	}
	gotMajor, err1 := strconv.Atoi(parts[0])
	gotMinor, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil {
		return false
	}
	return gotMajor > major || gotMajor == major && gotMinor >= minor
}
