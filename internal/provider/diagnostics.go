package provider

import (
	"fmt"
	"strings"
	"time"

	"github.com/tnz-community/terraform-provider-tnz/internal/smsparts"
	"github.com/tnz-community/terraform-provider-tnz/internal/tnz"
)

// All user-facing wording that is not a documented TNZ rejection lives here;
// the documented texts and their fixes live in internal/rejection.

const (
	summaryUnexpectedProviderData = "Unexpected provider data"
	summaryInvalidConfig          = "Invalid TNZ provider configuration"
	summarySendFailed             = "Sending the message failed"
	summaryStatusUnavailable      = "Delivery status unavailable"
	summaryMessageNotFound        = "Message not found at TNZ"
	summaryUncertainSend          = "The message may not have been sent"
	summaryTemplateNotResource    = "template must be a template resource"
	summaryTemplateChannel        = "Template of another channel"
	summaryTemplateDigest         = "Cannot compute the template id"
	summaryTemplateIDLocal        = "template_id is one of this provider's templates"
	summaryWaitEnded              = "Stopped waiting before the message completed"
	summaryWaitBeyondSendTime     = "wait_for cannot see this message complete"
	summaryUnconfirmed            = "TNZ has not confirmed the message yet"
	summaryUnconfirmedResend      = "TNZ never confirmed the message: it will be sent again"
	summaryUnconfirmedResendNext  = "TNZ never confirmed the message: the next plan sends it again"
	summaryFileChanged            = "Attachment changed since the plan"
	summaryRescheduleFailed       = "Rescheduling the message failed"
	summaryPacingFailed           = "Changing the number of operators failed"
	summaryUnconfirmedNoStatus    = "TNZ never confirmed the send, and it cannot be looked up"
	summaryImportUnverified       = "Imported without checking: TNZ cannot be asked about this send"
	summaryTemplateIDFormat       = "template_id is not a UUID"
	summaryAbortFailed            = "Aborting the scheduled message failed"
	summaryAbortSkipped           = "Nothing to abort"
	summaryImport                 = "Cannot import the message"
	summaryStatusRead             = "Reading the message status failed"
	summaryReceivedRead           = "Reading inbound SMS failed"
	summaryConflictingCredentials = "Conflicting credentials"
	summaryVersionCredentials     = "Credentials do not suit the API version"
	summaryCredentialsRejected    = "TNZ rejected the credentials"
	summaryProviderNotConfigured  = "The TNZ provider is not configured yet"
	summaryFileUnreadable         = "Cannot read attachment"
	summaryFileContent            = "Invalid attachment content"
	summaryFileBothOrNeither      = "Attachment needs exactly one of content or path"
	summaryFileTooLarge           = "Attachment too large"
	summaryUnknownAtInvoke        = "Values unknown when invoking the action"
)

func detailUnexpectedProviderData(got any) string {
	return fmt.Sprintf("Expected *providerData, got %T. This is a bug in the provider; please report it.", got)
}

func detailInvalidConfig(err error) string {
	return fmt.Sprintf("%s\n\nFix the provider block (or the TNZ_API_URL / TNZ_AUTH_TOKEN environment variables).", err)
}

func detailServerAnswer(fix string, status int, raw string) string {
	return fmt.Sprintf("%s\n\nTNZ API answered HTTP %d: %s", fix, status, raw)
}

// sender is what sent a message, for the diagnostics that say what becomes
// of it: a send resource records it in state, an action keeps nothing.
type sender int

const (
	sentByResource sender = iota
	sentByAction
)

func detailSendFailed(by sender, messageID string, err error) string {
	if by == sentByAction {
		return fmt.Sprintf("%s\n\nThe request for message_id %q did not reach TNZ, or TNZ refused it: nothing was sent. Invoking the action again sends it.", err, messageID)
	}
	return fmt.Sprintf("%s\n\nThe request for message_id %q did not reach TNZ, or TNZ refused it: nothing was sent and nothing was recorded in state, so the next apply sends it again.", err, messageID)
}

