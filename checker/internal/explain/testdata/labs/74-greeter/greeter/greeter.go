// Command greeter greets everyone, each greeting from a goroutine.
//
// A throwaway lab whose run returns without waiting for its goroutines,
// used to capture the program's did-not-wait report for
// checker/internal/explain.
package main

import (
	"flag"
	"fmt"
)

func run() {
	n := flag.Int("n", 4, "how many greetings")
	flag.Parse()

	for i := range *n {
		go func() {
			fmt.Println("hello", i)
		}()
	}
}
