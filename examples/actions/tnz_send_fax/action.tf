terraform {
  required_providers {
    tnz = { source = "tnz-community/tnz" }
  }
}

# Fax the site office a notice each time the maintenance window changes
# (Terraform 1.14 or later).
action "tnz_send_fax" "maintenance_notice" {
  config {
    recipients = ["09 500 6000"]

    files = [{
      name    = "maintenance.txt"
      content = base64encode("Planned maintenance: ${var.window}. Systems may be unavailable.")
    }]

    csid           = "ACME OPS"
    retry_attempts = 3
    retry_period   = 5
  }
}

resource "terraform_data" "maintenance_window" {
  input = var.window

  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [action.tnz_send_fax.maintenance_notice]
    }
  }
}

variable "window" {
  type    = string
  default = "Saturday 22:00-23:00"
}
