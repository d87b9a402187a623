// Do not edit: part of the lab's fixture.

package main

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/racelab/racelab/labs/26-duplicate-work/photos"
	"github.com/racelab/racelab/labs/internal/overlap"
)

// receiveRequest is slow on purpose: think of it as reading the request
// from the network. Request i asks for one of the photos photos.
func receiveRequest(seed, n, i int) string {
	overlap.Work()
	return photos.Requested(seed, n, i)
}

// renders counts the renders of each photo. Its own lock keeps it apart
// from the cache's.
var renders struct {
	mu    sync.Mutex
	count map[string]int
}

// render makes the thumbnail of photo: slow, the work the cache is there
// to save. Under the lab's tests a render waits for the other requests to
// catch up (overlap.Window) before it finishes: every request that asks
// for the photo meanwhile is there while it is still being rendered, and
// renders for different photos go on at the same time.
func render(photo string) string {
	overlap.Window()
	renders.mu.Lock()
	defer renders.mu.Unlock()
	if renders.count == nil {
		renders.count = map[string]int{}
	}
	renders.count[photo]++
	return photos.Thumbnail(photo)
}

// renderLog returns how many renders there were, and which photos were
// rendered more than once ("none" when none was).
func renderLog() (total int, twice string) {
	renders.mu.Lock()
	defer renders.mu.Unlock()
	var again []string
	for photo, n := range renders.count {
		total += n
		if n > 1 {
			again = append(again, fmt.Sprintf("%s (%d times)", photo, n))
		}
	}
	if len(again) == 0 {
		return total, "none"
	}
	slices.Sort(again)
	return total, strings.Join(again, ", ")
}
