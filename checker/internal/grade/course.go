package grade

import (
	"bytes"
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
	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/labvet"
)

// course is the instructor's side of grading, read once: the labs, their
// shipped editable files and scripts, and the hash of every protected file,
// which a submission may not change.
type course struct {
	root      string
	labs      []*courseLab
	protected map[string][32]byte // slash path -> sha256, every file taken from the instructor
	editable  map[string]bool     // slash paths of every lab's editable files
}

type courseLab struct {
	*lab.Lab
	shipped  map[string][]byte // editable file name -> the instructor's content
	scripts  []script
	runDir   string // a world-readable copy of the lab's folder, bound into the sandbox
	testCode string // shown as exercism's test_code

	// The static checks, prepared once for the class: the first build of
	// the lab loads its dependencies, later ones only type-check.
	loaderOnce sync.Once
	loader     *labvet.Loader // nil when it could not be prepared
}

// static runs the static checks on a build's files: with the lab's prepared
// loader when it can, else, as the harness does, by loading the package
// from a copy of the lab holding the files, which makeCopy makes (returning
// its lab folder and how to remove it).
func (l *courseLab) static(files map[string][]byte, makeCopy func() (string, func(), error)) ([]labvet.Finding, error) {
	l.loaderOnce.Do(func() {
		l.loader, _ = labvet.NewLoader(l.Dir) // on failure, every build takes the slow way
	})
	if l.loader != nil {
		findings, err := l.loader.Check(files, l.Fix, l.Editable)
		if !errors.Is(err, labvet.ErrUnprepared) {
			return findings, err
		}
	}
	dir, remove, err := makeCopy()
	if err != nil {
		return nil, err
	}
	defer remove()
	return labvet.Check(dir, l.Fix, l.Editable)
}

type script struct {
	name      string // the test name: TestLab/scripts/NAME
	comment   string // the script's opening comment: what it checks, in a student's words
	commentID string // the same in Bahasa Indonesia, when the script gives it
}

func (l *courseLab) rel(file string) string { return "labs/" + l.Name() + "/" + file }

// protectedTop are the parts of the tree a submission's copy is compared
// against: what builds and runs a lab (tests, scripts, harness, lab.toml,
// go.mod). Documentation and solutions are not graded, so are not listed.
func protectedTop(rel string) bool {
	top, _, _ := strings.Cut(rel, "/")
	return top == "labs" || top == "checker" || rel == "go.mod" || rel == "go.sum"
}

// loadCourse reads the instructor's tree at root for the given labs and
// copies each lab's folder under work for the sandbox to bind.
func loadCourse(root string, labs []*lab.Lab, work string) (*course, error) {
	c := &course{root: root, protected: map[string][32]byte{}, editable: map[string]bool{}}
	for _, l := range labs {
		cl := &courseLab{Lab: l, shipped: map[string][]byte{}}
		for _, f := range l.Editable {
			data, err := os.ReadFile(filepath.Join(l.Dir, f))
			if err != nil {
				return nil, fmt.Errorf("lab %s: reading its editable file: %w", l.Name(), err)
			}
			cl.shipped[f] = data
			c.editable[cl.rel(f)] = true
		}
		if err := cl.loadScripts(); err != nil {
			return nil, err
		}
		cl.runDir = filepath.Join(work, "labs", l.Name())
		if err := copyWorldReadable(l.Dir, cl.runDir); err != nil {
			return nil, fmt.Errorf("lab %s: %w", l.Name(), err)
		}
		c.labs = append(c.labs, cl)
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
	fmt.Fprintf(&code, "# make lab N=%d   (go test -race ./labs/%s), the scripts:\n", l.Number, l.Name())
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

// expected are the tests a passing run must report as passed. The static
// step is left out: the sandbox skips it and the grader runs it itself.
func (l *courseLab) expected() []string {
	out := []string{"TestLab", "TestLab/scripts"}
	for _, s := range l.scripts {
		out = append(out, "TestLab/scripts/"+s.name)
	}
	return out
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
func (c *course) tampering(files map[string][]byte, names []string) (changed, added []string) {
	for rel, data := range files {
		if h, ok := c.protected[rel]; ok && h != sha256.Sum256(data) {
			changed = append(changed, rel)
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

// copyWorldReadable copies a folder's regular files so that the sandbox's
// unprivileged user can read them wherever the instructor's tree lives.
func copyWorldReadable(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			if err := os.MkdirAll(target, 0o755); err != nil {
				return err
			}
			return os.Chmod(target, 0o755)
		case d.Type().IsRegular():
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(target, data, 0o644)
		}
		return nil
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
