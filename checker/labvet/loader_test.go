package labvet_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/labvet"
)

// The loader must find exactly what Check finds: it is the same check,
// done cheaply for a class. Compared on real labs, each with its shipped
// file, its solution, and the solution with a sleep and a banned import.
func TestLoaderAgreesWithCheck(t *testing.T) {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	labs, _ := lab.Discover(root)
	for _, slug := range []string{"waitgroup", "gomaxprocs", "check-then-act"} {
		t.Run(slug, func(t *testing.T) {
			l, err := lab.Find(labs, slug)
			require.NoError(t, err)
			loader, err := labvet.NewLoader(l.ProgramDir())
			require.NoError(t, err)
			file := l.Editable[0]
			solution, err := os.ReadFile(filepath.Join(l.SolutionDir(root), file))
			require.NoError(t, err)
			sleepy := strings.Replace(string(solution), "import (", "import (\n\t\"time\"\n\t\"unsafe\"\n", 1) +
				"\nfunc nap() { time.Sleep(1); _ = unsafe.Sizeof(0) }\n"
			for variant, content := range map[string][]byte{"shipped": nil, "solution": solution, "sleepy": []byte(sleepy)} {
				replace := map[string][]byte{}
				if content != nil {
					replace[file] = content
				}
				got, err := loader.Check(replace, l.Editable)
				require.NoError(t, err, variant)

				want, err := labvet.Check(l.ProgramDir(), nil, replace, l.Editable)
				require.NoError(t, err, variant)
				assert.Equal(t, want, got, variant)
				if variant == "sleepy" {
					assert.NotEmpty(t, got.Findings, "the sleep and the import must be found")
					assert.True(t, got.Refused())
				}
				if variant == "solution" {
					assert.NotEmpty(t, got.Kinds, "the solution uses the lab's kind of fix")
				}
			}
		})
	}
}

func TestLoaderSendsUnpreparedFilesBack(t *testing.T) {
	dir := writeModule(t, map[string]string{"bank.go": "package main\n\nfunc main() {}\n"})
	loader, err := labvet.NewLoader(dir)
	require.NoError(t, err)
	for name, src := range map[string]string{
		"a package the lab does not use": "package main\n\nimport \"net/http\"\n\nvar _ = http.Get\n\nfunc main() {}\n",
		"a type error":                   "package main\n\nfunc main() { undefined() }\n",
		"a syntax error":                 "package main\n\nfunc main() {\n",
	} {
		_, err := loader.Check(map[string][]byte{"bank.go": []byte(src)}, []string{"bank.go"})
		assert.ErrorIs(t, err, labvet.ErrUnprepared, name)
	}
	r, err := loader.Check(nil, []string{"bank.go"})
	require.NoError(t, err)
	assert.Empty(t, r.Findings)
	assert.Empty(t, r.Kinds)
}

// BenchmarkStatic compares the two ways to check one student file of lab
// 01: Check (a go list and the dependencies' export data each time) and a
// prepared Loader. Report the ratio of the two ns/op.
func BenchmarkStatic(b *testing.B) {
	root, err := filepath.Abs("../..")
	require.NoError(b, err)
	labs, _ := lab.Discover(root)
	l, err := lab.Find(labs, "waitgroup")
	require.NoError(b, err)
	file := l.Editable[0]
	solution, err := os.ReadFile(filepath.Join(l.SolutionDir(root), file))
	require.NoError(b, err)
	b.Run("Check", func(b *testing.B) {
		for b.Loop() {
			if _, err := labvet.Check(l.ProgramDir(), nil, map[string][]byte{file: solution}, l.Editable); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Loader", func(b *testing.B) {
		loader, err := labvet.NewLoader(l.ProgramDir())
		require.NoError(b, err)
		for b.Loop() {
			if _, err := loader.Check(map[string][]byte{file: solution}, l.Editable); err != nil {
				b.Fatal(err)
			}
		}
	})
}
