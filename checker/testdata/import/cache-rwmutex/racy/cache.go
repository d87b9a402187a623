// A cache read by many goroutines and written by a few.
package main

import (
	"fmt"
	"strconv"
	"sync"
)

type Cache struct {
	data map[string]int
}

func (c *Cache) Get(k string) (int, bool) {
	v, ok := c.data[k]
	return v, ok
}

func (c *Cache) Set(k string, v int) {
	c.data[k] = v
}

func main() {
	c := &Cache{data: map[string]int{}}
	keys := make([]string, 10)
	for i := range keys {
		keys[i] = "k" + strconv.Itoa(i)
	}
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for _, k := range keys {
				c.Set(k, w)
			}
			fmt.Printf("writer %d done\n", w)
		}(w)
	}
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func(r int) {
			defer wg.Done()
			found := 0
			for _, k := range keys {
				if _, ok := c.Get(k); ok {
					found++
				}
			}
			fmt.Printf("reader %d found %d keys\n", r, found)
		}(r)
	}
	wg.Wait()
	fmt.Println("entries:", len(c.data))
}
