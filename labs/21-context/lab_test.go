package lab_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/racelab/racelab/labs/21-context/cluster"
	"github.com/racelab/racelab/labs/internal/judge"
)

// wantTrace computes what a correct trace prints for: SERVERS SEED, when it
// looks for request number SEED, which the cluster's logs hold once.
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
	server, i := cluster.Served(servers, seed)
	return fmt.Sprintf("%s was served by server %d (line %d)\n%s", cluster.RequestID(seed), server, i+1, cluster.Line(server, servers, seed, i)), nil
}

func TestLab(t *testing.T) {
	judge.Run(t, judge.Want("trace", wantTrace))
}
