package schemajson

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func TestTypeSyntax(t *testing.T) {
	for want, typ := range map[string]tftypes.Type{
		`"string"`:               tftypes.String,
		`"dynamic"`:              tftypes.DynamicPseudoType,
		`["list","number"]`:      tftypes.List{ElementType: tftypes.Number},
		`["map",["set","bool"]]`: tftypes.Map{ElementType: tftypes.Set{ElementType: tftypes.Bool}},
		`["object",{"a":"string","b":["list","string"]}]`: tftypes.Object{AttributeTypes: map[string]tftypes.Type{"a": tftypes.String, "b": tftypes.List{ElementType: tftypes.String}}},
	} {
		syntax, err := typeSyntax(typ)
		got, _ := json.Marshal(syntax)
		if err != nil || string(got) != want {
			t.Errorf("typeSyntax(%s) = %s, %v; want %s", typ, got, err, want)
		}
	}
	if _, err := typeSyntax(tftypes.Object{AttributeTypes: map[string]tftypes.Type{"a": tftypes.String}, OptionalAttributes: map[string]struct{}{"a": {}}}); err == nil {
		t.Error("an object with optional attributes must be refused, not written without them")
	}
}

// fakeServer reports a fixed schema; Marshal calls nothing else.
type fakeServer struct {
	tfprotov6.ProviderServer
	resp *tfprotov6.GetProviderSchemaResponse
}

func (f fakeServer) GetProviderSchema(context.Context, *tfprotov6.GetProviderSchemaRequest) (*tfprotov6.GetProviderSchemaResponse, error) {
	return f.resp, nil
}

func TestMarshalRefusesWhatItCannotWrite(t *testing.T) {
	withBlock := &tfprotov6.Schema{Block: &tfprotov6.SchemaBlock{BlockTypes: []*tfprotov6.SchemaNestedBlock{{TypeName: "timeouts"}}}}
	cases := map[string]*tfprotov6.GetProviderSchemaResponse{
		"nested block": {ResourceSchemas: map[string]*tfprotov6.Schema{"x_thing": withBlock}},
		"error":        {Diagnostics: []*tfprotov6.Diagnostic{{Severity: tfprotov6.DiagnosticSeverityError, Summary: "broken schema"}}},
	}
	for name, resp := range cases {
		if _, err := Marshal(context.Background(), fakeServer{resp: resp}, "x"); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestMarshalActions(t *testing.T) {
	resp := &tfprotov6.GetProviderSchemaResponse{ActionSchemas: map[string]*tfprotov6.ActionSchema{"x_do": {Schema: &tfprotov6.Schema{Block: &tfprotov6.SchemaBlock{
		Description: "Does it.", DescriptionKind: tfprotov6.StringKindMarkdown,
		Attributes: []*tfprotov6.SchemaAttribute{{Name: "what", Type: tftypes.String, Optional: true}},
	}}}}}
	out, err := Marshal(context.Background(), fakeServer{resp: resp}, "x")
	want := `"action_schemas":{"x_do":{"block":{"attributes":{"what":{"type":"string","description_kind":"plain","optional":true}},"description":"Does it.","description_kind":"markdown"}}}`
	if err != nil || !strings.Contains(string(out), want) {
		t.Errorf("Marshal = %s, %v; want it to hold %s", out, err, want)
	}
}
