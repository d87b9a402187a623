//go:build !unix

package sandbox

import "os"

// fileUID is -1 outside Unix, where files have no numeric owner: grading
// in the sandbox needs Linux, but the checker that holds it builds for
// every system the students use.
func fileUID(os.FileInfo) int { return -1 }
