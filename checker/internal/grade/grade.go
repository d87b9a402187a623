// Package grade grades a class: of every submission, each lab's editable
// files and only those are checked statically (a refused file is never
// built), laid over the instructor's tree to build the lab's program
// (outside the sandbox, under limits), and judged K times by the lab's
// judge, built once for the class from the instructor's tree and run
// outside the sandbox, which starts the program inside it for every script
// command. A lab passes only when the judge's verdict says every script
// passed, in every run.
//
// Work is shared and bounded: identical editable files (by content hash)
// are built and run once for the whole class; builds are bounded by Jobs,
// runs by the sandbox's concurrency. Each submission's result is written to
// disk (atomically) as soon as it is done, so an interrupted grading loses
// nothing finished and Resume picks up where it stopped.
package grade

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/racelab/racelab/checker/internal/explain"
	"github.com/racelab/racelab/checker/internal/gradebook"
	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/internal/run"
	"github.com/racelab/racelab/checker/internal/sandbox"
	"github.com/racelab/racelab/checker/internal/submission"
	"github.com/racelab/racelab/checker/internal/submission/archive"
	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/labvet"
	"github.com/racelab/racelab/checker/protocol"
)

// Options configure a grading.
type Options struct {
	Root     string     // the instructor's racelab tree
	Labs     []*lab.Lab // the labs to grade, in order
	Runs     int        // runs of each lab; a failure in any fails the lab
	Jobs     int        // builds at once (each is CPU-bound)
	Sandbox  *sandbox.Sandbox
	Out      string // output folder
	Resume   bool   // keep the results of submissions already graded into Out
	Shard    Shard
	Worktree bool // grade git repositories' working files, not HEAD
	// Classroom50 is the submission's identity in Classroom 50 (from its
	// runner's environment); nil writes no Classroom 50 result.
	Classroom50 *gradebook.Classroom50Context
	Limits      archive.Limits
	// Lang is the language of the feedback (English when empty).
	Lang i18n.Lang
	// Progress, if set, is called as each submission is done.
	Progress func(Progress)
}

// Shard selects every N-th submission, starting at the I-th (1-based).
type Shard struct{ I, N int }

// String is "I/N", or "" for the whole class.
func (s Shard) String() string {
	if s.N <= 1 {
		return ""
	}
	return fmt.Sprintf("%d/%d", s.I, s.N)
}

// ParseShard parses "I/N" with 1 <= I <= N.
func ParseShard(v string) (Shard, error) {
	i, n, ok := strings.Cut(v, "/")
	si, err1 := strconv.Atoi(i)
	sn, err2 := strconv.Atoi(n)
	if !ok || err1 != nil || err2 != nil || sn < 1 || si < 1 || si > sn {
		return Shard{}, fmt.Errorf("--shard %q: want I/N with 1 <= I <= N, e.g. 2/4", v)
	}
	return Shard{si, sn}, nil
}

// Progress reports one finished submission.
type Progress struct {
	Done, Total int
	Submission  *gradebook.Submission
	Resumed     bool // taken from a previous run's output
	Elapsed     time.Duration
}

// WorkDir is the work folder's name inside the output folder.
const WorkDir = ".racelab-work"

