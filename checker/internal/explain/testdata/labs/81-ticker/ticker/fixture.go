// Do not edit: part of the lab's fixture.

package main

import "github.com/racelab/racelab/labs/internal/overlap"

// stopSoon waits until the worker is waiting for quit.
func stopSoon() { overlap.Settle() }