func detailUncertainSend(by sender, messageID string, err error, resendAfter time.Duration) string {
	if by == sentByAction {
		return fmt.Sprintf("%s\n\nThe request for message_id %q may have reached TNZ, and TNZ could not confirm it yet (TNZ also answers \"not found\" while it is still processing a job). "+
			"An action keeps no state, so nothing asks TNZ again: before invoking the action again, which sends another message, "+
			"look the message up with the tnz_message_status data source (message_id = %q).", err, messageID, messageID)
	}
	return fmt.Sprintf("%s\n\nThe request for message_id %q may have reached TNZ, and TNZ could not confirm it yet (TNZ also answers \"not found\" while it is still processing a job). "+
		"Terraform keeps the message in state, unconfirmed (status.confirmed = false), so that it is not sent twice. Every refresh asks TNZ again; "+
		"until TNZ confirms it, terraform plan shows an update that asks again (plan -detailed-exitcode exits 2). "+
		"If TNZ still does not know the message %s after it was submitted (the provider's resend_unconfirmed_after), the next refresh removes it from state and that plan sends it again.",
		err, messageID, resendAfter)
}

// detailUncertainSendNoStatus is detailUncertainSend for a channel TNZ has
// no status endpoint for: nothing can settle the send, so nothing re-sends it.
func detailUncertainSendNoStatus(ch tnz.Channel, messageID string, err error) string {
	return fmt.Sprintf("%s\n\nThe request for message_id %q may have reached TNZ, and TNZ's API has no status endpoint for %s to ask. "+
		"Terraform keeps the send in state, unconfirmed (status.confirmed = false), and never sends it again unasked. "+
		"Check the TNZ Dashboard for message_id %q: if it is not there, terraform apply -replace sends it again.", err, messageID, ch.Title(), messageID)
}

func detailUnconfirmedNoStatus(ch tnz.Channel, messageID, submitted string) string {
	return fmt.Sprintf("The %s send with message_id %q, submitted at %s, may or may not have reached TNZ, and TNZ's API cannot be asked about it. "+
		"It stays in state, unconfirmed, and is never sent again unasked. Check the TNZ Dashboard for it: if it is not there, terraform apply -replace sends it again; "+
		"if it is, terraform state rm and terraform import record it as confirmed.", ch.Title(), messageID, submitted)
}

func detailImportUnverified(ch tnz.Channel, messageID string) string {
	return fmt.Sprintf("TNZ's API has no status endpoint for %s, so message_id %q was recorded as given, as a confirmed send. Check in the TNZ Dashboard that it is the send you mean.", ch.Title(), messageID)
}

func detailUnconfirmed(messageID, submitted string, resendAfter time.Duration) string {
	return fmt.Sprintf("TNZ does not know message %q, submitted at %s, yet; its send was uncertain. Terraform keeps it, unconfirmed, and asks again on every refresh. "+
		"If TNZ still does not know it %s after it was submitted (resend_unconfirmed_after), it is removed from state and sent again.", messageID, submitted, resendAfter)
}

// detailUnconfirmedResend: removed says whether the message left state now
// (a refresh) or stays until the next plan (an update, which cannot remove it).
func detailUnconfirmedResend(messageID, submitted string, resendAfter time.Duration, removed bool) string {
	what := "It was removed from state, so this plan sends it again as a new message."
	if !removed {
		what = "This apply only asked TNZ again and keeps the message in state, unconfirmed; the next plan removes it from state and sends it again as a new message."
	}
	return fmt.Sprintf("The send of message %q at %s was uncertain, and TNZ still does not know it more than %s later (resend_unconfirmed_after). %s "+
		"If it does reach its recipients after all, they receive it twice: raise resend_unconfirmed_after to wait longer.", messageID, submitted, resendAfter, what)
}

