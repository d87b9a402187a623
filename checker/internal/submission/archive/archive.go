// Package archive reads a student's .zip or .tar.gz without extracting it:
// entries are checked (no absolute paths, no `..`, no links that leave the
// archive) and only the files the grader wants are read, into memory, within
// limits on entry count and bytes. A wanted file over the per-file limit is
// not read but listed with its size, so that it costs only itself; an
// archive over the entry or total limits is refused whole. Nothing from an archive is ever written
// to disk or followed as a link, so an archive cannot place a file outside
// its folder or point the grader at another submission.
package archive

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
)

// Limits bound what one archive may cost.
type Limits struct {
	Entries   int   // entries of any kind
	Bytes     int64 // uncompressed bytes read in total (tar reads through every entry)
	FileBytes int64 // bytes of any one file that is kept
}

// DefaultLimits fit a copy of the racelab repository many times over.
func DefaultLimits() Limits {
	return Limits{Entries: 20000, Bytes: 512 << 20, FileBytes: 4 << 20}
}

// Tree is what was read: the kept files' content, the names of all regular
// files, the links (never followed), and the wanted files too big to keep.
type Tree struct {
	Files     map[string][]byte // kept regular files by clean slash path
	Names     []string          // every regular file, in archive order
	Links     map[string]string // link path -> its target as written
	Oversized map[string]int64  // wanted files over Limits.FileBytes -> their size; not in Files
}

// NewTree returns an empty tree.
func NewTree() *Tree {
	return &Tree{Files: map[string][]byte{}, Links: map[string]string{}, Oversized: map[string]int64{}}
}

// UnsafeError reports an entry that would escape the archive.
type UnsafeError struct {
	Entry, Why string
}

func (e *UnsafeError) Error() string {
	return fmt.Sprintf("unsafe archive entry %q: %s; the archive was not graded", e.Entry, e.Why)
}

// ErrLimit is wrapped by the errors of archives over a limit.
var ErrLimit = errors.New("archive over the grader's limits")

// Kind returns the archive kind of a file name ("zip", "tar.gz", "tar"),
// or "" for other files.
func Kind(name string) string {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".zip"):
		return "zip"
	case strings.HasSuffix(lower, ".tar.gz"), strings.HasSuffix(lower, ".tgz"):
		return "tar.gz"
	case strings.HasSuffix(lower, ".tar"):
		return "tar"
	}
	return ""
}

// Read reads the archive at file, keeping the content of the regular files
// for which want returns true.
func Read(file string, lim Limits, want func(name string) bool) (*Tree, error) {
	switch Kind(file) {
	case "zip":
		return readZip(file, lim, want)
	case "tar.gz", "tar":
		f, err := os.Open(file)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		var r io.Reader = f
		if Kind(file) == "tar.gz" {
			gz, err := gzip.NewReader(f)
			if err != nil {
				return nil, fmt.Errorf("reading %s: %w", file, err)
			}
			defer gz.Close()
			r = gz
		}
		return readTar(r, lim, want)
	}
	return nil, fmt.Errorf("%s: not an archive the grader reads (.zip, .tar.gz, .tgz, .tar)", file)
}

