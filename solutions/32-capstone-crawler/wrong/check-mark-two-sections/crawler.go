// Checks visited in one critical section and marks it in another: two workers that find the same link unvisited both queue it, and the page is fetched twice.
// want: wrong-fix, wrong-output
// Command crawler crawls a fake web that lives in memory (no network at all):
// starting from the web's front pages, it fetches every page within -depth
// links of them, each page exactly once, with a pool of -workers goroutines.
// It prints the pages it found, sorted, and the links that were broken.
//
// Run it: go run ./labs/32-capstone-crawler/crawler -roots 4 -workers 4 -depth 2 -seed 7
package main

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"sync"

	"github.com/racelab/racelab/labs/32-capstone-crawler/web"
)

// A task asks a worker to fetch the page at url, depth links away from the
// front pages.
type task struct {
	url   string
	depth int
}

// A found page, with how far from the front pages it was found.
type found struct {
	page  web.Page
	depth int
}

// crawl fetches every page within maxDepth links of the web's front pages,
// each one once, using a pool of workers. It returns the pages it fetched
// and the broken links it met.
func crawl(web *web.Web, maxDepth, workers int) (pages []found, broken []string) {
	var mu sync.Mutex
	visited := map[string]bool{}
	var pending sync.WaitGroup
	queue := make(chan task, 2*web.Size())
	for _, url := range web.Roots() {
		visited[url] = true
		pending.Add(1)
		queue <- task{url: url, depth: 0}
	}

	seen := func(url string) bool {
		mu.Lock()
		defer mu.Unlock()
		return visited[url]
	}
	mark := func(url string) {
		mu.Lock()
		defer mu.Unlock()
		visited[url] = true
	}

	visit := func(t task) {
		defer pending.Done()
		page, ok := web.Fetch(t.url)
		mu.Lock()
		if !ok {
			broken = append(broken, t.url)
			mu.Unlock()
			return
		}
		pages = append(pages, found{page: page, depth: t.depth})
		mu.Unlock()
		if t.depth == maxDepth {
			return
		}
		for _, link := range page.Links {
			if !seen(link) {
				mark(link)
				pending.Add(1)
				queue <- task{url: link, depth: t.depth + 1}
			}
		}
	}

	var running sync.WaitGroup
	for range workers {
		running.Add(1)
		go func() {
			defer running.Done()
			for t := range queue {
				visit(t)
			}
		}()
	}
	pending.Wait()
	close(queue)
	running.Wait()
	return pages, broken
}

func run() {
	roots := flag.Int("roots", 4, "how many front pages the fake web has")
	depth := flag.Int("depth", 2, "how many links away from the front pages to crawl")
	workers := flag.Int("workers", 4, "how many workers fetch pages at once")
	seed := flag.Int("seed", 1, "seed that builds the fake web")
	flag.Parse()
	if *roots < 1 || *workers < 1 || *depth < 0 {
		fmt.Fprintln(os.Stderr, "crawler: want -roots and -workers at least 1, and -depth at least 0")
		return
	}

	web := web.New(*seed, *roots)
	pages, broken := crawl(web, *depth, *workers)

	sort.Slice(pages, func(i, j int) bool { return pages[i].page.URL < pages[j].page.URL })
	sort.Strings(broken)
	fmt.Printf("pages: %d\n", len(pages))
	fmt.Printf("broken links: %d\n", len(broken))
	fmt.Printf("fetches: %d\n", web.Fetches())
	for _, f := range pages {
		fmt.Printf("%s (depth %d): %s\n", f.page.URL, f.depth, f.page.Title)
	}
	for _, url := range broken {
		fmt.Printf("broken: %s\n", url)
	}
}
