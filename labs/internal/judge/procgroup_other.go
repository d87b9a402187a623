//go:build !unix

package judge

import "os/exec"

// ownGroup makes cancelling cmd kill it. Outside Unix there are no process
// groups to kill at once (Windows would need a job object): the process is
// killed, and children it started end when their pipes close. A lab's
// program may not start processes (labvet/confine), and grading, which
// must stop anything, runs on Linux only.
func ownGroup(cmd *exec.Cmd) (kill func() error) {
	kill = func() error { return cmd.Process.Kill() }
	cmd.Cancel = kill
	return kill
}
