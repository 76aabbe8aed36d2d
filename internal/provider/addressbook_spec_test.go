package provider

import (
	"context"
	"slices"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnzspec"
)

// The plan-time checks of the record resources are TNZ's OpenAPI file's:
// each field's maximum length, options and format.

func specSchema(t *testing.T, name string) *openapi3.Schema {
	t.Helper()
	sp, err := tnzspec.Load()
	if err != nil {
		t.Fatal(err)
	}
	ref := sp.Doc.Components.Schemas[name]
	if ref == nil || ref.Value == nil {
		t.Fatalf("the OpenAPI file has no %s", name)
	}
	return ref.Value
}

// specEnum is a property's enum as strings, without the empty one.
func specEnum(p *openapi3.Schema) []string {
	var out []string
	for _, e := range p.Enum {
		if s, ok := e.(string); ok && s != "" {
			out = append(out, s)
		}
	}
	return out
}

func TestContactFieldsFollowSpec(t *testing.T) {
	obj := specSchema(t, "Contact_Object")
	for _, f := range contactFields {
		ref := obj.Properties[f.api]
		if ref == nil {
			if f.api != "DirectPhone" { // v2.04's own field
				t.Errorf("%s: the OpenAPI file's Contact_Object has no %s", f.attr, f.api)
			}
			continue
		}
		p := ref.Value
		switch {
		case p.Enum != nil:
			if !slices.Equal(specEnum(p), f.options) {
				t.Errorf("%s: options %v, the OpenAPI file's enum %v", f.attr, f.options, p.Enum)
			}
		case p.MaxLength == nil:
			t.Errorf("%s: the OpenAPI file gives no maximum length; the provider checks %d", f.attr, f.max)
		case int(*p.MaxLength) != f.max:
			t.Errorf("%s: maximum length %d, the OpenAPI file's %d", f.attr, f.max, *p.MaxLength)
		}
		wantKind := map[string]fieldKind{"phone": phoneText, "email": caselessText}[p.Format]
		if f.kind != wantKind {
			t.Errorf("%s: the OpenAPI file's format %q, the provider compares it as kind %d", f.attr, p.Format, f.kind)
		}
		if (p.Format != "") != (f.format != nil) {
			t.Errorf("%s: the OpenAPI file's format %q, the provider's check %v", f.attr, p.Format, f.format)
		}
	}
	if got, want := len(contactFields), len(obj.Properties)+1; got != want {
		t.Errorf("the provider has %d contact fields, the OpenAPI file %d and DirectPhone", got, want-1)
	}
}

// stringChecks returns the validator descriptions of a resource's string
// attribute.
func stringChecks(t *testing.T, r resource.Resource, name string) []string {
	t.Helper()
	var resp resource.SchemaResponse
	r.Schema(context.Background(), resource.SchemaRequest{}, &resp)
	a, ok := resp.Schema.Attributes[name].(schema.StringAttribute)
	if !ok {
		t.Fatalf("no string attribute %s", name)
	}
	var out []string
	for _, v := range a.Validators {
		out = append(out, v.Description(context.Background()))
	}
	return out
}

func TestGroupAndOptOutChecksFollowSpec(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		r      resource.Resource
		schema string
		fields map[string]string // attribute -> the OpenAPI file property
	}{
		{NewGroupResource(), "Group_Object", map[string]string{"group_name": "GroupName", "sub_account": "SubAccount", "department": "Department",
			"view_edit_by": "ViewEditBy", "access_control": "AccessControl"}},
		{NewOptOutResource(), "OptOut_Object", map[string]string{"destination": "Destination", "sub_account": "SubAccount", "department": "Department",
			"stop_message": "StopMessage", "notes": "Notes"}},
	} {
		obj := specSchema(t, tc.schema)
		for attr, prop := range tc.fields {
			p := obj.Properties[prop].Value
			var want string
			switch {
			case p.Enum != nil:
				want = stringvalidator.OneOf(specEnum(p)...).Description(ctx)
			case p.MaxLength != nil:
				want = stringvalidator.LengthBetween(1, int(*p.MaxLength)).Description(ctx)
			default:
				t.Errorf("%s.%s: the OpenAPI file gives neither enum nor maximum length", tc.schema, prop)
				continue
			}
			if checks := stringChecks(t, tc.r, attr); !slices.Contains(checks, want) {
				t.Errorf("%s: checks %q, want the OpenAPI file's %q", attr, checks, want)
			}
		}
	}
}
