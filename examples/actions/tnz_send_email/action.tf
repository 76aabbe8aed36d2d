terraform {
  required_providers {
    tnz = { source = "tnz-community/tnz" }
  }
}

# E-mail the change report when the production network changes, and wait
# until TNZ reports every recipient's outcome (Terraform 1.14 or later).
action "tnz_send_email" "change_report" {
  config {
    recipients    = ["ops@example.com", "change-board@example.com"]
    email_subject = "Network change ${var.change_id} applied"
    message_plain = "Change ${var.change_id} was applied to the production network by Terraform."
    message_html  = "<p>Change <b>${var.change_id}</b> was applied to the production network by Terraform.</p>"
    reply_to      = "noreply@example.com"

    wait_for = "completed"
    timeout  = "5m"
  }
}

resource "terraform_data" "network" {
  input = var.change_id

  lifecycle {
    action_trigger {
      events  = [after_update]
      actions = [action.tnz_send_email.change_report]
    }
  }
}

variable "change_id" {
  type    = string
  default = "CHG-1042"
}
