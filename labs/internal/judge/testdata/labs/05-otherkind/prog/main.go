// Do not edit: part of the lab's fixture.

package main

import "github.com/racelab/racelab/labs/internal/program"

func main() { program.Main(run) }
