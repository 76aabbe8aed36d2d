# Manage an opt-out entry (for example from a STOP reply) by its id.
import {
  to = tnz_optout.hemi_sms
  id = "7000000a-f002-4007-b00a-d00000000001"
}
