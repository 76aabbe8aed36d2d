terraform {
  required_providers {
    tnz = { source = "tnz-community/tnz" }
  }
}

# Play a recorded announcement (16-bit, 8000 Hz WAV) to the site team when
# the drill schedule changes, or by hand (Terraform 1.14 or later):
#   terraform apply -invoke=action.tnz_send_voice.drill_announcement
action "tnz_send_voice" "drill_announcement" {
  config {
    recipients        = ["+6495006000", "+6495006001"]
    message_to_people = filebase64("${path.module}/announcement.wav")
  }
}

resource "terraform_data" "drill_schedule" {
  input = var.drill

  lifecycle {
    action_trigger {
      events  = [after_update]
      actions = [action.tnz_send_voice.drill_announcement]
    }
  }
}

variable "drill" {
  type    = string
  default = "Thursday 10:00"
}
