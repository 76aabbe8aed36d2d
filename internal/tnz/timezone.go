package tnz

import (
	"slices"
	"strings"
	"sync"
	"time"

	// Embedded zone data, so that conversions work on machines without a
	// zoneinfo database (Windows, minimal containers).
	_ "time/tzdata"
)

// TNZ reads Timezone (v2.0x TimeZone) as a Windows time zone (TNZ's OpenAPI
// file: "based on Windows Timezones"), named as in its examples: "New
// Zealand", "AUS Eastern", "E. Australia", "W. Australia", "Cen. Australia"
// and "Central Pacific" - the Windows zone ID without " Standard Time".
// TNZ's own list (https://www.tnz.co.nz/help/setting-timezones) is not
// published in a form this repository has, so the table holds every
// Windows zone in the Unicode CLDR's Windows-to-IANA mapping
// (windowsZones.xml, territory 001), named by the same rule; only those six
// names are confirmed by TNZ's documentation.

// UTCTimezone is the Timezone sent with a send time converted to UTC when
// the message names no timezone: "UTC", the Windows zone ID for
// Coordinated Universal Time (it has no " Standard Time" to drop). TNZ
// documents no name for UTC; if it refused this one, "Greenwich"
// (Greenwich Standard Time, UTC+0 without daylight saving) is the
// alternative that follows TNZ's naming rule.
const UTCTimezone = "UTC"

