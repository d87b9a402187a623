package importer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/racelab/racelab/checker/internal/run"
	"github.com/racelab/racelab/checker/internal/workspace"
	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/labvet"
	"github.com/racelab/racelab/checker/protocol"
)

// counts are runs by reason.
type counts map[protocol.Reason]int

func (c counts) total() int {
	n := 0
	for _, k := range c {
		n += k
	}
	return n
}

// runs is how a variant of the staged lab behaved.
type runs struct {
	byReason   counts
	byCond     map[string]counts
	total      int
	goroutines []uint64      // from the "measured" line of each run that printed one
	longest    time.Duration // the longest time run took, as the program measured it
	// shortest is the shortest time a start of the program took, as the
	// judge measured it (the whole process, started to ended).
	shortest time.Duration
	sample   string   // the output of one run, the first that failed otherwise than expected
	static   []string // the static checks' findings, when asked for
	kinds    []string // the fix kinds the change uses (compared with stageOptions.shipped), when asked for
	built    bool
}

// measuredRE reads what program.Main prints under RACELAB_MEASURE (which
// the staged script sets, see scriptData.measure).
var measuredRE = regexp.MustCompile(regexp.QuoteMeta(protocol.MarkMeasured) + ` the program started (\d+) goroutines in (\S+)`)

// stageOptions are the knobs of stage.
type stageOptions struct {
	n        int               // runs per GOMAXPROCS setting
	static   bool              // run the static checks on the editable files
	editable []string          //
	shipped  map[string][]byte // the shipped editable files (base name), which the change is measured against
	expected protocol.Reason   // the reason the caller counts on, which does not make a run the sample
	// env is added to the judge's environment (RACELAB_WATCHDOG, ...). The
	// judge passes only a few timeouts of it on to the program: what the
	// program must see (RACELAB_MEASURE) is a line of the staged script.
	env []string
}

// parallel is how many runs of a staged lab go at once: they are mostly
// waiting (a watchdog, a leak check's retries), and the machine may be
// shared.
const parallel = 2

// stage builds the lab described by files (paths relative to the
// repository root, added to a private copy of it), judge and program as
// verify builds them, and runs it o.n times under each GOMAXPROCS setting.
func stage(ctx context.Context, root, name string, files map[string][]byte, o stageOptions) (*runs, error) {
	tmp, err := os.MkdirTemp("", "racelab-import-")
	if err != nil {
		return nil, fmt.Errorf("staging the lab: %w", err)
	}
	defer os.RemoveAll(tmp)
	ws, err := workspace.New(root, tmp, files)
	if err != nil {
		return nil, fmt.Errorf("staging the lab: %w", err)
	}
	l, _ := lab.LoadProblems(filepath.Join(ws.Dir, "labs", name)) // a draft's metadata may be incomplete
	if l == nil {
		return nil, fmt.Errorf("staging the lab: labs/%s has no readable lab.toml", name)
	}
	judge := filepath.Join(tmp, "judge")
	if err := run.BuildJudge(ctx, ws.Dir, l, judge); err != nil {
		return nil, fmt.Errorf("staging the lab: %w", err)
	}
	bin := l.ProgramPath(filepath.Join(tmp, l.Program))
	r := &runs{byReason: counts{}, byCond: map[string]counts{}}
	built, err := run.BuildProgram(ctx, ws.Dir, l, bin, run.CompileOptions{})
	if err != nil {
		return nil, fmt.Errorf("staging the lab: %w", err)
	}
	if !built.Passed() {
		r.byReason[protocol.Build], r.total, r.sample = 1, 1, built.Output
		return r, nil
	}
	r.built = true
	if o.static {
		// Findings: the whole of the files counts, stricter than a
		// student's change is judged. Kinds: only what the change brings,
		// as verify and the grader see a student's fix.
		a, err := labvet.Analyze(l.ProgramDir(), nil, o.editable)
		if err != nil {
			return nil, fmt.Errorf("static checks: %w", err)
		}
		for _, f := range labvet.Change(&labvet.Analysis{}, a).Findings {
			r.static = append(r.static, f.String())
		}
		before, err := labvet.Analyze(l.ProgramDir(), o.shipped, o.editable)
		if err != nil {
			return nil, fmt.Errorf("static checks of the shipped files: %w", err)
		}
		r.kinds = labvet.Change(before, a).Kinds
	}
	var (
		mu    sync.Mutex
		first error
		wg    sync.WaitGroup
		slots = make(chan struct{}, parallel)
	)
	for i := range 2 * o.n {
		cond := "GOMAXPROCS=" + strconv.Itoa(1+i%2)
		wg.Go(func() {
			slots <- struct{}{}
			res, err := run.Judge(ctx, judge, l, run.JudgeOptions{Program: bin, Env: append([]string{cond}, o.env...)})
			<-slots
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				if first == nil {
					first = fmt.Errorf("staging the lab: %w", err)
				}
				return
			}
			r.add(cond, res, o.expected)
		})
	}
	wg.Wait()
	return r, first
}

// add counts one judged run of the program.
func (r *runs) add(cond string, res run.Result, expected protocol.Reason) {
	reason := res.Reason()
	r.total++
	r.byReason[reason]++
	if r.byCond[cond] == nil {
		r.byCond[cond] = counts{}
	}
	r.byCond[cond][reason]++
	// The measurement is what the program printed on stderr, which the
	// verdict keeps, run by run, as data.
	stderr := res.Output
	if res.Verdict != nil {
		var b strings.Builder
		for _, s := range res.Verdict.Scripts {
			for _, pr := range s.Runs {
				b.WriteString(pr.Stderr)
				d := time.Duration(pr.DurationMS) * time.Millisecond
				if r.shortest == 0 || d < r.shortest {
					r.shortest = d
				}
			}
		}
		stderr = b.String()
	}
	for _, m := range measuredRE.FindAllStringSubmatch(stderr, -1) {
		if g, err := strconv.ParseUint(m[1], 10, 64); err == nil {
			r.goroutines = append(r.goroutines, g)
		}
		if d, err := time.ParseDuration(m[2]); err == nil {
			r.longest = max(r.longest, d)
		}
	}
	if reason != expected && r.sample == "" {
		r.sample = cond + ": " + res.Output
	}
}

// most is the reason most runs had (not counting passes), and how many.
func (r *runs) most() (protocol.Reason, int) {
	most, mostRuns := protocol.Reason(""), 0
	for _, reason := range protocol.Order() {
		if r.byReason[reason] > mostRuns {
			most, mostRuns = reason, r.byReason[reason]
		}
	}
	return most, mostRuns
}
