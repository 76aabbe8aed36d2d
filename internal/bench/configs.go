package bench

import (
	"fmt"
	"strings"
)

// A configuration is one Terraform working directory's main.tf, and what
// applying it must do.
type configuration struct {
	label string // as the table shows it
	// provider is the provider process the configuration starts: "tnz",
	// "floor" or "" (terraform_data is built into Terraform).
	provider string
	hcl      string
	// resources is how many resources the configuration declares.
	resources int
	// messages is how many messages one apply must send to the sandbox.
	messages int
}

// The configurations' labels, which are also the ratios' denominators.
const (
	labelTNZ   = "tnz_sms"
	labelMixed = "mixed (5 channels)"
	labelFloor = "smallest provider"
	labelData  = "terraform_data"
	labelCurl  = "terraform_data + curl"
	labelWide  = "tnz_sms, 1 resource"
)

// tnzRequired is the terraform block of configurations using the TNZ
// provider; credentials and endpoint come from TNZ_AUTH_TOKEN and TNZ_API_URL.
const tnzRequired = `terraform {
  required_providers {
    tnz = { source = "tnz-community/tnz" }
  }
}

provider "tnz" {}
`

// smsConfig is n tnz_sms, each one recipient with its own message.
func smsConfig(n int) configuration {
	return configuration{label: labelTNZ, provider: "tnz", resources: n, messages: n, hcl: tnzRequired + fmt.Sprintf(`
resource "tnz_sms" "bench" {
  count      = %d
  recipients = ["+6421000001"]
  message    = "Benchmark message ${count.index}"
}
`, n)}
}

// floorConfig is n resources of the smallest framework provider
// (internal/bench/floorprovider) with the same input.
func floorConfig(n int) configuration {
	return configuration{label: labelFloor, provider: "floor", resources: n, hcl: fmt.Sprintf(`terraform {
  required_providers {
    floor = { source = %q }
  }
}

resource "floor_message" "bench" {
  count = %d
  input = "Benchmark message ${count.index}"
}
`, floorAddress, n)}
}

// dataConfig is n terraform_data with the same input.
func dataConfig(n int) configuration {
	return configuration{label: labelData, resources: n, hcl: fmt.Sprintf(`resource "terraform_data" "bench" {
  count = %d
  input = "Benchmark message ${count.index}"
}
`, n)}
}

// curlConfig sends the same n messages as smsConfig with curl from a
// local-exec provisioner: what users do without this provider.
func curlConfig(n int) configuration {
	return configuration{label: labelCurl, resources: n, messages: n, hcl: fmt.Sprintf(`resource "terraform_data" "bench" {
  count = %d
  input = "Benchmark message ${count.index}"

  provisioner "local-exec" {
    command = <<-EOT
      curl -s -X POST "$TNZ_API_URL/api/v3.00/sms" -H 'Authorization: Bearer sandbox-token' -H 'Content-Type: application/json' -d '{"Destinations":[{"Recipient":"+6421000001"}],"Message":"${self.input}"}'
    EOT
  }
}
`, n)}
}

// Small valid attachments for the mixed configuration: a 16-sample WAV and
// a minimal PDF, base64.
const (
	benchWAV = "UklGRjQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YRAAAAAAAAAAAAAAAAAAAAAAAAAA"
	benchPDF = "JVBERi0xLjQKJSBiZW5jaG1hcmsgZmF4CiUlRU9GCg=="
)

// mixedConfig is n sends spread over the five channels, each taking its
// content from its channel's template and personalising it for two
// destinations.
func mixedConfig(n int) configuration {
	templates := map[string]string{
		"sms":   `message = "Kia ora [[FirstName]], release [[Custom1]] is live."`,
		"email": `email_subject = "Release [[Custom1]]"` + "\n  message_plain = \"Kia ora [[FirstName]], release [[Custom1]] is live.\"",
		"fax":   fmt.Sprintf(`files = [{ name = "notice.pdf", content = %q }]`, benchPDF),
		"tts":   `message_to_people = "Kia ora [[FirstName]], release [[Custom1]] is live."`,
		"voice": fmt.Sprintf(`message_to_people = %q`, benchWAV),
	}
	recipients := map[string][2]string{
		"sms":   {"+6421000001", "021 555 0100"},
		"email": {"ops@example.com", "oncall@example.com"},
		"fax":   {"+6495006000", "09 500 6001"},
		"tts":   {"+6421000002", "09 500 6002"},
		"voice": {"+6421000003", "09 500 6003"},
	}
	var b strings.Builder
	b.WriteString(tnzRequired)
	for i, ch := range channels {
		count := n / len(channels)
		if i == 0 {
			count += n % len(channels)
		}
		r := recipients[ch]
		fmt.Fprintf(&b, `
resource "tnz_%[1]s_template" "x" {
  %[2]s
}

resource "tnz_%[1]s" "bench" {
  count    = %[3]d
  template = tnz_%[1]s_template.x
  destinations = [
    { recipient = %[4]q, first_name = "Aroha", custom1 = "v1.${count.index}" },
    { recipient = %[5]q, first_name = "Tama", custom1 = "v1.${count.index}" },
  ]
}
`, ch, templates[ch], count, r[0], r[1])
	}
	return configuration{label: labelMixed, provider: "tnz", resources: n + len(channels), messages: n, hcl: b.String()}
}

var channels = []string{"sms", "email", "fax", "tts", "voice"}

// wideConfig is one tnz_sms to r recipients (issue 9's bar), listed
// literally as a configuration would.
func wideConfig(r int) configuration {
	var list strings.Builder
	for i := range r {
		fmt.Fprintf(&list, "    \"+6421%07d\",\n", i)
	}
	return configuration{label: labelWide, provider: "tnz", resources: 1, messages: 1, hcl: tnzRequired + fmt.Sprintf(`
resource "tnz_sms" "bench" {
  message = "Benchmark message to many"
  recipients = [
%s  ]
}
`, list.String())}
}
