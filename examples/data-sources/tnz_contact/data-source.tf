# Find a contact kept in the TNZ Dashboard by e-mail address...
data "tnz_contact" "aroha" {
  email_address = "aroha@example.com"
}

# ...or read one by id.
data "tnz_contact" "by_id" {
  id = "8000000a-f002-4007-b00a-d00000000001"
}

output "aroha_mobile" {
  value = data.tnz_contact.aroha.mobile_phone
}

output "aroha_groups" {
  value = data.tnz_contact.aroha.group_ids
}
