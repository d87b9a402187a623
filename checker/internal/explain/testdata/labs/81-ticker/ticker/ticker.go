// Command ticker counts ticks until it is told to stop.
//
// A throwaway lab whose worker waits for quit by spinning in a select with
// a default case, used to capture the program's busy-wait report for
// checker/internal/explain.
package main

import "fmt"

func run() {
	quit := make(chan struct{})
	done := make(chan int)
	go func() {
		ticks := 0
		for {
			select {
			case <-quit:
				done <- ticks
				return
			default:
				ticks++
			}
		}
	}()
	stopSoon()
	close(quit)
	fmt.Println("stopped after", <-done > 0)
}
