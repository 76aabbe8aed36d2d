package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
	"github.com/tnz-community/terraform-provider-tnz/internal/validators"
)

var (
	_ datasource.DataSourceWithConfigValidators = (*contactDataSource)(nil)
	_ datasource.DataSourceWithValidateConfig   = (*contactDataSource)(nil)
)

// NewContactDataSource is tnz_contact: one Address Book contact, by id or
// found by a search.
func NewContactDataSource() datasource.DataSource { return &contactDataSource{} }

type contactDataSource struct{ dataSourceBase }

// contactSearch are the attributes TNZ's contact search takes, with the
// query field each sets.
var contactSearch = []struct {
	attr string
	set  func(q *tnz.ContactQuery, v string)
}{
	{"email_address", func(q *tnz.ContactQuery, v string) { q.EmailAddress = v }},
	{"mobile_phone", func(q *tnz.ContactQuery, v string) { q.MobilePhone = v }},
	{"main_phone", func(q *tnz.ContactQuery, v string) { q.MainPhone = v }},
	{"attention", func(q *tnz.ContactQuery, v string) { q.Attention = v }},
	{"first_name", func(q *tnz.ContactQuery, v string) { q.FirstName = v }},
	{"last_name", func(q *tnz.ContactQuery, v string) { q.LastName = v }},
	{"company", func(q *tnz.ContactQuery, v string) { q.Company = v }},
}

func isSearchAttr(name string) bool {
	for _, s := range contactSearch {
		if s.attr == name {
			return true
		}
	}
	return false
}

func (d *contactDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_contact"
}

func (d *contactDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := contactDataAttributes()
	attrs["id"] = schema.StringAttribute{Optional: true, Computed: true,
		MarkdownDescription: "The contact's id (ContactID). Set it to read that contact, or leave it unset and search.",
		Validators:          []validator.String{validators.UUID()}}
	for _, f := range contactFields {
		if !isSearchAttr(f.attr) {
			continue
		}
		a := schema.StringAttribute{Optional: true, Computed: true,
			MarkdownDescription: f.description + " Set it to search by it: the contact must match exactly (ignoring case; phone numbers by their digits)."}
		if f.format != nil {
			a.Validators = []validator.String{f.format}
		}
		attrs[f.attr] = a
	}
	attrs["group_ids"] = schema.ListAttribute{Computed: true, ElementType: types.StringType,
		MarkdownDescription: "The ids of the groups the contact is in."}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads an Address Book contact by `id`, or finds the one contact whose " +
			"`email_address`, `mobile_phone`, `main_phone`, `attention`, `first_name`, `last_name` and `company` (those set) " +
			"match exactly; none or several is an error. Needs Address Book API access for the API user.",
		Attributes: attrs,
	}
}

// contactDataAttributes are every contact attribute, computed.
func contactDataAttributes() map[string]schema.Attribute {
	attrs := map[string]schema.Attribute{
		"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The contact's id (ContactID)."},
	}
	for _, f := range contactFields {
		attrs[f.attr] = schema.StringAttribute{Computed: true, MarkdownDescription: f.description}
	}
	for k, desc := range contactComputed {
		attrs[k] = schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	return attrs
}

func (d *contactDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	roots := []path.Expression{path.MatchRoot("id")}
	for _, s := range contactSearch {
		roots = append(roots, path.MatchRoot(s.attr))
	}
	return []datasource.ConfigValidator{datasourcevalidator.AtLeastOneOf(roots...)}
}

// ValidateConfig refuses an id together with search attributes.
func (d *contactDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	var cfg types.Object
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() || objectString(cfg, "id").IsNull() {
		return
	}
	for _, s := range contactSearch {
		if !objectString(cfg, s.attr).IsNull() {
			resp.Diagnostics.AddAttributeError(path.Root(s.attr), summaryContactIDAndSearch, detailContactIDAndSearch(s.attr))
		}
	}
}

func (d *contactDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg types.Object
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	api := d.addressBook(tnz.SupportsAddressBook, "tnz_contact", &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	var c *tnz.Contact
	if id := objectString(cfg, "id"); !id.IsNull() {
		var err error
		c, err = api.GetContact(ctx, id.ValueString())
		switch {
		case tnz.IsNotFound(err):
			resp.Diagnostics.AddAttributeError(path.Root("id"), summaryContactNotFound, detailRecordNotFound("contact", fmt.Sprintf("with id %q", id.ValueString()), err))
			return
		case err != nil:
			reportRecordError(&resp.Diagnostics, "Reading", "contact", "tnz_contact", err)
			return
		}
	} else if c = d.search(ctx, api, cfg, &resp.Diagnostics); c == nil {
		return
	}
	groups, err := api.ContactGroups(ctx, c.ID)
	if err != nil {
		reportRecordError(&resp.Diagnostics, "Reading", "contact's groups", "tnz_contact", err)
		return
	}
	var ids []attr.Value
	for _, g := range groups {
		ids = append(ids, types.StringValue(g.ID))
	}
	values := contactValues(c, cfg)
	values["group_ids"] = types.ListValueMust(types.StringType, ids)
	resp.Diagnostics.Append(resp.State.Set(ctx, objectWith(cfg, values, &resp.Diagnostics))...)
}

// search finds the one contact that matches every search attribute set:
// TNZ's search matches most fields partially, so its answers are kept
// only when they match exactly.
func (d *contactDataSource) search(ctx context.Context, api addressBookAPI, cfg types.Object, diags *diag.Diagnostics) *tnz.Contact {
	var q tnz.ContactQuery
	var terms []string
	want := map[string]string{}
	for _, s := range contactSearch {
		if v := objectString(cfg, s.attr); !v.IsNull() {
			s.set(&q, v.ValueString())
			want[contactAPINames[s.attr]] = v.ValueString()
			terms = append(terms, fmt.Sprintf("%s = %q", s.attr, v.ValueString()))
		}
	}
	found, err := api.SearchContacts(ctx, q)
	if err != nil {
		reportRecordError(diags, "Searching", "contacts", "tnz_contact", err)
		return nil
	}
	var matches []tnz.Contact
	var ids []string
	for _, c := range found {
		if contactMatchesExactly(c, want) {
			matches = append(matches, c)
			ids = append(ids, c.ID)
		}
	}
	query := strings.Join(terms, " and ")
	switch len(matches) {
	case 0:
		diags.AddError(summaryNoContactMatches, detailNoContactMatches(query))
		return nil
	case 1:
		return &matches[0]
	}
	diags.AddError(summaryContactsMatch, detailContactsMatch(len(matches), query, ids))
	return nil
}

// contactMatchesExactly compares by each field's kind, and names ignoring
// case.
func contactMatchesExactly(c tnz.Contact, want map[string]string) bool {
	for _, f := range contactFields {
		w, ok := want[f.api]
		if !ok {
			continue
		}
		kind := f.kind
		if kind == plainText {
			kind = caselessText
		}
		if !sameValue(kind, w, c.Fields[f.api]) {
			return false
		}
	}
	return true
}

// addressBook returns the configured Address Book API, or reports why
// there is none: the provider not configured yet, or a version without
// the data source's API (supported).
func (d *dataSourceBase) addressBook(supported func(string) bool, what string, diags *diag.Diagnostics) addressBookAPI {
	if !d.configured(diags) {
		return nil
	}
	checkRecordVersion(d.data, supported, what, diags)
	if diags.HasError() {
		return nil
	}
	if d.data.addressBook == nil {
		diags.AddError(summaryProviderNotConfigured, detailProviderNotConfigured)
		return nil
	}
	return d.data.addressBook
}
