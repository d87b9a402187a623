// Do not edit: part of the lab's fixture.

package main

import "github.com/racelab/racelab/labs/internal/overlap"

// pack picks the box for an order of the given number of items. It is slow:
// think of a worker walking to the shelf.
func pack(items int) string {
	overlap.Work()
	switch {
	case items <= 2:
		return "small"
	case items <= 5:
		return "medium"
	}
	return "large"
}
