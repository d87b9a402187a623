// Command dashboard shows the day's sales summary on the shop's screens. A
// summary job adds up the day's sales in the background while the screens
// connect; then every screen checks, 20 times a second, whether the
// job has published the summary, and shows it as soon as it has.
//
// Run it: go run ./labs/18-happens-before/dashboard -screens 4 -seed 7
package main

import (
	"flag"
	"fmt"
	"sync"
	"time"
)

// Summary is what the screens show: the day's sales, added up.
type Summary struct {
	Sales int    // how many items were sold
	Total int    // what they were sold for, in rupiah
	Best  string // the item sold most often
}

// latest is the day's summary once the job has published it: nil until
// then.
var latest *Summary

func run() {
	screens := flag.Int("screens", 4, "how many screens show the summary")
	seed := flag.Int("seed", 1, "picks the day's sales")
	flag.Parse()

	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // the summary job
		defer wg.Done()
		day := fetchSales(*seed)
		s := &Summary{}
		for _, sale := range day {
			s.Sales++
			s.Total += sale.Amount
		}
		s.Best = bestSeller(day)
		// TODO: the summary is complete, so the job publishes it. Yet
		// nothing orders this write, or the writes that filled s in, before
		// what the screens read: publish it so that a screen that sees it
		// also sees everything the job wrote before.
		latest = s
	}()

	shown := make([]string, *screens)
	for i := range shown {
		wg.Add(1)
		go func() { // one screen
			defer wg.Done()
			connect(i)
			tick := time.NewTicker(50 * time.Millisecond)
			defer tick.Stop()
			for latest == nil { // TODO: seeing latest != nil here proves nothing about *latest
				<-tick.C
			}
			s := latest
			shown[i] = fmt.Sprintf("screen %d: %d sold, %s, best seller %s", i+1, s.Sales, rupiah(s.Total), s.Best)
		}()
	}
	wg.Wait()

	for _, line := range shown {
		fmt.Println(line)
	}
}
