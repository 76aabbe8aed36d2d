# Adopt a message sent outside Terraform, by its channel and message id.
import {
  to = tnz_sms.release_notice
  id = "sms/d3f1b2a4c5e6"
}
