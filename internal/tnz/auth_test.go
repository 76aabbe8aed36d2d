package tnz

import (
	"slices"
	"strings"
	"testing"
)

// CheckAuth is the one home of the credential rules: the provider reports
// its problems at plan, New refuses them.
func TestCheckAuth(t *testing.T) {
	for _, tc := range []struct {
		name    string
		cfg     Config
		version string
		want    []AuthProblemKind
	}{
		{"token", Config{AuthToken: "ey.x"}, V300, nil},
		{"sender and key", Config{Sender: "app@example.com", APIKey: "k"}, V202, nil},
		{"nothing", Config{}, V300, []AuthProblemKind{NoCredentials}},
		{"blank token", Config{AuthToken: " \n"}, V300, []AuthProblemKind{NoCredentials}},
		{"key without sender", Config{APIKey: "k"}, V202, []AuthProblemKind{MissingSender}},
		{"sender without key", Config{Sender: "app@example.com"}, V202, []AuthProblemKind{MissingAPIKey}},
		{"sender not an e-mail", Config{Sender: "application", APIKey: "k"}, V202, []AuthProblemKind{InvalidSender}},
		{"token and legacy", Config{AuthToken: "ey.x", Sender: "app@example.com", APIKey: "k"}, V300, []AuthProblemKind{ConflictingCredentials}},
		{"v2.02 with a token", Config{APIVersion: V202, AuthToken: "ey.x"}, V202, []AuthProblemKind{VersionNeedsSenderKey}},
		{"v2.04 with sender and key", Config{APIVersion: V204, Sender: "app@example.com", APIKey: "k"}, V204, []AuthProblemKind{VersionNeedsToken}},
		{"v2.04 with a token", Config{APIVersion: V204, AuthToken: "ey.x"}, V204, nil},
		{"unsupported version is New's to report", Config{APIVersion: "v9", AuthToken: "ey.x"}, "v9", nil},
	} {
		version, problems := CheckAuth(tc.cfg)
		var kinds []AuthProblemKind
		for _, p := range problems {
			kinds = append(kinds, p.Kind)
			if p.Version != version {
				t.Errorf("%s: problem version %s, resolved %s", tc.name, p.Version, version)
			}
		}
		if version != tc.version || !slices.Equal(kinds, tc.want) {
			t.Errorf("%s: CheckAuth = %s %v, want %s %v", tc.name, version, kinds, tc.version, tc.want)
		}
	}
}

// New refuses what CheckAuth finds, without echoing credentials.
func TestNewRefusesBothKindsOfCredentials(t *testing.T) {
	_, err := New(Config{AuthToken: testToken, Sender: testSender, APIKey: testAPIKey})
	if err == nil || !strings.Contains(err.Error(), "not both") {
		t.Fatalf("err = %v, want both kinds of credentials refused", err)
	}
	for _, secret := range []string{testToken, testSender, testAPIKey} {
		if strings.Contains(err.Error(), secret) {
			t.Errorf("error echoes a credential: %v", err)
		}
	}
}

func TestAddressForms(t *testing.T) {
	phones := []string{"+6421000001", "021 123 4567", "021-000001", "09 500 6000", "(09) 500-6000", "0064 21 000 001", "6421000001"}
	for _, p := range phones {
		if !IsPhoneNumber(p) {
			t.Errorf("IsPhoneNumber(%q) = false", p)
		}
	}
	for _, p := range []string{"", "abc", "12345", "ops@example.com", "+64 21 abc", "1234567890123456"} {
		if IsPhoneNumber(p) {
			t.Errorf("IsPhoneNumber(%q) = true", p)
		}
	}
	for _, e := range []string{"a@b", "ops@example.com", " ops@example.co.nz "} {
		if !IsEmailAddress(e) {
			t.Errorf("IsEmailAddress(%q) = false", e)
		}
	}
	for _, e := range []string{"", "ops", "@example.com", "ops@", "a b@c.d", "a@b@c"} {
		if IsEmailAddress(e) {
			t.Errorf("IsEmailAddress(%q) = true", e)
		}
	}
}

func FuzzIsPhoneNumber(f *testing.F) {
	f.Add("+6421000001")
	f.Add("021 123 4567")
	f.Fuzz(func(t *testing.T, s string) {
		if IsPhoneNumber(s) && IsEmailAddress(s) {
			t.Fatalf("%q is both a phone number and an e-mail address", s)
		}
	})
}
