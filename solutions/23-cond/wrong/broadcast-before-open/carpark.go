// raiseBarrier wakes the queue before it opens the barrier: a car that gets the lock first sees it still closed and waits again, and nobody wakes it after the barrier opens.
// want: wrong-fix, deadlock, wrong-output
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
)

// carPark is the car park's state. Every access to open and free must hold mu.
type carPark struct {
	mu      sync.Mutex
	open    bool // the barrier is up: cars may drive in
	free    int  // spaces no car is parked in
	changed *sync.Cond
}

// newCarPark returns a closed car park with the given number of spaces.
func newCarPark(spaces int) *carPark {
	p := &carPark{free: spaces}
	p.changed = sync.NewCond(&p.mu)
	return p
}

// enter waits until the car park is open and has a free space, then takes
// the space.
func (p *carPark) enter() {
	p.mu.Lock()
	for !p.open || p.free == 0 {
		p.changed.Wait()
	}
	p.free--
	p.mu.Unlock()
}

// leave frees the car's space.
func (p *carPark) leave() {
	p.mu.Lock()
	p.free++
	p.mu.Unlock()
	p.changed.Signal()
}

// raiseBarrier opens the car park.
func (p *carPark) raiseBarrier() {
	p.changed.Broadcast() // wake the queue first, then open
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
