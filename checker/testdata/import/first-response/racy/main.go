// Ask three replicas, use the first answer. The others block forever on a
// channel nobody reads any more: a goroutine leak.
package main

import (
	"fmt"
	"time"
)

func query(replica int) string {
	time.Sleep(time.Duration(replica+1) * 5 * time.Millisecond)
	return fmt.Sprintf("answer from replica %d", replica)
}

func main() {
	answers := make(chan string)
	for r := 0; r < 3; r++ {
		go func(r int) {
			answers <- query(r)
		}(r)
	}
	fmt.Println(<-answers)
}
