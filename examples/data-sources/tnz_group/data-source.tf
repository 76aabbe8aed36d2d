# A group kept in the TNZ Dashboard, by its code.
data "tnz_group" "oncall" {
  group_code = "Oncall_Team"
}

resource "tnz_sms" "page" {
  destinations = [{ group_id = data.tnz_group.oncall.id }]
  message      = "Kia ora [[FirstName]], the nightly backup failed."
}
