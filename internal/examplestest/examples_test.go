package examplestest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tnz-community/terraform-provider-tnz/internal/sandbox"
)

// providerSource is the address the examples require the provider by.
const providerSource = "tnz-community/tnz"

// terraformTimeout bounds one terraform command.
const terraformTimeout = 5 * time.Minute

// expectation is how an example folder must behave where that is not
// "validate and plan succeed".
type expectation struct {
	// fails is the error (TNZ's words) that validate and plan must both
	// fail with: the provider checks TNZ's documented rejections as soon as
	// the values are known, and validate already knows literal ones.
	fails string
	// env replaces variables of the environment terraform runs in; an
	// empty value removes the variable.
	env map[string]string
}

// expectations are keyed by the folder's path under examples/.
var expectations = map[string]expectation{
	// The mistake `make demo` shows: TNZ only calls https:// webhooks.
	"demo/mistake": {fails: "WebhookCallbackURL must start with https://"},
	// The legacy credentials the upgrade guide starts from, in place of the
	// auth token.
	"guides/upgrading-v2-credentials/before": {env: map[string]string{
		"TNZ_AUTH_TOKEN":     "",
		"TF_VAR_tnz_sender":  sandbox.DefaultSender,
		"TF_VAR_tnz_api_key": sandbox.DefaultAPIKey,
	}},
}

// seed is a message the examples refer to, put in the shared sandbox before
// any plan: the data source example reads one, the import examples adopt one.
type seed struct {
	channel, id, body string
}

var seeds = []seed{
	{"sms", "deploy-2026-11-26", `{"Message":"Deployed","Destinations":[{"ToNumber":"+6421000001"}]}`},
	{"sms", "d3f1b2a4c5e6", `{"Message":"Release v1.4.1 is live.","Destinations":[{"ToNumber":"+6421000001"}]}`},
	{"email", "d3f1b2a4c5e6", `{"EmailSubject":"Change applied","MessagePlain":"Applied.","Destinations":[{"EmailAddress":"change-board@example.com"}]}`},
	{"fax", "d3f1b2a4c5e6", `{"Files":[{"Name":"form.pdf","Data":"JVBERi0xLjQK"}],"Destinations":[{"ToNumber":"+6495006000"}]}`},
	{"tts", "d3f1b2a4c5e6", `{"MessageToPeople":"The database was replaced.","Destinations":[{"MainPhone":"+6421000001"}]}`},
	{"voice", "d3f1b2a4c5e6", `{"MessageToPeople":"UklGRiQAAABXQVZF","Destinations":[{"MainPhone":"+6495006000"}]}`},
}

// record is an Address Book entry or opt-out that the examples name by id.
// The sandbox makes its own ids, so in the test's copy of the examples each
// placeholder is replaced by the id of the record made for it. Requests run
// in order, with the placeholders known so far already replaced.
type record struct {
	placeholder        string // the id the examples use; "" for none
	method, path, body string // a v3.00 request, path under /api/v3.00/
	idKey              string // the answer's key that holds the new id
}

var records = []record{
	{"8000000a-f002-4007-b00a-d00000000001", http.MethodPost, "addressbook/contact",
		`{"FirstName":"Aroha","LastName":"Ngata","MobilePhone":"+6421000001","EmailAddress":"aroha@example.com"}`, "ContactID"},
	// GroupCode Oncall_Team, as the sandbox makes codes from names.
	{"9000000a-f002-4007-b00a-d00000000001", http.MethodPost, "addressbook/group", `{"GroupName":"Oncall Team"}`, "GroupID"},
	{"", http.MethodPatch, "addressbook/contact/8000000a-f002-4007-b00a-d00000000001/group",
		`{"GroupID":"9000000a-f002-4007-b00a-d00000000001"}`, ""},
	{"7000000a-f002-4007-b00a-d00000000001", http.MethodPost, "optout", `{"DestType":"SMS","Destination":"+6421000002"}`, "ID"},
}

