package provider

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
	"github.com/tnz-community/terraform-provider-tnz/internal/validators"
)

// contactField is one writable field of an Address Book contact: its
// attribute (the API name in snake_case), its API name, and what TNZ's
// OpenAPI file says of it (maximum length, format, options).
type contactField struct {
	attr, api   string
	description string
	max         int // for free text; options fields have none
	kind        fieldKind
	format      validator.String // nil: free text
	options     []string         // nil: any text
	// defaulted fields get a value from TNZ when none is given, so they
	// are Optional and Computed.
	defaulted bool
}

var accessOptions = []string{"Account", "SubAccount", "Department", "No"}

// contactFields are TNZ's Contact_Object fields in its order, with v2.04's
// DirectPhone. Which API versions have which is tnz.ContactFields'.
var contactFields = func() []contactField {
	phone := func(attr, api, what string) contactField {
		return contactField{attr: attr, api: api, description: what, max: 100, kind: phoneText, format: validators.PhoneNumber()}
	}
	text := func(attr, api, what string, max int) contactField {
		return contactField{attr: attr, api: api, description: what, max: max}
	}
	fs := []contactField{
		text("ex_type", "ExType", "External id type: a category for contacts kept by another system.", 20),
		text("ex_id", "ExID", "External id: the contact's id in another system, such as a CRM.", 100),
		{attr: "view_by", api: "ViewBy", description: "Who may view the contact: `Account`, `SubAccount`, `Department` or `No`. TNZ's default when unset.", options: accessOptions, defaulted: true},
		{attr: "edit_by", api: "EditBy", description: "Who may edit the contact: `Account`, `SubAccount`, `Department` or `No`. TNZ's default when unset.", options: accessOptions, defaulted: true},
		{attr: "access_control", api: "AccessControl", description: "`Granted` lets administrators view and edit the contact even with `view_by = \"No\"`; `Limited` does not. TNZ's default when unset.", options: []string{"Limited", "Granted"}, defaulted: true},
		text("attention", "Attention", "The contact's name as messages address it (personalisation and reports).", 200),
		{attr: "title", api: "Title", description: "Title: `Mr`, `Mrs`, `Ms`, `Miss`, `Dr`, `Prof` or `Hon`.", options: []string{"Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Hon"}},
		text("company", "Company", "Company name (personalisation and reports).", 100),
		text("recip_department", "RecipDepartment", "The contact's department within their company.", 100),
		text("first_name", "FirstName", "First name (personalisation: `[[FirstName]]`).", 100),
		text("last_name", "LastName", "Last name (personalisation: `[[LastName]]`).", 100),
		text("position", "Position", "Position within their company.", 100),
		text("street_address", "StreetAddress", "Street address.", 100),
		text("suburb", "Suburb", "Suburb.", 100),
		text("city", "City", "City.", 100),
		text("state", "State", "State or region.", 100),
		text("country", "Country", "Country (no fixed format).", 100),
		text("postcode", "Postcode", "Postal code (no fixed format).", 100),
		phone("main_phone", "MainPhone", "Main phone number, called by TTS and Voice messages."),
	}
	for i := 1; i <= 8; i++ {
		fs = append(fs, phone(fmt.Sprintf("alt_phone%d", i), fmt.Sprintf("AltPhone%d", i), "Alternative phone number, called when the main one fails (TTS and Voice)."))
	}
	fs = append(fs,
		phone("direct_phone", "DirectPhone", "Direct phone number."),
		phone("mobile_phone", "MobilePhone", "Mobile phone number, which SMS messages go to."),
		phone("fax_number", "FaxNumber", "Fax number, which faxes go to."),
		contactField{attr: "email_address", api: "EmailAddress", description: "E-mail address, which e-mails go to.", max: 100, kind: caselessText, format: validators.EmailAddress()},
		contactField{attr: "web_address", api: "WebAddress", description: "Website address, e.g. `https://www.example.com`.", max: 100, format: validators.AbsoluteURL()},
	)
	for i := 1; i <= 4; i++ {
		fs = append(fs, text(fmt.Sprintf("custom%d", i), fmt.Sprintf("Custom%d", i), fmt.Sprintf("Custom field %d (personalisation: `[[Custom%d]]`).", i, i), 100))
	}
	return append(fs, text("notes", "Notes", "Free-form notes.", 1000))
}()

