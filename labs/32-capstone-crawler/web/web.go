// Do not edit: part of the lab's fixture.

// Package web is the fake web that command crawler crawls. The program and
// the lab's tests both take it from here, so the tests know every page a
// crawl must find without trusting the program.
package web

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"sync/atomic"

	"github.com/racelab/racelab/labs/internal/overlap"
)

// A Page is one page of the fake web.
type Page struct {
	URL   string
	Title string
	Links []string // the URLs this page links to
}

// A Web is a fake web that lives in memory: a map from URL to page, built
// from a seed. Nothing here touches the network. It is safe for concurrent
// use: many goroutines may call Fetch at once.
//
// The web is made of layers. Layer 0 holds the front pages, where crawling
// starts; a page of layer d only links to pages of layer d+1, so a page of
// layer d is always exactly d links away from the front pages. Some links
// are broken: they point to pages that do not exist.
type Web struct {
	pages   map[string]Page
	roots   []string
	urls    int // pages plus broken link targets
	fetches atomic.Int64
	first   sync.Once // the first fetch's answer
}

// layers is how deep the fake web goes.
const layers = 5

func pageURL(layer, i int) string   { return fmt.Sprintf("https://fake.test/L%d/page%02d", layer, i) }
func brokenURL(layer, i int) string { return fmt.Sprintf("https://fake.test/L%d/gone%02d", layer, i) }

// New builds the fake web for seed, with the given number of front pages.
// The same seed and roots always give the same web.
func New(seed, roots int) *Web {
	r := rand.New(rand.NewPCG(uint64(seed), uint64(roots)))
	w := &Web{pages: map[string]Page{}}
	size := func(layer int) int { return roots + 2*layer }
	broken := map[string]bool{}
	for d := range layers {
		for i := range size(d) {
			p := Page{URL: pageURL(d, i), Title: fmt.Sprintf("%s %s, part %d", words[r.IntN(len(words))], words[r.IntN(len(words))], d)}
			if d+1 < layers {
				for _, j := range r.Perm(size(d + 1))[:2+r.IntN(3)] {
					p.Links = append(p.Links, pageURL(d+1, j))
				}
				if r.IntN(4) == 0 {
					b := brokenURL(d+1, r.IntN(3))
					p.Links = append(p.Links, b)
					broken[b] = true
				}
			}
			if d == 0 {
				w.roots = append(w.roots, p.URL)
			}
			w.pages[p.URL] = p
		}
	}
	w.urls = len(w.pages) + len(broken)
	return w
}

// words are what the pages' titles are made of.
var words = []string{"Gopher", "Channel", "Mutex", "Select", "Context", "Goroutine", "Pipeline", "Cache", "Worker", "Race"}

// Roots returns the front pages, where crawling starts.
func (w *Web) Roots() []string { return append([]string(nil), w.roots...) }

// Size returns how many different URLs the web holds or links to, broken
// links included: no crawl can ever queue more URLs than that.
func (w *Web) Size() int { return w.urls }

// Fetch downloads the page at url. It is slow on purpose: think of a request
// to a server far away. ok is false when the page does not exist (a broken
// link). Under the lab's tests, the first answer waits until every other
// goroutine of the crawler is waiting too, and one that keeps running
// instead (a loop that polls) is reported: it spins.
func (w *Web) Fetch(url string) (page Page, ok bool) {
	overlap.Work()
	w.first.Do(overlap.Settle)
	w.fetches.Add(1)
	page, ok = w.pages[url]
	return page, ok
}

// Fetches returns how many times Fetch has been called.
func (w *Web) Fetches() int { return int(w.fetches.Load()) }

// Lookup returns the page at url as Fetch does, but at once and without
// counting a fetch: the lab's tests walk the web with it to know what a
// crawl must find. A crawler must use Fetch.
func (w *Web) Lookup(url string) (page Page, ok bool) {
	page, ok = w.pages[url]
	return page, ok
}
