package tnz

// Job statuses the API reports (TNZ's OpenAPI file: `JobStatus`).
const (
	JobPending    = "Pending"
	JobDelayed    = "Delayed"
	JobCompleted  = "Completed"
	JobCreditHold = "CreditHold"
	JobUnknown    = "Unknown"
)

// Recipient statuses the API reports (TNZ's OpenAPI file: `MessageStatus`).
const (
	RecipientSuccess = "Success"
	RecipientFailed  = "Failed"
	RecipientPending = "Pending"
)

// SendResult is what the API answers to an accepted send.
type SendResult struct {
	// MessageID is the id the API answered with (the one sent, or one it generated).
	MessageID string
	// Recovered is true when the request failed ambiguously (e.g. the connection
	// dropped after the body was written) and the client then found the message
	// by its id, so it was sent exactly once.
	Recovered bool
}

// Status is a message's delivery status (v3.00 Message_Detail + Recipients;
// v2.0x equivalents map onto the same fields).
type Status struct {
	MessageID      string
	JobStatus      string
	JobNum         string
	Reference      string
	SubAccount     string
	Department     string
	CreatedTimeUTC string
	DelayedTimeUTC string
	Timezone       string
	Count          int64
	Complete       int64
	Success        int64
	Failed         int64
	Price          string
	Recipients     []RecipientStatus
}

// RecipientStatus is the outcome for one destination.
type RecipientStatus struct {
	Type        string
	DestSeq     string
	Destination string
	ContactID   string
	Status      string
	Result      string
	SentTimeUTC string
	MessageText string
	Replies     []SMSReply
	Attention   string
	Company     string
	// Custom holds Custom1..Custom9 as TNZ reports them; Custom[0] is Custom1.
	Custom [9]string
	// RemoteID is the number dialled for Voice, TTS and Fax, which differs
	// from Destination when TNZ fell back to an alternative phone.
	RemoteID string
	// Price is this recipient's cost as TNZ wrote it, "" when there is none.
	Price string
}

// SMSReply is an inbound SMS matched to an outbound message.
type SMSReply struct {
	ReceivedID      string
	ReceivedTimeUTC string
	From            string
	MessageText     string
}
