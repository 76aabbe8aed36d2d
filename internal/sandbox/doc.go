// Package sandbox is a local model of the TNZ messaging REST API, written
// from the reference files (rejection-codes.txt, the v3.00 OpenAPI file and
// tnz-api-notes.md) and independent of the provider's own validators, so
// that the two can disagree. It is an ordinary http.Handler; Listen serves
// it on a TCP address and Main runs it as `terraform-provider-tnz sandbox`.
//
// # Endpoints
//
//	POST /api/v3.00/sms               send an SMS (flat v3 body)
//	GET  /api/v3.00/sms/{MessageID}   status of the most recent message with that id
//	GET  /sandbox/messages            what was accepted, in order (no auth)
//	GET  /sandbox/health              200 when serving
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
// # SMS checks
//
// A rejected send answers 400 {"Result":"Failed","ErrorMessage":[…]} listing
// every failing check, in this order, with the documented texts:
//
//   - "Missing or empty destinations": none of Destination, ToNumber,
//     ContactID, GroupID or a non-empty Destinations.
//   - "Error - Could not find any valid destination(s).": destinations were
//     given but none is usable. Top-level Destination and ToNumber are usable
//     if they are phone numbers; a Destinations entry is usable if it has a
//     phone number in ToNumber, Recipient, MobilePhone or MobileNumber, or a
//     ContactID, GroupID or GroupCode (which the server would resolve). A
//     phone number is, after removing spaces, dashes, dots and parentheses,
//     an optional leading + and 7–15 digits. Unusable entries beside usable
//     ones are dropped.
//   - "Missing or empty message": neither Message nor TemplateID.
//   - "WebhookCallbackURL must start with https://": a non-empty
//     WebhookCallbackURL without that prefix (any case).
//   - "Missing file name on file n" / "Missing file data on file n": the
//     n-th (1-based) Files entry lacks Name or Data.
//   - "Invalid MessageID - use at most 40 letters, digits or '-'": the
//     sandbox's own wording; the API documents the limit but no text.
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
// Live outcomes are chosen from the recipient so tests can ask for them:
//
//   - a phone number whose digits end in 99: Status Failed, Result
//     "Bad Number", no price;
//   - any other phone number: Status Success, Result "Delivered", Price
//     "0.10";
//   - a ContactID, GroupID or GroupCode entry: one recipient, Success,
//     "Delivered", "0.10", with an empty Destination.
//
// # Status
//
// The status answer follows SPEC Message_Detail + Pagination + Recipients.
// JobNum is "SB" and six hex digits of a counter; Account is "101202";
// times are given as Local ("YYYY-MM-DD HH:MM:SS" in the Timezone, default
// "New Zealand", i.e. Pacific/Auckland, or UTC if zone data is missing),
// UTC, and UTC_RFC3339. Price is the sum of recipient prices, null while
// there is none. Recipients show Destination in E.164: +… is kept, 00… becomes
// +…, a local 0… number is taken as New Zealand (+64…), bare digits get a
// +. Attention, Company and Custom1–Custom9 are echoed; MessageText (with
// [[FirstName]]-style tokens filled from the entry) and SentTime* appear
// once the recipient has an outcome, MessageText only if it was delivered.
// recordsPerPage and page are accepted, but every recipient is on page 1.
// An unknown id answers 404 {"Result":"RecordNotFound","MessageID":"<id>",
// "ErrorMessage":["Unable to find entry."]}.
//
// # Extending
//
// Each message type is a channel value (required content, destination keys,
// address check, outcome) in the channels table; the send, status and
// inspection code is shared. v2.0x routes, actions and fault injection
// belong in the routing of server.go and inspect.go.
package sandbox
