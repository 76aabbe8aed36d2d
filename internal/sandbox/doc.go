// Package sandbox is a local model of the TNZ messaging REST API, written
// from TNZ's public material (the rejection table of TNZ's API
// documentation, TNZ's OpenAPI file for v3.00, and TNZ's SDKs) and independent of the provider's own validators, so
// that the two can disagree. It is an ordinary http.Handler; Listen serves
// it on a TCP address and Main runs it as `terraform-provider-tnz sandbox`.
//
// # Endpoints
//
//	POST  /api/v3.00/{channel}                         send (flat v3 body)
//	GET   /api/v3.00/{channel}/{MessageID}             status of the most recent message with that id
//	PATCH /api/v3.00/{channel}/{MessageID}/abort       abort a message not sent yet
//	PATCH /api/v3.00/{channel}/{MessageID}/reschedule  move a Delayed message
//	PATCH /api/v3.00/{channel}/{MessageID}/resubmit    send failed recipients again (not sms)
//	PATCH /api/v3.00/{channel}/{MessageID}/pacing      set NumberOfOperators (tts and voice only)
//	GET   /api/v3.00/sms/received                      inbound SMS
//	POST  /api/{v2}/send/{channel}                     send ({"MessageData":{…}}), see API v2.0x
//	GET   /api/{v2}/get/status/{MessageID}             status, any channel
//	POST  /api/{v2}/get/status                         the same, {Sender,APIKey,MessageID} (legacy form)
//	GET   /api/{v2}/get/sms/reply/{MessageID}          SMS status with its replies
//	POST  /api/{v2}/get/sms/reply                      the same, legacy form
//	GET   /api/{v2}/get/sms/received                   inbound SMS (?timePeriod= or ?dateFrom=&dateTo=)
//	POST  /api/{v2}/get/sms/received                   the same, parameters in the body
//	PATCH /api/{v2}/set/{action}/{MessageID}           abort, reschedule, resubmit or pacing
//	POST  /api/{v2}/set/{action}                       the same, {Sender,APIKey,MessageID,…}
//	GET   /sandbox/messages                            what was accepted, in order, with its actions (no auth)
//	GET   /sandbox/notifications                       e-mails sent by the v2 deferred authentication (no auth)
//	POST  /sandbox/inbound                             inject an inbound SMS (no auth)
//	GET   /sandbox/health                              200 when serving
//
// where {v2} is v2.01, v2.02, v2.03 or v2.04, and {channel} is sms, email,
// fax, tts or voice. Each channel keeps its
// own messages: an id sent by /tts is not found at /voice. Actions act on
// the most recent message with the id, as the OpenAPI file says. /sms/received is the
// inbound list, so an SMS whose MessageID is "received" has no readable
// status (its actions still work); on the other channels "received" is an
// ordinary id. resubmit on sms and pacing on sms, email and fax are not in
// the OpenAPI file and answer 404 as unknown paths.
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
// 1-based position in the list concerned):
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
//  4. TTS and Voice only, for each Keypads entry n in turn:
//     "Missing tone on keypad n" when Tone is absent;
//     "Invalid tone on keypad n. Tone must be between 0~9" when Tone is not
//     one of the integers 0–9 (a JSON number, or a string read leniently);
//     "Missing RouteNumber/Play on keypad n" when none of RouteNumber, Play,
//     PlaySection or v2's PlayFile is given;
//     "Invalid RouteNumber format on keypad n" when RouteNumber is given but
//     is not "greater than 9 digits and numeric": an optional leading +
//     (TNZ's OpenAPI file's own example is +64800123123) and then 10 or more digits,
//     nothing else.
//  5. "WebhookCallbackURL must start with https://": a non-empty
//     WebhookCallbackURL without that prefix (any case).
//  6. SMS, Email and Fax only: "Missing file name on file n" / "Missing file
//     data on file n" when the n-th Files entry lacks Name or Data.
//  7. "Invalid MessageID - use at most 40 letters, digits or '-'": the
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
//     otherwise Success "Answered" at 0.40.
//
// A ContactID, GroupID or GroupCode entry (or top-level ContactID or
// GroupID) is one recipient with an empty Destination that always succeeds.
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
// aborted ones). Only SMS recipients have SMSReplies (TNZ's OpenAPI file
// SMSReplies_Detail, [] when none) and MessageText: the Message with
// [[FirstName]]-style tokens filled from the entry, shown only once the
// recipient was delivered.
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
// # Inbound SMS
//
// Inbound SMS exist only when injected: (*Server).InjectReply for a reply
// to an SMS, (*Server).InjectInbound for an SMS that matches none, or POST
// /sandbox/inbound {"From","MessageText","MessageID"?} (no auth, like the
// other /sandbox routes; a reply when MessageID is given). Each is
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
// (*Server).InjectFaults queues Faults (faults.go). Each applies to the
// next /api/ request that matches its Method and PathPrefix (both
// optional; case-insensitive), oldest first, before routing and auth; a
// request matching none is served normally, and /sandbox/ routes are
// never faulted. FaultLatency holds the request for Delay (real time,
// bounded by the request's context: if that ends first nothing is served
// or stored) and then serves it. FaultServerError answers 500
// {"Result":"Failed","ErrorMessage":["Error occurred while creating job"]}
// (the documented text) and FaultRateLimited 429 with "Retry-After: 1" and
// the sandbox's own {"Result":"Failed","ErrorMessage":["Too many requests -
// retry after 1 second"]} (TNZ documents no 429); neither stores anything.
// FaultDropAfterAccept serves the request (a valid send is stored) and then
// closes the connection without a response, through http.Hijacker; where
// the connection cannot be hijacked (HTTP/2, a ResponseRecorder) it panics
// with http.ErrAbortHandler, which net/http servers answer by aborting the
// response. Faulted requests count in APIRequests. Note that Go's
// http.Transport retries a dropped idempotent request (GET) on a reused
// connection by itself.
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
// credentials. The Node SDK's legacy-only /get/result and the Address Book are not
// modelled (404).
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
//
// # Extending
//
// Each message type is a channel value (required content per dialect,
// destination keys, address check, keypads, files, outcome) in the
// channels table; the send, status, action and inspection code is shared
// by both wire formats. The Address Book belongs in the routing of
// server.go (v3) and v2.go.
package sandbox
