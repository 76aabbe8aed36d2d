package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

const testVersion = "1.2.3"

const testManifest = `{"version": 1, "metadata": {"protocol_versions": ["6.0"]}}`

// fakeDist is a goreleaser dist directory as a snapshot leaves it: three
// archives, an executable for this machine that prints testVersion, the
// checksums and the resolved configuration. Each test breaks one thing.
type fakeDist struct {
	dir, manifest string
	artifacts     []artifact
	sums          []string
}

func newFakeDist(t *testing.T) *fakeDist {
	t.Helper()
	d := &fakeDist{dir: t.TempDir()}
	d.manifest = filepath.Join(t.TempDir(), "terraform-registry-manifest.json")
	d.write(t, d.manifest, []byte(testManifest))
	d.write(t, filepath.Join(d.dir, "metadata.json"), []byte(`{"project_name":"terraform-provider-tnz","version":"`+testVersion+`"}`))
	var targets []string
	for _, p := range releasePlatforms {
		targets = append(targets, p+"_v1")
	}
	d.write(t, filepath.Join(d.dir, "config.yaml"), []byte("builds:\n  - id: release\n    targets: ["+strings.Join(targets, ", ")+"]\n  - id: release-check\n    targets: [linux_amd64_v1]\n"))

	// This machine's executable prints the version, as main.go's -version does.
	host := filepath.Join(d.dir, "release-check_host", executableName(testVersion, runtime.GOOS))
	d.write(t, host, []byte("#!/bin/sh\necho "+testVersion+"\n"))
	if err := os.Chmod(host, 0o755); err != nil {
		t.Fatal(err)
	}
	d.artifacts = append(d.artifacts, artifact{Name: filepath.Base(host), Path: host, Type: "Binary", Goos: runtime.GOOS, Goarch: runtime.GOARCH})

	for _, p := range []struct{ goos, goarch string }{{"linux", "amd64"}, {"windows", "386"}, {"linux", "arm"}} {
		name := fmt.Sprintf("terraform-provider-tnz_%s_%s_%s.zip", testVersion, p.goos, p.goarch)
		d.addZip(t, name, map[string]string{executableName(testVersion, p.goos): "binary", "LICENSE": "MPL"})
		d.artifacts = append(d.artifacts, artifact{Name: name, Path: filepath.Join(d.dir, name), Type: "Archive", Goos: p.goos, Goarch: p.goarch})
		d.sums = append(d.sums, sumLine(t, filepath.Join(d.dir, name), name))
	}
	d.sums = append(d.sums, sumLine(t, d.manifest, "terraform-provider-tnz_"+testVersion+"_manifest.json"))
	d.save(t)
	return d
}

func (d *fakeDist) write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func (d *fakeDist) addZip(t *testing.T, name string, files map[string]string) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for n, content := range files {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	d.write(t, filepath.Join(d.dir, name), buf.Bytes())
}

// save writes artifacts.json and SHA256SUMS from d.artifacts and d.sums.
func (d *fakeDist) save(t *testing.T) {
	t.Helper()
	raw, err := json.Marshal(d.artifacts)
	if err != nil {
		t.Fatal(err)
	}
	d.write(t, filepath.Join(d.dir, "artifacts.json"), raw)
	d.write(t, filepath.Join(d.dir, "terraform-provider-tnz_"+testVersion+"_SHA256SUMS"), []byte(strings.Join(d.sums, "\n")+"\n"))
}

func sumLine(t *testing.T, path, name string) string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:]) + "  " + name
}

func TestCheckPassesARegistryLayout(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the fake executable is a shell script")
	}
	d := newFakeDist(t)
	res := Check(d.dir, d.manifest)
	if len(res.Problems) > 0 {
		t.Fatalf("problems in a correct layout: %q", res.Problems)
	}
	// 3 archives, the manifest, 4 checksum lines, the platforms, -version.
	if len(res.Checked) != 10 {
		t.Errorf("checked %d things, want 10: %q", len(res.Checked), res.Checked)
	}
	for _, want := range []string{"windows_386.zip holds terraform-provider-tnz_v1.2.3.exe", "a release builds 13 platforms", "-version prints 1.2.3"} {
		if !strings.Contains(strings.Join(res.Checked, "\n"), want) {
			t.Errorf("nothing checked says %q: %q", want, res.Checked)
		}
	}
}

