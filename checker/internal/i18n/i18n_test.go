package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/racelab/racelab/checker/protocol"
	"github.com/stretchr/testify/assert"
)

// catalogFiles hold the Key constants: every source file of the package but
// the one that defines the types (the explanations', the student
// commands', the grader's).
func catalogFiles() []string {
	files, _ := filepath.Glob("*.go")
	var out []string
	for _, f := range files {
		if f != "i18n.go" && !strings.HasSuffix(f, "_test.go") {
			out = append(out, f)
		}
	}
	return out
}

// catalogKeys returns every Key constant declared in the catalog files, read
// from the source so that a key added without a message (or with one
// language missing) is caught even if nothing uses it yet.
func catalogKeys(t *testing.T) []Key {
	t.Helper()
	var keys []Key
	for _, name := range catalogFiles() {
		keys = append(keys, fileKeys(t, name)...)
	}
	if len(keys) < 50 {
		t.Fatalf("found only %d keys in %v: is the test reading them right?", len(keys), catalogFiles())
	}
	return keys
}

func fileKeys(t *testing.T, name string) []Key {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
	if err != nil {
		t.Fatalf("parsing %s: %v", name, err)
	}
	var keys []Key
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "Key" {
				continue
			}
			for _, v := range vs.Values {
				lit, ok := v.(*ast.BasicLit)
				if !ok {
					t.Fatalf("key %v: want a string literal", v)
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatal(err)
				}
				keys = append(keys, Key(s))
			}
		}
	}
	return keys
}

func TestEveryKeyHasBothLanguages(t *testing.T) {
	seen := map[Key]bool{}
	for _, k := range catalogKeys(t) {
		if seen[k] {
			t.Errorf("key %q is declared twice", k)
		}
		seen[k] = true
		m, ok := Lookup(k)
		switch {
		case !ok:
			t.Errorf("key %q has no message", k)
		case m.EN == "":
			t.Errorf("key %q has no English text", k)
		case m.ID == "":
			t.Errorf("key %q has no Indonesian text", k)
		case !maps.Equal(verbs(t, m.EN), verbs(t, m.ID)):
			t.Errorf("key %q: English and Indonesian take different arguments:\n  en %q %v\n  id %q %v", k, m.EN, verbs(t, m.EN), m.ID, verbs(t, m.ID))
		}
	}
}

// verbs maps each argument a format uses (by position) to its verb.
func verbs(t *testing.T, format string) map[int]string {
	out := map[int]string{}
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && (format[i] == '+' || format[i] == '-' || format[i] == '#' || format[i] == ' ' || format[i] == '0' || format[i] == '.' || (format[i] >= '1' && format[i] <= '9')) {
			i++
		}
		if i < len(format) && format[i] == '[' {
			j := i + 1
			for j < len(format) && format[j] != ']' {
				j++
			}
			n, err := strconv.Atoi(format[i+1 : j])
			if err != nil || j == len(format) {
				t.Errorf("bad argument index in %q", format)
				return out
			}
			arg = n - 1
			i = j + 1
		}
		if i == len(format) {
			t.Errorf("format %q ends in a lone %%", format)
			return out
		}
		if format[i] == '%' {
			continue
		}
		out[arg] = string(format[i])
		arg++
	}
	return out
}

func TestVerbs(t *testing.T) {
	for _, tc := range []struct {
		format string
		want   map[int]string
	}{
		{"plain", map[int]string{}},
		{"100%% sure", map[int]string{}},
		{"%s and %d", map[int]string{0: "s", 1: "d"}},
		{"%[2]d then %[1]s", map[int]string{0: "s", 1: "d"}},
		{"%5.2f", map[int]string{0: "f"}},
	} {
		if got := verbs(t, tc.format); !maps.Equal(got, tc.want) {
			t.Errorf("verbs(%q) = %v, want %v", tc.format, got, tc.want)
		}
	}
}

func TestChoose(t *testing.T) {
	for _, tc := range []struct {
		l, lang string
		want    Lang
	}{
		{"", "", EN},
		{"", "C", EN},
		{"", "C.UTF-8", EN},
		{"", "en_US.UTF-8", EN},
		{"", "id_ID.UTF-8", ID},
		{"", "id", ID},
		{"", "in_ID", ID},
		{"id", "", ID},
		{"ID", "en_GB.UTF-8", ID},
		{"en", "id_ID.UTF-8", EN},
		{"fr", "id_ID.UTF-8", ID}, // an unknown L leaves the choice to LANG
		{"klingon", "", EN},
		{" id ", "", ID},
	} {
		if got := Choose(tc.l, tc.lang); got != tc.want {
			t.Errorf("Choose(L=%q, LANG=%q) = %q, want %q", tc.l, tc.lang, got, tc.want)
		}
	}
}

func TestT(t *testing.T) {
	if got, want := EN.T(WhoN, 7), "goroutine 7"; got != want {
		t.Errorf("EN.T(WhoN, 7) = %q, want %q", got, want)
	}
	if got, want := ID.T(SeenTimes, 3), "terjadi 3 kali"; got != want {
		t.Errorf("ID.T(SeenTimes, 3) = %q, want %q", got, want)
	}
	if got, want := ID.T(Or), "atau"; got != want {
		t.Errorf("ID.T(Or) = %q, want %q", got, want)
	}
	// A language nobody chose falls back to English.
	if got, want := Lang("xx").T(Or), "or"; got != want {
		t.Errorf(`Lang("xx").T(Or) = %q, want %q`, got, want)
	}
	// A typo shows up as itself rather than as nothing.
	if got, want := EN.T("no.such.key"), "no.such.key"; got != want {
		t.Errorf("EN.T(unknown) = %q, want %q", got, want)
	}
	if _, ok := Lookup("no.such.key"); ok {
		t.Error("Lookup(unknown) reported a message")
	}
}

// Every reason a verdict can give has words of its own: none falls back to
// "the tests fail".
func TestEveryReasonHasWords(t *testing.T) {
	for _, r := range protocol.Order() {
		if r == protocol.Fail {
			continue
		}
		assert.NotEqual(t, ReasonFail, ReasonKey(r), "reason %s", r)
	}
}
