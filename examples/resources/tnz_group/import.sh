# Manage a group made in the TNZ Dashboard, by its GroupID.
terraform import tnz_group.oncall 9000000a-f002-4007-b00a-d00000000001
