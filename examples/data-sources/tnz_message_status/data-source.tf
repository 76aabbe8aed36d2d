# Track a message another system sent, by its id.
data "tnz_message_status" "deploy_script" {
  channel    = "sms"
  message_id = "deploy-2026-11-26"
}

output "delivered" {
  value = data.tnz_message_status.deploy_script.status.success
}
