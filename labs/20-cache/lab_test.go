package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/racelab/racelab/labs/internal/harness"
)

func TestMain(m *testing.M) { harness.Main(m, "resolver", main) }

// wantResolver computes what a correct resolver prints for: CONNS HOSTS
// SEED. Connection i asks for host (seed + i*i) % HOSTS; the first two hosts
// are known from the start.
func wantResolver(args []string) (string, error) {
	if len(args) != 3 {
		return "", fmt.Errorf("usage: want resolver CONNS HOSTS SEED")
	}
	var v [3]int
	for i, a := range args {
		n, err := strconv.Atoi(a)
		if err != nil {
			return "", err
		}
		v[i] = n
	}
	conns, hosts, seed := v[0], v[1], v[2]
	names := []string{"api.shop.test", "cdn.shop.test", "auth.shop.test", "img.shop.test", "search.shop.test", "pay.shop.test", "mail.shop.test", "log.shop.test"}
	addr := func(host string) string {
		h := seed
		for _, c := range host {
			h = (h*31 + int(c)) % 65521
		}
		return fmt.Sprintf("10.%d.%d.%d", h%256, (h/256)%256, 1+len(host))
	}
	cached := map[string]bool{names[0]: true, names[1]: true}
	count := map[string]int{}
	for i := range conns {
		host := names[(seed+i*i)%hosts]
		cached[host] = true
		count[host+" "+addr(host)]++
	}
	var lines []string
	for s, n := range count {
		lines = append(lines, fmt.Sprintf("%s (connections: %d)", s, n))
	}
	sort.Strings(lines)
	return fmt.Sprintf("connections: %d\n%s\ncached hosts: %d", conns, strings.Join(lines, "\n"), len(cached)), nil
}

func TestLab(t *testing.T) {
	harness.Run(t, harness.Want("resolver", wantResolver))
}
