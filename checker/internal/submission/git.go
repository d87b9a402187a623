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
	"syscall"
	"time"

	"github.com/racelab/racelab/checker/internal/submission/archive"
)

// A git repository is read without trusting anything in it to stay inside
// the submission. Git follows commondir, objects/info/alternates, a .git
// file, symbolic links, config includes and its GIT_* environment, any of
// which can point it at a classmate's clone. So the few parts of the git
// folder that hold objects and refs are copied, through an os.Root and
// refusing every link, into a private temporary folder; the student's
// config is replaced by a minimal one; and git runs on that copy with an
// environment built from scratch. Whatever git then follows, it can only
// find what the submission holds.

// ErrForeignRepo is wrapped by the errors of git repositories the grader
// refuses because git would read part of them from outside the submission.
var ErrForeignRepo = errors.New("the git repository reaches outside the submission")

func foreign(file, why, fix string) error {
	return fmt.Errorf("%w: %s %s; %s", ErrForeignRepo, file, why, fix)
}

// gitTimeout bounds each git command on a submission.
const gitTimeout = time.Minute

var errNoHead = errors.New("no commit at HEAD")

// repoParts are the parts of a git folder that git needs to read objects
// and refs. Nothing else is copied: not the config (rewritten), hooks,
// info/, logs/, the index, worktrees/ or modules/.
var repoParts = []string{"HEAD", "packed-refs", "shallow", "objects", "refs", "reftable"}

// gitDirOf returns the git folder of a repository submission and the
// prefix that names its files in messages: ".git/" for a clone, "" for a
// bare repository.
func gitDirOf(repo string) (dir, shown string, err error) {
	fi, err := os.Lstat(filepath.Join(repo, ".git"))
	switch {
	case err == nil && fi.IsDir():
		return filepath.Join(repo, ".git"), ".git/", nil
	case err == nil:
		return "", "", foreign(".git", "is not a folder but a file or link naming another repository (a git worktree or submodule)",
			"submit the main clone, or a .zip of your files")
	case errors.Is(err, fs.ErrNotExist):
		return repo, "", nil
	}
	return "", "", err
}

// copier copies a git folder's parts into a private folder, within limits.
type copier struct {
	src     *os.Root
	dst     string
	shown   string
	lim     archive.Limits
	entries int
	bytes   int64
}

// label names the git folder in messages about limits.
func (c *copier) label() string {
	if c.shown == "" {
		return "the git repository"
	}
	return strings.TrimSuffix(c.shown, "/")
}

func (c *copier) count() error {
	c.entries++
	if c.entries > c.lim.Entries {
		return fmt.Errorf("%w: %s holds more than %d files: run \"git gc\" in your clone, or submit a .zip of your files", archive.ErrLimit, c.label(), c.lim.Entries)
	}
	return nil
}

// part copies one of repoParts, if present.
func (c *copier) part(rel string) error {
	fi, err := c.src.Lstat(rel)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("reading %s%s: %w", c.shown, rel, err)
	}
	if err := c.count(); err != nil {
		return err
	}
	return c.copy(rel, fi)
}

// copy copies rel, which fi describes (from Lstat), and anything under it.
func (c *copier) copy(rel string, fi fs.FileInfo) error {
	name := c.shown + rel
	switch rel {
	case "objects/info/alternates":
		return foreign(name, "borrows objects from another repository",
			`run "git repack -a -d" in your clone, then delete `+name+", and submit again")
	case "objects/info/http-alternates":
		return foreign(name, "borrows objects from another repository", "delete "+name+" and submit again")
	}
	switch {
	case fi.Mode()&fs.ModeSymlink != 0:
		return foreign(name, "is a symbolic link",
			"put the file or folder it links to in its place (or submit a .zip of your files)")
	case fi.IsDir():
		return c.dir(rel, fi)
	case fi.Mode().IsRegular():
		return c.file(rel, fi)
	}
	return foreign(name, "is neither a file nor a folder", "remove it and submit again")
}

