package tnz

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// The opt-out list (API v3.00 only; TNZ's OpenAPI file, tag "OptOut").
// A send to an opted-out destination is still accepted; that
// recipient's result is "Destination is blacklisted".

// OptOut destination types as TNZ's OpenAPI file names them. The server
// also accepts, and may answer with, Text for SMS and Speech for Voice
// (comments in TNZ's .NET SDK); SameOptOutType treats them as equal.
const (
	OptOutSMS   = "SMS"
	OptOutEmail = "Email"
	OptOutVoice = "Voice"
	OptOutFax   = "Fax"
)

// OptOutTypes are the destination types an opt-out may have.
var OptOutTypes = []string{OptOutSMS, OptOutEmail, OptOutVoice, OptOutFax}

// optOutTypeSynonyms are the server's own spellings.
var optOutTypeSynonyms = map[string]string{"text": OptOutSMS, "speech": OptOutVoice}

// CanonicalOptOutType returns t as TNZ's OpenAPI file spells it (Text is
// SMS, Speech is Voice, any case), or t itself when it is none of them.
func CanonicalOptOutType(t string) string {
	l := strings.ToLower(strings.TrimSpace(t))
	if s, ok := optOutTypeSynonyms[l]; ok {
		return s
	}
	for _, s := range OptOutTypes {
		if strings.ToLower(s) == l {
			return s
		}
	}
	return t
}

// SameOptOutType reports whether a and b name the same destination type.
func SameOptOutType(a, b string) bool { return CanonicalOptOutType(a) == CanonicalOptOutType(b) }

// OptOut is an entry of the opt-out list.
type OptOut struct {
	// ID is TNZ's id of the entry (a UUID).
	ID string
	OptOutFields
	// OriginalMessage is the message the opt-out answered, if any.
	OriginalMessage string
	CreatedTimeUTC  string
	UpdatedTimeUTC  string
	Timezone        string
}

// OptOutFields are an entry's writable fields (OptOut_Object).
type OptOutFields struct {
	// DestType is one of OptOutTypes; required.
	DestType string
	// Destination (a phone number in E.164, or an e-mail address) or
	// ContactID (an Address Book contact): exactly one.
	Destination string
	ContactID   string
	// SubAccount and Department limit the entry; empty means all.
	SubAccount string
	Department string
	// StopMessage is the opt-out message received; Notes are free text.
	StopMessage string
	Notes       string
}

func (f OptOutFields) check() error {
	var errs []error
	if strings.TrimSpace(f.DestType) == "" {
		errs = append(errs, fmt.Errorf("an opt-out needs a destination type: one of %s", strings.Join(OptOutTypes, ", ")))
	}
	hasDest, hasContact := strings.TrimSpace(f.Destination) != "", strings.TrimSpace(f.ContactID) != ""
	switch {
	case hasDest && hasContact:
		errs = append(errs, errors.New("an opt-out names a destination or a contact id, not both"))
	case !hasDest && !hasContact:
		errs = append(errs, errors.New("an opt-out needs a destination or a contact id"))
	}
	return errors.Join(errs...)
}

// optOutCreateBody is POST /optout's body: what is empty is left out.
type optOutCreateBody struct {
	DestType    string `json:"DestType"`
	Destination string `json:"Destination,omitempty"`
	ContactID   string `json:"ContactID,omitempty"`
	SubAccount  string `json:"SubAccount,omitempty"`
	Department  string `json:"Department,omitempty"`
	StopMessage string `json:"StopMessage,omitempty"`
	Notes       string `json:"Notes,omitempty"`
}

// optOutUpdateBody is PATCH /optout/{id}'s body: the whole OptOut_Object,
// with empty SubAccount, Department, StopMessage and Notes sent (empty
// scope means all; empty text clears it).
type optOutUpdateBody struct {
	DestType    string `json:"DestType"`
	Destination string `json:"Destination,omitempty"`
	ContactID   string `json:"ContactID,omitempty"`
	SubAccount  string `json:"SubAccount"`
	Department  string `json:"Department"`
	StopMessage string `json:"StopMessage"`
	Notes       string `json:"Notes"`
}

