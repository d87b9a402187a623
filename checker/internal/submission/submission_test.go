package submission

import (
	"archive/zip"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/racelab/racelab/checker/internal/submission/archive"
)

func write(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for rel, content := range files {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func zipDir(t *testing.T, dst string, files map[string]string) {
	t.Helper()
	f, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for name, content := range files {
		w, _ := zw.Create(name)
		w.Write([]byte(content))
	}
	zw.Close()
	f.Close()
}

func TestExpand(t *testing.T) {
	class := t.TempDir()
	write(t, class, map[string]string{
		"alice/labs/01-a/a.go":   "package main",
		"bob/go.mod":             "module github.com/racelab/racelab\n",
		"notes.txt":              "not a submission",
		".DS_Store":              "hidden",
		"gradebook.csv/go.mod":   "a folder named like an output file",
		"carol dawn/labs/x/a.go": "package main",
	})
	zipDir(t, filepath.Join(class, "alice.zip"), map[string]string{"labs/01-a/a.go": "package main"})
	zipDir(t, filepath.Join(class, "dave.ZIP"), map[string]string{"labs/01-a/a.go": "package main"})
	subs := Expand([]string{class, filepath.Join(class, "nobody")})
	var got []string
	for _, s := range subs {
		got = append(got, s.Name+":"+string(s.Kind)+":"+map[bool]string{true: "err", false: "ok"}[s.Err != nil])
	}
	want := "alice:folder:ok alice~2:zip:err bob:folder:ok carol_dawn:folder:ok dave:zip:ok gradebook.csv_:folder:ok nobody:missing:err"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
}

func TestName(t *testing.T) {
	for in, want := range map[string]string{
		"/x/alice.tar.gz": "alice", "/x/bob.tgz": "bob", "/x/c.git": "c", "/x/..hidden": "hidden",
		"/x/ünï cödé": "_n__c_d_", "/x/summary.md": "summary.md_", "/x/.zip": "zip",
	} {
		if got := Name(in); got != want {
			t.Errorf("Name(%q) = %q, want %q", in, got, want)
		}
	}
}

func opts() Options {
	return Options{
		Want:     func(rel string) bool { return strings.HasPrefix(rel, "labs/") || rel == "go.mod" },
		Editable: func(rel string) bool { return strings.HasSuffix(rel, "/a.go") },
		Limits:   archive.DefaultLimits(),
	}
}

func TestLoadFolder(t *testing.T) {
	other := t.TempDir()
	write(t, other, map[string]string{"secret.go": "package main // someone else's answer"})
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"racelab-main/go.mod":          "module github.com/racelab/racelab\n",
		"racelab-main/labs/01-a/a.go":  "package main // mine",
		"racelab-main/labs/01-a/x.txt": "ignored content",
		"racelab-main/README.md":       "not wanted",
	})
	if err := os.Symlink(filepath.Join(other, "secret.go"), filepath.Join(dir, "racelab-main/labs/01-a/b.go")); err != nil {
		t.Fatal(err)
	}
	snap, err := Load(context.Background(), Submission{Name: "s", Path: dir, Kind: Dir}, opts())
	if err != nil {
		t.Fatal(err)
	}
	if string(snap.Files["labs/01-a/a.go"]) != "package main // mine" {
		t.Errorf("files: %v", snap.Files)
	}
	if _, ok := snap.Files["labs/01-a/b.go"]; ok {
		t.Errorf("followed a symlink out of the submission")
	}
	if snap.Links["labs/01-a/b.go"] == "" {
		t.Errorf("symlink not reported: %v", snap.Links)
	}
	if _, ok := snap.Files["README.md"]; ok {
		t.Errorf("read a file the grader did not want")
	}
}

