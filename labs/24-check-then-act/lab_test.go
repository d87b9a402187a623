package lab_test

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/racelab/racelab/labs/24-check-then-act/forms"
	"github.com/racelab/racelab/labs/internal/judge"
)

// wantSignup computes what a correct program prints for: USERS NAMES SEED.
// Every name asked for is registered, to one user each.
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
	var registered []string
	for i := range users {
		if name, _ := forms.Fill(seed, names, i); !slices.Contains(registered, name) {
			registered = append(registered, name)
		}
	}
	slices.Sort(registered)
	distinct := len(registered)
	return fmt.Sprintf("%d signups, %d different names asked for\nwelcomed %d, turned away %d\nregistered: %s\nwelcomed but not the owner: 0",
		users, names, distinct, users-distinct, strings.Join(registered, " ")), nil
}

func TestLab(t *testing.T) {
	judge.Run(t, judge.Want("signup", wantSignup))
}
