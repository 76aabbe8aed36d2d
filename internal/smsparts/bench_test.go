package smsparts

import (
	"strings"
	"testing"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// A 1000-character message, TNZ's limit for an SMS Message, as counted at
// plan: go test ./internal/smsparts -run '^$' -bench . -benchmem
func BenchmarkAnalyze(b *testing.B) {
	sentence := "Kia ora koutou, release v1.4.2 is live on every cluster. Check the dashboard [x]. "
	gsm := strings.Repeat(sentence, 1000/len(sentence)+1)[:1000]
	ucs2 := strings.Replace(gsm, "Kia ora", "Kia ōra 🚀", 1)
	ucs2 = string([]rune(ucs2)[:1000])
	for _, c := range []struct{ name, text string }{{"GSM-7", gsm}, {"UCS-2", ucs2}} {
		b.Run(c.name, func(b *testing.B) {
			var a Analysis
			for b.Loop() {
				a = Analyze(c.text)
			}
			if a.Parts < 7 {
				b.Fatalf("%s: %d parts", c.name, a.Parts)
			}
		})
	}
}

// The same message with a personalisation token and a link, over 50
// destinations.
func BenchmarkAnalyzeMessage(b *testing.B) {
	message := "Kia ora [[FirstName]], see [[Link:https://example.com/release]]. " + strings.Repeat("a", 935)
	destinations := make([]map[string]string, 50)
	for i := range destinations {
		destinations[i] = map[string]string{"first_name": strings.Repeat("n", i%20)}
	}
	var r Range
	for b.Loop() {
		r = AnalyzeMessage(message, destinations, tnz.Render)
	}
	if r.Longest.Units <= r.Shortest.Units {
		b.Fatalf("no range: %d..%d units", r.Shortest.Units, r.Longest.Units)
	}
}
