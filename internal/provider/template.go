package provider

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// A template holds a channel's content and settings (templatableAttributes)
// in state only. A send takes the template resource as a whole value in its
// template attribute, a dynamic attribute: the send's schema does not repeat
// the template's attributes. The send's own attributes override the
// template's, attribute by attribute.

// withTemplate returns the send's values with the template's filling every
// attribute the send leaves null, and the names it filled. It never changes
// own. A template that is not this channel's template resource is an error
// that says what to write. An unknown template makes the attributes it may
// fill unknown, so the checks skip them.
func withTemplate(ctx context.Context, ch tnz.Channel, own map[string]attr.Value, attrTypes map[string]attr.Type, template types.Dynamic, diags *diag.Diagnostics) (map[string]attr.Value, map[string]bool) {
	if template.IsNull() {
		return own, nil
	}
	merged := make(map[string]attr.Value, len(own))
	for name, v := range own {
		merged[name] = v
	}
	filled := map[string]bool{}
	if template.IsUnknown() || template.IsUnderlyingValueUnknown() {
		for name := range templatableNames[ch] {
			if own[name].IsNull() {
				merged[name] = unknownOf(ctx, attrTypes[name])
				filled[name] = true
			}
		}
		return merged, filled
	}
	content, ok := template.UnderlyingValue().(types.Object)
	if !ok {
		diags.AddAttributeError(path.Root("template"), summaryTemplateNotResource, detailTemplateNotResource(ch, template.UnderlyingValue().Type(ctx).String()))
		return own, nil
	}
	values := content.Attributes()
	channel, ok := values["channel"].(types.String)
	switch {
	case !ok:
		diags.AddAttributeError(path.Root("template"), summaryTemplateNotResource, detailTemplateNotResource(ch, "object without a channel"))
		return own, nil
	case !channel.IsUnknown() && channel.ValueString() != string(ch):
		diags.AddAttributeError(path.Root("template"), summaryTemplateChannel, detailTemplateChannel(ch, channel.ValueString()))
		return own, nil
	}
	for name, v := range values {
		if templateComputed[name] || v.IsNull() || !own[name].IsNull() {
			continue // the send's own value wins
		}
		if !templatableNames[ch][name] {
			diags.AddAttributeError(path.Root("template"), summaryTemplateNotResource, detailTemplateAttribute(ch, name))
			continue
		}
		// The template arrives as a dynamic value, with Terraform's types
		// (a number, not an int64): convert each value to the send's type.
		raw, err := v.ToTerraformValue(ctx)
		if err == nil {
			merged[name], err = attrTypes[name].ValueFromTerraform(ctx, raw)
		}
		if err != nil {
			diags.AddAttributeError(path.Root("template"), summaryTemplateNotResource, detailTemplateAttribute(ch, name))
			continue
		}
		filled[name] = true
	}
	return merged, filled
}

// templateComputed are the attributes a template computes, which a send
// does not take from it.
var templateComputed = map[string]bool{"id": true, "channel": true, "estimate": true}

// templatableNames are, by channel, the attributes a template may hold.
var templatableNames = func() map[tnz.Channel]map[string]bool {
	out := map[tnz.Channel]map[string]bool{}
	for _, spec := range channelSpecs {
		names := map[string]bool{}
		for name := range templatableAttributes(spec) {
			names[name] = true
		}
		out[spec.channel] = names
	}
	return out
}()

func unknownOf(ctx context.Context, t attr.Type) attr.Value {
	return valueOf(ctx, t, tftypes.UnknownValue)
}

func nullOf(ctx context.Context, t attr.Type) attr.Value {
	return valueOf(ctx, t, nil)
}

func valueOf(ctx context.Context, t attr.Type, v any) attr.Value {
	value, err := t.ValueFromTerraform(ctx, tftypes.NewValue(t.TerraformType(ctx), v))
	if err != nil {
		panic(err) // every attribute type has null and unknown values
	}
	return value
}

// localTemplateID matches this provider's template ids (SHA-256 digests);
// TNZ's Dashboard template ids are UUIDs.
var localTemplateID = regexp.MustCompile(`^[0-9a-f]{64}$`)

// templateDigest is a template's id: a SHA-256 of its content (every
// attribute but id and the estimate it computes), so it is known at plan time and changes exactly when
// the content does. It is unknown while any of the content is.
func templateDigest(ctx context.Context, values map[string]attr.Value, attrTypes map[string]attr.Type, diags *diag.Diagnostics) types.String {
	content := make(map[string]attr.Value, len(values))
	contentTypes := make(map[string]attr.Type, len(attrTypes))
	for name, v := range values {
		if name != "id" && name != "estimate" { // what the content determines
			content[name], contentTypes[name] = v, attrTypes[name]
		}
	}
	obj, d := types.ObjectValue(contentTypes, content)
	diags.Append(d...)
	raw, err := obj.ToTerraformValue(ctx)
	if err != nil || !raw.IsFullyKnown() {
		return types.StringUnknown()
	}
	// msgpack encodes object attributes in name order: the same content
	// always gives the same bytes.
	encoded, err := tfprotov6.NewDynamicValue(obj.Type(ctx).TerraformType(ctx), raw)
	if err != nil {
		diags.AddError(summaryTemplateDigest, err.Error())
		return types.StringUnknown()
	}
	sum := sha256.Sum256(encoded.MsgPack)
	return types.StringValue(hex.EncodeToString(sum[:]))
}
