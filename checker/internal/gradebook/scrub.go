package gradebook

import (
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// SolutionDir is how every output names the submission's own folder, as
// exercism's test-runner interface asks: "<solution-dir>/relative/path",
// never the path the grader happened to read it from.
const SolutionDir = "<solution-dir>"

// Scrubber replaces the grader's own paths in text bound for an output:
// the submission's path becomes SolutionDir, the grader's folders (the
// class folder, the course, the output and work folders) become a
// placeholder. What a student's program printed passes through it too: a
// path of the grader's that reached a program is the grader's to hide.
type Scrubber struct {
	re *regexp.Regexp
	as map[string]string
}

// Path is one path of the grader's and what to write instead.
type Path struct {
	Path, As string
}

// NewScrubber replaces each path (as given, absolute, and with links
// resolved) by its placeholder. Only whole paths are replaced: /work/class
// and /work/class/ana.zip, not /work/classes; the longest first, so that a
// folder inside another gets its own name.
func NewScrubber(paths ...Path) *Scrubber {
	s := &Scrubber{as: map[string]string{}}
	var list []string
	add := func(p, as string) {
		p = strings.TrimRight(p, string(filepath.Separator))
		if len(p) < 2 || p == ".." || s.as[p] != "" {
			return
		}
		s.as[p] = as
		list = append(list, p)
	}
	for _, p := range paths {
		if p.Path == "" {
			continue
		}
		add(filepath.Clean(p.Path), p.As)
		if abs, err := filepath.Abs(p.Path); err == nil {
			add(abs, p.As)
			if real, err := filepath.EvalSymlinks(abs); err == nil {
				add(real, p.As)
			}
		}
	}
	if len(list) == 0 {
		return s
	}
	sort.SliceStable(list, func(i, j int) bool { return len(list[i]) > len(list[j]) })
	quoted := make([]string, len(list))
	for i, p := range list {
		quoted[i] = regexp.QuoteMeta(p)
	}
	// A path ends at a separator, at the end of the text, or before a
	// character other than a name's letters, digits, _ @ + ~ -: so
	// /work/classes is not /work/class, while /work/class. and
	// /work/class.bak both lose the grader's path.
	s.re = regexp.MustCompile(`(` + strings.Join(quoted, "|") + `)($|[^\w@+~-])`)
	return s
}

// String scrubs one text.
func (s *Scrubber) String(text string) string {
	if s == nil || s.re == nil || text == "" {
		return text
	}
	return s.re.ReplaceAllStringFunc(text, func(m string) string {
		sub := s.re.FindStringSubmatch(m)
		return s.as[sub[1]] + sub[2]
	})
}

func (s *Scrubber) strings(list []string) []string {
	if list == nil {
		return nil
	}
	out := make([]string, len(list))
	for i, l := range list {
		out[i] = s.String(l)
	}
	return out
}

// Scrub rewrites every text of a submission's result that an output shows.
// Lab results may share their slices with other submissions' (a result is
// computed once per distinct set of files), so every slice is copied.
func (sub *Submission) Scrub(s *Scrubber) {
	if s == nil {
		return
	}
	sub.Error = s.String(sub.Error)
	sub.Source = s.String(sub.Source)
	sub.Notes = s.strings(sub.Notes)
	labs := make([]LabResult, len(sub.Labs))
	for i, r := range sub.Labs {
		r.Message = s.String(r.Message)
		r.Details = s.strings(r.Details)
		r.Build = s.String(r.Build)
		r.Output = s.String(r.Output)
		if r.Runs != nil {
			runs := make([]Run, len(r.Runs))
			for j, run := range r.Runs {
				run.Race = s.String(run.Race)
				runs[j] = run
			}
			r.Runs = runs
		}
		labs[i] = r
	}
	if sub.Labs != nil {
		sub.Labs = labs
	}
}
