package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
	"github.com/tnz-community/terraform-provider-tnz/internal/validators"
)

var (
	_ resource.ResourceWithImportState      = (*optOutResource)(nil)
	_ resource.ResourceWithModifyPlan       = (*optOutResource)(nil)
	_ resource.ResourceWithValidateConfig   = (*optOutResource)(nil)
	_ resource.ResourceWithConfigValidators = (*optOutResource)(nil)
)

// NewOptOutResource is tnz_optout: one entry of the opt-out list (API
// v3.00 only).
func NewOptOutResource() resource.Resource {
	return &optOutResource{recordResource[optOutModel, *optOutModel, tnz.OptOutFields, tnz.OptOut]{calls: optOutCalls}}
}

// optOutResource is tnz_optout; Create, Read, Update (the scope and texts:
// TNZ's PATCH with the whole entry), Delete (the destination is messaged
// again) and import by the entry's id are recordResource's.
type optOutResource struct {
	recordResource[optOutModel, *optOutModel, tnz.OptOutFields, tnz.OptOut]
}

var optOutCalls = recordCalls[tnz.OptOutFields, tnz.OptOut]{
	what: "opt-out", address: "tnz_optout",
	create: addressBookAPI.CreateOptOut, get: addressBookAPI.GetOptOut,
	update: addressBookAPI.UpdateOptOut, delete: addressBookAPI.DeleteOptOut,
}

type optOutModel struct {
	ID              types.String `tfsdk:"id"`
	Type            types.String `tfsdk:"type"`
	Destination     types.String `tfsdk:"destination"`
	ContactID       types.String `tfsdk:"contact_id"`
	SubAccount      types.String `tfsdk:"sub_account"`
	Department      types.String `tfsdk:"department"`
	StopMessage     types.String `tfsdk:"stop_message"`
	Notes           types.String `tfsdk:"notes"`
	OriginalMessage types.String `tfsdk:"original_message"`
	CreatedTime     types.String `tfsdk:"created_time"`
}

// Opt-out attribute descriptions, shared with the tnz_optouts data source.
var optOutDescriptions = map[string]string{
	"id":               "TNZ's id of the entry (a UUID).",
	"type":             "The channel it blocks: `SMS`, `Email`, `Voice` (also TTS) or `Fax`. (TNZ may call SMS `Text` and Voice `Speech`; they are the same.)",
	"destination":      "The blocked address: a phone number in E.164 (`+6421000001`) for SMS, Voice and Fax, an e-mail address for Email (up to 60 characters). Set this or `contact_id`.",
	"contact_id":       "The blocked Address Book contact (a `tnz_contact`'s `id`). Set this or `destination`.",
	"sub_account":      "Block only sends of this sub-account (up to 60 characters). Unset: every sub-account.",
	"department":       "Block only sends of this department (up to 60 characters). Unset: every department.",
	"stop_message":     "The opt-out message received, e.g. `STOP` (up to 1000 characters).",
	"notes":            "Free-form notes (up to 1000 characters).",
	"original_message": "The message the opt-out answered, when TNZ recorded one.",
	"created_time":     "When the entry was created (UTC, RFC 3339).",
}

func (r *optOutResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_optout"
}

func (r *optOutResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	text := func(name string, max int) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, MarkdownDescription: optOutDescriptions[name],
			Validators: []validator.String{stringvalidator.LengthBetween(1, max)}}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "An entry of TNZ's opt-out list: sends to the destination (or contact) on that channel are still accepted, " +
			"but that recipient is not messaged and its result is `Destination is blacklisted`. " +
			"The scope (`sub_account`, `department`) and the texts are updated in place; a new type or destination replaces the entry. " +
			"API v3.00 only.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: optOutDescriptions["id"], PlanModifiers: keep},
			"type": schema.StringAttribute{Required: true, MarkdownDescription: optOutDescriptions["type"], PlanModifiers: replace,
				Validators: []validator.String{stringvalidator.OneOf(tnz.OptOutTypes...)}},
			"destination": schema.StringAttribute{Optional: true, MarkdownDescription: optOutDescriptions["destination"], PlanModifiers: replace,
				Validators: []validator.String{stringvalidator.LengthBetween(1, 60)}},
			"contact_id": schema.StringAttribute{Optional: true, MarkdownDescription: optOutDescriptions["contact_id"], PlanModifiers: replace,
				Validators: []validator.String{validators.UUID()}},
			"sub_account":      text("sub_account", 60),
			"department":       text("department", 60),
			"stop_message":     text("stop_message", 1000),
			"notes":            text("notes", 1000),
			"original_message": schema.StringAttribute{Computed: true, MarkdownDescription: optOutDescriptions["original_message"], PlanModifiers: keep},
			"created_time":     schema.StringAttribute{Computed: true, MarkdownDescription: optOutDescriptions["created_time"], PlanModifiers: keep},
		},
	}
}

func (r *optOutResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{
		resourcevalidator.ExactlyOneOf(path.MatchRoot("destination"), path.MatchRoot("contact_id")),
	}
}

// ValidateConfig checks the destination's format for its type: E.164 for
// phone channels (TNZ keeps opt-out numbers so), an e-mail address for
// Email.
func (r *optOutResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m optOutModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || m.Type.IsUnknown() || m.Type.IsNull() {
		return
	}
	format := validators.E164()
	if m.Type.ValueString() == tnz.OptOutEmail {
		format = validators.EmailAddress()
	}
	check := &validator.StringResponse{}
	format.ValidateString(ctx, validator.StringRequest{Path: path.Root("destination"), ConfigValue: m.Destination}, check)
	resp.Diagnostics.Append(check.Diagnostics...)
}

func (r *optOutResource) ModifyPlan(_ context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	checkRecordVersion(r.data, tnz.SupportsOptOuts, r.calls.address, &resp.Diagnostics)
}

func (m *optOutModel) recordID() string { return m.ID.ValueString() }

func (m *optOutModel) fields() tnz.OptOutFields {
	return tnz.OptOutFields{
		DestType:    m.Type.ValueString(),
		Destination: m.Destination.ValueString(),
		ContactID:   m.ContactID.ValueString(),
		SubAccount:  m.SubAccount.ValueString(),
		Department:  m.Department.ValueString(),
		StopMessage: m.StopMessage.ValueString(),
		Notes:       m.Notes.ValueString(),
	}
}

// read sets m from o, keeping m's spelling where TNZ's is the same (Text
// for SMS, Speech for Voice; phone numbers by their digits).
func (m *optOutModel) read(o *tnz.OptOut) {
	m.ID = types.StringValue(o.ID)
	if m.Type.IsNull() || m.Type.IsUnknown() || !tnz.SameOptOutType(m.Type.ValueString(), o.DestType) {
		m.Type = nullIfEmpty(tnz.CanonicalOptOutType(o.DestType))
	}
	if d := m.Destination; d.IsNull() || d.IsUnknown() || !sameDestination(d.ValueString(), o.Destination) {
		m.Destination = nullIfEmpty(o.Destination)
	}
	m.ContactID = readValue(caselessText, m.ContactID, o.ContactID)
	m.SubAccount = readValue(plainText, m.SubAccount, o.SubAccount)
	m.Department = readValue(plainText, m.Department, o.Department)
	m.StopMessage = readValue(plainText, m.StopMessage, o.StopMessage)
	m.Notes = readValue(plainText, m.Notes, o.Notes)
	m.OriginalMessage = nullIfEmpty(o.OriginalMessage)
	m.CreatedTime = nullIfEmpty(o.CreatedTimeUTC)
}
