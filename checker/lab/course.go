package lab

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// CourseFile is the course's own metadata, in the labs folder: its parts
// and the sections of the course notes the labs practise.
const CourseFile = "course.toml"

// Course is labs/course.toml.
type Course struct {
	Parts []Part    `toml:"part"`
	Notes []Section `toml:"notes"`
	// Path is where it was read from.
	Path string `toml:"-"`
}

// Part is one part of the course: labs that belong together, in the
// course's order.
type Part struct {
	Number int  `toml:"number"`
	Title  Text `toml:"title"`
	About  Text `toml:"about"` // one sentence: what the part is for
}

// Section is a section of the course notes the labs practise.
type Section struct {
	ID    string `toml:"id"`
	Title Text   `toml:"title"`
}

// LoadCourse reads root/labs/course.toml and checks it: every problem at
// once, each naming the file, the field and what to do.
func LoadCourse(root string) (*Course, error) {
	path := filepath.Join(root, "labs", CourseFile)
	var c Course
	md, err := toml.DecodeFile(path, &c)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s: missing: the course's parts and notes sections live there (see docs/lab-format.md)", path)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	c.Path = path
	var problems []error
	bad := func(field, format string, args ...any) {
		problems = append(problems, fmt.Errorf("%s: %s: %s", path, field, fmt.Sprintf(format, args...)))
	}
	for _, key := range md.Undecoded() {
		bad(key.String(), "unknown field: remove it or fix its name (known: [[part]] number, title, about; [[notes]] id, title)")
	}
	for i, p := range c.Parts {
		field := fmt.Sprintf("part[%d]", i+1)
		if p.Number != i+1 {
			bad(field+".number", "%d: number the parts 1, 2, 3, … in order", p.Number)
		}
		if p.Title.EN == "" || p.Title.ID == "" {
			bad(field+".title", "give the part a title in English (en) and Bahasa Indonesia (id)")
		}
		if p.About.EN == "" || p.About.ID == "" {
			bad(field+".about", "say in one sentence, in both languages, what the part is for")
		}
	}
	seen := map[string]bool{}
	for i, s := range c.Notes {
		field := fmt.Sprintf("notes[%d]", i+1)
		switch {
		case s.ID == "":
			bad(field+".id", "missing: a short name the labs refer to, e.g. \"mutex\"")
		case seen[s.ID]:
			bad(field+".id", "%q is listed twice", s.ID)
		}
		seen[s.ID] = true
		if s.Title.EN == "" || s.Title.ID == "" {
			bad(field+".title", "give the section's title in English (en) and Bahasa Indonesia (id)")
		}
	}
	if len(c.Parts) == 0 {
		bad("part", "empty: list the course's parts as [[part]] entries")
	}
	return &c, errors.Join(problems...)
}

// Part returns part n, or false.
func (c *Course) Part(n int) (Part, bool) {
	if n < 1 || n > len(c.Parts) {
		return Part{}, false
	}
	return c.Parts[n-1], true
}

// Section returns the notes section id, or false.
func (c *Course) Section(id string) (Section, bool) {
	for _, s := range c.Notes {
		if s.ID == id {
			return s, true
		}
	}
	return Section{}, false
}

// Check reports every way the labs disagree with the course: a lab whose
// part or notes section the course does not have, and parts out of order
// (a lab of an earlier part after one of a later part).
func (c *Course) Check(labs []*Lab) []error {
	var problems []error
	var ids []string
	for _, s := range c.Notes {
		ids = append(ids, s.ID)
	}
	last := 0
	for _, l := range labs {
		path := filepath.Join(l.Dir, File)
		if _, ok := c.Part(l.Part); !ok {
			problems = append(problems, fmt.Errorf("%s: part: %d is not a part of %s: use 1 to %d", path, l.Part, c.Path, len(c.Parts)))
		} else if l.Part < last {
			problems = append(problems, fmt.Errorf("%s: part: %d comes after a lab of part %d: renumber the lab so the parts follow each other", path, l.Part, last))
		}
		last = max(last, l.Part)
		if l.Notes != "" && !slices.Contains(ids, l.Notes) {
			problems = append(problems, fmt.Errorf("%s: notes: %q is not a section of %s%s: use one of %s, or leave it out for a lab beyond the notes",
				path, l.Notes, c.Path, didYouMean(l.Notes, ids), strings.Join(ids, ", ")))
		}
	}
	return problems
}
