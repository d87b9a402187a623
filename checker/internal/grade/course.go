package grade

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/racelab/racelab/checker/internal/explain"
	"github.com/racelab/racelab/checker/internal/gradebook"
	"github.com/racelab/racelab/checker/internal/run"
	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/labvet"
)

// course is the instructor's side of grading, read once: the labs, their
// shipped editable files and scripts, and the hash of every protected file,
// which a submission may not change.
type course struct {
	// warmOnce builds one lab's shipped program before any student's
	// compile, so the race-enabled standard library is built outside the
	// compile limits (on a cold cache it takes minutes).
	warmOnce  sync.Once
	root      string
	labs      []*courseLab
	protected map[string][32]byte // slash path -> sha256, every file taken from the instructor
	editable  map[string]bool     // slash paths of every lab's editable files
}

type courseLab struct {
	*lab.Lab
	shipped  map[string][]byte // editable file name -> the instructor's content
	scripts  []script
	judge    string // the lab's judge, built once for the class
	testCode string // shown as exercism's test_code

	// The judge, built once, when the lab's first submission needs it: a
	// class that is all error rows, or a resumed grading with nothing left
	// to do, builds nothing.
	prepareOnce sync.Once
	prepareErr  error

	// The static checks, prepared once for the class: the first build of
	// the lab loads its dependencies, later ones only type-check.
	loaderOnce sync.Once
	loader     *labvet.Loader // nil when it could not be prepared
}

// static runs the static checks on a build's files: with the lab's prepared
// loader when it can, else, as the judge does, by loading the package with
// the files as an overlay. Files that do not type-check are
// labvet.ErrCompile: the build that follows says what is wrong with them.
func (l *courseLab) static(files map[string][]byte) (labvet.Report, error) {
	l.loaderOnce.Do(func() {
		l.loader, _ = labvet.NewLoader(l.ProgramDir()) // on failure, every build takes the slow way
	})
	if l.loader != nil {
		report, err := l.loader.Check(files, l.Editable)
		if !errors.Is(err, labvet.ErrUnprepared) {
			return report, err
		}
	}
	return labvet.Check(l.ProgramDir(), nil, files, l.Editable)
}

type script struct {
	name      string // the test name: TestLab/scripts/NAME
	comment   string // the script's opening comment: what it checks, in a student's words
	commentID string // the same in Bahasa Indonesia, when the script gives it
}

// protectedTop are the parts of the tree a submission's copy is compared
// against: what builds and runs a lab (tests, scripts, harness, lab.toml,
// go.mod). Documentation and solutions are not graded, so are not listed.
func protectedTop(rel string) bool {
	top, _, _ := strings.Cut(rel, "/")
	return top == "labs" || top == "checker" || rel == "go.mod" || rel == "go.sum"
}

// loadCourse reads the instructor's tree at root for the given labs; each
// lab's judge goes into work when it is first needed (prepare).
func loadCourse(root string, labs []*lab.Lab, work string) (*course, error) {
	c := &course{root: root, protected: map[string][32]byte{}, editable: map[string]bool{}}
	for _, l := range labs {
		cl := &courseLab{Lab: l, shipped: map[string][]byte{}, judge: filepath.Join(work, "judges", l.Name()+".test")}
		for _, f := range l.Editable {
			data, err := os.ReadFile(filepath.Join(l.ProgramDir(), f))
			if err != nil {
				return nil, fmt.Errorf("lab %s: reading its editable file: %w", l.Name(), err)
			}
			cl.shipped[f] = data
			c.editable[l.Rel(f)] = true
		}
		if err := cl.loadScripts(); err != nil {
			return nil, err
		}
		c.labs = append(c.labs, cl)
	}
	if err := os.MkdirAll(filepath.Join(work, "judges"), 0o700); err != nil {
		return nil, err
	}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if rel == "." {
			return nil
		}
		if d.IsDir() {
			top := !strings.Contains(rel, "/")
			if strings.HasPrefix(d.Name(), ".") || (top && !protectedTop(rel)) {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || !protectedTop(rel) || c.editable[rel] {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		c.protected[rel] = sha256.Sum256(data)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the instructor's tree: %w", err)
	}
	return c, nil
}

// loadScripts lists the scripts testscript will run, named as it names
// their tests, with their opening comments.
func (l *courseLab) loadScripts() error {
	entries, err := os.ReadDir(filepath.Join(l.Dir, "testdata"))
	if err != nil {
		return fmt.Errorf("lab %s: %w", l.Name(), err)
	}
	var code strings.Builder
	fmt.Fprintf(&code, "# make lab N=%d   (go test ./labs/%s), the scripts:\n", l.Number, l.Name())
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".txtar")
		if !ok {
			name, ok = strings.CutSuffix(e.Name(), ".txt")
		}
		if !ok || e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(l.Dir, "testdata", e.Name()))
		if err != nil {
			return err
		}
		comment, commentID := openingComment(data)
		// testing.T.Run rewrites spaces in test names.
		l.scripts = append(l.scripts, script{name: strings.ReplaceAll(name, " ", "_"), comment: comment, commentID: commentID})
		fmt.Fprintf(&code, "\n-- testdata/%s --\n%s", e.Name(), data)
	}
	if len(l.scripts) == 0 {
		return fmt.Errorf("lab %s has no testdata scripts", l.Name())
	}
	l.testCode = code.String()
	return nil
}

