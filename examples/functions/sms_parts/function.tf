variable "release_message" {
  type    = string
  default = "Kia ora [[FirstName]], release [[Custom1]] is live in Tāmaki Makaurau 🚀"
}

# What the message costs for one destination: render fills the tokens first.
locals {
  release_sms = provider::tnz::sms_parts(provider::tnz::render(var.release_message, {
    first_name = "Aroha"
    custom1    = "v1.4.2"
  }))
}

output "release_sms" {
  value = local.release_sms
  # {
  #   encoding                  = "UCS-2"
  #   parts                     = 1
  #   characters                = 59
  #   ucs2_characters           = ["ā", "🚀"]
  #   with_character_conversion = { encoding = "GSM-7", parts = 1 }
  # }
}

# A warning at plan and apply when the notice would cost more than one SMS.
check "release_sms_is_one_part" {
  assert {
    condition     = local.release_sms.parts == 1
    error_message = "The release notice is ${local.release_sms.parts} SMS parts (${local.release_sms.encoding}, because of ${join(" ", local.release_sms.ucs2_characters)}); with character_conversion = true it would be ${local.release_sms.with_character_conversion.parts}."
  }
}
