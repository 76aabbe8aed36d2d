package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// NewVoiceResource is tnz_voice: one call playing recorded audio, placed once.
func NewVoiceResource() resource.Resource {
	return &sendResource[voiceModel, *voiceModel]{spec: channelSpec{
		channel:     tnz.Voice,
		description: "Places one call playing recorded audio through TNZ when created. Audio is base64 WAV (16-bit, 8000 Hz), e.g. `filebase64(\"greeting.wav\")`. Recipients are phone numbers.",
		attributes:  callAttributes("base64 WAV audio, e.g. `filebase64(\"greeting.wav\")`"),
	}}
}

type voiceModel struct {
	callModel
}

func (m *voiceModel) message(ctx context.Context, k *known, diags *diag.Diagnostics) tnz.Message {
	return &tnz.VoiceMessage{Call: m.call(ctx, k, diags)}
}
