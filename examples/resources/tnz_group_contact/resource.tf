variable "oncall" {
  description = "The on-call engineers: name => mobile number."
  type        = map(string)
  default = {
    Aroha = "+6421000001"
    Hemi  = "+6421000002"
  }
}

resource "tnz_contact" "oncall" {
  for_each     = var.oncall
  first_name   = each.key
  mobile_phone = each.value
}

resource "tnz_group" "oncall" {
  group_name = "On-call"
}

# One membership per engineer: adding a name to the variable adds a member,
# removing it takes the contact out of the group.
resource "tnz_group_contact" "oncall" {
  for_each   = tnz_contact.oncall
  group_id   = tnz_group.oncall.id
  contact_id = each.value.id
}
