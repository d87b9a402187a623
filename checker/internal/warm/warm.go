// Package warm fills the Go build cache with what running a lab compiles,
// and tells in advance how much that is.
//
// A lab's first run on a machine compiles the standard library twice, once
// race-enabled for the program and once plainly for the judge, plus the
// judge's own tools (testscript, go/analysis): about 300 packages, from half
// a minute on a quiet machine to several minutes on a loaded one. Go says
// nothing while it does that, and a student assumes the lab hung. So the
// checker asks go list which packages are missing from the cache before the
// first run, says so with an estimate, and builds them itself with `go
// build -v`, whose output counts the packages as they are done.
package warm

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/racelab/racelab/checker/internal/run"
	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/protocol"
)

// Plan is what is missing from the build cache.
type Plan struct {
	Plain []string // packages the judge compiles, without the race detector
	Race  []string // packages the program compiles, race-enabled
}

// Len is the number of package builds the plan makes.
func (p Plan) Len() int { return len(p.Plain) + len(p.Race) }

// stale lists the packages of a go list whose compiled form is not in the
// cache; main and test packages are always compiled for a run, so they are
// not part of warming.
const stale = `{{if and .Stale (ne .Name "main") (not .ForTest) (not (eq .ImportPath "command-line-arguments"))}}{{.ImportPath}}{{end}}`

// Stale asks go list what running the given labs would compile that the
// build cache lacks, with the flags the judge and the program are built
// with, so that the same cache entries are meant.
func Stale(ctx context.Context, root string, labs []*lab.Lab) (Plan, error) {
	var judges, programs, tested []string
	for _, l := range labs {
		judges = append(judges, "./labs/"+l.Name())
		if l.Test != nil {
			// A testing lab's program is its package's test binary:
			// testing, goleak and the test main's imports race-enabled too.
			tested = append(tested, l.Package())
		} else {
			programs = append(programs, l.Package())
		}
	}
	plain, err := list(ctx, root, append([]string{"-test", "-deps", "-f", stale}, judges...))
	if err != nil {
		return Plan{}, err
	}
	var race []string
	for _, set := range []struct {
		pkgs []string
		test []string
	}{{programs, nil}, {tested, []string{"-test"}}} {
		if len(set.pkgs) == 0 {
			continue
		}
		more, err := list(ctx, root, slices.Concat(buildFlags(), set.test, []string{"-deps", "-f", stale}, set.pkgs))
		if err != nil {
			return Plan{}, err
		}
		race = appendNew(race, more)
	}
	return Plan{Plain: plain, Race: race}, nil
}

// appendNew appends to list the items of more it does not hold yet.
func appendNew(list, more []string) []string {
	for _, p := range more {
		if !slices.Contains(list, p) {
			list = append(list, p)
		}
	}
	return list
}

// buildFlags are the program's build flags that go list takes too.
func buildFlags() []string {
	var out []string
	for _, f := range protocol.BuildFlags() {
		if !strings.HasPrefix(f, "-ldflags") { // linking only: not a package's
			out = append(out, f)
		}
	}
	return out
}

func list(ctx context.Context, root string, args []string) ([]string, error) {
	cmd := exec.CommandContext(ctx, "go", append([]string{"list", "-e"}, args...)...)
	cmd.Dir = root
	cmd.Env = run.Env(os.Environ())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	seen := map[string]bool{}
	var pkgs []string
	for _, p := range strings.Fields(string(out)) {
		if !seen[p] {
			seen[p] = true
			pkgs = append(pkgs, p)
		}
	}
	return pkgs, nil
}

// Build compiles the plan's packages into the cache, calling progress (if
// not nil) as each is done with the count so far and its import path.
func Build(ctx context.Context, root string, p Plan, progress func(done int, pkg string)) error {
	done := 0
	step := func(args []string, pkgs []string) error {
		if len(pkgs) == 0 {
			return nil
		}
		cmd := exec.CommandContext(ctx, "go", append(append([]string{"build", "-v"}, args...), pkgs...)...)
		cmd.Dir = root
		cmd.Env = run.Env(os.Environ())
		stderr, err := cmd.StderrPipe()
		if err != nil {
			return err
		}
		if err := cmd.Start(); err != nil {
			return err
		}
		var rest strings.Builder
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Text()
			// go build -v names each package as it is compiled; anything
			// else is an error message.
			if line != "" && !strings.ContainsAny(line, " \t:") {
				done++
				if progress != nil {
					progress(done, line)
				}
				continue
			}
			rest.WriteString(line + "\n")
		}
		if err := cmd.Wait(); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("go build: %w: %s", err, strings.TrimSpace(rest.String()))
		}
		return nil
	}
	if err := step([]string{"-trimpath"}, p.Plain); err != nil {
		return err
	}
	return step(buildFlags(), p.Race)
}

// Stamp is a cheap proof that the cache is warm: the Go version, the
// GOCACHE setting, and the file in the build cache of the race-enabled
// runtime, which any warm-up compiled. Fresh reports whether a stamp still holds with one stat, so a
// warm run pays nothing for the check; a cache cleaned or trimmed since, or
// another Go, makes it stale.
func Stamp(ctx context.Context, root string) (string, error) {
	args := append(append([]string{"list"}, buildFlags()...), "-export", "-f", "{{.Export}}", "runtime")
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = root
	cmd.Env = run.Env(os.Environ())
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go list -export runtime: %w", err)
	}
	path := strings.TrimSpace(string(out))
	if path == "" {
		return "", fmt.Errorf("go list -export runtime: no export file")
	}
	return strings.Join([]string{runtime.Version(), os.Getenv("GOCACHE"), path}, "\n"), nil
}

// Fresh reports whether stamp (from Stamp) still holds: the same Go, the
// same GOCACHE setting, and the file still in the cache.
func Fresh(stamp string) bool {
	parts := strings.Split(stamp, "\n")
	if len(parts) != 3 || parts[0] != runtime.Version() || parts[1] != os.Getenv("GOCACHE") {
		return false
	}
	_, err := os.Stat(parts[2])
	return err == nil
}

// cpuPerPackage is what one package costs to compile, in CPU time, on the
// machine this was measured on (2 cores, the course's ~300 packages in
// 105 CPU-seconds). It starts the estimate; the rate seen while building
// replaces it.
const cpuPerPackage = 370 * time.Millisecond

// Estimate is how long building n packages should take here: the cost of
// a package spread over the share of the cores the build gets beside the
// machine's other work (its load average, where the system tells it). Half
// the load counts: much of it waits on disk or sleeps between bursts (on
// 2 cores at a load of 6, 292 packages took 2 minutes, not the 3.6 the
// whole load would predict).
func Estimate(n int) time.Duration {
	cpus := float64(runtime.NumCPU())
	share := cpus * cpus / (cpus + loadAverage()/2)
	return time.Duration(float64(n) * float64(cpuPerPackage) / share)
}

// loadAverage is the system's one-minute load average, 0 where it is not
// known.
func loadAverage() float64 {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(data))
	if len(f) == 0 {
		return 0
	}
	v, _ := strconv.ParseFloat(f[0], 64)
	return v
}

// Left estimates the time left after done of total packages took elapsed:
// the rate so far, once there is enough of it to go by, else Estimate.
func Left(done, total int, elapsed time.Duration) time.Duration {
	if done < 10 || elapsed < 3*time.Second {
		return Estimate(total - done)
	}
	return time.Duration(float64(elapsed) / float64(done) * float64(total-done))
}