// contactAPINames maps each field's attribute to its API name.
var contactAPINames = func() map[string]string {
	m := map[string]string{}
	for _, f := range contactFields {
		m[f.attr] = f.api
	}
	return m
}()

// versionNote says which API versions have an Address Book field.
func versionNote(api string) string {
	v3, v2 := slices.Contains(tnz.ContactFields(tnz.V300), api), slices.Contains(tnz.ContactFields(tnz.V204), api)
	switch {
	case v3 && !v2:
		return " API v3.00 only."
	case v2 && !v3:
		return " API v2.04 only."
	}
	return ""
}

// validators are the field's plan-time checks: not empty (omit it
// instead), its length, options and format.
func (f contactField) validators() []validator.String {
	if f.options != nil {
		return []validator.String{stringvalidator.OneOf(f.options...)}
	}
	vs := []validator.String{stringvalidator.LengthBetween(1, f.max)}
	if f.format != nil {
		vs = append(vs, f.format)
	}
	return vs
}

func (f contactField) markdown() string {
	if f.options != nil {
		return f.description + versionNote(f.api)
	}
	return fmt.Sprintf("%s Up to %d characters.%s", f.description, f.max, versionNote(f.api))
}

// Computed contact attributes, shared by the resource and the data sources.
var contactComputed = map[string]string{
	"owner":        "The TNZ user who created the contact.",
	"created_time": "When the contact was created (UTC, RFC 3339).",
	"updated_time": "When the contact was last changed (UTC, RFC 3339).",
}

// contactAttrTypes are the contact object's attributes: id, the fields and
// the computed ones.
func contactAttrTypes() map[string]attr.Type {
	m := map[string]attr.Type{"id": types.StringType}
	for _, f := range contactFields {
		m[f.attr] = types.StringType
	}
	for k := range contactComputed {
		m[k] = types.StringType
	}
	return m
}

// contactValues are the attribute values of c; prior (config, plan or
// state, or null) keeps its spelling where TNZ's value is the same.
func contactValues(c *tnz.Contact, prior types.Object) map[string]attr.Value {
	out := map[string]attr.Value{
		"id":           types.StringValue(c.ID),
		"owner":        nullIfEmpty(c.Owner),
		"created_time": nullIfEmpty(c.CreatedTimeUTC),
		"updated_time": nullIfEmpty(c.UpdatedTimeUTC),
	}
	for _, f := range contactFields {
		out[f.attr] = readValue(f.kind, objectString(prior, f.attr), c.Fields[f.api])
	}
	return out
}

var (
	_ resource.ResourceWithImportState = (*contactResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*contactResource)(nil)
)

// NewContactResource is tnz_contact: one Address Book contact.
func NewContactResource() resource.Resource { return &contactResource{} }

type contactResource struct{ recordBase }

func (r *contactResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_contact"
}

