resource "tnz_voice_template" "drill" {
  message_to_people = filebase64("${path.module}/announcement.wav")
}

resource "tnz_voice" "site_team" {
  recipients = ["+6495006000"]
  template   = tnz_voice_template.drill
}
