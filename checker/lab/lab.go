// Package lab reads and validates racelab's lab format: one directory
// labs/NN-slug with a lab.toml, a lab_test.go and testdata/*.txtar scripts
// (the judge), the program in its own folder labs/NN-slug/PROGRAM (package
// main, holding the student's editable file(s)), plus the reference fix in
// solutions/NN-slug.
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
		"context", "parallel", "buffered-channel", "wg-add", "happens-before",
		"copylocks", "errgroup", "semaphore", "deadline", "cond", "double-close",
		"panic", "synctest", "testing", "real-world",
	}
}

// FixKinds returns the kinds of fix a lab may name. "any" accepts whatever
// fixes the program; the others name the synchronisation a fix uses, as
// labvet's fixkind finds it in what the student changed.
func FixKinds() []string {
	return []string{"waitgroup", "channel", "mutex", "rwmutex", "atomic", "once", "cond", "errgroup", "context", "any"}
}

// DefaultOtherPoints is the share of a lab's points, in percent, that a
// correct fix of another kind than the lab teaches earns unless the lab
// says otherwise (other_points).
const DefaultOtherPoints = 50

// Expectations returns the ways a shipped program may be declared to fail.
func Expectations() []string {
	return []string{"race", "wrong-output", "leak", "deadlock", "not-concurrent", "crash", "missed"}
}

// Placeholder marks text an instructor has not written yet: the scaffold of
// `checker new` and the drafts of `checker import` put it wherever a person
// must write (a hint, a README section, the program itself), and `checker
// verify` lists every occurrence as "left to write" instead of passing the
// lab. It is distinct from the plain "// TODO" that shows a student where
// the work is.
const Placeholder = "TODO(instructor)"

// FixtureHeader opens every non-editable Go file of a lab: the grader always
// takes such files from the instructor's tree.
const FixtureHeader = "// Do not edit: part of the lab's fixture."

// FolderMakefile is the Makefile in every lab's folder and its program's
// folder: a student whose shell is there runs `make lab` (watch, hint, …)
// as from the top of the repository, whose Makefile does the work and
// takes the lab whose folder make started in.
const FolderMakefile = `# ` + "`make lab`, `make watch`, `make hint`" + ` … from inside this lab's folder: the
# Makefile at the top of the repository does the work, and the checker
# takes the lab whose folder you are in.
include $(firstword $(wildcard ../../Makefile ../../../Makefile))
`

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
	Title Text `toml:"title"`
	// Program names the program: its folder in the lab's directory and
	// the command that runs it in the lab's scripts.
	Program string `toml:"program"`
	// Part is the part of the course the lab belongs to (labs/course.toml).
	Part int `toml:"part"`
	// Notes names the section of the course notes the lab practises
	// (labs/course.toml); empty for a lab beyond the notes.
	Notes    string   `toml:"notes"`
	Concepts []string `toml:"concepts"`
	// Fix lists the kinds of fix that pass: the synchronisation the lab
	// teaches.
	Fix []string `toml:"fix"`
	// Other lists kinds a correct fix may use instead, which the lab
	// grades other-kind ("it works, but this lab practises …"); a correct
	// fix of a kind in neither list is other-kind too.
	Other []string `toml:"other"`
	// OtherPoints is the share of Points, in percent, an other-kind fix
	// earns (nil: DefaultOtherPoints).
	OtherPoints *int     `toml:"other_points"`
	Editable    []string `toml:"editable"` // file names in the program's folder
	Expect      string   `toml:"expect"`
	Points      int      `toml:"points"`
	Level       int      `toml:"level"`   // 1 (first steps) to 3 (hard)
	Minutes     int      `toml:"minutes"` // estimated time for a student
	Hints       []Text   `toml:"hint"`
	// Test, when set, makes this a testing lab: the student writes a
	// test (the editable _test.go file) of the program's package.
	Test *Test `toml:"test"`

	// Number, Slug and Dir are derived from the directory, not the file.
	Number int    `toml:"-"`
	Slug   string `toml:"-"`
	Dir    string `toml:"-"` // the lab's directory
}

