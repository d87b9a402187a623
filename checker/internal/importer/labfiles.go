package importer

import (
	"bytes"
	"fmt"
	"go/format"
	"strings"
	"text/template"
	"time"

	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/protocol"
)

// mainFile is the fixture that hands run to program.Main: the program's
// own file of that name is renamed (see freeMainGo).
const mainFile = "main.go"

// render fills t and gofmts the result, which also proves it is Go.
func render(t *template.Template, data any) ([]byte, error) {
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return nil, fmt.Errorf("%s: %w", t.Name(), err)
	}
	src, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", t.Name(), err)
	}
	return src, nil
}

// labTest renders the imported lab's judge. It registers no want: an
// imported program prints what its authors chose, often in an order that
// changes from run to run, so the script judges how the program ends, not
// what it printed.
func labTest(prog string) ([]byte, error) {
	return render(labTestTemplate, map[string]string{"Prog": prog})
}

var labTestTemplate = template.Must(template.New("lab_test.go").Parse(`package lab_test

import (
	"testing"

	"github.com/racelab/racelab/labs/internal/judge"
)

// TestLab is the lab's judge: the static checks of the student's files, a
// race-enabled build of the program ({{.Prog}}/), and the scripts in
// testdata, which start it as {{.Prog}}. It never links the program: it
// judges each run from outside, by how it ended.
func TestLab(t *testing.T) { judge.Run(t) }
`))

// mainFixture renders the program's main.go: run is in file.
func mainFixture(file string) ([]byte, error) {
	return render(mainTemplate, map[string]string{"Header": lab.FixtureHeader, "File": file})
}

var mainTemplate = template.Must(template.New(mainFile).Parse(`{{.Header}}

package main

import "github.com/racelab/racelab/labs/internal/program"

// main runs run ({{.File}}) under the lab's checks when the lab's tests
// start the program, and simply calls it when you run it yourself.
func main() { program.Main(run) }
`))

// scriptData is what the starter script is made from.
type scriptData struct {
	prog string
	args []string
	// watchdog, if set, is how long the program may run before it counts
	// as stuck; slow says it is that long because the program is slow, not
	// because the shipped program blocks.
	watchdog time.Duration
	slow     bool
	// goroutines is how many goroutines the reference solution starts,
	// which the script demands of every run (RACELAB_MIN_GOROUTINES); 0:
	// no demand.
	goroutines uint64
	// measure makes the script of checker import's own runs: the program
	// also prints how many goroutines it started, and how long run took
	// (RACELAB_MEASURE, read by measuredRE). Nothing else differs from the
	// lab's script, so the measured runs are the lab's runs.
	measure bool
	data    map[string][]byte
}

// script renders the starter script: the program runs to the end, and the
// judge turns a race, a leak, a deadlock or lost goroutines into a failure;
// ending as a correct program ends is all the script asks for.
//
// A racy program "fixed" by deleting `go` has no race, so the script would
// accept it. A lab written from scratch prevents that with overlap.Work, but
// inserting Work into someone else's program adds synchronisation, which can
// hide the very race the lab is about. So the script demands the goroutines
// the reference solution starts (RACELAB_MIN_GOROUTINES): program.Main
// counts those run starts, with runtime/metrics, which the race detector
// does not see, and fails a run that starts fewer as not concurrent. The
// count is made by the lab's program package, around run, not by code in
// the student's file: there is nothing there to delete, and nothing a
// student could call to satisfy it.
func script(d scriptData) []byte {
	var b strings.Builder
	b.WriteString("# The program runs to the end: no data race, no goroutine left running or stuck")
	if d.goroutines > 0 {
		b.WriteString(",\n# and it still starts every goroutine the reference solution starts")
	}
	b.WriteString(".\n")
	switch {
	case d.watchdog > 0 && d.slow:
		b.WriteString("# It is slow (it sleeps), so it gets more time before it counts as stuck.\n")
	case d.watchdog > 0:
		fmt.Fprintf(&b, "# It must finish within %v: a program still waiting then is stuck.\n", d.watchdog)
	}
	b.WriteString("# id: Program berjalan sampai selesai: tanpa data race, tanpa goroutine yang masih jalan atau macet")
	if d.goroutines > 0 {
		b.WriteString(",\n# id: dan tetap menjalankan semua goroutine yang dijalankan solusi acuan")
	}
	b.WriteString(".\n")
	switch {
	case d.watchdog > 0 && d.slow:
		b.WriteString("# id: Programnya lambat (ada sleep), jadi diberi waktu lebih lama sebelum dianggap macet.\n")
	case d.watchdog > 0:
		fmt.Fprintf(&b, "# id: Program harus selesai dalam %v: program yang masih menunggu setelah itu macet.\n", d.watchdog)
	}
	if d.goroutines > 0 {
		// No comment here: make lab shows a failed command's nearest
		// comments to the student, and the program's own message says why
		// (the goroutines it started, and how many a correct fix starts).
		fmt.Fprintf(&b, "env %s=%d\n", protocol.EnvMinGoroutines, d.goroutines)
	}
	if d.measure {
		fmt.Fprintf(&b, "env %s=1\n", protocol.EnvMeasure)
	}
	if d.watchdog > 0 {
		fmt.Fprintf(&b, "env %s=%v\n", protocol.EnvWatchdog, d.watchdog)
	}
	// The command named after the program starts it: the judge runs the
	// program's own binary, never exec.
	b.WriteString(d.prog)
	for _, a := range d.args {
		b.WriteString(" " + quoteArg(a))
	}
	b.WriteString("\n")
	for _, name := range sortedNames(d.data) {
		content := string(d.data[name])
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