func (c *copier) dir(rel string, fi fs.FileInfo) error {
	if err := os.Mkdir(filepath.Join(c.dst, filepath.FromSlash(rel)), 0o700); err != nil {
		return err
	}
	f, err := c.src.Open(filepath.FromSlash(rel))
	if err != nil {
		return fmt.Errorf("reading %s%s: %w", c.shown, rel, err)
	}
	names, err := c.list(f, fi, rel)
	f.Close()
	if err != nil {
		return err
	}
	for _, n := range names {
		child := path.Join(rel, n)
		cfi, err := c.src.Lstat(filepath.FromSlash(child))
		if err != nil {
			return fmt.Errorf("reading %s%s: %w", c.shown, child, err)
		}
		if err := c.copy(child, cfi); err != nil {
			return err
		}
	}
	return nil
}

// list lists the open folder rel, counting its entries against the limit
// as they come, so that a huge folder is not listed whole.
func (c *copier) list(f *os.File, fi fs.FileInfo, rel string) ([]string, error) {
	if err := sameFile(f, fi, c.shown+rel); err != nil {
		return nil, err
	}
	var names []string
	for {
		batch, err := f.ReadDir(256)
		for _, e := range batch {
			if err := c.count(); err != nil {
				return nil, err
			}
			names = append(names, e.Name())
		}
		if err == io.EOF {
			sort.Strings(names)
			return names, nil
		}
		if err != nil {
			return nil, fmt.Errorf("reading %s%s: %w", c.shown, rel, err)
		}
	}
}

func (c *copier) file(rel string, fi fs.FileInfo) error {
	return c.fileTo(rel, fi, filepath.Join(c.dst, filepath.FromSlash(rel)))
}

// fileTo copies the regular file rel to dst, within the byte limit.
func (c *copier) fileTo(rel string, fi fs.FileInfo, dst string) error {
	remaining := c.lim.Bytes - c.bytes
	over := fmt.Errorf("%w: %s is larger than %d bytes: run \"git gc\" in your clone, or submit a .zip of your files", archive.ErrLimit, c.label(), c.lim.Bytes)
	if fi.Size() > remaining {
		return over
	}
	// O_NONBLOCK: should the file become a FIFO after Lstat, opening it
	// must not wait for a writer.
	f, err := c.src.OpenFile(filepath.FromSlash(rel), os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return fmt.Errorf("reading %s%s: %w", c.shown, rel, err)
	}
	defer f.Close()
	if err := sameFile(f, fi, c.shown+rel); err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	n, err := io.Copy(out, io.LimitReader(f, remaining+1))
	c.bytes += n
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	switch {
	case err != nil:
		return fmt.Errorf("reading %s%s: %w", c.shown, rel, err)
	case n > remaining:
		return over
	}
	return nil
}

// sameFile checks that what was opened is what Lstat saw: os.Root follows
// a link that appeared in between, if it stays inside the root.
func sameFile(f *os.File, fi fs.FileInfo, name string) error {
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("reading %s: %w", name, err)
	}
	if !os.SameFile(fi, st) {
		return fmt.Errorf("%s changed while the grader read it: grade it again", name)
	}
	return nil
}

// gitRepo is the private copy of a submission's repository.
type gitRepo struct {
	tmp    string // the private folder, removed by close
	gitDir string // the copy, inside tmp
}

// copyRepo copies the repository whose git folder is gitDir into a private
// temporary folder, refusing anything that leads outside it. The caller
// must close the copy.
func copyRepo(ctx context.Context, gitDir, shown string, lim archive.Limits) (r *gitRepo, err error) {
	src, err := os.OpenRoot(gitDir)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	if _, err := src.Lstat("commondir"); err == nil || !errors.Is(err, fs.ErrNotExist) {
		return nil, foreign(shown+"commondir", "makes git read the objects and refs of another repository (this is a linked worktree)",
			"submit the main clone, or a .zip of your files")
	}
	tmp, err := os.MkdirTemp("", "racelab-git-")
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(tmp) // GIT_CEILING_DIRECTORIES takes absolute paths
	if err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	r = &gitRepo{tmp: abs, gitDir: filepath.Join(abs, "repo")}
	defer func() {
		if err != nil {
			r.close()
			r = nil
		}
	}()
	if err := os.Mkdir(r.gitDir, 0o700); err != nil {
		return r, err
	}
	c := &copier{src: src, dst: r.gitDir, shown: shown, lim: lim}
	for _, p := range repoParts {
		if err := c.part(p); err != nil {
			return r, err
		}
	}
	// git takes a folder for a repository only if it holds these.
	for _, p := range []string{"objects", "refs"} {
		if err := os.Mkdir(filepath.Join(r.gitDir, p), 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
			return r, err
		}
	}
	config, err := r.config(ctx, c)
	if err != nil {
		return r, err
	}
	return r, os.WriteFile(filepath.Join(r.gitDir, "config"), []byte(config), 0o600)
}

