terraform {
  required_providers {
    tnz = { source = "tnz-community/tnz" }
  }
}

# One wording for every outage notice; each send picks the recipients.
resource "tnz_rcs_template" "outage" {
  message       = "Hi [[FirstName]], the outage is over."
  fallback_mode = "SMS"
}

resource "tnz_rcs" "outage_amy" {
  destinations = [{ recipient = "+447700900001", first_name = "Amy" }]
  template     = tnz_rcs_template.outage
}
