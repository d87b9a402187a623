// Command logs counts the important lines of a log with a pipeline: three
// stages, each a goroutine, joined by channels.
//
//	generate ──lines──▶ parse ──entries──▶ filter ──entries──▶ main (count)
//
// Each stage receives from the channel on its left with a range loop, and
// sends on the channel on its right.
//
// Run it: go run ./labs/03-pipeline/logs -lines 20 -level WARN -seed 7
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/racelab/racelab/labs/03-pipeline/logfile"
)

// levels are the severities of log lines, from least to most important.
var levels = logfile.Levels

// An entry is a parsed log line.
type entry struct {
	level int // index into levels
	msg   string
}

// generate is the first stage: it sends the n lines of the log, then closes
// lines, which tells the next stage that no more are coming.
func generate(n, seed int) <-chan string {
	lines := make(chan string)
	go func() {
		defer close(lines)
		for i := range n {
			lines <- logfile.Line(seed, i)
		}
	}()
	return lines
}

// parse is the second stage: it turns each line into an entry.
func parse(lines <-chan string) <-chan entry {
	entries := make(chan entry)
	go func() {
		// TODO: when lines is closed, the range ends and this goroutine
		// returns, but the next stage is still waiting on entries for more.
		// Tell it that nothing more is coming.
		for line := range lines {
			level, msg, _ := strings.Cut(line, " ")
			entries <- entry{level: levelIndex(level), msg: msg}
		}
	}()
	return entries
}

// filter is the third stage: it passes on the entries at level least or above
// and drops the others.
func filter(in <-chan entry, least int) <-chan entry {
	out := make(chan entry)
	go func() {
		// TODO: the same problem as in parse.
		for e := range in {
			if e.level >= least {
				out <- e
			}
		}
	}()
	return out
}

func run() {
	n := flag.Int("lines", 20, "how many lines the log has")
	level := flag.String("level", "WARN", "the least important level to count: DEBUG, INFO, WARN or ERROR")
	seed := flag.Int("seed", 1, "seed for the log's lines")
	flag.Parse()
	least := levelIndex(*level)
	if least < 0 {
		fmt.Fprintln(os.Stderr, "logs: -level must be DEBUG, INFO, WARN or ERROR")
		return
	}

	// The last stage: count what comes out of the pipeline.
	counts := make([]int, len(levels))
	kept := 0
	for e := range filter(parse(generate(*n, *seed)), least) {
		counts[e.level]++
		kept++
	}

	fmt.Printf("lines: %d\n", *n)
	fmt.Printf("kept: %d (level %s and above)\n", kept, levels[least])
	for l := least; l < len(levels); l++ {
		fmt.Printf("%s: %d\n", levels[l], counts[l])
	}
}

// levelIndex returns the index of level in levels, or -1.
func levelIndex(level string) int {
	for i, l := range levels {
		if l == level {
			return i
		}
	}
	return -1
}
