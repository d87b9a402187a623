// Looks at the clock only when a message arrives: a stuck service that falls silent is waited for forever.
// want: deadlock
// Command rollout deploys the services of a release and waits for each of
// them to become ready, all at the same time. A service that is not ready
// within -timeout is given up on and reported, so the rollout can be
// rolled back.
//
// Run it: go run ./labs/22-deadline/rollout -services 8 -timeout 500ms -seed 42
package main

import (
	"context"
	"flag"
	"fmt"
	"sync"
	"time"
)

func run() {
	services := flag.Int("services", 8, "how many services the release deploys")
	timeout := flag.Duration("timeout", 500*time.Millisecond, "how long to wait for each service to become ready")
	seed := flag.Int("seed", 1, "picks which services never become ready")
	flag.Parse()

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel() // once the rollout is over, every watch stops

	fleet := deploy(*seed, *services)
	errs := make([]error, len(fleet))
	var wg sync.WaitGroup
	for i, svc := range fleet {
		wg.Go(func() {
			errs[i] = waitReady(ctx, svc, *timeout)
		})
	}
	wg.Wait()

	ready := 0
	for i, svc := range fleet {
		if errs[i] != nil {
			fmt.Printf("%s: %v\n", svc.name, errs[i])
			continue
		}
		ready++
		fmt.Printf("%s: ready\n", svc.name)
	}
	fmt.Printf("ready: %d of %d\n", ready, len(fleet))
}

// waitReady follows svc's state until it is ready, and returns nil. It
// gives up when timeout has passed since it started waiting, and then
// returns context.DeadlineExceeded.
//
// TODO: a service that never comes up keeps saying "starting", and
// waitReady never gives up on it: time.After starts a new timer every time
// round the loop, so the deadline moves away with every message. Give the
// whole wait one deadline (a context with a timeout) and return ctx.Err()
// when it passes.
func waitReady(ctx context.Context, svc *service, timeout time.Duration) error {
	states := svc.watch(ctx)
	start := time.Now()
	for state := range states {
		if state == "ready" {
			return nil
		}
		if time.Since(start) > timeout {
			return context.DeadlineExceeded
		}
	}
	return ctx.Err()
}