// Grade grades the submissions found at paths and writes every output into
// opts.Out. An error means the grading as a whole could not go on (the
// instructor's tree is broken, the output folder is not writable, the run
// was interrupted); a bad submission is only a row.
func Grade(ctx context.Context, opts Options, paths []string) (*gradebook.Gradebook, error) {
	start := time.Now()
	if opts.Runs < 1 {
		return nil, fmt.Errorf("grade: runs must be at least 1, got %d", opts.Runs)
	}
	if opts.Jobs < 1 {
		opts.Jobs = runtime.NumCPU()
	}
	if opts.Shard.N < 1 {
		opts.Shard = Shard{1, 1}
	}
	if opts.Limits == (archive.Limits{}) {
		opts.Limits = archive.DefaultLimits()
	}
	if opts.Sandbox == nil {
		return nil, errors.New("grade: no sandbox given (use sandbox.Unsandboxed for --sandbox=none)")
	}
	// The judges run with their lab's folder as working directory, so
	// every path handed to them (the judge, the program) must be absolute:
	// a relative -o (make grade-example's grades/example) made each judge
	// "no such file or directory".
	out, err := filepath.Abs(opts.Out)
	if err != nil {
		return nil, fmt.Errorf("the output folder: %w", err)
	}
	opts.Out = out
	if err := os.MkdirAll(opts.Out, 0o755); err != nil {
		return nil, fmt.Errorf("creating the output folder: %w", err)
	}
	// The work folder (judges, programs, copies of student files) lives
	// in the output folder, not the system's temporary one: a grader killed
	// with kill -9 leaves it where the next run (or --resume) clears it.
	// Nothing in it needs to be readable by the sandbox's user: a program
	// reaches the sandbox through an open file.
	work := filepath.Join(opts.Out, WorkDir)
	if err := os.RemoveAll(work); err != nil {
		return nil, fmt.Errorf("clearing the work folder a previous grading left: %w", err)
	}
	if err := os.MkdirAll(filepath.Join(work, "bin"), 0o700); err != nil {
		return nil, fmt.Errorf("creating the work folder: %w", err)
	}
	defer os.RemoveAll(work)
	c, err := loadCourse(opts.Root, opts.Labs, work)
	if err != nil {
		return nil, err
	}
	g := &grader{opts: opts, course: c, work: work, builds: make(chan struct{}, opts.Jobs),
		runs: make(chan struct{}, opts.Sandbox.Slots()), cache: map[string]*entry{}}
	// Every path of the grader's that a message could carry: the outputs
	// name the submission's files relative to it, and nothing else.
	g.paths = []gradebook.Path{{Path: opts.Out, As: "<output>"}, {Path: opts.Root, As: "<course>"}}
	for _, p := range paths {
		g.paths = append(g.paths, gradebook.Path{Path: p, As: "<submissions>"})
	}
	if home, err := os.UserHomeDir(); err == nil {
		g.paths = append(g.paths, gradebook.Path{Path: home, As: "~"})
	}

	// The output folder may sit inside the class folder (-o class/grades):
	// it is not a submission.
	outAbs, _ := filepath.Abs(opts.Out)
	var all, subs []submission.Submission
	for _, s := range submission.Expand(paths) {
		if p, err := filepath.Abs(s.Path); err != nil || p != outAbs {
			all = append(all, s)
		}
	}
	for i, s := range all {
		if i%opts.Shard.N == opts.Shard.I-1 {
			subs = append(subs, s)
		}
	}
	book := &gradebook.Gradebook{
		Version: gradebook.Version, Runs: opts.Runs, Sandbox: "bubblewrap", Shard: opts.Shard.String(),
		Labs: c.gradebookLabs(), Submissions: make([]gradebook.Submission, len(subs)),
	}
	if !opts.Sandbox.Enabled() {
		book.Sandbox = "none"
	}

	// Many submissions are in flight, each with all its labs in parallel,
	// because most of them only wait for a build another one started (the
	// same files): a small window would leave cores idle. Builds are handed
	// out first come, first served (a channel's waiting senders are served
	// in order), so submissions still finish, and are saved, one after
	// another rather than all at the end. A submission holds only its
	// editable files while it waits.
	inFlight := make(chan struct{}, max(16, 8*opts.Jobs))
	var mu sync.Mutex
	var writeErr error
	done := 0
	var wg sync.WaitGroup
	for i, s := range subs {
		wg.Go(func() {
			select {
			case inFlight <- struct{}{}:
			case <-ctx.Done():
				return
			}
			defer func() { <-inFlight }()
			res, resumed := g.submission(ctx, s)
			if ctx.Err() != nil {
				return // interrupted: this one is not finished, so not saved
			}
			book.Submissions[i] = *res
			var werr error
			if !resumed {
				werr = gradebook.WriteSubmission(opts.Out, res, book.Labs, gradebook.SubmissionOptions{TestCode: g.testCode(), Classroom50: opts.Classroom50})
			}
			mu.Lock()
			defer mu.Unlock()
			if werr != nil && writeErr == nil {
				writeErr = werr
			}
			done++
			if opts.Progress != nil {
				opts.Progress(Progress{Done: done, Total: len(subs), Submission: res, Resumed: resumed, Elapsed: time.Since(start)})
			}
		})
	}
	wg.Wait()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if writeErr != nil {
		return nil, writeErr
	}
	book.ElapsedMS = time.Since(start).Milliseconds()
	if err := gradebook.WriteAll(opts.Out, book); err != nil {
		return nil, err
	}
	return book, nil
}

