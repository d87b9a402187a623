//go:build !linux

package harness

// hideProcess does nothing where the grader does not run: it grades on
// Linux only (bubblewrap).
func hideProcess() {}