func detailStatusUnavailable(by sender, messageID string, err error) string {
	later := "The status is refreshed on the next plan or refresh."
	if by == sentByAction {
		later = "The tnz_message_status data source reads it later."
	}
	return fmt.Sprintf("The message %q was accepted, but its status could not be read: %s\n\n%s", messageID, err, later)
}

func detailMessageNotFound(messageID string) string {
	return fmt.Sprintf("TNZ no longer reports message %q (or is still processing it). Terraform keeps the message in state with its last known status; "+
		"remove it with terraform state rm if it should be forgotten. Nothing is re-sent.", messageID)
}

func summaryRecipientFailed(position int, destination string) string {
	return fmt.Sprintf("Delivery to destination %d (%s) failed", position, destination)
}

func detailRecipientFailed(by sender, messageID, result string, all bool) string {
	if by == sentByAction {
		what := "Other recipients were reached."
		if all {
			what = "No recipient was reached; invoking the action again sends the message again."
		}
		return fmt.Sprintf("TNZ reports %q for message %q. %s The destination is masked here; the tnz_message_status data source lists it in full.", result, messageID, what)
	}
	what := "Other recipients were reached; the message stays in state."
	if all {
		what = "No recipient was reached. The message is recorded in state, marked tainted: the next apply sends it again (terraform untaint keeps it without sending)."
	}
	return fmt.Sprintf("TNZ reports %q for message %q. %s The destination is masked here; status.recipients in state has it in full.", result, messageID, what)
}

func summaryMoreRecipientsFailed(n int64) string {
	return fmt.Sprintf("Delivery to %d more destinations failed", n)
}

func detailMoreRecipientsFailed(messageID string) string {
	return fmt.Sprintf("The data source tnz_message_status lists every destination of message %q with TNZ's result.", messageID)
}

func detailWaitEnded(by sender, messageID string, timeout time.Duration, last *tnz.Status, lastErr error) string {
	state := "TNZ had not reported on it yet"
	if last != nil {
		state = fmt.Sprintf("its job was %s (%d of %d destinations complete)", last.JobStatus, last.Complete, last.Count)
		if last.JobStatus == tnz.JobDelayed && last.DelayedTimeUTC != "" {
			state += fmt.Sprintf(", delayed until %s UTC", last.DelayedTimeUTC)
		}
	}
	if lastErr != nil {
		state += fmt.Sprintf("; the last status read failed: %s", lastErr)
	}
	if by == sentByAction {
		return fmt.Sprintf("Message %q was sent, but after %s (timeout) %s. It may yet be delivered; the tnz_message_status data source reads its status. "+
			"Raise timeout to wait longer.", messageID, timeout, state)
	}
	return fmt.Sprintf("Message %q was sent, but after %s (timeouts.create) %s. It may yet be delivered. "+
		"It stays in state, not tainted, so it is not sent again; refresh reads its status. Raise timeouts.create to wait longer.", messageID, timeout, state)
}

func detailWaitBeyondSendTime(by sender, sendTime string, timeout time.Duration) string {
	if by == sentByAction {
		return fmt.Sprintf("send_time %s is later than timeout (%s) from now, so wait_for = \"completed\" stops waiting before TNZ sends the message "+
			"(the wait ends with a warning). Raise timeout, or use wait_for = \"accepted\" and read the status later with the tnz_message_status data source.", sendTime, timeout)
	}
	return fmt.Sprintf("send_time %s is later than timeouts.create (%s) from now, so wait_for = \"completed\" stops waiting before TNZ sends the message "+
		"(the wait ends with a warning, and the message stays in state). Raise timeouts.create, or use wait_for = \"accepted\" and read the status later.", sendTime, timeout)
}

func detailPacingFailed(messageID string, err error) string {
	return fmt.Sprintf("Message %q: %s\n\nTNZ changes the number of operators only of a call job it has not finished. Nothing changed, and the state keeps the old number_of_operators: "+
		"once the job has finished, the next plan shows a change of number_of_operators as a replacement (the calls placed again); revert it to keep the calls as they were.", messageID, err)
}