func decodeOptOut(m map[string]json.RawMessage) OptOut {
	return OptOut{
		ID: text(m, "ID", "OptOutID"),
		OptOutFields: OptOutFields{
			DestType:    text(m, "DestType"),
			Destination: text(m, "Destination"),
			ContactID:   text(m, "ContactID"),
			SubAccount:  text(m, "SubAccount"),
			Department:  text(m, "Department"),
			StopMessage: text(m, "StopMessage"),
			Notes:       text(m, "Notes"),
		},
		OriginalMessage: text(m, "OriginalMessage"),
		CreatedTimeUTC:  text(m, "CreatedTimeUTC_RFC3339", "CreatedTimeUTC"),
		UpdatedTimeUTC:  text(m, "UpdatedTimeUTC_RFC3339", "UpdatedTimeUTC"),
		Timezone:        text(m, "Timezone"),
	}
}

func decodeOptOutBody(body []byte) (*OptOut, error) {
	m, err := unwrap(body, "OptOut")
	if err != nil {
		return nil, fmt.Errorf("reading TNZ opt-out: %w", err)
	}
	o := decodeOptOut(m)
	return &o, nil
}

func decodeOptOuts(body []byte) ([]OptOut, pagination, error) {
	objs, p, err := listPage(body, "OptOuts")
	var out []OptOut
	for _, o := range objs {
		out = append(out, decodeOptOut(o))
	}
	return out, p, err
}

// CreateOptOut adds an entry to the opt-out list. It is never sent twice:
// see createRecord; the look-up lists the entries of the same type (and
// contact) and matches the destination.
func (c *Client) CreateOptOut(ctx context.Context, f OptOutFields) (*OptOut, error) {
	a, err := c.optOutAPI()
	if err != nil {
		return nil, err
	}
	if err := f.check(); err != nil {
		return nil, err
	}
	req, err := a.request(http.MethodPost, "optout", "", optOutCreateBody(f))
	if err != nil {
		return nil, err
	}
	return createRecord(ctx, c, "opt-out", req, decodeOptOutBody, func() ([]string, error) {
		found, err := c.ListOptOuts(ctx, OptOutQuery{DestType: f.DestType, ContactID: f.ContactID})
		var ids []string
		for _, o := range found {
			if SameOptOutType(o.DestType, f.DestType) && sameText(o.Destination, f.Destination) &&
				sameText(o.ContactID, f.ContactID) && sameText(o.SubAccount, f.SubAccount) && sameText(o.Department, f.Department) {
				ids = append(ids, o.ID)
			}
		}
		return ids, err
	})
}

// OptOutBatch is several opt-outs in one call (POST /optout/batch): every
// destination and contact, for every type.
type OptOutBatch struct {
	DestTypes    []string
	Destinations []string
	ContactIDs   []string
	SubAccount   string
	Department   string
}

// optOutBatchBody is POST /optout/batch's body. TNZ's OpenAPI file marks
// Destination required beside the Destinations list, so the first
// destination goes there and the rest in Destinations; the same for
// contacts.
type optOutBatchBody struct {
	DestType     string   `json:"DestType"`
	Destination  string   `json:"Destination,omitempty"`
	Destinations []string `json:"Destinations,omitempty"`
	ContactID    string   `json:"ContactID,omitempty"`
	ContactIDs   []string `json:"ContactIDs,omitempty"`
	SubAccount   string   `json:"SubAccount,omitempty"`
	Department   string   `json:"Department,omitempty"`
}

