package provider

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tnz-community/terraform-provider-tnz/internal/sandbox"
	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

var uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// sandboxClient is a TNZ client of sb, to look at and change its records
// out of band.
func sandboxClient(t *testing.T, sb *sandbox.Running, version string) *tnz.Client {
	t.Helper()
	c, err := tnz.New(tnz.Config{BaseURL: sb.URL, AuthToken: sandbox.DefaultToken, APIVersion: version})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// versionConfig is providerConfig with api_version set.
func versionConfig(sb *sandbox.Running, version string) string {
	return fmt.Sprintf(`
terraform {
  required_providers {
    tnz = { source = "tnz-community/tnz" }
  }
}

provider "tnz" {
  base_url    = %q
  auth_token  = %q
  api_version = %q
}
`, sb.URL, sandbox.DefaultToken, version)
}

// stateID returns the id of resource name in the state.
func stateID(s *terraform.State, name string) (string, error) {
	rs, ok := s.RootModule().Resources[name]
	if !ok {
		return "", fmt.Errorf("%s is not in the state", name)
	}
	return rs.Primary.ID, nil
}

// expectContact checks the sandbox's copy of the contact in the state,
// read on API v3.00.
func expectContact(t *testing.T, sb *sandbox.Running, name string, want map[string]string) resource.TestCheckFunc {
	return expectContactOn(t, sb, tnz.V300, name, want)
}

func expectContactOn(t *testing.T, sb *sandbox.Running, version, name string, want map[string]string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		id, err := stateID(s, name)
		if err != nil {
			return err
		}
		c, err := sandboxClient(t, sb, version).GetContact(context.Background(), id)
		if err != nil {
			return fmt.Errorf("the sandbox has no contact %s: %w", id, err)
		}
		for k, v := range want {
			if c.Fields[k] != v {
				return fmt.Errorf("the sandbox's contact has %s = %q, want %q", k, c.Fields[k], v)
			}
		}
		return nil
	}
}

func contactConfig(sb *sandbox.Running, fields string) string {
	return providerConfig(sb, sandbox.DefaultToken) + fmt.Sprintf(`
resource "tnz_contact" "aroha" {
%s
}
`, fields)
}

