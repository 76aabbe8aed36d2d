package provider

import (
	"errors"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tnz-community/terraform-provider-tnz/internal/sandbox"
	"github.com/tnz-community/terraform-provider-tnz/internal/tnzspec"
)

// expectBodiesMatchSpec checks every body the sandbox accepted against
// TNZ's OpenAPI file: the POST /{channel} request body schema, and
// no key the OpenAPI file does not declare except tnzspec's named allowances - the
// same list, applied the same way, as internal/tnz's conformance test.
func expectBodiesMatchSpec(t *testing.T, sb *sandbox.Running) resource.TestCheckFunc {
	t.Helper()
	sp, err := tnzspec.Load()
	if err != nil {
		t.Fatal(err)
	}
	return func(*terraform.State) error {
		received := sb.Server.Received()
		if len(received) == 0 {
			return errors.New("the sandbox accepted no message, so no body was checked against the OpenAPI file")
		}
		var errs []error
		for i, r := range received {
			if r.APIVersion != "v3.00" {
				errs = append(errs, fmt.Errorf("message %d (%s) was sent to API %s; the OpenAPI file describes v3.00 only", i, r.Channel, r.APIVersion))
				continue
			}
			chk, err := sp.CheckSend(r.Channel, r.Body)
			if err == nil {
				err = chk.Err()
			}
			if err != nil {
				errs = append(errs, fmt.Errorf("message %d (%s) does not match the OpenAPI file: %w\nbody: %s", i, r.Channel, err, r.Body))
			}
		}
		return errors.Join(errs...)
	}
}
