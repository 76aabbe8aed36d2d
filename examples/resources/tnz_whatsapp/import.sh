# Adopt a WhatsApp message sent outside Terraform, by its message id.
terraform import tnz_whatsapp.example whatsapp/d3f1b2a4c5e6
