# Hemi asked not to get SMS any more. Sends to his number are still
# accepted, but he is not messaged: his result is "Destination is
# blacklisted". Opt-outs need API v3.00.
resource "tnz_optout" "hemi_sms" {
  type         = "SMS"
  destination  = "+6421000002"
  stop_message = "STOP"
  notes        = "Asked by phone, 2026-11-26"
}

# An opt-out may name an Address Book contact instead, and be limited to
# one sub-account.
resource "tnz_contact" "mere" {
  first_name    = "Mere"
  email_address = "mere@example.com"
}

resource "tnz_optout" "mere_marketing_email" {
  type        = "Email"
  contact_id  = tnz_contact.mere.id
  sub_account = "Marketing"
}
