// Package lab reads and validates racelab's lab format: one directory
// labs/NN-slug with a lab.toml, the student's editable file(s), a lab_test.go
// and testdata/*.txtar scripts, plus the reference fix in solutions/NN-slug.
//
// It is shared by the test harness (which reads the lab.toml of the lab it
// runs) and by the checker (which discovers, verifies and grades labs), so the
// format has exactly one definition. docs/lab-format.md describes it for
// people.
package lab

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// File is the name of a lab's metadata file.
const File = "lab.toml"

// Concepts returns the course vocabulary a lab's concepts are taken from.
func Concepts() []string {
	return []string{
		"seq-par-concurrent", "goroutine", "channel", "select", "gomaxprocs",
		"waitgroup", "channel-blocking", "mutex", "rwmutex", "atomic", "once",
		"leak", "deadlock", "loop-variable", "shared-variable", "global-map",
		"send-close", "check-then-act", "busy-wait", "worker-pool", "pipeline",
		"context",
	}
}

// FixKinds returns the kinds of fix a lab may accept. "any" accepts
// whatever fixes the program; the others name the synchronisation the fix
// must use.
func FixKinds() []string {
	return []string{"waitgroup", "channel", "mutex", "rwmutex", "atomic", "once", "any"}
}

// Expectations returns the ways a shipped program may be declared to fail.
func Expectations() []string {
	return []string{"race", "wrong-output", "leak", "deadlock", "not-concurrent"}
}

// Text is a piece of prose in both of the course's languages.
type Text struct {
	EN string `toml:"en"`
	ID string `toml:"id"`
}

// In returns the text in language lang ("en" or "id"), falling back to
// English when the translation is missing.
func (t Text) In(lang string) string {
	if lang == "id" && t.ID != "" {
		return t.ID
	}
	return t.EN
}

// Lab is one lab's metadata, as written in its lab.toml, plus where it lives.
type Lab struct {
	Title    Text     `toml:"title"`
	Concepts []string `toml:"concepts"`
	Fix      []string `toml:"fix"`
	Editable []string `toml:"editable"`
	Expect   string   `toml:"expect"`
	Points   int      `toml:"points"`
	Level    int      `toml:"level"`   // 1 (first steps) to 3 (hard)
	Minutes  int      `toml:"minutes"` // estimated time for a student
	Hints    []Text   `toml:"hint"`

	// Number, Slug and Dir are derived from the directory, not the file.
	Number int    `toml:"-"`
	Slug   string `toml:"-"`
	Dir    string `toml:"-"` // the lab's directory
}

// Name is the lab's directory name, e.g. "03-mutex".
func (l *Lab) Name() string { return fmt.Sprintf("%02d-%s", l.Number, l.Slug) }

// AcceptsAnyFix reports whether the lab leaves the choice of primitive to the
// student.
func (l *Lab) AcceptsAnyFix() bool { return slices.Contains(l.Fix, "any") }

var dirName = regexp.MustCompile(`^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$`)

// ParseDirName splits a lab directory name such as "03-mutex" into its
// number and slug.
func ParseDirName(name string) (number int, slug string, ok bool) {
	m := dirName.FindStringSubmatch(name)
	if m == nil {
		return 0, "", false
	}
	n, _ := strconv.Atoi(m[1])
	return n, m[2], n > 0
}

// Load reads the lab in directory dir. It returns the lab even when the
// metadata is invalid, together with an error listing every problem, so
// that callers can report them all at once.
func Load(dir string) (*Lab, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("lab %s: %w", dir, err)
	}
	number, slug, ok := ParseDirName(filepath.Base(abs))
	if !ok {
		return nil, fmt.Errorf("lab %s: directory name must look like NN-slug (two digits, a dash, lower-case words joined by dashes), e.g. 03-mutex", abs)
	}
	path := filepath.Join(abs, File)
	var l Lab
	md, err := toml.DecodeFile(path, &l)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	l.Number, l.Slug, l.Dir = number, slug, abs
	var problems []error
	for _, key := range md.Undecoded() {
		problems = append(problems, fmt.Errorf("%s: unknown field %q (known: title, concepts, fix, editable, expect, points, level, minutes, [[hint]])", path, key.String()))
	}
	problems = append(problems, l.Validate()...)
	return &l, errors.Join(problems...)
}

