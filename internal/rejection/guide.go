package rejection

import (
	"fmt"
	"strings"
)

// Guide renders the docs page that lists every documented rejection, the
// channels it concerns and where the provider catches it. It is generated
// from Table, never written by hand (see gendocs).
func Guide() string {
	var b strings.Builder
	b.WriteString(`---
page_title: "Rejections: what plan catches before anything is sent"
subcategory: ""
description: |-
  Every rejection TNZ documents, the channels it applies to, and where the provider catches it.
---

# Rejections

TNZ documents the rejections below. The provider knows each of them and handles it twice:

1. **At plan**, whenever the values are known: ` + "`terraform plan`" + ` fails with TNZ's text (with *x* as
   the 1-based position), a detail saying what to change, and the attribute. Terraform validates the
   configuration again with its final values just before applying, so a mistake hidden behind a value
   that is unknown at plan is still caught before anything is sent.
2. **From the server**, when TNZ answers with a rejection anyway: every message in its answer becomes
   an error on the same attribute, with TNZ's HTTP status and raw text.

Checks are never stricter than TNZ: local New Zealand numbers such as ` + "`021 123 4567`" + ` are phone
numbers, a keypad route number may start with ` + "`+`" + `, and one unsuitable recipient among suitable
ones is a warning (TNZ skips it and sends to the rest).

<!-- Generated from internal/rejection/table.go by internal/rejection/gendocs. Do not edit. -->

| TNZ rejection | Channels | Attribute | Caught |
|---|---|---|---|
`)
	for _, r := range Table {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", r.Text, r.ChannelNames(), attributeCell(r), stageCell(r))
	}
	b.WriteString("\n## Details\n")
	for _, r := range Table {
		fmt.Fprintf(&b, "\n### %s\n\n", r.Text)
		fmt.Fprintf(&b, "- **Channels:** %s\n", r.ChannelNames())
		fmt.Fprintf(&b, "- **TNZ says:** %s\n", strings.TrimSpace(r.Meaning))
		fmt.Fprintf(&b, "- **Caught:** %s\n", stageCell(r))
		if r.Why != "" {
			fmt.Fprintf(&b, "- **Why not at plan:** %s\n", r.Why)
		}
		fmt.Fprintf(&b, "- **What to change:** %s\n", r.Fix)
	}
	return b.String()
}

func attributeCell(r *Row) string {
	if r.Attribute.IsZero() {
		return "—"
	}
	attribute := r.Attribute.String()
	if r.Numbered {
		attribute = r.Attribute.Name() + "[x]"
		if f := r.Attribute.Field(); f != "" {
			attribute += "." + f
		}
	}
	if r.Stage == AtProviderPlan {
		return "provider `" + attribute + "`"
	}
	return "`" + attribute + "`"
}

func stageCell(r *Row) string {
	switch r.Stage {
	case AtPlan:
		return "at plan"
	case AtProviderPlan:
		return "at plan (provider configuration)"
	default:
		return "from the server only"
	}
}
