terraform {
  required_providers {
    tnz = { source = "tnz-community/tnz" }
  }
}

# Start the onboarding workflow designed in the TNZ Dashboard for a new
# on-call engineer: each step of the workflow uses the address it needs.
# TNZ creates an Address Book contact for each new recipient.
resource "tnz_workflow" "onboarding" {
  workflow_template_id = "123e4567-e89b-12d3-a456-426614174000"

  destinations = [{
    first_name    = "Aroha"
    to_number     = "+6421000001"
    email_address = "aroha@example.com"
    main_phone    = "+6495006000"
  }]

  reference            = "onboarding-aroha"
  webhook_callback_url = "https://hooks.example.com/tnz"
}
