// Command thumbs serves requests for photo thumbnails, one goroutine per
// request. Rendering a thumbnail is slow, so the server keeps every
// thumbnail it renders in a cache, and serves the next request for the same
// photo from there.
//
// Run it: go run ./labs/26-duplicate-work/thumbs -requests 10 -photos 3 -seed 1
package main

import (
	"flag"
	"fmt"
	"sync"
)

// cache holds the thumbnails rendered so far. Every access to thumbs holds mu.
type cache struct {
	mu     sync.Mutex
	thumbs map[string]string // photo name -> its thumbnail
}

// get returns the thumbnail of photo, rendering it if it is not in the
// cache yet.
//
// TODO: every access to c.thumbs holds the lock, so the race detector has
// nothing to say. Yet when several requests miss the same photo at once,
// each of them renders it: between the look-up (a miss) and the store, the
// lock is free and the slow render runs. Make a request that misses a photo
// someone is already rendering wait for that render and use its thumbnail,
// so each photo is rendered once. Do not hold c.mu while rendering: a
// request for another photo must not wait for it.
func (c *cache) get(photo string) string {
	c.mu.Lock()
	t, ok := c.thumbs[photo]
	c.mu.Unlock()
	if ok {
		return t
	}
	t = render(photo)
	c.mu.Lock()
	c.thumbs[photo] = t
	c.mu.Unlock()
	return t
}

func run() {
	requests := flag.Int("requests", 10, "how many requests arrive at once")
	photos := flag.Int("photos", 3, "how many different photos they ask for")
	seed := flag.Int("seed", 1, "seed for the photos asked for")
	flag.Parse()

	c := &cache{thumbs: map[string]string{}}
	served := make([]int, *requests)
	var wg sync.WaitGroup
	for i := range *requests {
		wg.Add(1)
		go func() { // one request
			defer wg.Done()
			photo := receiveRequest(*seed, *photos, i)
			served[i] = len(c.get(photo))
		}()
	}
	wg.Wait()

	total := 0
	for _, n := range served {
		total += n
	}
	renders, twice := renderLog()
	fmt.Printf("%d requests for %d photo(s): %d bytes served\n", *requests, *photos, total)
	fmt.Printf("renders: %d\n", renders)
	fmt.Printf("rendered more than once: %s\n", twice)
}
