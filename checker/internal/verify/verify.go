// Package verify proves that labs are right: for every lab, the shipped
// program fails for the reason its lab.toml declares, every time; the
// reference solution passes, every time, with one and with two OS threads
// (and, when asked, with every core busy); and the usual cheats fail. A lab
// that is sometimes wrong silently ruins a class's grades, so any deviation
// in any run is a failure.
package verify

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/racelab/racelab/checker/internal/mutate"
	"github.com/racelab/racelab/checker/internal/run"
	"github.com/racelab/racelab/checker/internal/workspace"
	"github.com/racelab/racelab/checker/lab"
)

// Options configures a verification.
type Options struct {
	Root    string // the racelab repository
	Count   int    // runs of each variant under each GOMAXPROCS setting
	Jobs    int    // runs at once
	Hog     bool   // keep every core busy while the labs run
	Mutants bool   // also run the cheats (removed go, sleeps)
	// Progress, if set, is called once per finished run.
	Progress func(lab, check string)
}

// Check is one property of a lab and how the runs went.
type Check struct {
	Name   string             // "shipped", "solution", "no-go@20", ...
	Want   string             // what each run must give: a reason, "pass" or "fail"
	Runs   int                // runs made
	Got    map[run.Reason]int // runs by primary reason
	Sample string             // the output of one run that deviated
	Err    error              // the check could not be made
}

// OK reports whether every run gave what the check wants.
func (c *Check) OK() bool {
	if c.Err != nil || c.Runs == 0 {
		return false
	}
	switch c.Want {
	case "fail":
		return c.Got[run.Pass] == 0 && c.Got[run.Build] == 0
	default:
		return c.Got[run.Reason(c.Want)] == c.Runs
	}
}

// Summary says how the runs went, e.g. "race 20/20" or "pass 19/20, race 1".
func (c *Check) Summary() string {
	if c.Err != nil {
		return "error"
	}
	var parts []string
	if c.Want != "fail" {
		parts = append(parts, fmt.Sprintf("%s %d/%d", c.Want, c.Got[run.Reason(c.Want)], c.Runs))
	}
	var others []string
	for r, n := range c.Got {
		if string(r) != c.Want {
			others = append(others, fmt.Sprintf("%s %d", r, n))
		}
	}
	sort.Strings(others)
	if c.Want == "fail" {
		return fmt.Sprintf("rejected %d/%d (%s)", c.Runs-c.Got[run.Pass]-c.Got[run.Build], c.Runs, strings.Join(others, ", "))
	}
	return strings.Join(append(parts, others...), ", ")
}

// Result is the verification of one lab.
type Result struct {
	Lab      *lab.Lab
	Problems []string // metadata and structure problems
	Checks   []*Check
}

// OK reports whether the lab passed every check.
func (r *Result) OK() bool {
	if len(r.Problems) > 0 {
		return false
	}
	for _, c := range r.Checks {
		if !c.OK() {
			return false
		}
	}
	return true
}

// procs are the GOMAXPROCS settings every lab is run under: one thread,
// where goroutines only interleave, and two, where they run in parallel.
func procs() []string { return []string{"1", "2"} }

// Labs verifies the given labs.
func Labs(ctx context.Context, opts Options, labs []*lab.Lab) ([]*Result, error) {
	if opts.Count < 1 {
		return nil, fmt.Errorf("verify: -count must be at least 1, got %d", opts.Count)
	}
	if opts.Jobs < 1 {
		opts.Jobs = runtime.NumCPU()
	}
	tmp, err := os.MkdirTemp("", "racelab-verify-")
	if err != nil {
		return nil, fmt.Errorf("verify: %w", err)
	}
	defer os.RemoveAll(tmp)
	if opts.Hog {
		stop := hog()
		defer stop()
	}
	v := &verifier{opts: opts, tmp: tmp, slots: make(chan struct{}, opts.Jobs)}
	results := make([]*Result, len(labs))
	var wg sync.WaitGroup
	for i, l := range labs {
		results[i] = &Result{Lab: l}
		wg.Go(func() { v.lab(ctx, results[i]) })
	}
	wg.Wait()
	return results, ctx.Err()
}

type verifier struct {
	opts  Options
	tmp   string
	slots chan struct{} // bounds the go builds and lab runs going at once
}

