# The on-call team. Sends reach every member by group_id, or by group_code.
resource "tnz_group" "oncall" {
  group_name   = "On-call"
  department   = "Platform"
  view_edit_by = "Department"
}

output "oncall_group_code" {
  value = tnz_group.oncall.group_code
}
