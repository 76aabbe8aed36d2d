package provider

import (
	"context"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// fromValues reads every attribute of a send, exactly as the framework's
// reflection (ObjectValue.As) does: a field it forgot would be null.
func TestFromValuesReadsEveryAttribute(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		spec  channelSpec
		model func() channelModel
	}{
		{smsSpec(), func() channelModel { return new(smsModel) }},
		{emailSpec(), func() channelModel { return new(emailModel) }},
		{faxSpec(), func() channelModel { return new(faxModel) }},
		{ttsSpec(), func() channelModel { return new(ttsModel) }},
		{voiceSpec(), func() channelModel { return new(voiceModel) }},
		{whatsappSpec(), func() channelModel { return new(whatsappModel) }},
		{rcsSpec(), func() channelModel { return new(rcsModel) }},
		{workflowSpec(), func() channelModel { return new(workflowModel) }},
	} {
		t.Run(string(c.spec.channel), func(t *testing.T) {
			objType := sendTypes[c.spec.channel]
			// Every attribute unknown: not null, so a field left out shows.
			values := map[string]attr.Value{}
			for name, at := range objType.AttrTypes {
				values[name] = valueOf(ctx, at, tftypes.UnknownValue)
			}
			if len(c.spec.attributes) == 0 {
				t.Fatal("no channel attributes")
			}
			plain := c.model()
			plain.fromValues(values)
			viaReflection := c.model()
			obj := types.ObjectValueMust(objType.AttrTypes, values)
			if d := obj.As(ctx, viaReflection, basetypes.ObjectAsOptions{UnhandledUnknownAsEmpty: false}); d.HasError() {
				t.Fatal(d)
			}
			if !reflect.DeepEqual(plain, viaReflection) {
				t.Errorf("fromValues read\n%+v\nthe framework reads\n%+v", plain, viaReflection)
			}
		})
	}
}
