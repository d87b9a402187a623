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
	thumbs map[string]*entry // fix: photo name -> its entry, there from the first request on
}

// entry is one photo's place in the cache: the first request for the photo
// puts it there, and its thumbnail is rendered once, by whichever request
// gets to once.Do first; the others wait inside Do until it is done.
type entry struct { // fix
	once  sync.Once // fix: the render runs once; every other Do waits for it
	thumb string    // fix: written inside once.Do, read after it
}

// get returns the thumbnail of photo, rendering it if it is not in the
// cache yet.
func (c *cache) get(photo string) string {
	c.mu.Lock()
	e, ok := c.thumbs[photo]
	if !ok { // fix: the first request for the photo makes its entry, under the lock
		e = &entry{}        // fix
		c.thumbs[photo] = e // fix: stored before the render: the next request finds it
	}
	c.mu.Unlock()                                 // fix: never held while rendering
	e.once.Do(func() { e.thumb = render(photo) }) // fix: one render per photo; the others wait for it
	return e.thumb
}

func run() {
	requests := flag.Int("requests", 10, "how many requests arrive at once")
	photos := flag.Int("photos", 3, "how many different photos they ask for")
	seed := flag.Int("seed", 1, "seed for the photos asked for")
	flag.Parse()

	c := &cache{thumbs: map[string]*entry{}} // fix
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
