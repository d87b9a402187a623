//go:build unix

package program

import (
	"io"
	"os"
	"sync/atomic"

	"golang.org/x/sys/unix"
)

// cutStdout prepares to make whatever the program writes to its standard
// output after cut is called go nowhere, as it would had the process ended;
// printedAfter tells how many bytes were written after the cut. When run
// returns, a real Go program ends and takes its other goroutines with it;
// program.Main keeps the process alive a little longer (to see the races
// and leaks of those goroutines), and the cut keeps their late output from
// reaching the judge, who would otherwise count it. The reading goroutine
// starts here, before run, so that the leak check does not count it.
func cutStdout() (cut func(), printedAfter func() int64) {
	none := func() int64 { return 0 }
	r, w, err := os.Pipe()
	if err != nil {
		return func() {}, none
	}
	var n atomic.Int64
	done := make(chan struct{})
	go func() {
		defer close(done)
		m, _ := io.Copy(io.Discard, r)
		n.Add(m)
	}()
	cutDone := false
	cut = func() {
		cutDone = unix.Dup2(int(w.Fd()), int(os.Stdout.Fd())) == nil
	}
	printedAfter = func() int64 {
		// Every writer has finished by now (goleak waited for the
		// stragglers): close the pipe and count what came through it.
		if cutDone {
			if devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0); err == nil {
				unix.Dup2(int(devnull.Fd()), int(os.Stdout.Fd()))
				devnull.Close()
			}
		}
		w.Close()
		<-done
		r.Close()
		return n.Load()
	}
	return cut, printedAfter
}
