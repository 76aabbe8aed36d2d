# Adopt a message sent outside Terraform, by its channel and message id.
terraform import tnz_tts.database_replaced tts/d3f1b2a4c5e6
