package main

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
)

func TestRunHelpListsSandbox(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-h"}, &stdout, &stderr, noServe(t)); code != 0 {
		t.Fatalf("-h exited %d", code)
	}
	for _, want := range []string{"terraform-provider-tnz sandbox", "-debug", "-version"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("-h does not mention %q:\n%s", want, stderr.String())
		}
	}
}

func TestRunVersion(t *testing.T) {
	defer func(v string) { version = v }(version)
	version = "1.2.3"
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-version"}, &stdout, &stderr, noServe(t)); code != 0 || stdout.String() != "1.2.3\n" {
		t.Errorf("-version exited %d and printed %q, want 0 and %q", code, stdout.String(), "1.2.3\n")
	}
}

func TestRunServes(t *testing.T) {
	var gotDebug bool
	serve := func(debug bool) error { gotDebug = debug; return nil }
	if code := run([]string{"-debug"}, new(bytes.Buffer), new(bytes.Buffer), serve); code != 0 || !gotDebug {
		t.Errorf("-debug exited %d, served with debug %v", code, gotDebug)
	}

	failing := func(bool) error { return errors.New("no plugin handshake") }
	var stderr bytes.Buffer
	if code := run(nil, new(bytes.Buffer), &stderr, failing); code != 1 || !strings.Contains(stderr.String(), "no plugin handshake") {
		t.Errorf("a failed serve exited %d with %q", code, stderr.String())
	}
}

func TestRunRejectsArguments(t *testing.T) {
	var stderr bytes.Buffer
	if code := run([]string{"sandbx"}, new(bytes.Buffer), &stderr, noServe(t)); code != 2 || !strings.Contains(stderr.String(), `unexpected argument "sandbx"`) {
		t.Errorf("a stray argument exited %d with %q", code, stderr.String())
	}
}

func noServe(t *testing.T) func(bool) error {
	return func(bool) error {
		t.Error("the provider was served")
		return nil
	}
}

// Without TF_LOG the SDK's and the provider's loggers are off; with it they
// follow its level; a variable the user set stays.
func TestQuietLogsUnlessAsked(t *testing.T) {
	vars := []string{"TF_LOG", "TF_LOG_PROVIDER", "TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK"}
	for _, c := range []struct {
		set  map[string]string
		want map[string]string
	}{
		{map[string]string{}, map[string]string{"TF_LOG_PROVIDER": "off", "TF_LOG_SDK_FRAMEWORK": "off"}},
		{map[string]string{"TF_LOG": "debug"}, map[string]string{"TF_LOG_PROVIDER": "DEBUG", "TF_LOG_SDK_PROTO": "DEBUG"}},
		{map[string]string{"TF_LOG": "json"}, map[string]string{"TF_LOG_SDK": "TRACE"}},
		{map[string]string{"TF_LOG_PROVIDER": "trace"}, map[string]string{"TF_LOG_PROVIDER": "trace", "TF_LOG_SDK": "off"}},
	} {
		for _, v := range vars {
			t.Setenv(v, "")
			os.Unsetenv(v)
		}
		for k, v := range c.set {
			t.Setenv(k, v)
		}
		quietLogsUnlessAsked()
		for k, want := range c.want {
			if got := os.Getenv(k); got != want {
				t.Errorf("with %v: %s = %q, want %q", c.set, k, got, want)
			}
		}
	}
}
