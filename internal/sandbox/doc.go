// Package sandbox is a local model of the TNZ messaging REST API, written
// from the reference files (rejection-codes.txt, the v3.00 OpenAPI file and
// tnz-api-notes.md) and independent of the provider's own validators, so
// that the two can disagree. It is an ordinary http.Handler; Listen serves
// it on a TCP address and Main runs it as `terraform-provider-tnz sandbox`.
//
// # Endpoints
//
//	POST /api/v3.00/{channel}               send (flat v3 body)
//	GET  /api/v3.00/{channel}/{MessageID}   status of the most recent message with that id
//	GET  /sandbox/messages                  what was accepted, in order (no auth)
//	GET  /sandbox/health                    200 when serving
//
// where {channel} is sms, email, fax, tts or voice. Each channel keeps its
// own messages: an id sent by /tts is not found at /voice.
//
// Path segments match case-insensitively and one trailing slash is ignored.
// Other paths answer 404 {"ErrorMessage":["Unable to find or access the
// data you're looking for."]}; a known path with the wrong method answers 405.
//
// # Requests
//
// /api/ routes need "Authorization: Bearer <token>"; "Basic <token>" is
// accepted too because TNZ's own sources disagree on the v3 prefix. A
// missing or wrong token answers 401 with SPEC's "Access denied" body. A
// send whose Content-Type is not application/json (parameters allowed), or
// whose Accept header excludes JSON, answers 415 with SPEC's placeholder
// body; a body that is not one JSON object answers 400 "Failed to process
// your API request. Check your syntax.".
//
// Bodies are read leniently, as the real server does: unknown keys are
// ignored, explicit nulls count as absent, numbers and booleans are read as
// text where a string is expected, and blank strings count as empty. Keys
// are case-sensitive (v3 spells them as SPEC does, e.g. Timezone).
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
//     (SPEC's own example is +64800123123) and then 10 or more digits,
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
//     MessagePlain, MessageHTML, its SPEC synonym Message and TemplateID are
//     all empty.
//   - Fax: phone numbers in top-level Destination or ToNumber, or in an
//     entry's ToNumber, Recipient or FaxNumber. Content: "Missing fax
//     contents - Empty or missing message & file fields" when Files is
//     empty and neither v2's Message nor TemplateID is given.
//   - TTS: phone numbers in top-level Destination, MainPhone or ToNumber,
//     or in an entry's MainPhone, Recipient, PhoneNumber or ToNumber.
//     Content: "Missing message to people" when MessageToPeople, its SPEC
//     synonym Message and TemplateID are all empty. Keypads are checked.
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
// the future (read in the message's Timezone) makes it Delayed until then,
// and the delay runs from there. Mode "Test" completes at once with every
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
// # Status
//
// The status answer follows SPEC Message_Detail + Pagination + Recipients
// on every channel.
// JobNum is "SB" and six hex digits of a counter; Account is "101202";
// times are given as Local ("YYYY-MM-DD HH:MM:SS" in the Timezone, default
// "New Zealand", i.e. Pacific/Auckland, or UTC if zone data is missing),
// UTC, and UTC_RFC3339. Price is the sum of recipient prices, null while
// there is none. Recipients[].Type is "SMS", "Email", "Fax", or "Voice" for
// both TTS and Voice (SPEC; the result webhook says "Voice (also TTS)").
// Destination is the e-mail address as given, or a phone number in E.164:
// +… is kept, 00… becomes +…, a local 0… number is taken as New Zealand
// (+64…), bare digits get a +. Attention, Company and Custom1–Custom9 are
// echoed; SentTime* appear once the recipient has an outcome. Only SMS
// recipients have SMSReplies (always []) and MessageText: the Message with
// [[FirstName]]-style tokens filled from the entry, shown only once the
// recipient was delivered.
// recordsPerPage and page are accepted, but every recipient is on page 1.
// An unknown id answers 404 {"Result":"RecordNotFound","MessageID":"<id>",
// "ErrorMessage":["Unable to find entry."]}.
//
// # Extending
//
// Each message type is a channel value (required content, destination keys,
// address check, keypads, files, outcome) in the channels table; the send,
// status and inspection code is shared. v2.0x routes, actions and fault injection
// belong in the routing of server.go and inspect.go.
package sandbox
