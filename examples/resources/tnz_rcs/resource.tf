terraform {
  required_providers {
    tnz = { source = "tnz-community/tnz" }
  }
}

# Tell customers abroad that an outage is over, by RCS. TNZ documents RCS as
# unsupported in New Zealand and Australia: those numbers (and any without
# RCS) get the message by SMS.
resource "tnz_rcs" "outage_over" {
  destinations = [
    { recipient = "+447700900001", first_name = "Amy" },
    { recipient = "+6421000001", first_name = "Aroha" },
  ]

  message         = "Hi [[FirstName]], the outage is over. Reply at [[REPLY]]."
  from_number     = "61408080909"
  sms_email_reply = "replies@example.com"
  fallback_mode   = "SMS"
}
