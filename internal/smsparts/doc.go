// Package smsparts estimates what an SMS costs before it is sent: its
// encoding, its length in that encoding's units and the number of parts TNZ
// charges for ("you are charged per SMS Part", TNZ's help page "Sending long
// SMS messages").
//
// # Encodings and parts
//
// A text made only of characters of the GSM 03.38 default alphabet (3GPP TS
// 23.038) is sent as GSM-7: one septet a character, except the extension
// characters € [ ] { } ^ ~ \ | and form feed, which are an escape and a
// character, two septets. One part holds 160 septets; a longer text is split
// into concatenated parts of 153 septets, and an escape pair is never split
// across two parts.
//
// Any other character (an emoji, a curly quote, a macron) makes the whole text
// UCS-2: UTF-16 code units, 70 in one part, 67 a part when concatenated. A
// character outside the Basic Multilingual Plane (most emoji) is a surrogate
// pair, two units, never split across two parts. [Measure] counts a text this
// way and lists the characters that force UCS-2.
//
// TNZ's help page also names é among the characters that cause UCS-2; é is
// in the GSM 03.38 default alphabet, which this package follows, so a
// message whose only special characters are from that alphabet (é è à ñ ü
// ß Å Ø …) is counted as GSM-7.
//
// # Character conversion
//
// TNZ's OpenAPI file describes CharacterConversion as "Convert multi-byte
// characters into normalised GSM character format - © to (C)", adding that
// it "will disable emojis, macrons and other special characters". TNZ does not
// publish its table; [Convert] is an approximation of it, which knows:
//
//   - curly and angle quotes ‘ ’ ‚ ‛ ′ ` to ', “ ” „ ‟ ″ « » to "
//   - dashes and hyphens ‐ ‑ ‒ – — ― − to -, the ellipsis … to ...
//   - © to (C), ® to (R), ™ to TM, • to *, × to x
//   - tab, no-break and other wide spaces to a space; zero-width spaces,
//     joiners, soft hyphens, byte order marks and variation selectors removed
//   - Māori macrons ā ē ī ō ū (and capitals) to the plain vowel
//   - accented Latin letters outside the GSM alphabet (á â ã ê ë í î ï ó ô
//     õ ú û ý ÿ ç and capitals) to the plain letter
//
// Every other character outside the GSM alphabet (emoji, other scripts) is
// dropped, so a converted text is always GSM-7. [Analyze] counts a text as
// written and as converted.
//
// # Personalisation and links
//
// TNZ fills [[FirstName]], [[Custom1]]… for each destination, so one
// message can have a different length for each destination.
// [AnalyzeMessage] renders the message for each destination whose fields are
// known, with the [Renderer] it is given (tnz.Render, in
// internal/tnz/personalisation.go), and returns the shortest and longest
// renderings; a destination without a field gets an empty value, as TNZ
// gives it.
//
// Other tokens become links that TNZ makes when it sends: [[Link:…]] (TNZ's
// URL shortener), [[REPLY]] (reply link), [[STOP]] (opt-out link),
// [[File1]], [[File2]]… (attachment links) and [[CustomPage]]. TNZ does not
// document how long these links are; each is assumed to be
// [AssumedLinkLength] GSM-7 characters, an https link on a short domain. Any
// other [[…]] text is counted as written.
package smsparts
