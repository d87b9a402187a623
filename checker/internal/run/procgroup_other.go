//go:build !unix

package run

import "os/exec"

// ownGroup makes cancelling cmd kill it. Outside Unix there are no process
// groups to kill at once (Windows would need a job object): the process is
// killed, and children it started end when their pipes close. Students run
// labs here; grading, which needs the group, runs on Linux only.
func ownGroup(cmd *exec.Cmd) (kill func() error) {
	kill = func() error { return cmd.Process.Kill() }
	cmd.Cancel = kill
	return kill
}
