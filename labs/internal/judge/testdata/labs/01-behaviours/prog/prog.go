// Command prog behaves as its first argument says: each behaviour is one
// a lab program can have, hostile ones included.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/racelab/racelab/labs/internal/overlap"
)

func init() {
	// A hostile program's init runs before run: it may try to weaken the
	// checks by changing the environment they read.
	if len(os.Args) > 1 && os.Args[1] == "weaken" {
		os.Setenv("RACELAB_OVERLAP", "1")
		os.Setenv("GORACE", "exitcode=0")
		os.Setenv("RACELAB_WATCHDOG", "1h")
	}
	if len(os.Args) > 1 && os.Args[1] == "hang-init" {
		select {} // never returns: run never starts
	}
}

func run() {
	switch os.Args[1] {
	case "ok":
		fmt.Println("hello")
	case "race":
		racy()
	case "race-quiet":
		// Hides the race report by closing stderr first: the exit status
		// still tells.
		os.Stderr.Close()
		racy()
	case "straggler":
		// main returns first; the racing write happens after it.
		x := 0
		go func() { overlap.Work(); x = 1 }()
		_ = x
	case "straggler-late":
		// main reads last, and returns; the racing write comes only
		// after the leak check has looked at a hundred goroutines again
		// and again while it waits for them.
		x := 0
		for range 100 {
			go time.Sleep(300 * time.Millisecond)
		}
		go func() { time.Sleep(250 * time.Millisecond); x = 1 }()
		_ = x
	case "leak":
		ch := make(chan int)
		go func() { ch <- 1 }()
	case "deadlock":
		var mu sync.Mutex
		mu.Lock()
		mu.Lock()
	case "spin":
		for {
		}
	case "serial", "weaken":
		overlap.Work()
		overlap.Work()
		fmt.Println("done")
	case "concurrent":
		var wg sync.WaitGroup
		for range 3 {
			wg.Go(overlap.Work)
		}
		wg.Wait()
	case "env":
		fmt.Println(strings.Join(os.Environ(), "\n"))
	case "echo":
		for _, a := range os.Args[2:] {
			fmt.Println(a)
		}
	case "panic":
		panic("boom")
	case "help":
		// flag's -h exits 0 before run returns: the checks never ran.
		fmt.Println("done")
		fs := flag.NewFlagSet("prog", flag.ExitOnError)
		fs.Parse([]string{"-h"})
	case "flood":
		line := strings.Repeat("x", 1023) + "\n"
		for {
			os.Stdout.WriteString(line)
		}
	case "race-across-work":
		raceAcross(overlap.Work)
	case "race-across-window":
		raceAcross(overlap.Window)
	case "race-across-reader":
		raceAcross(overlap.Reader)
	case "race-across-long-window":
		// The goroutine reads, then waits in the window, polling, while
		// main keeps running for half a second before it comes and writes.
		x := 0
		var wg sync.WaitGroup
		wg.Go(func() {
			fmt.Println(x)
			overlap.Window()
		})
		for start := time.Now(); time.Since(start) < 500*time.Millisecond; {
		}
		overlap.Window()
		x = 1
		wg.Wait()
	case "readers-rw", "readers-mutex":
		var rw sync.RWMutex
		var wg sync.WaitGroup
		for range 3 {
			wg.Go(func() {
				if os.Args[1] == "readers-rw" {
					rw.RLock()
					defer rw.RUnlock()
				} else {
					rw.Lock()
					defer rw.Unlock()
				}
				overlap.Reader()
			})
		}
		wg.Wait()
	case "unwaited":
		// The goroutine prints after run has returned: a real program
		// would have ended, and lost the line. Late enough that run has
		// returned even on a loaded machine, soon enough that goleak's
		// retries still see the goroutine finish.
		go func() {
			time.Sleep(300 * time.Millisecond)
			fmt.Println("late")
		}()
	case "spin-wait", "block-wait":
		// A worker waits for quit: by polling in a select with a default
		// (it spins, running all the while) or by blocking on it.
		quit, done := make(chan bool), make(chan bool)
		var mu sync.Mutex
		polls := 0
		go func() {
			defer close(done)
			for {
				if os.Args[1] == "block-wait" {
					<-quit
					return
				}
				select {
				case <-quit:
					return
				default:
					mu.Lock()
					polls++
					mu.Unlock()
				}
			}
		}()
		overlap.Settle() // what a fixture does before the event
		close(quit)
		<-done
		fmt.Println("stopped")
	case "slow":
		time.Sleep(time.Hour)
	case "probe":
		for _, f := range []string{"/proc/1/cmdline", "/proc/1/environ", "/proc/self/mountinfo"} {
			data, _ := os.ReadFile(f)
			fmt.Printf("== %s\n%s\n", f, strings.ReplaceAll(string(data), "\x00", " "))
		}
		wd, _ := os.Getwd()
		fmt.Println("== cwd", wd)
	}
}

// raceAcross reads a variable in a goroutine before step and writes it in
// main after step: racelab's step stands in for a network call, which
// orders nothing, so the race detector must see the race.
func raceAcross(step func()) {
	x := 0
	var wg sync.WaitGroup
	wg.Go(func() {
		fmt.Println(x)
		step()
	})
	step()
	x = 1
	wg.Wait()
}

func racy() {
	x := 0
	done := make(chan bool)
	go func() { x = 1; done <- true }()
	x = 2
	<-done
	fmt.Println(x)
}
