# Play a recorded announcement (16-bit, 8000 Hz WAV) to the site team.
resource "tnz_voice" "evacuation_drill" {
  recipients              = ["+6495006000", "+6495006001"]
  message_to_people       = filebase64("${path.module}/announcement.wav")
  message_to_answerphones = filebase64("${path.module}/voicemail.wav")

  keypads = [
    { tone = 1, play = filebase64("${path.module}/details.wav") },
  ]
}
