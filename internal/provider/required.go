package provider

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Fields TNZ's OpenAPI file requires on WhatsApp, RCS and Workflow sends.
// TNZ documents no rejection text for them, so they are reported the way
// the rejection table's rows are (on the attribute, saying what to set),
// in the provider's own words (diagnostics.go). The attributes stay
// Optional in the schema: a send may take them from its template, so they
// are checked on the send merged with its template.

// requirement is one required field: at least one of anyOf must be set.
// The error points at the first.
type requirement struct {
	anyOf []requiredValue
	fix   string
}

// requiredValue is an attribute's value as the send will send it.
type requiredValue struct {
	attribute string
	value     types.String
}

// requiring is implemented by the models of channels with required fields.
type requiring interface{ requirements() []requirement }

// checkRequired reports every requirement of m none of whose values is
// set. An unknown value may yet be set: it is checked again with the final
// values before anything is sent.
func checkRequired(m channelModel, diags *diag.Diagnostics) {
	r, ok := m.(requiring)
	if !ok {
		return
	}
	for _, req := range r.requirements() {
		if !req.met() {
			diags.AddAttributeError(path.Root(req.anyOf[0].attribute), summaryMissingRequired(req.names()), req.fix)
		}
	}
}

func (r requirement) met() bool {
	for _, v := range r.anyOf {
		if v.value.IsUnknown() || strings.TrimSpace(v.value.ValueString()) != "" {
			return true
		}
	}
	return false
}

func (r requirement) names() []string {
	names := make([]string, len(r.anyOf))
	for i, v := range r.anyOf {
		names[i] = v.attribute
	}
	return names
}

// quotedList writes values as Markdown code: "`None`, `SMS` or `Voice`".
func quotedList(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = "`" + v + "`"
	}
	if len(quoted) < 2 {
		return strings.Join(quoted, "")
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " or " + quoted[len(quoted)-1]
}
