# Manage a group made in the TNZ Dashboard, by its GroupID.
import {
  to = tnz_group.oncall
  id = "9000000a-f002-4007-b00a-d00000000001"
}
