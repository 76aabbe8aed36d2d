resource "tnz_sms_template" "release" {
  message = "Kia ora [[FirstName]], release [[Custom1]] is live."
}

# Preview what one recipient will read.
output "preview" {
  value = provider::tnz::render(tnz_sms_template.release.message, {
    first_name = "Aroha"
    custom1    = "v1.4.2"
  })
  # "Kia ora Aroha, release v1.4.2 is live."
}
