package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v4"
)

// projectName is the provider's name in every file name the registry reads.
const projectName = "terraform-provider-tnz"

// releaseBuildID is the goreleaser build that a real release runs.
const releaseBuildID = "release"

// releasePlatforms are the platforms a release publishes (<os>_<arch>).
var releasePlatforms = []string{
	"darwin_amd64", "darwin_arm64",
	"freebsd_386", "freebsd_amd64", "freebsd_arm", "freebsd_arm64",
	"linux_386", "linux_amd64", "linux_arm", "linux_arm64",
	"windows_386", "windows_amd64", "windows_arm64",
}

// Result is what Check verified and what it found wrong.
type Result struct {
	Checked  []string
	Problems []string
}

func (r *Result) ok(format string, a ...any) {
	r.Checked = append(r.Checked, fmt.Sprintf(format, a...))
}
func (r *Result) problem(format string, a ...any) {
	r.Problems = append(r.Problems, fmt.Sprintf(format, a...))
}

// metadata is the part of goreleaser's dist/metadata.json read here.
type metadata struct {
	ProjectName string `json:"project_name"`
	Version     string `json:"version"`
}

// artifact is one entry of goreleaser's dist/artifacts.json.
type artifact struct {
	Name   string `json:"name"`
	Path   string `json:"path"`
	Type   string `json:"type"`
	Goos   string `json:"goos"`
	Goarch string `json:"goarch"`
}

// resolvedConfig is the part of goreleaser's dist/config.yaml (the
// configuration with its defaults filled in) read here.
type resolvedConfig struct {
	Builds []struct {
		ID      string   `yaml:"id"`
		Targets []string `yaml:"targets"`
	} `yaml:"builds"`
}

// Check checks the goreleaser output in dist against the registry's layout;
// manifestPath is the manifest the release ships.
func Check(dist, manifestPath string) Result {
	var res Result
	var meta metadata
	if err := readJSON(filepath.Join(dist, "metadata.json"), &meta); err != nil {
		res.problem("%v", err)
		return res
	}
	if meta.ProjectName != projectName || meta.Version == "" {
		res.problem("metadata.json: project %q version %q, want project %q and a version", meta.ProjectName, meta.Version, projectName)
		return res
	}
	var artifacts []artifact
	if err := readJSON(filepath.Join(dist, "artifacts.json"), &artifacts); err != nil {
		res.problem("%v", err)
		return res
	}
	archives := checkArchives(&res, dist, meta.Version, artifacts)
	checkManifest(&res, manifestPath)
	checkChecksums(&res, dist, meta.Version, archives, manifestPath)
	checkPlatforms(&res, dist)
	checkVersion(&res, dist, meta.Version, artifacts)
	return res
}

func readJSON(path string, v any) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("reading goreleaser's %s: %w", filepath.Base(path), err)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("%s is not goreleaser's JSON: %w", path, err)
	}
	return nil
}

// checkArchives checks each zip's name and content and returns the names.
func checkArchives(res *Result, dist, version string, artifacts []artifact) []string {
	var names []string
	for _, a := range artifacts {
		if a.Type != "Archive" {
			continue
		}
		names = append(names, a.Name)
		want := fmt.Sprintf("%s_%s_%s_%s.zip", projectName, version, a.Goos, a.Goarch)
		if a.Name != want {
			res.problem("archive %s for %s_%s: the registry expects the name %s", a.Name, a.Goos, a.Goarch, want)
			continue
		}
		if err := checkZip(filepath.Join(dist, a.Name), executableName(version, a.Goos)); err != nil {
			res.problem("archive %s: %v", a.Name, err)
			continue
		}
		res.ok("%s holds %s", a.Name, executableName(version, a.Goos))
	}
	if len(names) == 0 {
		res.problem("goreleaser built no archive")
	}
	return names
}

func executableName(version, goos string) string {
	name := fmt.Sprintf("%s_v%s", projectName, version)
	if goos == "windows" {
		name += ".exe"
	}
	return name
}

// checkZip checks that the zip holds the executable, non-empty, at its top.
func checkZip(path, executable string) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return err
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == executable {
			if f.UncompressedSize64 == 0 {
				return fmt.Errorf("%s is empty", executable)
			}
			return nil
		}
	}
	return fmt.Errorf("no %s at the top of the zip", executable)
}

func checkManifest(res *Result, path string) {
	var m struct {
		Version  int `json:"version"`
		Metadata struct {
			ProtocolVersions []string `json:"protocol_versions"`
		} `json:"metadata"`
	}
	raw, err := os.ReadFile(path)
	if err == nil {
		err = json.Unmarshal(raw, &m)
	}
	switch {
	case err != nil:
		res.problem("registry manifest %s: %v", path, err)
	case m.Version != 1 || !slices.Equal(m.Metadata.ProtocolVersions, []string{"6.0"}):
		res.problem("registry manifest %s: version %d, protocol_versions %q; want version 1 and [\"6.0\"] (the provider speaks protocol 6)", path, m.Version, m.Metadata.ProtocolVersions)
	default:
		res.ok("%s declares protocol 6.0", path)
	}
}

