# A mistake that `terraform plan` catches before anything is sent: TNZ only
# calls back to https:// webhooks and rejects a plain http:// URL.

terraform {
  required_providers {
    tnz = {
      source = "tnz-community/tnz"
    }
  }
}

# Credentials and endpoint come from TNZ_AUTH_TOKEN and TNZ_API_URL.
provider "tnz" {}

resource "tnz_sms" "deploy_alert" {
  recipients = ["+6421000001"]
  message    = "Deployment finished"

  # Rejected by TNZ: "WebhookCallbackURL must start with https://".
  webhook_callback_url = "http://hooks.example.com/tnz/status"
}
