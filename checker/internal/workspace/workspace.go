// Package workspace makes private copies of the racelab module in which
// some files are replaced: a lab's solution, a mutated program, a student's
// submission. The instructor's working tree is never touched, and what a
// copy is built from is exactly the instructor's tree plus the named
// replacements, so tests, harness and go.mod cannot be swapped in.
package workspace

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// skip are top-level entries a build never needs: history, build output,
// the reference fixes (a copy must not carry answers), grader output, the
// student's own progress and backups.
func skip(rel string) bool {
	top := strings.SplitN(filepath.ToSlash(rel), "/", 2)[0]
	switch top {
	case ".git", ".bin", "solutions", "grades", ".racelab-backup", ".racelab-progress.json":
		return true
	}
	return false
}

// Workspace is a private copy of the module.
type Workspace struct {
	Dir string // the copy's root
}

// New copies the module at root into a new directory under parent (the
// system temporary directory when empty), then writes each replacement:
// the key is a slash-separated path relative to the module root, the value
// the file's new content. Replacements may only overwrite or add regular
// files inside the copy.
func New(root, parent string, replace map[string][]byte) (*Workspace, error) {
	dir, err := os.MkdirTemp(parent, "racelab-ws-")
	if err != nil {
		return nil, fmt.Errorf("creating workspace: %w", err)
	}
	ws := &Workspace{Dir: dir}
	if err := copyTree(root, dir); err != nil {
		ws.Remove()
		return nil, fmt.Errorf("copying %s: %w", root, err)
	}
	for rel, content := range replace {
		if err := ws.Write(rel, content); err != nil {
			ws.Remove()
			return nil, err
		}
	}
	return ws, nil
}

// Write puts content at rel inside the workspace, refusing paths that would
// leave it.
func (ws *Workspace) Write(rel string, content []byte) error {
	clean := filepath.Clean(filepath.FromSlash(rel))
	if filepath.IsAbs(clean) || clean == "." || strings.HasPrefix(clean, ".."+string(filepath.Separator)) || clean == ".." {
		return fmt.Errorf("workspace: refusing to write %q: not a path inside the module", rel)
	}
	path := filepath.Join(ws.Dir, clean)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("workspace: %w", err)
	}
	if err := os.WriteFile(path, content, 0o644); err != nil {
		return fmt.Errorf("workspace: writing %s: %w", rel, err)
	}
	return nil
}

// Remove deletes the copy.
func (ws *Workspace) Remove() error { return os.RemoveAll(ws.Dir) }

// copyTree copies regular files and directories; symbolic links and other
// special files are left out so nothing in a copy points outside it.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		if rel == "." {
			return nil
		}
		if skip(rel) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case d.Type().IsRegular():
			return copyFile(path, target)
		}
		return nil
	})
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
