package rejection

import (
	"strconv"
	"strings"
)

// Path names what a finding concerns in the terms of the message being
// checked: an attribute (Root("message")), an element of a list attribute
// (Root("files").AtIndex(1)), or a field of that element
// (Root("files").AtIndex(1).AtName("name")). Destinations are numbered as
// the message holds them; the provider maps a Path onto its own attributes.
//
// A field without an element (Root("files").AtName("name")) is the field
// of every element: the form a numbered row's attribute takes in the table.
// The zero Path is the call as a whole.
type Path struct {
	name    string
	index   int
	indexed bool
	field   string
}

// Root is the attribute called name.
func Root(name string) Path { return Path{name: name} }

// AtIndex is element i (0-based) of the list attribute p names.
func (p Path) AtIndex(i int) Path {
	p.index, p.indexed, p.field = i, true, ""
	return p
}

// AtName is the field of p's element.
func (p Path) AtName(field string) Path {
	p.field = field
	return p
}

// Name is the attribute's name; "" for the call as a whole.
func (p Path) Name() string { return p.name }

// Index is the element's 0-based index, if p names an element.
func (p Path) Index() (int, bool) { return p.index, p.indexed }

// Field is the element's field, or "".
func (p Path) Field() string { return p.field }

// IsZero reports whether p is the call as a whole.
func (p Path) IsZero() bool { return p == Path{} }

// String writes p as "files[1].name", or "files[x].name" for the field of
// every element.
func (p Path) String() string {
	var b strings.Builder
	b.WriteString(p.name)
	switch {
	case p.indexed:
		b.WriteString("[" + strconv.Itoa(p.index) + "]")
	case p.field != "":
		b.WriteString("[x]")
	}
	if p.field != "" {
		b.WriteString("." + p.field)
	}
	return b.String()
}

// parent drops p's last step; ok is false for an attribute.
func (p Path) parent() (Path, bool) {
	switch {
	case p.field != "":
		p.field = ""
		return p, true
	case p.indexed:
		p.index, p.indexed = 0, false
		return p, true
	}
	return Path{}, false
}

// Unknowns is the set of paths whose values are unknown at plan time.
type Unknowns map[Path]struct{}

// Add marks p unknown.
func (u Unknowns) Add(p Path) { u[p] = struct{}{} }

// Is reports whether the value at p is unknown: it or a value containing it is.
func (u Unknowns) Is(p Path) bool {
	for {
		if _, ok := u[p]; ok {
			return true
		}
		var more bool
		if p, more = p.parent(); !more {
			return false
		}
	}
}

// Within reports whether anything at or below p is unknown.
func (u Unknowns) Within(p Path) bool {
	if u.Is(p) {
		return true
	}
	for q := range u {
		for {
			var more bool
			if q, more = q.parent(); !more {
				break
			}
			if q == p {
				return true
			}
		}
	}
	return false
}