func TestAccContact_lifecycle(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	client := sandboxClient(t, sb, tnz.V300)
	v1 := contactConfig(sb, `
  first_name    = "Aroha"
  last_name     = "Ngata"
  mobile_phone  = "+6421000001"
  email_address = "aroha@example.com"
  custom1       = "on-call"
  title         = "Ms"`)
	v2 := contactConfig(sb, `
  first_name    = "Aroha"
  last_name     = "Ngata-Smith"
  mobile_phone  = "+6421000001"
  email_address = "aroha@example.com"
  title         = "Ms"
  view_by       = "SubAccount"`)
	var firstID string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config: v1,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestMatchResourceAttr("tnz_contact.aroha", "id", uuidPattern),
					resource.TestCheckResourceAttr("tnz_contact.aroha", "view_by", "Account"), // TNZ's default
					resource.TestCheckResourceAttr("tnz_contact.aroha", "owner", sandbox.DefaultSender),
					resource.TestCheckNoResourceAttr("tnz_contact.aroha", "company"),
					expectContact(t, sb, "tnz_contact.aroha", map[string]string{"FirstName": "Aroha", "Custom1": "on-call", "MobilePhone": "+6421000001"}),
					func(s *terraform.State) (err error) { firstID, err = stateID(s, "tnz_contact.aroha"); return err },
				),
			},
			// Changed and removed fields are updated in place.
			{
				Config: v2,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("tnz_contact.aroha", plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPtr("tnz_contact.aroha", "id", &firstID),
					resource.TestCheckResourceAttr("tnz_contact.aroha", "view_by", "SubAccount"),
					resource.TestCheckNoResourceAttr("tnz_contact.aroha", "custom1"),
					expectContact(t, sb, "tnz_contact.aroha", map[string]string{"LastName": "Ngata-Smith", "Custom1": "", "ViewBy": "SubAccount"}),
				),
			},
			{ResourceName: "tnz_contact.aroha", ImportState: true, ImportStateVerify: true},
			// Drift: a change made in the Dashboard is put back.
			{
				PreConfig: func() {
					if _, err := client.UpdateContact(context.Background(), firstID, map[string]string{"FirstName": "Someone", "Company": "Else"}); err != nil {
						t.Fatal(err)
					}
				},
				Config: v2,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("tnz_contact.aroha", plancheck.ResourceActionUpdate),
				}},
				Check: expectContact(t, sb, "tnz_contact.aroha", map[string]string{"FirstName": "Aroha", "Company": ""}),
			},
			// Deleted outside Terraform: removed from state, created again.
			{
				PreConfig: func() {
					if err := client.DeleteContact(context.Background(), firstID); err != nil {
						t.Fatal(err)
					}
				},
				Config: v2,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("tnz_contact.aroha", plancheck.ResourceActionCreate),
				}},
				Check: resource.ComposeAggregateTestCheckFunc(
					func(s *terraform.State) error {
						id, err := stateID(s, "tnz_contact.aroha")
						if err == nil && id == firstID {
							err = fmt.Errorf("the contact kept the deleted id %s", id)
						}
						return err
					},
					expectContact(t, sb, "tnz_contact.aroha", map[string]string{"FirstName": "Aroha", "LastName": "Ngata-Smith"}),
				),
			},
			// Nothing changed: no plan.
			{Config: v2, PlanOnly: true},
		},
	})
	if contacts, err := client.ListContacts(context.Background()); err != nil || len(contacts) != 0 {
		t.Errorf("after destroy the sandbox has %d contacts (%v), want none", len(contacts), err)
	}
}

func TestAccContact_planChecks(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	for _, tc := range []struct {
		name, config string
		want         *regexp.Regexp
	}{
		{"e-mail format", contactConfig(sb, `email_address = "aroha"`), summaryRegexp("Invalid e-mail address", `email_address must be an e-mail address`)},
		{"phone format", contactConfig(sb, `mobile_phone = "call me"`), summaryRegexp("Invalid phone number", "mobile_phone must be a phone number")},
		{"title option", contactConfig(sb, `title = "Sir"`), summaryRegexp(`value must be one of`)},
		{"length", contactConfig(sb, fmt.Sprintf("ex_type = %q", "abcdefghijklmnopqrstu")), summaryRegexp(`string length must be between 1 and 20`)},
		{"empty", contactConfig(sb, `company = ""`), summaryRegexp(`string length must be between 1 and 100`)},
		{"v2.04 has no alt_phone3", versionConfig(sb, tnz.V204) + `
resource "tnz_contact" "aroha" {
  alt_phone3 = "+6495006003"
}`, summaryRegexp("alt_phone3 is not available on API v2.04", `api_version = "v3.00"`)},
		{"v3.00 has no direct_phone", contactConfig(sb, `direct_phone = "+6495006000"`), summaryRegexp("direct_phone is not available on API v3.00")},
		{"v2.02 has no Address Book", fmt.Sprintf(`
provider "tnz" {
  base_url = %q
  sender   = %q
  api_key  = %q
}
resource "tnz_group" "g" {
  group_name = "G"
}`, sb.URL, sandbox.DefaultSender, sandbox.DefaultAPIKey), summaryRegexp("tnz_group is not available on this API version", "Address Book exists only on API v3.00 and v2.04")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				Steps:                    []resource.TestStep{{Config: tc.config, PlanOnly: true, ExpectError: tc.want}},
			})
		})
	}
	if n := sb.Server.APIRequests(); n != 0 {
		t.Errorf("plan-time checks made %d API calls", n)
	}
}

