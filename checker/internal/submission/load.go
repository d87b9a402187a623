package submission

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/racelab/racelab/checker/internal/submission/archive"
)

// Options say what to read from a submission.
type Options struct {
	// Want reports whether the grader needs the content of the file at
	// rel, a slash path from the repository root (e.g. "go.mod",
	// "labs/01-waitgroup/squares.go").
	Want func(rel string) bool
	// Editable reports whether rel is a file students edit; Load notes
	// uncommitted changes to those in a git repository.
	Editable func(rel string) bool
	Limits   archive.Limits
	// Worktree reads a git repository's working files instead of HEAD.
	Worktree bool
}

// Snapshot is what was read from a submission, with paths relative to the
// repository root found inside it.
type Snapshot struct {
	Source string            // how it was read, e.g. "zip" or "git HEAD 1a2b3c4d"
	Files  map[string][]byte // the wanted files present, within Limits.FileBytes
	Names  []string          // every regular file, sorted
	Links  map[string]string // links (never followed) -> their targets
	Notes  []string          // things the student should know about how it was read
	// Oversized lists the wanted files over Limits.FileBytes, with their
	// size in bytes. They are in Names but not in Files: the submission
	// is read all the same, and what needs such a file cannot be graded.
	Oversized map[string]int64
}

// Load reads submission s.
func Load(ctx context.Context, s Submission, o Options) (*Snapshot, error) {
	if s.Err != nil {
		return nil, s.Err
	}
	if o.Want == nil {
		o.Want = func(string) bool { return false }
	}
	if o.Editable == nil {
		o.Editable = func(string) bool { return false }
	}
	if o.Limits == (archive.Limits{}) {
		o.Limits = archive.DefaultLimits()
	}
	switch s.Kind {
	case Zip, TarGz, Tar:
		// The root inside an archive is known only once every name is
		// seen, so keep every file that would be wanted under some root.
		tree, err := archive.Read(s.Path, o.Limits, func(name string) bool { return wantedUnderSomeRoot(name, o.Want) })
		if err != nil {
			return nil, err
		}
		return rooted(tree, string(s.Kind), o)
	case Git:
		if !o.Worktree {
			snap, err := loadGit(ctx, s.Path, o)
			if !errors.Is(err, errNoHead) {
				return snap, err
			}
			snap, err = loadDir(s.Path, o)
			if err == nil {
				snap.Notes = append(snap.Notes, "the git repository has no commit yet: graded the files in its folder")
			}
			return snap, err
		}
		return loadDir(s.Path, o)
	case Dir:
		return loadDir(s.Path, o)
	}
	return nil, fmt.Errorf("%s: unknown kind of submission %q", s.Path, s.Kind)
}

func wantedUnderSomeRoot(name string, want func(string) bool) bool {
	for rel := name; ; {
		if want(rel) {
			return true
		}
		i := strings.IndexByte(rel, '/')
		if i < 0 {
			return false
		}
		rel = rel[i+1:]
	}
}

// findRoot returns the folder of the repository inside a list of files: the
// shallowest one holding go.mod or labs/. Students zip their clone with or
// without its top folder, so both must work; two candidates at the same
// depth are ambiguous.
func findRoot(names []string) (string, error) {
	best := map[string]bool{}
	depth := -1
	consider := func(prefix string) {
		d := strings.Count(prefix, "/")
		switch {
		case depth < 0 || d < depth:
			depth, best = d, map[string]bool{prefix: true}
		case d == depth:
			best[prefix] = true
		}
	}
	for _, n := range names {
		if path.Base(n) == "go.mod" {
			consider(strings.TrimSuffix(n, "go.mod"))
		}
		if i := strings.Index("/"+n, "/labs/"); i >= 0 {
			consider(n[:i])
		}
	}
	switch len(best) {
	case 0:
		return "", errors.New("no labs/ folder or go.mod found: is this a copy of the racelab repository?")
	case 1:
		for p := range best {
			return p, nil
		}
	}
	var roots []string
	for p := range best {
		roots = append(roots, strings.TrimSuffix(p, "/"))
	}
	sort.Strings(roots)
	return "", fmt.Errorf("it holds more than one copy of the repository (%s): submit one", strings.Join(roots, ", "))
}

