package tnz

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// Action is something done to a message after it was sent (TNZ's OpenAPI file;
// v3.00: PATCH /{channel}/{MessageID}/{action}). Its value is the path
// segment.
type Action string

const (
	// ActionAbort cancels a delayed (scheduled) message.
	ActionAbort Action = "abort"
	// ActionReschedule moves a delayed message to a new send time.
	ActionReschedule Action = "reschedule"
	// ActionResubmit sends a failed message again.
	ActionResubmit Action = "resubmit"
	// ActionPacing changes the number of operators a pending call job
	// routes to (how many calls run at once).
	ActionPacing Action = "pacing"
)

// Channels lists the channels that support the action (the paths of TNZ's
// OpenAPI file; the TS and Python v3 SDKs refuse the others client-side):
// abort and reschedule every channel with a status (all but Workflow),
// resubmit Email, Fax and the call channels, pacing only the call channels.
func (a Action) Channels() []Channel {
	switch a {
	case ActionAbort, ActionReschedule:
		return slices.Clone(StatusChannels)
	case ActionResubmit:
		return []Channel{Email, Fax, TTS, Voice}
	case ActionPacing:
		return []Channel{TTS, Voice}
	}
	return nil
}

// Supports reports whether ch supports the action.
func (a Action) Supports(ch Channel) bool { return slices.Contains(a.Channels(), ch) }

// ActionResult is the API's answer to an action.
type ActionResult struct {
	// MessageID is the message acted on (the server's echo, else the id asked for).
	MessageID string
	// JobNum is TNZ's job number, if the server gave it.
	JobNum string
	// Status is the job status after the action (JobDelayed, JobPending…), if given.
	Status string
	// Action is the action as the server names it ("Abort", "Reschedule",
	// "Resubmit", "Pacing"), if given.
	Action string
	// Result is the call's outcome ("Success"): v3.00's ActionResult, v2.0x's
	// Result; "" when the server sent neither. A Result other than Success is
	// returned as an *APIError instead.
	Result string
}

// Bounds of NumberOfOperators (TNZ's OpenAPI file: schemas.NumberOfOperators).
const (
	MinNumberOfOperators = 1
	MaxNumberOfOperators = 99999
)

// Abort cancels a delayed message on any channel but Workflow. It sets a
// state, so it is retried like a GET (connection errors, 429, 5xx); a
// repeat that reaches TNZ after an earlier attempt did may be answered with
// an error, as the message is no longer delayed.
func (c *Client) Abort(ctx context.Context, ch Channel, messageID string) (ActionResult, error) {
	return c.act(ctx, ActionAbort, ch, messageID, actionArgs{})
}

// Reschedule moves a delayed message on any channel but Workflow to
// sendTime ("YYYY-MM-DDThh:mm[:ss]", read in the message's own Timezone).
// It is retried like a GET: sending the same time twice changes nothing.
func (c *Client) Reschedule(ctx context.Context, ch Channel, messageID, sendTime string) (ActionResult, error) {
	if strings.TrimSpace(sendTime) == "" {
		return ActionResult{}, fmt.Errorf("a send time is required to reschedule message %q", messageID)
	}
	return c.act(ctx, ActionReschedule, ch, messageID, actionArgs{SendTime: sendTime})
}

// Resubmit sends a failed Email, Fax, TTS or Voice message again (TNZ has no
// SMS resubmit), at sendTime, or straight away when sendTime is "" (SendTime
// is then left out of the body: the OpenAPI file requires it, the TypeScript SDK does not).
//
// Resubmit sends a message, so like Send it is never retried once the
// request may have reached TNZ: only a refused connection or a 429 is
// retried. A failure after that (timeout, dropped connection, 5xx) is an
// *UncertainSendError: check the message's status before resubmitting.
func (c *Client) Resubmit(ctx context.Context, ch Channel, messageID, sendTime string) (ActionResult, error) {
	return c.act(ctx, ActionResubmit, ch, messageID, actionArgs{SendTime: sendTime})
}

// Pacing sets the number of operators (1-99999) a pending TTS or Voice job
// routes calls to. It is retried like a GET.
func (c *Client) Pacing(ctx context.Context, ch Channel, messageID string, numberOfOperators int) (ActionResult, error) {
	if numberOfOperators < MinNumberOfOperators || numberOfOperators > MaxNumberOfOperators {
		return ActionResult{}, fmt.Errorf("number of operators %d is out of range: it must be between %d and %d",
			numberOfOperators, MinNumberOfOperators, MaxNumberOfOperators)
	}
	return c.act(ctx, ActionPacing, ch, messageID, actionArgs{NumberOfOperators: numberOfOperators})
}

func (c *Client) act(ctx context.Context, a Action, ch Channel, messageID string, args actionArgs) (ActionResult, error) {
	if err := c.checkTarget(ch, messageID, string(a)+" a message"); err != nil {
		return ActionResult{}, err
	}
	if !a.Supports(ch) {
		return ActionResult{}, fmt.Errorf("%s is not available for %s messages: TNZ supports it for %s",
			a, ch.Title(), channelList(a.Channels()))
	}
	req, err := c.dialect.actionRequest(a, ch, messageID, args)
	if err != nil {
		return ActionResult{}, err
	}
	// Abort, reschedule and pacing set a state: repeating one changes
	// nothing, so they retry like a GET. Resubmit sends the message again,
	// so it retries only what cannot have reached TNZ, as Send does.
	rc, resubmit := c.idempotent, a == ActionResubmit
	if resubmit {
		rc = c.unsafe
	}
	resp, err := c.do(ctx, rc, req)
	if err != nil {
		if resubmit && !notSent(err) {
			return ActionResult{}, &UncertainSendError{MessageID: messageID, Err: err}
		}
		return ActionResult{}, err
	}
	switch {
	case resp.status >= 200 && resp.status < 300:
		return c.dialect.decodeAction(resp.status, resp.body, messageID)
	case resubmit && resp.status >= 500:
		return ActionResult{}, &UncertainSendError{MessageID: messageID, Err: newAPIError(resp.status, resp.body)}
	default:
		return ActionResult{}, newAPIError(resp.status, resp.body)
	}
}

// channelList writes channels as TNZ names them: "Email, Fax, TTS and Voice".
func channelList(chs []Channel) string {
	names := make([]string, len(chs))
	for i, ch := range chs {
		names[i] = ch.Title()
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
