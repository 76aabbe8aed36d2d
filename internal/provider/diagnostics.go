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

func detailSendFailed(messageID string, err error) string {
	return fmt.Sprintf("%s\n\nThe request for message_id %q did not reach TNZ, or TNZ refused it: nothing was sent and nothing was recorded in state, so the next apply sends it again.", err, messageID)
}

func detailUncertainSend(messageID string, err error, resendAfter time.Duration) string {
	return fmt.Sprintf("%s\n\nThe request for message_id %q may have reached TNZ, and TNZ could not confirm it yet (TNZ also answers \"not found\" while it is still processing a job). "+
		"Terraform keeps the message in state, unconfirmed (status.confirmed = false), so that it is not sent twice. Every refresh asks TNZ again; "+
		"until TNZ confirms it, terraform plan shows an update that asks again (plan -detailed-exitcode exits 2). "+
		"If TNZ still does not know the message %s after it was submitted (the provider's resend_unconfirmed_after), the next refresh removes it from state and that plan sends it again.",
		err, messageID, resendAfter)
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

func detailStatusUnavailable(messageID string, err error) string {
	return fmt.Sprintf("The message %q was accepted, but its status could not be read: %s\n\nThe status is refreshed on the next plan or refresh.", messageID, err)
}

func detailMessageNotFound(messageID string) string {
	return fmt.Sprintf("TNZ no longer reports message %q (or is still processing it). Terraform keeps the message in state with its last known status; "+
		"remove it with terraform state rm if it should be forgotten. Nothing is re-sent.", messageID)
}

func summaryRecipientFailed(position int, destination string) string {
	return fmt.Sprintf("Delivery to destination %d (%s) failed", position, destination)
}

func detailRecipientFailed(messageID, result string, all bool) string {
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

func detailWaitEnded(messageID string, timeout time.Duration, last *tnz.Status, lastErr error) string {
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
	return fmt.Sprintf("Message %q was sent, but after %s (timeouts.create) %s. It may yet be delivered. "+
		"It stays in state, not tainted, so it is not sent again; refresh reads its status. Raise timeouts.create to wait longer.", messageID, timeout, state)
}

func detailWaitBeyondSendTime(sendTime string, timeout time.Duration) string {
	return fmt.Sprintf("send_time %s is later than timeouts.create (%s) from now, so wait_for = \"completed\" stops waiting before TNZ sends the message "+
		"(the wait ends with a warning, and the message stays in state). Raise timeouts.create, or use wait_for = \"accepted\" and read the status later.", sendTime, timeout)
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

func detailCredentialsRejected(messageID, evidence string) string {
	return fmt.Sprintf("TNZ accepted message %q, then its authentication engine rejected the credentials (%s): nothing was delivered. "+
		"TNZ reports this by e-mail to the API Error Email Notify address of the account (TNZ Dashboard: Users > API). "+
		"Check auth_token, or sender and api_key, and api_version. The message is recorded in state, marked tainted: the next apply sends it again.", messageID, evidence)
}

func summaryVersionField(attribute string) string {
	return fmt.Sprintf("%s is not available on this API version", attribute[strings.LastIndex(attribute, ".")+1:])
}

// versionFieldAdvice says, per attribute, what to do instead.
var versionFieldAdvice = map[string]string{
	"message":          "API v3.00 sends faxes from documents only: remove message and attach the text as a file, e.g. files = [{ name = \"note.txt\", content = base64encode(\"…\") }], or use api_version = \"v2.04\".",
	"template_id":      "TNZ Dashboard templates (template_id) exist only on API v3.00. Remove template_id, or use a tnz_<channel>_template resource, which works on every version.",
	"group_code":       "Address Book group codes exist only on API v3.00. Use group_id instead.",
	"bcc_email":        "BCC exists only on API v3.00. Remove bcc_email, or add the address as another recipient.",
	"answerphone_mode": "Answering-machine modes exist only on API v3.00. Remove answerphone_mode.",
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
