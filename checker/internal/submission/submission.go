// Package submission finds students' submissions on the command line and
// reads them. A submission is a copy of the racelab repository as a folder,
// a .zip or .tar.gz, or a git repository (read at HEAD); a folder that is
// none of these holds submissions. Reading never follows a link, never
// writes into the submission, and keeps only the files the grader asks
// for, so a hostile submission can neither read nor plant files elsewhere.
// A git repository is read from a private copy of its objects and refs
// (see git.go), so that git cannot be pointed at another repository.
package submission

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/racelab/racelab/checker/internal/submission/archive"
)

// Kind is how a submission is stored.
type Kind string

// The kinds of submission.
const (
	Dir     Kind = "folder"
	Git     Kind = "git"
	Zip     Kind = "zip"
	TarGz   Kind = "tar.gz"
	Tar     Kind = "tar"
	Missing Kind = "missing"
)

// Submission is one student's work, found but not yet read.
type Submission struct {
	Name string // unique among the submissions, safe as a file name
	Path string
	Kind Kind
	Err  error // the path cannot be graded: the submission is an error row
}

// Expand turns command-line paths into submissions, sorted by name. A path
// that is not a submission gives a submission with Err set, so that it is
// reported rather than silently dropped.
func Expand(paths []string) []Submission {
	var out []Submission
	for _, p := range paths {
		fi, err := os.Stat(p)
		switch {
		case err != nil:
			out = append(out, Submission{Name: Name(p), Path: p, Kind: Missing, Err: fmt.Errorf("cannot read %s: %w", p, err)})
		case !fi.IsDir():
			s := fromFile(p)
			if s.Kind == "" {
				s.Kind, s.Err = Missing, fmt.Errorf("%s is not a submission: give a folder, a .zip, a .tar.gz or a git repository", p)
			}
			out = append(out, s)
		case isRepo(p):
			out = append(out, Submission{Name: Name(p), Path: p, Kind: dirKind(p)})
		default:
			out = append(out, folder(p)...)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	// Two submissions with one name would share an output folder: the
	// later ones get a suffix and an error, so the instructor renames one.
	seen := map[string]string{}
	for i := range out {
		s := &out[i]
		if first, dup := seen[s.Name]; dup {
			n := 2
			for seen[fmt.Sprintf("%s~%d", s.Name, n)] != "" {
				n++
			}
			orig := s.Name
			s.Name = fmt.Sprintf("%s~%d", orig, n)
			if s.Err == nil {
				s.Err = fmt.Errorf("another submission is also named %s (%s): rename one of them", orig, first)
			}
		}
		seen[s.Name] = s.Path
	}
	return out
}

// folder lists the submissions inside a class folder: its sub-folders and
// archives. Hidden entries and other files are not submissions.
func folder(dir string) []Submission {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return []Submission{{Name: Name(dir), Path: dir, Kind: Missing, Err: fmt.Errorf("cannot list %s: %w", dir, err)}}
	}
	var out []Submission
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		switch {
		case e.IsDir():
			out = append(out, Submission{Name: Name(p), Path: p, Kind: dirKind(p)})
		case e.Type().IsRegular():
			if s := fromFile(p); s.Kind != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

func fromFile(p string) Submission {
	switch archive.Kind(p) {
	case "zip":
		return Submission{Name: Name(p), Path: p, Kind: Zip}
	case "tar.gz":
		return Submission{Name: Name(p), Path: p, Kind: TarGz}
	case "tar":
		return Submission{Name: Name(p), Path: p, Kind: Tar}
	}
	return Submission{Name: Name(p), Path: p}
}

// isRepo reports whether dir is itself a submission rather than a folder of
// them: a copy of the repository (go.mod or labs/), a clone, or a bare
// repository.
func isRepo(dir string) bool {
	for _, marker := range []string{"go.mod", "labs", ".git"} {
		if _, err := os.Stat(filepath.Join(dir, marker)); err == nil {
			return true
		}
	}
	return isBare(dir)
}

func isBare(dir string) bool {
	for _, marker := range []string{"HEAD", "objects", "refs"} {
		if _, err := os.Stat(filepath.Join(dir, marker)); err != nil {
			return false
		}
	}
	return true
}

// dirKind is Git for a clone (with a .git folder) or a bare repository. A
// .git file (a worktree, a submodule) points elsewhere, possibly at another
// student's repository, so such a folder is read as plain files.
func dirKind(dir string) Kind {
	if fi, err := os.Lstat(filepath.Join(dir, ".git")); err == nil && fi.IsDir() {
		return Git
	}
	if isBare(dir) {
		return Git
	}
	return Dir
}

// reserved are the names of the grader's own output files, which a
// submission's output folder must not take.
var reserved = map[string]bool{
	"gradebook.csv": true, "gradebook.json": true, "junit.xml": true, "summary.md": true, "report.html": true,
}

// Name is a submission's name: its file or folder name without the archive
// or .git extension, made safe as a file name.
func Name(p string) string {
	abs, err := filepath.Abs(p)
	if err == nil {
		p = abs
	}
	base := filepath.Base(p)
	lower := strings.ToLower(base)
	for _, ext := range []string{".tar.gz", ".tgz", ".zip", ".tar", ".git"} {
		if strings.HasSuffix(lower, ext) && len(base) > len(ext) {
			base = base[:len(base)-len(ext)]
			break
		}
	}
	var b strings.Builder
	for _, r := range base {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', strings.ContainsRune("._-@+", r):
			b.WriteRune(r)
		default:
			b.WriteRune('_')
		}
	}
	name := strings.TrimLeft(b.String(), ".")
	if name == "" {
		name = "submission"
	}
	if reserved[name] {
		name += "_"
	}
	return name
}
