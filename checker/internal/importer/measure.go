package importer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"time"

	"github.com/racelab/racelab/checker/internal/run"
	"github.com/racelab/racelab/checker/internal/workspace"
	"github.com/racelab/racelab/checker/labvet"
)

// envSkipStatic mirrors harness.EnvSkipStatic: measuring runs only the
// scripts; the static checks run once, in-process.
const envSkipStatic = "RACELAB_SKIP_STATIC"

// counts are runs by reason.
type counts map[run.Reason]int

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
	longest    time.Duration // the longest time the program ran
	sample     string        // the output of one run, the first that failed otherwise than expected
	static     []string      // the static checks' findings, when asked for
	built      bool
}

var measuredRE = regexp.MustCompile(`racelab: measured: the program started (\d+) goroutines in (\S+)`)

// stage builds the lab described by files (paths relative to the
// repository root, added to a private copy of it) and runs it n times
// under each GOMAXPROCS setting. With fix set, it also runs the static
// checks on the editable files. expected is the reason the caller counts
// on, which does not make a run the sample.
func stage(ctx context.Context, root, name string, files map[string][]byte, n int, fix, editable []string, expected run.Reason) (*runs, error) {
	tmp, err := os.MkdirTemp("", "racelab-import-")
	if err != nil {
		return nil, fmt.Errorf("staging the lab: %w", err)
	}
	defer os.RemoveAll(tmp)
	ws, err := workspace.New(root, tmp, files)
	if err != nil {
		return nil, fmt.Errorf("staging the lab: %w", err)
	}
	labDir := filepath.Join(ws.Dir, "labs", name)
	bin := filepath.Join(tmp, "lab.test")
	r := &runs{byReason: counts{}, byCond: map[string]counts{}}
	built, err := run.Compile(ctx, ws.Dir, "./labs/"+name, bin)
	if err != nil {
		return nil, fmt.Errorf("staging the lab: %w", err)
	}
	if !built.Passed() {
		r.byReason[run.Build], r.total, r.sample = 1, 1, built.Output
		return r, nil
	}
	r.built = true
	if fix != nil {
		findings, err := labvet.Check(labDir, fix, editable)
		if err != nil {
			return nil, fmt.Errorf("static checks: %w", err)
		}
		for _, f := range findings {
			r.static = append(r.static, f.String())
		}
	}
	for i := range 2 * n {
		procs := strconv.Itoa(1 + i%2)
		res, err := run.Exec(ctx, bin, labDir, nil, "GOMAXPROCS="+procs, envSkipStatic+"=1")
		if err != nil {
			return nil, fmt.Errorf("staging the lab: %w", err)
		}
		cond := "GOMAXPROCS=" + procs
		reason := res.Reason()
		r.total++
		r.byReason[reason]++
		if r.byCond[cond] == nil {
			r.byCond[cond] = counts{}
		}
		r.byCond[cond][reason]++
		for _, m := range measuredRE.FindAllStringSubmatch(res.Output, -1) {
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
	return r, nil
}