func detailActionFailed(messageID string, err error) string {
	return fmt.Sprintf("Message %q: %s", messageID, err)
}

func detailNotFoundOnImport(fix string, err error) string {
	return fmt.Sprintf("%s\n\nTNZ answered: %s", fix, err)
}

const detailConflictingCredentials = "Both auth_token and sender/api_key are set (in the provider block or TNZ_AUTH_TOKEN, TNZ_SENDER, TNZ_API_KEY). " +
	"Use auth_token (API v3.00 or v2.04), or sender and api_key (API v2.02), not both."

func detailVersionNeedsLegacy(version string) string {
	return fmt.Sprintf("API %s authenticates with sender and api_key (TNZ_SENDER, TNZ_API_KEY). Set them, or use api_version = \"v3.00\" or \"v2.04\" with auth_token.", version)
}

func detailVersionNeedsToken(version string) string {
	return fmt.Sprintf("API %s authenticates with auth_token (TNZ_AUTH_TOKEN), not sender and api_key. Set auth_token instead, or use api_version = \"v2.02\" for sender and api_key.", version)
}

func detailCredentialsRejected(by sender, messageID, evidence string) string {
	again := "The message is recorded in state, marked tainted: the next apply sends it again."
	if by == sentByAction {
		again = "Invoking the action again sends it again."
	}
	return fmt.Sprintf("TNZ accepted message %q, then its authentication engine rejected the credentials (%s): nothing was delivered. "+
		"TNZ reports this by e-mail to the API Error Email Notify address of the account (TNZ Dashboard: Users > API). "+
		"Check auth_token, or sender and api_key, and api_version. %s", messageID, evidence, again)
}

// summaryMissingRequired and the fixes below are for the fields TNZ's
// OpenAPI file requires on WhatsApp, RCS and Workflow sends, for which TNZ
// documents no rejection text.
func summaryMissingRequired(attributes []string) string {
	return "Missing required field: " + strings.Join(attributes, " or ")
}

const (
	fixWhatsAppTemplateID = "Set template_id to the UUID of an approved WhatsApp template in the TNZ Dashboard. WhatsApp opens a conversation only with a template: " +
		"TNZ sends it to recipients outside their 24-hour conversation window, and message to those inside it."
	fixWhatsAppMessage    = "Set message to the text TNZ sends to recipients inside their 24-hour conversation window; those outside it get the template_id template."
	fixWhatsAppFromNumber = "Set from_number to the WhatsApp Business number to send from, e.g. \"+6495006000\"."
	fixRCSContent         = "Set message to the text to send, or template_id to the UUID of a TNZ Dashboard template."
	fixWorkflowTemplateID = "Set workflow_template_id to the UUID of the workflow template in the TNZ Dashboard (https://www.tnz.co.nz/help/how-to-find-your-templateid)."
)

const detailTemplateIDFormat = "template_id must be a UUID: 8-4-4-4-12 hexadecimal digits, e.g. 123e4567-e89b-12d3-a456-426614174000. " +
	"TNZ Dashboard templates are named by their UUID (https://www.tnz.co.nz/help/how-to-find-your-templateid)."

func summaryChannelVersion(ch tnz.Channel) string {
	return fmt.Sprintf("%s needs API %s", ch.Title(), tnz.V300)
}

func detailChannelVersion(ch tnz.Channel, apiVersion string) string {
	return fmt.Sprintf("The provider is configured for API %s, which has no %s: TNZ offers it on API %s only. "+
		"Use api_version = %q with an auth_token (a provider alias can hold a second configuration for the other sends).", apiVersion, ch.Title(), tnz.V300, tnz.V300)
}

func summaryChannelField(attribute string, ch tnz.Channel) string {
	return fmt.Sprintf("%s is not available on %s", attribute, ch.Title())
}