func TestAccAddressBook_notEnabled(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: providerConfig(sb, sandbox.NoAddressBookToken) + `
resource "tnz_group" "oncall" {
  group_name = "On-call"
}`,
			ExpectError: summaryRegexp("The Address Book API is not enabled for this API user",
				"Unauthorized access to Addressbook API!", "Users > <the API user> > API > Address Book API Access"),
		}},
	})
}

// groupConfig is an on-call group whose members are people picked by
// index, and the data sources that read it back. (Counts, not for_each:
// the test framework's state checks cannot address for_each instances.)
func groupConfig(sb *sandbox.Running, groupName, members string) string {
	return providerConfig(sb, sandbox.DefaultToken) + fmt.Sprintf(`
locals {
  names   = ["aroha", "hemi", "mere"]
  mobiles = ["+6421000001", "+6421000002", "+6421000003"]
  members = %s
}

resource "tnz_contact" "person" {
  count        = length(local.names)
  first_name   = local.names[count.index]
  mobile_phone = local.mobiles[count.index]
}

resource "tnz_group" "oncall" {
  group_name = %q
  department = "Ops"
}

resource "tnz_group_contact" "member" {
  count      = length(local.members)
  group_id   = tnz_group.oncall.id
  contact_id = tnz_contact.person[local.members[count.index]].id
}

data "tnz_group" "by_code" {
  group_code = tnz_group.oncall.group_code
}

data "tnz_group_contacts" "oncall" {
  group_id   = tnz_group.oncall.id
  depends_on = [tnz_group_contact.member]
}

data "tnz_contact" "hemi" {
  mobile_phone = tnz_contact.person[1].mobile_phone
  first_name   = "HEMI"
  depends_on   = [tnz_group_contact.member]
}
`, members, groupName)
}

// expectMembers checks who is in the group at the sandbox, by mobile number.
func expectMembers(t *testing.T, sb *sandbox.Running, want ...string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		id, err := stateID(s, "tnz_group.oncall")
		if err != nil {
			return err
		}
		contacts, err := sandboxClient(t, sb, tnz.V300).GroupContacts(context.Background(), id)
		if err != nil {
			return err
		}
		var got []string
		for _, c := range contacts {
			got = append(got, c.Fields["MobilePhone"])
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			return fmt.Errorf("the group's members are %v, want %v", got, want)
		}
		return nil
	}
}

func TestAccGroup_membership(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	client := sandboxClient(t, sb, tnz.V300)
	var groupID, groupCode string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config: groupConfig(sb, "On-call", "[0, 1]"),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("tnz_group.oncall", "group_code", "On_call"),
					resource.TestCheckResourceAttr("tnz_group.oncall", "view_edit_by", "Account"),
					resource.TestCheckResourceAttrPair("data.tnz_group.by_code", "id", "tnz_group.oncall", "id"),
					resource.TestCheckResourceAttr("data.tnz_group.by_code", "department", "Ops"),
					resource.TestCheckResourceAttr("data.tnz_group_contacts.oncall", "contacts.#", "2"),
					resource.TestCheckResourceAttrPair("data.tnz_contact.hemi", "id", "tnz_contact.person.1", "id"),
					resource.TestCheckResourceAttr("data.tnz_contact.hemi", "first_name", "hemi"),
					resource.TestCheckResourceAttr("data.tnz_contact.hemi", "group_ids.#", "1"),
					resource.TestCheckResourceAttrPair("data.tnz_contact.hemi", "group_ids.0", "tnz_group.oncall", "id"),
					expectMembers(t, sb, "+6421000001", "+6421000002"),
					func(s *terraform.State) error {
						rs := s.RootModule().Resources["tnz_group.oncall"].Primary
						groupID, groupCode = rs.ID, rs.Attributes["group_code"]
						return nil
					},
				),
			},
			// Membership changes: hemi leaves, mere joins; renaming the
			// group keeps it and its code.
			{
				Config: groupConfig(sb, "Pager duty", "[0, 2]"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("tnz_group.oncall", plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction("tnz_group_contact.member[1]", plancheck.ResourceActionReplace),
					plancheck.ExpectResourceAction("tnz_group_contact.member[0]", plancheck.ResourceActionNoop),
				}},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPtr("tnz_group.oncall", "id", &groupID),
					resource.TestCheckResourceAttrPtr("tnz_group.oncall", "group_code", &groupCode),
					resource.TestCheckResourceAttr("tnz_group.oncall", "group_name", "Pager duty"),
					expectMembers(t, sb, "+6421000001", "+6421000003"),
				),
			},
			{ResourceName: "tnz_group.oncall", ImportState: true, ImportStateVerify: true},
			// A member leaves.
			{
				Config: groupConfig(sb, "Pager duty", "[2]"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("tnz_group_contact.member[1]", plancheck.ResourceActionDestroy),
				}},
				Check: expectMembers(t, sb, "+6421000003"),
			},
			// A membership removed outside Terraform is added again.
			{
				PreConfig: func() {
					contacts, err := client.GroupContacts(context.Background(), groupID)
					if err != nil || len(contacts) != 1 {
						t.Fatalf("group contacts %v, %v", contacts, err)
					}
					if err := client.RemoveContactFromGroup(context.Background(), contacts[0].ID, groupID); err != nil {
						t.Fatal(err)
					}
				},
				Config: groupConfig(sb, "Pager duty", "[2]"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("tnz_group_contact.member[0]", plancheck.ResourceActionCreate),
				}},
				Check: expectMembers(t, sb, "+6421000003"),
			},
		},
	})
}

