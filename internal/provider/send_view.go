package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tnz-community/terraform-provider-tnz/internal/rejection"
	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// A send as the checks and the builder see it: its own values with its
// template's filling the gaps, which of its values are unknown, and where a
// finding about the message belongs in the configuration.

// sendView is what readSend learns about a send besides its merged model.
type sendView struct {
	// own are the send's own attribute values, as configured or planned.
	own map[string]attr.Value
	// paths maps findings onto the send's attributes.
	paths sendPaths
	// unknown are the message's values unknown at plan (empty when all are known).
	unknown rejection.Unknowns
}

// getter is a configuration, plan or state.
type getter interface {
	Get(ctx context.Context, target any) diag.Diagnostics
}

// readSend reads a send (its configuration or plan, src with its raw value)
// into its channel model merged with its template. It reports a template
// that is not this channel's template resource.
func readSend[M any, P modelPointer[M]](ctx context.Context, ch tnz.Channel, src getter, raw tftypes.Value, diags *diag.Diagnostics) (*M, sendView) {
	var obj types.Object
	diags.Append(src.Get(ctx, &obj)...)
	if diags.HasError() {
		return nil, sendView{}
	}
	return readSendObject[M, P](ctx, ch, obj, raw.IsFullyKnown(), diags)
}

// readSendObject is readSend of a send already read, an object of the send
// resource's type (see sendObject); known says whether all of it is known.
func readSendObject[M any, P modelPointer[M]](ctx context.Context, ch tnz.Channel, obj types.Object, known bool, diags *diag.Diagnostics) (*M, sendView) {
	own := obj.Attributes()
	attrTypes := obj.AttributeTypes(ctx)
	merged, fromTemplate := withTemplate(ctx, ch, own, attrTypes, own["template"].(types.Dynamic), diags)
	if diags.HasError() {
		return nil, sendView{}
	}
	m := new(M)
	P(m).fromValues(merged)
	recipients := elements(merged["recipients"])
	view := sendView{
		own: own,
		paths: sendPaths{
			recipients:      len(recipients),
			hasDestinations: !merged["destinations"].IsNull(),
			fromTemplate:    fromTemplate,
		},
	}
	if !known {
		view.unknown = unknownPaths(merged, len(recipients))
	}
	return m, view
}

// sendObject is values as the send resource of ch holds them, for what has
// fewer attributes (a template, an action): every send attribute values
// lacks is null, and names the send does not have are left out.
func sendObject(ctx context.Context, ch tnz.Channel, values map[string]attr.Value, diags *diag.Diagnostics) types.Object {
	return conformObject(ctx, values, sendTypes[ch], diags)
}

// conformObject is values as an object of t: attributes t has and values
// lacks are null, and nested objects are conformed alike (an action's files
// have no computed sha256).
func conformObject(ctx context.Context, values map[string]attr.Value, t types.ObjectType, diags *diag.Diagnostics) types.Object {
	out := make(map[string]attr.Value, len(t.AttrTypes))
	for name, at := range t.AttrTypes {
		v, ok := values[name]
		if !ok {
			out[name] = nullOf(ctx, at)
			continue
		}
		out[name] = conform(ctx, v, at, diags)
	}
	obj, d := types.ObjectValue(t.AttrTypes, out)
	diags.Append(d...)
	return obj
}

// conform is v as a value of t: the same value, with the object attributes
// t has and v lacks null.
func conform(ctx context.Context, v attr.Value, t attr.Type, diags *diag.Diagnostics) attr.Value {
	switch {
	case v.Type(ctx).Equal(t):
		return v
	case v.IsNull():
		return nullOf(ctx, t)
	case v.IsUnknown():
		return unknownOf(ctx, t)
	}
	switch t := t.(type) {
	case types.ListType:
		elements := elements(v)
		out := make([]attr.Value, len(elements))
		for i, e := range elements {
			out[i] = conform(ctx, e, t.ElemType, diags)
		}
		list, d := types.ListValue(t.ElemType, out)
		diags.Append(d...)
		return list
	case types.ObjectType:
		obj, _ := v.(types.Object)
		return conformObject(ctx, obj.Attributes(), t, diags)
	}
	return v // types.ObjectValue reports the mismatch
}

// elements are a list's elements; none when it is null or unknown.
func elements(v attr.Value) []attr.Value {
	l, _ := v.(types.List)
	return l.Elements()
}

// unknownPaths lists, in the rejection table's terms, the message's values
// that are unknown, read from the values themselves.
func unknownPaths(values map[string]attr.Value, recipients int) rejection.Unknowns {
	u := rejection.Unknowns{}
	for name, v := range values {
		switch name {
		case "recipients", "destinations", "template", "status", "id", "timeouts", "triggers", "destination_count", "estimate":
			continue
		}
		addUnknown(u, rejection.Root(name), v)
	}
	destinations := rejection.Root("destinations")
	if values["recipients"].IsUnknown() || values["destinations"].IsUnknown() {
		u.Add(destinations) // the message cannot number its destinations
		return u
	}
	for i, e := range elements(values["recipients"]) {
		if e.IsUnknown() {
			u.Add(destinations.AtIndex(i))
		}
	}
	for i, e := range elements(values["destinations"]) {
		addUnknownElement(u, destinations.AtIndex(recipients+i), e)
	}
	return u
}

func addUnknown(u rejection.Unknowns, p rejection.Path, v attr.Value) {
	if v.IsUnknown() {
		u.Add(p)
		return
	}
	for i, e := range elements(v) {
		addUnknownElement(u, p.AtIndex(i), e)
	}
}

func addUnknownElement(u rejection.Unknowns, p rejection.Path, e attr.Value) {
	if e.IsUnknown() {
		u.Add(p)
		return
	}
	if obj, ok := e.(types.Object); ok {
		for field, v := range obj.Attributes() {
			if v.IsUnknown() {
				u.Add(p.AtName(field))
			}
		}
	}
}

// sendPaths maps the rejection table's paths, which number destinations as
// the message holds them (recipients first, then the destinations blocks),
// onto the send's own attributes.
type sendPaths struct {
	recipients      int  // how many entries recipients has
	hasDestinations bool // whether the destinations attribute is set
	// fromTemplate names the attributes whose values came from the template.
	fromTemplate map[string]bool
}

// attribute is where a finding about p belongs; ok is false when it
// concerns the call as a whole. Terraform can point at a list element's
// source but not at a field inside it, so paths stop at the element (the
// finding's summary names the field).
func (s sendPaths) attribute(p rejection.Path) (at path.Path, ok bool) {
	if p.IsZero() {
		return path.Empty(), false
	}
	name := p.Name()
	if s.fromTemplate[name] {
		return path.Root("template"), true
	}
	i, indexed := p.Index()
	if name == "destinations" {
		switch {
		case !indexed && (s.recipients > 0 || !s.hasDestinations):
			return path.Root("recipients"), true
		case !indexed:
			return path.Root("destinations"), true
		case i < s.recipients:
			return path.Root("recipients").AtListIndex(i), true
		default:
			return path.Root("destinations").AtListIndex(i - s.recipients), true
		}
	}
	at = path.Root(name)
	if indexed {
		at = at.AtListIndex(i)
	}
	return at, true
}