func (v *verifier) lab(ctx context.Context, res *Result) {
	l := res.Lab
	res.Problems = append(res.Problems, Structure(v.opts.Root, l)...)
	solution := map[string][]byte{}
	for _, f := range l.Editable {
		src, err := os.ReadFile(filepath.Join(l.SolutionDir(v.opts.Root), f))
		if err != nil {
			continue // reported by Structure
		}
		solution[rel(l, f)] = src
	}

	var wg sync.WaitGroup
	add := func(c *Check, files map[string][]byte, count int) {
		res.Checks = append(res.Checks, c)
		wg.Go(func() { v.variant(ctx, l, c, files, count) })
	}
	add(&Check{Name: "shipped", Want: l.Expect}, nil, v.opts.Count)
	if len(solution) == len(l.Editable) {
		add(&Check{Name: "solution", Want: string(run.Pass)}, solution, v.opts.Count)
	}
	if v.opts.Mutants {
		for _, m := range v.mutants(l, solution) {
			add(&Check{Name: m.name, Want: "fail"}, m.files, 1)
		}
	}
	wg.Wait()
}

type mutant struct {
	name  string
	files map[string][]byte
}

// mutants are the cheats to try: each go statement of the solution
// removed, a sleep at the shipped program's TODOs, and the solution's
// synchronisation replaced by sleeps.
func (v *verifier) mutants(l *lab.Lab, solution map[string][]byte) []mutant {
	var out []mutant
	with := func(f string, src []byte) map[string][]byte {
		files := map[string][]byte{}
		for k, v := range solution {
			files[k] = v
		}
		files[rel(l, f)] = src
		return files
	}
	for _, f := range l.Editable {
		if sol, ok := solution[rel(l, f)]; ok {
			ms, err := mutate.RemoveGo(f, sol)
			if err == nil {
				for _, m := range ms {
					out = append(out, mutant{m.Name, with(f, m.Src)})
				}
			}
			if m, ok, err := mutate.SleepForSync(f, sol); err == nil && ok {
				out = append(out, mutant{m.Name, with(f, m.Src)})
			}
		}
		shipped, err := os.ReadFile(filepath.Join(l.Dir, f))
		if err != nil {
			continue
		}
		if m, ok, err := mutate.SleepAtTODO(f, shipped); err == nil && ok {
			out = append(out, mutant{m.Name, map[string][]byte{rel(l, f): m.Src}})
		}
	}
	return out
}

func rel(l *lab.Lab, file string) string {
	return filepath.ToSlash(filepath.Join("labs", l.Name(), file))
}

// variant builds the lab with files replaced (nil: the tree as it is) and
// runs it count times under each GOMAXPROCS setting.
func (v *verifier) variant(ctx context.Context, l *lab.Lab, c *Check, files map[string][]byte, count int) {
	c.Got = map[run.Reason]int{}
	root := v.opts.Root
	if files != nil {
		ws, err := workspace.New(v.opts.Root, v.tmp, files)
		if err != nil {
			c.Err = err
			return
		}
		defer ws.Remove()
		root = ws.Dir
	}
	bin := filepath.Join(v.tmp, fmt.Sprintf("%s-%s-%d.test", l.Name(), c.Name, time.Now().UnixNano()))
	defer os.Remove(bin)
	v.slots <- struct{}{}
	built, err := run.Compile(ctx, root, "./labs/"+l.Name(), bin)
	<-v.slots
	if err != nil {
		c.Err = err
		return
	}
	if !built.Passed() {
		c.Runs, c.Got[run.Build], c.Sample = 1, 1, built.Output
		return
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, p := range procs() {
		for range count {
			wg.Go(func() {
				v.slots <- struct{}{}
				r, err := run.Exec(ctx, bin, filepath.Join(root, "labs", l.Name()), nil, "GOMAXPROCS="+p)
				<-v.slots
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					c.Err = err
					return
				}
				c.Runs++
				c.Got[r.Reason()]++
				if !matches(c.Want, r.Reason()) && c.Sample == "" {
					c.Sample = fmt.Sprintf("GOMAXPROCS=%s: %s", p, r.Output)
				}
				if v.opts.Progress != nil {
					v.opts.Progress(l.Name(), c.Name)
				}
			})
		}
	}
	wg.Wait()
}

func matches(want string, got run.Reason) bool {
	if want == "fail" {
		return got != run.Pass && got != run.Build
	}
	return string(got) == want
}

// hog keeps every core busy until stopped, so that labs are verified the way
// they run on a loaded grading machine.
func hog() (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Go(func() {
			for {
				select {
				case <-done:
					return
				default:
					for i := 0; i < 1_000_000; i++ {
						_ = i * i
					}
				}
			}
		})
	}
	return func() { close(done); wg.Wait() }
}
