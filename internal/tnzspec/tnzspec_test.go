package tnzspec

import (
	"context"
	"go/parser"
	"go/token"
	"io/fs"
	"net/http"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func mustLoad(t *testing.T) *Spec {
	t.Helper()
	sp, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return sp
}

func TestLoad(t *testing.T) {
	sp := mustLoad(t)
	if again, _ := Load(); again != sp {
		t.Error("Load loaded the OpenAPI file twice")
	}
	if len(sp.Doc.Servers) == 0 || sp.Doc.Servers[0].URL != Server {
		t.Errorf("the OpenAPI file's first server is not %s", Server)
	}
	req, err := NewRequest(http.MethodGet, BasePath+"/sms/ID1", http.Header{"Accept": {"application/json"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	op, params, err := sp.Operation(req)
	if err != nil {
		t.Fatal(err)
	}
	if op.OperationID != "client.messaging.sms.status" || params["MessageID"] != "ID1" {
		t.Errorf("GET /sms/ID1 is %q with %v", op.OperationID, params)
	}
	if _, err := NewRequest(http.MethodGet, "/api/v2.04/sms/ID1", nil, nil); err == nil {
		t.Error("NewRequest moved a request that is not under " + BasePath)
	}
}

const smsBody = `{"Message":"hi","Destinations":[{"ToNumber":"+6421000001","FirstName":"Ana"}]}`

func TestCheckSend(t *testing.T) {
	sp := mustLoad(t)
	chk, err := sp.CheckSend("sms", []byte(smsBody))
	if err != nil {
		t.Fatal(err)
	}
	if err := chk.Err(); err != nil {
		t.Errorf("control: %v", err)
	}
	if len(chk.Undeclared) != 1 || chk.Undeclared[0].Path != "Destinations[].FirstName" || len(chk.Unexplained) != 0 {
		t.Errorf("FirstName is undeclared but allowed; got %+v, unexplained %+v", chk.Undeclared, chk.Unexplained)
	}

	t.Run("a wrong-typed body fails", func(t *testing.T) {
		chk, err := sp.CheckSend("sms", []byte(`{"Message":"hi","Destinations":[{"ToNumber":"+6421000001"}],"CharacterConversion":"yes"}`))
		if err != nil {
			t.Fatal(err)
		}
		if chk.Invalid == nil || !strings.Contains(chk.Err().Error(), "CharacterConversion") {
			t.Errorf("a string CharacterConversion passed: %v", chk.Err())
		}
	})

	t.Run("an undeclared key is found", func(t *testing.T) {
		chk, err := sp.CheckSend("tts", []byte(`{"MessageToPeople":"hi","MessageToAnswerphones":"x","Keypads":[{"Tone":1,"PlayFile":"x"}],"Destinations":[{"ToNumber":"+6495006000"}]}`))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, u := range chk.Unexplained {
			got = append(got, u.Pointer+" "+u.Path)
		}
		if want := []string{"/Keypads/0/PlayFile Keypads[].PlayFile", "/MessageToAnswerphones MessageToAnswerphones"}; !slices.Equal(got, want) {
			t.Errorf("unexplained = %q, want %q", got, want)
		}
		if chk.Invalid != nil {
			t.Errorf("the OpenAPI file's objects were expected to allow extra keys: %v", chk.Invalid)
		}
		if chk.Err() == nil {
			t.Error("Err ignores unexplained keys")
		}
	})

	t.Run("allowances are per channel", func(t *testing.T) {
		chk, err := sp.CheckSend("sms", []byte(`{"Message":"hi","Destinations":[{"ToNumber":"+6421000001"}],"SMTPFrom":"a@example.com"}`))
		if err != nil {
			t.Fatal(err)
		}
		if len(chk.Unexplained) != 1 || chk.Unexplained[0].Path != "SMTPFrom" {
			t.Errorf("SMTPFrom is allowed for email only; unexplained = %+v", chk.Unexplained)
		}
	})

	t.Run("the WAV allowance excuses only long WAV", func(t *testing.T) {
		long := strings.Repeat("A", 6000)
		wav := emptyWAV[:len(emptyWAV)-4] + long + "AAA=" // still a RIFF WAVE header
		for _, tc := range []struct {
			value    string
			replaced bool
		}{{emptyWAV, false}, {wav, true}, {long, false}} {
			body := `{"MessageToPeople":"` + tc.value + `","Destinations":[{"ToNumber":"+6495006000"}]}`
			chk, err := sp.CheckSend("voice", []byte(body))
			if err != nil {
				t.Fatal(err)
			}
			if got := len(chk.WAVReplaced) > 0; got != tc.replaced {
				t.Errorf("%d characters: replaced %v, want %v", len(tc.value), chk.WAVReplaced, tc.replaced)
			}
			if tooLong := len(tc.value) > 5000 && !tc.replaced; (chk.Invalid != nil) != tooLong {
				t.Errorf("%d characters, replaced %v: Invalid = %v", len(tc.value), chk.WAVReplaced, chk.Invalid)
			}
		}
	})
}

// The FallbackMode exception excuses exactly the SDKs' wire form: a
// comma list of the OpenAPI file's names, with WhatsApp written WAPP.
func TestCheckSendFallbackList(t *testing.T) {
	sp := mustLoad(t)
	for _, tc := range []struct {
		value    string
		replaced bool
		valid    bool
	}{
		{"Voice", false, true},
		{"None", false, true},
		{"WhatsApp", false, true},
		{"WAPP", true, true},
		{"RCS, WAPP, Voice", true, true},
		{"Voice,RCS", true, true},
		{"Voice, Email", false, false},
		{"SMS", false, false},
		{"", false, false},
		{"voice", false, false},
	} {
		body := `{"Message":"hi","Destinations":[{"ToNumber":"+6421000001"}],"FallbackMode":` + strconv.Quote(tc.value) + `}`
		chk, err := sp.CheckSend("sms", []byte(body))
		if err != nil {
			t.Fatal(err)
		}
		if got := chk.FallbackReplaced != ""; got != tc.replaced || (tc.replaced && chk.FallbackReplaced != tc.value) {
			t.Errorf("%q: FallbackReplaced = %q, want replaced %v", tc.value, chk.FallbackReplaced, tc.replaced)
		}
		if (chk.Invalid == nil) != tc.valid {
			t.Errorf("%q: Invalid = %v, want valid %v", tc.value, chk.Invalid, tc.valid)
		}
	}
	chk, err := sp.CheckSend("email", []byte(`{"MessagePlain":"hi","Destinations":[{"EmailAddress":"a@example.com"}],"FallbackMode":"RCS, WAPP"}`))
	if err != nil {
		t.Fatal(err)
	}
	if chk.FallbackReplaced != "" || len(chk.Unexplained) != 1 {
		t.Errorf("POST /email has no FallbackMode: replaced %q, unexplained %+v", chk.FallbackReplaced, chk.Unexplained)
	}
}

func TestValidateRequest(t *testing.T) {
	sp := mustLoad(t)
	h := http.Header{"Content-Type": {"application/json"}, "Accept": {"application/json"}, "Authorization": {"Bearer x"}}
	for _, tc := range []struct {
		name  string
		h     http.Header
		valid bool
	}{
		{"control", h, true},
		{"Basic instead of Bearer", http.Header{"Content-Type": h["Content-Type"], "Accept": h["Accept"], "Authorization": {"Basic x"}}, false},
	} {
		req, err := NewRequest(http.MethodPost, BasePath+"/sms", tc.h, []byte(smsBody))
		if err != nil {
			t.Fatal(err)
		}
		if err := sp.ValidateRequest(context.Background(), req); (err == nil) != tc.valid {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
}

// TestOnlyTestsImport keeps the package doc's promise: the provider's
// code never imports tnzspec, only its tests do.
func TestOnlyTestsImport(t *testing.T) {
	const self = "github.com/tnz-community/terraform-provider-tnz/internal/tnzspec"
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") ||
			strings.HasPrefix(filepath.ToSlash(path), "../../internal/tnzspec/") {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == self {
				t.Errorf("%s imports tnzspec, which is for tests only", path)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
