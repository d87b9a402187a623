package lab_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/racelab/racelab/labs/08-mutex/customers"
	"github.com/racelab/racelab/labs/internal/judge"
)

func TestLab(t *testing.T) {
	judge.Run(t,
		// want bank deposits N SEED: N deposits, no withdrawals.
		// want bank overdraft N SEED: no deposits, N withdrawals of the
		// whole balance, of which exactly one is paid out.
		judge.Want("bank", func(args []string) (string, error) {
			if len(args) != 3 {
				return "", fmt.Errorf("usage: want bank deposits|overdraft N SEED")
			}
			n, err := strconv.Atoi(args[1])
			if err != nil {
				return "", err
			}
			seed, err := strconv.Atoi(args[2])
			if err != nil {
				return "", err
			}
			balance := customers.OpeningBalance(seed)
			switch args[0] {
			case "deposits":
				for i := range n {
					balance += customers.DepositAmount(seed, i)
				}
				return fmt.Sprintf("opening balance: %d\nafter %d deposits: %d\nwithdrawals of %d paid out: 0 of 0\nclosing balance: %d",
					customers.OpeningBalance(seed), n, balance, balance, balance), nil
			case "overdraft":
				return fmt.Sprintf("opening balance: %d\nafter 0 deposits: %d\nwithdrawals of %d paid out: 1 of %d\nclosing balance: 0",
					balance, balance, balance, n), nil
			}
			return "", fmt.Errorf("want bank %s: expected deposits or overdraft", args[0])
		}))
}
