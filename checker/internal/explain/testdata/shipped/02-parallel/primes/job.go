// Do not edit: part of the lab's fixture.

package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/racelab/racelab/checker/protocol"
	"github.com/racelab/racelab/labs/02-parallel/numbers"
	"github.com/racelab/racelab/labs/internal/overlap"
)

var showTimeline = flag.Bool("timeline", true, "draw when each chunk was computing")

// pieces is how many times a chunk notes the time while it computes: the
// resolution of its row in the timeline.
const pieces = 64

// A job counts the primes of a range of numbers cut into chunks, and notes
// when each chunk computed, to draw the timeline.
type job struct {
	start, chunks, size int
	byHand              bool // not started by the lab's tests
	began               time.Time
	cpu                 time.Duration // the process's CPU time when the job began (-1: unknown)
	// noted[c] is when chunk c finished each of its pieces: chunk c's
	// alone, written once, when the chunk is done.
	noted [][]time.Duration
}

func newJob(start, chunks, size int) *job {
	j := &job{
		start: start, chunks: max(chunks, 0), size: max(size, 0),
		byHand: os.Getenv(protocol.EnvOverlap) == "",
	}
	j.noted = make([][]time.Duration, j.chunks)
	j.cpu = cpuTime()
	j.began = time.Now()
	return j
}

// count counts the primes of chunk c. It only computes, never waits: one
// chunk keeps one core busy for as long as it runs.
func (j *job) count(c int) int {
	if !j.byHand {
		overlap.Work() // under the lab's tests: the chunks must be counted at the same time
	}
	lo, hi := numbers.Chunk(j.start, j.size, c)
	noted := make([]time.Duration, 0, pieces)
	total := 0
	for p := range pieces {
		a := lo + p*(hi-lo)/pieces
		b := lo + (p+1)*(hi-lo)/pieces
		total += numbers.CountPrimes(a, b)
		noted = append(noted, time.Since(j.began))
	}
	j.noted[c] = noted
	return total
}

// width is how many columns the timeline's rows have.
const width = 60

// timeline draws, for each chunk, the moments it was computing: a # in a
// column means the chunk got some of its work done in that slice of time.
// Call it once every chunk has been counted. With the flag -timeline=false
// it draws nothing.
func (j *job) timeline() {
	if !*showTimeline || j.chunks == 0 {
		return
	}
	wall := time.Since(j.began)
	col := func(d time.Duration) int {
		return min(width-1, max(0, int(int64(d)*width/max(int64(wall), 1))))
	}
	fmt.Printf("\ntimeline of %d chunks: %d columns = %v, # = the chunk was computing\n", j.chunks, width, wall.Round(time.Millisecond))
	for c, noted := range j.noted {
		row := []byte(strings.Repeat(" ", width))
		for _, d := range noted {
			row[col(d)] = '#'
		}
		fmt.Printf("  chunk %2d |%s|\n", c, row)
	}
	threads, cores := runtime.GOMAXPROCS(0), runtime.NumCPU()
	fmt.Printf("GOMAXPROCS=%d: up to %d goroutine(s) compute at the same moment; this machine has %d core(s)\n", threads, threads, cores)
	cpu := cpuTime()
	if j.cpu < 0 || cpu < 0 || wall <= 0 {
		fmt.Printf("wall time %v\n", wall.Round(time.Millisecond))
		return
	}
	used := cpu - j.cpu
	busy := float64(used) / float64(wall)
	fmt.Printf("wall time %v, CPU time %v: on average %.1f core(s) were computing\n",
		wall.Round(time.Millisecond), used.Round(time.Millisecond), busy)
	if could := min(threads, cores, j.chunks); busy < 0.75*float64(could) {
		fmt.Printf("(%d could have been: either the chunks did not compute at the same time, or other programs kept the cores busy)\n", could)
	}
}
