# Adopt a message sent outside Terraform, by its message id.
terraform import tnz_voice.example voice/d3f1b2a4c5e6
