# Manage a contact made in the TNZ Dashboard, by its ContactID.
import {
  to = tnz_contact.aroha
  id = "8000000a-f002-4007-b00a-d00000000001"
}
