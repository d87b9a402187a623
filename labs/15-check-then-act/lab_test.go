package main

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/racelab/racelab/labs/internal/harness"
)

func TestMain(m *testing.M) { harness.Main(m, "signup", main) }

// wantSignup computes what a correct program prints for: USERS NAMES SEED.
func wantSignup(args []string) (string, error) {
	if len(args) != 3 {
		return "", fmt.Errorf("usage: want signup USERS NAMES SEED")
	}
	var n [3]int
	for i, a := range args {
		v, err := strconv.Atoi(a)
		if err != nil {
			return "", err
		}
		n[i] = v
	}
	users, names, seed := n[0], n[1], n[2]
	distinct := min(users, names)
	var registered []string
	for j := range distinct {
		registered = append(registered, fmt.Sprintf("gopher%d", seed+j))
	}
	return fmt.Sprintf("%d signups, %d different names asked for\nwelcomed %d, turned away %d\nregistered: %s\nwelcomed but not the owner: 0",
		users, names, distinct, users-distinct, strings.Join(registered, " ")), nil
}

func TestLab(t *testing.T) {
	harness.Run(t, harness.Want("signup", wantSignup))
}
