package gradebook

import (
	"path/filepath"
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
	r *strings.Replacer
}

// Path is one path of the grader's and what to write instead.
type Path struct {
	Path, As string
}

// NewScrubber replaces each path (absolute, and as given when relative) by
// its placeholder; the longest paths first, so that a folder inside
// another gets its own name.
func NewScrubber(paths ...Path) *Scrubber {
	var pairs []Path
	seen := map[string]bool{}
	add := func(p, as string) {
		p = strings.TrimSuffix(p, string(filepath.Separator))
		if len(p) < 2 || seen[p] || p == "." || p == ".." {
			return
		}
		seen[p] = true
		pairs = append(pairs, Path{p, as})
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
	sort.SliceStable(pairs, func(i, j int) bool { return len(pairs[i].Path) > len(pairs[j].Path) })
	var args []string
	for _, p := range pairs {
		// A path followed by a separator is a path inside it; a path alone
		// (at the end of a message, before a colon or a quote) is itself.
		args = append(args, p.Path+string(filepath.Separator), p.As+"/", p.Path, p.As)
	}
	return &Scrubber{strings.NewReplacer(args...)}
}

// String scrubs one text.
func (s *Scrubber) String(text string) string {
	if s == nil || s.r == nil || text == "" {
		return text
	}
	return s.r.Replace(text)
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