// channelFieldAdvice says, per attribute, what to do instead on a channel
// whose requests lack it.
var channelFieldAdvice = map[string]string{
	"report_to":   "No delivery report would be e-mailed. Remove report_to; ask for reports with notification_type or webhook_callback_url instead.",
	"template_id": "A workflow is named by workflow_template_id: put the id there and remove template_id.",
	"test_mode":   "The workflow would run live: TNZ has no test mode for workflows. Remove test_mode.",
}

func detailChannelField(attribute string, ch tnz.Channel) string {
	return fmt.Sprintf("TNZ's %s requests have no such field on any API version. %s", ch.Title(), channelFieldAdvice[attribute])
}

func summaryVersionField(attribute string) string {
	return fmt.Sprintf("%s is not available on this API version", attribute[strings.LastIndex(attribute, ".")+1:])
}

// versionFieldAdvice says, per attribute, what to do instead.
var versionFieldAdvice = map[string]string{
	"message":            "API v3.00 sends faxes from documents only: remove message and attach the text as a file, e.g. files = [{ name = \"note.txt\", content = base64encode(\"…\") }], or use api_version = \"v2.04\".",
	"template_id":        "TNZ Dashboard templates (template_id) exist only on API v3.00. Remove template_id, or use a tnz_<channel>_template resource, which works on every version.",
	"group_code":         "Address Book group codes exist only on API v3.00. Use group_id instead.",
	"bcc_email":          "BCC exists only on API v3.00. Remove bcc_email, or add the address as another recipient.",
	"answerphone_mode":   "Answering-machine modes exist only on API v3.00. Remove answerphone_mode.",
	"notification_type":  "notification_type exists only on API v3.00: TNZ reports as the API user's settings say. Remove notification_type.",
	"sms_custom_page_id": "Custom SMS pages exist only on API v3.00. Remove sms_custom_page_id.",
	"fallback_mode":      "Fallback to other channels exists only on API v3.00. Remove fallback_mode.",
	"end_call_message":   "An end-of-call message exists only on API v3.00. Remove end_call_message.",
}

func detailVersionField(attribute, apiVersion string) string {
	key := attribute[strings.LastIndex(attribute, ".")+1:]
	return fmt.Sprintf("The provider is configured for API %s. %s", apiVersion, versionFieldAdvice[key])
}

const detailProviderNotConfigured = "The provider's configuration (credentials, base_url, api_version…) depends on values that are known only after apply, so TNZ cannot be read now. " +
	"Configure the provider from values known at plan time, or apply the resources it depends on first (terraform apply -target=…)."

func detailImportChannel(id, prefix string, ch tnz.Channel) string {
	return fmt.Sprintf("The id %q names channel %q, but this resource sends %s: import it into tnz_%s, or give only the message id.", id, prefix, ch.Title(), prefix)
}

func detailImportID(id string) string {
	return fmt.Sprintf("%q is not a TNZ message id: a message id %s. Give \"<message_id>\" or \"<channel>/<message_id>\".", id, messageIDRule)
}

func detailFileUnreadable(p string, err error) string {
	return fmt.Sprintf("The file at path %q could not be read: %s\n\nUse a path relative to the working directory (for example \"${path.module}/report.pdf\") or an absolute path.", p, err)
}

func detailFileContent(err error) string {
	return fmt.Sprintf("content must be base64, for example content = filebase64(\"report.pdf\") or base64encode(\"text\"): %s", err)
}

const detailFileBothOrNeither = "Set content (base64, e.g. filebase64(\"report.pdf\")) or path (a local file read at apply), not both."

func detailFileTooLarge(size int64) string {
	return fmt.Sprintf("The file is %d bytes; TNZ accepts at most %d bytes per file (%d base64 characters). Send a smaller file or a link to it.", size, maxFileBytes, maxFileBase64)
}

const detailFileChanged = "The file's bytes differ from what the plan showed (its sha256 changed between plan and apply). Nothing was sent: run terraform plan and apply again."

