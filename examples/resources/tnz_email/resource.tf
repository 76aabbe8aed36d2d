# E-mail the change-approval board when a production change is applied.
resource "tnz_email" "change_notice" {
  recipients    = ["change-board@example.com"]
  email_subject = "Production change ${var.change_id} applied"
  message_plain = "Change ${var.change_id} was applied by Terraform. The plan is attached."
  message_html  = "<p>Change <b>${var.change_id}</b> was applied by Terraform. The plan is attached.</p>"
  from          = "Terraform"
  reply_to      = "platform-team@example.com"

  files = [{
    name = "plan.txt"
    path = "${path.module}/plan.txt" # read at plan and apply; state keeps only its path and sha256
  }]

  triggers = {
    change = var.change_id
  }
}

variable "change_id" {
  type    = string
  default = "CHG-1042"
}
