// Double-checked locking: the first check reads config without the lock.
package main

import (
	"fmt"
	"sync"
)

type Config struct {
	Values map[string]string
}

var (
	config *Config
	once   sync.Once
)

func loadConfig() *Config {
	return &Config{Values: map[string]string{"name": "racelab", "mode": "test"}}
}

func getConfig() *Config {
	once.Do(func() {
		config = loadConfig()
	})
	return config
}

func main() {
	var wg sync.WaitGroup
	names := make([]string, 10)
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			names[i] = getConfig().Values["name"]
		}(i)
	}
	wg.Wait()
	fmt.Println(names[0], len(names))
}
