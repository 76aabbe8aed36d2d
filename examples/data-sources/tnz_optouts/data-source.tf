# Everyone who replied STOP to an SMS in the last 30 days.
data "tnz_optouts" "recent_sms" {
  type        = "SMS"
  time_period = 30
}

output "opted_out_numbers" {
  value = [for o in data.tnz_optouts.recent_sms.optouts : o.destination]
}
