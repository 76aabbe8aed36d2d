package tnz

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// maxCompared bounds the words nearest compares, so that a pathological
// input costs bounded time: nothing that long is a near miss of a name.
const maxCompared = 64

// nearest returns up to limit of candidates closest to word by edit
// distance (case-insensitive; a swap of two neighbouring letters counts
// as one edit), nearest first and in candidates' order among equals.
// Candidates further than maxDistance edits are left out; a negative
// maxDistance keeps them all.
func nearest(word string, candidates []string, limit, maxDistance int) []string {
	if utf8.RuneCountInString(word) > maxCompared {
		return nil
	}
	type scored struct {
		name     string
		distance int
	}
	var found []scored
	w := []rune(strings.ToLower(word))
	for _, c := range candidates {
		d := editDistance(w, []rune(strings.ToLower(c)))
		if maxDistance < 0 || d <= maxDistance {
			found = append(found, scored{c, d})
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].distance < found[j].distance })
	var out []string
	for i := 0; i < len(found) && i < limit; i++ {
		out = append(out, found[i].name)
	}
	return out
}

// editDistance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and transpositions of neighbours.
func editDistance(a, b []rune) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
