# Before: the legacy credentials of API v2.02, the API user's e-mail address
# (sender) and its API key. The provider uses v2.02 when they are given.
terraform {
  required_providers {
    tnz = {
      source = "tnz-community/tnz"
    }
  }
}

variable "tnz_sender" {
  type = string
}

variable "tnz_api_key" {
  type      = string
  sensitive = true
}

provider "tnz" {
  sender  = var.tnz_sender
  api_key = var.tnz_api_key
}

resource "tnz_sms" "release_notice" {
  recipients = ["+6421000001"]
  message    = "Release v1.4.2 is live."
  wait_for   = "completed" # on v2.0x, rejected credentials show only here
}