func TestLoadRejectsAmbiguousAndEmpty(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"a/labs/01-a/a.go": "x", "b/labs/01-a/a.go": "y"})
	if _, err := Load(context.Background(), Submission{Path: dir, Kind: Dir}, opts()); err == nil || !strings.Contains(err.Error(), "more than one copy") {
		t.Errorf("two repositories: err = %v", err)
	}
	empty := t.TempDir()
	write(t, empty, map[string]string{"homework.txt": "x"})
	if _, err := Load(context.Background(), Submission{Path: empty, Kind: Dir}, opts()); err == nil || !strings.Contains(err.Error(), "no labs/") {
		t.Errorf("no repository: err = %v", err)
	}
}

func TestLoadZipWithTopFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.zip")
	zipDir(t, path, map[string]string{"alice-racelab/labs/01-a/a.go": "package main // zipped", "alice-racelab/go.mod": "module m"})
	snap, err := Load(context.Background(), Submission{Path: path, Kind: Zip}, opts())
	if err != nil {
		t.Fatal(err)
	}
	if string(snap.Files["labs/01-a/a.go"]) != "package main // zipped" || snap.Source != "zip" {
		t.Errorf("source %s files %v", snap.Source, snap.Files)
	}
}

func gitRun(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=s", "GIT_AUTHOR_EMAIL=s@x", "GIT_COMMITTER_NAME=s", "GIT_COMMITTER_EMAIL=s@x", "GIT_CONFIG_GLOBAL=/dev/null")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func TestLoadGitAtHead(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := filepath.Join(t.TempDir(), "carol")
	write(t, dir, map[string]string{"go.mod": "module m\n", "labs/01-a/a.go": "package main // committed"})
	gitRun(t, dir, "init", "-q")
	gitRun(t, dir, "add", ".")
	gitRun(t, dir, "commit", "-qm", "fix")
	write(t, dir, map[string]string{"labs/01-a/a.go": "package main // not committed"})
	subs := Expand([]string{dir})
	if len(subs) != 1 || subs[0].Kind != Git {
		t.Fatalf("Expand: %+v", subs)
	}
	snap, err := Load(context.Background(), subs[0], opts())
	if err != nil {
		t.Fatal(err)
	}
	if string(snap.Files["labs/01-a/a.go"]) != "package main // committed" || !strings.HasPrefix(snap.Source, "git HEAD ") {
		t.Errorf("source %s files %q", snap.Source, snap.Files)
	}
	if len(snap.Notes) != 1 || !strings.Contains(snap.Notes[0], "not committed") {
		t.Errorf("notes %v: want the uncommitted edit noted", snap.Notes)
	}
	o := opts()
	o.Worktree = true
	snap, err = Load(context.Background(), subs[0], o)
	if err != nil || string(snap.Files["labs/01-a/a.go"]) != "package main // not committed" {
		t.Errorf("--worktree: err %v files %q", err, snap.Files)
	}
	bare := filepath.Join(t.TempDir(), "dave.git")
	gitRun(t, dir, "clone", "-q", "--bare", dir, bare)
	subs = Expand([]string{bare})
	if len(subs) != 1 || subs[0].Kind != Git || subs[0].Name != "dave" {
		t.Fatalf("Expand bare: %+v", subs)
	}
	snap, err = Load(context.Background(), subs[0], opts())
	if err != nil || string(snap.Files["labs/01-a/a.go"]) != "package main // committed" {
		t.Errorf("bare: err %v files %q", err, snap.Files)
	}
}

func TestLoadEmptySubmission(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "labs", "01-a"), 0o755); err != nil {
		t.Fatal(err)
	}
	snap, err := Load(context.Background(), Submission{Path: dir, Kind: Dir}, opts())
	if err != nil || len(snap.Files) != 0 {
		t.Errorf("an empty labs/ is a submission with nothing edited: err %v, files %v", err, snap.Files)
	}
}

func TestExpandDot(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my-racelab")
	write(t, dir, map[string]string{"go.mod": "module github.com/racelab/racelab\n", "labs/01-a/a.go": "package main"})
	t.Chdir(dir)
	subs := Expand([]string{"."})
	if len(subs) != 1 || subs[0].Name != "my-racelab" || subs[0].Kind != Dir || subs[0].Err != nil {
		t.Errorf("checker grade . in a checkout: %+v", subs)
	}
}
