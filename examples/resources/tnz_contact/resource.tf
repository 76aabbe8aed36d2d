# An on-call engineer in the Address Book. Sends reach her by contact_id,
# or through the groups she is in (tnz_group_contact).
resource "tnz_contact" "aroha" {
  title         = "Ms"
  first_name    = "Aroha"
  last_name     = "Ngata"
  mobile_phone  = "+6421000001"
  email_address = "aroha@example.com"
  company       = "Example Ltd"
  custom1       = "Platform team"
}

output "aroha_contact_id" {
  value = tnz_contact.aroha.id
}