func detailTemplateNotResource(ch tnz.Channel, got string) string {
	return fmt.Sprintf("template takes the template resource itself, e.g. template = tnz_%s_template.alerts, not its id or another value (got %s).", ch, got)
}

func detailTemplateAttribute(ch tnz.Channel, name string) string {
	return fmt.Sprintf("The template's attribute %q is not one a tnz_%s template holds. Pass a tnz_%s_template resource: template = tnz_%s_template.<name>.", name, ch, ch, ch)
}

func detailTemplateChannel(ch tnz.Channel, other string) string {
	return fmt.Sprintf("This tnz_%s takes a tnz_%s_template, but the template given is a tnz_%s_template. Use a tnz_%s_template, or send it with a tnz_%s resource.", ch, ch, other, ch, other)
}

const detailTemplateIDLocal = "template_id is for TNZ Dashboard templates (UUIDs). This value is the id of a tnz_<channel>_template resource: pass the resource itself instead, template = tnz_<channel>_template.<name>, and remove template_id."

func detailFromTemplate(detail, attribute string) string {
	return fmt.Sprintf("%s\n\n%s comes from the template.", detail, attribute)
}

const detailUnknownAtInvoke = "Terraform invoked the action with values it does not know yet; nothing was sent. " +
	"Terraform gives an action its final values when it invokes it: this is a bug in Terraform or in the provider; please report it."

// Progress events of a send action, shown while Terraform invokes it.

func progressSubmitted(ch tnz.Channel, messageID string, confirmed bool) string {
	if confirmed {
		return fmt.Sprintf("Submitted %s message %q: TNZ accepted it", ch.Title(), messageID)
	}
	return fmt.Sprintf("Submitted %s message %q: TNZ has not confirmed it (see the warning)", ch.Title(), messageID)
}

func progressJob(messageID string, s *tnz.Status) string {
	out := fmt.Sprintf("Message %q: job %s, %d of %d destinations complete", messageID, s.JobStatus, s.Complete, s.Count)
	if s.Failed > 0 {
		out += fmt.Sprintf(", %d failed", s.Failed)
	}
	return out
}

func progressRecipient(messageID string, position int, destination, status, result string) string {
	return fmt.Sprintf("Message %q: destination %d (%s): %s, %s", messageID, position, destination, status, result)
}

// ---------------------------------------------------------------------------
// Address Book and opt-out list (tnz_contact, tnz_group, tnz_group_contact,
// tnz_optout and their data sources).
// ---------------------------------------------------------------------------

const (
	summaryAddressBookForbidden = "The Address Book API is not enabled for this API user"
	summaryImportGroupContact   = "Cannot import the group membership"
	summaryNoContactMatches     = "No contact matches"
	summaryContactsMatch        = "More than one contact matches"
	summaryGroupNotFound        = "Group not found at TNZ"
	summaryContactNotFound      = "Contact not found at TNZ"
)

func detailAddressBookForbidden(err error) string {
	return fmt.Sprintf("%s\n\nTNZ refuses Address Book calls (contacts, groups, membership) until Address Book API access is enabled for the API user "+
		"whose auth token the provider uses: TNZ Dashboard > Users > <the API user> > API > Address Book API Access. Enable it, then apply again.", err)
}

func summaryRecordFailed(doing, what string) string {
	return fmt.Sprintf("%s the %s failed", doing, what)
}

func detailRecordFailed(err error) string {
	return err.Error()
}

func summaryUncertainCreate(what string) string {
	return fmt.Sprintf("The %s may have been created", what)
}

func detailUncertainCreate(what, resourceType string, err error) string {
	return fmt.Sprintf("%s\n\nNothing was recorded in state, and the request was not sent again so as not to create a second %s. "+
		"If one of the matching ids above is the %s this resource made, import it: terraform import %s.<name> <id>. "+
		"Otherwise check the TNZ Dashboard and delete a stray %s before applying again.", err, what, what, resourceType, what)
}

