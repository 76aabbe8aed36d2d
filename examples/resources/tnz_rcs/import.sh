# Adopt an RCS message sent outside Terraform, by its message id.
terraform import tnz_rcs.example rcs/d3f1b2a4c5e6