type grader struct {
	opts   Options
	course *course
	work   string
	builds chan struct{} // bounds builds and static checks
	// runs bounds judge runs to the sandbox's slots, so that a run holds
	// its slot before the meter counts it: waiting is not testing.
	runs  chan struct{}
	meter gradebook.Meter
	paths []gradebook.Path // the grader's own, scrubbed from every output

	mu    sync.Mutex
	cache map[string]*entry // by hash of a lab's editable files
}

// entry is the result for one content hash, computed once.
type entry struct {
	done chan struct{}
	res  gradebook.LabResult
}

func (g *grader) testCode() map[string]string {
	m := map[string]string{}
	for _, l := range g.course.labs {
		m[l.Name()] = l.testCode
	}
	return m
}

// submission grades one submission, or takes its earlier result when
// resuming.
func (g *grader) submission(ctx context.Context, s submission.Submission) (*gradebook.Submission, bool) {
	if g.opts.Resume {
		if prev, err := gradebook.ReadSubmission(g.opts.Out, s.Name); err == nil && g.reusable(prev) {
			return prev, true
		}
	}
	start := time.Now()
	res := &gradebook.Submission{Name: s.Name, Status: gradebook.Graded, StartedMS: start.UnixMilli()}
	scrub := gradebook.NewScrubber(append([]gradebook.Path{{Path: s.Path, As: gradebook.SolutionDir}}, g.paths...)...)
	defer func() {
		res.ElapsedMS = time.Since(start).Milliseconds()
		res.Scrub(scrub)
	}()
	snap, err := submission.Load(ctx, s, submission.Options{
		Want: g.course.want, Editable: func(rel string) bool { return g.course.editable[rel] },
		Limits: g.opts.Limits, Worktree: g.opts.Worktree,
	})
	if err != nil {
		res.Status, res.Error = gradebook.Error, err.Error()
		res.Max = sumPoints(g.course)
		return res, false
	}
	res.Source = snap.Source
	res.Notes = snap.Notes
	res.Protected, res.Ignored = g.course.tampering(snap.Files, snap.Oversized, snap.Names)
	for rel := range snap.Files {
		if !g.course.editable[rel] {
			delete(snap.Files, rel) // compared already; only editable files are graded
		}
	}
	snap.Names = nil
	const maxListed = 30
	if n := len(res.Ignored); n > maxListed {
		res.Ignored = append(res.Ignored[:maxListed], fmt.Sprintf("… and %d more", n-maxListed))
	}
	res.Labs = make([]gradebook.LabResult, len(g.course.labs))
	var wg sync.WaitGroup
	for i, l := range g.course.labs {
		files, state, notes := g.editableFiles(l, snap)
		res.Notes = append(res.Notes, notes...)
		if big := g.oversized(l, snap); big != nil {
			// One file too big to read refuses its lab, not the
			// student's other work.
			r := *big
			r.Files = state
			res.Labs[i] = r
			continue
		}
		wg.Go(func() {
			r := g.lab(ctx, l, files)
			r.Files = state
			res.Labs[i] = r
		})
	}
	wg.Wait()
	res.Total(g.course.gradebookLabs())
	return res, false
}

