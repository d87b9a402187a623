package archive

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// entry is one archive member: a file (content), or a symlink (link).
type entry struct {
	name, content, link string
}

func writeZip(t *testing.T, entries []entry) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate}
		body := e.content
		if e.link != "" {
			h.SetMode(os.ModeSymlink | 0o777)
			body = e.link
		} else {
			h.SetMode(0o644)
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "s.zip")
	os.WriteFile(path, buf.Bytes(), 0o644)
	return path
}

func writeTarGz(t *testing.T, entries []entry) string {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for _, e := range entries {
		h := &tar.Header{Name: e.name, Mode: 0o644, Size: int64(len(e.content)), Typeflag: tar.TypeReg}
		if e.link != "" {
			h = &tar.Header{Name: e.name, Linkname: e.link, Typeflag: tar.TypeSymlink}
		}
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
		tw.Write([]byte(e.content))
	}
	tw.Close()
	gz.Close()
	path := filepath.Join(t.TempDir(), "s.tar.gz")
	os.WriteFile(path, buf.Bytes(), 0o644)
	return path
}

func TestRead(t *testing.T) {
	all := func(string) bool { return true }
	big := strings.Repeat("a", 5000)
	tests := []struct {
		name    string
		entries []entry
		lim     Limits
		unsafe  bool // want an UnsafeError
		limit   bool // want ErrLimit
		files   []string
		links   []string
		big     map[string]int64 // want these in Oversized, not in Files
	}{
		{name: "plain repository",
			entries: []entry{{name: "racelab/go.mod", content: "module x"}, {name: "racelab/labs/01-a/a.go", content: "package main"}},
			files:   []string{"racelab/go.mod", "racelab/labs/01-a/a.go"}},
		{name: "dot-dot entry", entries: []entry{{name: "racelab/../../evil.go", content: "x"}}, unsafe: true},
		{name: "absolute entry", entries: []entry{{name: "/etc/cron.d/evil", content: "x"}}, unsafe: true},
		{name: "windows separators escaping", entries: []entry{{name: `racelab\..\..\evil.go`, content: "x"}}, unsafe: true},
		{name: "symlink out by dot-dot", entries: []entry{{name: "racelab/labs/01-a/a.go", link: "../../../../other/a.go"}}, unsafe: true},
		{name: "symlink to an absolute path", entries: []entry{{name: "racelab/labs/01-a/a.go", link: "/etc/passwd"}}, unsafe: true},
		{name: "symlink inside is recorded, not followed",
			entries: []entry{{name: "r/a.go", content: "package main"}, {name: "r/b.go", link: "a.go"}},
			files:   []string{"r/a.go"}, links: []string{"r/b.go"}},
		{name: "too many entries", entries: []entry{{name: "a", content: "1"}, {name: "b", content: "2"}, {name: "c", content: "3"}},
			lim: Limits{Entries: 2, Bytes: 1 << 20, FileBytes: 1 << 20}, limit: true},
		{name: "file over the per-file limit is listed, not kept",
			entries: []entry{{name: "r/a.go", content: big}, {name: "r/b.go", content: "package main"}},
			lim:     Limits{Entries: 10, Bytes: 1 << 20, FileBytes: 1000},
			files:   []string{"r/b.go"}, big: map[string]int64{"r/a.go": 5000}},
		{name: "file over the per-file limit still counts towards the total",
			entries: []entry{{name: "a.go", content: big}, {name: "b.go", content: big}},
			lim:     Limits{Entries: 10, Bytes: 8000, FileBytes: 1000}, limit: true},
		{name: "bytes over the total limit", entries: []entry{{name: "a.go", content: big}, {name: "b.go", content: big}},
			lim: Limits{Entries: 10, Bytes: 8000, FileBytes: 1 << 20}, limit: true},
	}
	for _, tc := range tests {
		for kind, write := range map[string]func(*testing.T, []entry) string{"zip": writeZip, "tar.gz": writeTarGz} {
			t.Run(kind+"/"+tc.name, func(t *testing.T) {
				lim := tc.lim
				if lim == (Limits{}) {
					lim = DefaultLimits()
				}
				tree, err := Read(write(t, tc.entries), lim, all)
				var ue *UnsafeError
				switch {
				case tc.unsafe:
					if !errors.As(err, &ue) {
						t.Fatalf("err = %v, want an unsafe entry error", err)
					}
					return
				case tc.limit:
					if !errors.Is(err, ErrLimit) {
						t.Fatalf("err = %v, want a limit error", err)
					}
					return
				case err != nil:
					t.Fatal(err)
				}
				for _, f := range tc.files {
					if _, ok := tree.Files[f]; !ok {
						t.Errorf("file %s not read; have %v", f, tree.Names)
					}
				}
				if len(tree.Oversized) != len(tc.big) {
					t.Errorf("oversized %v, want %v", tree.Oversized, tc.big)
				}
				for n, size := range tc.big {
					if tree.Oversized[n] != size {
						t.Errorf("oversized %v, want %s: %d", tree.Oversized, n, size)
					}
					if _, ok := tree.Files[n]; ok {
						t.Errorf("oversized %s was kept", n)
					}
				}
				for _, l := range tc.links {
					if _, ok := tree.Links[l]; !ok {
						t.Errorf("link %s not recorded; have %v", l, tree.Links)
					}
					if _, ok := tree.Files[l]; ok {
						t.Errorf("link %s was followed", l)
					}
				}
			})
		}
	}
}

func TestReadKeepsOnlyWanted(t *testing.T) {
	path := writeZip(t, []entry{{name: "r/labs/01-a/a.go", content: "package main"}, {name: "r/big.bin", content: strings.Repeat("x", 1<<16)}})
	tree, err := Read(path, DefaultLimits(), func(n string) bool { return strings.HasSuffix(n, ".go") })
	if err != nil {
		t.Fatal(err)
	}
	if len(tree.Files) != 1 || len(tree.Names) != 2 {
		t.Errorf("files %d names %v: want the .go file read and both named", len(tree.Files), tree.Names)
	}
}
