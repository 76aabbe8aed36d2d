resource "tnz_fax_template" "letterhead" {
  resolution = "High"
  csid       = "ACME OPS"
  files      = [{ name = "notice.pdf", path = "${path.module}/notice.pdf" }]
}

resource "tnz_fax" "site_office" {
  recipients = ["+6495006000"]
  template   = tnz_fax_template.letterhead
}
