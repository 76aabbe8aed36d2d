package usage

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestReadSumsCPUAndKeepsTheLargestRSS(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, "101", Usage{CPU: 1500 * time.Millisecond, MaxRSS: 40 << 20}); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, "102", Usage{CPU: 250 * time.Millisecond, MaxRSS: 90 << 20}); err != nil {
		t.Fatal(err)
	}
	got, processes, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Usage{CPU: 1750 * time.Millisecond, MaxRSS: 90 << 20}); got != want || processes != 2 {
		t.Errorf("Read = %+v from %d processes, want %+v from 2", got, processes, want)
	}
}

func TestReadEmptyDirectory(t *testing.T) {
	got, processes, err := Read(t.TempDir())
	if err != nil || processes != 0 || got != (Usage{}) {
		t.Errorf("Read = %+v, %d, %v; want nothing", got, processes, err)
	}
}

func TestReadRefusesAMalformedRecord(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "7.usage"), []byte("12 abc\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Read(dir); err == nil {
		t.Error("a malformed record was read without error")
	}
}