// rooted re-bases a tree on the repository root found in it; dirs are
// folders that count for finding it (a folder may hold an empty labs/).
func rooted(tree *archive.Tree, source string, o Options, dirs ...string) (*Snapshot, error) {
	names := append(append([]string{}, tree.Names...), dirs...)
	for l := range tree.Links {
		names = append(names, l)
	}
	root, err := findRoot(names)
	if err != nil {
		return nil, err
	}
	snap := &Snapshot{Source: source, Files: map[string][]byte{}, Links: map[string]string{}, Oversized: map[string]int64{}}
	for _, n := range tree.Names {
		if rel, ok := strings.CutPrefix(n, root); ok {
			snap.Names = append(snap.Names, rel)
			if !o.Want(rel) {
				continue
			}
			if data, ok := tree.Files[n]; ok {
				snap.Files[rel] = data
			} else if size, ok := tree.Oversized[n]; ok {
				snap.Oversized[rel] = size
			}
		}
	}
	for n, target := range tree.Links {
		if rel, ok := strings.CutPrefix(n, root); ok {
			snap.Links[rel] = target
		}
	}
	sort.Strings(snap.Names)
	return snap, nil
}

// loadDir reads a folder: its listing first (never following links, never
// entering .git), then the wanted files through an os.Root, which refuses
// any path that leaves the folder.
func loadDir(dir string, o Options) (*Snapshot, error) {
	tree := archive.NewTree()
	var dirs []string // a submission may hold an empty labs/ (nothing edited)
	entries := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil || rel == "." {
			return err
		}
		rel = filepath.ToSlash(rel)
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		entries++
		if entries > o.Limits.Entries {
			return fmt.Errorf("%w: more than %d files", archive.ErrLimit, o.Limits.Entries)
		}
		switch {
		case d.IsDir():
			dirs = append(dirs, rel+"/")
		case d.Type()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			tree.Links[rel] = target
		case d.Type().IsRegular():
			tree.Names = append(tree.Names, rel)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", dir, err)
	}
	root, err := findRoot(append(append(append([]string{}, tree.Names...), keys(tree.Links)...), dirs...))
	if err != nil {
		return nil, err
	}
	fsys, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer fsys.Close()
	for _, n := range tree.Names {
		rel, ok := strings.CutPrefix(n, root)
		if !ok || !o.Want(rel) {
			continue
		}
		data, size, err := readLimited(fsys, n, o.Limits.FileBytes)
		switch {
		case err != nil:
			return nil, err
		case size > o.Limits.FileBytes:
			tree.Oversized[n] = size
		default:
			tree.Files[n] = data
		}
	}
	return rooted(tree, string(Dir), o, dirs...)
}

// readLimited reads the file name in fsys and returns its content and
// size; a file over limit is not read (its content is nil).
func readLimited(fsys *os.Root, name string, limit int64) ([]byte, int64, error) {
	f, err := fsys.Open(filepath.FromSlash(name))
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, 0, fmt.Errorf("reading %s: %w", name, err)
	}
	if size := int64(len(data)); size > limit {
		if fi, err := f.Stat(); err == nil && fi.Size() > size {
			size = fi.Size()
		}
		return nil, size, nil
	}
	return data, int64(len(data)), nil
}

func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// uncommitted notes editable files whose working copy differs from HEAD:
// the grader grades commits, and a student checking their own work should
// know that an edit they have not committed is not what gets graded.
func uncommitted(repo, root string, snap *Snapshot, o Options) []string {
	fsys, err := os.OpenRoot(repo)
	if err != nil {
		return nil
	}
	defer fsys.Close()
	var notes []string
	for _, rel := range snap.Names {
		if !o.Editable(rel) {
			continue
		}
		if fi, err := fsys.Lstat(filepath.FromSlash(root + rel)); err != nil || !fi.Mode().IsRegular() {
			continue
		}
		disk, size, err := readLimited(fsys, root+rel, o.Limits.FileBytes)
		if err != nil {
			continue
		}
		// A file over the limit is not read: one over it and one within
		// it differ, two over it are taken to be the same.
		_, headBig := snap.Oversized[rel]
		diskBig := size > o.Limits.FileBytes
		if headBig != diskBig || (!headBig && !bytes.Equal(disk, snap.Files[rel])) {
			notes = append(notes, fmt.Sprintf("%s has changes that are not committed: they were not graded (commit them)", rel))
		}
	}
	return notes
}
