# Adopt a message sent outside Terraform, by its channel and message id.
import {
  to = tnz_email.change_notice
  id = "email/d3f1b2a4c5e6"
}
