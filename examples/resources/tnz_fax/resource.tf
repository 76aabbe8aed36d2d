# Fax a signed document; a new version of the file on disk sends a new fax.
resource "tnz_fax" "signed_form" {
  recipients = ["+6495006000"]

  files = [{
    name = "signed-form.pdf"
    path = "${path.module}/signed-form.pdf"
  }]

  resolution     = "High"
  csid           = "ACME OPS"
  retry_attempts = 3
  retry_period   = 5
}
