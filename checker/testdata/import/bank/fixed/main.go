// Command bank has concurrent clients deposit into one account.
package main

import (
	"flag"
	"fmt"
	"log"
	"sync"
	"time"
)

func main() {
	clients := flag.Int("clients", 10, "number of concurrent clients")
	amount := flag.Int("amount", 100, "amount each client deposits")
	flag.Parse()
	if *clients <= 0 {
		log.Fatalf("need at least one client, got %d", *clients)
	}
	acct := &Account{}
	var wg sync.WaitGroup
	for c := 0; c < *clients; c++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			time.Sleep(time.Duration(id%3) * time.Millisecond) // network latency
			acct.Deposit(*amount)
		}(c)
	}
	wg.Wait()
	fmt.Printf("final balance: %d (want %d)\n", acct.Balance(), *clients**amount)
}
