// Command thermo reads a thermometer that streams one reading after another
// and prints the average of the first k readings.
//
// Run it: go run ./labs/06-select -k 10 -seed 7
package main

import (
	"flag"
	"fmt"

	"github.com/racelab/racelab/labs/internal/overlap"
)

func main() {
	k := flag.Int("k", 10, "how many readings to average")
	seed := flag.Int("seed", 1, "which thermometer to read (each reads differently)")
	flag.Parse()

	readings := make(chan int)
	quit := make(chan struct{})
	go thermometer(*seed, readings, quit)

	sum := 0
	for range *k {
		sum += <-readings
	}
	close(quit) // enough readings: tell the thermometer to stop

	fmt.Printf("average: %s (readings: %d)\n", tenths(sum, *k), *k)
}

// thermometer measures the temperature again and again and sends each
// reading on out, until it is told to quit.
func thermometer(seed int, out chan<- int, quit <-chan struct{}) {
	for i := 0; ; i++ {
		t := measure(seed, i)
		select { // fix: wait for whichever comes first
		case out <- t: // fix: main took the reading
		case <-quit: // fix: main has enough: stop instead of waiting forever
			return // fix: the goroutine ends, nothing is left behind
		} // fix: end of select
	}
}

// measure takes reading number i, in tenths of a degree Celsius. It is slow:
// think of a sensor on a slow bus.
func measure(seed, i int) int {
	overlap.Work()
	return 150 + (seed*37+i*53)%200
}

// tenths formats the average of k readings given in tenths of a degree.
func tenths(sum, k int) string {
	if k <= 0 {
		return "no readings"
	}
	avg := (sum + k/2) / k
	return fmt.Sprintf("%d.%d C", avg/10, avg%10)
}
