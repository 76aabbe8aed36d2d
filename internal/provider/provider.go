package provider

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/rejection"
	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
	"github.com/tnz-community/terraform-provider-tnz/internal/validators"
)

// Environment variables read when the provider block leaves an attribute unset.
const (
	envAuthToken = "TNZ_AUTH_TOKEN"
	envSender    = "TNZ_SENDER"
	envAPIKey    = "TNZ_API_KEY"
	envBaseURL   = "TNZ_API_URL"
)

const (
	defaultRequestTimeout = 30 * time.Second
	defaultMaxRetries     = 3
	// defaultResendUnconfirmedAfter: TNZ answers "not found" for a job it is
	// still processing, and has been seen creating a job seconds after
	// answering 500. Ten minutes is a hundred times that, yet short enough
	// that the next day's run sends a message that never arrived.
	defaultResendUnconfirmedAfter = 10 * time.Minute
)

var (
	_ provider.Provider              = (*tnzProvider)(nil)
	_ provider.ProviderWithFunctions = (*tnzProvider)(nil)
	_ provider.ProviderWithActions   = (*tnzProvider)(nil)
)

// New returns the provider factory; version is set at build time.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &tnzProvider{version: version} }
}

type tnzProvider struct {
	version string
	// newAPI builds the client; tests replace it to inject their own.
	newAPI func(tnz.Config) (messageAPI, error)
	// serverChecksOnly turns the plan-time rejection checks off once the
	// provider is configured, so tests can show the server's own rejections
	// reaching the same diagnostics. Terraform re-validates with the final
	// values before apply, so otherwise the provider always answers first.
	serverChecksOnly bool
	// now is the clock given to resources; nil means time.Now. Tests
	// inject one to age unconfirmed sends.
	now func() time.Time
}

type providerModel struct {
	AuthToken      types.String `tfsdk:"auth_token"`
	Sender         types.String `tfsdk:"sender"`
	APIKey         types.String `tfsdk:"api_key"`
	BaseURL        types.String `tfsdk:"base_url"`
	APIVersion     types.String `tfsdk:"api_version"`
	ReportTo       types.String `tfsdk:"report_to"`
	RequestTimeout types.String `tfsdk:"request_timeout"`
	MaxRetries     types.Int64  `tfsdk:"max_retries"`
	// ResendUnconfirmedAfter is when an unconfirmed send is sent again.
	ResendUnconfirmedAfter types.String `tfsdk:"resend_unconfirmed_after"`
	// MaxRecipientsPerSend fails the plan of a send above it.
	MaxRecipientsPerSend types.Int64 `tfsdk:"max_recipients_per_send"`
}

// providerData is what resources receive from Configure.
type providerData struct {
	api              messageAPI
	addressBook      addressBookAPI // nil when the client has no Address Book calls (test fakes)
	apiVersion       string
	reportTo         string
	serverChecksOnly bool
	// resendUnconfirmedAfter: an unconfirmed send TNZ still does not know
	// this long after it was submitted is removed from state to be sent again.
	resendUnconfirmedAfter time.Duration
	// now is the clock; tests inject their own.
	now func() time.Time
	// maxRecipientsPerSend: a send naming more destinations fails its plan; 0 is no limit.
	maxRecipientsPerSend int64
}

func (p *tnzProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "tnz"
	resp.Version = p.version
}

