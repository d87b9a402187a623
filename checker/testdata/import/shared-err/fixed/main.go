// Accidentally shared variable, after the Go race detector's documentation:
// both goroutines assign to main's err.
package main

import (
	"fmt"
	"os"
)

func ParallelWrite(data []byte) chan error {
	res := make(chan error, 2)
	f1, err := os.Create("file1")
	if err != nil {
		res <- err
	} else {
		go func() {
			_, err := f1.Write(data)
			res <- err
			f1.Close()
		}()
	}
	f2, err := os.Create("file2")
	if err != nil {
		res <- err
	} else {
		go func() {
			_, err := f2.Write(data)
			res <- err
			f2.Close()
		}()
	}
	return res
}

func main() {
	res := ParallelWrite([]byte("hello\n"))
	for i := 0; i < 2; i++ {
		if err := <-res; err != nil {
			fmt.Println("error:", err)
		}
	}
	fmt.Println("written")
}
