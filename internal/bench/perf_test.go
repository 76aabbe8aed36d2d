//go:build linux

package bench

import (
	"fmt"
	"os"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// The test binary is a Go executable like Terraform: its own functions
// stand in for Terraform's in a perf script transcript.
func TestReadPerfScriptNamesTerraformsFrames(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	syms, err := loadGoSymbols(exe)
	if err != nil {
		t.Fatal(err)
	}
	// perf prints addresses relative to the executable's mapping.
	frame := func(fn any) string {
		pc := runtime.FuncForPC(reflect.ValueOf(fn).Pointer()).Entry()
		return fmt.Sprintf("\t%16x (%s)", uint64(pc)-syms.delta+4, exe)
	}
	script := strings.Join([]string{
		"terraform ",
		"\tffffffff821c9cf6 ([kernel.kallsyms])",
		frame(median),
		frame(renderTable),
		"",
		"terraform ",
		frame(median),
		frame(ratio),
		frame(renderTable),
		"",
		"terraform-provi ",
		frame(ratio),
		"",
		"terraform ",
		"\t            1234 (/usr/lib/libc.so.6)",
		"",
	}, "\n")
	p, err := readPerfScript(strings.NewReader(script), "terraform", syms)
	if err != nil {
		t.Fatal(err)
	}
	pkg := "github.com/tnz-community/terraform-provider-tnz/internal/bench."
	wantFlat := map[string]int{"[kernel]": 1, pkg + "median": 1, "[/usr/lib/libc.so.6]": 1}
	wantCum := map[string]int{"[kernel]": 1, pkg + "median": 2, pkg + "renderTable": 2, pkg + "ratio": 1, "[/usr/lib/libc.so.6]": 1}
	if p.samples != 3 || !reflect.DeepEqual(p.flat, wantFlat) || !reflect.DeepEqual(p.cum, wantCum) {
		t.Errorf("got %d samples, flat %v, cum %v;\nwant 3, %v, %v", p.samples, p.flat, p.cum, wantFlat, wantCum)
	}
	if got := top(p.cum, p.samples, 2); !strings.HasPrefix(got, "    0.00s  66.7%  "+pkg+"median\n    0.00s  66.7%  "+pkg+"renderTable\n") {
		t.Errorf("top:\n%s", got)
	}
	if d := difference(p.cum, map[string]int{pkg + "median": 2, pkg + "ratio": 3}); d[pkg+"median"] != 0 || d[pkg+"ratio"] != 0 || d[pkg+"renderTable"] != 2 {
		t.Errorf("difference = %v", d)
	}
}
