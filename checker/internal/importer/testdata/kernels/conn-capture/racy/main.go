// A listener serves each connection in a goroutine whose closure captures
// the variable conn, which the accept loop reassigns for the next
// connection: the goroutine reads conn while the loop writes it, a data
// race (and a connection may be served twice). Modelled on the
// anonymous-function races of the ASPLOS'19 study of Go concurrency bugs
// (Tu et al.; moby, kubernetes).
package main

import (
	"fmt"
	"math/rand"
	"sync"
	"time"
)

type conn struct{ id int }

func (c *conn) serve() int {
	time.Sleep(time.Duration(rand.Intn(3)) * time.Millisecond)
	return c.id
}

func main() {
	var (
		wg     sync.WaitGroup
		mu     sync.Mutex
		served int
		c      *conn
	)
	for i := 1; i <= 5; i++ {
		c = &conn{id: i}
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := c.serve()
			mu.Lock()
			served += id
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("served:", served)
}
