package provider

import (
	"context"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// addressBookAPI is what the Address Book and opt-out resources and data
// sources need from the TNZ client; tests may inject their own.
type addressBookAPI interface {
	CreateContact(ctx context.Context, fields map[string]string) (*tnz.Contact, error)
	GetContact(ctx context.Context, id string) (*tnz.Contact, error)
	UpdateContact(ctx context.Context, id string, changes map[string]string) (*tnz.Contact, error)
	DeleteContact(ctx context.Context, id string) error
	SearchContacts(ctx context.Context, q tnz.ContactQuery) ([]tnz.Contact, error)
	ContactGroups(ctx context.Context, contactID string) ([]tnz.Group, error)

	CreateGroup(ctx context.Context, f tnz.GroupFields) (*tnz.Group, error)
	GetGroup(ctx context.Context, id string) (*tnz.Group, error)
	UpdateGroup(ctx context.Context, id string, f tnz.GroupFields) (*tnz.Group, error)
	DeleteGroup(ctx context.Context, id string) error
	FindGroupByCode(ctx context.Context, code string) (*tnz.Group, error)
	GroupContacts(ctx context.Context, groupID string) ([]tnz.Contact, error)

	AddContactToGroup(ctx context.Context, contactID, groupID string) error
	RemoveContactFromGroup(ctx context.Context, contactID, groupID string) error
	IsMember(ctx context.Context, contactID, groupID string) (bool, error)

	CreateOptOut(ctx context.Context, f tnz.OptOutFields) (*tnz.OptOut, error)
	GetOptOut(ctx context.Context, id string) (*tnz.OptOut, error)
	UpdateOptOut(ctx context.Context, id string, f tnz.OptOutFields) (*tnz.OptOut, error)
	DeleteOptOut(ctx context.Context, id string) error
	ListOptOuts(ctx context.Context, q tnz.OptOutQuery) ([]tnz.OptOut, error)
}

// recordBase is what the record resources share: the provider data, kept
// by sendBase's Configure.
type recordBase struct{ sendBase }

// api returns the configured Address Book API, or reports why there is
// none.
func (b *recordBase) api(diags *diag.Diagnostics) addressBookAPI {
	if b.data == nil || b.data.addressBook == nil {
		diags.AddError(summaryProviderNotConfigured, detailProviderNotConfigured)
		return nil
	}
	return b.data.addressBook
}

// checkRecordVersion reports, at plan, a provider version that lacks the
// resource's API: the Address Book needs v3.00 or v2.04, opt-outs v3.00.
// Nothing is reported while the provider is not configured yet.
func checkRecordVersion(data *providerData, supported func(string) bool, what string, diags *diag.Diagnostics) {
	if data == nil || supported(data.apiVersion) {
		return
	}
	diags.AddError(summaryRecordVersion(what), detailRecordVersion(what, data.apiVersion))
}

// reportRecordError turns a failed record call into one diagnostic: the
// Address Book not enabled, a create that may have happened, or the
// failure as TNZ gave it.
func reportRecordError(diags *diag.Diagnostics, doing, what, address string, err error) {
	switch {
	case tnz.IsForbidden(err):
		diags.AddError(summaryAddressBookForbidden, detailAddressBookForbidden(err))
	case tnz.IsUncertainCreate(err):
		diags.AddError(summaryUncertainCreate(what), detailUncertainCreate(what, address, err))
	case tnz.IsUnauthorized(err):
		diags.AddError(summaryCredentialsRejected, detailRecordFailed(err))
	default:
		diags.AddError(summaryRecordFailed(doing, what), detailRecordFailed(err))
	}
}

// readGone handles a record that TNZ no longer has: it is removed from
// the state with a warning, so that the next plan creates it again.
func readGone(ctx context.Context, resp *resource.ReadResponse, what, id string) {
	resp.Diagnostics.AddWarning(summaryRecordGone(what), detailRecordGone(what, id))
	resp.State.RemoveResource(ctx)
}

// fieldKind is how a text field's values compare: as TNZ may echo them.
type fieldKind int

const (
	plainText    fieldKind = iota
	phoneText              // phone numbers: by their digits
	caselessText           // e-mail addresses and ids: ignoring case
)

// sameValue reports whether TNZ's value b is the configured value a as
// TNZ may have rewritten it: e-mail addresses and ids ignore case, phone
// numbers compare their digits (a local 0 being New Zealand's 64).
func sameValue(kind fieldKind, a, b string) bool {
	switch kind {
	case caselessText:
		return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
	case phoneText:
		if da := phoneDigits(a); da != "" {
			return da == phoneDigits(b)
		}
	}
	return a == b
}

func phoneDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	d := b.String()
	switch {
	case strings.HasPrefix(d, "00"):
		return d[2:]
	case strings.HasPrefix(d, "0"):
		return "64" + d[1:]
	}
	return d
}

// sameDestination compares an opt-out's destinations: e-mail addresses
// ignoring case, phone numbers by their digits.
func sameDestination(a, b string) bool {
	if strings.Contains(a, "@") {
		return sameValue(caselessText, a, b)
	}
	return sameValue(phoneText, a, b)
}

// readValue is TNZ's value for an attribute whose prior value (config,
// plan or state) was prior: the prior spelling when TNZ's is the same
// value, null for an empty one, else TNZ's.
func readValue(kind fieldKind, prior types.String, got string) types.String {
	if !prior.IsNull() && !prior.IsUnknown() && sameValue(kind, prior.ValueString(), got) {
		return prior
	}
	return nullIfEmpty(got)
}

// nullIfEmpty is s, or null when s is empty.
func nullIfEmpty(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// objectString reads attribute name of an object (null when absent).
func objectString(obj types.Object, name string) types.String {
	if v, ok := obj.Attributes()[name].(types.String); ok {
		return v
	}
	return types.StringNull()
}

// objectWith returns obj with the given attributes replaced.
func objectWith(obj types.Object, set map[string]attr.Value, diags *diag.Diagnostics) types.Object {
	attrs := map[string]attr.Value{}
	for k, v := range obj.Attributes() {
		attrs[k] = v
	}
	for k, v := range set {
		attrs[k] = v
	}
	out, d := types.ObjectValue(obj.AttributeTypes(context.Background()), attrs)
	diags.Append(d...)
	return out
}

// unsupportedFields reports, at plan, fields the configured API version
// does not have: TNZ would ignore them and keep another record than
// configured.
func unsupportedFields(data *providerData, set []string, fieldsOf func(version string) []string, apiNames map[string]string, diags *diag.Diagnostics) {
	if data == nil || fieldsOf(data.apiVersion) == nil {
		return
	}
	have := fieldsOf(data.apiVersion)
	for _, attribute := range set {
		if !slices.Contains(have, apiNames[attribute]) {
			diags.AddAttributeError(path.Root(attribute), summaryRecordFieldVersion(attribute, data.apiVersion),
				detailRecordFieldVersion(attribute, data.apiVersion, otherVersion(data.apiVersion)))
		}
	}
}

// otherVersion is the Address Book version that is not v.
func otherVersion(v string) string {
	if v == tnz.V300 {
		return tnz.V204
	}
	return tnz.V300
}

// idPair splits an import id "<a>/<b>".
func idPair(id string) (string, string, bool) {
	a, b, ok := strings.Cut(strings.TrimSpace(id), "/")
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	return a, b, ok && a != "" && b != "" && !strings.Contains(b, "/")
}