func TestCheckFindsProblems(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the fake executable is a shell script")
	}
	linuxZip := "terraform-provider-tnz_1.2.3_linux_amd64.zip"
	for _, tc := range []struct {
		name   string
		mutate func(t *testing.T, d *fakeDist)
		want   string
	}{
		{"a wrong archive name", func(t *testing.T, d *fakeDist) {
			d.artifacts[1].Name = "terraform-provider-tnz_linux_amd64_1.2.3.zip"
			d.save(t)
		}, "the registry expects the name " + linuxZip},
		{"an archive without the executable", func(t *testing.T, d *fakeDist) {
			d.addZip(t, linuxZip, map[string]string{"terraform-provider-tnz": "binary"})
			d.sums[0] = sumLine(t, filepath.Join(d.dir, linuxZip), linuxZip)
			d.save(t)
		}, "no terraform-provider-tnz_v1.2.3 at the top of the zip"},
		{"an archive changed after its checksum", func(t *testing.T, d *fakeDist) {
			d.addZip(t, linuxZip, map[string]string{"terraform-provider-tnz_v1.2.3": "other binary"})
		}, "SHA256SUMS says " + linuxZip + " has SHA-256"},
		{"the manifest missing from the checksums", func(t *testing.T, d *fakeDist) {
			d.sums = d.sums[:3]
			d.save(t)
		}, "does not list terraform-provider-tnz_1.2.3_manifest.json"},
		{"a file listed that the release does not ship", func(t *testing.T, d *fakeDist) {
			d.sums = append(d.sums, strings.Repeat("0", 64)+"  terraform-provider-tnz_1.2.3_plan9_amd64.zip")
			d.save(t)
		}, "lists terraform-provider-tnz_1.2.3_plan9_amd64.zip, which the release does not ship"},
		{"a malformed checksum line", func(t *testing.T, d *fakeDist) {
			d.sums[0] = "abc " + linuxZip
			d.save(t)
		}, "is not \"<sha256>  <file name>\""},
		{"a manifest for protocol 5", func(t *testing.T, d *fakeDist) {
			d.write(t, d.manifest, []byte(`{"version": 1, "metadata": {"protocol_versions": ["5.0"]}}`))
		}, `want version 1 and ["6.0"]`},
		{"a release without darwin_arm64", func(t *testing.T, d *fakeDist) {
			cfg, err := os.ReadFile(filepath.Join(d.dir, "config.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			d.write(t, filepath.Join(d.dir, "config.yaml"), bytes.Replace(cfg, []byte("darwin_arm64_v1, "), nil, 1))
		}, "a release publishes"},
		{"no release build", func(t *testing.T, d *fakeDist) {
			d.write(t, filepath.Join(d.dir, "config.yaml"), []byte("builds:\n  - id: other\n"))
		}, `has no "release" build`},
		{"a version that was not injected", func(t *testing.T, d *fakeDist) {
			d.write(t, d.artifacts[0].Path, []byte("#!/bin/sh\necho dev\n"))
		}, `-version printed "dev", want "1.2.3"`},
		{"no archive at all", func(t *testing.T, d *fakeDist) {
			d.artifacts = d.artifacts[:1]
			d.sums = d.sums[3:]
			d.save(t)
		}, "goreleaser built no archive"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newFakeDist(t)
			tc.mutate(t, d)
			res := Check(d.dir, d.manifest)
			if !strings.Contains(strings.Join(res.Problems, "\n"), tc.want) {
				t.Errorf("problems %q do not say %q", res.Problems, tc.want)
			}
		})
	}
}

func TestCheckNeedsGoreleaserOutput(t *testing.T) {
	res := Check(t.TempDir(), "terraform-registry-manifest.json")
	if len(res.Problems) != 1 || !strings.Contains(res.Problems[0], "metadata.json") {
		t.Errorf("an empty directory gave %q", res.Problems)
	}
}

func TestRunExitCode(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-dist", t.TempDir()}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "release check failed") {
		t.Errorf("an empty dist exited %d with %q", code, stderr.String())
	}
}

func TestPlatform(t *testing.T) {
	for target, want := range map[string]string{"linux_arm_6": "linux_arm", "windows_amd64_v1": "windows_amd64", "darwin_arm64_v8.0": "darwin_arm64", "linux_386": "linux_386"} {
		if got := platform(target); got != want {
			t.Errorf("platform(%q) = %q, want %q", target, got, want)
		}
	}
}
