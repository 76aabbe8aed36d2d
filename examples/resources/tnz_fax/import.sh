# Adopt a message sent outside Terraform, by its channel and message id.
terraform import tnz_fax.signed_form fax/d3f1b2a4c5e6
