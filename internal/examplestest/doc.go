// Package examplestest checks that every folder under examples/ is a working
// configuration, as a user who copies one would find it. It has no code of its
// own, only a test (run by `make test`, which sets TF_ACC):
//
//   - the provider is built once and given to the Terraform CLI on PATH through
//     a dev_overrides CLI configuration, so nothing is downloaded and no
//     registry is asked;
//   - each folder holding .tf files is copied to a temporary directory and
//     checked there with `terraform validate`, then `terraform plan` against an
//     in-process sandbox (internal/sandbox) that holds what the examples
//     refer to: the data source's message, the messages the import examples
//     adopt, and an Address Book contact, group, membership and opt-out. The
//     sandbox makes its own ids for those, so the copies have the examples'
//     placeholder ids replaced by the real ones;
//   - a folder with a tests/ directory also runs `terraform test` against a
//     sandbox of its own, as the "Testing your configuration with the
//     sandbox" guide tells users to;
//   - plans must send nothing: afterwards the shared sandbox holds only the
//     messages the test put there.
//
// A folder that is expected to fail (examples/demo/mistake, the mistake
// `make demo` shows) is listed in expectations with the error it must give.
// No folder is skipped: one that is not found, or that the test does not
// know how to check, fails the test.
package examplestest
