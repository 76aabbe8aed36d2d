# Tell the on-call team when a release goes out. The message is sent once on
# create; a new release (a change to triggers) sends it again.
resource "terraform_data" "release" {
  input = var.release
}

resource "tnz_sms" "release_notice" {
  recipients = ["+6421000001"]

  destinations = [
    {
      recipient  = "021 555 0100"
      first_name = "Aroha"
    },
    {
      group_code = "Oncall_Team"
    },
  ]

  message   = "Kia ora [[FirstName]], release ${terraform_data.release.output} is live."
  reference = "release-${terraform_data.release.output}"

  webhook_callback_url    = "https://hooks.example.com/tnz"
  webhook_callback_format = "JSON"

  triggers = {
    release = terraform_data.release.output
  }
}

variable "release" {
  type    = string
  default = "v1.4.2"
}

output "release_notice_status" {
  value = tnz_sms.release_notice.status.job_status
}
