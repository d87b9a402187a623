//go:build unix

package overlap

import (
	"fmt"
	"syscall"
	"unsafe"
)

// unseenLock is a mutual exclusion lock the race detector does not know of:
// the token is one byte in a pipe, taken and put back with raw read and
// write system calls. The syscall package's Read and Write would tell the
// race detector about them (every read happens after every earlier write);
// Syscall does not.
type unseenLock struct{ r, w uintptr }

func newUnseenLock() (*unseenLock, error) {
	var p [2]int
	if err := syscall.Pipe(p[:]); err != nil {
		return nil, fmt.Errorf("overlap: making the pipe of its lock: %w", err)
	}
	syscall.CloseOnExec(p[0])
	syscall.CloseOnExec(p[1])
	l := &unseenLock{r: uintptr(p[0]), w: uintptr(p[1])}
	l.Unlock()
	return l, nil
}

func (l *unseenLock) Lock() { l.move(syscall.SYS_READ, l.r) }

func (l *unseenLock) Unlock() { l.move(syscall.SYS_WRITE, l.w) }

// move reads or writes the token, again after a signal interrupted it.
// Nothing else can go wrong with a pipe this process made and never closes:
// a failure would mean the lock is broken, and the program with it.
func (l *unseenLock) move(call, fd uintptr) {
	var token [1]byte
	for {
		n, _, errno := syscall.Syscall(call, fd, uintptr(unsafe.Pointer(&token[0])), 1)
		switch {
		case errno == syscall.EINTR:
			continue
		case errno != 0 || n != 1:
			panic(fmt.Sprintf("overlap: the pipe of its lock failed (%d bytes, %v)", n, errno))
		}
		return
	}
}
