package provider

import (
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/tnz-community/terraform-provider-tnz/internal/rejection"
	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
	"github.com/tnz-community/terraform-provider-tnz/internal/validators"
)

// Plan checks beyond TNZ's documented rejections (internal/rejection): what
// TNZ would accept but send otherwise than meant. Errors are reported while
// validating, warnings while planning, as for the rejection table.

// adviseErrors reports what must not be sent: a line break in an e-mail
// header (header injection), and a timezone TNZ does not know.
func adviseErrors(msg tnz.Message, unknown rejection.Unknowns, paths sendPaths, diags *diag.Diagnostics) {
	if m, ok := msg.(*tnz.EmailMessage); ok {
		for _, field := range tnz.HeaderLineBreaks(m) {
			name := headerAttributes[field]
			if unknown.Is(rejection.Root(name)) {
				continue
			}
			at, _ := paths.attribute(rejection.Root(name))
			diags.AddAttributeError(at, summaryHeaderLineBreak(name), detailHeaderLineBreak)
		}
	}
	tz := msg.CommonPart().Timezone
	if tz == "" || unknown.Is(rejection.Root("timezone")) {
		return
	}
	if check := tnz.CheckTimezone(tz); check.Kind == tnz.TimezoneUnknown {
		at, _ := paths.attribute(rejection.Root("timezone"))
		diags.AddAttributeError(at, summaryTimezoneUnknown(tz), detailTimezoneUnknown(check.Suggestions))
	}
}

// headerAttributes names the e-mail header fields as the send resources do.
var headerAttributes = map[string]string{
	"EmailSubject": "email_subject", "From": "from", "FromEmail": "from_email", "SMTPFrom": "smtp_from",
	"ReplyTo": "reply_to", "CCEmail": "cc_email", "BCCEmail": "bcc_email",
}

// adviseWarnings reports what is probably a mistake: tokens TNZ does not
// define, a timezone written another way than TNZ's, a send time already
// past, an e-mail without a subject, a recipient given twice, and a
// report_to that is not an e-mail address. common is the send's model as
// written (send_time and timezone before conversion).
func adviseWarnings(msg tnz.Message, common *commonModel, unknown rejection.Unknowns, paths sendPaths, now time.Time, diags *diag.Diagnostics) {
	warn := func(name, summary, detail string) {
		at, ok := paths.attribute(rejection.Root(name))
		if ok {
			diags.AddAttributeWarning(at, summary, detail)
		} else {
			diags.AddWarning(summary, detail)
		}
	}
	for _, f := range tokenFields(msg) {
		if f.text == "" || unknown.Is(rejection.Root(f.name)) {
			continue
		}
		for _, p := range tnz.CheckTokens(f.text) {
			warn(f.name, summaryToken(p, f.name), detailToken(p))
		}
	}
	tz := common.Timezone.ValueString()
	if !unknown.Is(rejection.Root("timezone")) && tz != "" {
		if check := tnz.CheckTimezone(tz); check.Kind == tnz.TimezoneIANA || check.Kind == tnz.TimezoneRespelled {
			warn("timezone", summaryTimezoneRespelled(tz, check.Name), detailTimezoneRespelled(check.Name))
		}
	}
	if st := common.SendTime.ValueString(); st != "" && !unknown.Is(rejection.Root("send_time")) && !unknown.Is(rejection.Root("timezone")) {
		if v, err := validators.ParseSendTimeValue(st); err == nil {
			switch v.Past(tz, now) {
			case validators.Past:
				warn("send_time", summarySendTimePast(st), detailSendTimePast)
			case validators.MaybePast:
				warn("send_time", summarySendTimePast(st), detailSendTimeMaybePast)
			}
		}
	}
	if m, ok := msg.(*tnz.EmailMessage); ok && m.EmailSubject == "" && m.TemplateID == "" && !unknown.Is(rejection.Root("email_subject")) && !unknown.Is(rejection.Root("template_id")) {
		warn("email_subject", summaryNoSubject, detailNoSubject)
	}
	warnDuplicates(msg, unknown, paths, diags)
	if r := msg.CommonPart().ReportTo; r != "" && !unknown.Is(rejection.Root("report_to")) && !tnz.IsPlainEmailAddress(r) {
		warn("report_to", summaryReportTo, detailReportTo)
	}
}

// warnDuplicates warns about each recipient given more than once, at its
// repeats.
func warnDuplicates(msg tnz.Message, unknown rejection.Unknowns, paths sendPaths, diags *diag.Diagnostics) {
	if unknown.Is(rejection.Root("destinations")) {
		return
	}
	dests := msg.CommonPart().Destinations
	recipients := make([]string, len(dests))
	for i, d := range dests {
		if !unknown.Within(rejection.Root("destinations").AtIndex(i)) {
			recipients[i] = d.Recipient
		}
	}
	for _, d := range tnz.DuplicateRecipients(msg.Channel(), recipients) {
		for _, i := range d.Indexes[1:] {
			at, _ := paths.attribute(rejection.Root("destinations").AtIndex(i))
			diags.AddAttributeWarning(at, summaryDuplicateRecipient(i+1, d.Indexes[0]+1), detailDuplicateRecipient)
		}
	}
}

// tokenField is a text attribute that may hold personalisation tokens.
type tokenField struct{ name, text string }

// tokenFields are msg's texts that TNZ fills tokens in. Voice messages carry
// audio, not text.
func tokenFields(msg tnz.Message) []tokenField {
	switch m := msg.(type) {
	case *tnz.SMSMessage:
		return []tokenField{{"message", m.Message}}
	case *tnz.EmailMessage:
		return []tokenField{{"email_subject", m.EmailSubject}, {"message_plain", m.MessagePlain}, {"message_html", m.MessageHTML}}
	case *tnz.FaxMessage:
		return []tokenField{{"message", m.Message}}
	case *tnz.TTSMessage:
		return []tokenField{
			{"message_to_people", m.MessageToPeople}, {"message_to_answerphones", m.MessageToAnswerPhones},
			{"call_route_message_to_people", m.CallRouteMessageToPeople}, {"call_route_message_to_operators", m.CallRouteMessageToOperators},
			{"call_route_message_on_wrong_key", m.CallRouteMessageOnWrongKey}, {"end_call_message", m.EndCallMessage},
		}
	}
	return nil
}
