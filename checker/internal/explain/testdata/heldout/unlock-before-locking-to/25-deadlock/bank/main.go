// Do not edit: part of the lab's fixture.

package main

import "github.com/racelab/racelab/labs/internal/program"

// main runs run (bank.go) under the lab's checks when the lab's tests
// start the program, and simply calls it when you run it yourself.
func main() { program.Main(run) }
