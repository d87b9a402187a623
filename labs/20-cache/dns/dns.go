// Do not edit: part of the lab's fixture.

// Package dns makes up the hosts that command resolver's connections ask
// for, and their addresses: what a DNS lookup would answer. The program and
// the lab's tests both take them from here, so the tests know where every
// connection goes without trusting the program.
package dns

import "fmt"

// Hosts are the host names a connection may ask for.
var Hosts = []string{"api.shop.test", "cdn.shop.test", "auth.shop.test", "img.shop.test", "search.shop.test", "pay.shop.test", "mail.shop.test", "log.shop.test"}

// Host returns the host that connection i asks for, one of the first hosts
// of Hosts, in the batch of connections that seed picks.
func Host(seed, i, hosts int) string {
	return Hosts[(seed+i*i)%hosts]
}

// Resolve finds the address of host for seed: the answer of the slow lookup
// a cache saves.
func Resolve(seed int, host string) string {
	h := seed
	for _, c := range host {
		h = (h*31 + int(c)) % 65521
	}
	return fmt.Sprintf("10.%d.%d.%d", h%256, (h/256)%256, 1+len(host))
}
