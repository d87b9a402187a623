// Do not edit: part of the lab's fixture.

// Package registry is the package registry that command mirrors looks
// packages up in: which packages are looked up, and the latest version of
// each. The program and the lab's tests both take them from here, so the
// tests know the right answers without trusting the program.
package registry

import (
	"fmt"
	"hash/fnv"
)

// names are the packages people look up.
var names = []string{
	"kopi", "sambal", "batik", "wayang", "gamelan", "angklung", "rendang",
	"satay", "tempe", "komodo", "bromo", "rinjani", "toba", "merapi",
}

// PackageName returns the package of lookup i on the day that seed picks.
func PackageName(seed, i int) string {
	return fmt.Sprintf("example.id/%s/v%d", names[(seed+i*5)%len(names)], 1+(seed/7+i)%9)
}

// LatestVersion is the newest release of pkg. Every mirror holds a full
// copy of the registry, so every mirror gives the same answer.
func LatestVersion(pkg string) string {
	h := fnv.New32a()
	h.Write([]byte(pkg))
	v := h.Sum32()
	return fmt.Sprintf("v%d.%d.%d", 1+v%5, v/5%30, v/150%40)
}
