# Adopt a message sent outside Terraform, by its channel and message id.
terraform import tnz_email.change_notice email/d3f1b2a4c5e6