func TestAccGroupContact_import(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	config := providerConfig(sb, sandbox.DefaultToken) + `
resource "tnz_contact" "aroha" {
  first_name = "Aroha"
}

resource "tnz_group" "oncall" {
  group_name = "On-call"
}

resource "tnz_group_contact" "m" {
  group_id   = tnz_group.oncall.id
  contact_id = tnz_contact.aroha.id
}
`
	var groupID string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(s *terraform.State) (err error) {
					groupID, err = stateID(s, "tnz_group.oncall")
					return err
				},
			},
			{ResourceName: "tnz_group_contact.m", ImportState: true, ImportStateVerify: true},
			{
				ResourceName:  "tnz_group_contact.m",
				ImportState:   true,
				ImportStateId: "9000000a-f002-4007-b00a-d00000000001",
				ExpectError:   summaryRegexp("Cannot import the group membership", `give "<group_id>/<contact_id>"`),
			},
			{
				ResourceName:      "tnz_group_contact.m",
				ImportState:       true,
				ImportStateIdFunc: func(*terraform.State) (string, error) { return groupID + "/8000000a-f002-4007-b00a-d00000000009", nil },
				ExpectError:       summaryRegexp("Cannot import non-existent remote object"),
			},
		},
	})
}

func optOutConfig(sb *sandbox.Running, version, body string) string {
	return versionConfig(sb, version) + fmt.Sprintf(`
resource "tnz_optout" "hemi" {
%s
}
`, body)
}

