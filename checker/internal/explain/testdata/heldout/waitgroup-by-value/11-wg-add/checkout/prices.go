// Do not edit: part of the lab's fixture.

package main

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/racelab/racelab/checker/protocol"
	"github.com/racelab/racelab/labs/11-wg-add/catalog"
	"github.com/racelab/racelab/labs/internal/overlap"
)

// quote asks the shop's price service what item costs. It is slow: think of
// a request over the network. The service answers many requests at the
// same time.
func quote(item string) int {
	overlap.Work()
	firstAnswer.Do(untilTheTillWaits)
	return catalog.Price(item)
}

// firstAnswer holds back the service's first answer, and so every answer,
// until the till (run) waits for it: under the lab's tests a till that does
// not really wait for the prices shows it every run, not once in a while.
var firstAnswer sync.Once

// holdFor is how long the first answer is held at most: RACELAB_SETTLE, as
// the lab's scripts set it (unset: answers are never held). It is read
// before run starts, like every setting of the lab's checks.
var holdFor, _ = time.ParseDuration(os.Getenv(protocol.EnvSettle))

// untilTheTillWaits returns once run is blocked waiting for something (a
// WaitGroup, a channel, a lock), or has returned, or after holdFor. A till
// that sleeps is not waiting for the prices: it is only hoping they are in
// when it wakes up, and the answer is held until it does.
func untilTheTillWaits() {
	deadline := time.Now().Add(holdFor)
	for time.Now().Before(deadline) && !tillWaits() {
		time.Sleep(200 * time.Microsecond)
	}
}

// tillWaits reports whether the main goroutine, where run runs, is blocked
// in run, or has left run.
func tillWaits() bool {
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	_, main, ok := bytes.Cut(buf, []byte("goroutine 1 ["))
	if !ok {
		return true // main is gone: so is run
	}
	main, _, _ = bytes.Cut(main, []byte("\n\n"))
	state, _, _ := bytes.Cut(main, []byte("]"))
	state, _, _ = bytes.Cut(state, []byte(","))
	if !bytes.Contains(main, []byte("\nmain.run(")) {
		return true // run has returned
	}
	switch string(state) {
	case "running", "runnable", "sleep":
		return false
	}
	return true
}

// rupiah formats an amount of rupiah the Indonesian way: Rp12.500.
func rupiah(amount int) string {
	s := fmt.Sprint(amount)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return "Rp" + s
}
