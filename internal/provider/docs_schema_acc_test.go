package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/tnz-community/terraform-provider-tnz/internal/schemajson"
)

// The schema make generate gives tfplugindocs (internal/schemajson) is
// what Terraform itself exports: all of it with Terraform 1.14 or later,
// all but the actions with older versions, which leave them out.
func TestAccSchemaJSON_matchesTerraformExport(t *testing.T) {
	t.Parallel()
	tf := acceptanceCLI(t)
	tf.installProvider(t)
	dir := t.TempDir()
	config := "terraform {\n  required_providers {\n    tnz = { source = \"tnz-community/tnz\" }\n  }\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	var exported struct {
		ProviderSchemas map[string]map[string]any `json:"provider_schemas"`
	}
	if err := json.Unmarshal([]byte(tf.run(t, dir, "providers", "schema", "-json")), &exported); err != nil {
		t.Fatal(err)
	}
	server, err := providerserver.NewProtocol6WithError(New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	out, err := schemajson.Marshal(context.Background(), server, providerAddress)
	if err != nil {
		t.Fatal(err)
	}
	var written struct {
		ProviderSchemas map[string]map[string]any `json:"provider_schemas"`
	}
	if err := json.Unmarshal(out, &written); err != nil {
		t.Fatal(err)
	}
	want, got := exported.ProviderSchemas[providerAddress], written.ProviderSchemas[providerAddress]
	if _, ok := got["action_schemas"]; !ok {
		t.Fatal("schemajson wrote no action schemas")
	}
	if !tf.atLeast(1, 14) {
		delete(got, "action_schemas")
	}
	if problem := firstDifference("", got, want); problem != "" {
		t.Errorf("schemajson differs from Terraform %s's export: %s", tf.version, problem)
	}
}

// firstDifference names the first place where JSON values got and want
// differ; "" when they are equal.
func firstDifference(at string, got, want any) string {
	gotMap, ok1 := got.(map[string]any)
	wantMap, ok2 := want.(map[string]any)
	if !ok1 || !ok2 {
		if !reflect.DeepEqual(got, want) {
			return fmt.Sprintf("%s: %v, Terraform has %v", at, got, want)
		}
		return ""
	}
	keys := map[string]bool{}
	for k := range gotMap {
		keys[k] = true
	}
	for k := range wantMap {
		keys[k] = true
	}
	sorted := make([]string, 0, len(keys))
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	for _, k := range sorted {
		if problem := firstDifference(at+"/"+k, gotMap[k], wantMap[k]); problem != "" {
			return problem
		}
	}
	return ""
}
