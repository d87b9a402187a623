package submission

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

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
	Files  map[string][]byte // the wanted files present
	Names  []string          // every regular file, sorted
	Links  map[string]string // links (never followed) -> their targets
	Notes  []string          // things the student should know about how it was read
}

// gitTimeout bounds each git command on a submission.
const gitTimeout = time.Minute

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
	snap := &Snapshot{Source: source, Files: map[string][]byte{}, Links: map[string]string{}}
	for _, n := range tree.Names {
		if rel, ok := strings.CutPrefix(n, root); ok {
			snap.Names = append(snap.Names, rel)
			if data, ok := tree.Files[n]; ok && o.Want(rel) {
				snap.Files[rel] = data
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
		data, err := readLimited(fsys, n, o.Limits.FileBytes)
		if err != nil {
			return nil, err
		}
		tree.Files[n] = data
	}
	return rooted(tree, string(Dir), o, dirs...)
}

func readLimited(fsys *os.Root, name string, limit int64) ([]byte, error) {
	f, err := fsys.Open(filepath.FromSlash(name))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w: %s is larger than %d bytes", archive.ErrLimit, name, limit)
	}
	return data, nil
}

func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

var errNoHead = errors.New("no commit at HEAD")

// git runs a plumbing command on the repository. The repository's own
// config is the student's: only plumbing commands that run no hooks,
// filters or fsmonitor are used, and the system and global config are
// left out.
func git(ctx context.Context, repo string, stdin io.Reader, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, gitTimeout)
	defer cancel()
	gitDir := filepath.Join(repo, ".git")
	if fi, err := os.Stat(gitDir); err != nil || !fi.IsDir() {
		gitDir = repo // bare
	}
	full := append([]string{"--git-dir=" + gitDir, "-c", "safe.directory=*", "-c", "core.fsmonitor=false"}, args...)
	cmd := exec.CommandContext(ctx, "git", full...)
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_TERMINAL_PROMPT=0", "GIT_NO_REPLACE_OBJECTS=1")
	cmd.Stdin = stdin
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return out, fmt.Errorf("git %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

type gitEntry struct {
	mode, oid string
	size      int64
}

// loadGit reads the tree at HEAD with ls-tree and the wanted blobs with
// cat-file, so the student's working files, hooks and filters play no part.
func loadGit(ctx context.Context, repo string, o Options) (*Snapshot, error) {
	head, err := git(ctx, repo, nil, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
	if err != nil {
		return nil, errNoHead
	}
	sha := strings.TrimSpace(string(head))
	list, err := git(ctx, repo, nil, "ls-tree", "-r", "-l", "-z", "--full-tree", sha)
	if err != nil {
		return nil, err
	}
	entries := map[string]gitEntry{}
	tree := archive.NewTree()
	for _, rec := range strings.Split(strings.TrimSuffix(string(list), "\x00"), "\x00") {
		meta, name, ok := strings.Cut(rec, "\t")
		f := strings.Fields(meta)
		if !ok || len(f) != 4 {
			continue
		}
		if len(entries) >= o.Limits.Entries {
			return nil, fmt.Errorf("%w: more than %d files at HEAD", archive.ErrLimit, o.Limits.Entries)
		}
		size, _ := strconv.ParseInt(f[3], 10, 64)
		entries[name] = gitEntry{mode: f[0], oid: f[2], size: size}
		switch f[0] {
		case "120000":
			tree.Links[name] = "(a symbolic link committed to git)"
		case "100644", "100755":
			tree.Names = append(tree.Names, name)
		}
	}
	root, err := findRoot(append(append([]string{}, tree.Names...), keys(tree.Links)...))
	if err != nil {
		return nil, err
	}
	var want []string
	for _, n := range tree.Names {
		if rel, ok := strings.CutPrefix(n, root); ok && o.Want(rel) {
			if entries[n].size > o.Limits.FileBytes {
				return nil, fmt.Errorf("%w: %s is larger than %d bytes", archive.ErrLimit, n, o.Limits.FileBytes)
			}
			want = append(want, n)
		}
	}
	if err := catFiles(ctx, repo, want, entries, tree); err != nil {
		return nil, err
	}
	snap, err := rooted(tree, "git HEAD "+sha[:min(len(sha), 12)], o)
	if err != nil {
		return nil, err
	}
	snap.Notes = append(snap.Notes, uncommitted(repo, root, snap, o)...)
	return snap, nil
}

func catFiles(ctx context.Context, repo string, names []string, entries map[string]gitEntry, tree *archive.Tree) error {
	if len(names) == 0 {
		return nil
	}
	var in bytes.Buffer
	for _, n := range names {
		in.WriteString(entries[n].oid + "\n")
	}
	out, err := git(ctx, repo, &in, "cat-file", "--batch")
	if err != nil {
		return err
	}
	r := bufio.NewReader(bytes.NewReader(out))
	for _, n := range names {
		header, err := r.ReadString('\n')
		if err != nil {
			return fmt.Errorf("git cat-file: %w", err)
		}
		f := strings.Fields(header)
		if len(f) != 3 || f[1] != "blob" {
			return fmt.Errorf("git cat-file: unexpected %q for %s", strings.TrimSpace(header), n)
		}
		size, _ := strconv.Atoi(f[2])
		data := make([]byte, size+1) // the content and its trailing newline
		if _, err := io.ReadFull(r, data); err != nil {
			return fmt.Errorf("git cat-file: %s: %w", n, err)
		}
		tree.Files[n] = data[:size]
	}
	return nil
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
		disk, err := readLimited(fsys, root+rel, o.Limits.FileBytes)
		if err == nil && !bytes.Equal(disk, snap.Files[rel]) {
			notes = append(notes, fmt.Sprintf("%s has changes that are not committed: they were not graded (commit them)", rel))
		}
	}
	return notes
}
