# Replies and other SMS received in the last hour.
data "tnz_sms_received" "last_hour" {
  time_period = 60
}

output "confirmations" {
  value = [for m in data.tnz_sms_received.last_hour.messages : m.from if upper(trimspace(m.message_text)) == "YES"]
}
