package judge

import (
	"math/rand/v2"
	"os"
	"strconv"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/racelab/racelab/checker/protocol"
)

// forwarded are the variables of the judge's own environment a script
// starts with: the checker runs labs under GOMAXPROCS=1 and tunes the
// program's timeouts. A script may set the others (RACELAB_OVERLAP, ...)
// itself; protocol.ProgramEnv decides what of it reaches the program.
var forwarded = []string{"GOMAXPROCS", protocol.EnvWatchdog, protocol.EnvOverlapTimeout, protocol.EnvWindowWait}

// setup gives every script the same environment: the forwarded variables
// and random inputs, $SEED, and $N, a task count from 8 to 32.
func (j *judge) setup(env *testscript.Env) error {
	for _, name := range forwarded {
		if v := os.Getenv(name); v != "" {
			env.Setenv(name, v)
		}
	}
	var r *rand.Rand
	if s := os.Getenv(protocol.EnvSeed); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			return err
		}
		r = rand.New(rand.NewPCG(n, n))
	} else {
		r = rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64()))
	}
	// The verdict keeps the inputs, so that what the student is told
	// ("with 17 deposits") is what the failing run was given.
	vars := map[string]string{
		"SEED": strconv.FormatUint(r.Uint64()%1_000_000, 10),
		"N":    strconv.Itoa(8 + r.IntN(25)),
	}
	for k, v := range vars {
		env.Setenv(k, v)
	}

	st := &scriptState{vars: vars}
	env.Values[stateKey{}] = st
	env.Defer(func() { j.record(env.T(), st) })
	return nil
}
