terraform {
  required_providers {
    tnz = {
      source = "tnz-community/tnz"
    }
  }
}

# The endpoint and credentials come from the environment: TNZ_API_URL and
# TNZ_AUTH_TOKEN (first the sandbox's, then your own).
provider "tnz" {}

resource "tnz_sms" "hello" {
  recipients = ["+6421000001"]
  message    = "Kia ora from Terraform!"
  wait_for   = "completed" # apply waits until TNZ reports the delivery
}

output "job_status" {
  value = tnz_sms.hello.status.job_status
}

output "delivered" {
  value = tnz_sms.hello.status.success
}
