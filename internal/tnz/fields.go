package tnz

// Fields are a destination's personalisation fields, keyed as Render reads
// them (the send resources' attribute names); empty fields are left out.
func Fields(d Destination) map[string]string {
	out := map[string]string{}
	add := func(name, v string) {
		if v != "" {
			out[name] = v
		}
	}
	add("attention", d.Attention)
	add("company", d.Company)
	add("first_name", d.FirstName)
	add("last_name", d.LastName)
	for i, v := range d.Custom {
		add(CustomFieldNames[i], v)
	}
	return out
}

// CustomFieldNames are Custom1..Custom9 as the send resources (and Render)
// name them.
var CustomFieldNames = [9]string{"custom1", "custom2", "custom3", "custom4", "custom5", "custom6", "custom7", "custom8", "custom9"}
