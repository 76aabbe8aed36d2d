package tnz

// Channel is a TNZ message type. Its value is the lowercase path segment the
// API uses for it (v3.00 `/api/v3.00/<channel>`, v2.0x `/send/<channel>`).
type Channel string

const (
	SMS   Channel = "sms"
	Email Channel = "email"
	Fax   Channel = "fax"
	TTS   Channel = "tts"
	Voice Channel = "voice"
)

// Channels lists every channel the provider sends, in documentation order.
var Channels = []Channel{SMS, Email, Fax, TTS, Voice}

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
	}
	return string(c)
}
