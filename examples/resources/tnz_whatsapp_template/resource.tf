terraform {
  required_providers {
    tnz = { source = "tnz-community/tnz" }
  }
}

# The approved template, the sender and the fallback, once; each send picks
# the recipients and the text for those inside their conversation window.
resource "tnz_whatsapp_template" "renewal" {
  template_id   = "123e4567-e89b-12d3-a456-426614174000"
  from_number   = "+6495006000"
  fallback_mode = "SMS"
}

resource "tnz_whatsapp" "renewal_aroha" {
  destinations = [{ recipient = "+6421000001", first_name = "Aroha" }]
  message      = "Kia ora [[FirstName]], your plan renews next week."
  template     = tnz_whatsapp_template.renewal
}
