// Package rejection holds the one table of TNZ's documented rejection codes
// (shared/reference/rejection-codes.txt). Each row carries the verbatim text,
// the channels it applies to, the Terraform attribute it concerns and, where
// the values can be known before sending, the check.
//
// Three consumers read it and nothing else: the provider's plan-time
// validation (Check, CheckCredentials), the mapping of server responses back to
// attributes (Lookup, FromAPIError), and the generated docs page (Table).
//
// Attribute paths are written as strings in the send resources' attribute
// names: "message", "files[0].name", "destinations[2].recipient". Destinations
// are numbered as the message has them, recipients first; the provider turns
// those into its own paths.
package rejection