func (p *tnzProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Send SMS, e-mail, fax, voice calls, WhatsApp and RCS messages and start workflows through TNZ Group's messaging REST API, with every documented rejection shown at plan time.",
		Attributes: map[string]schema.Attribute{
			"auth_token": schema.StringAttribute{
				Optional:            true,
				Sensitive:           true,
				MarkdownDescription: "Auth Token (a JWT) from the TNZ Dashboard, Users > API. Defaults to the `TNZ_AUTH_TOKEN` environment variable. Never stored in state or shown in logs.",
			},
			"sender": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Legacy credentials for API v2.02: the API user's e-mail address. Defaults to `TNZ_SENDER`. Use with `api_key`, instead of `auth_token`.",
			},
			"api_key": schema.StringAttribute{
				Optional:            true,
				Sensitive:           true,
				MarkdownDescription: "Legacy credentials for API v2.02: the API key of `sender`. Defaults to `TNZ_API_KEY`. Never stored in state or shown in logs.",
			},
			"base_url": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "API address. Defaults to `TNZ_API_URL`, then `https://api.tnz.co.nz`. Must be `https://`, except on loopback hosts (for the sandbox). A trailing `/api/v3.00` is accepted.",
			},
			"api_version": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "API version (wire format): `v3.00` (REST, `Authorization: Bearer`; the default with `auth_token`), `v2.04` (`MessageData` body, `Authorization: Basic` with `auth_token`) or `v2.02` (`MessageData` body with `sender` and `api_key`; the default with those).",
				Validators:          []validator.String{stringvalidator.OneOf(tnz.V300, tnz.V204, tnz.V202)},
			},
			"report_to": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Default e-mail address for delivery reports of every send that does not set its own `report_to`. WhatsApp, RCS and Workflow sends have no `report_to` and do not use it.",
			},
			"request_timeout": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Time limit for one HTTP request, e.g. `30s` (default).",
				Validators:          []validator.String{validators.Duration(time.Second, 10*time.Minute)},
			},
			"resend_unconfirmed_after": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "How long a message whose send was uncertain (the request may have reached TNZ, and TNZ does not know it yet) is kept before it is sent again, e.g. `10m` (default). " +
					"Every refresh asks TNZ about such a message; when TNZ still does not know it this long after it was submitted, the refresh removes it from state and the same plan sends it again. " +
					"Longer risks a message never arriving for longer; shorter risks sending twice what TNZ was only slow to record.",
				Validators: []validator.String{validators.Duration(time.Second, 7*24*time.Hour)},
			},
			"max_recipients_per_send": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "Fail the plan of any send that names more destinations than this (`destination_count`: recipients plus destinations, a group counting as one), " +
					"for pipelines that must never mass-send by mistake. Unset: no limit.",
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"max_retries": schema.Int64Attribute{
				Optional:            true,
				MarkdownDescription: "How often a failed request is retried (default 3). Sends are retried only when the request provably did not reach TNZ (or TNZ refused it with 429); after an ambiguous failure the message is looked up by its id and never submitted again.",
				Validators:          []validator.Int64{int64validator.Between(0, 10)},
			},
		},
	}
}

func (p *tnzProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}

	token, sender, apiKey, baseURL := stringOrEnv(cfg.AuthToken, envAuthToken), stringOrEnv(cfg.Sender, envSender), stringOrEnv(cfg.APIKey, envAPIKey), stringOrEnv(cfg.BaseURL, envBaseURL)
	if anyUnknown(cfg.AuthToken, cfg.Sender, cfg.APIKey, cfg.BaseURL, cfg.APIVersion, cfg.RequestTimeout, cfg.MaxRetries, cfg.ResendUnconfirmedAfter, cfg.MaxRecipientsPerSend) {
		return // resources still validate; the client is configured again at apply with known values
	}
	version, problems := tnz.CheckAuth(tnz.Config{AuthToken: token, Sender: sender, APIKey: apiKey, APIVersion: cfg.APIVersion.ValueString()})
	for _, p := range problems {
		addAuthProblem(p, &resp.Diagnostics)
	}
	if resp.Diagnostics.HasError() {
		return
	}

	timeout := defaultRequestTimeout
	if !cfg.RequestTimeout.IsNull() {
		timeout, _ = time.ParseDuration(cfg.RequestTimeout.ValueString()) // the validator checked it
	}
	retries := int64(defaultMaxRetries)
	if !cfg.MaxRetries.IsNull() {
		retries = cfg.MaxRetries.ValueInt64()
	}
	resendAfter := defaultResendUnconfirmedAfter
	if !cfg.ResendUnconfirmedAfter.IsNull() && !cfg.ResendUnconfirmedAfter.IsUnknown() {
		resendAfter, _ = time.ParseDuration(cfg.ResendUnconfirmedAfter.ValueString()) // the validator checked it
	}
	newAPI := p.newAPI
	if newAPI == nil {
		newAPI = func(c tnz.Config) (messageAPI, error) { return tnz.New(c) }
	}
	api, err := newAPI(tnz.Config{
		BaseURL:        baseURL,
		APIVersion:     version,
		AuthToken:      token,
		Sender:         sender,
		APIKey:         apiKey,
		UserAgent:      fmt.Sprintf("terraform-provider-tnz/%s Terraform/%s (+https://registry.terraform.io/providers/tnz-community/tnz)", p.version, req.TerraformVersion),
		RequestTimeout: timeout,
		MaxRetries:     int(retries),
	})
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("base_url"), summaryInvalidConfig, detailInvalidConfig(err))
		return
	}
	now := p.now
	if now == nil {
		now = time.Now
	}
	data := &providerData{
		api: api, apiVersion: version, reportTo: cfg.ReportTo.ValueString(), serverChecksOnly: p.serverChecksOnly,
		resendUnconfirmedAfter: resendAfter, now: now, maxRecipientsPerSend: cfg.MaxRecipientsPerSend.ValueInt64(),
	}
	data.addressBook, _ = api.(addressBookAPI) // the same *tnz.Client
	resp.ResourceData = data
	resp.DataSourceData = data
	resp.ActionData = data
}