// windowsZones maps each Windows zone ID to the IANA zone CLDR gives for
// it.
var windowsZones = []struct{ windows, iana string }{
	{"Egypt Standard Time", "Africa/Cairo"},
	{"Morocco Standard Time", "Africa/Casablanca"},
	{"South Africa Standard Time", "Africa/Johannesburg"},
	{"South Sudan Standard Time", "Africa/Juba"},
	{"Sudan Standard Time", "Africa/Khartoum"},
	{"W. Central Africa Standard Time", "Africa/Lagos"},
	{"E. Africa Standard Time", "Africa/Nairobi"},
	{"Sao Tome Standard Time", "Africa/Sao_Tome"},
	{"Libya Standard Time", "Africa/Tripoli"},
	{"Namibia Standard Time", "Africa/Windhoek"},
	{"Aleutian Standard Time", "America/Adak"},
	{"Alaskan Standard Time", "America/Anchorage"},
	{"Tocantins Standard Time", "America/Araguaina"},
	{"Paraguay Standard Time", "America/Asuncion"},
	{"Bahia Standard Time", "America/Bahia"},
	{"SA Pacific Standard Time", "America/Bogota"},
	{"Argentina Standard Time", "America/Buenos_Aires"},
	{"Eastern Standard Time (Mexico)", "America/Cancun"},
	{"Venezuela Standard Time", "America/Caracas"},
	{"SA Eastern Standard Time", "America/Cayenne"},
	{"Central Standard Time", "America/Chicago"},
	{"Central Brazilian Standard Time", "America/Cuiaba"},
	{"Mountain Standard Time", "America/Denver"},
	{"Greenland Standard Time", "America/Godthab"},
	{"Turks And Caicos Standard Time", "America/Grand_Turk"},
	{"Central America Standard Time", "America/Guatemala"},
	{"Atlantic Standard Time", "America/Halifax"},
	{"Cuba Standard Time", "America/Havana"},
	{"US Eastern Standard Time", "America/Indianapolis"},
	{"SA Western Standard Time", "America/La_Paz"},
	{"Pacific Standard Time", "America/Los_Angeles"},
	{"Mountain Standard Time (Mexico)", "America/Mazatlan"},
	{"Central Standard Time (Mexico)", "America/Mexico_City"},
	{"Saint Pierre Standard Time", "America/Miquelon"},
	{"Montevideo Standard Time", "America/Montevideo"},
	{"Eastern Standard Time", "America/New_York"},
	{"US Mountain Standard Time", "America/Phoenix"},
	{"Haiti Standard Time", "America/Port-au-Prince"},
	{"Magallanes Standard Time", "America/Punta_Arenas"},
	{"Canada Central Standard Time", "America/Regina"},
	{"Pacific SA Standard Time", "America/Santiago"},
	{"E. South America Standard Time", "America/Sao_Paulo"},
	{"Newfoundland Standard Time", "America/St_Johns"},
	{"Pacific Standard Time (Mexico)", "America/Tijuana"},
	{"Yukon Standard Time", "America/Whitehorse"},
	{"Jordan Standard Time", "Asia/Amman"},
	{"Arabic Standard Time", "Asia/Baghdad"},
	{"Azerbaijan Standard Time", "Asia/Baku"},
	{"SE Asia Standard Time", "Asia/Bangkok"},
	{"Altai Standard Time", "Asia/Barnaul"},
	{"Middle East Standard Time", "Asia/Beirut"},
	{"Central Asia Standard Time", "Asia/Bishkek"},
	{"India Standard Time", "Asia/Calcutta"},
	{"Transbaikal Standard Time", "Asia/Chita"},
	{"Sri Lanka Standard Time", "Asia/Colombo"},
	{"Syria Standard Time", "Asia/Damascus"},
	{"Bangladesh Standard Time", "Asia/Dhaka"},
	{"Arabian Standard Time", "Asia/Dubai"},
	{"West Bank Standard Time", "Asia/Hebron"},
	{"W. Mongolia Standard Time", "Asia/Hovd"},
	{"North Asia East Standard Time", "Asia/Irkutsk"},
	{"Israel Standard Time", "Asia/Jerusalem"},
	{"Afghanistan Standard Time", "Asia/Kabul"},
	{"Russia Time Zone 11", "Asia/Kamchatka"},
	{"Pakistan Standard Time", "Asia/Karachi"},
	{"Nepal Standard Time", "Asia/Katmandu"},
	{"North Asia Standard Time", "Asia/Krasnoyarsk"},
	{"Magadan Standard Time", "Asia/Magadan"},
	{"N. Central Asia Standard Time", "Asia/Novosibirsk"},
	{"Omsk Standard Time", "Asia/Omsk"},
	{"North Korea Standard Time", "Asia/Pyongyang"},
	{"Qyzylorda Standard Time", "Asia/Qyzylorda"},
	{"Myanmar Standard Time", "Asia/Rangoon"},
	{"Arab Standard Time", "Asia/Riyadh"},
	{"Sakhalin Standard Time", "Asia/Sakhalin"},
	{"Korea Standard Time", "Asia/Seoul"},
	{"China Standard Time", "Asia/Shanghai"},
	{"Singapore Standard Time", "Asia/Singapore"},
	{"Russia Time Zone 10", "Asia/Srednekolymsk"},
	{"Taipei Standard Time", "Asia/Taipei"},
	{"West Asia Standard Time", "Asia/Tashkent"},
	{"Georgian Standard Time", "Asia/Tbilisi"},
	{"Iran Standard Time", "Asia/Tehran"},
	{"Tokyo Standard Time", "Asia/Tokyo"},
	{"Tomsk Standard Time", "Asia/Tomsk"},
	{"Ulaanbaatar Standard Time", "Asia/Ulaanbaatar"},
	{"Vladivostok Standard Time", "Asia/Vladivostok"},
	{"Yakutsk Standard Time", "Asia/Yakutsk"},
	{"Ekaterinburg Standard Time", "Asia/Yekaterinburg"},
	{"Caucasus Standard Time", "Asia/Yerevan"},
	{"Azores Standard Time", "Atlantic/Azores"},
	{"Cape Verde Standard Time", "Atlantic/Cape_Verde"},
	{"Greenwich Standard Time", "Atlantic/Reykjavik"},
	{"Cen. Australia Standard Time", "Australia/Adelaide"},
	{"E. Australia Standard Time", "Australia/Brisbane"},
	{"AUS Central Standard Time", "Australia/Darwin"},
	{"Aus Central W. Standard Time", "Australia/Eucla"},
	{"Tasmania Standard Time", "Australia/Hobart"},
	{"Lord Howe Standard Time", "Australia/Lord_Howe"},
	{"W. Australia Standard Time", "Australia/Perth"},
	{"AUS Eastern Standard Time", "Australia/Sydney"},
	{"UTC-11", "Etc/GMT+11"},
	{"Dateline Standard Time", "Etc/GMT+12"},
	{"UTC-02", "Etc/GMT+2"},
	{"UTC-08", "Etc/GMT+8"},
	{"UTC-09", "Etc/GMT+9"},
	{"UTC+12", "Etc/GMT-12"},
	{"UTC+13", "Etc/GMT-13"},
	{"UTC", "Etc/UTC"},
	{"Astrakhan Standard Time", "Europe/Astrakhan"},
	{"W. Europe Standard Time", "Europe/Berlin"},
	{"GTB Standard Time", "Europe/Bucharest"},
	{"Central Europe Standard Time", "Europe/Budapest"},
	{"E. Europe Standard Time", "Europe/Chisinau"},
	{"Turkey Standard Time", "Europe/Istanbul"},
	{"Kaliningrad Standard Time", "Europe/Kaliningrad"},
	{"FLE Standard Time", "Europe/Kiev"},
	{"GMT Standard Time", "Europe/London"},
	{"Belarus Standard Time", "Europe/Minsk"},
	{"Russian Standard Time", "Europe/Moscow"},
	{"Romance Standard Time", "Europe/Paris"},
	{"Russia Time Zone 3", "Europe/Samara"},
	{"Saratov Standard Time", "Europe/Saratov"},
	{"Volgograd Standard Time", "Europe/Volgograd"},
	{"Central European Standard Time", "Europe/Warsaw"},
	{"Mauritius Standard Time", "Indian/Mauritius"},
	{"Samoa Standard Time", "Pacific/Apia"},
	{"New Zealand Standard Time", "Pacific/Auckland"},
	{"Bougainville Standard Time", "Pacific/Bougainville"},
	{"Chatham Islands Standard Time", "Pacific/Chatham"},
	{"Easter Island Standard Time", "Pacific/Easter"},
	{"Fiji Standard Time", "Pacific/Fiji"},
	{"Central Pacific Standard Time", "Pacific/Guadalcanal"},
	{"Hawaiian Standard Time", "Pacific/Honolulu"},
	{"Line Islands Standard Time", "Pacific/Kiritimati"},
	{"Marquesas Standard Time", "Pacific/Marquesas"},
	{"Norfolk Standard Time", "Pacific/Norfolk"},
	{"West Pacific Standard Time", "Pacific/Port_Moresby"},
	{"Tonga Standard Time", "Pacific/Tongatapu"},
}