func summaryRecordGone(what string) string {
	return fmt.Sprintf("The %s was deleted outside Terraform", what)
}

func detailRecordGone(what, id string) string {
	return fmt.Sprintf("TNZ no longer has the %s %q. It is removed from the state; the next apply creates it again unless the configuration is removed too.", what, id)
}

func summaryRecordVersion(resourceType string) string {
	return fmt.Sprintf("%s is not available on this API version", resourceType)
}

func detailRecordVersion(resourceType, apiVersion string) string {
	if resourceType == "tnz_optout" || resourceType == "tnz_optouts" {
		return fmt.Sprintf("The provider is configured for API %s; TNZ's opt-out list exists only on API %s. Set api_version = %q (with auth_token) in the provider block.",
			apiVersion, tnz.V300, tnz.V300)
	}
	return fmt.Sprintf("The provider is configured for API %s; TNZ's Address Book exists only on API %s and %s, with an auth token. Set api_version = %q or %q in the provider block.",
		apiVersion, tnz.V300, tnz.V204, tnz.V300, tnz.V204)
}

func summaryRecordFieldVersion(attribute, apiVersion string) string {
	return fmt.Sprintf("%s is not available on API %s", attribute, apiVersion)
}

func detailRecordFieldVersion(attribute, apiVersion, other string) string {
	return fmt.Sprintf("The provider is configured for API %s, whose Address Book contacts have no %s (API %s has it). "+
		"TNZ would ignore it and keep a different contact than configured: remove it, or use api_version = %q.", apiVersion, attribute, other, other)
}

func detailImportGroupContact(id string) string {
	return fmt.Sprintf("%q is not a membership id: give \"<group_id>/<contact_id>\", e.g. terraform import tnz_group_contact.<name> 9000000a-f002-4007-b00a-d00000000001/8000000a-f002-4007-b00a-d00000000001.", id)
}

func detailNoContactMatches(query string) string {
	return fmt.Sprintf("No Address Book contact has exactly %s. Check the values, or read the contact by id.", query)
}

func detailContactsMatch(n int, query string, ids []string) string {
	return fmt.Sprintf("%d contacts have exactly %s (ids %s). Add search attributes until one matches, or read the contact by id.", n, query, strings.Join(ids, ", "))
}

func detailRecordNotFound(what, key string, err error) string {
	return fmt.Sprintf("TNZ has no %s %s: %s", what, key, err)
}

const summaryContactIDAndSearch = "Give an id or search attributes, not both"

func detailContactIDAndSearch(attribute string) string {
	return fmt.Sprintf("id reads one contact by its id; %s searches for one. Remove %s, or remove id to search.", attribute, attribute)
}

// Cost at plan.

func summaryUCS2(chars []string) string {
	return fmt.Sprintf("Message is sent as UCS-2 because of %s", quoteAll(chars))
}

func detailUCS2(parts, converted int) string {
	return fmt.Sprintf("These characters are outside the GSM-7 alphabet, so the whole message is sent in UCS-2 (70 characters a part): %d SMS parts for each destination. "+
		"With character_conversion = true TNZ replaces them with GSM equivalents (or drops them) and sends %d parts. Or rewrite them.", parts, converted)
}

func summaryTooManyParts(parts int, limit int64) string {
	return fmt.Sprintf("The message would be sent in %d SMS parts, more than max_sms_parts (%d)", parts, limit)
}

func detailTooManyParts(sent, converted smsparts.Count) string {
	d := fmt.Sprintf("It is %d %s units long, counted for the longest destination. Shorten it, raise max_sms_parts", sent.Units, sent.Encoding)
	if sent.Encoding == smsparts.UCS2 && converted.Parts < sent.Parts {
		d += fmt.Sprintf(", or set character_conversion = true (%d parts, GSM-7)", converted.Parts)
	}
	return d + "."
}

