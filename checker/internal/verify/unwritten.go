package verify

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/racelab/racelab/checker/lab"
)

// Unwritten lists what the instructor has still to write in lab l: every
// placeholder (lab.Placeholder) in the lab's directory and its solution,
// as "where: what to write". lab.toml's placeholders are named by field
// (hint[2].id); elsewhere by file and line, with the lines that ask for the
// same thing in one file grouped ("counter.go:12,14,20: say why…").
func Unwritten(root string, l *lab.Lab) []string {
	var out []string
	for _, f := range tomlFields(l) {
		if strings.Contains(f.value, lab.Placeholder) {
			out = append(out, fmt.Sprintf("%s: %s: %s", display(root, filepath.Join(l.Dir, lab.File)), f.name, request(f.value)))
		}
	}
	for _, dir := range []string{l.Dir, l.SolutionDir(root)} {
		_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || filepath.Base(path) == lab.File && dir == l.Dir {
				return nil // a missing solution directory is Structure's to report
			}
			out = append(out, placeholders(display(root, path), path)...)
			return nil
		})
	}
	return out
}

type field struct{ name, value string }

// tomlFields are lab.toml's prose fields, by name.
func tomlFields(l *lab.Lab) []field {
	fields := []field{{"title.en", l.Title.EN}, {"title.id", l.Title.ID}}
	for i, h := range l.Hints {
		fields = append(fields,
			field{fmt.Sprintf("hint[%d].en", i+1), h.EN},
			field{fmt.Sprintf("hint[%d].id", i+1), h.ID})
	}
	return fields
}

// placeholders lists the placeholders of one file, grouping the lines that
// ask for the same thing.
func placeholders(name, path string) []string {
	data, err := os.ReadFile(path)
	if err != nil || !utf8.Valid(data) {
		return nil // unreadable or binary: nothing a person writes
	}
	var order []string
	lines := map[string][]string{}
	for i, line := range strings.Split(string(data), "\n") {
		if !strings.Contains(line, lab.Placeholder) {
			continue
		}
		what := request(line)
		if _, seen := lines[what]; !seen {
			order = append(order, what)
		}
		lines[what] = append(lines[what], strconv.Itoa(i+1))
	}
	var out []string
	for _, what := range order {
		out = append(out, fmt.Sprintf("%s:%s: %s", name, strings.Join(lines[what], ","), what))
	}
	return out
}

// request is what a placeholder asks for: the text after the marker,
// without the punctuation of the comment or string that holds it.
func request(s string) string {
	_, after, _ := strings.Cut(s, lab.Placeholder)
	after = strings.TrimLeft(after, ":;,- \t")
	after = strings.TrimRight(after, " \t\r\"'`*/->")
	if after == "" {
		return "write this"
	}
	return after
}

// display shortens path to be relative to the repository root.
func display(root, path string) string {
	if rel, err := filepath.Rel(root, path); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return path
}

// sortedKeys returns m's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