func (r *contactResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := map[string]schema.Attribute{
		"id": schema.StringAttribute{
			Computed:            true,
			MarkdownDescription: "TNZ's ContactID (a UUID). Use it as a send's `contact_id`, or in `tnz_group_contact`.",
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"owner": schema.StringAttribute{
			Computed: true, MarkdownDescription: contactComputed["owner"],
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"created_time": schema.StringAttribute{
			Computed: true, MarkdownDescription: contactComputed["created_time"],
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"updated_time": schema.StringAttribute{Computed: true, MarkdownDescription: contactComputed["updated_time"]},
	}
	for _, f := range contactFields {
		a := schema.StringAttribute{Optional: true, MarkdownDescription: f.markdown(), Validators: f.validators()}
		if f.defaulted {
			a.Computed = true
			a.PlanModifiers = []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
		}
		attrs[f.attr] = a
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "An Address Book contact. Sends reach it by `contact_id`, or through the groups it is in (`tnz_group_contact`). " +
			"Every field is updated in place; a contact deleted outside Terraform is created again. " +
			"Needs Address Book API access for the API user (TNZ Dashboard: Users > API user > API > Address Book API Access) and API v3.00 or v2.04.",
		Attributes: attrs,
	}
}

// setFields lists the fields the object sets (known and not null).
func setFields(obj types.Object) []string {
	var out []string
	for _, f := range contactFields {
		if v := objectString(obj, f.attr); !v.IsNull() && !v.IsUnknown() {
			out = append(out, f.attr)
		}
	}
	return out
}

// ModifyPlan refuses, at plan, a version without the Address Book and
// fields the configured version lacks.
func (r *contactResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() { // destroy
		return
	}
	checkRecordVersion(r.data, tnz.SupportsAddressBook, "tnz_contact", &resp.Diagnostics)
	var cfg types.Object
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	unsupportedFields(r.data, setFields(cfg), tnz.ContactFields, contactAPINames, &resp.Diagnostics)
}

func (r *contactResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan types.Object
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	api := r.api(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	fields := map[string]string{}
	for _, a := range setFields(plan) {
		fields[contactAPINames[a]] = objectString(plan, a).ValueString()
	}
	c, err := api.CreateContact(ctx, fields)
	if err != nil {
		reportRecordError(&resp.Diagnostics, "Creating", "contact", "tnz_contact", err)
		return
	}
	r.setState(ctx, c, plan, &resp.State, &resp.Diagnostics)
}

// setState stores c, keeping prior's spelling where TNZ's value is the same.
func (r *contactResource) setState(ctx context.Context, c *tnz.Contact, prior types.Object, state *tfsdk.State, diags *diag.Diagnostics) {
	diags.Append(state.Set(ctx, objectWith(prior, contactValues(c, prior), diags))...)
}

func (r *contactResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state types.Object
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	api := r.api(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectString(state, "id").ValueString()
	c, err := api.GetContact(ctx, id)
	switch {
	case tnz.IsNotFound(err):
		readGone(ctx, resp, "contact", id)
		return
	case err != nil:
		reportRecordError(&resp.Diagnostics, "Reading", "contact", "tnz_contact", err)
		return
	}
	r.setState(ctx, c, state, &resp.State, &resp.Diagnostics)
}

// Update sends the fields that changed (PATCH); a field removed from the
// configuration is cleared.
func (r *contactResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state types.Object
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	api := r.api(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	changes := map[string]string{}
	for _, f := range contactFields {
		p := objectString(plan, f.attr)
		if p.IsUnknown() || p.Equal(objectString(state, f.attr)) {
			continue
		}
		changes[f.api] = p.ValueString() // "" for null: cleared
	}
	id := objectString(state, "id").ValueString()
	var c *tnz.Contact
	var err error
	if len(changes) == 0 {
		c, err = api.GetContact(ctx, id)
	} else {
		c, err = api.UpdateContact(ctx, id, changes)
	}
	if err != nil {
		reportRecordError(&resp.Diagnostics, "Updating", "contact", "tnz_contact", err)
		return
	}
	r.setState(ctx, c, plan, &resp.State, &resp.Diagnostics)
}

// Delete deletes the contact; one already gone is fine.
func (r *contactResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state types.Object
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	api := r.api(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := api.DeleteContact(ctx, objectString(state, "id").ValueString()); err != nil && !tnz.IsNotFound(err) {
		reportRecordError(&resp.Diagnostics, "Deleting", "contact", "tnz_contact", err)
	}
}

// ImportState takes a ContactID; Read fills the rest.
func (r *contactResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}
