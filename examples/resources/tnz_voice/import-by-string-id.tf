# Adopt a message sent outside Terraform, by its channel and message id.
import {
  to = tnz_voice.evacuation_drill
  id = "voice/d3f1b2a4c5e6"
}
