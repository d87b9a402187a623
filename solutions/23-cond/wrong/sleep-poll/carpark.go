// Looks under the lock, and sleeps a millisecond between looks instead of waiting to be woken: a loop that polls, which a run may also catch spinning.
// want: wrong-fix, deadlock, wrong-output, busy-wait
//
// Command carpark runs a car park with a few spaces for a morning's worth of
// cars, one goroutine per car. The cars arrive before it opens and queue at
// the barrier; once it is open, a car may drive in whenever a space is free,
// and it frees its space when it leaves.
//
// Run it: go run ./labs/23-cond/carpark -cars 10 -spaces 3
package main

import (
	"flag"
	"fmt"
	"sync"
	"time"
)

// carPark is the car park's state. Every access to open and free must hold mu.
type carPark struct {
	mu   sync.Mutex
	open bool // the barrier is up: cars may drive in
	free int  // spaces no car is parked in
	// TODO: a car that cannot drive in yet must wait without burning a CPU,
	// and be woken when that may have changed. Add a sync.Cond on mu here.
}

// newCarPark returns a closed car park with the given number of spaces.
func newCarPark(spaces int) *carPark {
	return &carPark{free: spaces}
}

// enter waits until the car park is open and has a free space, then takes
// the space.
func (p *carPark) enter() {
	for {
		p.mu.Lock()
		if p.open && p.free > 0 {
			p.free--
			p.mu.Unlock()
			return
		}
		p.mu.Unlock()
		time.Sleep(time.Millisecond)
	}
}

// leave frees the car's space.
//
// TODO: a car waiting for a space must hear that one is free.
func (p *carPark) leave() {
	p.mu.Lock()
	p.free++
	p.mu.Unlock()
}

// raiseBarrier opens the car park.
//
// TODO: every car queuing at the barrier must hear that it is open.
func (p *carPark) raiseBarrier() {
	p.mu.Lock()
	p.open = true
	p.mu.Unlock()
}

func run() {
	cars := flag.Int("cars", 10, "how many cars come to park")
	spaces := flag.Int("spaces", 3, "how many spaces the car park has")
	flag.Parse()

	p := newCarPark(*spaces)
	var wg sync.WaitGroup
	for i := range *cars {
		wg.Add(1)
		go func() { // one car
			defer wg.Done()
			drive(i)
			p.enter()
			shop(i)
			p.leave()
		}()
	}
	openingTime()
	p.raiseBarrier()
	wg.Wait()

	parked, most := parkingLog()
	fmt.Printf("%d cars, %d spaces\n", *cars, *spaces)
	fmt.Printf("cars parked: %d\n", parked)
	fmt.Printf("most cars parked at once: %d\n", most)
}