func TestExamples(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("the examples are checked with the Terraform CLI: set TF_ACC=1 (make test does)")
	}
	terraform, err := exec.LookPath("terraform")
	if err != nil {
		t.Fatal("terraform is not on PATH; install the Terraform CLI (1.11 or newer). This test never downloads it.")
	}
	actions := supportsActions(t, terraform)
	root := repoRoot(t)
	folders := exampleFolders(t, filepath.Join(root, "examples"))
	for name := range expectations {
		if !slices.Contains(folders, name) {
			t.Errorf("expectations name examples/%s, which has no .tf file", name)
		}
	}

	work := t.TempDir()
	cliConfig := devOverrides(t, root, work)
	shared := startSandbox(t)
	for _, s := range seeds {
		body := strings.Replace(s.body, "{", fmt.Sprintf(`{"MessageID":%q,`, s.id), 1)
		call(t, shared, http.MethodPost, s.channel, body)
	}
	var ids []string // placeholder, id, …
	for _, r := range records {
		known := strings.NewReplacer(ids...)
		answer := call(t, shared, r.method, known.Replace(r.path), known.Replace(r.body))
		if r.placeholder == "" {
			continue
		}
		id, ok := findString(answer, r.idKey)
		if !ok {
			t.Fatalf("%s %s answered no %s: %s", r.method, r.path, r.idKey, answer)
		}
		ids = append(ids, r.placeholder, id)
	}
	placeholders := strings.NewReplacer(ids...)

	t.Run("folders", func(t *testing.T) {
		for _, name := range folders {
			t.Run(name, func(t *testing.T) {
				if strings.HasPrefix(name, "actions/") && !actions {
					t.Skipf("examples/%s declares an action, which this Terraform cannot parse (actions need Terraform 1.14 or later); make testacc-actions TERRAFORM=<1.14 or later> checks it", name)
				}
				t.Parallel()
				dir := filepath.Join(work, "examples", filepath.FromSlash(name))
				copyExample(t, filepath.Join(root, "examples", filepath.FromSlash(name)), dir, placeholders)
				want := expectations[name]
				tf := runner{t: t, terraform: terraform, dir: dir, env: withEnv(terraformEnv(cliConfig, shared), want.env)}

				if want.fails != "" {
					tf.failsWith(want.fails, "validate", "-no-color")
					tf.failsWith(want.fails, "plan", "-input=false", "-no-color")
				} else {
					tf.succeeds("validate", "-no-color")
					plan := tf.succeeds("plan", "-input=false", "-no-color")
					// The import examples adopt a seeded message, and send nothing.
					if isFile(filepath.Join(dir, "import-by-string-id.tf")) && !strings.Contains(plan, "1 to import") {
						t.Errorf("the import block imported nothing:\n%s", plan)
					}
				}

				if isDir(filepath.Join(dir, "tests")) {
					// terraform test applies: it gets a sandbox of its own.
					own := runner{t: t, terraform: terraform, dir: dir, env: withEnv(terraformEnv(cliConfig, startSandbox(t)), want.env)}
					out := own.succeeds("test", "-no-color")
					if !regexp.MustCompile(`Success! [1-9]\d* passed, 0 failed`).MatchString(out) {
						t.Errorf("terraform test ran no test:\n%s", out)
					}
				}
			})
		}
	})

	// A plan never sends: the shared sandbox holds the seeds only.
	if got := shared.Server.Received(); len(got) != len(seeds) {
		t.Errorf("the sandbox received %d messages; the %d seeds were all, so a plan sent something", len(got), len(seeds))
	}
}

// repoRoot is the module root, two levels above this package.
// supportsActions reports whether the Terraform CLI at terraform parses
// action blocks: version 1.14 or later.
func supportsActions(t *testing.T, terraform string) bool {
	t.Helper()
	out, err := exec.Command(terraform, "version", "-json").Output()
	if err != nil {
		t.Fatalf("terraform version: %v", err)
	}
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("terraform version -json: %v: %s", err, out)
	}
	var major, minor int
	if _, err := fmt.Sscanf(v.Version, "%d.%d", &major, &minor); err != nil {
		t.Fatalf("terraform version %q: %v", v.Version, err)
	}
	return major > 1 || major == 1 && minor >= 14
}

func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("no go.mod in %s: %v", root, err)
	}
	return root
}

// exampleFolders lists, relative to examples and with forward slashes, every
// folder that holds a .tf file.
func exampleFolders(t *testing.T, examples string) []string {
	t.Helper()
	var folders []string
	err := filepath.WalkDir(examples, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".terraform" {
			return filepath.SkipDir
		}
		if d.IsDir() || filepath.Ext(path) != ".tf" {
			return nil
		}
		rel, err := filepath.Rel(examples, filepath.Dir(path))
		if err != nil {
			return err
		}
		if rel = filepath.ToSlash(rel); !slices.Contains(folders, rel) {
			folders = append(folders, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(folders) == 0 {
		t.Fatalf("no example folders under %s", examples)
	}
	return folders
}

// devOverrides builds the provider into work/bin and writes a CLI
// configuration that makes Terraform use that build for providerSource.
func devOverrides(t *testing.T, root, work string) string {
	t.Helper()
	bin := filepath.Join(work, "bin")
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "terraform-provider-tnz"), ".")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the provider: %v\n%s", err, out)
	}
	config := filepath.Join(work, "terraform.rc")
	rc := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    %s = %s\n  }\n  direct {}\n}\n",
		strconv.Quote(providerSource), strconv.Quote(bin))
	if err := os.WriteFile(config, []byte(rc), 0o644); err != nil {
		t.Fatal(err)
	}
	return config
}

