package rejection

import (
	"os"
	"strings"
	"testing"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// The table must hold every row of TNZ's documented list (TNZ's API
// documentation, "TNZ API errors"; testdata/rejection-codes.txt), verbatim.
func TestTableMatchesReference(t *testing.T) {
	raw, err := os.ReadFile("testdata/rejection-codes.txt")
	if err != nil {
		t.Fatalf("reading the documented table: %v", err)
	}
	ref := string(raw)
	if len(Table) != 20 {
		t.Errorf("table has %d rows, the reference has 20", len(Table))
	}
	for _, r := range Table {
		text := strings.TrimSuffix(r.Text, ".")
		if !strings.Contains(ref, text) {
			t.Errorf("row %q is not verbatim in rejection-codes.txt", r.Text)
		}
		if !strings.Contains(ref, r.Meaning) {
			t.Errorf("row %q: meaning %q is not verbatim in rejection-codes.txt", r.Text, r.Meaning)
		}
		if r.Fix == "" {
			t.Errorf("row %q has no fix", r.Text)
		}
		if r.Stage == ServerOnly && r.Why == "" {
			t.Errorf("server-only row %q does not say why", r.Text)
		}
		if r.Stage != ServerOnly && r.Attribute.IsZero() {
			t.Errorf("row %q is checked before sending but names no attribute", r.Text)
		}
	}
}

func TestLookupRoundTrip(t *testing.T) {
	for _, r := range Table {
		for _, pos := range []int{1, 3, 12} {
			summary := r.Summary(pos)
			variants := []string{summary, strings.ToLower(summary), " " + summary + ". ", strings.TrimSuffix(summary, ".")}
			for _, v := range variants {
				got, gotPos, ok := Lookup(v)
				if !ok || got != r {
					t.Errorf("Lookup(%q) = %v, want row %q", v, got, r.Text)
					continue
				}
				if r.Numbered && gotPos != pos {
					t.Errorf("Lookup(%q) position = %d, want %d", v, gotPos, pos)
				}
				if !r.Numbered && gotPos != 0 {
					t.Errorf("Lookup(%q) position = %d, want 0", v, gotPos)
				}
			}
			if !r.Numbered {
				break
			}
		}
	}
}

func TestLookupRejectsOtherTexts(t *testing.T) {
	for _, s := range []string{"", "Missing", "Missing or empty message body", "Missing tone on keypad", "Missing tone on keypad x", "Unauthorized access to Addressbook API!", "Access denied: Auth Token or credentials are incorrect or have expired."} {
		if r, _, ok := Lookup(s); ok {
			t.Errorf("Lookup(%q) matched %q", s, r.Text)
		}
	}
}

func TestSummaryAndAttribute(t *testing.T) {
	cases := []struct {
		row       *Row
		pos       int
		summary   string
		attribute string
	}{
		{MissingFileName, 2, "Missing file name on file 2", "files[1].name"},
		{MissingFileData, 1, "Missing file data on file 1", "files[0]"},
		{InvalidKeypadTone, 4, "Invalid tone on keypad 4. Tone must be between 0~9", "keypads[3].tone"},
		{MissingKeypadAction, 1, "Missing RouteNumber/Play on keypad 1", "keypads[0]"},
		{MissingFileName, 0, "Missing file name on file x", "files"},
		{WebhookNotHTTPS, 0, "WebhookCallbackURL must start with https://", "webhook_callback_url"},
	}
	for _, c := range cases {
		if got := c.row.Summary(c.pos); c.row.Numbered && c.pos > 0 && got != c.summary {
			t.Errorf("Summary(%d) = %q, want %q", c.pos, got, c.summary)
		}
		if got := c.row.AttributeAt(c.pos).String(); got != c.attribute {
			t.Errorf("%q AttributeAt(%d) = %q, want %q", c.row.Text, c.pos, got, c.attribute)
		}
	}
}

func TestChannelNames(t *testing.T) {
	if got := MissingDestinations.ChannelNames(); got != "All (SMS, Email, Fax, TTS, Voice, WhatsApp, RCS, Workflow)" {
		t.Errorf("got %q", got)
	}
	if got := MissingKeypadTone.ChannelNames(); got != "Voice, TTS" {
		t.Errorf("got %q", got)
	}
	if !MissingMessage.AppliesTo(tnz.SMS) || MissingMessage.AppliesTo(tnz.Email) {
		t.Error("Missing or empty message must apply to SMS only")
	}
}

func TestFromAPIError(t *testing.T) {
	err := &tnz.APIError{StatusCode: 400, Result: "Failed", Messages: []string{
		"Missing or empty destinations", "Missing file name on file 2", "Something new",
	}}
	got := FromAPIError(err)
	if len(got) != 3 {
		t.Fatalf("got %d findings, want 3", len(got))
	}
	if got[0].Row != MissingDestinations || got[0].Attribute.String() != "destinations" || got[0].Raw != "Missing or empty destinations" {
		t.Errorf("first finding = %+v", got[0])
	}
	if got[1].Row != MissingFileName || got[1].Position != 2 || got[1].Attribute.String() != "files[1].name" {
		t.Errorf("second finding = %+v", got[1])
	}
	if got[2].Row != nil || got[2].Raw != "Something new" || got[2].Attribute.String() != "" {
		t.Errorf("unmatched finding = %+v", got[2])
	}

	unauth := FromAPIError(&tnz.APIError{StatusCode: 401, Result: "Unauthorized", Messages: []string{"Access denied: Auth Token or credentials are incorrect or have expired."}})
	if len(unauth) != 1 || unauth[0].Row != Unauthorized || unauth[0].Attribute.String() != "" || unauth[0].Summary != "Unauthorized" {
		t.Errorf("401 = %+v", unauth)
	}

	server := FromAPIError(&tnz.APIError{StatusCode: 500, Result: "Failed", Messages: []string{"An unexpected error occurred while processing."}})
	if len(server) != 1 || server[0].Row != ServerError || !strings.Contains(server[0].Raw, "unexpected") {
		t.Errorf("500 = %+v", server)
	}

	noBody := FromAPIError(&tnz.APIError{StatusCode: 500, Body: "Error occurred while creating job"})
	if len(noBody) != 1 || noBody[0].Row != ServerError {
		t.Errorf("500 without ErrorMessage = %+v", noBody)
	}
}
