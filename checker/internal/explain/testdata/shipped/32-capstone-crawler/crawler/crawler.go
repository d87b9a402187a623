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
	visited := map[string]bool{} // every URL ever queued, so none is queued twice
	// queue has room for every URL of the web, so adding a task never blocks.
	queue := make(chan task, web.Size())
	for _, url := range web.Roots() {
		visited[url] = true
		queue <- task{url: url, depth: 0}
	}

	// visit fetches one page and queues the links it has not seen yet.
	visit := func(t task) {
		page, ok := web.Fetch(t.url)
		// TODO (1): all the workers run this at the same time, and they all
		// read and write pages, broken and visited. Checking visited and then
		// marking a link must happen as one step, or two workers can both
		// queue the same link.
		if !ok {
			broken = append(broken, t.url)
			return
		}
		pages = append(pages, found{page: page, depth: t.depth})
		if t.depth == maxDepth {
			return
		}
		for _, link := range page.Links {
			if !visited[link] {
				visited[link] = true
				queue <- task{url: link, depth: t.depth + 1}
			}
		}
	}

	// The pool: a fixed number of workers take tasks from queue.
	for range workers {
		go func() {
			for t := range queue {
				visit(t)
			}
		}()
	}

	// TODO (2): an empty queue does not mean the crawl is over: the workers
	// may still be fetching pages whose links are not queued yet. And this
	// loop burns a whole CPU while it waits. Wait, without spinning, until
	// every task ever queued has been visited.
	for len(queue) > 0 {
	}
	// TODO (3): when the crawl is over, the workers are still waiting in
	// their range loops for tasks that never come. Let them finish before
	// crawl returns.
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