// CreateOptOuts adds a batch of entries. Like CreateOptOut it is never
// sent twice; after an ambiguous failure it reports an
// *UncertainCreateError without looking the entries up (a batch has no one
// record to match). TNZ documents the
// answer as one OptOut_Detail; a list under OptOuts is read too.
func (c *Client) CreateOptOuts(ctx context.Context, b OptOutBatch) ([]OptOut, error) {
	a, err := c.optOutAPI()
	if err != nil {
		return nil, err
	}
	if len(b.DestTypes) == 0 {
		return nil, fmt.Errorf("an opt-out batch needs at least one destination type: %s", strings.Join(OptOutTypes, ", "))
	}
	if len(b.Destinations) == 0 && len(b.ContactIDs) == 0 {
		return nil, errors.New("an opt-out batch needs at least one destination or contact id")
	}
	body := optOutBatchBody{DestType: strings.Join(b.DestTypes, ","), SubAccount: b.SubAccount, Department: b.Department}
	if len(b.Destinations) > 0 {
		body.Destination, body.Destinations = b.Destinations[0], b.Destinations[1:]
	}
	if len(b.ContactIDs) > 0 {
		body.ContactID, body.ContactIDs = b.ContactIDs[0], b.ContactIDs[1:]
	}
	req, err := a.request(http.MethodPost, "optout/batch", "", body)
	if err != nil {
		return nil, err
	}
	return createRecord(ctx, c, "opt-out", req, func(resp []byte) ([]OptOut, error) {
		var top map[string]json.RawMessage
		if err := json.Unmarshal(resp, &top); err != nil {
			return nil, fmt.Errorf("reading TNZ opt-out batch: %w", err)
		}
		if _, ok := top["OptOuts"]; ok {
			out, _, err := decodeOptOuts(resp)
			return out, err
		}
		return []OptOut{decodeOptOut(top)}, nil
	}, nil)
}

// GetOptOut reads an entry. An unknown id answers 404 without a Result
// ("Unable to find or access the data you're looking for."), which
// IsNotFound recognises.
func (c *Client) GetOptOut(ctx context.Context, id string) (*OptOut, error) {
	return c.optOutCall(ctx, http.MethodGet, id, nil)
}

// UpdateOptOut sets every writable field of an entry (PATCH with the whole
// OptOut_Object). Retried like a read.
func (c *Client) UpdateOptOut(ctx context.Context, id string, f OptOutFields) (*OptOut, error) {
	if err := f.check(); err != nil {
		return nil, err
	}
	return c.optOutCall(ctx, http.MethodPatch, id, optOutUpdateBody(f))
}

// DeleteOptOut removes an entry: its destination is no longer blocked.
func (c *Client) DeleteOptOut(ctx context.Context, id string) error {
	_, err := c.optOutCall(ctx, http.MethodDelete, id, nil)
	return err
}

func (c *Client) optOutCall(ctx context.Context, method, id string, body any) (*OptOut, error) {
	a, err := c.optOutAPI()
	if err != nil {
		return nil, err
	}
	seg, err := idSegment("opt-out", id)
	if err != nil {
		return nil, err
	}
	req, err := a.request(method, "optout/"+seg, "", body)
	if err != nil {
		return nil, err
	}
	resp, err := c.call(ctx, req)
	if err != nil {
		return nil, err
	}
	return decodeOptOutBody(resp)
}

// OptOutQuery filters the opt-out list; zero values do not filter.
type OptOutQuery struct {
	// TimePeriod keeps entries created in the past that many days.
	TimePeriod int
	// DestType keeps one destination type.
	DestType string
	// ContactID keeps one contact's entries.
	ContactID string
}

func (q OptOutQuery) encode() string {
	var parts []string
	if q.TimePeriod > 0 {
		parts = append(parts, "timePeriod="+strconv.Itoa(q.TimePeriod))
	}
	if v := strings.TrimSpace(q.DestType); v != "" {
		parts = append(parts, "destType="+queryEscape(v))
	}
	if v := strings.TrimSpace(q.ContactID); v != "" {
		parts = append(parts, "contactID="+queryEscape(v))
	}
	return strings.Join(parts, "&")
}

// ListOptOuts lists the entries q selects, every page (100 per page: the
// copy of TNZ's OpenAPI file in the TypeScript SDK allows at most 100, the
// other copies 1000).
func (c *Client) ListOptOuts(ctx context.Context, q OptOutQuery) ([]OptOut, error) {
	a, err := c.optOutAPI()
	if err != nil {
		return nil, err
	}
	if q.TimePeriod < 0 {
		return nil, fmt.Errorf("time period %d is negative: give a number of days, or 0 for all", q.TimePeriod)
	}
	return recordPages(c, "the opt-out list", func(page int) ([]byte, error) {
		req, err := a.request(http.MethodGet, "optout/list", joinQuery(q.encode(), pageQuery(page, recordsPerPage)), nil)
		if err != nil {
			return nil, err
		}
		return c.call(ctx, req)
	}, decodeOptOuts)
}
