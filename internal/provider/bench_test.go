package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// BenchmarkSMSPlanPath is what the provider does for one tnz_sms on each
// Terraform call of a plan or refresh, without the plugin protocol:
// ValidateConfig and ModifyPlan (read the configuration with its template,
// build the API message, run the rejection checks), and Read (one status
// from a fake API into state). `make bench` runs it; the Terraform-level
// numbers are internal/bench's.
func BenchmarkSMSPlanPath(b *testing.B) {
	ctx := context.Background()
	api := &fakeAPI{status: &tnz.Status{JobStatus: tnz.JobCompleted, Count: 1, Complete: 1, Success: 1,
		Recipients: []tnz.RecipientStatus{{Destination: "+6421000001", Status: "Success", Result: "Delivered"}}}}
	r := newSMS(api)
	plan := smsPlan(b, "Benchmark message 1", "+6421000001")
	config := smsConfigValue(b, "Benchmark message 1", "+6421000001")
	noState := tfsdk.State{Schema: plan.Schema, Raw: tftypes.NewValue(plan.Schema.Type().TerraformType(ctx), nil)}
	// Create from the plan ModifyPlan makes, as Terraform does, so that the
	// state holds the planned estimate and destination count.
	modified := resource.ModifyPlanResponse{Plan: plan}
	r.ModifyPlan(ctx, resource.ModifyPlanRequest{Config: config, Plan: plan, State: noState}, &modified)
	created := resource.CreateResponse{State: tfsdk.State{Schema: plan.Schema}}
	r.Create(ctx, resource.CreateRequest{Plan: modified.Plan}, &created)
	if modified.Diagnostics.HasError() || created.Diagnostics.HasError() {
		b.Fatalf("plan: %v, create: %v", modified.Diagnostics, created.Diagnostics)
	}
	state := created.State

	b.Run("ValidateConfig", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var resp resource.ValidateConfigResponse
			r.ValidateConfig(ctx, resource.ValidateConfigRequest{Config: config}, &resp)
			if resp.Diagnostics.HasError() {
				b.Fatal(resp.Diagnostics)
			}
		}
	})
	b.Run("ModifyPlan/create", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			resp := resource.ModifyPlanResponse{Plan: plan}
			r.ModifyPlan(ctx, resource.ModifyPlanRequest{Config: config, Plan: plan, State: noState}, &resp)
			if resp.Diagnostics.HasError() {
				b.Fatal(resp.Diagnostics)
			}
		}
	})
	b.Run("ModifyPlan/unchanged", func(b *testing.B) {
		// After a refresh Terraform plans the prior state for an unchanged
		// configuration.
		planned := tfsdk.Plan{Schema: state.Schema, Raw: state.Raw.Copy()}
		b.ReportAllocs()
		for b.Loop() {
			resp := resource.ModifyPlanResponse{Plan: planned}
			r.ModifyPlan(ctx, resource.ModifyPlanRequest{Config: config, Plan: planned, State: state}, &resp)
			if resp.Diagnostics.HasError() || len(resp.RequiresReplace) != 0 {
				b.Fatalf("diagnostics %v, replace %v", resp.Diagnostics, resp.RequiresReplace)
			}
		}
	})
	b.Run("Read", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			resp := resource.ReadResponse{State: state}
			r.Read(ctx, resource.ReadRequest{State: state}, &resp)
			if resp.Diagnostics.HasError() {
				b.Fatal(resp.Diagnostics)
			}
		}
	})
}

// smsConfigValue is the configuration behind smsPlan's plan: the same values
// with the computed attributes null, as Terraform sends it.
func smsConfigValue(tb testing.TB, message string, recipients ...string) tfsdk.Config {
	tb.Helper()
	plan := smsPlan(tb, message, recipients...)
	var m smsModel
	if d := plan.Get(context.Background(), &m); d.HasError() {
		tb.Fatalf("plan: %v", d)
	}
	null := nullSMSModel(smsSchema(tb).Schema)
	m.ID, m.MessageID, m.Status = null.ID, null.MessageID, null.Status
	if d := plan.Set(context.Background(), &m); d.HasError() {
		tb.Fatalf("config: %v", d)
	}
	return tfsdk.Config(plan)
}
