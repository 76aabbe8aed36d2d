package provider

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

func TestReportFailedRecipients(t *testing.T) {
	delivered := tnz.RecipientStatus{Destination: "+6421000001", Status: tnz.RecipientSuccess, Result: "Delivered"}
	bad := tnz.RecipientStatus{Destination: "+6421000099", Status: tnz.RecipientFailed, Result: "Bad Number"}
	bad2 := tnz.RecipientStatus{Destination: "+6421000199", Status: tnz.RecipientFailed, Result: "Bad Number"}
	cases := []struct {
		name             string
		recipients       []tnz.RecipientStatus
		errors, warnings int
	}{
		{"all delivered", []tnz.RecipientStatus{delivered}, 0, 0},
		{"some failed", []tnz.RecipientStatus{delivered, bad}, 0, 1},
		{"all failed", []tnz.RecipientStatus{bad, bad2}, 2, 0},
	}
	for _, c := range cases {
		var diags diag.Diagnostics
		reportFailedRecipients(sentByResource, &tnz.Status{MessageID: "m1", Recipients: c.recipients}, &diags)
		if diags.ErrorsCount() != c.errors || diags.WarningsCount() != c.warnings {
			t.Errorf("%s: %d errors, %d warnings; want %d, %d", c.name, diags.ErrorsCount(), diags.WarningsCount(), c.errors, c.warnings)
		}
		for _, d := range diags {
			// Diagnostics reach the plugin's logs: the destination is masked.
			if !regexp.MustCompile(`^Delivery to destination \d \(\+6421•+99\) failed$`).MatchString(d.Summary()) || !strings.Contains(d.Detail(), `"Bad Number"`) {
				t.Errorf("%s: %q / %q must name the masked destination and TNZ's result", c.name, d.Summary(), d.Detail())
			}
		}
	}
}

func TestSendTimeForTNZ(t *testing.T) {
	for _, c := range []struct{ sendTime, timezone, wantTime, wantZone string }{
		{"2030-01-02 09:30", "", "2030-01-02T09:30", ""},
		{"2030-01-02T09:30:15", "New Zealand", "2030-01-02T09:30:15", "New Zealand"},
		{"", "", "", ""},
		{"not a time", "", "not a time", ""},
		// RFC 3339, as timeadd(timestamp(), "1h") writes it: converted into
		// the message's timezone (NZDT is UTC+13 in January), or into UTC.
		{"2030-01-02T09:30:00Z", "New Zealand", "2030-01-02T22:30", "New Zealand"},
		{"2030-01-02T09:30:00Z", "", "2030-01-02T09:30", "UTC"},
		{"2030-01-02T09:30:00+13:00", "Pacific/Auckland", "2030-01-02T09:30", "New Zealand"},
	} {
		gotTime, gotZone := sendTimeForTNZ(c.sendTime, c.timezone)
		if gotTime != c.wantTime || gotZone != c.wantZone {
			t.Errorf("sendTimeForTNZ(%q, %q) = %q, %q; want %q, %q", c.sendTime, c.timezone, gotTime, gotZone, c.wantTime, c.wantZone)
		}
	}
}

func TestImportID(t *testing.T) {
	for in, want := range map[string]string{"abc123": "abc123", "sms/abc-1": "abc-1", "SMS/x": "x"} {
		if got, problem := importID(tnz.SMS, in); problem != "" || got != want {
			t.Errorf("importID(%q) = %q, %q", in, got, problem)
		}
	}
	for _, in := range []string{"", "email/abc", "a b", strings.Repeat("a", 41), "sms/"} {
		if _, problem := importID(tnz.SMS, in); problem == "" {
			t.Errorf("importID(%q) accepted", in)
		}
	}
}

func TestCheckVersion(t *testing.T) {
	sms := &tnz.SMSMessage{Message: "hi"}
	sms.TemplateID = "123e4567-e89b-12d3-a456-426614174000"
	sms.Destinations = []tnz.Destination{{Recipient: "+6421000001"}, {GroupCode: "Oncall"}}
	email := &tnz.EmailMessage{BCCEmail: "audit@example.com"}
	tts := &tnz.TTSMessage{}
	tts.AnswerPhoneMode = "DAS"
	fax := &tnz.FaxMessage{Message: "text"}
	cases := []struct {
		msg     tnz.Message
		version string
		want    []string
	}{
		{sms, tnz.V300, nil},
		{sms, tnz.V204, []string{"template_id", "destinations[1].group_code"}},
		{email, tnz.V202, []string{"bcc_email"}},
		{tts, tnz.V204, []string{"answerphone_mode"}},
		{fax, tnz.V300, []string{"message"}},
		{fax, tnz.V202, nil},
	}
	for _, c := range cases {
		var diags diag.Diagnostics
		checkVersion(c.msg, c.version, sendPaths{hasDestinations: true}, &diags)
		if diags.ErrorsCount() != len(c.want) {
			t.Errorf("%T on %s: %v, want errors on %v", c.msg, c.version, diags, c.want)
			continue
		}
		for i, d := range diags.Errors() {
			field := c.want[i][strings.LastIndex(c.want[i], ".")+1:]
			if !strings.HasPrefix(d.Summary(), field+" is not available") || !strings.Contains(d.Detail(), c.version) {
				t.Errorf("%T on %s: %q / %q", c.msg, c.version, d.Summary(), d.Detail())
			}
		}
	}
}
