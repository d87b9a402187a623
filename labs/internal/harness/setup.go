package harness

import (
	"math/rand/v2"
	"os"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/racelab/racelab/labs/internal/overlap"
)

// EnvSeed names the environment variable that fixes the random inputs a
// script sees, to replay a failing run.
const EnvSeed = "RACELAB_SEED"

// forwarded are the variables a lab program must see as its test saw them:
// testscript passes only PATH, GORACE and GOCOVERDIR on its own, but the
// checker runs labs under GOMAXPROCS=1 and tunes the harness's timeouts.
var forwarded = []string{"GOMAXPROCS", EnvWatchdog, overlap.EnvTimeout, overlap.EnvWindowWait}

// setup gives every script the same environment: the forwarded variables,
// a race runtime that does not sleep a second at exit (safe because the
// harness waits for every goroutine before the process exits), and random
// inputs: $SEED, and $N, a task count from 8 to 32.
func setup(env *testscript.Env) error {
	for _, name := range forwarded {
		if v := os.Getenv(name); v != "" {
			env.Setenv(name, v)
		}
	}
	env.Setenv("GORACE", gorace(os.Getenv("GORACE")))

	var r *rand.Rand
	if s := os.Getenv(EnvSeed); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			return err
		}
		r = rand.New(rand.NewPCG(n, n))
	} else {
		r = rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64()))
	}
	env.Setenv("SEED", strconv.FormatUint(r.Uint64()%1_000_000, 10))
	env.Setenv("N", strconv.Itoa(8+r.IntN(25)))
	return nil
}

// gorace adds atexit_sleep_ms=0 to the user's GORACE options unless they
// chose an exit sleep themselves.
func gorace(user string) string {
	if strings.Contains(user, "atexit_sleep_ms") {
		return user
	}
	return strings.TrimSpace(user + " atexit_sleep_ms=0")
}
