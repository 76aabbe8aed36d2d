package rejection

import (
	"fmt"
	"testing"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// BenchmarkCheck10000Recipients is the plan-time check of one SMS to 10,000
// recipients: every row, every destination.
func BenchmarkCheck10000Recipients(b *testing.B) {
	m := sms(func(m *tnz.SMSMessage) {
		m.Destinations = make([]tnz.Destination, 10000)
		for i := range m.Destinations {
			m.Destinations[i].Recipient = fmt.Sprintf("+6421%07d", i)
		}
	})
	in := Input{Message: m}
	if f := Check(in); len(f) != 0 {
		b.Fatalf("want no findings for valid recipients, got %v", f)
	}
	b.ReportAllocs()
	for b.Loop() {
		Check(in)
	}
}
