package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// voiceSpec is what tnz_voice and tnz_voice_template share.
func voiceSpec() channelSpec {
	return channelSpec{
		channel:     tnz.Voice,
		description: "Places one call playing recorded audio through TNZ when created. Audio is base64 WAV (16-bit, 8000 Hz), e.g. `filebase64(\"greeting.wav\")`. Recipients are phone numbers.",
		attributes:  callAttributes("base64 WAV audio, e.g. `filebase64(\"greeting.wav\")`"),
	}
}

// NewVoiceResource is tnz_voice: one message, sent once.
func NewVoiceResource() resource.Resource {
	return &sendResource[voiceModel, *voiceModel]{spec: specOf(tnz.Voice)}
}

// NewVoiceTemplateResource is tnz_voice_template: reusable content, in state only.
func NewVoiceTemplateResource() resource.Resource {
	return &templateResource[voiceModel, *voiceModel]{spec: specOf(tnz.Voice)}
}

type voiceModel struct {
	callModel
}

func (m *voiceModel) toAPI([]tnz.File) tnz.Message {
	return &tnz.VoiceMessage{Call: m.callModel.toAPICall()}
}
