package submission

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/racelab/racelab/checker/internal/submission/archive"
)

func tarDir(t *testing.T, dst string, files map[string]string, gz bool) {
	t.Helper()
	var buf bytes.Buffer
	var w io.Writer = &buf
	var gzw *gzip.Writer
	if gz {
		gzw = gzip.NewWriter(&buf)
		w = gzw
	}
	tw := tar.NewWriter(w)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := tw.WriteHeader(&tar.Header{Name: n, Mode: 0o644, Size: int64(len(files[n])), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		tw.Write([]byte(files[n]))
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if gzw != nil {
		gzw.Close()
	}
	if err := os.WriteFile(dst, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLoadOversizedFile checks that one wanted file over the per-file limit
// costs only that file, whatever the kind of submission: the rest is read
// and the file is listed with its size.
func TestLoadOversizedFile(t *testing.T) {
	requireGit(t)
	const limit = 1000
	big := strings.Repeat("x", limit+1)
	files := map[string]string{
		"go.mod":         "module m\n",
		"labs/01-a/a.go": "package main // solved",
		"labs/02-b/b.go": big,
	}
	tests := []struct {
		name     string
		worktree bool
		make     func(t *testing.T, dir string) Submission
	}{
		{name: "folder", make: func(t *testing.T, dir string) Submission {
			write(t, dir, files)
			return Submission{Path: dir, Kind: Dir}
		}},
		{name: "zip", make: func(t *testing.T, dir string) Submission {
			p := filepath.Join(dir, "s.zip")
			zipDir(t, p, prefixed("racelab/", files))
			return Submission{Path: p, Kind: Zip}
		}},
		{name: "tar.gz", make: func(t *testing.T, dir string) Submission {
			p := filepath.Join(dir, "s.tar.gz")
			tarDir(t, p, prefixed("racelab/", files), true)
			return Submission{Path: p, Kind: TarGz}
		}},
		{name: "tar", make: func(t *testing.T, dir string) Submission {
			p := filepath.Join(dir, "s.tar")
			tarDir(t, p, files, false)
			return Submission{Path: p, Kind: Tar}
		}},
		{name: "git HEAD", make: func(t *testing.T, dir string) Submission {
			write(t, dir, files)
			gitRun(t, dir, "init", "-q", "-b", "main")
			gitRun(t, dir, "add", ".")
			gitRun(t, dir, "commit", "-qm", "x")
			return Submission{Path: dir, Kind: Git}
		}},
		{name: "git HEAD without a commit", make: func(t *testing.T, dir string) Submission {
			write(t, dir, files)
			gitRun(t, dir, "init", "-q", "-b", "main")
			return Submission{Path: dir, Kind: Git}
		}},
		{name: "git worktree", worktree: true, make: func(t *testing.T, dir string) Submission {
			write(t, dir, files)
			gitRun(t, dir, "init", "-q", "-b", "main")
			return Submission{Path: dir, Kind: Git}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.make(t, t.TempDir())
			o := opts()
			o.Limits.FileBytes = limit
			o.Worktree = tc.worktree
			snap, err := Load(context.Background(), s, o)
			if err != nil {
				t.Fatalf("one oversized file failed the submission: %v", err)
			}
			if string(snap.Files["labs/01-a/a.go"]) != "package main // solved" {
				t.Errorf("the other files were not read: %q", snap.Files)
			}
			if _, ok := snap.Files["labs/02-b/b.go"]; ok {
				t.Errorf("the oversized file's content was kept")
			}
			if got := snap.Oversized["labs/02-b/b.go"]; got != limit+1 {
				t.Errorf("Oversized = %v, want labs/02-b/b.go: %d", snap.Oversized, limit+1)
			}
			if !contains(snap.Names, "labs/02-b/b.go") {
				t.Errorf("the oversized file is not named: %v", snap.Names)
			}
			for _, n := range snap.Notes {
				if strings.Contains(n, "02-b") {
					t.Errorf("note about the oversized file: %q", n)
				}
			}
		})
	}
}

func prefixed(prefix string, files map[string]string) map[string]string {
	out := map[string]string{}
	for n, c := range files {
		out[prefix+n] = c
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestLoadOversizedUnwantedAndBombs: a big file the grader does not want
// is no concern, and an archive over the total limits is still refused
// whole.
func TestLoadOversizedUnwantedAndBombs(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"go.mod": "module m\n", "labs/01-a/a.go": "package main", "big.bin": strings.Repeat("x", 5000)}
	p := filepath.Join(dir, "s.zip")
	zipDir(t, p, files)
	o := opts()
	o.Limits.FileBytes = 1000
	snap, err := Load(context.Background(), Submission{Path: p, Kind: Zip}, o)
	if err != nil || len(snap.Oversized) != 0 {
		t.Errorf("unwanted big file: err %v, oversized %v", err, snap.Oversized)
	}
	files["labs/02-b/b.go"] = strings.Repeat("x", 5000)
	zipDir(t, p, files)
	o.Limits.Bytes = 3000
	if _, err := Load(context.Background(), Submission{Path: p, Kind: Zip}, o); !errors.Is(err, archive.ErrLimit) {
		t.Errorf("over the total: err = %v, want ErrLimit", err)
	}
	o = opts()
	o.Limits.Entries = 2
	if _, err := Load(context.Background(), Submission{Path: p, Kind: Zip}, o); !errors.Is(err, archive.ErrLimit) {
		t.Errorf("over the entries: err = %v, want ErrLimit", err)
	}
}

// TestLoadUncommittedOversized: an editable file grown past the limit in
// the working folder, but committed small, is noted as not committed.
func TestLoadUncommittedOversized(t *testing.T) {
	requireGit(t)
	dir := filepath.Join(t.TempDir(), "s")
	repo(t, dir, own)
	write(t, dir, map[string]string{"labs/01-a/a.go": strings.Repeat("x", 2000)})
	o := opts()
	o.Limits.FileBytes = 1000
	snap, err := Load(context.Background(), Submission{Path: dir, Kind: Git}, o)
	if err != nil || string(snap.Files["labs/01-a/a.go"]) != own {
		t.Fatalf("err %v files %q", err, snap.Files)
	}
	if len(snap.Notes) != 1 || !strings.Contains(snap.Notes[0], "not committed") {
		t.Errorf("notes %v: want the uncommitted edit noted", snap.Notes)
	}
	// And the other way round: committed too big, fixed but not committed.
	gitRun(t, dir, "commit", "-qam", "big")
	write(t, dir, map[string]string{"labs/01-a/a.go": own})
	snap, err = Load(context.Background(), Submission{Path: dir, Kind: Git}, o)
	if err != nil || snap.Oversized["labs/01-a/a.go"] != 2000 {
		t.Fatalf("err %v oversized %v", err, snap.Oversized)
	}
	if len(snap.Notes) != 1 || !strings.Contains(snap.Notes[0], "not committed") {
		t.Errorf("notes %v: want the uncommitted fix noted", snap.Notes)
	}
}
