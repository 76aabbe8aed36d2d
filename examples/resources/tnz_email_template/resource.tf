resource "tnz_email_template" "change" {
  email_subject = "Production change applied"
  message_html  = "<p>Hello [[FirstName]], a production change was applied.</p>"
  from          = "Terraform"
  reply_to      = "platform-team@example.com"
}

resource "tnz_email" "change_board" {
  destinations = [{ recipient = "change-board@example.com", first_name = "Board" }]
  template     = tnz_email_template.change
  # A send's own attributes override the template's:
  email_subject = "Production change CHG-1042 applied"
}
