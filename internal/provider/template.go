package provider

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// A template holds a channel's content and settings (templatableAttributes)
// in state only. A send takes the template resource as a whole object in its
// template attribute; the send's own attributes override it field by field.

// templateAttribute is the send's template input: the template resource's
// object. Changing the template re-sends, like changing any content.
func templateAttribute(content map[string]schema.Attribute) schema.SingleNestedAttribute {
	attrs := map[string]schema.Attribute{
		"id": schema.StringAttribute{Optional: true, MarkdownDescription: "The template's digest."},
	}
	for name, a := range content {
		attrs[name] = inputOnly(a)
	}
	return schema.SingleNestedAttribute{
		Optional: true,
		MarkdownDescription: "A message template, given as the whole resource: `template = tnz_<channel>_template.<name>`. " +
			"Every attribute the send sets itself overrides the template's; the rest come from the template. Changing the template sends the message again.",
		Attributes:    attrs,
		PlanModifiers: []planmodifier.Object{replaceObject()},
	}
}

// inputOnly turns an attribute into one a configuration sets: no plan
// modifiers, and computed values (an attachment's sha256) become optional so
// that the template resource's object fits.
func inputOnly(a schema.Attribute) schema.Attribute {
	a = withoutPlanModifiers(a)
	switch a := a.(type) {
	case schema.StringAttribute:
		if a.Computed && !a.Optional {
			a.Computed, a.Optional = false, true
		}
		return a
	case schema.ListNestedAttribute:
		nested := map[string]schema.Attribute{}
		for name, n := range a.NestedObject.Attributes {
			nested[name] = inputOnly(n)
		}
		a.NestedObject.Attributes = nested
		return a
	}
	return a
}

// withoutPlanModifiers lets a template change in place: a template is state
// only, so nothing needs replacing.
func withoutPlanModifiers(a schema.Attribute) schema.Attribute {
	switch a := a.(type) {
	case schema.StringAttribute:
		a.PlanModifiers = nil
		return a
	case schema.BoolAttribute:
		a.PlanModifiers = nil
		return a
	case schema.Int64Attribute:
		a.PlanModifiers = nil
		return a
	case schema.ListAttribute:
		a.PlanModifiers = nil
		return a
	case schema.ListNestedAttribute:
		a.PlanModifiers = nil
		nested := map[string]schema.Attribute{}
		for name, n := range a.NestedObject.Attributes {
			nested[name] = withoutPlanModifiers(n)
		}
		a.NestedObject.Attributes = nested
		return a
	}
	panic(fmt.Sprintf("withoutPlanModifiers: unhandled attribute type %T", a))
}

// mergeTemplate fills every null attribute of model (a pointer to a channel
// model) that the template holds, and returns the names it filled. An
// unknown template makes those attributes unknown, so checks skip them.
func mergeTemplate(ctx context.Context, model any, template types.Object, diags *diag.Diagnostics) map[string]bool {
	filled := map[string]bool{}
	if template.IsNull() {
		return filled
	}
	values := template.Attributes()
	attrTypes := template.AttributeTypes(ctx)
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		for i := 0; i < v.NumField(); i++ {
			field, info := v.Field(i), v.Type().Field(i)
			if info.Anonymous {
				walk(field)
				continue
			}
			name := info.Tag.Get("tfsdk")
			t, templated := attrTypes[name]
			if !templated || name == "id" || !info.IsExported() {
				continue
			}
			if own, _ := field.Interface().(attr.Value); own != nil && !own.IsNull() {
				continue // the send's own value wins
			}
			value := values[name]
			if template.IsUnknown() {
				var err error
				value, err = t.ValueFromTerraform(ctx, tftypes.NewValue(t.TerraformType(ctx), tftypes.UnknownValue))
				if err != nil {
					diags.AddError(summaryTemplateMerge, err.Error())
					return
				}
			}
			if value == nil || value.IsNull() {
				continue
			}
			rv := reflect.ValueOf(value)
			if !rv.Type().AssignableTo(field.Type()) {
				diags.AddError(summaryTemplateMerge, fmt.Sprintf("template attribute %q is a %s, the send's is a %s", name, rv.Type(), field.Type()))
				continue
			}
			field.Set(rv)
			filled[name] = true
		}
	}
	walk(reflect.ValueOf(model).Elem())
	return filled
}

// templateDigest is a template's id: a SHA-256 of its content, so it is known
// at plan time and changes exactly when the content does. It is unknown while
// any of the content is.
func templateDigest(ctx context.Context, content types.Object, diags *diag.Diagnostics) types.String {
	values := content.Attributes()
	withoutID := map[string]attr.Value{}
	attrTypes := content.AttributeTypes(ctx)
	for name, v := range values {
		if name != "id" {
			withoutID[name] = v
		}
	}
	delete(attrTypes, "id")
	obj, d := types.ObjectValue(attrTypes, withoutID)
	diags.Append(d...)
	raw, err := obj.ToTerraformValue(ctx)
	if err != nil || !raw.IsFullyKnown() {
		return types.StringUnknown()
	}
	// msgpack encodes object attributes in name order: the same content
	// always gives the same bytes.
	encoded, err := tfprotov6.NewDynamicValue(obj.Type(ctx).TerraformType(ctx), raw)
	if err != nil {
		diags.AddError(summaryTemplateMerge, err.Error())
		return types.StringUnknown()
	}
	sum := sha256.Sum256(encoded.MsgPack)
	return types.StringValue(hex.EncodeToString(sum[:]))
}
