package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/racelab/racelab/checker/internal/grade"
	"github.com/racelab/racelab/checker/internal/gradebook"
	"github.com/racelab/racelab/checker/internal/sandbox"
	"github.com/racelab/racelab/checker/lab"
)

func cmdGrade(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("grade", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	out := fs.String("o", "grades", "output folder: gradebook.csv, gradebook.json, junit.xml, summary.md, report.html, and per submission NAME/ with a file per platform (docs/grading.md)")
	runs := fs.Int("runs", 3, "runs of each lab per submission; a race in any run fails the lab")
	fs.IntVar(runs, "k", 3, "same as -runs")
	jobs := fs.Int("j", runtime.NumCPU(), "builds at once (runs, which mostly wait, get twice as many slots)")
	mode := fs.String("sandbox", "bwrap", "bwrap: run student code inside bubblewrap; none: run it unsandboxed (unsafe)")
	limits := sandbox.DefaultLimits()
	fs.DurationVar(&limits.Run, "timeout", limits.Run, "wall-clock limit of one run of a student's program (its own watchdog stops a deadlock within seconds)")
	resume := fs.Bool("resume", false, "keep the results already in the output folder and grade only the rest")
	shardFlag := fs.String("shard", "", "grade only shard I of N (I/N, 1-based), for CI matrices; combine with `checker merge`")
	// NAME/classroom.json is always written now; the flag stays so that
	// scripts that pass it keep working.
	fs.Bool("classroom", false, "no effect: NAME/classroom.json (GitHub Classroom's reporter) is always written")
	classroom50 := fs.Bool("classroom50", false, "also write NAME/classroom50.json, Classroom 50's result.json, with the identity its runner sets (CLASSROOM, ASSIGNMENT, SUBMISSION_TAG, COMMIT_URL, RELEASE_URL, ...)")
	worktree := fs.Bool("worktree", false, "grade git repositories' working files instead of their HEAD commit")
	labsFlag := fs.String("labs", "", "grade only these labs (comma-separated numbers or names)")
	progress := fs.String("progress", "auto", "auto, bar or plain: a progress bar on a terminal, one line per submission otherwise")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, `usage: go run ./checker grade [flags] PATH...

Grades submissions: each PATH is a student's copy of the repository (a folder,
a .zip, a .tar.gz or .tgz, or a git repository, graded at HEAD) or a folder of
them. Only each lab's editable files are taken from a submission. `+"`checker grade .`"+`
checks your own checkout the way the grader will.`)
		fs.PrintDefaults()
	}
	paths, err := parseInterleaved(fs, args)
	if err != nil {
		return usageError{err.Error()}
	}
	if len(paths) == 0 {
		return usageError{"name the submissions to grade, e.g. `checker grade submissions/` (or `checker grade .` for your own checkout)"}
	}
	if *runs < 1 {
		return usageError{"-runs must be at least 1"}
	}
	var shard grade.Shard
	if *shardFlag != "" {
		if shard, err = grade.ParseShard(*shardFlag); err != nil {
			return usageError{err.Error()}
		}
	}
	var c50 *gradebook.Classroom50Context
	if *classroom50 {
		c, err := gradebook.Classroom50FromEnv(e.getenv, time.Now())
		if err != nil {
			return usageError{err.Error()}
		}
		c50 = &c
	}
	root, err := e.needRoot()
	if err != nil {
		return err
	}
	labs, err := gradedLabs(e, root, *labsFlag)
	if err != nil {
		return err
	}

	// Runs spend most of their time waiting on the lab's own timers, so
	// they get more slots than the CPU-bound builds.
	concurrency := 2 * max(*jobs, 1)
	var sb *sandbox.Sandbox
	unsafe := false
	switch *mode {
	case "bwrap":
		sb, err = sandbox.New(ctx, limits, concurrency)
	case "none":
		unsafe = true
		sb, err = sandbox.Unsandboxed(limits, concurrency)
	default:
		return usageError{fmt.Sprintf("--sandbox=%s: want bwrap or none", *mode)}
	}
	if err != nil {
		return err
	}
	if unsafe {
		fmt.Fprintln(e.stderr, unsandboxedWarning)
	}

	// Feedback is written in the course language the grader runs in
	// (L=id for Bahasa Indonesia), like the student commands.
	lang := e.ui().lang
	p := newProgress(e.stderr, *progress, unsafe)
	book, err := grade.Grade(ctx, grade.Options{
		Root: root, Labs: labs, Runs: *runs, Jobs: *jobs, Sandbox: sb, Out: *out,
		Resume: *resume, Shard: shard, Classroom50: c50, Worktree: *worktree,
		Lang: lang, Progress: p.update,
	}, paths)
	p.finish()
	if err != nil {
		return err
	}
	printGraded(e.stdout, book, *out)
	if unsafe {
		fmt.Fprintln(e.stderr, unsandboxedWarning)
	}
	return nil
}

