package fine

import (
	"context"
	"errors"
	"log"
	"time"
)

var errTimeout = errors.New("timeout")

// A deadline: the timer ends the wait with a failure.
func get(ch chan string, d time.Duration) (string, error) {
	select {
	case v := <-ch:
		return v, nil
	case <-time.After(d):
		return "", errTimeout
	}
}

func waitReady(ctx context.Context, states <-chan string, d time.Duration) error {
	timer := time.NewTimer(d)
	defer timer.Stop()
	for {
		select {
		case s := <-states:
			if s == "ready" {
				return nil
			}
		case <-timer.C:
			return context.DeadlineExceeded
		}
	}
}

func recorded(states <-chan string, d time.Duration) (err error) {
	timeout := time.After(d)
loop:
	for {
		select {
		case s := <-states:
			if s == "ready" {
				break loop
			}
		case <-timeout:
			err = errTimeout
			break loop
		}
	}
	return err
}

func ok(ch chan int) (int, bool) {
	select {
	case v := <-ch:
		return v, true
	case <-time.After(time.Second):
		return 0, false
	}
}

func fatal(ch chan int) int {
	select {
	case v := <-ch:
		return v
	case <-time.After(time.Second):
		log.Fatal("no answer")
	}
	return 0
}

// Periodic work: the timer case goes round again.
func flush(in chan int, quit chan struct{}) {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	var batch []int
	for {
		select {
		case v := <-in:
			batch = append(batch, v)
		case <-tick.C:
			batch = batch[:0]
		case <-quit:
			return
		}
	}
}

// The timer paces the work; quit leaves.
func sample(quit chan struct{}) {
	for {
		select {
		case <-quit:
			return
		case <-time.After(time.Millisecond):
		}
		work()
	}
}

// A send with a timeout: nothing is waited for.
func offer(out chan int, v int) {
	select {
	case out <- v:
	case <-time.After(time.Second):
	}
}

// The awaited case leaves: the two ways go on differently.
func firstOrGiveUp(ch chan int) {
	select {
	case v := <-ch:
		use(v)
		return
	case <-time.After(time.Second):
	}
	work()
}

// Unlabelled break leaves the select only: the loop goes on receiving.
func keepsWaiting(ch chan int) int {
	total := 0
	for total < 10 {
		select {
		case v := <-ch:
			total += v
		case <-time.After(time.Second):
			break
		}
	}
	return total
}

func work()   {}
func use(int) {}

// A cancellation, not a timer: the caller decides when to stop.
func untilCancelled(ctx context.Context, lines chan string) []string {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var got []string
	for {
		select {
		case l := <-lines:
			got = append(got, l)
		case <-ctx.Done():
			return got
		}
	}
}

// A timed context that gives up with its error is a deadline.
func deadline(ctx context.Context, states chan string) error {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	for {
		select {
		case s := <-states:
			if s == "ready" {
				return nil
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}
