package smsparts

import (
	"regexp"
	"strings"
)

// AssumedLinkLength is the length, in GSM-7 characters, assumed for each link
// TNZ puts in place of [[Link:…]], [[REPLY]], [[STOP]], [[File1]]… and
// [[CustomPage]]. TNZ does not document it; 24 is an https link on a short
// domain, such as https://abc.nz/AbCdEfGh.
const AssumedLinkLength = 24

// linkToken matches the tokens TNZ replaces with a link when it sends, in
// any case ([[REPLY]] and [[Reply]] both appear in TNZ's examples).
var linkToken = regexp.MustCompile(`(?i)\[\[(?:link:[^\]]*|reply|stop|file[0-9]+|custompage)\]\]`)

var assumedLink = strings.Repeat("x", AssumedLinkLength)

// Renderer fills the personalisation tokens of message from one
// destination's fields, as TNZ does: tnz.Render. It is a parameter so that
// this package stays free of the API client and its dependencies.
type Renderer func(message string, fields map[string]string) string

// Expand returns message as it is sent to a destination with fields: each
// link token replaced by [AssumedLinkLength] characters, then the
// personalisation tokens filled by render.
func Expand(message string, fields map[string]string, render Renderer) string {
	return render(expandLinks(message), fields)
}

func expandLinks(message string) string {
	return linkToken.ReplaceAllLiteralString(message, assumedLink)
}

// Range is the spread of one message over its destinations.
type Range struct {
	// Shortest and Longest are the renderings with the fewest and the most
	// parts (then the fewest and most bits: GSM-7 septets are 7 bits, UCS-2
	// units 16). Their Converted counts are chosen separately, among the
	// converted renderings, so each of Shortest.Converted and
	// Longest.Converted may come from another destination.
	Shortest, Longest Analysis
}

// AnalyzeMessage counts message for each destination, given the fields of
// each destination whose fields are known (see [Expand]); with no
// destinations it counts the message for a destination without fields. A
// destination whose fields are not known yet should be left out: the range
// is then that of the known ones.
func AnalyzeMessage(message string, destinations []map[string]string, render Renderer) Range {
	if len(destinations) == 0 {
		a := Analyze(Expand(message, nil, render))
		return Range{Shortest: a, Longest: a}
	}
	linked := expandLinks(message) // the same for every destination
	var r Range
	seen := map[string]bool{}
	for i, fields := range destinations {
		text := render(linked, fields)
		if seen[text] {
			continue
		}
		seen[text] = true
		a := Analyze(text)
		if i == 0 {
			r = Range{Shortest: a, Longest: a}
			continue
		}
		if less(a.Count, r.Shortest.Count) {
			r.Shortest.Count = a.Count
		}
		if less(r.Longest.Count, a.Count) {
			r.Longest.Count = a.Count
		}
		if less(a.Converted, r.Shortest.Converted) {
			r.Shortest.Converted = a.Converted
		}
		if less(r.Longest.Converted, a.Converted) {
			r.Longest.Converted = a.Converted
		}
	}
	return r
}

// less orders counts by parts, then by payload size.
func less(a, b Count) bool {
	if a.Parts != b.Parts {
		return a.Parts < b.Parts
	}
	return bits(a) < bits(b)
}

func bits(c Count) int {
	if c.Encoding == UCS2 {
		return c.Units * 16
	}
	return c.Units * 7
}
