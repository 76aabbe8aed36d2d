package rejection

import (
	"os"
	"strings"
	"testing"
)

func TestGuideListsEveryRow(t *testing.T) {
	g := Guide()
	for _, r := range Table {
		if !strings.Contains(g, "| `"+r.Text+"` | "+r.ChannelNames()+" |") {
			t.Errorf("the guide's table has no row for %q", r.Text)
		}
		if !strings.Contains(g, "### "+r.Text+"\n") || !strings.Contains(g, r.Fix) {
			t.Errorf("the guide has no details for %q", r.Text)
		}
	}
	if !strings.Contains(g, "from the server only") || !strings.Contains(g, "at plan (provider configuration)") {
		t.Error("the guide must say where each row is caught")
	}
}

// The committed template is what the table renders.
func TestGuideTemplateUpToDate(t *testing.T) {
	committed, err := os.ReadFile("../../templates/guides/rejections.md.tmpl")
	if err != nil {
		t.Fatalf("reading the committed guide template (run make generate): %v", err)
	}
	if string(committed) != Guide() {
		t.Error("templates/guides/rejections.md.tmpl is out of date with the rejection table: run make generate")
	}
}