func TestAccOptOut_lifecycle(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	client := sandboxClient(t, sb, tnz.V300)
	withList := func(body string) string {
		return optOutConfig(sb, tnz.V300, body) + `
data "tnz_optouts" "sms" {
  type       = "SMS"
  depends_on = [tnz_optout.hemi]
}
`
	}
	var id string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config: withList(`
  type         = "SMS"
  destination  = "+6421000002"
  stop_message = "STOP"`),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestMatchResourceAttr("tnz_optout.hemi", "id", uuidPattern),
					// TNZ keeps SMS as Text; the configured spelling stays.
					resource.TestCheckResourceAttr("tnz_optout.hemi", "type", "SMS"),
					resource.TestCheckResourceAttr("data.tnz_optouts.sms", "optouts.#", "1"),
					resource.TestCheckResourceAttr("data.tnz_optouts.sms", "optouts.0.type", "SMS"),
					resource.TestCheckResourceAttr("data.tnz_optouts.sms", "optouts.0.destination", "+6421000002"),
					func(s *terraform.State) (err error) {
						id, err = stateID(s, "tnz_optout.hemi")
						if err != nil {
							return err
						}
						o, err := client.GetOptOut(context.Background(), id)
						if err == nil && (o.DestType != "Text" || o.StopMessage != "STOP") {
							err = fmt.Errorf("the sandbox's entry is %+v", o)
						}
						return err
					},
				),
			},
			// The scope and notes change in place.
			{
				Config: withList(`
  type        = "SMS"
  destination = "+6421000002"
  sub_account = "Ops"
  notes       = "asked by phone"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("tnz_optout.hemi", plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPtr("tnz_optout.hemi", "id", &id),
					resource.TestCheckNoResourceAttr("tnz_optout.hemi", "stop_message"),
					func(*terraform.State) error {
						o, err := client.GetOptOut(context.Background(), id)
						if err == nil && (o.SubAccount != "Ops" || o.Notes != "asked by phone" || o.StopMessage != "") {
							err = fmt.Errorf("the sandbox's entry is %+v", o)
						}
						return err
					},
				),
			},
			{ResourceName: "tnz_optout.hemi", ImportState: true, ImportStateVerify: true},
			// Another type replaces the entry.
			{
				Config: withList(`
  type        = "Voice"
  destination = "+6421000002"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("tnz_optout.hemi", plancheck.ResourceActionReplace),
				}},
				Check: resource.TestCheckResourceAttr("data.tnz_optouts.sms", "optouts.#", "0"),
			},
		},
	})
}

func TestAccOptOut_planChecks(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	for _, tc := range []struct {
		name, config string
		want         *regexp.Regexp
	}{
		{"v3.00 only", optOutConfig(sb, tnz.V204, `
  type        = "SMS"
  destination = "+6421000002"`), summaryRegexp("tnz_optout is not available on this API version", "opt-out list exists only on API v3.00")},
		{"E.164 for phones", optOutConfig(sb, tnz.V300, `
  type        = "SMS"
  destination = "021 000 002"`), summaryRegexp("Invalid phone number", "E.164")},
		{"e-mail for Email", optOutConfig(sb, tnz.V300, `
  type        = "Email"
  destination = "+6421000002"`), summaryRegexp("Invalid e-mail address")},
		{"destination or contact", optOutConfig(sb, tnz.V300, `
  type = "Fax"`), summaryRegexp(`Exactly one of these attributes must be configured: [destination,contact_id]`)},
		{"type", optOutConfig(sb, tnz.V300, `
  type        = "WhatsApp"
  destination = "+6421000002"`), summaryRegexp(`value must be one of`)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				Steps:                    []resource.TestStep{{Config: tc.config, PlanOnly: true, ExpectError: tc.want}},
			})
		})
	}
	if n := sb.Server.APIRequests(); n != 0 {
		t.Errorf("plan-time checks made %d API calls", n)
	}
}

