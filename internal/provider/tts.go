package provider

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// ttsSpec is what tnz_tts and tnz_tts_template share.
func ttsSpec() channelSpec {
	attrs := callAttributes("text, with tags such as `<speed:80>…</speed:80>`")
	attrs["voice"] = optionalString("The voice, e.g. `Female1` (default), `Male1`, `Nicole`, `Russell`, `Amy`, `Brian`, `Emma`, or a `Language-Accent@VoiceN` name.")
	// TNZ limits the spoken texts; the Voice channel's audio has no such limit.
	attrs["message_to_people"] = optionalString(attrs["message_to_people"].GetMarkdownDescription()+" Up to 5000 characters.", stringvalidator.LengthAtMost(5000))
	attrs["message_to_answerphones"] = optionalString(attrs["message_to_answerphones"].GetMarkdownDescription()+" Up to 10000 characters.", stringvalidator.LengthAtMost(10000))
	return channelSpec{
		channel:     tnz.TTS,
		description: "Places one text-to-speech call through TNZ when created. Recipients are phone numbers.",
		attributes:  attrs,
	}
}

// NewTTSResource is tnz_tts: one text-to-speech call, placed once.
func NewTTSResource() resource.Resource {
	return &sendResource[ttsModel, *ttsModel]{spec: specOf(tnz.TTS)}
}

// NewTTSTemplateResource is tnz_tts_template: reusable content, in state only.
func NewTTSTemplateResource() resource.Resource {
	return &templateResource[ttsModel, *ttsModel]{spec: specOf(tnz.TTS)}
}

type ttsModel struct {
	callModel
	Voice types.String `tfsdk:"voice"`
}

func (m *ttsModel) fromValues(v map[string]attr.Value) {
	m.callModel.fromValues(v)
	m.Voice = get[types.String](v, "voice")
}

func (m *ttsModel) toAPI([]tnz.File) tnz.Message {
	return &tnz.TTSMessage{Call: m.callModel.toAPICall(), Voice: m.Voice.ValueString()}
}