const unsandboxedWarning = "checker grade: WARNING: --sandbox=none: student code runs unsandboxed, with your rights (files, network, processes). Use it only for code you trust."

// gradedLabs are the labs named by sel, or all. A lab with invalid
// metadata is still graded (the problem is the instructor's, and verify
// reports it), with a warning.
func gradedLabs(e *env, root, sel string) ([]*lab.Lab, error) {
	all, err := lab.Discover(root)
	if err != nil {
		fmt.Fprintf(e.stderr, "checker grade: warning: %v\n", err)
	}
	if len(all) == 0 {
		return nil, fmt.Errorf("no labs found under %s", filepath.Join(root, "labs"))
	}
	if sel == "" {
		return all, nil
	}
	var out []*lab.Lab
	for _, s := range strings.Split(sel, ",") {
		l, err := lab.Find(all, strings.TrimSpace(s))
		if err != nil {
			return nil, usageError{err.Error()}
		}
		out = append(out, l)
	}
	return out, nil
}

// gradeProgress shows how the grading goes: a bar redrawn in place on a
// terminal, a line per submission otherwise (CI logs, files).
type gradeProgress struct {
	w      io.Writer
	bar    bool
	unsafe bool
	mu     sync.Mutex
	errors int
	fresh  int // submissions graded by this run (not resumed), for the ETA
	start  time.Time
	drawn  bool
}

func newProgress(w io.Writer, mode string, unsafe bool) *gradeProgress {
	bar := mode == "bar"
	if mode == "auto" {
		bar = isTerminal(w) && os.Getenv("TERM") != "dumb"
	}
	return &gradeProgress{w: w, bar: bar, unsafe: unsafe, start: time.Now()}
}

func (p *gradeProgress) update(u grade.Progress) {
	p.mu.Lock()
	defer p.mu.Unlock()
	s := u.Submission
	if s.Status == gradebook.Error {
		p.errors++
	}
	if !u.Resumed {
		p.fresh++
	}
	result := fmt.Sprintf("%d/%d (%.1f%%)", s.Score, s.Max, s.Percent)
	if s.Status == gradebook.Error {
		result = "error: " + s.Error
	}
	if u.Resumed {
		result += " (from the earlier run)"
	}
	note := ""
	if p.unsafe {
		note = " [UNSANDBOXED]"
	}
	if !p.bar {
		fmt.Fprintf(p.w, "grade: [%d/%d] %s: %s%s\n", u.Done, u.Total, s.Name, result, note)
		return
	}
	const width = 30
	filled := width * u.Done / max(u.Total, 1)
	eta := "-"
	if p.fresh > 0 && u.Done < u.Total {
		per := time.Since(p.start) / time.Duration(p.fresh)
		eta = (per * time.Duration(u.Total-u.Done)).Round(time.Second).String()
	}
	fmt.Fprintf(p.w, "\r\033[K[%s%s] %d/%d · %d errors · ETA %s · %s: %s%s",
		strings.Repeat("█", filled), strings.Repeat("░", width-filled), u.Done, u.Total, p.errors, eta, s.Name, result, note)
	p.drawn = true
}

func (p *gradeProgress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprintln(p.w)
	}
}

// printGraded tells the instructor where the results are; for a single
// submission (a student's self-check) it also lists each lab's verdict.
func printGraded(w io.Writer, book *gradebook.Gradebook, out string) {
	graded, errs := 0, 0
	for _, s := range book.Submissions {
		if s.Status == gradebook.Graded {
			graded++
		} else {
			errs++
		}
	}
	if len(book.Submissions) == 1 {
		s := book.Submissions[0]
		if s.Status == gradebook.Error {
			fmt.Fprintf(w, "%s could not be graded: %s\n", s.Name, s.Error)
		} else {
			tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
			for _, r := range s.Labs {
				verdict := "✓ pass"
				if r.Status != gradebook.Pass {
					verdict = "✗ " + r.Reason
				}
				fmt.Fprintf(tw, "%s\t%s\t%d/%d\t%s\n", r.Lab, verdict, r.Points, r.Max, r.Message)
			}
			tw.Flush()
			for _, n := range s.Notes {
				fmt.Fprintf(w, "note: %s\n", n)
			}
			for _, f := range s.Protected {
				fmt.Fprintf(w, "note: %s differs from the instructor's copy; the grader always uses the instructor's\n", f)
			}
			fmt.Fprintf(w, "%s: %d/%d (%.1f%%)\n", s.Name, s.Score, s.Max, s.Percent)
		}
	}
	fmt.Fprintf(w, "graded %d submissions (%d could not be graded) in %v; wrote %s\n",
		graded, errs, (time.Duration(book.ElapsedMS) * time.Millisecond).Round(time.Second),
		strings.Join([]string{filepath.Join(out, gradebook.CSVFile), filepath.Join(out, gradebook.HTMLFile), filepath.Join(out, gradebook.SummaryFile)}, ", "))
}
