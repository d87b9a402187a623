// Counts each job with wg.Add inside the job's own goroutine: Wait can return before a job was counted, and the summary is shown before it is complete.
// want: race, crash, wrong-output, wrong-fix
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
)

// Summary is what the screens show: the day's sales, added up.
type Summary struct {
	Sales int    // how many items were sold
	Total int    // what they were sold for, in rupiah
	Best  string // the item sold most often
}

// latest is the day's summary once the job has published it: nil until
// then.
var (
	latest    *Summary
	published sync.WaitGroup // done once latest is set
)

func run() {
	screens := flag.Int("screens", 4, "how many screens show the summary")
	seed := flag.Int("seed", 1, "picks the day's sales")
	flag.Parse()

	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // the summary job
		defer wg.Done()
		published.Add(1)
		day := fetchSales(*seed)
		s := &Summary{}
		for _, sale := range day {
			s.Sales++
			s.Total += sale.Amount
		}
		s.Best = bestSeller(day)
		latest = s
		published.Done()
	}()

	shown := make([]string, *screens)
	for i := range shown {
		wg.Add(1)
		go func() { // one screen
			defer wg.Done()
			connect(i)
			published.Wait()
			s := latest
			shown[i] = fmt.Sprintf("screen %d: %d sold, %s, best seller %s", i+1, s.Sales, rupiah(s.Total), s.Best)
		}()
	}
	wg.Wait()

	for _, line := range shown {
		fmt.Println(line)
	}
}