func (r *gitRepo) close() {
	os.RemoveAll(r.tmp)
}

// env is the whole environment of git: nothing is inherited, so no GIT_*
// variable of the grader's reaches it, and no system, global or user
// config is read.
func (r *gitRepo) env() []string {
	return []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + filepath.Join(r.tmp, "no-home"),
		"GIT_CONFIG_NOSYSTEM=1",
		"GIT_CONFIG_GLOBAL=" + os.DevNull,
		"GIT_NO_REPLACE_OBJECTS=1",
		"GIT_NO_LAZY_FETCH=1",
		"GIT_TERMINAL_PROMPT=0",
		"GIT_OPTIONAL_LOCKS=0",
		"GIT_CEILING_DIRECTORIES=" + filepath.Dir(r.tmp),
		"LC_ALL=C",
	}
}

// git runs a git command in the private folder: on the copy (--git-dir)
// if repo, on no repository otherwise.
func (r *gitRepo) git(ctx context.Context, repo bool, stdin io.Reader, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, gitTimeout)
	defer cancel()
	full := args
	if repo {
		full = append([]string{"--git-dir=" + r.gitDir}, args...)
	}
	cmd := exec.CommandContext(ctx, "git", full...)
	cmd.Dir = r.tmp
	cmd.Env = r.env()
	cmd.Stdin = stdin
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return out, fmt.Errorf("git %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// config returns a minimal config for the copy: the repository format and
// the extensions that say how to read objects and refs, taken from the
// student's config (without its includes). Nothing else of it is kept.
func (r *gitRepo) config(ctx context.Context, c *copier) (string, error) {
	version, ext := "", map[string]string{}
	fi, err := c.src.Lstat("config")
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return "", fmt.Errorf("reading %sconfig: %w", c.shown, err)
	case fi.Mode()&fs.ModeSymlink != 0:
		return "", foreign(c.shown+"config", "is a symbolic link", "put the file it links to in its place")
	case !fi.Mode().IsRegular():
		return "", foreign(c.shown+"config", "is not a file", "remove it and submit again")
	default:
		student := filepath.Join(r.tmp, "student.config")
		if err := c.fileTo("config", fi, student); err != nil {
			return "", err
		}
		out, err := r.git(ctx, false, nil, "config", "--file", student, "--no-includes", "--null",
			"--get-regexp", `^(core\.repositoryformatversion|extensions\..+)$`)
		var exit *exec.ExitError
		if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1 && len(out) == 0) { // 1: no such key
			return "", fmt.Errorf("reading %sconfig: %w", c.shown, err)
		}
		for _, rec := range strings.Split(string(out), "\x00") {
			key, value, _ := strings.Cut(rec, "\n")
			switch {
			case key == "core.repositoryformatversion":
				version = value
			case strings.HasPrefix(key, "extensions."):
				ext[strings.TrimPrefix(key, "extensions.")] = value
			}
		}
	}
	var b strings.Builder
	v := 0
	if version != "" {
		if v, err = strconv.Atoi(strings.TrimSpace(version)); err != nil || v < 0 || v > 1 {
			return "", fmt.Errorf("%sconfig sets core.repositoryformatversion = %q, a git repository format the grader does not read: submit a .zip of your files", c.shown, version)
		}
	}
	fmt.Fprintf(&b, "[core]\n\trepositoryformatversion = %d\n\tbare = true\n", v)
	names := make([]string, 0, len(ext))
	for n := range ext {
		names = append(names, n)
	}
	sort.Strings(names)
	var exts strings.Builder
	for _, n := range names {
		value := strings.ToLower(strings.TrimSpace(ext[n]))
		var ok bool
		switch n {
		case "objectformat", "compatobjectformat":
			ok = value == "sha1" || value == "sha256"
		case "refstorage":
			ok = value == "files" || value == "reftable"
		case "noop", "noop-v1", "preciousobjects", "partialclone", "worktreeconfig":
			continue // nothing to do with reading objects and refs
		default:
			return "", fmt.Errorf("%sconfig sets extensions.%s, a git extension the grader does not read: submit a .zip of your files", c.shown, n)
		}
		if !ok {
			return "", fmt.Errorf("%sconfig sets extensions.%s = %q, which the grader does not read: submit a .zip of your files", c.shown, n, ext[n])
		}
		fmt.Fprintf(&exts, "\t%s = %s\n", n, value)
	}
	if exts.Len() > 0 {
		b.WriteString("[extensions]\n" + exts.String())
	}
	return b.String(), nil
}

