// Command resolver opens a batch of connections, each in a goroutine of its
// own. Every connection first looks up the address of its host name, like a
// DNS lookup. Looking a name up is slow, so the resolver remembers the
// answers in a Cache that all the connections share: most lookups only read
// the cache, and a lookup that misses computes the address and stores it.
//
// Run it: go run ./labs/20-cache/resolver -conns 20 -hosts 6 -seed 7
package main

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"sync"

	"github.com/racelab/racelab/labs/20-cache/dns"
	"github.com/racelab/racelab/labs/internal/overlap"
)

// A Cache remembers the address of every host name it has seen. Many
// goroutines use the same Cache at once.
type Cache struct {
	mu    sync.RWMutex // fix: guards addrs: many readers at once, or one writer alone
	addrs map[string]string
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{addrs: make(map[string]string)}
}

// Get returns the cached address of host, and whether there was one.
func (c *Cache) Get(host string) (string, bool) {
	c.mu.RLock()         // fix: a reader: other readers may hold the read lock too
	defer c.mu.RUnlock() // fix: release it when the lookup is done
	addr, ok := c.addrs[host]
	return addr, ok
}

// Set stores the address of host.
func (c *Cache) Set(host, addr string) {
	c.mu.Lock()         // fix: a writer: waits until no one else reads or writes
	defer c.mu.Unlock() // fix: release it when the address is stored
	c.addrs[host] = addr
}

// Len returns how many hosts the cache holds.
func (c *Cache) Len() int {
	c.mu.RLock()         // fix: len reads the map too
	defer c.mu.RUnlock() // fix: release the read lock
	return len(c.addrs)
}

// GetOrCompute returns the address of host from the cache. On a miss it calls
// compute to find the address, stores it and returns it.
func (c *Cache) GetOrCompute(host string, compute func(host string) string) string {
	if addr, ok := c.Get(host); ok {
		return addr
	}
	addr := compute(host)
	c.Set(host, addr)
	return addr
}

func run() {
	conns := flag.Int("conns", 20, "how many connections to open")
	hosts := flag.Int("hosts", 6, "how many different hosts they connect to (2 to 8)")
	seed := flag.Int("seed", 1, "seed for which connection goes where")
	flag.Parse()
	if *conns < 1 || *hosts < 2 || *hosts > len(dns.Hosts) {
		fmt.Fprintf(os.Stderr, "resolver: want -conns at least 1 and -hosts from 2 to %d\n", len(dns.Hosts))
		return
	}

	cache := NewCache()
	// The resolver starts out knowing two hosts (say, from /etc/hosts).
	for _, host := range dns.Hosts[:2] {
		cache.Set(host, dns.Resolve(*seed, host))
	}

	seen := make([]string, *conns) // "host address" for each connection
	var wg sync.WaitGroup
	for i := range *conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			host := accept(*seed, i, *hosts)
			addr := cache.GetOrCompute(host, func(host string) string {
				return dns.Resolve(*seed, host)
			})
			seen[i] = host + " " + addr
		}()
	}
	wg.Wait()

	count := map[string]int{}
	for _, s := range seen {
		count[s]++
	}
	lines := make([]string, 0, len(count))
	for s, n := range count {
		lines = append(lines, fmt.Sprintf("%s (connections: %d)", s, n))
	}
	sort.Strings(lines)
	fmt.Printf("connections: %d\n", *conns)
	for _, line := range lines {
		fmt.Println(line)
	}
	fmt.Printf("cached hosts: %d\n", cache.Len())
}

// accept waits for connection i and returns the host it asks for, one of
// the first hosts host names. It is slow on purpose: think of a client on
// the other side of the world.
func accept(seed, i, hosts int) string {
	overlap.Work()
	return dns.Host(seed, i, hosts)
}
