terraform {
  required_providers {
    tnz = { source = "tnz-community/tnz" }
  }
}

# Call the on-call engineer when the database is replaced, and let them
# press 1 to join the incident bridge (Terraform 1.14 or later).
action "tnz_send_tts" "database_replaced" {
  config {
    recipients        = ["+6421000001"]
    message_to_people = "The production database ${var.database_id} was replaced by Terraform. Press 1 to join the incident bridge, or 2 to hear this again."
    voice             = "Female1"

    keypads = [
      { tone = 1, route_number = "+6495006000" },
      { tone = 2, play_section = "Main" },
    ]
    retry_attempts = 2
    retry_period   = 5
  }
}

resource "terraform_data" "database" {
  input = var.database_id

  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [action.tnz_send_tts.database_replaced]
    }
  }
}

variable "database_id" {
  type    = string
  default = "db-7f3a"
}