// Clean validates an entry name and returns it as a clean relative slash
// path. Backslashes are taken as separators (zips made on Windows).
func Clean(name string) (string, error) {
	n := strings.ReplaceAll(name, `\`, "/")
	switch {
	case strings.ContainsRune(n, 0):
		return "", &UnsafeError{name, "NUL in the name"}
	case strings.HasPrefix(n, "/"), len(n) >= 2 && n[1] == ':':
		return "", &UnsafeError{name, "absolute path"}
	}
	for _, el := range strings.Split(n, "/") {
		if el == ".." {
			return "", &UnsafeError{name, "`..` leaves the archive"}
		}
	}
	c := path.Clean(n)
	if c == "." {
		return "", nil
	}
	return c, nil
}

// checkLink rejects a link whose target resolves outside the archive.
func checkLink(name, target string) error {
	t := strings.ReplaceAll(target, `\`, "/")
	if strings.HasPrefix(t, "/") || (len(t) >= 2 && t[1] == ':') {
		return &UnsafeError{name, fmt.Sprintf("link to the absolute path %q", target)}
	}
	if r := path.Join(path.Dir(name), t); r == ".." || strings.HasPrefix(r, "../") {
		return &UnsafeError{name, fmt.Sprintf("link to %q, outside the archive", target)}
	}
	return nil
}

// budget counts entries and bytes against the limits.
type budget struct {
	lim     Limits
	entries int
	bytes   int64
}

func (b *budget) entry() error {
	b.entries++
	if b.entries > b.lim.Entries {
		return fmt.Errorf("%w: more than %d entries", ErrLimit, b.lim.Entries)
	}
	return nil
}

// read reads r whole, within the total limit, and returns its size and,
// if keep and it is within the per-file limit, its content. A file over
// the per-file limit is read through all the same (its bytes count towards
// the total), so that its size is known and a bomb is still caught.
func (b *budget) read(name string, r io.Reader, keep bool) (data []byte, size int64, err error) {
	remaining := b.lim.Bytes - b.bytes
	lr := io.LimitReader(r, remaining+1)
	if keep {
		data, err = io.ReadAll(io.LimitReader(lr, b.lim.FileBytes+1))
		size = int64(len(data))
	}
	if err == nil {
		var n int64
		n, err = io.Copy(io.Discard, lr)
		size += n
	}
	b.bytes += size
	switch {
	case err != nil:
		return nil, size, fmt.Errorf("reading %s: %w", name, err)
	case size > remaining:
		return nil, size, fmt.Errorf("%w: more than %d bytes uncompressed", ErrLimit, b.lim.Bytes)
	case !keep || size > b.lim.FileBytes:
		return nil, size, nil
	}
	return data, size, nil
}

// keep records a wanted file: its content, or its size if it is too big.
func (b *budget) keep(t *Tree, name string, data []byte, size int64) {
	if size > b.lim.FileBytes {
		t.Oversized[name] = size
		return
	}
	t.Files[name] = data
}

func readZip(file string, lim Limits, want func(string) bool) (*Tree, error) {
	zr, err := zip.OpenReader(file)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", file, err)
	}
	defer zr.Close()
	t := NewTree()
	b := &budget{lim: lim}
	for _, f := range zr.File {
		if err := b.entry(); err != nil {
			return nil, err
		}
		name, err := Clean(f.Name)
		if err != nil {
			return nil, err
		}
		mode := f.Mode()
		switch {
		case name == "" || mode.IsDir():
		case mode&fs.ModeSymlink != 0:
			target, size, err := zipContent(f, b, name)
			if err != nil {
				return nil, err
			}
			if size > b.lim.FileBytes {
				return nil, fmt.Errorf("%w: the link %s has a target of %d bytes", ErrLimit, name, size)
			}
			if err := checkLink(name, string(target)); err != nil {
				return nil, err
			}
			t.Links[name] = string(target)
		case mode.IsRegular():
			t.Names = append(t.Names, name)
			if want(name) {
				data, size, err := zipContent(f, b, name)
				if err != nil {
					return nil, err
				}
				b.keep(t, name, data, size)
			}
		}
	}
	return t, nil
}

// zipContent decompresses one entry; the declared size is not trusted.
func zipContent(f *zip.File, b *budget, name string) ([]byte, int64, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, 0, fmt.Errorf("reading %s: %w", name, err)
	}
	defer rc.Close()
	return b.read(name, rc, true)
}

func readTar(r io.Reader, lim Limits, want func(string) bool) (*Tree, error) {
	tr := tar.NewReader(r)
	t := NewTree()
	b := &budget{lim: lim}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return t, nil
		}
		if err != nil {
			return nil, fmt.Errorf("reading the archive: %w", err)
		}
		if err := b.entry(); err != nil {
			return nil, err
		}
		name, err := Clean(h.Name)
		if err != nil {
			return nil, err
		}
		switch h.Typeflag {
		case tar.TypeReg:
			if name == "" {
				continue
			}
			t.Names = append(t.Names, name)
			keep := want(name)
			data, size, err := b.read(name, tr, keep)
			if err != nil {
				return nil, err
			}
			if keep {
				b.keep(t, name, data, size)
			}
		case tar.TypeSymlink:
			if err := checkLink(name, h.Linkname); err != nil {
				return nil, err
			}
			t.Links[name] = h.Linkname
		case tar.TypeLink:
			// A hard link names another entry of the archive.
			if _, err := Clean(h.Linkname); err != nil {
				return nil, &UnsafeError{h.Name, fmt.Sprintf("hard link to %q, outside the archive", h.Linkname)}
			}
			t.Links[name] = h.Linkname
		default:
			// Directories, devices, FIFOs: nothing to read.
			if _, _, err := b.read(name, tr, false); err != nil {
				return nil, err
			}
		}
	}
}