// tnzZoneName is the name TNZ uses for a Windows zone ID.
func tnzZoneName(windowsID string) string {
	return strings.Replace(windowsID, " Standard Time", "", 1)
}

// TimezoneNames lists TNZ's timezone names, sorted.
func TimezoneNames() []string {
	out := make([]string, len(windowsZones))
	for i, z := range windowsZones {
		out[i] = tnzZoneName(z.windows)
	}
	slices.Sort(out)
	return out
}

// TimezoneLocation is the zone TNZ means by name, a TNZ timezone name as
// written (case and spacing exact), with the IANA zone's rules.
func TimezoneLocation(name string) (*time.Location, bool) {
	for _, z := range windowsZones {
		if tnzZoneName(z.windows) == name {
			loc, err := time.LoadLocation(z.iana)
			return loc, err == nil
		}
	}
	return nil, false
}

// TimezoneKind says what a timezone value is.
type TimezoneKind int

const (
	// TimezoneTNZ is one of TNZ's names, written as TNZ writes it.
	TimezoneTNZ TimezoneKind = iota + 1
	// TimezoneRespelled is one of TNZ's names in another case or spacing,
	// or the full Windows zone ID ("New Zealand Standard Time").
	TimezoneRespelled
	// TimezoneIANA is an IANA zone ("Pacific/Auckland") or a common
	// abbreviation ("NZST") of a zone TNZ has under another name.
	TimezoneIANA
	// TimezoneUnknown is none of those.
	TimezoneUnknown
)