// Validate checks the metadata against the lab format and returns one error
// per problem, each naming the file, the field and what to do.
func (l *Lab) Validate() []error {
	path := filepath.Join(l.Dir, File)
	var errs []error
	bad := func(field, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s: %s", path, field, fmt.Sprintf(format, args...)))
	}
	if l.Title.EN == "" {
		bad("title.en", "missing: give the lab an English title")
	}
	if l.Title.ID == "" {
		bad("title.id", "missing: give the lab a Bahasa Indonesia title")
	}
	if len(l.Concepts) == 0 {
		bad("concepts", "empty: name at least one concept from: %s", strings.Join(Concepts(), ", "))
	}
	for _, c := range l.Concepts {
		if !slices.Contains(Concepts(), c) {
			bad("concepts", "unknown concept %q: use one of %s", c, strings.Join(Concepts(), ", "))
		}
	}
	if len(l.Fix) == 0 {
		bad("fix", "empty: name the accepted fix kinds, from %s", strings.Join(FixKinds(), ", "))
	}
	for _, f := range l.Fix {
		if !slices.Contains(FixKinds(), f) {
			bad("fix", "unknown fix kind %q: use one of %s", f, strings.Join(FixKinds(), ", "))
		}
	}
	if l.AcceptsAnyFix() && len(l.Fix) > 1 {
		bad("fix", `"any" already accepts every fix: list it alone`)
	}
	if !slices.Contains(Expectations(), l.Expect) {
		bad("expect", "%q is not a known expectation: use one of %s", l.Expect, strings.Join(Expectations(), ", "))
	}
	if len(l.Editable) == 0 {
		bad("editable", "empty: list the file(s) the student edits, e.g. [\"bank.go\"]")
	}
	for _, f := range l.Editable {
		if f != filepath.Base(f) || !strings.HasSuffix(f, ".go") || strings.HasSuffix(f, "_test.go") {
			bad("editable", "%q must be a non-test .go file directly in the lab directory", f)
			continue
		}
		if _, err := os.Stat(filepath.Join(l.Dir, f)); err != nil {
			bad("editable", "%q does not exist in %s: create it or fix the name", f, l.Dir)
		}
	}
	if l.Points <= 0 {
		bad("points", "must be a positive number of points, e.g. 10")
	}
	if l.Level < 1 || l.Level > 3 {
		bad("level", "must be 1 (first steps), 2 or 3 (hard)")
	}
	if l.Minutes <= 0 {
		bad("minutes", "must be the estimated minutes a student needs, e.g. 20")
	}
	if len(l.Hints) < 2 {
		bad("hint", "has %d hints: write at least 2 [[hint]] entries, from a gentle nudge to nearly the answer", len(l.Hints))
	}
	for i, h := range l.Hints {
		if h.EN == "" {
			bad(fmt.Sprintf("hint[%d].en", i+1), "missing: write the English hint")
		}
		if h.ID == "" {
			bad(fmt.Sprintf("hint[%d].id", i+1), "missing: write the Bahasa Indonesia hint")
		}
	}
	return errs
}

// Discover loads every lab under root/labs, ordered by number. Labs whose
// metadata is invalid are still returned; their problems are joined into
// the error.
func Discover(root string) ([]*Lab, error) {
	entries, err := os.ReadDir(filepath.Join(root, "labs"))
	if err != nil {
		return nil, fmt.Errorf("finding labs: %w (run the checker from the racelab repository root)", err)
	}
	var labs []*Lab
	var problems []error
	for _, e := range entries {
		if !e.IsDir() || e.Name() == "internal" || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		l, err := Load(filepath.Join(root, "labs", e.Name()))
		if err != nil {
			problems = append(problems, err)
		}
		if l != nil {
			labs = append(labs, l)
		}
	}
	sort.Slice(labs, func(i, j int) bool { return labs[i].Number < labs[j].Number })
	for i := 1; i < len(labs); i++ {
		if labs[i].Number == labs[i-1].Number {
			problems = append(problems, fmt.Errorf("labs %s and %s share the number %02d: renumber one", labs[i-1].Name(), labs[i].Name(), labs[i].Number))
		}
	}
	return labs, errors.Join(problems...)
}

// Find returns the lab whose number or name matches sel ("3", "03",
// "03-mutex" or "mutex").
func Find(labs []*Lab, sel string) (*Lab, error) {
	n, err := strconv.Atoi(sel)
	for _, l := range labs {
		if (err == nil && l.Number == n) || l.Name() == sel || l.Slug == sel {
			return l, nil
		}
	}
	names := make([]string, len(labs))
	for i, l := range labs {
		names[i] = l.Name()
	}
	return nil, fmt.Errorf("no lab %q: choose a number or name from %s", sel, strings.Join(names, ", "))
}

// SolutionDir is where the reference fix of l lives, relative to the
// repository root root.
func (l *Lab) SolutionDir(root string) string {
	return filepath.Join(root, "solutions", l.Name())
}
