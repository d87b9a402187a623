package scaffold

import "github.com/racelab/racelab/checker/lab"

// example is a working racy program and its fix, the starting point of a
// new lab. Each passes verify: the shipped program races every run, the
// fix passes every run, and the cheats (no go, serialised, sleeps) fail,
// because every task's slow step is slowStep, which calls overlap.Work, and
// the racy access comes after it. slowStep lives in a fixture (work.go),
// never in the student's file: racelab's machinery is the lab's, and
// confine refuses a lab file that imports it.
type example struct{ shipped, solution string }

// exampleFor picks the example whose fix uses the given kind.
func exampleFor(kind string) example {
	switch kind {
	case "waitgroup":
		return example{waitShipped, waitSolution}
	case "channel":
		return example{waitShipped, channelSolution}
	case "rwmutex":
		return example{totalShipped, rwmutexSolution}
	case "atomic":
		return example{totalShipped, atomicSolution}
	case "once":
		return example{onceShipped, onceSolution}
	}
	return example{totalShipped, mutexSolution} // mutex, any
}

const header = `// Command {{.Cmd}} is the example a new lab starts from.
//
// {{.Placeholder}}: replace this example with the lab's program.
// Keep: package main; the program's work in run (main.go, the fixture,
// hands it to program.Main), reading its inputs from flags; slowStep
// (work.go, the fixture that calls overlap.Work) as the slow step of each
// task, with the racy access after it; no import of racelab's machinery
// (labs/internal/overlap) here, only in fixtures; a "// TODO"
// where the student's work is; no printing inside the racy section. See
// docs/lab-format.md and docs/instructors.md.
//
// Run it: go run ./labs/{{.Name}}/{{.Cmd}} -n 10
package main
`

const solutionHeader = `// Command {{.Cmd}} is the example a new lab starts from.
//
// {{.Placeholder}}: replace this example fix with the fix of the lab's program.
// Keep it the shipped file with the fix applied, each changed line ending
// in a "// fix:" comment that says why.
//
// Run it: go run ./labs/{{.Name}}/{{.Cmd}} -n 10
package main
`

// task is shared by every example.
const task = `
// task is one task's work. Its slow step, slowStep (work.go), holds every
// task under the lab's scripts until all are inside it, so the racy access
// that follows happens in all of them at once, every run.
func task(i int) int {
	slowStep()
	return i + 1
}
`

const waitShipped = header + `
import (
	"flag"
	"fmt"
)

func run() {
	n := flag.Int("n", 10, "how many tasks to run")
	flag.Parse()

	results := make([]int, *n)
	for i := range *n {
		go func() {
			results[i] = task(i)
		}()
	}
	// TODO: run must not read results until every task has stored its own.

	total := 0
	for _, r := range results {
		total += r
	}
	fmt.Printf("total of %d tasks = %d\n", *n, total)
}
` + task

const waitSolution = solutionHeader + `
import (
	"flag"
	"fmt"
	"sync"
)

func run() {
	n := flag.Int("n", 10, "how many tasks to run")
	flag.Parse()

	results := make([]int, *n)
	var wg sync.WaitGroup // fix: counts the tasks still working
	for i := range *n {
		wg.Add(1) // fix: count the task before it starts
		go func() {
			defer wg.Done() // fix: tell run this result is stored
			results[i] = task(i)
		}()
	}
	wg.Wait() // fix: every result is stored before run reads any

	total := 0
	for _, r := range results {
		total += r
	}
	fmt.Printf("total of %d tasks = %d\n", *n, total)
}
` + task

const channelSolution = solutionHeader + `
import (
	"flag"
	"fmt"
)

func run() {
	n := flag.Int("n", 10, "how many tasks to run")
	flag.Parse()

	results := make([]int, *n)
	done := make(chan struct{}) // fix: each task reports here once its result is stored
	for i := range *n {
		go func() {
			results[i] = task(i)
			done <- struct{}{} // fix: the store happens before run's receive
		}()
	}
	for range *n {
		<-done // fix: wait for every task's report
	}

	total := 0
	for _, r := range results {
		total += r
	}
	fmt.Printf("total of %d tasks = %d\n", *n, total)
}
` + task

const totalShipped = header + `
import (
	"flag"
	"fmt"
	"sync"
)

func run() {
	n := flag.Int("n", 10, "how many tasks to run")
	flag.Parse()

	total := 0
	var wg sync.WaitGroup
	for i := range *n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := task(i)
			// TODO: every task adds to total at the same moment. Make the update safe.
			total += r
		}()
	}
	wg.Wait()
	fmt.Printf("total of %d tasks = %d\n", *n, total)
}
` + task

const mutexSolution = solutionHeader + `
import (
	"flag"
	"fmt"
	"sync"
)

func run() {
	n := flag.Int("n", 10, "how many tasks to run")
	flag.Parse()

	total := 0
	var mu sync.Mutex // fix: guards total
	var wg sync.WaitGroup
	for i := range *n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := task(i)
			mu.Lock() // fix: one task at a time updates total
			total += r
			mu.Unlock() // fix: let the next task in
		}()
	}
	wg.Wait()
	fmt.Printf("total of %d tasks = %d\n", *n, total)
}
` + task

