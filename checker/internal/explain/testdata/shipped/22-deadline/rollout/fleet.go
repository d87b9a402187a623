// Do not edit: part of the lab's fixture.

package main

import (
	"context"
	"sync"
	"time"

	"github.com/racelab/racelab/labs/22-deadline/release"
	"github.com/racelab/racelab/labs/internal/overlap"
)

// settleOnce makes the stuck services start their heartbeats only once
// every goroutine of the program has blocked (see watch).
var settleOnce sync.Once

// A service is one service of the rollout, just deployed.
type service struct {
	name   string
	stuck  bool // it never becomes ready
	silent bool // stuck, and says "starting" only once
}

// deploy deploys the services of the rollout that seed picks.
func deploy(seed, services int) []*service {
	fleet := make([]*service, services)
	for i := range fleet {
		fleet[i] = &service{name: release.Name(i), stuck: release.Stuck(seed, i), silent: release.Silent(seed, i)}
	}
	return fleet
}

// heartbeat is how often a service that is still starting says so.
const heartbeat = 2 * time.Millisecond

// watch follows the service's state, like `kubectl rollout status`: the
// channel it returns gets "starting" while the service starts, then
// "ready" once it is up. A service that never comes up keeps sending
// "starting", every few milliseconds, forever, or says it once and then
// nothing more: a waiter that looks at the clock only when a message comes
// waits for that one forever.
//
// The channel is never closed: watch stops sending, and its goroutine ends,
// when ctx is cancelled (or its deadline passes). That is the only way to
// stop it.
func (s *service) watch(ctx context.Context) <-chan string {
	states := make(chan string)
	go func() {
		overlap.Work() // the service takes a while to report its first state
		if !s.stuck {
			for _, state := range []string{"starting", "starting", "ready"} {
				select {
				case states <- state:
				case <-ctx.Done():
					return
				}
			}
			<-ctx.Done() // up: nothing more to say until the watcher goes away
			return
		}
		// Under the lab's tests, the one waiting for this service is
		// waiting, blocked, by now (a program that spins instead is
		// noticed here). One settle for the whole fleet: stuck services
		// settling side by side would each see the others' polling as
		// goroutines that do not block.
		settleOnce.Do(overlap.Settle)
		if s.silent {
			select {
			case states <- "starting":
			case <-ctx.Done():
				return
			}
			<-ctx.Done()
			return
		}
		for {
			select {
			case <-time.After(heartbeat):
			case <-ctx.Done():
				return
			}
			if ctx.Err() != nil {
				return
			}
			select {
			case states <- "starting":
			case <-ctx.Done():
				return
			}
		}
	}()
	return states
}
