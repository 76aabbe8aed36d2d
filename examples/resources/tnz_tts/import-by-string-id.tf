# Adopt a message sent outside Terraform, by its channel and message id.
import {
  to = tnz_tts.database_replaced
  id = "tts/d3f1b2a4c5e6"
}
