package submission

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/racelab/racelab/checker/internal/submission/archive"
)

const (
	stolen = "package main // the classmate's answer"
	own    = "package main // the thief's own"
)

func requireGit(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
}

func gitOut(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("git %v: %v", args, err)
	}
	return strings.TrimSpace(string(out))
}

// repo makes a clone at dir on branch main whose HEAD holds content as
// labs/01-a/a.go, and returns its HEAD commit.
func repo(t *testing.T, dir, content string, initArgs ...string) string {
	t.Helper()
	write(t, dir, map[string]string{"go.mod": "module m\n", "labs/01-a/a.go": content})
	gitRun(t, dir, append([]string{"init", "-q", "-b", "main"}, initArgs...)...)
	gitRun(t, dir, "add", ".")
	gitRun(t, dir, "commit", "-qm", "answer")
	return gitOut(t, dir, "rev-parse", "HEAD")
}

// withMatesObjects makes the thief's own clone, holding its own commit at
// HEAD and, unreferenced, the classmate's objects (fetched once): only a
// ref leading outside the submission can make git read the classmate's
// commit.
func withMatesObjects(t *testing.T, thief, mate string) {
	t.Helper()
	repo(t, thief, own)
	gitRun(t, thief, "fetch", "-q", mate, "main:refs/tmp")
	gitRun(t, thief, "update-ref", "-d", "refs/tmp")
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.RemoveAll(link); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// TestLoadGitTakesNothingFromOutside builds submissions that point git at
// a classmate's clone and checks that the classmate's answer is never
// graded: Load refuses the submission, naming the culprit, or grades the
// submission's own files.
func TestLoadGitTakesNothingFromOutside(t *testing.T) {
	requireGit(t)
	tests := []struct {
		name string
		// build makes the thief's submission at thief, given the
		// classmate's clone and HEAD commit.
		build func(t *testing.T, thief, mate, sha string)
		kind  Kind   // forced on the submission; "" takes Expand's
		err   string // the error must name this; "" allows any error or the thief's own files
	}{
		{name: "commondir", err: ".git/commondir", build: func(t *testing.T, thief, mate, sha string) {
			write(t, thief, map[string]string{".git/HEAD": "ref: refs/heads/main\n", ".git/commondir": filepath.Join(mate, ".git") + "\n"})
		}},
		{name: "alternates", err: ".git/objects/info/alternates", build: func(t *testing.T, thief, mate, sha string) {
			gitRun(t, thief, "init", "-q", "-b", "main")
			write(t, thief, map[string]string{
				".git/objects/info/alternates": filepath.Join(mate, ".git", "objects") + "\n",
				".git/refs/heads/main":         sha + "\n",
			})
		}},
		{name: "http-alternates", err: ".git/objects/info/http-alternates", build: func(t *testing.T, thief, mate, sha string) {
			gitRun(t, thief, "init", "-q", "-b", "main")
			write(t, thief, map[string]string{
				".git/objects/info/http-alternates": "file://" + filepath.Join(mate, ".git", "objects") + "\n",
				".git/refs/heads/main":              sha + "\n",
			})
		}},
		{name: "symlinked objects folder", err: ".git/objects", build: func(t *testing.T, thief, mate, sha string) {
			gitRun(t, thief, "init", "-q", "-b", "main")
			write(t, thief, map[string]string{".git/refs/heads/main": sha + "\n"})
			symlink(t, filepath.Join(mate, ".git", "objects"), filepath.Join(thief, ".git", "objects"))
		}},
		{name: "symlinked pack", err: ".git/objects/pack/mate-", build: func(t *testing.T, thief, mate, sha string) {
			repo(t, thief, own)
			gitRun(t, mate, "repack", "-q", "-a", "-d")
			write(t, thief, map[string]string{".git/refs/heads/main": sha + "\n"})
			packs, _ := filepath.Glob(filepath.Join(mate, ".git", "objects", "pack", "*"))
			for _, p := range packs {
				symlink(t, p, filepath.Join(thief, ".git", "objects", "pack", "mate-"+filepath.Base(p)))
			}
		}},
		{name: "symlinked refs folder", err: ".git/refs", build: func(t *testing.T, thief, mate, sha string) {
			withMatesObjects(t, thief, mate)
			symlink(t, filepath.Join(mate, ".git", "refs"), filepath.Join(thief, ".git", "refs"))
		}},
		{name: "symlinked branch", err: ".git/refs/heads/main", build: func(t *testing.T, thief, mate, sha string) {
			withMatesObjects(t, thief, mate)
			symlink(t, filepath.Join(mate, ".git", "refs", "heads", "main"), filepath.Join(thief, ".git", "refs", "heads", "main"))
		}},
		{name: "symlinked HEAD", err: ".git/HEAD", build: func(t *testing.T, thief, mate, sha string) {
			withMatesObjects(t, thief, mate)
			symlink(t, filepath.Join(mate, ".git", "refs", "heads", "main"), filepath.Join(thief, ".git", "HEAD"))
		}},
		{name: "symlinked packed-refs", err: ".git/packed-refs", build: func(t *testing.T, thief, mate, sha string) {
			withMatesObjects(t, thief, mate)
			gitRun(t, mate, "pack-refs", "--all")
			if err := os.Remove(filepath.Join(thief, ".git", "refs", "heads", "main")); err != nil {
				t.Fatal(err)
			}
			symlink(t, filepath.Join(mate, ".git", "packed-refs"), filepath.Join(thief, ".git", "packed-refs"))
		}},
		{name: "symlinked .git", build: func(t *testing.T, thief, mate, sha string) {
			write(t, thief, map[string]string{"go.mod": "module m\n", "labs/01-a/a.go": own})
			symlink(t, filepath.Join(mate, ".git"), filepath.Join(thief, ".git"))
		}},
		{name: "symlinked .git read as git", kind: Git, err: ".git", build: func(t *testing.T, thief, mate, sha string) {
			write(t, thief, map[string]string{"go.mod": "module m\n", "labs/01-a/a.go": own})
			symlink(t, filepath.Join(mate, ".git"), filepath.Join(thief, ".git"))
		}},
		{name: ".git file with gitdir", build: func(t *testing.T, thief, mate, sha string) {
			write(t, thief, map[string]string{"go.mod": "module m\n", "labs/01-a/a.go": own, ".git": "gitdir: " + filepath.Join(mate, ".git") + "\n"})
		}},
		{name: ".git file with gitdir read as git", kind: Git, err: ".git", build: func(t *testing.T, thief, mate, sha string) {
			write(t, thief, map[string]string{"go.mod": "module m\n", "labs/01-a/a.go": own, ".git": "gitdir: " + filepath.Join(mate, ".git") + "\n"})
		}},
		{name: "bare repository of links", err: "objects is a symbolic link", build: func(t *testing.T, thief, mate, sha string) {
			write(t, thief, map[string]string{"HEAD": "ref: refs/heads/main\n"})
			for _, n := range []string{"objects", "refs"} {
				symlink(t, filepath.Join(mate, ".git", n), filepath.Join(thief, n))
			}
		}},
		{name: "include.path to a classmate's config", build: func(t *testing.T, thief, mate, sha string) {
			repo(t, thief, own)
			// The classmate's config names their clone as a promisor
			// remote; the thief's HEAD names the classmate's commit, which
			// git would fetch from there on demand.
			write(t, mate, map[string]string{"shared.gitconfig": "[remote \"origin\"]\n\turl = " + filepath.Join(mate, ".git") + "\n\tpromisor = true\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n"})
			cfg := "[core]\n\trepositoryformatversion = 1\n\tbare = false\n[extensions]\n\tpartialclone = origin\n[include]\n\tpath = " + filepath.Join(mate, "shared.gitconfig") + "\n"
			write(t, thief, map[string]string{".git/config": cfg, ".git/refs/heads/main": sha + "\n"})
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tmp := t.TempDir()
			mate, thief := filepath.Join(tmp, "mate"), filepath.Join(tmp, "thief")
			sha := repo(t, mate, stolen)
			if err := os.MkdirAll(thief, 0o755); err != nil {
				t.Fatal(err)
			}
			tc.build(t, thief, mate, sha)
			s := Submission{Name: "thief", Path: thief, Kind: tc.kind}
			if tc.kind == "" {
				subs := Expand([]string{thief})
				if len(subs) != 1 {
					t.Fatalf("Expand: %+v", subs)
				}
				s = subs[0]
			}
			checkNotStolen(t, s, tc.err)
		})
	}
}

// TestLoadGitIgnoresGitEnvironment sets, in the grader's own environment,
// variables that point git at a classmate's objects or refs.
func TestLoadGitIgnoresGitEnvironment(t *testing.T) {
	requireGit(t)
	for _, v := range []string{"GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR"} {
		t.Run(v, func(t *testing.T) {
			tmp := t.TempDir()
			mate, thief := filepath.Join(tmp, "mate"), filepath.Join(tmp, "thief")
			sha := repo(t, mate, stolen)
			repo(t, thief, own)
			value := filepath.Join(mate, ".git", "objects")
			if v == "GIT_COMMON_DIR" {
				value = filepath.Join(mate, ".git")
			} else {
				write(t, thief, map[string]string{".git/refs/heads/main": sha + "\n"})
			}
			t.Setenv(v, value)
			checkNotStolen(t, Submission{Name: "thief", Path: thief, Kind: Git}, "")
		})
	}
}

func checkNotStolen(t *testing.T, s Submission, wantErr string) {
	t.Helper()
	snap, err := Load(context.Background(), s, opts())
	if err != nil {
		if !strings.Contains(err.Error(), wantErr) {
			t.Fatalf("err = %v, want it to name %s", err, wantErr)
		}
		t.Logf("refused: %v", err)
		return
	}
	got := string(snap.Files["labs/01-a/a.go"])
	if got == stolen {
		t.Fatalf("graded the classmate's answer (source %s)", snap.Source)
	}
	if wantErr != "" {
		t.Fatalf("loaded (source %s, a.go %q), want an error naming %s", snap.Source, got, wantErr)
	}
	if got != own {
		t.Errorf("a.go = %q, want the thief's own %q", got, own)
	}
}

func TestLoadGitRefusalSaysWhatToDo(t *testing.T) {
	requireGit(t)
	dir := filepath.Join(t.TempDir(), "s")
	repo(t, dir, own)
	write(t, dir, map[string]string{".git/objects/info/alternates": "/nowhere\n"})
	_, err := Load(context.Background(), Submission{Path: dir, Kind: Git}, opts())
	if !errors.Is(err, ErrForeignRepo) || !strings.Contains(err.Error(), "repack") {
		t.Errorf("err = %v, want ErrForeignRepo saying how to fix it", err)
	}
}

// TestLoadGitHonest checks that honest repositories load as before, and
// that the private copy is removed.
func TestLoadGitHonest(t *testing.T) {
	requireGit(t)
	tests := []struct {
		name   string
		build  func(t *testing.T, dir string) string // makes the submission, returns its path
		source string                                // the Source's prefix
		a      string                                // labs/01-a/a.go
		check  func(t *testing.T, snap *Snapshot)
	}{
		{name: "clone packed by gc, with linked hooks and a busy config", build: func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "s")
			repo(t, p, own)
			gitRun(t, p, "gc", "-q")
			write(t, p, map[string]string{"scripts/hook": "#!/bin/sh\n"})
			symlink(t, "../../scripts/hook", filepath.Join(p, ".git", "hooks", "pre-commit"))
			gitRun(t, p, "config", "remote.origin.url", "https://example.com/s/racelab.git")
			gitRun(t, p, "config", "include.path", "/nonexistent/extra.gitconfig")
			gitRun(t, p, "config", "core.fsmonitor", "true")
			return p
		}, source: "git HEAD ", a: own},
		{name: "sha256", build: func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "s")
			repo(t, p, own, "--object-format=sha256")
			return p
		}, source: "git HEAD ", a: own},
		{name: "bare", build: func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "s")
			repo(t, p, own)
			gitRun(t, dir, "clone", "-q", "--bare", p, filepath.Join(dir, "b.git"))
			return filepath.Join(dir, "b.git")
		}, source: "git HEAD ", a: own},
		{name: "shallow clone", build: func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "s")
			repo(t, p, "package main // first")
			write(t, p, map[string]string{"labs/01-a/a.go": own})
			gitRun(t, p, "commit", "-qam", "second")
			gitRun(t, dir, "clone", "-q", "--depth=1", "file://"+p, filepath.Join(dir, "c"))
			return filepath.Join(dir, "c")
		}, source: "git HEAD ", a: own},
		{name: "main clone of a linked worktree", build: func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "s")
			repo(t, p, own)
			gitRun(t, p, "worktree", "add", "-q", filepath.Join(dir, "wt"))
			return p
		}, source: "git HEAD ", a: own},
		{name: "linked worktree read as files", build: func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "s")
			repo(t, p, "package main // main clone")
			gitRun(t, p, "worktree", "add", "-q", filepath.Join(dir, "wt"))
			write(t, filepath.Join(dir, "wt"), map[string]string{"labs/01-a/a.go": own})
			return filepath.Join(dir, "wt")
		}, source: "folder", a: own},
		{name: "no commit yet", build: func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "s")
			write(t, p, map[string]string{"go.mod": "module m\n", "labs/01-a/a.go": own})
			gitRun(t, p, "init", "-q")
			return p
		}, source: "folder", a: own, check: func(t *testing.T, snap *Snapshot) {
			if len(snap.Notes) != 1 || !strings.Contains(snap.Notes[0], "no commit yet") {
				t.Errorf("notes %v", snap.Notes)
			}
		}},
		{name: "committed symlink", build: func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "s")
			write(t, p, map[string]string{"go.mod": "module m\n", "labs/01-a/a.go": own})
			if err := os.Symlink("a.go", filepath.Join(p, "labs", "01-a", "b.go")); err != nil {
				t.Fatal(err)
			}
			gitRun(t, p, "init", "-q")
			gitRun(t, p, "add", ".")
			gitRun(t, p, "commit", "-qm", "x")
			return p
		}, source: "git HEAD ", a: own, check: func(t *testing.T, snap *Snapshot) {
			if snap.Links["labs/01-a/b.go"] == "" {
				t.Errorf("links %v", snap.Links)
			}
			if _, ok := snap.Files["labs/01-a/b.go"]; ok {
				t.Errorf("a committed link was read as a file")
			}
			if len(snap.Notes) != 0 {
				t.Errorf("notes %v", snap.Notes)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.build(t, t.TempDir())
			tmp := t.TempDir()
			t.Setenv("TMPDIR", tmp)
			subs := Expand([]string{p})
			if len(subs) != 1 || subs[0].Err != nil {
				t.Fatalf("Expand: %+v", subs)
			}
			snap, err := Load(context.Background(), subs[0], opts())
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(snap.Source, tc.source) || string(snap.Files["labs/01-a/a.go"]) != tc.a {
				t.Errorf("source %s a.go %q, want %s… %q", snap.Source, snap.Files["labs/01-a/a.go"], tc.source, tc.a)
			}
			if tc.check != nil {
				tc.check(t, snap)
			}
			if left, _ := os.ReadDir(tmp); len(left) != 0 {
				t.Errorf("left in the temporary folder: %v", left)
			}
		})
	}
}

// TestLoadGitCopyLimits: a .git too big to copy is refused within the
// limits, and nothing is left behind.
func TestLoadGitCopyLimits(t *testing.T) {
	requireGit(t)
	dir := filepath.Join(t.TempDir(), "s")
	repo(t, dir, own)
	write(t, dir, map[string]string{".git/objects/pack/junk.pack": strings.Repeat("x", 10000)})
	for name, lim := range map[string]archive.Limits{
		"bytes":   {Entries: 1000, Bytes: 5000, FileBytes: 1000},
		"entries": {Entries: 10, Bytes: 1 << 20, FileBytes: 1000},
	} {
		t.Run(name, func(t *testing.T) {
			tmp := t.TempDir()
			t.Setenv("TMPDIR", tmp)
			o := opts()
			o.Limits = lim
			_, err := Load(context.Background(), Submission{Path: dir, Kind: Git}, o)
			if !errors.Is(err, archive.ErrLimit) || !strings.Contains(err.Error(), ".git") {
				t.Errorf("err = %v, want ErrLimit naming .git", err)
			}
			if left, _ := os.ReadDir(tmp); len(left) != 0 {
				t.Errorf("left in the temporary folder: %v", left)
			}
		})
	}
}