// addAuthProblem reports a credential problem the client found
// (tnz.CheckAuth owns the rules): with TNZ's documented text where TNZ
// documents one, on the attribute to change.
func addAuthProblem(p tnz.AuthProblem, diags *diag.Diagnostics) {
	if row := rejection.ForAuth(p.Kind); row != nil {
		diags.AddAttributeError(path.Root(row.Attribute.Name()), row.Summary(0), row.Fix)
		return
	}
	switch p.Kind {
	case tnz.ConflictingCredentials:
		diags.AddAttributeError(path.Root("auth_token"), summaryConflictingCredentials, detailConflictingCredentials)
	case tnz.VersionNeedsSenderKey:
		diags.AddAttributeError(path.Root("api_version"), summaryVersionCredentials, detailVersionNeedsLegacy(p.Version))
	case tnz.VersionNeedsToken:
		diags.AddAttributeError(path.Root("api_version"), summaryVersionCredentials, detailVersionNeedsToken(p.Version))
	default:
		diags.AddError(summaryInvalidConfig, detailInvalidConfig(p))
	}
}

// stringOrEnv is the attribute's value, else the environment variable's.
func stringOrEnv(v types.String, env string) string {
	if !v.IsNull() {
		return strings.TrimSpace(v.ValueString())
	}
	return strings.TrimSpace(os.Getenv(env))
}

func anyUnknown(values ...attr.Value) bool {
	for _, v := range values {
		if v.IsUnknown() {
			return true
		}
	}
	return false
}

func (p *tnzProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		NewSMSResource, NewEmailResource, NewFaxResource, NewTTSResource, NewVoiceResource,
		NewSMSTemplateResource, NewEmailTemplateResource, NewFaxTemplateResource, NewTTSTemplateResource, NewVoiceTemplateResource,
		NewWhatsAppResource, NewRCSResource, NewWorkflowResource,
		NewWhatsAppTemplateResource, NewRCSTemplateResource, NewWorkflowTemplateResource,
		NewContactResource, NewGroupResource, NewGroupContactResource, NewOptOutResource,
	}
}

func (p *tnzProvider) Functions(context.Context) []func() function.Function {
	return []func() function.Function{NewRenderFunction, NewSMSPartsFunction}
}

func (p *tnzProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewMessageStatusDataSource, NewSMSReceivedDataSource,
		NewContactDataSource, NewGroupDataSource, NewGroupContactsDataSource, NewOptOutsDataSource,
	}
}

// Actions need Terraform 1.14 or later; older versions do not see them.
func (p *tnzProvider) Actions(context.Context) []func() action.Action {
	return []func() action.Action{
		NewSendSMSAction, NewSendEmailAction, NewSendFaxAction, NewSendTTSAction, NewSendVoiceAction,
		NewSendWhatsAppAction, NewSendRCSAction, NewSendWorkflowAction,
	}
}
