# Adopt a message sent outside Terraform, by its channel and message id.
terraform import tnz_voice.evacuation_drill voice/d3f1b2a4c5e6
