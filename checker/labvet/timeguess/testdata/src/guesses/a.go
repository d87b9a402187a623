package guesses

import (
	"context"
	"time"
)

func untilQuiet(counts chan int) int {
	total := 0
loop:
	for {
		select {
		case c := <-counts:
			total += c
		case <-time.After(time.Second): // want `when time.After\(time.Second\) fires, the wait for counts ends as if everything had come`
			break loop
		}
	}
	return total
}

func untilDeadline(quotes chan int) []int {
	var qs []int
	timeout := time.After(time.Second)
	for {
		select {
		case q := <-quotes:
			qs = append(qs, q)
		case <-timeout: // want `when timeout fires, the wait for quotes ends`
			return qs
		}
	}
}

func flagged(results chan string) []string {
	var got []string
	t := time.NewTimer(time.Second)
	defer t.Stop()
	done := false
	for !done {
		select {
		case r := <-results:
			got = append(got, r)
		case <-t.C: // want `when t.C fires, the wait for results ends`
			done = true
		}
	}
	return got
}

func fallback(ready chan struct{}) {
	select {
	case <-ready:
	case <-time.After(20 * time.Millisecond): // want `the wait for ready ends`
	}
	read()
}

func countedButCutOff(counts chan int, n int) int {
	total := 0
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for range n {
		select {
		case c := <-counts:
			total += c
		case <-tick.C: // want `when tick.C fires`
			println("giving up")
			return total
		}
	}
	return total
}

func read() {}

func withTimeout(ctx context.Context, counts chan int) int {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	total := 0
	for {
		select {
		case c := <-counts:
			total += c
		case <-ctx.Done(): // want `when ctx.Done\(\) fires, the wait for counts ends`
			return total
		}
	}
}
