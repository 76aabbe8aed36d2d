# Call the on-call engineer when a database is replaced, and let them press 1
# to be put through to the incident bridge.
resource "tnz_tts" "database_replaced" {
  recipients        = ["+6421000001"]
  message_to_people = "The production database was replaced by Terraform. Press 1 to join the incident bridge, or 2 to hear this again."
  voice             = "Female1"

  keypads = [
    { tone = 1, route_number = "+6495006000" },
    { tone = 2, play_section = "Main" },
  ]
  keypad_option_required = true
  retry_attempts         = 2
  retry_period           = 5

  triggers = {
    database = var.database_id
  }
}

variable "database_id" {
  type    = string
  default = "db-7f3a"
}
