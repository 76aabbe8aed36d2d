package provider

import (
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
)

// destinationPaths maps the rejection table's attribute paths, which number
// destinations as the message holds them (recipients first, then the
// destinations blocks), onto the resource's own attributes.
type destinationPaths struct {
	recipients      int  // how many entries recipients has
	hasDestinations bool // whether the destinations attribute is set
	// fromTemplate names attributes whose values came from the template.
	fromTemplate map[string]bool
}

// path returns the attribute for a rejection path; ok is false when the
// rejection concerns the call as a whole.
func (d destinationPaths) path(attr string) (p path.Path, ok bool) {
	if attr == "" {
		return path.Empty(), false
	}
	steps := splitPath(attr)
	if d.fromTemplate[steps[0].name] {
		return path.Root("template").AtName(steps[0].name), true
	}
	if steps[0].name == "destinations" {
		steps = d.destinationSteps(steps)
	}
	p = path.Root(steps[0].name)
	for _, s := range steps[1:] {
		if s.index < 0 {
			// Terraform cannot show the source of an attribute inside a list
			// element, only of the element; the summary names the field.
			break
		}
		p = p.AtListIndex(s.index)
	}
	return p, true
}

func (d destinationPaths) destinationSteps(steps []step) []step {
	if len(steps) == 1 {
		if d.recipients > 0 || !d.hasDestinations {
			return []step{{name: "recipients", index: -1}}
		}
		return steps
	}
	i := steps[1].index
	if i < d.recipients {
		// recipients entries are plain strings: the recipient itself.
		return []step{{name: "recipients", index: -1}, {index: i}}
	}
	out := append([]step{{name: "destinations", index: -1}, {index: i - d.recipients}}, steps[2:]...)
	return out
}

type step struct {
	name  string
	index int // -1 for a named step
}

// splitPath parses "files[0].name" into files, [0], name.
func splitPath(attr string) []step {
	var out []step
	for _, part := range strings.Split(attr, ".") {
		name, rest, _ := strings.Cut(part, "[")
		if name != "" {
			out = append(out, step{name: name, index: -1})
		}
		for rest != "" {
			num, after, _ := strings.Cut(rest, "]")
			i, _ := strconv.Atoi(num)
			out = append(out, step{index: i})
			rest = strings.TrimPrefix(after, "[")
		}
	}
	return out
}
