# One wording for every release notice; each send picks the recipients.
resource "tnz_sms_template" "release" {
  message              = "Kia ora [[FirstName]], release [[Custom1]] is live."
  webhook_callback_url = "https://hooks.example.com/tnz"
  sub_account          = "platform"
}

resource "tnz_sms" "release_notice" {
  destinations = [{ recipient = "+6421000001", first_name = "Aroha", custom1 = "v1.4.2" }]
  template     = tnz_sms_template.release
}