func summaryTooManyRecipients(n, limit int64) string {
	return fmt.Sprintf("The send names %d destinations, more than max_recipients_per_send (%d)", n, limit)
}

const detailTooManyRecipients = "The provider's max_recipients_per_send guards against mass sends by mistake (a for expression over a long list, for instance). " +
	"Send to fewer destinations, use an Address Book group, or raise the limit in the provider block."

func quoteAll(items []string) string {
	quoted := make([]string, len(items))
	for i, s := range items {
		quoted[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(quoted, ", ")
}

// Plan checks beyond the documented rejections (advice.go).

func summaryHeaderLineBreak(attribute string) string {
	return fmt.Sprintf("%s holds a line break", attribute)
}

const detailHeaderLineBreak = "A line break in an e-mail header field ends the header, and the rest of the value would be read as headers of its own (header injection: a \"Bcc:\" line, say). " +
	"Remove the line break; trimspace() or replace(value, \"\\n\", \" \") help with values read from files."

func summaryTimezoneUnknown(tz string) string {
	return fmt.Sprintf("timezone %q is not one TNZ knows", tz)
}

func detailTimezoneUnknown(suggestions []string) string {
	d := "TNZ reads Windows timezone names without \" Standard Time\", such as \"New Zealand\" or \"AUS Eastern\"; IANA names such as \"Pacific/Auckland\" are accepted and sent as TNZ's name."
	if len(suggestions) > 0 {
		d += fmt.Sprintf(" Did you mean %s?", quoteAll(suggestions))
	}
	return d
}

func summaryTimezoneRespelled(tz, name string) string {
	return fmt.Sprintf("timezone %q is sent as %q", tz, name)
}

func detailTimezoneRespelled(name string) string {
	return fmt.Sprintf("TNZ names timezones as Windows does, without \" Standard Time\". The provider sends %q, the same zone; write timezone = %q to make this warning go away.", name, name)
}

func summarySendTimePast(sendTime string) string {
	return fmt.Sprintf("send_time %s has passed", sendTime)
}

const (
	detailSendTimePast       = "TNZ sends a message whose send time has passed at once. Remove send_time to send now, or set a time in the future."
	detailSendTimeMaybePast  = "send_time has passed in some timezones: without a timezone TNZ reads it in the API user's own timezone, which the provider does not know. If it has passed there, TNZ sends at once. Set timezone to be sure."
	summaryNoSubject         = "The e-mail has no subject"
	detailNoSubject          = "TNZ's API accepts an e-mail without email_subject, but TNZ's own SDKs refuse to send one, and recipients' mail filters often treat it as spam. Set email_subject."
	summaryReportTo          = "report_to is not an e-mail address"
	detailReportTo           = "TNZ e-mails the delivery report to report_to; this value does not look like an address (mailbox@example.com), so the report may never arrive."
	detailDuplicateRecipient = "TNZ sends to each destination given, so this recipient receives the message twice and both are charged. Numbers are compared in E.164 (a local 0 read as New Zealand's +64), e-mail addresses without case."
)

func summaryDuplicateRecipient(position, first int) string {
	return fmt.Sprintf("Destination %d repeats destination %d", position, first)
}

func summaryToken(p tnz.TokenProblem, attribute string) string {
	if p.Kind == tnz.LookAlikeToken {
		return fmt.Sprintf("%s in %s is not a personalisation token", p.Text, attribute)
	}
	return fmt.Sprintf("%s in %s is not a token TNZ fills", p.Text, attribute)
}

func detailToken(p tnz.TokenProblem) string {
	d := fmt.Sprintf("At line %d, column %d. TNZ sends it as written.", p.Line, p.Column)
	if p.Suggestion != "" {
		d += fmt.Sprintf(" Did you mean %s?", p.Suggestion)
	}
	return d + fmt.Sprintf(" The tokens TNZ fills: %s.", strings.Join(tnz.ValidTokens(), ", "))
}
