terraform {
  required_providers {
    tnz = { source = "tnz-community/tnz" }
  }
}

# The workflow and its reporting settings, once; each send picks who it
# starts for.
resource "tnz_workflow_template" "onboarding" {
  workflow_template_id = "123e4567-e89b-12d3-a456-426614174000"
  notification_type    = "Webhook"
  webhook_callback_url = "https://hooks.example.com/tnz"
}

resource "tnz_workflow" "onboarding_ben" {
  recipients = ["ben@example.com"]
  template   = tnz_workflow_template.onboarding
}
