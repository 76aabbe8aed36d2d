# Adopt a message sent outside Terraform, by its message id.
terraform import tnz_fax.example fax/d3f1b2a4c5e6