const rwmutexSolution = solutionHeader + `
import (
	"flag"
	"fmt"
	"sync"
)

func run() {
	n := flag.Int("n", 10, "how many tasks to run")
	flag.Parse()

	total := 0
	var mu sync.RWMutex // fix: guards total (writers Lock; readers would RLock)
	var wg sync.WaitGroup
	for i := range *n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := task(i)
			mu.Lock() // fix: one writer at a time
			total += r
			mu.Unlock() // fix: let the next task in
		}()
	}
	wg.Wait()
	fmt.Printf("total of %d tasks = %d\n", *n, total)
}
` + task

const atomicSolution = solutionHeader + `
import (
	"flag"
	"fmt"
	"sync"
	"sync/atomic"
)

func run() {
	n := flag.Int("n", 10, "how many tasks to run")
	flag.Parse()

	var total atomic.Int64 // fix: every update is one indivisible step
	var wg sync.WaitGroup
	for i := range *n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := task(i)
			total.Add(int64(r)) // fix: add atomically
		}()
	}
	wg.Wait()
	fmt.Printf("total of %d tasks = %d\n", *n, total.Load()) // fix: read it atomically too
}
` + task

const onceShipped = header + `
import (
	"flag"
	"fmt"
	"sync"
)

func run() {
	n := flag.Int("n", 10, "how many tasks to run")
	flag.Parse()

	results := make([]int, *n)
	var wg sync.WaitGroup
	for i := range *n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = task(i) + settings().bonus
		}()
	}
	wg.Wait()

	total := 0
	for _, r := range results {
		total += r
	}
	fmt.Printf("total of %d tasks = %d\n", *n, total)
}

// config is the program's settings, costly to load.
type config struct{ bonus int }

// cfg is loaded on first use.
var cfg *config

// settings returns the settings, loading them the first time.
func settings() *config {
	// TODO: several tasks may find cfg missing at the same moment and load
	// it together. Load it exactly once.
	if cfg == nil {
		cfg = load()
	}
	return cfg
}

func load() *config { return &config{bonus: 0} }
` + task

const onceSolution = solutionHeader + `
import (
	"flag"
	"fmt"
	"sync"
)

func run() {
	n := flag.Int("n", 10, "how many tasks to run")
	flag.Parse()

	results := make([]int, *n)
	var wg sync.WaitGroup
	for i := range *n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = task(i) + settings().bonus
		}()
	}
	wg.Wait()

	total := 0
	for _, r := range results {
		total += r
	}
	fmt.Printf("total of %d tasks = %d\n", *n, total)
}

// config is the program's settings, costly to load.
type config struct{ bonus int }

// cfg is loaded on first use.
var cfg *config

// cfgOnce makes sure cfg is loaded exactly once.
var cfgOnce sync.Once // fix: the first caller loads cfg, the others wait for it

// settings returns the settings, loading them the first time.
func settings() *config {
	cfgOnce.Do(func() { cfg = load() }) // fix: one load, and every caller sees it
	return cfg
}

func load() *config { return &config{bonus: 0} }
` + task

// fixtureMain is the program's fixture file: the same in every lab (see
// labs/internal/program), never the student's.
const fixtureMain = "main.go"

const mainFixture = lab.FixtureHeader + `

package main

import "github.com/racelab/racelab/labs/internal/program"

// main runs run ({{.File}}) under the lab's checks when the lab's tests
// start the program, and simply calls it when you run it yourself.
func main() { program.Main(run) }
`

// fixtureWork is the fixture that holds the program's slow step: the one
// place the program calls racelab's machinery (labs/internal/overlap),
// which never goes in the student's file (confine refuses it there).
const fixtureWork = "work.go"

const workFixture = lab.FixtureHeader + `

package main

import "github.com/racelab/racelab/labs/internal/overlap"

// slowStep is the slow step of each task: think of it as a call to another
// server. Under the lab's scripts (RACELAB_OVERLAP) it holds every task
// until all are inside it, so what {{.File}} does right after it happens in
// all of them at once, every run. Rename it for the program's own slow step
// (fetch, charge, ...) when the program has one.
func slowStep() { overlap.Work() }
`

// labTest is the judge. It never links the program (package lab_test, in
// the lab's folder): it builds the program from {{.Cmd}}/ and starts it for
// each script command. The example's expected output needs nothing of the
// program's, so there is no package shared between them; a lab whose want
// function does needs one (see docs/lab-format.md).
const labTest = `package lab_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/racelab/racelab/labs/internal/judge"
)

func TestLab(t *testing.T) {
	judge.Run(t, judge.Want("{{.Cmd}}", wantTotal))
}

// wantTotal computes what a correct program prints for "{{.Cmd}} -n N", from
// the input the script passes, so that no answer is hard-coded.
// {{.Placeholder}}: compute what the lab's program must print from the script's arguments.
func wantTotal(args []string) (string, error) {
	if len(args) != 1 {
		return "", fmt.Errorf("want {{.Cmd}} N: got %d arguments", len(args))
	}
	n, err := strconv.Atoi(args[0])
	if err != nil {
		return "", fmt.Errorf("want {{.Cmd}} N: %w", err)
	}
	total := 0
	for i := range n {
		total += i + 1
	}
	return fmt.Sprintf("total of %d tasks = %d", n, total), nil
}
`
