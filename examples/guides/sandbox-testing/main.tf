# A module that tells the on-call team about a release.
terraform {
  required_providers {
    tnz = {
      source = "tnz-community/tnz"
    }
  }
}

variable "release" {
  type        = string
  description = "The release that went out, e.g. v1.4.2."
}

variable "on_call" {
  type        = list(string)
  description = "Mobile numbers of the on-call team."
}

resource "tnz_sms" "release_notice" {
  recipients = var.on_call
  message    = "Release ${var.release} is live."
  wait_for   = "completed" # apply waits until TNZ reports every recipient

  triggers = {
    release = var.release
  }
}

output "failed_recipients" {
  value = [for r in tnz_sms.release_notice.status.recipients : r.destination if r.status == "Failed"]
}