// TimezoneCheck is what CheckTimezone found.
type TimezoneCheck struct {
	Kind TimezoneKind
	// Name is the TNZ name to send for the value; "" when unknown.
	Name string
	// Suggestions are, for an unknown value, up to three TNZ names: those
	// of zones with the same UTC offsets when the value is an IANA zone
	// TNZ has no equal of, else those closest in spelling.
	Suggestions []string
}

// timezoneAliases are names people use for zones TNZ has, beyond the IANA
// zones in windowsZones, by Windows zone ID: other IANA names of the same
// zones in New Zealand, Australia and the Pacific, the names of UTC, and
// common abbreviations there. They are read in any case. IANA names not
// here are matched by their rules (equivalentZones).
var timezoneAliases = map[string][]string{
	"New Zealand Standard Time":     {"NZ", "Antarctica/McMurdo", "Antarctica/South_Pole", "NZST", "NZDT"},
	"Chatham Islands Standard Time": {"NZ-CHAT"},
	"AUS Eastern Standard Time": {
		"Australia/Melbourne", "Australia/Canberra", "Australia/ACT", "Australia/NSW", "Australia/Victoria", "AEST", "AEDT",
	},
	"E. Australia Standard Time":   {"Australia/Queensland", "Australia/Lindeman"},
	"W. Australia Standard Time":   {"Australia/West", "AWST"},
	"Cen. Australia Standard Time": {"Australia/South", "Australia/Broken_Hill", "Australia/Yancowinna", "ACST", "ACDT"},
	"AUS Central Standard Time":    {"Australia/North"},
	"Tasmania Standard Time":       {"Australia/Tasmania", "Australia/Currie"},
	"Lord Howe Standard Time":      {"Australia/LHI"},
	"UTC": {
		"Etc/UTC", "Etc/UCT", "UCT", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu", "Z",
		"Etc/GMT", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0", "GMT0", "Etc/Greenwich",
	},
}

// aliasZone is the Windows zone ID wanted (lower case) is an alias of, or "".
func aliasZone(wanted string) string {
	for windows, aliases := range timezoneAliases {
		if slices.ContainsFunc(aliases, func(a string) bool { return strings.ToLower(a) == wanted }) {
			return windows
		}
	}
	return ""
}

// CheckTimezone says whether value is a timezone TNZ knows, and the name
// to send for it.
func CheckTimezone(value string) TimezoneCheck {
	if strings.TrimSpace(value) == "" {
		return TimezoneCheck{Kind: TimezoneUnknown}
	}
	wanted := strings.Join(strings.Fields(strings.ToLower(value)), " ")
	for _, z := range windowsZones {
		switch name := tnzZoneName(z.windows); {
		case name == value:
			return TimezoneCheck{Kind: TimezoneTNZ, Name: name}
		case strings.ToLower(name) == wanted || strings.ToLower(z.windows) == wanted:
			return TimezoneCheck{Kind: TimezoneRespelled, Name: name}
		}
	}
	for _, z := range windowsZones {
		if strings.ToLower(z.iana) == wanted {
			return TimezoneCheck{Kind: TimezoneIANA, Name: tnzZoneName(z.windows)}
		}
	}
	if windows := aliasZone(wanted); windows != "" {
		return TimezoneCheck{Kind: TimezoneIANA, Name: tnzZoneName(windows)}
	}
	if loc := ianaLocation(strings.TrimSpace(value)); loc != nil {
		if same := equivalentZones(loc, zoneSamples()); len(same) > 0 {
			return TimezoneCheck{Kind: TimezoneIANA, Name: same[0]}
		}
		// No zone has the same rules: offer those that agree today-ish.
		if alike := equivalentZones(loc, zoneSamples()[:2]); len(alike) > 0 {
			return TimezoneCheck{Kind: TimezoneUnknown, Suggestions: alike[:min(3, len(alike))]}
		}
	}
	return TimezoneCheck{Kind: TimezoneUnknown, Suggestions: nearest(value, TimezoneNames(), 3, -1)}
}

