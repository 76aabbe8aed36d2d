package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tnz-community/terraform-provider-tnz/internal/faulttest"
	"github.com/tnz-community/terraform-provider-tnz/internal/sandbox"
)

// TestAccFaultSmoke_droppedSendsNotRepeated: ten tnz_sms applied at
// Terraform's default parallelism while the sandbox serves 30% of sends
// and then drops the connection without an answer. Each message must be
// received exactly once: the provider has to find the dropped ones by
// their id rather than send them again.
func TestAccFaultSmoke_droppedSendsNotRepeated(t *testing.T) {
	t.Parallel()
	// Seed 4 drops exactly 3 of the first 10 sends (the sandbox's draws
	// are fixed per seed and request kind), whichever messages they are.
	const seed, drops = 4, 3
	sb := startSandbox(t, sandbox.Options{})
	if err := faulttest.On(sb.Server, seed, "send=drop:0.3"); err != nil {
		t.Fatal(err)
	}
	texts := make([]string, 10)
	for i := range texts {
		texts[i] = fmt.Sprintf("Fault smoke %d", i)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: providerConfig(sb, sandbox.DefaultToken) + `
resource "tnz_sms" "fleet" {
  count      = 10
  recipients = ["+6421000001"]
  message    = "Fault smoke ${count.index}"
}
`,
			Check: resource.ComposeAggregateTestCheckFunc(
				func(*terraform.State) error {
					if n := faulttest.Applied(sb.Server, sandbox.SendRequest, sandbox.FaultDropAfterAccept); n != drops {
						return fmt.Errorf("the sandbox dropped %d sends, want %d: the test did not exercise what it means to", n, drops)
					}
					return nil
				},
				faulttest.CheckExactlyOnce(sb.Server, "tnz_sms"),
				func(*terraform.State) error {
					return faulttest.ByField(sb.Server, "Message", texts).ExactlyOnce()
				},
			),
		}},
	})
}