// gradebookLabs lists the labs as the gradebook shows them.
func (c *course) gradebookLabs() []gradebook.Lab {
	var out []gradebook.Lab
	for _, l := range c.labs {
		out = append(out, gradebook.Lab{Name: l.Name(), Number: l.Number, Title: l.Title.EN, Points: l.Points})
	}
	return out
}

// want reports whether the grader reads a submission's file at rel.
func (c *course) want(rel string) bool {
	_, p := c.protected[rel]
	return p || c.editable[rel]
}

// tampering compares a submission's files with the instructor's: the
// protected files it changed, and the files it added where the grader
// takes nothing from it. Neither affects the grade (they are ignored), but
// the instructor should know.
func (c *course) tampering(files map[string][]byte, oversized map[string]int64, names []string) (changed, added []string) {
	for rel, data := range files {
		if h, ok := c.protected[rel]; ok && h != sha256.Sum256(data) {
			changed = append(changed, rel)
		}
	}
	for rel := range oversized {
		if _, ok := c.protected[rel]; ok {
			changed = append(changed, rel) // too big to be the instructor's
		}
	}
	for _, rel := range names {
		if _, p := c.protected[rel]; !p && !c.editable[rel] && protectedTop(rel) && strings.Contains(rel, "/") {
			added = append(added, rel)
		}
	}
	sort.Strings(changed)
	sort.Strings(added)
	return changed, added
}

// prepare builds the lab's judge, once. The judge is the course's: its
// failure is the grader's error, never a student's.
func (l *courseLab) prepare(ctx context.Context, root string) error {
	l.prepareOnce.Do(func() { l.prepareErr = run.BuildJudge(ctx, root, l.Lab, l.judge) })
	return l.prepareErr
}

// warm builds lab l's shipped program once for the whole course, and
// throws it away: what stays is the build cache, the race-enabled standard
// library first of all. A failure is left to the student compiles to meet
// (they are retried once when a limit stops them).
func (c *course) warm(ctx context.Context, l *courseLab) {
	c.warmOnce.Do(func() {
		out := l.judge + ".warm"
		defer os.RemoveAll(out) // a folder of binaries for a testing lab
		_, _ = run.BuildProgram(ctx, c.root, l.Lab, out, run.CompileOptions{})
	})
}

// openingComment returns the # comment a script opens with, its lines
// joined into one sentence in English and one in Bahasa Indonesia (its
// "# id:" lines), as make lab reads it.
func openingComment(script []byte) (en, id string) {
	var lines []string
	for line := range bytes.Lines(script) {
		c, ok := bytes.CutPrefix(bytes.TrimSpace(line), []byte("#"))
		if !ok {
			break
		}
		lines = append(lines, strings.TrimSpace(string(c)))
	}
	return explain.SplitComment(lines)
}
