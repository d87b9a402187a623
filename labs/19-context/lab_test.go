package main

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/racelab/racelab/labs/internal/harness"
)

func TestMain(m *testing.M) { harness.Main(m, "trace", main) }

// wantTrace computes what a correct trace prints for: SERVERS SEED, when it
// looks for request number SEED, which server SEED%SERVERS served.
func wantTrace(args []string) (string, error) {
	if len(args) != 2 {
		return "", fmt.Errorf("usage: want trace SERVERS SEED")
	}
	servers, err := strconv.Atoi(args[0])
	if err != nil {
		return "", err
	}
	seed, err := strconv.Atoi(args[1])
	if err != nil {
		return "", err
	}
	l := clusterLogs(servers, seed)[seed%servers]
	i := seed % l.length()
	return fmt.Sprintf("%s was served by server %d (line %d)\n%s", requestID(seed), l.server, i+1, l.line(i)), nil
}

func TestLab(t *testing.T) {
	harness.Run(t, harness.Want("trace", wantTrace))
}
