terraform {
  required_providers {
    tnz = {
      source = "tnz-community/tnz"
    }
  }
}

# Credentials come from the environment: export TNZ_AUTH_TOKEN=<token from the TNZ Dashboard>.
provider "tnz" {
  report_to       = "ops-reports@example.com"
  request_timeout = "30s"
  max_retries     = 3
}
