# Tell the on-call people when a release goes out. The SMS is sent once on
# apply and again only when the release changes (see triggers).

terraform {
  required_providers {
    tnz = {
      source = "tnz-community/tnz"
    }
  }
}

# Credentials and endpoint come from TNZ_AUTH_TOKEN and TNZ_API_URL.
provider "tnz" {}

# Stands in for whatever infrastructure the release changes.
resource "terraform_data" "release" {
  input = "v1.4.2"
}

resource "tnz_sms" "on_call" {
  recipients = ["+6421000001", "021 555 0199"]
  message    = "Release ${terraform_data.release.output} is rolling out to production."
  reference  = "release"

  triggers = {
    release = terraform_data.release.output
  }
}

output "message_id" {
  value = tnz_sms.on_call.message_id
}

output "status" {
  value = tnz_sms.on_call.status
}
