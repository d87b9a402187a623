// Do not edit: part of the lab's fixture.

package main

import (
	"fmt"

	"github.com/racelab/racelab/labs/18-happens-before/sales"
	"github.com/racelab/racelab/labs/internal/overlap"
)

// fetchSales reads the day's sales from the tills. It is slow: think of a
// request over the shop's network, made while the screens connect.
func fetchSales(seed int) []sales.Sale {
	overlap.Work()
	return sales.Day(seed)
}

// bestSeller returns the item sold most often. It is slow: think of a
// query over the whole month's stock as well.
func bestSeller(day []sales.Sale) string {
	best := sales.Best(day)
	// Under the lab's tests, the screens have gone as far as they can
	// before the summary is published: each is waiting for it, every run.
	overlap.Settle()
	return best
}

// connect opens screen i's connection to the dashboard. It is slow: think
// of a screen on the other side of the shop. The screens connect at the
// same time, while the job fetches the sales. Screen 1 (i == 0) is the
// office's own: it is connected already.
func connect(i int) {
	if i == 0 {
		return
	}
	overlap.Work()
}

// rupiah formats an amount of rupiah the Indonesian way: Rp12.500.
func rupiah(amount int) string {
	s := fmt.Sprint(amount)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return "Rp" + s
}
