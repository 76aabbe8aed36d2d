# Who a send to the on-call group reaches.
data "tnz_group_contacts" "oncall" {
  group_id = "9000000a-f002-4007-b00a-d00000000001"
}

output "oncall_mobiles" {
  value = [for c in data.tnz_group_contacts.oncall.contacts : c.mobile_phone if c.mobile_phone != null]
}
