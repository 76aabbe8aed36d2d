// Command write writes the provider's schema as `terraform providers schema
// -json` would, with the actions Terraform before 1.14 leaves out, to the
// file given (standard output without one). `make generate` passes it to
// tfplugindocs.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/tnz-community/terraform-provider-tnz/internal/provider"
	"github.com/tnz-community/terraform-provider-tnz/internal/schemajson"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "schemajson:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	server, err := providerserver.NewProtocol6WithError(provider.New("docs")())()
	if err != nil {
		return err
	}
	// tfplugindocs finds the provider's schema by its short name.
	out, err := schemajson.Marshal(context.Background(), server, "tnz")
	if err != nil {
		return err
	}
	if len(args) == 0 {
		_, err = os.Stdout.Write(out)
		return err
	}
	return os.WriteFile(args[0], out, 0o644)
}
