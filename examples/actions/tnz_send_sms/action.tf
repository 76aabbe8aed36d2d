terraform {
  required_providers {
    tnz = { source = "tnz-community/tnz" }
  }
}

# Text the on-call team each time a release goes out (Terraform 1.14 or
# later). Nothing is kept in state: every creation or change of
# terraform_data.release sends one SMS, and nothing else does.
# Send it by hand with: terraform apply -invoke=action.tnz_send_sms.release_notice
action "tnz_send_sms" "release_notice" {
  config {
    destinations = [
      { recipient = "+6421000001", first_name = "Aroha" },
      { group_code = "Oncall_Team" },
    ]
    message   = "Kia ora [[FirstName]], release ${var.release} is live."
    reference = "release-${var.release}"
  }
}

resource "terraform_data" "release" {
  input = var.release

  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [action.tnz_send_sms.release_notice]
    }
  }
}

variable "release" {
  type    = string
  default = "v1.4.2"
}