// oversized refuses lab l when the submission's editable file is too big
// to read, or returns nil.
func (g *grader) oversized(l *courseLab, snap *submission.Snapshot) *gradebook.LabResult {
	for _, f := range l.Editable {
		if size, ok := snap.Oversized[l.Rel(f)]; ok {
			return &gradebook.LabResult{
				Lab: l.Name(), Status: gradebook.Fail, Max: l.Points, Reason: string(protocol.Refused),
				Message: g.opts.Lang.T(i18n.GradeTooBig, l.Path(f), size, g.opts.Limits.FileBytes),
			}
		}
	}
	return nil
}

func sumPoints(c *course) int {
	n := 0
	for _, l := range c.labs {
		n += l.Points
	}
	return n
}

// reusable reports whether an earlier result can stand: it graded the labs
// graded now (a course that has changed must be graded again) and nothing
// in it went wrong on the grader's side (an unreadable archive may have been
// replaced, a sandbox that failed to start may work now).
func (g *grader) reusable(s *gradebook.Submission) bool {
	if s.Status != gradebook.Graded || len(s.Labs) != len(g.course.labs) {
		return false
	}
	for i, l := range g.course.labs {
		if s.Labs[i].Lab != l.Name() || s.Labs[i].Status == gradebook.Error {
			return false
		}
	}
	return true
}

// editableFiles picks a lab's editable files from a submission: the
// student's version where there is one, the shipped one otherwise (a
// submission may hold only the files the student edited).
func (g *grader) editableFiles(l *courseLab, snap *submission.Snapshot) (files map[string][]byte, state string, notes []string) {
	files = map[string][]byte{}
	edited, missing := false, false
	for _, f := range l.Editable {
		rel := l.Rel(f)
		if target, ok := snap.Links[rel]; ok {
			notes = append(notes, g.opts.Lang.T(i18n.GradeSymlink, rel, target))
		}
		data, ok := snap.Files[rel]
		switch {
		case !ok:
			missing = true
			data = l.shipped[f]
		case string(data) != string(l.shipped[f]):
			edited = true
		}
		files[f] = data
	}
	switch {
	case edited:
		state = "edited"
	case missing:
		state = "missing"
	default:
		state = "shipped"
	}
	return files, state, notes
}

// hash identifies a lab's editable files: equal hashes build the same test
// binary, so they are built and run once.
func hash(l *courseLab, files map[string][]byte) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00", l.Name())
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(h, "%s\x00%d\x00", n, len(files[n]))
		h.Write(files[n])
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// lab returns the result for a lab's files, computing it only the first
// time these exact files are seen.
func (g *grader) lab(ctx context.Context, l *courseLab, files map[string][]byte) gradebook.LabResult {
	key := hash(l, files)
	g.mu.Lock()
	e, ok := g.cache[key]
	if !ok {
		e = &entry{done: make(chan struct{})}
		g.cache[key] = e
	}
	g.mu.Unlock()
	if !ok {
		e.res = g.evaluate(ctx, l, files, key)
		close(e.done)
	}
	mine := !ok
	select {
	case <-e.done:
	case <-ctx.Done():
		return gradebook.LabResult{Lab: l.Name(), Status: gradebook.Error, Max: l.Points, Message: "interrupted"}
	}
	r := e.res
	r.Details = append([]string(nil), r.Details...)
	if !mine {
		r.TimeMS = 0 // its runs count once, in the submission that made them
	}
	return r
}

// seed is the RACELAB_SEED of a run: derived from the files and the run's
// index, so a run can be replayed, and any change to a file (such as
// hard-coding an answer) changes the inputs.
func seed(key string, i int) string {
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s/%d", key, i)))
	return strconv.FormatUint(binary.BigEndian.Uint64(sum[:8])%1_000_000_000, 10)
}