var checksumLine = regexp.MustCompile(`^([0-9a-f]{64})  (\S+)$`)

// checkChecksums checks that SHA256SUMS lists exactly the archives and the
// manifest, each with the SHA-256 of the file the release ships.
func checkChecksums(res *Result, dist, version string, archives []string, manifestPath string) {
	name := fmt.Sprintf("%s_%s_SHA256SUMS", projectName, version)
	raw, err := os.ReadFile(filepath.Join(dist, name))
	if err != nil {
		res.problem("the checksums file: %v", err)
		return
	}
	manifestName := fmt.Sprintf("%s_%s_manifest.json", projectName, version)
	files := map[string]string{manifestName: manifestPath}
	for _, a := range archives {
		files[a] = filepath.Join(dist, a)
	}
	listed := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for sc.Scan() {
		m := checksumLine.FindStringSubmatch(sc.Text())
		if m == nil {
			res.problem("%s: line %q is not \"<sha256>  <file name>\"", name, sc.Text())
			continue
		}
		sum, file := m[1], m[2]
		if listed[file] {
			res.problem("%s lists %s twice", name, file)
		}
		listed[file] = true
		path, ok := files[file]
		if !ok {
			res.problem("%s lists %s, which the release does not ship", name, file)
			continue
		}
		got, err := sha256File(path)
		if err != nil {
			res.problem("%s: %v", name, err)
			continue
		}
		if got != sum {
			res.problem("%s says %s has SHA-256 %s, but %s has %s", name, file, sum, path, got)
			continue
		}
		res.ok("%s: %s matches %s", name, file, path)
	}
	for file := range files {
		if !listed[file] {
			res.problem("%s does not list %s", name, file)
		}
	}
}

func sha256File(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// checkPlatforms checks that the release build, as goreleaser resolved it,
// builds every platform in releasePlatforms and nothing else.
func checkPlatforms(res *Result, dist string) {
	raw, err := os.ReadFile(filepath.Join(dist, "config.yaml"))
	if err != nil {
		res.problem("reading goreleaser's resolved configuration: %v", err)
		return
	}
	var cfg resolvedConfig
	if err := yaml.Unmarshal(raw, &cfg); err != nil {
		res.problem("goreleaser's resolved configuration: %v", err)
		return
	}
	for _, b := range cfg.Builds {
		if b.ID != releaseBuildID {
			continue
		}
		var got []string
		for _, t := range b.Targets {
			got = append(got, platform(t))
		}
		slices.Sort(got)
		if !slices.Equal(got, releasePlatforms) {
			res.problem("the %q build makes %q; a release publishes %q", releaseBuildID, got, releasePlatforms)
			return
		}
		res.ok("a release builds %d platforms: %s", len(got), strings.Join(got, " "))
		return
	}
	res.problem("goreleaser's configuration has no %q build", releaseBuildID)
}

// platform is <os>_<arch> of a goreleaser target such as linux_arm_6 or
// windows_amd64_v1: the archive name has no variant.
func platform(target string) string {
	parts := strings.SplitN(target, "_", 3)
	if len(parts) < 2 {
		return target
	}
	return parts[0] + "_" + parts[1]
}

// checkVersion runs the executable built for this machine with -version,
// which must print the version goreleaser injected.
func checkVersion(res *Result, dist, version string, artifacts []artifact) {
	for _, a := range artifacts {
		if a.Type != "Binary" || a.Goos != runtime.GOOS || a.Goarch != runtime.GOARCH {
			continue
		}
		path := a.Path
		if !filepath.IsAbs(path) && !strings.HasPrefix(filepath.Clean(path), filepath.Clean(dist)+string(filepath.Separator)) {
			path = filepath.Join(dist, path)
		}
		cmd := exec.Command(path, "-version")
		cmd.WaitDelay = 10 * time.Second
		out, err := cmd.Output()
		switch got := strings.TrimSpace(string(out)); {
		case err != nil:
			res.problem("%s -version: %v", a.Path, err)
		case got != version:
			res.problem("%s -version printed %q, want %q: -ldflags \"-X main.version=...\" did not take", a.Path, got, version)
		default:
			res.ok("%s -version prints %s", a.Path, got)
		}
		return
	}
	res.ok("no executable for %s/%s was built here, so -version was not run (the snapshot's platforms are in .goreleaser.yml)", runtime.GOOS, runtime.GOARCH)
}