func startSandbox(t *testing.T) *sandbox.Running {
	t.Helper()
	sb, err := sandbox.Listen(sandbox.Options{}, "127.0.0.1:0")
	if err != nil {
		t.Fatalf("starting the sandbox: %v", err)
	}
	t.Cleanup(func() { _ = sb.Close() })
	return sb
}

// call makes a v3.00 request to sb, as TNZ's other clients would, and
// returns the answer's body, which must be a 2xx.
func call(t *testing.T, sb *sandbox.Running, method, path, body string) []byte {
	t.Helper()
	req, err := http.NewRequest(method, sb.URL+"/api/v3.00/"+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+sandbox.DefaultToken)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	if resp.StatusCode/100 != 2 {
		t.Fatalf("%s %s: the sandbox answered %s: %s", method, path, resp.Status, answer)
	}
	return answer
}

// findString is the first string value under key anywhere in the JSON
// document raw.
func findString(raw []byte, key string) (string, bool) {
	var doc any
	if json.Unmarshal(raw, &doc) != nil {
		return "", false
	}
	var find func(v any) (string, bool)
	find = func(v any) (string, bool) {
		switch v := v.(type) {
		case map[string]any:
			if s, ok := v[key].(string); ok && s != "" {
				return s, true
			}
			for _, child := range v {
				if s, ok := find(child); ok {
					return s, true
				}
			}
		case []any:
			for _, child := range v {
				if s, ok := find(child); ok {
					return s, true
				}
			}
		}
		return "", false
	}
	return find(doc)
}

// terraformEnv is this process's environment without any Terraform or TNZ
// settings of the user's, plus the CLI configuration and sb's credentials.
func terraformEnv(cliConfig string, sb *sandbox.Running) []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "TF_") || strings.HasPrefix(name, "TNZ_") || name == "CHECKPOINT_DISABLE" {
			continue
		}
		env = append(env, kv)
	}
	return append(env,
		"TF_CLI_CONFIG_FILE="+cliConfig,
		"TF_IN_AUTOMATION=1",
		"CHECKPOINT_DISABLE=1",
		"TNZ_API_URL="+sb.URL,
		"TNZ_AUTH_TOKEN="+sandbox.DefaultToken,
	)
}

// withEnv is env with the variables in set replaced (an empty value removes
// one).
func withEnv(env []string, set map[string]string) []string {
	var out []string
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		if _, ok := set[name]; !ok {
			out = append(out, kv)
		}
	}
	for name, value := range set {
		if value != "" {
			out = append(out, name+"="+value)
		}
	}
	return out
}

// copyExample copies the example folder src, with its subfolders, to dst,
// leaving out anything a local terraform run may have left in it, with the
// record placeholders in .tf files replaced.
func copyExample(t *testing.T, src, dst string, placeholders *strings.Replacer) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() && name == ".terraform" {
			return filepath.SkipDir
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case strings.Contains(name, ".tfstate"), name == ".terraform.lock.hcl":
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if filepath.Ext(name) == ".tf" {
			data = []byte(placeholders.Replace(string(data)))
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatalf("copying %s: %v", src, err)
	}
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

func isFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}

// runner runs terraform in one copied example folder.
type runner struct {
	t         *testing.T
	terraform string
	dir       string
	env       []string
}

func (r runner) run(args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), terraformTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, r.terraform, args...)
	cmd.Dir, cmd.Env = r.dir, r.env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

func (r runner) succeeds(args ...string) string {
	r.t.Helper()
	out, err := r.run(args...)
	if err != nil {
		r.t.Fatalf("terraform %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

func (r runner) failsWith(want string, args ...string) {
	r.t.Helper()
	out, err := r.run(args...)
	if err == nil {
		r.t.Fatalf("terraform %s succeeded; it must fail with %q\n%s", strings.Join(args, " "), want, out)
	}
	if !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
		r.t.Fatalf("terraform %s failed, but not with %q:\n%s", strings.Join(args, " "), want, out)
	}
}
