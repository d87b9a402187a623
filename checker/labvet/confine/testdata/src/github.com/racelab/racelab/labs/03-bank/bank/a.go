package main

import (
	"github.com/racelab/racelab/labs/03-bank/customers"
	"github.com/racelab/racelab/labs/03-bank/internal/secret" // want `import "github.com/racelab/racelab/labs/03-bank/internal/secret" is not allowed`
	"github.com/racelab/racelab/labs/04-other/world"          // want `import "github.com/racelab/racelab/labs/04-other/world" is not allowed`
	"github.com/racelab/racelab/labs/internal/overlap"        // want `import "github.com/racelab/racelab/labs/internal/overlap" is not allowed in a lab file: racelab's machinery belongs in a fixture file of the program \(open it with "// Do not edit: part of the lab's fixture."\), called by a function with a domain name`
	"github.com/racelab/racelab/labs/internal/program"        // want `import "github.com/racelab/racelab/labs/internal/program" is not allowed`
)

func main() {
	overlap.Work()
	program.Main(nil)
	_ = customers.X() + secret.X() + world.X()
}
