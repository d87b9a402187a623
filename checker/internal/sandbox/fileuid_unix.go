//go:build unix

package sandbox

import (
	"os"
	"syscall"
)

// fileUID is the owner of a file, -1 when the system does not say.
func fileUID(fi os.FileInfo) int {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return int(st.Uid)
	}
	return -1
}
