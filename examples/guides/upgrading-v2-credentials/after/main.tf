# After: an Auth Token from the TNZ Dashboard in TNZ_AUTH_TOKEN, and API v3.00.
# The resources do not change, so nothing is sent again.
terraform {
  required_providers {
    tnz = {
      source = "tnz-community/tnz"
    }
  }
}

provider "tnz" {}

resource "tnz_sms" "release_notice" {
  recipients = ["+6421000001"]
  message    = "Release v1.4.2 is live."
  wait_for   = "completed"
}
