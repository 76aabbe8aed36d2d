// Package sandbox is a local model of the TNZ messaging REST API, written
// from the reference files (rejection-codes.txt, the v3.00 OpenAPI file and
// tnz-api-notes.md) and independent of the provider's own validators, so
// that the two can disagree. It is an ordinary http.Handler; Listen serves
// it on a TCP address and Main runs it as `terraform-provider-tnz sandbox`.
//
// # Endpoints
//
//	POST  /api/v3.00/{channel}                         send (flat v3 body)
//	GET   /api/v3.00/{channel}/{MessageID}             status of the most recent message with that id
//	PATCH /api/v3.00/{channel}/{MessageID}/abort       abort a message not sent yet
//	PATCH /api/v3.00/{channel}/{MessageID}/reschedule  move a Delayed message
//	PATCH /api/v3.00/{channel}/{MessageID}/resubmit    send failed recipients again (email, fax, tts, voice)
//	PATCH /api/v3.00/{channel}/{MessageID}/pacing      set NumberOfOperators (tts and voice only)
//	GET   /api/v3.00/{sms|whatsapp|rcs}/received       inbound messages of that channel
//	…     /api/v3.00/addressbook/…                     contacts, groups, membership (see Address Book)
//	…     /api/v3.00/optout…                           the opt-out list (see Opt-out list)
//	POST  /api/{v2}/send/{channel}                     send ({"MessageData":{…}}), see API v2.0x
//	GET   /api/{v2}/get/status/{MessageID}             status, any channel
//	POST  /api/{v2}/get/status                         the same, {Sender,APIKey,MessageID} (legacy form)
//	GET   /api/{v2}/get/sms/reply/{MessageID}          SMS status with its replies
//	POST  /api/{v2}/get/sms/reply                      the same, legacy form
//	GET   /api/{v2}/get/sms/received                   inbound SMS (?timePeriod= or ?dateFrom=&dateTo=)
//	POST  /api/{v2}/get/sms/received                   the same, parameters in the body
//	PATCH /api/{v2}/set/{action}/{MessageID}           abort, reschedule, resubmit or pacing
//	POST  /api/{v2}/set/{action}                       the same, {Sender,APIKey,MessageID,…}
//	…     /api/v2.04/addressbook/…                     the Address Book in v2.04's form
//	GET   /sandbox/messages                            what was accepted, in order, with its actions (no auth)
//	GET   /sandbox/notifications                       e-mails sent by the v2 deferred authentication (no auth)
//	POST  /sandbox/inbound                             inject an inbound SMS (no auth)
//	GET   /sandbox/faults                              fault rules and the faults applied so far (no auth)
//	GET   /sandbox/health                              200 when serving
//
// where {v2} is v2.01, v2.02, v2.03 or v2.04, and {channel} is sms, email,
// fax, tts, voice, whatsapp, rcs or workflow. Each channel keeps its own
// messages: an id sent by /tts is not found at /voice. Actions act on the
// most recent message with the id, as the OpenAPI file says.
// /{sms,whatsapp,rcs}/received is the channel's inbound list, so such a
// message whose MessageID is "received" has no readable status (its
// actions still work); on the other channels "received" is an ordinary
// id. resubmit on sms, whatsapp and rcs, and pacing on all but tts and
// voice, are not in the OpenAPI file and answer 404 as unknown paths.
// Workflow has only its send: its status, actions and received list are
// unknown paths (404), and its messages show only in /sandbox/messages.
// whatsapp, rcs and workflow are v3.00 only: the v2.0x routes neither send
// nor find their messages.
//
// Path segments and query parameter names match case-insensitively, one
// trailing slash is ignored, and a blank query value counts as absent.
// Other paths answer 404 {"ErrorMessage":["Unable to find or access the
// data you're looking for."]}; a known path with the wrong method answers 405.
//
// # Requests
//
// This section and the next four describe v3.00; API v2.0x says how v2
// differs. v3 routes need "Authorization: Bearer <token>"; "Basic <token>" is
// accepted too because TNZ's own sources disagree on the v3 prefix. A
// missing or wrong token answers 401 with the OpenAPI file's "Access denied" body. A
// send whose Content-Type is not application/json (parameters allowed), or
// whose Accept header excludes JSON, answers 415 with the OpenAPI file's placeholder
// body; a body that is not one JSON object answers 400 "Failed to process
// your API request. Check your syntax.".
//
// Bodies are read leniently, as the real server does: unknown keys are
// ignored, explicit nulls count as absent, numbers and booleans are read as
// text where a string is expected, and blank strings count as empty. Keys
// are case-sensitive, but these synonyms are read on every version: v3's
// Timezone and v2's TimeZone (the version's own spelling wins when both
// are given); ReportTo and its former name ErrorEmailNotify (ReportTo
// wins); MessageToAnswerPhones and the v2 SDKs' MessageToAnswerphones;
// keypad Play, PlaySection and v2's PlayFile. /sandbox/messages shows how
// ReportTo and the answering-machine message were read.
//
// # Send checks
//
// A rejected send answers 400 {"Result":"Failed","ErrorMessage":[…]} listing
// every failing check, in this order, with the documented texts (n is the
// 1-based position in the list concerned). The documented rows for every
// message type (1, 2 and 6) apply to every channel, WhatsApp, RCS and
// Workflow included, and the file rows (7) to every channel with Files:
//
//  1. "Missing or empty destinations": none of the channel's top-level
//     destination keys (below), ContactID, GroupID, or a non-empty
//     Destinations.
//  2. "Error - Could not find any valid destination(s).": destinations were
//     given but none suits the channel. A top-level key suits if it holds
//     the channel's kind of address; a Destinations entry suits if one of
//     the channel's entry keys does, or if it has a ContactID, GroupID or
//     GroupCode (which the server would resolve); top-level ContactID and
//     GroupID always suit. Unsuitable entries beside suitable ones are
//     dropped.
//  3. The channel's content check (below).
//  4. WhatsApp, RCS and Workflow only (below): each required field, then
//     each UUID, then FallbackMode. TNZ documents no texts for these;
//     "Missing required field: <key>" is the Python v3 SDK's client-side
//     text, "Invalid <key> - must be a UUID" and "Invalid FallbackMode -
//     use …" the sandbox's own. A UUID is any 8-4-4-4-12 hex string
//     (TNZ's own examples are not RFC 9562 UUIDs).
//  5. TTS and Voice only, for each Keypads entry n in turn:
//     "Missing tone on keypad n" when Tone is absent;
//     "Invalid tone on keypad n. Tone must be between 0~9" when Tone is not
//     one of the integers 0–9 (a JSON number, or a string read leniently);
//     "Missing RouteNumber/Play on keypad n" when none of RouteNumber, Play,
//     PlaySection or v2's PlayFile is given;
//     "Invalid RouteNumber format on keypad n" when RouteNumber is given but
//     is not "greater than 9 digits and numeric": an optional leading +
//     (TNZ's OpenAPI file's own example is +64800123123) and then 10 or more digits,
//     nothing else.
//  6. "WebhookCallbackURL must start with https://": a non-empty
//     WebhookCallbackURL without that prefix (any case).
//  7. SMS, Email, Fax, WhatsApp and RCS only: "Missing file name on file
//     n" / "Missing file data on file n" when the n-th Files entry lacks
//     Name or Data.
//  8. "Invalid MessageID - use at most 40 letters, digits or '-'": the
//     sandbox's own wording; the API documents the limit but no text.
//
// Addresses: a phone number is, after removing spaces, dashes, dots and
// parentheses, an optional leading + and 7–15 digits. An e-mail address is
// text@text with exactly one @ and no white space (surrounding spaces are
// ignored).
//
// Per channel (destination keys in the order they are tried):
//
//   - SMS: phone numbers in top-level Destination or ToNumber, or in an
//     entry's ToNumber, Recipient, MobilePhone or MobileNumber. Content:
//     "Missing or empty message" when neither Message nor TemplateID is
//     given.
//   - Email: e-mail addresses in top-level Destination or EmailAddress, or
//     in an entry's EmailAddress or Recipient. Content: "Missing or empty
//     message body. Please specify MessagePlain or MessageHTML" when
//     MessagePlain, MessageHTML, its synonym Message in the OpenAPI file and TemplateID are
//     all empty.
//   - Fax: phone numbers in top-level Destination or ToNumber, or in an
//     entry's ToNumber, Recipient or FaxNumber. Content: "Missing fax
//     contents - Empty or missing message & file fields" when Files is
//     empty and neither v2's Message nor TemplateID is given.
//   - TTS: phone numbers in top-level Destination, MainPhone or ToNumber,
//     or in an entry's MainPhone, Recipient, PhoneNumber or ToNumber.
//     Content: "Missing message to people" when MessageToPeople, its synonym
//     Message (in the OpenAPI file) and TemplateID are all empty. Keypads are checked.
//   - Voice: as TTS, except that Message is not a synonym (the audio goes in
//     MessageToPeople).
//   - WhatsApp: phone numbers as for SMS. TemplateID, Message and FromNumber
//     are each required ("Missing required field: TemplateID", …), as the
//     OpenAPI file marks them: TNZ sends the template outside the
//     recipient's 24-hour window and Message inside it. TemplateID must be
//     a UUID. FallbackMode is None, SMS, Voice or RCS ("Invalid
//     FallbackMode - use None, SMS, Voice or RCS").
//   - RCS: phone numbers as for SMS. Content: "Missing required field:
//     Message or TemplateID" when both are empty; TemplateID must be a
//     UUID. FallbackMode is None, SMS, Voice or WhatsApp, or WAPP, the
//     .NET and TypeScript v3 SDKs' token for WhatsApp ("Invalid
//     FallbackMode - use None, SMS, Voice or WhatsApp").
//   - Workflow: a phone number or an e-mail address in top-level
//     Destination, ToNumber or MainPhone, or in an entry's ToNumber,
//     MainPhone, EmailAddress, Recipient or MobilePhone (one entry may
//     carry several; the first usable one names it). WorkflowTemplateID is
//     required ("Missing required field: WorkflowTemplateID") and must be a
//     UUID.
//
// FallbackMode is read leniently: one value or an ordered, comma-separated
// list (the OpenAPI file's own WhatsApp example is "SMS, Voice", and the
// .NET and TypeScript SDKs send lists), matched case-insensitively; None
// adds nothing. Keys a channel's request does not have in the OpenAPI file
// are unknown there and ignored, like any unknown key: ReportTo (and
// ErrorEmailNotify) on WhatsApp, RCS and Workflow; Mode and TemplateID on
// Workflow, so a Workflow sent with Mode "Test" runs live.
//
// # Acceptance and lifecycle
//
// An accepted send answers 200 {"MessageID":"<id>"}: the client's MessageID
// or a generated UUIDv4. Ids may be reused; status shows the latest.
//
// Time comes from Options.Clock. A message is Pending (recipients Pending)
// until Options.CompletionDelay has passed, then Completed. A SendTime in
// the future (read in the message's Timezone; YYYY-MM-DDTHH:MM[:SS], a
// space for the T, or RFC 3339 with its own offset) makes it Delayed until
// then, status shows DelayedTimeLocal/UTC/UTC_RFC3339, and the delay runs
// from there. A SendTime that is past or unreadable sends at once (the API
// documents no rejection for it). Mode "Test" completes at once with every
// recipient Success, Result "Test Mode" and no price.
//
// Live outcomes are chosen from the recipient so tests can ask for them.
// Prices are the sandbox's own; a failed recipient costs nothing.
//
//   - SMS: Failed "Bad Number" when the number's digits end in 99,
//     otherwise Success "Delivered" at 0.10;
//   - Email: Failed "550 Mailbox unavailable" when the address's local part
//     starts with "bounce" (any case), otherwise Success "250 OK" at 0.05;
//   - Fax: Failed "Busy" when the number's digits end in 99, otherwise
//     Success "SentOK" at 0.30;
//   - TTS and Voice: Failed "No Answer" when the number's digits end in 99,
//     otherwise Success "Answered" at 0.40;
//   - WhatsApp: Failed "Bad Number" when the number's digits end in 99;
//     Failed "No WhatsApp account" (the sandbox's wording) when they end in
//     97 or 98, the numbers that "do not have WhatsApp"; otherwise Success
//     "Delivered" at 0.08;
//   - RCS: Failed "Bad Number" when the digits end in 99; Failed "RCS not
//     supported" (the sandbox's wording) for the numbers RCS cannot reach:
//     New Zealand (+64) and Australia (+61), where TNZ documents RCS as
//     unsupported, and any number whose digits end in 98; otherwise
//     Success "Delivered" at 0.06;
//   - Workflow: Success "Started" unless the digits end in 99 (shown only
//     as the job's progress in /sandbox/messages).
//
// So: a NZ number ending in 97 or 98 has neither WhatsApp nor RCS; other
// NZ and AU numbers have WhatsApp only; elsewhere, a number ending in 97
// has RCS only, 98 neither, and others both.
//
// Fallback: when WhatsApp or RCS fails a recipient, the channels of its
// FallbackMode are tried in order, each by its own rule above, until one
// delivers. The recipient then shows the channel that reached it or, when
// none did, the last one tried: its Type ("SMS", "Voice", "RCS",
// "WhatsApp"), Result and price. Without FallbackMode (or None) the
// failure stands. Address Book entries are always delivered on the
// message's own channel.
//
// A ContactID, GroupID or GroupCode entry (or top-level ContactID or
// GroupID) is resolved from the Address Book when accepted (see Address
// Book); one the Address Book does not hold is one recipient with an empty
// Destination that always succeeds. A recipient on the opt-out list (see
// Opt-out list) is Failed with Result "Destination is blacklisted", no
// price and no SentTime, once the job completes.
//
// # Actions
//
// Actions are PATCH requests with the same auth, 415, leniency and error
// shapes as sends. A body is optional where the OpenAPI file has none (abort; the SDKs
// send {}); when one is sent it must be application/json (else 415) and
// one JSON object (else 400 "Failed to process your API request. Check
// your syntax."). An unknown id answers 404 exactly like status. Success
// answers 200 {"ActionResult":"Success","MessageID","JobNum","Status",
// "Action"}, where Status is the JobStatus after the action and Action is
// "Abort", "Reschedule", "Resubmit" or "Pacing"; the message stays one
// message (same id, JobNum and recipients) and /sandbox/messages lists
// every accepted action, in order, under it.
//
// TNZ documents when each action applies ("a previously delayed message",
// "a previously failed message", "a pending message") but no refusal
// texts. The sandbox refuses with 400 {"Result":"Failed","ErrorMessage":
// [text]}: the Node SDK's client-side text where it has one ("Missing
// SendTime", "Unable to parse SendTime. Use YYYY-MM-DD hh:mm format.",
// "NumberOfOperators must be a number"), otherwise its own wording, quoted
// below. Body checks come before state checks.
//
//   - abort: a message not sent yet, that is Delayed or Pending (the
//     sandbox sends a round's recipients only when it completes). The job
//     becomes Completed and every recipient not already settled Failed with
//     Result "Aborted" (the sandbox's choice: TNZ documents no result text
//     for it), no price and no SentTime; DelayedTime* stay shown. Refusals:
//     "Message has already been sent and cannot be aborted" (Completed,
//     including Mode "Test") and "Message has already been aborted".
//   - reschedule: SendTime is required ("Missing SendTime" when absent,
//     null or blank) and read in the message's stored Timezone, in the
//     layouts a send accepts; unreadable: "Unable to parse SendTime. Use
//     YYYY-MM-DD hh:mm format.". Only a Delayed message: "Only a delayed
//     message can be rescheduled; this one is <JobStatus>". The new time
//     replaces sendAt and DelayedTime*; a time not in the future sends at
//     once (DelayedTime* then show the moment of the reschedule).
//   - resubmit (email, fax, tts, voice): SendTime is optional (the TypeScript SDK; the OpenAPI file
//     marks it required) and read as for reschedule; a future one makes
//     the round Delayed. Only a Completed message ("Only a completed
//     message can be resubmitted; this one is <JobStatus>") with at least
//     one Failed recipient ("Message has no failed recipients to
//     resubmit"); aborted recipients count as failed. The failed
//     recipients are sent again: Pending until the round completes, then
//     an outcome chosen again from the recipient (so a failing address
//     fails again, with a new SentTime). The others keep their outcome,
//     SentTime and price.
//   - pacing (tts, voice): NumberOfOperators is required ("Missing
//     NumberOfOperators"), an integer ("NumberOfOperators must be a
//     number"; a string of digits is read leniently) in the OpenAPI file's 1–99999
//     ("NumberOfOperators must be between 1 and 99999"), and only for a
//     message not Completed yet ("Message has already been sent;
//     NumberOfOperators cannot be changed"). It is recorded and shown in
//     /sandbox/messages (NumberOfOperators: the last pacing's, else the
//     send's own); the sandbox's calls do not slow down.
//
// # Status
//
// The status answer follows the OpenAPI file's Message_Detail + Pagination + Recipients
// on every channel.
// JobNum is "SB" and six hex digits of a counter; Account is "101202";
// times are given as Local ("YYYY-MM-DD HH:MM:SS" in the message's
// Timezone, default the API user's, Options.Timezone, itself default "New
// Zealand", i.e. Pacific/Auckland; UTC if zone data is missing),
// UTC, and UTC_RFC3339. Price is the sum of recipient prices, null while
// there is none. Recipients[].Type is "SMS", "Email", "Fax", or "Voice" for
// both TTS and Voice (TNZ's OpenAPI file; the result webhook says "Voice (also TTS)").
// Destination is the e-mail address as given, or a phone number in E.164:
// +… is kept, 00… becomes +…, a local 0… number is taken as New Zealand
// (+64…), bare digits get a +. Attention, Company and Custom1–Custom9 are
// echoed; SentTime* appear once the recipient was sent to (not for
// aborted ones), and on Fax, TTS and Voice so does RemoteID, the number
// dialled (the Destination: the sandbox has no Alt Phones; null for
// Address Book entries and on the other channels). SMS, WhatsApp and RCS
// recipients have SMSReplies (the OpenAPI file's SMSReplies_Detail, [] when
// none); only SMS recipients have MessageText: the Message with
// [[FirstName]]-style tokens filled from the entry, shown only once the
// recipient was delivered (the OpenAPI file's WhatsApp and RCS recipients
// declare no MessageText).
//
// recordsPerPage (1–100, default 100, the OpenAPI file's maximum) and page (from 1,
// default 1) select the recipients shown; TotalRecords is the number of
// recipients, PageCount their pages, and Page the page asked for. A page
// past the last has no recipients (rather than repeating the last one),
// so a client that reads until a short page always stops. Count,
// Complete, Success, Failed and Price always cover every recipient. Other
// values answer 400 with "RecordsPerPage must be a number", "RecordsPerPage
// must be between 1 and 100", "Page must be a number" or "Page must be 1 or
// greater" (after the Node SDK's client-side texts; TNZ documents none).
// An unknown id answers 404 {"Result":"RecordNotFound","MessageID":"<id>",
// "ErrorMessage":["Unable to find entry."]}.
//
// # Visibility delay
//
// TNZ's OpenAPI file documents that 404 as "id is incorrect or still
// processing": right after a send, the real API may not know the message
// yet. Options.VisibilityDelay (the command's -visibility-delay) models
// this: for that long after a message is stored, on the Clock, every
// status read (v3; v2 get/status and get/sms/reply, either form) and
// every action (v3 and v2) naming it answers exactly as for an unknown id
// (v3's 404 above, v2's "Message(s) NOT found" below); a client's look-up
// after an ambiguous send is such a status read. When an id was sent more
// than once, these calls see the most recent message that is already
// visible. /sandbox/messages and the Go inspection methods show every
// stored message at once. The default, zero, makes a message visible as
// soon as it is stored.
//
// # Inbound SMS
//
// Inbound SMS exist only when injected: (*Server).InjectReply for a reply
// to an SMS, (*Server).InjectInbound for an SMS that matches none, or POST
// /sandbox/inbound {"From","MessageText","MessageID"?,"Channel"?} (no auth,
// like the other /sandbox routes; a reply when MessageID is given).
// WhatsApp and RCS messages are received the same way, on their own
// channel: InjectReplyOn and InjectInboundOn, or Channel "whatsapp" or
// "rcs" (default "sms"; another answers 400 "Channel must be sms, whatsapp
// or rcs"); everything below holds for them with that channel's messages,
// SMSReplies and /{channel}/received. v2.0x lists SMS only. Each is
// received at the Clock's now, gets a UUIDv4 ReceivedID, and shows From in
// E.164. A reply must come from a recipient (numbers compared in E.164)
// that the SMS was delivered to (Status Success, Mode "Test" included); it
// is listed under the first such recipient's SMSReplies, in the message's
// Timezone, and in /sms/received with the SMS's MessageID, JobNum,
// SubAccount, Department and the recipient's ContactID. An unmatched SMS
// has no MessageID or JobNum keys (TNZ's OpenAPI file gives them no null, and JobNum must
// have 8 characters) and is in the API user's Timezone (Options.Timezone,
// default "New Zealand"). /sandbox/inbound answers 200 with the entry as
// /sms/received lists it, 404 like status for an unknown MessageID, and 400
// for a missing or non-phone From, a missing MessageText or one over the OpenAPI file's
// 1000 characters, or a From that is not a delivered recipient.
//
// GET /sms/received takes timePeriod (minutes back from the Clock's now,
// 1–1440) or dateFrom and dateTo ("YYYY-MM-DD HH:MM:SS" in the API user's
// Timezone; the T separator and leaving out seconds are accepted; both
// required, from ≤ to, at most 7 days apart); both window ends are
// included and timePeriod wins when both forms are given. recordsPerPage
// and page work as on status. It answers Pagination + Messages[] (TNZ's OpenAPI file's
// items, Version "v3.00") in arrival order. Refusals answer 400, which the OpenAPI file
// does not document for this path: "Missing TimePeriod or DateFrom &
// DateTo", "TimePeriod must be a number - number of minutes", "DateFrom/
// DateTo must be datetime format" (the Node SDK's texts), "Invalid TimePeriod: must
// be between 1 and 1440 minutes" (the Python SDK 3.0's), "Invalid date range: dateFrom
// must not be after dateTo" (the .NET SDK's) and the sandbox's own "Invalid date
// range: dateFrom and dateTo must be within 7 days".
//
// # Fault injection
//
// Faults make /api/ requests fail the ways a network and TNZ can fail;
// /sandbox/ routes are never faulted. They act inside the handler, after
// routing and before authentication, so that they know what a request is
// and can store a send while answering something else. Every request is
// classified first, as a RequestKind: send (POST /api/v3.00/{channel},
// POST /api/{v2}/send/{channel}), status (a status or reply read of one
// message), lookup, action (abort, reschedule, resubmit, pacing) or
// other (inbound lists, unknown paths, a known path with the wrong
// method). A lookup is the first status read naming a MessageID after a
// send naming it arrived, whether that send was faulted or not: what a
// client does after an ambiguous send, and also a client's first refresh
// after a clean one (the sandbox cannot tell the two apart). Faults aimed
// at status reads take look-ups too.
//
// Fault kinds, with their names in the -faults syntax; "served" means the
// request is handled normally (a valid send is stored), and what the
// client sees is given over a real TCP connection:
//
//   - reset (FaultReset): the request is read, not served, and the
//     connection is closed with a TCP reset: the client reads "connection
//     reset by peer". Nothing is stored.
//   - drop (FaultDropAfterAccept): served, then the connection is closed
//     without an answer (an orderly close: the client reads end of file).
//   - 500 (FaultServerError): 500 {"Result":"Failed",
//     "ErrorMessage":["Error occurred while creating job"]} (the
//     documented text), not served: nothing is stored.
//   - 500-stored (FaultServerErrorAfterAccept): served, then that 500
//     instead of the served answer.
//   - 500-later (FaultServerErrorCreateLater): that 500 at once, and the
//     request is served DURATION later (real time; default 5s), as TNZ has
//     been seen to create a job after answering 500.
//     (*Server).DeferredRequests and /sandbox/messages count those still
//     to come.
//   - 429 (FaultRateLimited): 429 with Retry-After DURATION in whole
//     seconds (default 1) and the sandbox's own {"Result":"Failed",
//     "ErrorMessage":["Too many requests - retry after 1 second"]} (TNZ
//     documents no 429), not served.
//   - latency (FaultLatency): the request is read in full, held for
//     DURATION (real time; default 35s, beyond the provider's default
//     request_timeout of 30s) and then served, whether or not the client
//     is still waiting. Over TCP a client that gives up first closes its
//     connection and sees its own timeout; the sandbox serves the request
//     all the same when the hold ends, so a held send is always stored,
//     DURATION after it arrived, never before. (A look-up made when the
//     client gave up therefore finds nothing until then.)
//   - bad-json (FaultMalformedJSON): served; the answer keeps the served
//     status and headers but only the first half of the body, which is
//     never valid JSON.
//   - slow-body (FaultSlowBody): served; the status and headers (with
//     the full Content-Length) are sent at once and the body in up to 20
//     pieces spread evenly over DURATION (real time; default 35s). A
//     client whose timeout ends first sees a timeout while reading the
//     body; the send is stored all the same.
//
// Stopping the sandbox (Running.Close, or the command's signal) drops held
// and dribbling requests (the connection is closed without an answer, and
// a held request is not served) and cancels deferred ones.
//
// Faults are chosen in two ways; a request takes at most one fault.
// (*Server).InjectFaults queues Faults: each applies to the next request
// matching its Request kind, Method and PathPrefix (all optional; the
// last two case-insensitive), oldest first. A request that matches none
// is offered to the rules: Options.FaultRules and FaultSeed, or
// (*Server).SetFaultRules, fault a share of each request kind (send,
// status, lookup or action). Each request of a kind that has rules draws
// one number from a sequence seeded by the seed and that kind, and the
// rules of that kind share [0, 1) in order. So the n-th send meets the
// same fate for a given seed whatever other requests come between, and
// the number of faulted sends among the first N is the same on every run;
// with concurrent clients, which message is the n-th can vary. A look-up
// draws from the lookup rules and, when none applies, from the status
// rules. (*Server).ClearFaults turns both off.
//
// The command takes the rules as -faults LIST -seed N (default seed 1),
// LIST being TARGET=FAULT[@DURATION]:PROBABILITY[,…]: TARGET is send,
// status, lookup or action; FAULT a name above; DURATION a Go duration,
// only for latency, slow-body, 500-later and 429; PROBABILITY a number in
// (0, 1] or a percentage, a target's probabilities adding up to at most 1.
// For example:
//
//	terraform-provider-tnz sandbox -faults send=reset:0.3,status=500:0.2 -seed 1
//	terraform-provider-tnz sandbox -faults send=latency@40s:30%,lookup=500:0.5
//
// ParseFaultRules reads that syntax, and FaultRule.String writes it.
// Every applied fault is recorded: (*Server).AppliedFaults, and GET
// /sandbox/faults as {"Rules":["send=reset:0.3",…],"Seed","Pending"
// (queued faults not applied yet),"Applied":[{"At","Request","Method",
// "Path","MessageID","Fault","Delay","Queued"},…]}. Faulted requests count
// in APIRequests. Go's http.Transport retries a GET by itself when a
// reused connection is reset or dropped before any answer, so a client
// may see one status fault less than was applied.
//
// # API v2.0x
//
// v2.01, v2.02, v2.03 and v2.04 (the version segment in any case, recorded
// in lower case) share the v3 store, lifecycle, channel rules, outcomes,
// prices, actions and inbound SMS: one model of messages, two wire
// formats. A message sent on one version can be read and acted on from
// any other, v3.00 included (there under its channel).
//
// Routes: fixed segments match case-insensitively (the Node SDK's legacy client
// writes /set/Reschedule) and MessageIDs are kept as written. The GET and
// PATCH forms, with the MessageID in the path, are what the SDKs send with
// an auth token; the POST forms, with Sender, APIKey and the MessageID in
// the body, are their legacy form. Either form takes either kind of
// credentials. the Node SDK's legacy-only /get/result is not modelled (404);
// the Address Book is, on v2.04 only (see Address Book).
//
// Credentials: v2.03 and v2.04 read "Authorization: Basic <auth token>"
// when that header is given (not blank, and not the word Basic or Bearer
// alone). Otherwise, and always on v2.01 and v2.02 (which predate tokens,
// so ignore the header), they are the Sender and APIKey at the top of the
// JSON body. Their form checks come first in a rejection: "Missing Sender"
// when Sender is blank or absent; otherwise "Invalid sender format" when
// Sender is not an e-mail address and "Missing APIKey" when APIKey is
// blank. Valid credentials are a token of Options.Tokens sent as Basic
// (Bearer is v3's scheme, not v2's), or a Sender of Options.Senders
// (case-insensitive; default DefaultSender) with its APIKey (default
// DefaultAPIKey).
//
// Requests: media types (415), the syntax rule (400) and leniency are v3's,
// with these additions. A GET may carry a body (the Node SDK sends its
// internal {"HTTPMethod":"GET"}); it is read if it is one JSON object and
// otherwise ignored, and it never changes the method. The scalar members
// of a body (TimePeriod, DateFrom, DateTo, RecordsPerPage, Page) count as
// query parameters where the query lacks them. Headers other than those
// named, such as the Node SDK's "encoding: utf-8", are ignored.
//
// Sends: POST /send/{channel} {"MessageData":{…}}, plus Sender and APIKey
// on the legacy form. A rejected send answers 400 {"Result":"Failed",
// "ErrorMessage":[…]} listing the credential checks, then "Missing message
// data" when MessageData is absent, null, not an object, or has no member
// that counts as given (then nothing else is checked), else every v3 send
// check, in v3's order and with its texts, applied to MessageData, except
// that v2 has no top-level destination shorthands (Destination, ToNumber,
// EmailAddress, MainPhone, ContactID and GroupID are unknown keys there,
// so destinations come only from Destinations), no TemplateID (an unknown
// key, so never content) and none of v3's content synonyms: the required
// content is SMS Message; Email MessagePlain or MessageHTML; Fax Files or
// Message; TTS and Voice MessageToPeople. An accepted send answers 200
// {"Result":"Success","MessageID":"<id>"}.
//
// Deferred authentication (rejection-codes.txt, preamble): a send's
// credentials are not checked when it is received, so a send that passes
// the form checks is accepted whatever they are. When they are wrong (a
// token that is not one of Options.Tokens or not sent as Basic, a Sender
// that is not an API user, or the wrong APIKey), the message ignores its
// SendTime and Mode: it is Pending from its arrival until the completion
// delay has passed, then Completed with every recipient Failed, Result
// "Authentication failed" (the sandbox's wording; TNZ documents none), no
// price and no SentTime. At that moment the sandbox "sends" one e-mail to
// the account's API Error Email Notify address (Options.ErrorNotifyEmail,
// default DefaultErrorNotifyEmail), never to the message's ReportTo, which
// the caller controls. The e-mails are listed by (*Server).Notifications
// and GET /sandbox/notifications (read-only, no auth) as {To, Subject,
// Body, MessageID, At}, oldest first; Body names the call, the MessageID
// and which credentials failed (the Sender by name; never the token or
// the APIKey). Actions still apply to such a message; a resubmitted round
// fails the same way, without a second e-mail. v3.00 keeps authentication
// synchronous (401, above), as the OpenAPI file describes.
//
// Status, replies, received and actions check credentials at once, since
// they return data: form rejections answer 400 (the credential checks,
// then the Node SDK's "Missing MessageID" for a legacy form without one, then the
// parameter checks), and wrong credentials answer 401 {"Result":
// "Unauthorized","ErrorMessage":["Access denied: Auth Token or credentials
// are incorrect or have expired."]} (TNZ's OpenAPI file's v3 text, which covers both
// kinds of credentials).
//
//   - /get/status: the most recent message with the MessageID, on any
//     channel. 200 is v3's status answer with "Result":"Success" first,
//     Status instead of JobStatus, and neither *_RFC3339 fields nor
//     SMSReplies (Node SDK StatusApiResponseDTO, the Python SDK 2.4 status_dto); paging as
//     on v3.
//   - /get/sms/reply: the same for SMS only, each recipient with its
//     SMSReplies (ReceivedID, ReceivedTimeLocal, ReceivedTimeUTC,
//     Timezone, From, MessageText).
//   - /get/sms/received: v3's window and paging rules and texts, except
//     that DateFrom and DateTo, when both are given, win over TimePeriod
//     (the Node SDK's legacy client sends its default TimePeriod beside them). 200
//     is {"Result":"Success", Pagination, "Messages":[…]}; each item has
//     the Python SDK 2.4's names (ID, MessageID, JobNum, Account, SubAccount, Department,
//     Date, DateUTC, From, MessageText, Timezone), the Node SDK's ReceivedID,
//     ReceivedTimeLocal and ReceivedTimeUTC (the values of ID, Date and
//     DateUTC) and ContactID. MessageID and JobNum are left out for an
//     unmatched SMS, as on v3.
//   - /set/{abort|reschedule|resubmit|pacing}: v3's action rules and
//     texts on the most recent message with the MessageID, on any channel.
//     An action the message's channel lacks answers 400 "Resubmit is not
//     available for SMS messages" or "Pacing is not available for <SMS,
//     Email or Fax> messages" (the sandbox's own). 200 is {"Result":
//     "Success","MessageID","Status","JobNum","Action"} (Node SDK
//     ActionApiResponseDTO).
//
// A MessageID that finds nothing answers 404 {"Result":"Failed",
// "MessageID":"<id>","ErrorMessage":["Message(s) NOT found"]}, the
// documented text for a poll that finds nothing.
//
// # Address Book
//
// Contacts, groups and membership, on v3.00 (TNZ's OpenAPI file) and on
// v2.04 (the v2 SDKs' Addressbook modules). One Address Book serves both
// versions; records are kept by the sandbox itself, whatever the client
// checked.
//
//	POST   addressbook/contact                       create a contact
//	GET    addressbook/contact/list                  every contact (paged)
//	GET    addressbook/contact/search?…              contacts matching the query (paged)
//	GET    addressbook/contact/{ContactID}           the contact, with Groups: its GroupIDs
//	PATCH  addressbook/contact/{ContactID}           change the fields the body gives
//	DELETE addressbook/contact/{ContactID}           delete it (and its memberships)
//	GET    addressbook/contact/{ContactID}/group/list  Pagination, Contact and its Groups
//	PATCH  addressbook/contact/{ContactID}/group     {"GroupID"}: add it to a group (v2.04: POST)
//	DELETE addressbook/contact/{ContactID}/group/{GroupID}  take it out (v2.04: GET reads it too)
//	POST   addressbook/group                         create a group
//	GET    addressbook/group/list                    every group (paged)
//	GET    addressbook/group/{GroupID}               the group; PATCH changes it, DELETE deletes it
//	GET    addressbook/group/{GroupID}/contact/list  Pagination, Group and its Contacts
//	POST   addressbook/group/{GroupID}/contact       {"ContactID"}: v2.04 only
//	GET    addressbook/group/{GroupID}/contact/{ContactID}  v2.04 only; DELETE takes it out
//
// Auth is v3's (401 otherwise) on both versions: the v2 SDKs' Address Book
// needs an auth token. A token of Options.NoAddressBookTokens (by default
// NoAddressBookToken, "sandbox-token-no-addressbook") is accepted
// everywhere else but answers every Address Book call with 403
// {"Result":"Failed","ErrorMessage":["Unauthorized access to Addressbook
// API!"]}, as TNZ does for an API user without Address Book API Access.
// Bodies are read as v2 calls are (media types, one JSON object; a body on
// a GET or a DELETE is tolerated and ignored). An id the Address Book does not hold answers 404
// {"Result":"RecordNotFound","ErrorMessage":["Unable to find or access
// record with id '<id>'."]}; so does a membership the contact does not
// have. A group may also be named by its GroupCode in /group/{id} paths (as
// the Node and TypeScript SDKs do).
//
// Fields are those of TNZ's Contact_Object and Group_Object (v2.04: the
// v2 SDKs' contact fields, which have DirectPhone and only AltPhone1-2).
// Unknown keys are ignored, null leaves a field alone and a blank value
// clears it. Rejections answer 400 listing every failing field: "<Field>
// must be at most N characters" (the file's maximum lengths; SubAccount
// and Department 40); "Invalid <Field> option - must be Account/SubAccount/
// Department/No" for ViewBy, EditBy and ViewEditBy (Limited/Granted for
// AccessControl; Mr/Mrs/Ms/Miss/Dr/Prof/Hon or blank for Title), matched
// ignoring case and kept as the file spells them; "Invalid email address
// format for EmailAddress property" (the Node SDK's text); "Invalid phone number
// format for <Field> property" for the phone fields (the sandbox's
// address rule); and "Missing GroupName" for a group without one.
// ViewBy, EditBy and ViewEditBy default to Account, AccessControl to
// Limited.
//
// Answers: v3.00 gives Contact_Detail (every field, "" where empty),
// Group_Detail, {Group, Contact} for membership, and Pagination with the
// list under Contacts or Groups; recordsPerPage and page as on status.
// v2.04 wraps them: {"Result":"Success","Contact":{…}} and so on, lists
// with "Result":"Success" beside the Pagination, and no *_RFC3339 times.
// Owner is DefaultSender; times are in the API user's Timezone.
// A group's GroupCode is made from its name (letters and digits kept,
// other runs one "_", "_2"… when taken) and does not change on rename.
// The search matches EmailAddress whole (ignoring case), MobilePhone and
// MainPhone by digits anywhere in the number, and the other fields by text
// anywhere (ignoring case).
//
// Sends resolve Address Book references when accepted: a group becomes
// its members in the order they were added; a contact takes the address
// its channel uses (SMS, WhatsApp and RCS MobilePhone, Email EmailAddress,
// Fax FaxNumber, TTS and Voice MainPhone else MobilePhone, Workflow the
// first of MobilePhone, MainPhone and EmailAddress) and its Attention, Company,
// FirstName, LastName and Custom1-4 where the destination gave none; a
// contact without that address is dropped. A send left with nobody is
// rejected "Error - Could not find any valid destination(s).".
// (*Server).Recipients lists a message's resolved recipients.
//
// # Opt-out list
//
// v3.00 only (TNZ's OpenAPI file, tag OptOut):
//
//	POST   optout            one entry: DestType, and Destination or ContactID
//	POST   optout/batch      DestType a comma list; Destination, Destinations[], ContactID, ContactIDs[]
//	GET    optout/list       ?timePeriod= (days) &destType= &contactID=, paged
//	GET    optout/{ID}       the entry; PATCH changes what the body gives, DELETE removes it
//
// DestType is SMS, Text, Email, Voice, Speech or Fax, ignoring case, and
// is kept as the live API is reported to keep it: Text for SMS, Speech for
// Voice (and filters match either spelling); anything else answers 400
// "Unsupported DestType - Supported DestType: Fax / Text / SMS / Email /
// Speech / Voice." (TNZ's text). A missing one answers "Empty DestType:
// Please specify DestType"; neither Destination nor ContactID "Empty
// Destination: Please specify Destination or ContactID" (the .NET SDK's
// texts); both at once (not in a batch) "Specify Destination or ContactID,
// not both". A Destination is a phone number, kept in E.164, or an e-mail
// address, at most 60 characters ("Invalid Destination - use a phone
// number in E.164 format or an e-mail address"); a ContactID the Address
// Book does not hold answers 404 RecordNotFound. SubAccount and Department
// (at most 60; empty means all) and StopMessage and Notes (at most 1000)
// are free text. A batch makes an entry for every type and target and
// answers the first, as the file documents. An unknown entry id answers
// 404 {"ErrorMessage":["Unable to find or access the data you're looking
// for."]}. The list's recordsPerPage is 5-1000 ("RecordsPerPage must be
// between 5 and 1000"), timePeriod 1 or more ("TimePeriod must be a number
// of days, 1 or more"); these 400s are not in the file, which documents
// none for the list.
//
// Opt-outs are not behind Address Book access. A send is checked against
// the list when accepted: a recipient is blocked when an entry of its
// channel's type (SMS Text, Email Email, Fax Fax, TTS and Voice Speech;
// WhatsApp, RCS and Workflow have none)
// names its address (phone numbers in E.164, e-mail addresses ignoring
// case) or its ContactID, and the entry's SubAccount and Department are
// empty or the message's (ignoring case).
//
// # Inspection
//
// GET /sandbox/messages lists every accepted send in arrival order:
// Channel, APIVersion ("v3.00", "v2.04", …), MessageID, ReceivedAt,
// JobStatus, ReportTo and AnswerPhoneMessage (as read, see Requests),
// NumberOfOperators, Actions, and Body: the request body as received
// (re-encoded compactly), except that the value of every APIKey member
// (at any depth, name matched case-insensitively) shows as "***"; null or
// blank ones are left. Headers, Authorization included, are never shown.
// (*Server).Received keeps the raw bodies, APIKey included, for tests.
// Beside Messages, ReceivedCounts maps each MessageID to the number of
// sends stored with it (2 or more is a duplicate;
// (*Server).ReceivedCounts returns the same), and DeferredRequests, when not zero,
// counts faulted requests still to be served (see Fault injection).
// Everything stored is shown, visible to the API yet or not.
//
// # Extending
//
// Each message type is a channel value (required content per dialect,
// destination keys, address check, keypads, files, outcome) in the
// channels table; the send, status, action and inspection code is shared
// by both wire formats. Records (the Address Book and the opt-out list)
// are routed by recordRoute in addressbook.go, for v3.00 and v2.04.
package sandbox
