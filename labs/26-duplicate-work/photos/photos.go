// Do not edit: part of the lab's fixture.

// Package photos is the photo library command thumbs serves thumbnails
// of: which photo each request asks for, and what a photo's thumbnail is.
// The program and the lab's tests both take them from here, so the tests
// know what every request must get without trusting the program.
package photos

import (
	"fmt"
	"hash/fnv"
	"strings"
)

// Requested returns the photo request i asks for: one of photos different
// photos, the same for every i with the same i%photos. The same seed,
// photos and i always give the same photo.
func Requested(seed, photos, i int) string {
	return fmt.Sprintf("IMG_%04d.jpg", (seed+i%photos)%10000)
}

// Thumbnail returns the thumbnail of the photo called name: always the
// same for the same name, and 40 to 99 bytes long.
func Thumbnail(name string) string {
	h := fnv.New32a()
	h.Write([]byte(name))
	sum := h.Sum32()
	return fmt.Sprintf("thumb:%s:%08x:", name, sum) + strings.Repeat("#", int(sum%60)+40-len(name)-16)
}
