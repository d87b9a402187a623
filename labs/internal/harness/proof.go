package harness

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/racelab/racelab/checker/proof"
)

// The proof (package checker/proof): a grader hands the test binary a fresh
// key for each run in RACELAB_PROOF_KEY; the harness takes it out of the
// environment before any code of the lab's program runs, and prints the
// proof line once every script of the lab has passed.
//
// The student's file is compiled into the test binary, so its init and any
// goroutine it starts share the process with the tests: they can print
// text that looks like test results, or end the process with exit 0. They
// cannot print the proof: the key is gone from the environment before they
// run (package main is initialised after every package it imports), the
// process is made non-dumpable so /proc/self/environ and /proc/self/mem are
// closed to it, and the lab's static checks refuse unsafe, syscall,
// runtime/debug, os/exec, go:linkname and the test framework.

// prover holds this process's key and what TestLab saw.
type prover struct {
	key []byte

	mu      sync.Mutex
	passed  bool // Run saw every script run and pass
	callers int  // calls of Run from the lab's own test file
}

// theProver is set before package main (the lab's program) is initialised:
// a package-level variable of an imported package.
var theProver = takeProofKey()

func takeProofKey() *prover {
	p := &prover{}
	v, ok := os.LookupEnv(proof.EnvKey)
	if !ok {
		return p
	}
	os.Unsetenv(proof.EnvKey)
	key, err := proof.ParseKey(v)
	if err != nil {
		// A grader's mistake: no proof will be printed, and the grader
		// says so.
		fmt.Fprintf(os.Stderr, "racelab: %v\n", err)
		return p
	}
	hideProcess()
	p.key = key
	return p
}

// record notes the outcome of one call of Run. Only a call made from the
// lab's own lab_test.go counts: a student's file could otherwise call Run
// with its own options.
func (p *prover) record(callerFile string, allRanAndPassed bool) {
	if filepath.Base(callerFile) != "lab_test.go" {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.callers++
	p.passed = allRanAndPassed && p.callers == 1
}

// emit writes the proof to w when the tests' exit code is 0 and TestLab
// passed with every script.
func (p *prover) emit(w io.Writer, code int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.key == nil || code != 0 || !p.passed {
		return
	}
	fmt.Fprintf(w, "\n%s\n", proof.Line(p.key))
}

// callerFile is the file of Run's caller.
func callerFile() string {
	_, file, _, _ := runtime.Caller(2)
	return file
}