type gitEntry struct {
	mode, oid string
	size      int64
}

// loadGit reads the tree at HEAD with ls-tree and the wanted blobs with
// cat-file, on a private copy of the repository, so that neither the
// student's working files, hooks, filters and config nor anything outside
// the submission plays a part.
func loadGit(ctx context.Context, repo string, o Options) (*Snapshot, error) {
	gitDir, shown, err := gitDirOf(repo)
	if err != nil {
		return nil, err
	}
	r, err := copyRepo(ctx, gitDir, shown, o.Limits)
	if err != nil {
		return nil, err
	}
	defer r.close()
	if _, err := r.git(ctx, true, nil, "rev-parse", "--verify", "--quiet", "HEAD"); err != nil {
		return nil, errNoHead
	}
	head, err := r.git(ctx, true, nil, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
	if err != nil {
		return nil, fmt.Errorf("%sHEAD names no commit that the repository holds: commit your work, or submit a .zip of your files", shown)
	}
	sha := strings.TrimSpace(string(head))
	list, err := r.git(ctx, true, nil, "ls-tree", "-r", "-l", "-z", "--full-tree", sha)
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
			if size := entries[n].size; size > o.Limits.FileBytes {
				tree.Oversized[n] = size
				continue
			}
			want = append(want, n)
		}
	}
	if err := r.catFiles(ctx, want, entries, tree, o.Limits.FileBytes); err != nil {
		return nil, err
	}
	snap, err := rooted(tree, "git HEAD "+sha[:min(len(sha), 12)], o)
	if err != nil {
		return nil, err
	}
	snap.Notes = append(snap.Notes, uncommitted(repo, root, snap, o)...)
	return snap, nil
}

func (r *gitRepo) catFiles(ctx context.Context, names []string, entries map[string]gitEntry, tree *archive.Tree, limit int64) error {
	if len(names) == 0 {
		return nil
	}
	var in bytes.Buffer
	for _, n := range names {
		in.WriteString(entries[n].oid + "\n")
	}
	out, err := r.git(ctx, true, &in, "cat-file", "--batch")
	if err != nil {
		return err
	}
	br := bufio.NewReader(bytes.NewReader(out))
	for _, n := range names {
		header, err := br.ReadString('\n')
		if err != nil {
			return fmt.Errorf("git cat-file: %w", err)
		}
		f := strings.Fields(header)
		if len(f) == 2 && f[1] == "missing" {
			return fmt.Errorf("the git repository lacks the content of %s (a partial clone?): clone it again without --filter, or submit a .zip of your files", n)
		}
		if len(f) != 3 || f[1] != "blob" {
			return fmt.Errorf("git cat-file: unexpected %q for %s", strings.TrimSpace(header), n)
		}
		size, err := strconv.ParseInt(f[2], 10, 64)
		if err != nil || size < 0 || size > limit {
			return fmt.Errorf("git cat-file: unexpected %q for %s", strings.TrimSpace(header), n)
		}
		data := make([]byte, size+1) // the content and its trailing newline
		if _, err := io.ReadFull(br, data); err != nil {
			return fmt.Errorf("git cat-file: %s: %w", n, err)
		}
		tree.Files[n] = data[:size]
	}
	return nil
}
