resource "tnz_tts_template" "incident" {
  message_to_people = "This is the incident line. Press 1 to join the bridge."
  voice             = "Female1"
  keypads           = [{ tone = 1, route_number = "+6495006000" }]
  retry_attempts    = 2
}

resource "tnz_tts" "on_call" {
  recipients = ["+6421000001"]
  template   = tnz_tts_template.incident
}
