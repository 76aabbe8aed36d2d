// Command floorprovider is the smallest terraform-plugin-framework provider:
// one resource, floor_message, with one string attribute and no network.
// `make bench` compares the TNZ provider with it to tell the plugin
// protocol's own cost (the floor) from the provider's. It is built only by
// the benchmark (internal/bench) and is never released.
package main

import (
	"context"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// Address is where the benchmark's CLI configuration finds this provider.
const Address = "registry.terraform.io/tnz-bench/floor"

func main() {
	if err := providerserver.Serve(context.Background(), func() provider.Provider { return floorProvider{} }, providerserver.ServeOpts{Address: Address}); err != nil {
		log.Fatal(err)
	}
}

type floorProvider struct{}

func (floorProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "floor"
}

// Schema: the provider has no configuration.
func (floorProvider) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}

// Configure: nothing to configure.
func (floorProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (floorProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{func() resource.Resource { return message{} }}
}

// DataSources: none.
func (floorProvider) DataSources(context.Context) []func() datasource.DataSource { return nil }

// message is floor_message: its one attribute is stored as planned.
type message struct{}

func (message) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_message"
}

func (message) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{
		"input": schema.StringAttribute{Required: true},
	}}
}

func (message) Create(_ context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	resp.State.Raw = req.Plan.Raw
}

// Read: nothing outside Terraform holds the value.
func (message) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (message) Update(_ context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.State.Raw = req.Plan.Raw
}

// Delete: nothing to delete outside Terraform.
func (message) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}
