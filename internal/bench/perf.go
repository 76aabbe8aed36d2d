package bench

import (
	"bufio"
	"cmp"
	"debug/elf"
	"debug/gosym"
	"fmt"
	"io"
	"os/exec"
	"slices"
	"strconv"
	"strings"
)

// Terraform's release binaries are stripped, so perf cannot name their
// functions; Go's own line table (.gopclntab) survives stripping and does.
// This file reads `perf script` output for the terraform process and
// names its frames that way. perf is optional: without it the profile
// leaves Terraform core out.

// perfFrequency is the sampling rate of perf record, per second and CPU.
const perfFrequency = 499

// perfRecord is the command prefix that records a CPU profile of a command
// and its children into file.
func perfRecord(perf, file string) []string {
	return []string{perf, "record", "-q", "-g", "-F", strconv.Itoa(perfFrequency), "-o", file, "--"}
}

// goSymbols names the functions of a Go executable from its line table.
type goSymbols struct {
	path  string
	table *gosym.Table
	// delta turns an address perf reports (relative to the executable's
	// mapping) into the executable's virtual address.
	delta uint64
}

func loadGoSymbols(path string) (*goSymbols, error) {
	f, err := elf.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	pcln, text := f.Section(".gopclntab"), f.Section(".text")
	if pcln == nil || text == nil {
		return nil, fmt.Errorf("%s has no Go line table", path)
	}
	data, err := pcln.Data()
	if err != nil {
		return nil, err
	}
	table, err := gosym.NewTable(nil, gosym.NewLineTable(data, text.Addr))
	if err != nil {
		return nil, fmt.Errorf("reading the line table of %s: %w", path, err)
	}
	g := &goSymbols{path: path, table: table}
	for _, p := range f.Progs {
		if p.Type == elf.PT_LOAD && p.Flags&elf.PF_X != 0 {
			g.delta = p.Vaddr - p.Off
			break
		}
	}
	return g, nil
}

func (g *goSymbols) name(addr uint64) string {
	if fn := g.table.PCToFunc(addr + g.delta); fn != nil {
		return fn.Name
	}
	return "[unknown]"
}

// cpuProfile is a profile as sample counts by function name.
type cpuProfile struct {
	samples int
	flat    map[string]int // the sampled frame's function
	cum     map[string]int // every function on the sampled stack, once
}

// readPerfScript reads `perf script -F comm,ip,dso` output, keeping the
// samples of processes named comm and naming their frames with syms.
func readPerfScript(r io.Reader, comm string, syms *goSymbols) (cpuProfile, error) {
	p := cpuProfile{flat: map[string]int{}, cum: map[string]int{}}
	var stack []string
	keep := false
	flush := func() {
		if keep && len(stack) > 0 {
			p.samples++
			p.flat[stack[0]]++
			seen := map[string]bool{}
			for _, fn := range stack {
				if !seen[fn] {
					seen[fn] = true
					p.cum[fn]++
				}
			}
		}
		stack, keep = stack[:0], false
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.TrimSpace(line) == "":
			flush()
		case !strings.HasPrefix(line, "\t") && !strings.HasPrefix(line, " "):
			flush()
			keep = strings.TrimSpace(line) == comm
		case keep:
			stack = append(stack, frameName(strings.TrimSpace(line), syms))
		}
	}
	flush()
	return p, sc.Err()
}

// frameName names one "address (dso)" frame of perf script's output.
func frameName(frame string, syms *goSymbols) string {
	addr, dso, _ := strings.Cut(frame, " ")
	dso = strings.Trim(dso, "()")
	switch {
	case strings.HasPrefix(dso, "[kernel"):
		return "[kernel]"
	case dso != syms.path:
		return "[" + dso + "]"
	}
	a, err := strconv.ParseUint(addr, 16, 64)
	if err != nil {
		return "[unknown]"
	}
	return syms.name(a)
}

// perfProfile reads a perf.data file's samples of the terraform process.
func perfProfile(perf, data string, syms *goSymbols) (cpuProfile, error) {
	cmd := exec.Command(perf, "script", "-i", data, "-F", "comm,ip,dso")
	out, err := cmd.StdoutPipe()
	if err != nil {
		return cpuProfile{}, err
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return cpuProfile{}, err
	}
	p, readErr := readPerfScript(out, "terraform", syms)
	if err := cmd.Wait(); err != nil {
		return cpuProfile{}, fmt.Errorf("perf script: %v\n%s", err, stderr.String())
	}
	return p, readErr
}

// top lists the n functions with the most samples in counts, with seconds
// (at perfFrequency) and their share of total samples.
func top(counts map[string]int, total, n int) string {
	type entry struct {
		fn    string
		count int
	}
	var es []entry
	for fn, c := range counts {
		es = append(es, entry{fn, c})
	}
	slices.SortFunc(es, func(a, b entry) int {
		return cmp.Or(cmp.Compare(b.count, a.count), strings.Compare(a.fn, b.fn))
	})
	var b strings.Builder
	for _, e := range es[:min(n, len(es))] {
		fmt.Fprintf(&b, "%8.2fs %5.1f%%  %s\n", float64(e.count)/perfFrequency, 100*float64(e.count)/float64(max(total, 1)), e.fn)
	}
	return b.String()
}

// difference is a's counts minus b's, keeping the functions a spends more on.
func difference(a, b map[string]int) map[string]int {
	out := map[string]int{}
	for fn, c := range a {
		if d := c - b[fn]; d > 0 {
			out[fn] = d
		}
	}
	return out
}
