// Command gendocs writes the rejections guide template from the rejection
// table; `make generate` runs it before tfplugindocs renders docs/.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/tnz-community/terraform-provider-tnz/internal/rejection"
)

func main() {
	out := "templates/guides/rejections.md.tmpl"
	if len(os.Args) > 1 {
		out = os.Args[1]
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile(out, []byte(rejection.Guide()), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
