package tnz

import (
	"slices"
	"strings"
)

// Channel is a TNZ message type. Its value is the lowercase path segment the
// API uses for it (v3.00 `/api/v3.00/<channel>`, v2.0x `/send/<channel>`).
type Channel string

const (
	SMS   Channel = "sms"
	Email Channel = "email"
	Fax   Channel = "fax"
	TTS   Channel = "tts"
	Voice Channel = "voice"
	// WhatsApp, RCS and Workflow exist on API v3.00 only (TNZ's OpenAPI
	// file; the v2.0x SDKs and docs have none of them).
	WhatsApp Channel = "whatsapp"
	RCS      Channel = "rcs"
	Workflow Channel = "workflow"
)

// Channels lists every channel the client sends: the five of every API
// version, then the three of API v3.00 only.
var Channels = []Channel{SMS, Email, Fax, TTS, Voice, WhatsApp, RCS, Workflow}

// StatusChannels lists the channels whose messages have a status endpoint
// (GET /{channel}/{MessageID}) and so abort and reschedule: all but
// Workflow, which TNZ's OpenAPI file gives only POST /workflow.
var StatusChannels = []Channel{SMS, Email, Fax, TTS, Voice, WhatsApp, RCS}

// ReceivedChannels lists the channels with a list of received messages
// (GET /{channel}/received on v3.00; v2.0x has SMS's only).
var ReceivedChannels = []Channel{SMS, WhatsApp, RCS}

// v300OnlyChannels are the channels no v2.0x version has.
var v300OnlyChannels = []Channel{WhatsApp, RCS, Workflow}

// Title is the channel's name as TNZ writes it ("SMS", "Email", "TTS").
func (c Channel) Title() string {
	switch c {
	case SMS:
		return "SMS"
	case Email:
		return "Email"
	case Fax:
		return "Fax"
	case TTS:
		return "TTS"
	case Voice:
		return "Voice"
	case WhatsApp:
		return "WhatsApp"
	case RCS:
		return "RCS"
	case Workflow:
		return "Workflow"
	}
	return string(c)
}

// SupportedBy reports whether API version (V300, V204…) has the channel.
// Unsupported reports a message whose channel it is not.
func (c Channel) SupportedBy(version string) bool {
	return !isV2(version) || !slices.Contains(v300OnlyChannels, c)
}

// HasStatus reports whether the channel's messages have a status endpoint
// (StatusChannels).
func (c Channel) HasStatus() bool { return slices.Contains(StatusChannels, c) }

// HasReceived reports whether the channel has a received list
// (ReceivedChannels).
func (c Channel) HasReceived() bool { return slices.Contains(ReceivedChannels, c) }

// isV2 reports whether version is one of the v2.0x dialects.
func isV2(version string) bool { return strings.HasPrefix(version, "v2.") }