// ianaLocation loads value as an IANA zone name, or returns nil. "Local"
// (the machine's zone) and "" (UTC to time.LoadLocation) are not zones a
// user names.
func ianaLocation(value string) *time.Location {
	if value == "" || strings.EqualFold(value, "Local") || len(value) > 64 {
		return nil
	}
	loc, err := time.LoadLocation(value)
	if err != nil {
		return nil
	}
	return loc
}

// preferredZones are tried first when several Windows zones have the same
// rules as an IANA zone - those TNZ documents, then widely used ones - so
// that America/Toronto becomes "Eastern" rather than "Turks And Caicos"
// (both are right).
var preferredZones = []string{
	"New Zealand Standard Time", "AUS Eastern Standard Time", "E. Australia Standard Time", "W. Australia Standard Time",
	"Cen. Australia Standard Time", "AUS Central Standard Time", "Central Pacific Standard Time",
	"UTC", "GMT Standard Time", "W. Europe Standard Time",
	"Romance Standard Time", "E. Europe Standard Time", "Eastern Standard Time", "Central Standard Time",
	"Mountain Standard Time", "Pacific Standard Time", "China Standard Time", "Tokyo Standard Time",
	"India Standard Time", "Singapore Standard Time", "Arabian Standard Time", "Russian Standard Time",
	"SA Eastern Standard Time", "SA Pacific Standard Time", "SA Western Standard Time", "South Africa Standard Time",
}

// zoneLocations are windowsZones' locations, preferredZones first, loaded
// once.
var zoneLocations = sync.OnceValue(func() []namedLocation {
	var out []namedLocation
	add := func(windows, iana string) {
		if loc, err := time.LoadLocation(iana); err == nil {
			out = append(out, namedLocation{tnzZoneName(windows), loc})
		}
	}
	for _, p := range preferredZones {
		if i := slices.IndexFunc(windowsZones, func(z struct{ windows, iana string }) bool { return z.windows == p }); i >= 0 {
			add(p, windowsZones[i].iana)
		}
	}
	for _, z := range windowsZones {
		if !slices.Contains(preferredZones, z.windows) {
			add(z.windows, z.iana)
		}
	}
	return out
})

type namedLocation struct {
	name string
	loc  *time.Location
}

// zoneSamples are the instants at which zones are compared: midday UTC on
// 1 January and 1 July 2026 first, then every day of 2026 to 2029. Fixed
// dates keep CheckTimezone pure; zone rules that differ only outside them
// are not told apart.
var zoneSamples = sync.OnceValue(func() []time.Time {
	out := []time.Time{time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC), time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC)}
	for t := out[0]; t.Year() < 2030; t = t.AddDate(0, 0, 1) {
		out = append(out, t)
	}
	return out
})

// equivalentZones are the TNZ names whose zones have loc's UTC offset at
// every sample, in zoneLocations' order.
func equivalentZones(loc *time.Location, samples []time.Time) []string {
	var out []string
	for _, z := range zoneLocations() {
		same := true
		for _, t := range samples {
			_, a := t.In(loc).Zone()
			_, b := t.In(z.loc).Zone()
			if a != b {
				same = false
				break
			}
		}
		if same {
			out = append(out, z.name)
		}
	}
	return out
}