// evaluate checks, builds and judges one lab's files.
func (g *grader) evaluate(ctx context.Context, l *courseLab, files map[string][]byte, key string) gradebook.LabResult {
	res := gradebook.LabResult{Lab: l.Name(), Status: gradebook.Fail, Max: l.Points, Hash: key}
	var refused []string
	for _, f := range l.Editable {
		refused = append(refused, scan(l.Path(f), files[f])...)
	}
	if len(refused) > 0 {
		res.Reason, res.Message, res.Details = string(protocol.Refused), g.explain(protocol.Refused), refused
		return res
	}
	if err := g.prepare(ctx, l); err != nil {
		return g.errored(res, err)
	}
	// The static checks come first: a file they refuse is never built.
	report, err := g.static(ctx, l, files)
	unread := errors.Is(err, labvet.ErrCompile) // the build says what is wrong
	if err != nil && !unread {
		return g.errored(res, fmt.Errorf("static checks: %w", err))
	}
	if report.Refused() {
		res.Reason, res.Message = string(protocol.Refused), g.explain(protocol.Refused)
		res.Details = g.feedback(l, &protocol.Verdict{Static: report.Findings}, files)
		return res
	}
	// One binary, or for a testing lab a folder of them (lab.Builds):
	// either way gone once judged, not at the end of the class.
	bin := l.ProgramPath(filepath.Join(g.work, "bin", key))
	defer os.RemoveAll(bin)
	build, err := g.build(ctx, l, files, bin)
	if err != nil {
		return g.errored(res, err)
	}
	if !build.Passed() {
		res.Reason, res.Message = string(protocol.Build), g.explain(protocol.Build)
		res.Build = cut(build.Output, 4000)
		res.Details = g.feedback(l, &protocol.Verdict{Build: build.Output}, files)
		return res
	}
	if unread {
		// Code the compiler accepts and the checks could not read: never
		// a pass without them.
		return g.errored(res, fmt.Errorf("static checks could not read files that compile: %w", err))
	}
	runs := make([]gradebook.Run, g.opts.Runs)
	outputs := make([]run.Result, g.opts.Runs)
	shares := make([]time.Duration, g.opts.Runs)
	var wg sync.WaitGroup
	var runErr error
	var mu sync.Mutex
	for i := range runs {
		wg.Go(func() {
			r, out, share, err := g.run(ctx, l, bin, seed(key, i))
			mu.Lock()
			defer mu.Unlock()
			if err != nil && runErr == nil {
				runErr = err
			}
			runs[i], outputs[i], shares[i] = r, out, share
		})
	}
	wg.Wait()
	if runErr != nil {
		return g.errored(res, runErr)
	}
	res.Runs = runs
	for _, share := range shares {
		res.TimeMS += share.Milliseconds()
	}
	g.verdict(&res, l, report, files, outputs)
	if res.Status != gradebook.Pass {
		res.Diagram = g.diagram(l, files, runs, outputs)
	}
	return res
}

func (g *grader) errored(res gradebook.LabResult, err error) gradebook.LabResult {
	res.Status, res.Reason, res.Message = gradebook.Error, "error", g.opts.Lang.T(i18n.GradeCannot, err.Error())
	res.Points = 0
	return res
}

// prepare builds the lab's judge, once for the class, within a build slot.
func (g *grader) prepare(ctx context.Context, l *courseLab) error {
	select {
	case g.builds <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-g.builds }()
	if err := l.prepare(ctx, g.course.root); err != nil {
		return err
	}
	g.course.warm(ctx, l)
	return nil
}

// static runs the static checks on the lab's files, outside the sandbox
// (they only read source), within a build slot.
func (g *grader) static(ctx context.Context, l *courseLab, files map[string][]byte) (labvet.Report, error) {
	select {
	case g.builds <- struct{}{}:
	case <-ctx.Done():
		return labvet.Report{}, ctx.Err()
	}
	defer func() { <-g.builds }()
	return l.static(files)
}

