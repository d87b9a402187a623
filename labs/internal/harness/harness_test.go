package harness

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/racelab/racelab/labs/internal/overlap"
)

// TestMain makes behaviours a lab program can have available to the
// scripts in testdata as the command "prog".
func TestMain(m *testing.M) {
	if !raceEnabled {
		fmt.Fprintln(os.Stderr, "harness tests need -race: go test -race ./labs/internal/...")
		os.Exit(0)
	}
	Main(m, "prog", prog)
}

func prog() {
	switch os.Args[1] {
	case "ok":
		fmt.Println("hello")
	case "race":
		x := 0
		done := make(chan bool)
		go func() { x = 1; done <- true }()
		x = 2
		<-done
		fmt.Println(x)
	case "straggler":
		// main returns first; the racing write happens after it.
		x := 0
		go func() { overlap.Work(); x = 1 }()
		_ = x
	case "leak":
		ch := make(chan int)
		go func() { ch <- 1 }()
	case "deadlock":
		var mu sync.Mutex
		mu.Lock()
		mu.Lock()
	case "serial":
		overlap.Work()
		overlap.Work()
	case "concurrent":
		var wg sync.WaitGroup
		for range 3 {
			wg.Go(overlap.Work)
		}
		wg.Wait()
	case "env":
		for _, k := range os.Args[2:] {
			fmt.Printf("%s=%s\n", k, os.Getenv(k))
		}
	case "echo":
		for _, a := range os.Args[2:] {
			fmt.Println(a)
		}
	case "panic":
		panic("boom")
	}
}

func TestHarness(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata",
		RequireExplicitExec: true,
		Setup:               setup,
		Condition:           condition,
		Cmds: map[string]func(*testscript.TestScript, bool, []string){
			"exitcode": exitcode,
			"want":     (&config{wants: map[string]WantFunc{"double": double}}).want,
		},
	})
}

// exitcode CODE CMD ARGS... runs CMD and fails unless it exits with CODE.
func exitcode(ts *testscript.TestScript, neg bool, args []string) {
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		got = exit.ExitCode()
	} else if err != nil {
		ts.Fatalf("%v", err)
	}
	if got != want {
		ts.Fatalf("%s exited %d, want %d", args[1], got, want)
	}
}

func double(args []string) (string, error) {
	n, err := strconv.Atoi(args[0])
	return fmt.Sprintf("%d\n%d", n, 2*n), err
}
