// Package rejection holds the one table of TNZ's documented rejection codes
// (testdata/rejection-codes.txt is TNZ's table as published). Each row
// carries the verbatim text, the channels it applies to, the attribute it
// concerns and, where the values can be known before sending, the check.
//
// Three consumers read it and nothing else: the provider's plan-time
// validation (Check; credential rows through ForAuth, whose rules the client
// owns), the mapping of server responses back to attributes (Lookup,
// FromAPIError), and the generated docs page (Guide).
//
// A finding's attribute is a typed Path in the message's own terms:
// Root("files").AtIndex(0).AtName("name"). Destinations are numbered as the
// message holds them, recipients first; the provider maps a Path onto its
// own attributes.
package rejection
