package scaffold

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/racelab/racelab/checker/lab"
)

// NextNumber is the number a new lab gets: one more than the highest used
// under labs/ or solutions/ (a solution directory left behind still holds
// its number).
func NextNumber(root string) (int, error) {
	highest := 0
	for _, dir := range []string{"labs", "solutions"} {
		entries, err := os.ReadDir(filepath.Join(root, dir))
		if err != nil && !os.IsNotExist(err) {
			return 0, fmt.Errorf("numbering the new lab: %w", err)
		}
		for _, e := range entries {
			if n, _, ok := lab.ParseDirName(e.Name()); ok && e.IsDir() {
				highest = max(highest, n)
			}
		}
	}
	if highest >= 99 {
		return 0, fmt.Errorf("numbering the new lab: labs go up to 99 (two digits) and %02d is taken", highest)
	}
	return highest + 1, nil
}

// Part is the course part a new lab goes in: part, checked against
// labs/course.toml, or the course's last part when part is 0 (a new lab is
// numbered after every other, so only the last part keeps the parts in
// order). An explicit part is taken as it is when the course cannot be
// read: verify reports the course's own problems.
func Part(root string, part int) (int, error) {
	if part < 0 {
		return 0, fmt.Errorf("part %d: name a part of the course, 1 or more", part)
	}
	course, err := lab.LoadCourse(root)
	switch {
	case err != nil && part == 0:
		return 0, fmt.Errorf("finding the new lab's part: %w (or name the part, e.g. --part 3)", err)
	case err != nil:
		return part, nil
	case part == 0:
		return len(course.Parts), nil
	}
	if _, ok := course.Part(part); !ok {
		return 0, fmt.Errorf("part %d: %s has parts 1 to %d", part, course.Path, len(course.Parts))
	}
	return part, nil
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// CheckSlug explains what is wrong with a slug, and refuses one an existing
// lab already has (`make lab N=slug` must find one lab).
func CheckSlug(root, slug string) error {
	if !slugRE.MatchString(slug) {
		return fmt.Errorf("slug %q: use lower-case words joined by dashes, e.g. bank-transfer", slug)
	}
	entries, _ := os.ReadDir(filepath.Join(root, "labs"))
	for _, e := range entries {
		if _, s, ok := lab.ParseDirName(e.Name()); ok && s == slug {
			return fmt.Errorf("slug %q: labs/%s already has it: choose another", slug, e.Name())
		}
	}
	return nil
}

// Slugify turns a name (a directory of a bug collection, say "Race_Counter2")
// into a slug ("race-counter2"), or "" when nothing usable is left.
func Slugify(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
	}
	return b.String()
}

// Files are a new lab's files, by path relative to the repository root.
type Files map[string][]byte

// Write creates the lab directory labs/name and its solutions/name from
// files, all or nothing: each directory is assembled under a temporary
// name and renamed into place, and nothing is overwritten.
func Write(root, name string, files Files) error {
	byTop := map[string]Files{}
	for rel, data := range files {
		top, rest, ok := strings.Cut(filepath.ToSlash(rel), "/")
		if !ok || (top != "labs" && top != "solutions") || !strings.HasPrefix(rest, name+"/") {
			return fmt.Errorf("writing lab %s: %s is outside labs/%s and solutions/%s", name, rel, name, name)
		}
		if byTop[top] == nil {
			byTop[top] = Files{}
		}
		byTop[top][strings.TrimPrefix(rest, name+"/")] = data
	}
	var created []string
	undo := func() {
		for _, dir := range created {
			os.RemoveAll(dir)
		}
	}
	for _, top := range []string{"labs", "solutions"} {
		if byTop[top] == nil {
			continue
		}
		final := filepath.Join(root, top, name)
		if _, err := os.Stat(final); err == nil {
			undo()
			return fmt.Errorf("writing lab %s: %s already exists: choose another slug, or remove it first", name, final)
		}
		if err := os.MkdirAll(filepath.Join(root, top), 0o755); err != nil {
			undo()
			return fmt.Errorf("writing lab %s: %w", name, err)
		}
		tmp, err := os.MkdirTemp(filepath.Join(root, top), ".new-"+name+"-")
		if err != nil {
			undo()
			return fmt.Errorf("writing lab %s: %w", name, err)
		}
		if err := writeAll(tmp, byTop[top]); err != nil {
			os.RemoveAll(tmp)
			undo()
			return fmt.Errorf("writing lab %s: %w", name, err)
		}
		if err := os.Rename(tmp, final); err != nil {
			os.RemoveAll(tmp)
			undo()
			return fmt.Errorf("writing lab %s: %w", name, err)
		}
		created = append(created, final)
	}
	return nil
}

func writeAll(dir string, files Files) error {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		path := filepath.Join(dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, files[n], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// reservedPrograms are the names a program may not take: the script
// commands testscript and the judge already define (a program named after
// one would shadow it in every script), and folder names the go command or
// the lab format give a meaning of their own.
func reservedPrograms() []string {
	return []string{
		"cd", "chmod", "cmp", "cmpenv", "cp", "echo", "env", "exec", "exists", "grep", "kill",
		"mkdir", "mv", "rm", "skip", "stderr", "stdin", "stdout", "stop", "symlink", "ttyin",
		"ttyout", "unquote", "wait", "want", "internal", "testdata", "vendor",
	}
}

// ProgramName makes a lab's program name (its folder, and the command that
// runs it in the scripts: lower-case letters and digits, starting with a
// letter, see lab.Lab.Program) from a file name or a slug: "bank.go" gives
// "bank", "loop-counter" "loopcounter".
func ProgramName(name string) string {
	name = strings.TrimSuffix(strings.ToLower(name), ".go")
	var b strings.Builder
	for _, r := range name {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	out := b.String()
	if out == "" || out[0] >= '0' && out[0] <= '9' || slices.Contains(reservedPrograms(), out) {
		out = "prog" + out
	}
	return out
}

// Metadata renders a lab.toml. lab.Lab.Marshal does not write the program
// (yet), so it goes in here, after the title, where the lab format puts it.
func Metadata(l *lab.Lab) []byte {
	data := l.Marshal()
	if l.Program == "" || bytes.Contains(data, []byte("\nprogram = ")) {
		return data
	}
	title, rest, _ := bytes.Cut(data, []byte("\n"))
	return slices.Concat(title, []byte(fmt.Sprintf("\nprogram = %q\n", l.Program)), rest)
}
