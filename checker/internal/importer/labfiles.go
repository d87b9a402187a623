package importer

import (
	"bytes"
	"fmt"
	"go/format"
	"strings"
	"text/template"
	"time"
)

// labTestData fills labTestTemplate.
type labTestData struct {
	Cmd        string
	Goroutines uint64 // 0: no goroutine check
	// Measure makes a lab_test.go for checker import's own runs: it demands
	// nothing and prints how many goroutines the program started and how
	// long it ran.
	Measure bool
}

// labTest renders the imported lab's lab_test.go.
func labTest(d labTestData) ([]byte, error) {
	var b bytes.Buffer
	if err := labTestTemplate.Execute(&b, d); err != nil {
		return nil, fmt.Errorf("lab_test.go: %w", err)
	}
	src, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("lab_test.go: %w", err)
	}
	return src, nil
}

// The template uses [[ ]]: Go composite literals are full of {{ }}.
var labTestTemplate = template.Must(template.New("lab_test.go").Delims("[[", "]]").Parse(`package main
[[if or .Goroutines .Measure]]
import (
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"testing"[[if .Measure]]
	"time"[[end]]

	"go.uber.org/goleak"

	"github.com/racelab/racelab/labs/internal/harness"
)

// racelabGoroutines is how many goroutines the reference solution starts,
// as measured by checker import. A fix must keep them all: a program that
// starts fewer has lost a go statement and runs work one task after
// another, which hides the race instead of fixing it.
const racelabGoroutines = [[.Goroutines]]

func TestMain(m *testing.M) {
	harness.Main(m, "[[.Cmd]]", racelabKeepsGoroutines(main, racelabGoroutines))
}

// TestLab runs the static checks and the script(s) in testdata.
func TestLab(t *testing.T) { harness.Run(t) }

// racelabKeepsGoroutines runs program and fails the run as not concurrent
// when it started fewer than least goroutines. It counts with
// runtime/metrics, which the race detector does not see: counting adds no
// synchronisation that could hide the race the lab is about.
func racelabKeepsGoroutines(program func(), least uint64) func() {
	return func() {
		runtime.GC() // the collector starts goroutines of its own the first time: not the program's
		ignore := goleak.IgnoreCurrent()
		before := racelabStarted()[[if .Measure]]
		start := time.Now()[[end]]
		program()
		started := racelabStarted() - before[[if .Measure]]
		fmt.Fprintf(os.Stderr, "racelab: measured: the program started %d goroutines in %v\n", started, time.Since(start))
		_, _ = least, ignore[[else]]
		if started >= least {
			return
		}
		if goleak.Find(ignore) != nil {
			return // goroutines left behind: the harness reports that, more tellingly
		}
		fmt.Fprintf(os.Stderr, "%s the program started %d goroutines, but the reference solution starts %d: keep every goroutine (do not remove a go statement, do not run the work in main)\n",
			harness.MarkNotConcurrent, started, least)
		os.Exit(harness.ExitNotConcurrent)[[end]]
	}
}

// racelabStarted counts the goroutines the process has started so far.
func racelabStarted() uint64 {
	s := []metrics.Sample{{Name: "/sched/goroutines-created:goroutines"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}
[[else]]
import (
	"testing"

	"github.com/racelab/racelab/labs/internal/harness"
)

func TestMain(m *testing.M) { harness.Main(m, "[[.Cmd]]", main) }

// TestLab runs the static checks and the script(s) in testdata.
func TestLab(t *testing.T) { harness.Run(t) }
[[end]]`))

// script renders the starter script: the program runs to the end, and the
// harness turns a race, a leak, a deadlock or lost concurrency into a
// failure; a zero exit status is all a correct program must show.
func script(cmd string, args []string, watchdog time.Duration, data map[string][]byte) []byte {
	var b strings.Builder
	b.WriteString("# The program runs to the end: no data race, no goroutine left running or stuck, exit status 0.\n")
	if watchdog > 0 {
		b.WriteString("# It is slow (it sleeps), so it gets more time before it counts as stuck.\n")
	}
	b.WriteString("# id: Program berjalan sampai selesai: tanpa data race, tanpa goroutine yang masih jalan atau macet, status keluar 0.\n")
	if watchdog > 0 {
		fmt.Fprintf(&b, "# id: Programnya lambat (ada sleep), jadi diberi waktu lebih lama sebelum dianggap macet.\nenv RACELAB_WATCHDOG=%s\n", watchdog)
	}
	fmt.Fprintf(&b, "exec %s", cmd)
	for _, a := range args {
		b.WriteString(" " + quoteArg(a))
	}
	b.WriteString("\n")
	for _, name := range sortedNames(data) {
		content := string(data[name])
		if !strings.HasSuffix(content, "\n") {
			content += "\n"
		}
		fmt.Fprintf(&b, "-- %s --\n%s", name, content)
	}
	return []byte(b.String())
}

// quoteArg quotes a script argument unless it is plain: testscript splits
// on spaces and expands $VARS outside single quotes.
func quoteArg(a string) string {
	if a != "" && !strings.ContainsAny(a, " \t'\"$#\\") {
		return a
	}
	return "'" + strings.ReplaceAll(a, "'", "''") + "'"
}