// Test is what a testing lab judges the student's test against: versions
// of one file of the package, its implementation. The implementation as
// shipped is correct (so `go test ./labs/...` passes a good test), and is
// judged as the variant Shipped; the others live in
// testdata/variants/NAME.go of the lab's directory, most of them with a bug.
// Each replaces the implementation file, under its name, in a build of its
// own: a test cannot tell them apart by anything but what they do. A good
// test passes against every correct version and fails against every one
// with a bug, every run.
type Test struct {
	Implementation string    `toml:"implementation"` // a file of the program's folder
	Variants       []Variant `toml:"variant"`
}

// Shipped names the variant that is a testing lab's implementation as
// shipped.
const Shipped = "shipped"

// Variant is one version of a testing lab's implementation.
type Variant struct {
	Name    string `toml:"name"`
	Correct bool   `toml:"correct"` // a good test passes against it; else it has a bug to catch
	About   Text   `toml:"about"`   // what it does (wrong), told to a student whose test misses it
}

// AllVariants lists a testing lab's variants, Shipped first.
func (l *Lab) AllVariants() []Variant {
	if l.Test == nil {
		return nil
	}
	return append([]Variant{{Name: Shipped, Correct: true}}, l.Test.Variants...)
}

// Variant returns the testing lab's variant called name.
func (l *Lab) Variant(name string) (Variant, bool) {
	for _, v := range l.AllVariants() {
		if v.Name == name {
			return v, true
		}
	}
	return Variant{}, false
}

// VariantFile is the source of a testing lab's variant (the
// implementation itself for Shipped).
func (l *Lab) VariantFile(name string) string {
	if name == Shipped && l.Test != nil {
		return filepath.Join(l.ProgramDir(), l.Test.Implementation)
	}
	return filepath.Join(l.Dir, "testdata", "variants", name+".go")
}

// Name is the lab's directory name, e.g. "08-mutex".
func (l *Lab) Name() string { return fmt.Sprintf("%02d-%s", l.Number, l.Slug) }

// PointsForOther is what a fix of another kind earns: OtherPoints percent of
// Points, rounded down.
func (l *Lab) PointsForOther() int {
	pct := DefaultOtherPoints
	if l.OtherPoints != nil {
		pct = *l.OtherPoints
	}
	return l.Points * pct / 100
}

// ProgramDir is the program's folder: labs/NN-slug/PROGRAM.
func (l *Lab) ProgramDir() string { return filepath.Join(l.Dir, l.Program) }

// Path is the path of the program's file name relative to the lab's
// directory, as a student sees it: e.g. "bank/bank.go".
func (l *Lab) Path(name string) string { return l.Program + "/" + name }

// Rel is the slash path of the program's file name relative to the
// repository root: e.g. "labs/08-mutex/bank/bank.go".
func (l *Lab) Rel(name string) string { return "labs/" + l.Name() + "/" + l.Path(name) }

// Package is the program's package pattern relative to the repository
// root: e.g. "./labs/08-mutex/bank".
func (l *Lab) Package() string { return "./labs/" + l.Name() + "/" + l.Program }

// KindPasses reports whether a correct fix (its runs pass) that uses the
// given kinds passes the lab: the lab accepts any fix, or the fix uses a
// kind the lab teaches. Otherwise the fix is another kind (reason
// other-kind): it works, but it is not what the lab practises.
func (l *Lab) KindPasses(kinds []string) bool {
	if l.AcceptsAnyFix() {
		return true
	}
	for _, k := range kinds {
		if slices.Contains(l.Fix, k) {
			return true
		}
	}
	return false
}

// AcceptsAnyFix reports whether the lab leaves the choice of primitive to the
// student.
func (l *Lab) AcceptsAnyFix() bool { return slices.Contains(l.Fix, "any") }

var programName = regexp.MustCompile(`^[a-z][a-z0-9]*$`)

var dirName = regexp.MustCompile(`^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$`)

// ParseDirName splits a lab directory name such as "08-mutex" into its
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
	l, problems := LoadProblems(dir)
	return l, errors.Join(problems...)
}

