package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/internal/progress"
	"github.com/racelab/racelab/checker/internal/termtext"
	"github.com/racelab/racelab/checker/lab"
)

// cmdProgress prints the course map with the student's status on each lab
// and what to do next, fitted to the terminal's width.
func cmdProgress(_ context.Context, e *env, args []string) error {
	u := e.ui()
	fs := flag.NewFlagSet("progress", flag.ContinueOnError)
	if err := u.parse(fs, args, "go tool checker progress"); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return u.fail(i18n.ErrNoArgs, u.cmd("progress", 0))
	}
	root, err := e.needRoot()
	if err != nil {
		return err
	}
	all, _ := lab.Discover(root)
	s, err := store(root, all).Load()
	if err != nil {
		return u.progressErr(err)
	}
	u.notes(s)
	fmt.Fprintln(e.stdout, u.bold(u.t(i18n.ProgressTitle)))
	fmt.Fprintln(e.stdout, courseBar(u, all, s, u.width))
	fmt.Fprintln(e.stdout)
	for _, line := range progressTable(u, all, s, u.width) {
		fmt.Fprintln(e.stdout, line)
	}
	fmt.Fprintln(e.stdout)
	passed, points, total := tally(all, s)
	u.say(i18n.ProgressCount, passed, len(all), points, total)
	if next := firstUnfinished(all, s); next != nil {
		u.say(i18n.ProgressNext, u.cmd("lab", next.Number), next.Title.In(string(u.lang)))
	} else {
		u.say(i18n.ProgressDone)
	}
	return nil
}

// tally counts the labs passed and their points, of total points.
func tally(all []*lab.Lab, s *progress.State) (passed, points, total int) {
	for _, l := range all {
		total += l.Points
		if s.StatusOf(l.Slug) == progress.Passed {
			passed++
			points += l.Points
		}
	}
	return passed, points, total
}

func firstUnfinished(all []*lab.Lab, s *progress.State) *lab.Lab {
	for _, l := range all {
		if s.StatusOf(l.Slug) != progress.Passed {
			return l
		}
	}
	return nil
}

// courseBar is the course as a bar with its counts, width columns wide (80
// when width is 0).
func courseBar(u ui, all []*lab.Lab, s *progress.State, width int) string {
	if width <= 0 {
		width = 80
	}
	passed, points, total := tally(all, s)
	counts := " " + u.t(i18n.WatchCourse, passed, len(all), points, total)
	room := width - termtext.Len(counts)
	if room < 12 {
		return termtext.Truncate(strings.TrimSpace(counts), width)
	}
	return u.green(termtext.Bar(passed, len(all), min(room, 42))) + counts
}

// status is a lab's status in words (and colour).
func status(u ui, l *lab.Lab, s *progress.State) string {
	switch s.StatusOf(l.Slug) {
	case progress.Passed:
		if st := s.Labs[l.Slug].Stability; st != nil && st.Failures > 0 {
			return u.yellow(u.t(i18n.ProgressUnstable, st.Failures, st.Runs))
		}
		return u.green(u.t(i18n.ProgressPassed))
	case progress.Failing:
		return u.red(u.t(i18n.ProgressFailing))
	}
	return u.t(i18n.ProgressNotYet)
}

// progressTable lays the labs out in columns that fit width (unlimited when
// 0): the status always in full, the concepts only while there is room,
// the title shortened last.
func progressTable(u ui, all []*lab.Lab, s *progress.State, width int) []string {
	const gap = 2
	head := []string{u.t(i18n.ProgressLab), u.t(i18n.ProgressColTitle), u.t(i18n.ProgressConcepts), u.t(i18n.ProgressStatus)}
	rows := [][]string{head}
	for _, l := range all {
		rows = append(rows, []string{fmt.Sprintf("%02d", l.Number), l.Title.In(string(u.lang)), strings.Join(l.Concepts, ", "), status(u, l, s)})
	}
	widths := make([]int, len(head))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], termtext.Len(c))
		}
	}
	cols := []int{0, 1, 2, 3}
	sum := func() int {
		n := 0
		for _, c := range cols {
			n += widths[c]
		}
		return n + gap*(len(cols)-1)
	}
	if width > 0 && sum() > width {
		// The concepts first get what is left after the rest, and go
		// when that is too little to read.
		rest := sum() - widths[2]
		if width-rest >= 16 {
			widths[2] = width - rest
		} else {
			cols = []int{0, 1, 3}
		}
	}
	if width > 0 && sum() > width {
		widths[1] = max(width-(sum()-widths[1]), 8)
	}
	var out []string
	for ri, r := range rows {
		var b strings.Builder
		for i, c := range cols {
			cell := termtext.Truncate(r[c], widths[c])
			if ri == 0 {
				cell = u.bold(cell)
			}
			if i < len(cols)-1 {
				cell = termtext.Pad(cell, widths[c]+gap)
			}
			b.WriteString(cell)
		}
		out = append(out, strings.TrimRight(b.String(), " "))
	}
	return out
}
