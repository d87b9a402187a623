package main

import (
	"fmt"
	"os"
)

func run() {
	count := 0
	done := make(chan bool)
	go func() { count++; done <- true }()
	if len(os.Args) > 1 {
		count++ // races with the goroutine
	}
	<-done
	fmt.Println("count", count)
}