// LoadProblems is Load with the problems kept apart, one error each. The lab
// is nil only when there is nothing to describe: a directory name that is
// not NN-slug, or a lab.toml that is missing or does not parse.
func LoadProblems(dir string) (*Lab, []error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, []error{fmt.Errorf("lab %s: %w", dir, err)}
	}
	number, slug, ok := ParseDirName(filepath.Base(abs))
	if !ok {
		return nil, []error{fmt.Errorf("lab %s: directory name must look like NN-slug (two digits, a dash, lower-case words joined by dashes), e.g. 08-mutex", abs)}
	}
	path := filepath.Join(abs, File)
	var l Lab
	md, err := toml.DecodeFile(path, &l)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, []error{fmt.Errorf("%s: missing: every lab needs its metadata (see docs/lab-format.md, or start with `go run ./checker new`)", path)}
		}
		return nil, []error{fmt.Errorf("%s: %w", path, err)}
	}
	l.Number, l.Slug, l.Dir = number, slug, abs
	var problems []error
	for _, key := range md.Undecoded() {
		problems = append(problems, fmt.Errorf("%s: %s: unknown field: remove it or fix its name (known: title, program, part, notes, concepts, fix, other, other_points, editable, expect, points, level, minutes, [[hint]])", path, key.String()))
	}
	problems = append(problems, l.Validate()...)
	return &l, problems
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
	switch {
	case l.Program == "":
		bad("program", "missing: name the program's folder in the lab's directory (package main, the student's file in it), e.g. \"bank\"")
	case !programName.MatchString(l.Program):
		bad("program", "%q must be a lower-case command name (letters and digits, e.g. \"bank\"): it names the program's folder and its command in the scripts", l.Program)
	default:
		if fi, err := os.Stat(l.ProgramDir()); err != nil || !fi.IsDir() {
			bad("program", "%s is not a folder: put the program (package main) in it", l.ProgramDir())
		}
	}
	if len(l.Concepts) == 0 {
		bad("concepts", "empty: name at least one concept from: %s", strings.Join(Concepts(), ", "))
	}
	for _, c := range l.Concepts {
		if !slices.Contains(Concepts(), c) {
			bad("concepts", "unknown concept %q%s: use one of %s", c, didYouMean(c, Concepts()), strings.Join(Concepts(), ", "))
		}
	}
	if d := duplicate(l.Concepts); d != "" {
		bad("concepts", "%q is listed twice: list each concept once", d)
	}
	if len(l.Fix) == 0 {
		bad("fix", "empty: name the accepted fix kinds, from %s", strings.Join(FixKinds(), ", "))
	}
	for _, f := range l.Fix {
		if !slices.Contains(FixKinds(), f) {
			bad("fix", "unknown fix kind %q%s: use one of %s", f, didYouMean(f, FixKinds()), strings.Join(FixKinds(), ", "))
		}
	}
	if d := duplicate(l.Fix); d != "" {
		bad("fix", "%q is listed twice: list each kind once", d)
	}
	if l.AcceptsAnyFix() && len(l.Fix) > 1 {
		bad("fix", `"any" already accepts every fix: list it alone`)
	}
	for _, f := range l.Other {
		switch {
		case f == "any" || !slices.Contains(FixKinds(), f):
			bad("other", "unknown fix kind %q%s: use one of %s (not any)", f, didYouMean(f, FixKinds()), strings.Join(FixKinds()[:len(FixKinds())-1], ", "))
		case slices.Contains(l.Fix, f):
			bad("other", "%q is in fix too: a kind either passes or is another kind, not both", f)
		}
	}
	if l.AcceptsAnyFix() && len(l.Other) > 0 {
		bad("other", `fix = ["any"] passes every kind: there is no other kind`)
	}
	if l.OtherPoints != nil && (*l.OtherPoints < 0 || *l.OtherPoints > 100) {
		bad("other_points", "%d: want a percentage of the points, from 0 to 100", *l.OtherPoints)
	}
	if l.Part < 1 {
		if l.Part == 0 {
			bad("part", "missing: name the part of the course the lab belongs to, a [[part]] number of labs/course.toml, e.g. part = 3")
		} else {
			bad("part", "%d: want the number of a [[part]] of labs/course.toml (1, 2, …)", l.Part)
		}
	}
	switch {
	case l.Expect == "":
		bad("expect", "missing: say how the shipped program must fail, one of %s", strings.Join(Expectations(), ", "))
	case !slices.Contains(Expectations(), l.Expect):
		bad("expect", "%q is not a known expectation%s: use one of %s", l.Expect, didYouMean(l.Expect, Expectations()), strings.Join(Expectations(), ", "))
	}
	if len(l.Editable) == 0 {
		bad("editable", "empty: list the file(s) the student edits, e.g. [\"bank.go\"]")
	}
	if d := duplicate(l.Editable); d != "" {
		bad("editable", "%q is listed twice: list each file once", d)
	}
	for _, f := range l.Editable {
		switch {
		case f != filepath.Base(f) || !strings.HasSuffix(f, ".go"):
			bad("editable", "%q must be a .go file directly in the program's folder", f)
			continue
		case l.Test == nil && strings.HasSuffix(f, "_test.go"):
			bad("editable", "%q is a test file: a student edits the program; for a lab in which the student writes a test, add a [test] table", f)
			continue
		case l.Test != nil && !strings.HasSuffix(f, "_test.go"):
			bad("editable", "%q is not a test file: in a testing lab ([test]) the student edits only _test.go files", f)
			continue
		}
		if l.Program == "" {
			continue
		}
		if _, err := os.Stat(filepath.Join(l.ProgramDir(), f)); err != nil {
			bad("editable", "%q does not exist in %s: create it or fix the name", f, l.ProgramDir())
		}
	}
	if l.Test != nil {
		l.validateTest(bad)
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

// validateTest checks a testing lab's [test] table.
func (l *Lab) validateTest(bad func(field, format string, args ...any)) {
	t := l.Test
	switch {
	case t.Implementation == "":
		bad("test.implementation", "missing: name the file of the program's folder the variants replace, e.g. \"counter.go\"")
	case t.Implementation != filepath.Base(t.Implementation) || !strings.HasSuffix(t.Implementation, ".go") || strings.HasSuffix(t.Implementation, "_test.go"):
		bad("test.implementation", "%q must be a non-test .go file directly in the program's folder", t.Implementation)
	case slices.Contains(l.Editable, t.Implementation):
		bad("test.implementation", "%q is editable: the student writes the test, the implementation is the lab's", t.Implementation)
	case l.Program != "":
		if _, err := os.Stat(filepath.Join(l.ProgramDir(), t.Implementation)); err != nil {
			bad("test.implementation", "%q does not exist in %s: create it or fix the name", t.Implementation, l.ProgramDir())
		}
	}
	buggy := 0
	var names []string
	for i, v := range t.Variants {
		field := fmt.Sprintf("test.variant[%d]", i+1)
		if !programName.MatchString(v.Name) || v.Name == Shipped {
			bad(field+".name", "%q must be a lower-case name (letters and digits) other than %q (the implementation as shipped): it names testdata/variants/NAME.go and the variant in the scripts", v.Name, Shipped)
			continue
		}
		names = append(names, v.Name)
		if _, err := os.Stat(l.VariantFile(v.Name)); err != nil {
			bad(field+".name", "%s does not exist: write the variant there (a whole %s)", l.VariantFile(v.Name), t.Implementation)
		}
		if v.Correct {
			continue
		}
		buggy++
		if v.About.EN == "" || v.About.ID == "" {
			bad(field+".about", "missing: say in both languages (en, id) what is wrong with it, for a student whose test misses it")
		}
	}
	if d := duplicate(names); d != "" {
		bad("test.variant", "%q is listed twice: name each variant once", d)
	}
	if buggy == 0 {
		bad("test.variant", "no variant with a bug: a test is judged by passing the implementation and catching bugs, so give at least one [[test.variant]] without correct = true")
	}
	if l.Expect != "" && l.Expect != "missed" {
		bad("expect", "%q: the shipped test of a testing lab fails by missing a bug: expect = \"missed\"", l.Expect)
	}
}

// duplicate returns the first value listed twice in list, or "".
func duplicate(list []string) string {
	seen := map[string]bool{}
	for _, v := range list {
		if seen[v] {
			return v
		}
		seen[v] = true
	}
	return ""
}

// didYouMean suggests the known value closest to a misspelt one, so that a
// typo costs one look rather than a scan of the whole list.
func didYouMean(got string, known []string) string {
	best, bestDist := "", 3 // further than 2 edits away is not a typo
	for _, k := range known {
		if d := editDistance(got, k); d < bestDist {
			best, bestDist = k, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
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
// "08-mutex" or "mutex").
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
