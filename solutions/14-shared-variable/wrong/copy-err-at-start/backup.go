// Copies err at the top of each upload goroutine (err := err): the copy reads the shared err while backup writes it for the local copy.
// want: race
// Command backup saves a report to n places at once: the local disk and
// n-1 mirrors. It prints what happened to each copy.
//
// Run it: go run ./labs/14-shared-variable/backup -n 6 -seed 4
package main

import (
	"flag"
	"fmt"
)

// result is what happened to one copy: dest 0 is the local disk, dest m > 0
// is mirror m.
type result struct {
	dest int
	err  error
}

func run() {
	n := flag.Int("n", 6, "how many copies: the local disk and n-1 mirrors")
	seed := flag.Int("seed", 1, "picks the report, and which mirrors are down")
	flag.Parse()

	results, err := backup(*n, *seed)
	if err != nil {
		fmt.Println("backup failed:", err)
		return
	}
	saved := 0
	for _, r := range results {
		where := "local disk"
		if r.dest > 0 {
			where = fmt.Sprintf("mirror %d", r.dest)
		}
		if r.err != nil {
			fmt.Printf("%s: failed: %v\n", where, r.err)
			continue
		}
		fmt.Printf("%s: saved\n", where)
		saved++
	}
	fmt.Printf("%d of %d copies saved\n", saved, len(results))
}

// backup uploads the report to the mirrors, each in a goroutine of its own,
// while it writes the local copy itself. It returns one result per copy,
// ordered by dest.
func backup(n, seed int) ([]result, error) {
	report, err := readReport(seed)
	if err != nil {
		return nil, err
	}

	done := make(chan result, n)
	for m := 1; m < n; m++ {
		go func() {
			err := err // a copy of our own, as for loop variables before Go 1.22
			err = upload(m, report, seed)
			hangUp(m)
			done <- result{dest: m, err: err}
		}()
	}
	err = writeLocal(report)
	done <- result{dest: 0, err: err}

	results := make([]result, n)
	for range n {
		r := <-done
		results[r.dest] = r
	}
	return results, nil
}
