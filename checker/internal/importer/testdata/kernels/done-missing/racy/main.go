// Pulling images in parallel, a worker that fails returns before it calls
// wg.Done: the counter never reaches zero and wg.Wait blocks for ever, a
// deadlock. Modelled on the missing-Done bugs of moby (Docker) and
// kubernetes in the ASPLOS'19 study of Go concurrency bugs (Tu et al.).
package main

import (
	"fmt"
	"strings"
	"sync"
)

func pull(image string) error {
	if strings.HasSuffix(image, ":bad") {
		return fmt.Errorf("pull %s: manifest unknown", image)
	}
	return nil
}

func main() {
	images := []string{"nginx:1", "redis:bad", "postgres:16"}
	var (
		wg     sync.WaitGroup
		mu     sync.Mutex
		failed []string
	)
	for _, img := range images {
		wg.Add(1)
		go func() {
			if err := pull(img); err != nil {
				mu.Lock()
				failed = append(failed, img)
				mu.Unlock()
				return
			}
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println("failed:", failed)
}
