terraform {
  required_providers {
    tnz = { source = "tnz-community/tnz" }
  }
}

# Remind customers of a renewal on WhatsApp. Outside their 24-hour
# conversation window they get the approved template (template_id); inside
# it, the text. Numbers without WhatsApp get the text by SMS instead.
resource "tnz_whatsapp" "renewal_reminder" {
  destinations = [
    { recipient = "+6421000001", first_name = "Aroha", custom1 = "Premium" },
    { recipient = "021 555 0100", first_name = "Ben", custom1 = "Basic" },
  ]

  template_id   = "123e4567-e89b-12d3-a456-426614174000"
  message       = "Kia ora [[FirstName]], your [[Custom1]] plan renews next week. Reply STOP to opt out."
  from_number   = "+6495006000"
  fallback_mode = "SMS"

  notification_type    = "Webhook"
  webhook_callback_url = "https://hooks.example.com/tnz"
}

# The channel that reached each recipient: "WhatsApp", or "SMS" where the
# fallback took over.
output "reached_by" {
  value = [for r in tnz_whatsapp.renewal_reminder.status.recipients : r.type]
}
