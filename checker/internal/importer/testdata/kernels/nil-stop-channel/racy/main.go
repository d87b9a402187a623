// A worker is stopped by a send on its stop channel, but the constructor
// never makes that channel: a send on a nil channel blocks for ever, and
// Stop never returns, a deadlock. Modelled on the nil-channel blocking
// bugs of the ASPLOS'19 study of Go concurrency bugs (Tu et al.; grpc,
// moby): a select whose case can never fire because its channel is nil.
package main

import "fmt"

type worker struct {
	jobs chan int
	stop chan struct{}
	done chan int
}

func newWorker() *worker {
	return &worker{jobs: make(chan int), done: make(chan int)}
}

func (w *worker) loop() {
	sum := 0
	for {
		select {
		case j := <-w.jobs:
			sum += j
		case <-w.stop:
			w.done <- sum
			return
		}
	}
}

func (w *worker) Stop() int {
	w.stop <- struct{}{}
	return <-w.done
}

func main() {
	w := newWorker()
	go w.loop()
	for i := 1; i <= 10; i++ {
		w.jobs <- i
	}
	fmt.Println("sum:", w.Stop())
}
