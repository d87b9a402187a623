package lab_test

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/racelab/racelab/labs/32-capstone-crawler/web"
	"github.com/racelab/racelab/labs/internal/judge"
)

// wantCrawler computes what a correct crawler prints for: ROOTS DEPTH SEED.
// It walks the same fake web breadth first, one layer at a time, with no
// goroutines at all.
func wantCrawler(args []string) (string, error) {
	if len(args) != 3 {
		return "", fmt.Errorf("usage: want crawler ROOTS DEPTH SEED")
	}
	var v [3]int
	for i, a := range args {
		n, err := strconv.Atoi(a)
		if err != nil {
			return "", err
		}
		v[i] = n
	}
	roots, maxDepth, seed := v[0], v[1], v[2]
	w := web.New(seed, roots)

	depth := map[string]int{}
	frontier := w.Roots()
	for _, u := range frontier {
		depth[u] = 0
	}
	var pages, broken []string
	for d := 0; d <= maxDepth && len(frontier) > 0; d++ {
		var next []string
		for _, u := range frontier {
			p, ok := w.Lookup(u)
			if !ok {
				broken = append(broken, u)
				continue
			}
			pages = append(pages, fmt.Sprintf("%s (depth %d): %s", p.URL, d, p.Title))
			for _, l := range p.Links {
				if _, seen := depth[l]; !seen {
					depth[l] = d + 1
					next = append(next, l)
				}
			}
		}
		frontier = next
	}
	sort.Strings(pages)
	sort.Strings(broken)
	var b strings.Builder
	fmt.Fprintf(&b, "pages: %d\nbroken links: %d\nfetches: %d\n", len(pages), len(broken), len(pages)+len(broken))
	for _, p := range pages {
		b.WriteString(p + "\n")
	}
	for _, u := range broken {
		b.WriteString("broken: " + u + "\n")
	}
	return b.String(), nil
}

func TestLab(t *testing.T) {
	judge.Run(t, judge.Want("crawler", wantCrawler))
}
