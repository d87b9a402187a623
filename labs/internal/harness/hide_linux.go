package harness

import "syscall"

// hideProcess makes the process non-dumpable: its /proc/self/environ and
// /proc/self/mem then belong to root, so neither the program in this
// process nor another process of the same user can read the proof key from
// them.
func hideProcess() {
	const prSetDumpable = 4
	_, _, _ = syscall.RawSyscall(syscall.SYS_PRCTL, prSetDumpable, 0, 0)
}
