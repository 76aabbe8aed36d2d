package provider

import (
	"context"
	"encoding/base64"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// fileEntry is one files entry as a test writes it.
type fileEntry struct {
	Name    types.String `tfsdk:"name"`
	Content types.String `tfsdk:"content"`
	Path    types.String `tfsdk:"path"`
	SHA256  types.String `tfsdk:"sha256"`
}

func fileList(t *testing.T, files ...fileEntry) types.List {
	t.Helper()
	var elems []attr.Value
	for _, f := range files {
		if f.SHA256.IsNull() {
			f.SHA256 = types.StringNull()
		}
		v, d := types.ObjectValueFrom(context.Background(), fileType.AttrTypes, f)
		if d.HasError() {
			t.Fatal(d)
		}
		elems = append(elems, v)
	}
	return types.ListValueMust(fileType, elems)
}

func TestLoadFiles(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.txt")
	big := filepath.Join(dir, "big.bin")
	os.WriteFile(small, []byte("notes"), 0o600)
	os.WriteFile(big, make([]byte, maxFileBytes+1), 0o600)
	str, null := types.StringValue, types.StringNull()
	cases := []struct {
		name    string
		file    fileEntry
		errText string
		data    string
	}{
		{name: "content", file: fileEntry{Name: str("a.txt"), Content: str(base64.StdEncoding.EncodeToString([]byte("notes"))), Path: null}, data: "bm90ZXM="},
		{name: "path", file: fileEntry{Name: str("a.txt"), Content: null, Path: str(small)}, data: "bm90ZXM="},
		{name: "neither is TNZ's missing data", file: fileEntry{Name: str("a.txt"), Content: null, Path: null}},
		{name: "both", file: fileEntry{Name: str("a.txt"), Content: str("bm90ZXM="), Path: str(small)}, errText: summaryFileBothOrNeither},
		{name: "not base64", file: fileEntry{Name: str("a.txt"), Content: str("not base64!"), Path: null}, errText: summaryFileContent},
		{name: "unreadable path", file: fileEntry{Name: str("a.txt"), Content: null, Path: str(filepath.Join(dir, "missing"))}, errText: summaryFileUnreadable},
		{name: "over 1 MiB", file: fileEntry{Name: str("big.bin"), Content: null, Path: str(big)}, errText: summaryFileTooLarge},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var diags diag.Diagnostics
			in := fileList(t, c.file)
			loaded := loadAttachments(in, &diags)
			files, list := loaded.apiFiles(), loaded.withDigests(in)
			if c.errText != "" {
				if !diags.HasError() || diags.Errors()[0].Summary() != c.errText {
					t.Fatalf("want %q, got %v", c.errText, diags)
				}
				return
			}
			if diags.HasError() || len(files) != 1 || files[0].Data != c.data {
				t.Fatalf("files %+v, diags %v", files, diags)
			}
			sha := list.Elements()[0].(types.Object).Attributes()["sha256"].(types.String)
			if c.data != "" && sha.ValueString() != sha256Hex("notes") {
				t.Errorf("sha256 = %s", sha)
			}
			if c.data == "" && !sha.IsNull() {
				t.Errorf("sha256 of no content = %s, want null", sha)
			}
			if strings.Contains(list.String(), "bm90ZXM=") && !c.file.Path.IsNull() {
				t.Error("a path file's bytes must not reach state")
			}
		})
	}
}

// Local input is bounded: a special file, a FIFO (which would block a
// reader) and a 300 MB file fail at once, reading nothing, with the error on
// files[0].path.
func TestLoadAttachmentsBounded(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	huge := filepath.Join(dir, "huge.bin")
	if err := os.WriteFile(huge, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, 300<<20); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	cases := []struct{ name, path, summary string }{
		{"character device", "/dev/zero", summaryFileUnreadable},
		{"fifo", fifo, summaryFileUnreadable},
		{"directory", dir, summaryFileUnreadable},
		{"300 MB", huge, summaryFileTooLarge},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			done := make(chan diag.Diagnostics, 1)
			go func() {
				var diags diag.Diagnostics
				loadAttachments(fileList(t, fileEntry{Name: types.StringValue("a.bin"), Content: types.StringNull(), Path: types.StringValue(c.path)}), &diags)
				done <- diags
			}()
			var diags diag.Diagnostics
			select {
			case diags = <-done:
			case <-time.After(5 * time.Second):
				t.Fatal("reading the attachment did not return within 5s")
			}
			runtime.ReadMemStats(&after)
			if diags.ErrorsCount() != 1 || diags.Errors()[0].Summary() != c.summary {
				t.Fatalf("want one %q error, got %v", c.summary, diags)
			}
			if p := diags.Errors()[0].(diag.DiagnosticWithPath).Path(); !p.Equal(path.Root("files").AtListIndex(0).AtName("path")) {
				t.Errorf("error at %v, want files[0].path", p)
			}
			if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 {
				t.Errorf("allocated %d bytes refusing it, want under 1 MiB", grew)
			}
		})
	}
}
