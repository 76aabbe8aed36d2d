package sandbox

// Recipient is one recipient of an accepted message as the sandbox
// resolved it: Address Book groups expanded to their members, contacts to
// their address.
type Recipient struct {
	// Destination is the address (E.164 for phone numbers); "" for an id
	// the Address Book does not hold.
	Destination string
	ContactID   string
	// Blacklisted is true when the opt-out list blocks the recipient.
	Blacklisted bool
}

// Recipients returns the recipients of the most recent message with
// messageID on any channel, in order, or nil when there is none. It is for
// tests: counting who a send to a group reached.
func (s *Server) Recipients(messageID string) []Recipient {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.store.latest(nil, messageID)
	if m == nil {
		return nil
	}
	out := make([]Recipient, 0, len(m.recipients))
	for _, r := range m.recipients {
		out = append(out, Recipient{Destination: r.address, ContactID: r.contactID, Blacklisted: r.blacklisted})
	}
	return out
}