// build compiles the lab's program from the instructor's tree with the
// student's files laid over it (go build -overlay: nothing else of the
// submission is read), outside the sandbox and within the compile limits.
// The limits' clock starts once the build has its slot, so waiting for
// other builds never counts against it; a compile a limit stopped is tried
// once more (on a loaded machine it may be the grader's fault), and one
// stopped twice is an error, never the student's build failure.
func (g *grader) build(ctx context.Context, l *courseLab, files map[string][]byte, bin string) (run.Result, error) {
	select {
	case g.builds <- struct{}{}:
	case <-ctx.Done():
		return run.Result{}, ctx.Err()
	}
	defer func() { <-g.builds }()
	src, err := os.MkdirTemp(g.work, "src-")
	if err != nil {
		return run.Result{}, err
	}
	defer os.RemoveAll(src)
	overlay, err := lab.WriteOverlay(src, l.ProgramDir(), files)
	if err != nil {
		return run.Result{}, err
	}
	var res run.Result
	for attempt := 0; attempt < 2; attempt++ {
		res, err = g.opts.Sandbox.Compile(ctx, g.course.root, l.Lab, bin, overlay)
		var fault *run.ErrCompileFault
		if !errors.As(err, &fault) {
			break
		}
	}
	if err != nil {
		return res, err
	}
	// The compiler names an overlaid file by its replacement's path,
	// absolute or relative to the tree (whichever is shorter): say the
	// student's file instead.
	if rel, err := filepath.Rel(g.course.root, src); err == nil {
		res.Output = strings.ReplaceAll(res.Output, rel+string(filepath.Separator), l.Rel(""))
	}
	res.Output = strings.ReplaceAll(res.Output, src+string(filepath.Separator), l.Rel(""))
	res.Output = strings.ReplaceAll(res.Output, g.course.root+string(filepath.Separator), "")
	return res, nil
}

// run judges the program once: the lab's judge runs outside the sandbox
// and starts the program inside it. A judge that could not judge (a limit
// of the grader's hit on a loaded machine) is tried once more; a second
// failure is the grader's error, not a verdict.
//
// It also returns the run's share of the grader's clock (gradebook.Meter),
// counted once the run has its slot.
func (g *grader) run(ctx context.Context, l *courseLab, bin, seed string) (gradebook.Run, run.Result, time.Duration, error) {
	env := []string{protocol.EnvSeed + "=" + seed}
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		// What `make lab` passes on to a lab: the thread count and the
		// program's timeouts.
		if k == "GOMAXPROCS" || k == protocol.EnvWatchdog || k == protocol.EnvOverlapTimeout || k == protocol.EnvWindowWait {
			env = append(env, kv)
		}
	}
	select {
	case g.runs <- struct{}{}:
	case <-ctx.Done():
		return gradebook.Run{}, run.Result{}, 0, ctx.Err()
	}
	mark := g.meter.Start()
	var res run.Result
	var err error
	for attempt := 0; attempt < 2; attempt++ {
		res, err = g.opts.Sandbox.Judge(ctx, l.judge, l.Lab, bin, env)
		if err == nil || ctx.Err() != nil {
			break
		}
	}
	share := g.meter.Stop(mark)
	<-g.runs
	if err != nil {
		return gradebook.Run{}, res, share, err
	}
	r := gradebook.Run{Seed: seed, DurationMS: res.Duration.Milliseconds()}
	scripts := map[string]bool{}
	if res.Verdict != nil {
		for _, s := range res.Verdict.Scripts {
			scripts[s.Name] = s.Passed
		}
	}
	for _, s := range l.scripts {
		passed, ran := scripts[s.name]
		switch {
		case !ran:
			r.Missing = append(r.Missing, s.name)
		case !passed:
			r.Failed = append(r.Failed, s.name)
		}
	}
	for _, reason := range res.Reasons {
		r.Reasons = append(r.Reasons, string(reason))
	}
	switch {
	case res.Passed() && len(r.Failed)+len(r.Missing) == 0:
		r.Status = gradebook.Pass
	case len(r.Reasons) == 0:
		r.Reasons = []string{string(protocol.Fail)} // a script missing from a passing verdict
	}
	if r.Status == "" {
		r.Status = gradebook.Fail
	}
	r.Race = raceReport(res.Output)
	return r, res, share, nil
}

// precedence orders every reason a run can fail for, the most telling
// first (protocol.Order).
func precedence(reason string) int { return protocol.Rank(protocol.Reason(reason)) }