// An SMS to a group defined in the same configuration: its id is unknown
// at plan, the send waits for the memberships, and the sandbox sends to
// exactly the group's members; the opted-out member is reported as
// blacklisted.
func TestAccSMS_toGroupDefinedInSameConfig(t *testing.T) {
	t.Parallel()
	// The test reads the status right after sending, which TNZ may answer
	// with its documented 404: no visibility delay here.
	sb := startSandbox(t, sandbox.Options{CompletionDelay: -1, VisibilityDelay: -1})
	config := providerConfig(sb, sandbox.DefaultToken) + `
variable "oncall" {
  default = [
    { name = "Aroha", mobile = "+6421000001" },
    { name = "Hemi", mobile = "+6421000002" },
    { name = "Mere", mobile = "+6421000003" },
  ]
}

resource "tnz_contact" "oncall" {
  count        = length(var.oncall)
  first_name   = var.oncall[count.index].name
  mobile_phone = var.oncall[count.index].mobile
}

resource "tnz_contact" "not_on_call" {
  first_name   = "Rawiri"
  mobile_phone = "+6421000009"
}

resource "tnz_group" "oncall" {
  group_name = "On-call"
}

resource "tnz_group_contact" "oncall" {
  count      = length(var.oncall)
  group_id   = tnz_group.oncall.id
  contact_id = tnz_contact.oncall[count.index].id
}

resource "tnz_optout" "hemi" {
  type        = "SMS"
  destination = tnz_contact.oncall[1].mobile_phone
}

resource "tnz_sms" "alert" {
  destinations = [{ group_id = tnz_group.oncall.id }]
  message      = "Kia ora [[FirstName]], deployment v2 is rolling out."
  wait_for     = "completed"
  depends_on   = [tnz_group_contact.oncall, tnz_optout.hemi]
}
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction("tnz_sms.alert", plancheck.ResourceActionCreate),
				plancheck.ExpectUnknownValue("tnz_sms.alert", tfjsonpath.New("destinations").AtSliceIndex(0).AtMapKey("group_id")),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				expectReceived(sb, 1),
				expectBodiesMatchSpec(t, sb),
				func(s *terraform.State) error {
					id, err := stateID(s, "tnz_sms.alert")
					if err != nil {
						return err
					}
					var got []string
					for _, r := range sb.Server.Recipients(id) {
						got = append(got, fmt.Sprintf("%s blacklisted=%v", r.Destination, r.Blacklisted))
					}
					slices.Sort(got)
					want := []string{"+6421000001 blacklisted=false", "+6421000002 blacklisted=true", "+6421000003 blacklisted=false"}
					if !slices.Equal(got, want) {
						return fmt.Errorf("the sandbox sent to %q, want exactly the group's members %q", got, want)
					}
					return nil
				},
				expectRecipientResults("tnz_sms.alert", map[string]string{
					"+6421000001": "Success Delivered",
					"+6421000002": "Failed Destination is blacklisted",
					"+6421000003": "Success Delivered",
				}),
			),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("tnz_sms.alert", tfjsonpath.New("status"), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"job_status": knownvalue.StringExact(tnz.JobCompleted),
					"success":    knownvalue.Int64Exact(2),
					"failed":     knownvalue.Int64Exact(1),
				})),
			},
		}},
	})
}

// expectRecipientResults checks the send's status.recipients: each
// destination's "<status> <result>".
func expectRecipientResults(name string, want map[string]string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[name]
		if !ok {
			return fmt.Errorf("%s is not in the state", name)
		}
		a := rs.Primary.Attributes
		got := map[string]string{}
		for i := 0; ; i++ {
			prefix := fmt.Sprintf("status.recipients.%d.", i)
			dest, ok := a[prefix+"destination"]
			if !ok {
				break
			}
			got[dest] = a[prefix+"status"] + " " + a[prefix+"result"]
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			return fmt.Errorf("%s status recipients = %v, want %v", name, got, want)
		}
		return nil
	}
}

// The Address Book works on v2.04 too.
func TestAccContact_v204(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t, sandbox.Options{})
	config := versionConfig(sb, tnz.V204) + `
resource "tnz_contact" "aroha" {
  first_name   = "Aroha"
  direct_phone = "+6495006000"
}

resource "tnz_group" "g" {
  group_name = "G"
}

resource "tnz_group_contact" "m" {
  group_id   = tnz_group.g.id
  contact_id = tnz_contact.aroha.id
}
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("tnz_contact.aroha", "direct_phone", "+6495006000"),
					expectContactOn(t, sb, tnz.V204, "tnz_contact.aroha", map[string]string{"FirstName": "Aroha", "DirectPhone": "+6495006000"}),
				),
			},
			{ResourceName: "tnz_group_contact.m", ImportState: true, ImportStateVerify: true},
			{Config: config, PlanOnly: true},
		},
	})
}
