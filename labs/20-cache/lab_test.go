package lab_test

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/racelab/racelab/labs/20-cache/dns"
	"github.com/racelab/racelab/labs/internal/judge"
)

// wantResolver computes what a correct resolver prints for: CONNS HOSTS
// SEED. The first two hosts are known from the start.
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
	cached := map[string]bool{dns.Hosts[0]: true, dns.Hosts[1]: true}
	count := map[string]int{}
	for i := range conns {
		host := dns.Host(seed, i, hosts)
		cached[host] = true
		count[host+" "+dns.Resolve(seed, host)]++
	}
	var lines []string
	for s, n := range count {
		lines = append(lines, fmt.Sprintf("%s (connections: %d)", s, n))
	}
	sort.Strings(lines)
	return fmt.Sprintf("connections: %d\n%s\ncached hosts: %d", conns, strings.Join(lines, "\n"), len(cached)), nil
}

func TestLab(t *testing.T) {
	judge.Run(t, judge.Want("resolver", wantResolver))
}
