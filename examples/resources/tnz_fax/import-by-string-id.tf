# Adopt a message sent outside Terraform, by its channel and message id.
import {
  to = tnz_fax.signed_form
  id = "fax/d3f1b2a4c5e6"
}