// verdict decides the lab from its runs, its static report and the kind
// of its fix, and explains it with the words make lab uses.
func (g *grader) verdict(res *gradebook.LabResult, l *courseLab, report labvet.Report, files map[string][]byte, outputs []run.Result) {
	failed := 0
	count := map[string]int{}
	worst := ""
	for _, r := range res.Runs {
		if r.Status == gradebook.Pass {
			continue
		}
		failed++
		primary := r.Reasons[0]
		for _, reason := range r.Reasons {
			if precedence(reason) < precedence(primary) {
				primary = reason
			}
		}
		count[primary]++
		if worst == "" || precedence(primary) < precedence(worst) {
			worst = primary
		}
	}
	// The run to explain: the first that failed, else the first.
	shown := 0
	for i, r := range res.Runs {
		if r.Status != gradebook.Pass {
			shown = i
			break
		}
	}
	v := &protocol.Verdict{}
	if outputs[shown].Verdict != nil {
		*v = *outputs[shown].Verdict
	}
	v.Static, v.Kinds = report.Findings, report.Kinds
	switch {
	case failed == 0 && len(report.Findings) == 0 && l.KindPasses(report.Kinds):
		res.Status, res.Points = gradebook.Pass, l.Points
		return
	case failed == 0 && len(report.Findings) == 0:
		// It works: not wrong, but not the lab's kind of fix.
		res.Reason, res.Points = string(protocol.OtherKind), l.PointsForOther()
		res.Message = g.explain(protocol.OtherKind)
		v.Reasons = []protocol.Reason{protocol.OtherKind}
	case failed == 0:
		res.Reason, res.Message = string(protocol.WrongFix), g.explain(protocol.WrongFix)
		v.Reasons = []protocol.Reason{protocol.WrongFix}
	case failed < len(res.Runs):
		// Passing sometimes is not passing: a race the detector catches in
		// one run of three is still there in the other two.
		res.Reason = "flaky"
		res.Message = g.opts.Lang.T(i18n.GradeFlaky, worst, count[worst], len(res.Runs)) + " " + g.explain(protocol.Reason(worst))
	default:
		res.Reason, res.Message = worst, g.explain(protocol.Reason(worst))
		if len(res.Runs) > 1 && count[worst] < len(res.Runs) {
			res.Message += g.opts.Lang.T(i18n.GradeInRuns, worst, count[worst], len(res.Runs))
		}
	}
	details := g.feedback(l, v, files)
	if failed > 0 {
		details = append(details, g.opts.Lang.T(i18n.GradeReplay, res.Runs[shown].Seed, l.Number))
	}
	if failed > 0 {
		res.Output = gradebook.StudentOutput(outputs[shown].Verdict)
	}
	res.Details = details
}

// feedback is the explanation make lab prints for v, without colour: the
// student reads the same words whoever ran the lab.
func (g *grader) feedback(l *courseLab, v *protocol.Verdict, files map[string][]byte) []string {
	problems := explain.Parse(explain.Input{Verdict: v, ProgramDir: l.ProgramDir(), Files: files, Editable: l.Editable, Fix: l.Fix, Concepts: l.Concepts})
	var b strings.Builder
	if err := explain.Render(&b, problems, g.opts.Lang, false, 0); err != nil || len(problems) == 0 {
		return nil
	}
	var out []string
	for _, line := range strings.Split(b.String(), "\n") {
		if line = strings.TrimRight(line, " "); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// raceReport is the first race report of a run's output.
func raceReport(output string) string {
	i := strings.Index(output, "WARNING: DATA RACE")
	if i < 0 {
		return ""
	}
	rest := output[i:]
	if j := strings.Index(rest, "=================="); j >= 0 {
		rest = rest[:j]
	}
	return cut(strings.TrimSpace(rest), 3000)
}

func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "\n[… cut]"
}

func (g *grader) explain(r protocol.Reason) string { return g.opts.Lang.T(i18n.ReasonKey(r)) }
