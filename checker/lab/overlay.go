package lab

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// WriteOverlay writes files (a name in progDir → its content) into dir and
// a go build -overlay file that lays them over those names, and returns the
// overlay's path. The student's files are read through it and nothing else
// of a submission: the grader, verify and a testing lab's variants all
// write their overlays here.
func WriteOverlay(dir, progDir string, files map[string][]byte) (string, error) {
	replace := map[string]string{}
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := writeStamped(path, data); err != nil {
			return "", fmt.Errorf("writing %s for the build overlay: %w", name, err)
		}
		replace[filepath.Join(progDir, name)] = path
	}
	return writeReplace(filepath.Join(dir, "overlay.json"), replace)
}

// writeReplace writes a go build -overlay file at path from its Replace map.
func writeReplace(path string, replace map[string]string) (string, error) {
	data, err := json.Marshal(struct{ Replace map[string]string }{replace})
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return "", fmt.Errorf("writing the build overlay: %w", err)
	}
	return path, nil
}

// writeStamped writes data at path with a modification time that is a
// function of data (contentTime).
//
// The go command's package index (cmd/go/internal/modindex) keys a folder
// by its files' names, sizes and modification times, and it reads an
// overlaid file's from its replacement. Two students' files of one name and
// one size, written in the same tick of the file system's clock (a few
// milliseconds on Linux), shared an index entry: the second build was
// loaded with the first file's imports, and the compiler then found no file
// for a package only the second imports ("could not import maps (open : no
// such file or directory)"), on every retry alike. With the time taken from
// the content, that key can only be shared by the same content.
func writeStamped(path string, data []byte) error {
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return err
	}
	t := contentTime(data)
	return os.Chtimes(path, t, t)
}

// contentEpoch and contentSpan place every contentTime in 2001–2021: old
// enough for the go command to index (it never indexes a file changed in
// the last 2 seconds), and wide enough, to the nanosecond, that two
// contents meet by a hash collision only.
const (
	contentEpoch = 978307200 // 2001-01-01 UTC, in Unix seconds
	contentSpan  = uint64(20 * 365 * 24 * time.Hour)
)

// contentTime is the modification time WriteOverlay gives a file of
// content data.
func contentTime(data []byte) time.Time {
	sum := sha256.Sum256(data)
	return time.Unix(contentEpoch, int64(binary.BigEndian.Uint64(sum[:8])%contentSpan)).UTC()
}
