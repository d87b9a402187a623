// Package isolate starts one run of a lab program, the only process student
// code ever runs in, inside a sandbox that shows it nothing of the machine
// that grades it:
//
//   - bubblewrap (bwrap): no network, its own PID, IPC, UTS and user
//     namespaces (no nested ones), a new session, a read-only view of /usr
//     and the links into it, a private tmpfs at /tmp as the only writable
//     place and working directory;
//   - the program binary is copied into the sandbox (bwrap --file) rather
//     than bound, so no path of the grader's appears in its mount table;
//   - bwrap reads its own arguments from a pipe (--args), so the sandbox's
//     first process (/proc/1/cmdline) shows only the program's command line;
//   - the environment of bwrap, and so of /proc/1/environ, is exactly the
//     program's (protocol.ProgramEnv): no variable of the grader's;
//   - rlimits through prlimit (CPU time, data segment, processes, file size)
//     and, when the grader runs as root, an unprivileged user id of the
//     run's own through setpriv (root is exempt from RLIMIT_NPROC).
//
// A judge (labs/internal/judge) starts programs through it when the grader
// hands it a Spec in protocol.EnvSandbox. The grader decides the Spec
// (checker/internal/sandbox): which bwrap, which user id, which limits.
package isolate

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
)

// Spec is how to isolate a program: the tools and the limits.
type Spec struct {
	Bwrap   string `json:"bwrap"`             // absolute path of bwrap; "" runs the program with the limits only (unsafe)
	Prlimit string `json:"prlimit"`           // absolute path of prlimit
	Setpriv string `json:"setpriv,omitempty"` // absolute path of setpriv; needed with UID
	UID     int    `json:"uid"`               // user id to run as (the grader runs as root); -1 keeps the grader's

	CPUSeconds int   `json:"cpu_seconds"` // RLIMIT_CPU of each process
	Data       int64 `json:"data"`        // RLIMIT_DATA in bytes (RLIMIT_AS would break the race detector's shadow memory)
	Procs      int   `json:"procs"`       // RLIMIT_NPROC; 0 leaves it
	FileSize   int64 `json:"file_size"`   // RLIMIT_FSIZE in bytes
	Scratch    int64 `json:"scratch"`     // bytes of the tmpfs at /tmp

	// System are bwrap arguments that make the read-only view of the
	// system (SystemBinds).
	System []string `json:"system"`
}

// ParseSpec reads a Spec from its JSON form (protocol.EnvSandbox).
func ParseSpec(s string) (Spec, error) {
	var spec Spec
	if err := json.Unmarshal([]byte(s), &spec); err != nil {
		return Spec{}, fmt.Errorf("the sandbox specification: %w", err)
	}
	if spec.Prlimit == "" {
		return Spec{}, errors.New("the sandbox specification names no prlimit")
	}
	if spec.UID >= 0 && spec.Setpriv == "" {
		return Spec{}, errors.New("the sandbox specification sets a user id but names no setpriv")
	}
	return spec, nil
}

// String is the Spec's JSON form.
func (s Spec) String() string {
	data, _ := json.Marshal(s)
	return string(data)
}

// Where the program lives inside the sandbox.
const (
	progDir = "/racelab"
	workDir = "/tmp"
)

// Command returns the command that runs the program binary bin with args
// and exactly the environment env, isolated as s says. The caller sets its
// standard streams and starts it; the files it opens for the sandbox are
// closed once the command has been waited for (or by calling release,
// when it is never started).
func (s Spec) Command(ctx context.Context, bin string, args, env []string) (cmd *exec.Cmd, release func(), err error) {
	argv := []string{s.Prlimit,
		"--cpu=" + strconv.Itoa(max(s.CPUSeconds, 1)),
		"--data=" + strconv.FormatInt(s.Data, 10),
		"--fsize=" + strconv.FormatInt(s.FileSize, 10),
		"--core=0",
	}
	if s.Procs > 0 {
		argv = append(argv, "--nproc="+strconv.Itoa(s.Procs))
	}
	argv = append(argv, "--")
	if s.UID >= 0 {
		id := strconv.Itoa(s.UID)
		argv = append(argv, s.Setpriv, "--reuid="+id, "--regid="+id, "--clear-groups", "--no-new-privs", "--")
	}
	if s.Bwrap == "" {
		cmd = exec.CommandContext(ctx, argv[0], append(append(argv[1:], bin), args...)...)
		cmd.Env = env
		return cmd, func() {}, nil
	}

	prog, err := os.Open(bin)
	if err != nil {
		return nil, nil, fmt.Errorf("opening the program: %w", err)
	}
	inside := progDir + "/" + filepath.Base(bin)
	var fdArgs bytes.Buffer
	for _, a := range s.bwrapArgs(inside) {
		fdArgs.WriteString(a)
		fdArgs.WriteByte(0)
	}
	r, w, err := os.Pipe()
	if err != nil {
		prog.Close()
		return nil, nil, err
	}
	// The arguments are a few hundred bytes: far less than a pipe holds,
	// so they are written before bwrap starts to read them.
	_, err = w.Write(fdArgs.Bytes())
	w.Close()
	if err != nil {
		r.Close()
		prog.Close()
		return nil, nil, fmt.Errorf("passing bwrap its arguments: %w", err)
	}
	// ExtraFiles[0] is fd 3 in the child, [1] fd 4.
	argv = append(argv, s.Bwrap, "--args", "3", "--", inside)
	cmd = exec.CommandContext(ctx, argv[0], append(argv[1:], args...)...)
	cmd.Env = env
	cmd.ExtraFiles = []*os.File{r, prog}
	return cmd, func() { r.Close(); prog.Close() }, nil
}

// bwrapArgs are the sandbox's arguments, passed on a pipe (bwrap --args).
func (s Spec) bwrapArgs(inside string) []string {
	args := []string{
		"--unshare-all", "--unshare-user", "--disable-userns", // no network, own PID namespace, no nested namespaces
		"--die-with-parent", // killing bwrap (a timeout) kills the PID namespace and all in it
		"--new-session",     // no access to the grader's terminal
	}
	args = append(args, s.System...)
	args = append(args,
		"--proc", "/proc", "--dev", "/dev",
		"--size", strconv.FormatInt(max(s.Scratch, 1<<20), 10), "--tmpfs", workDir,
		"--perms", "0555", "--file", "4", inside,
		"--chdir", workDir,
		"--remount-ro", "/dev", "--remount-ro", "/",
	)
	return args
}

// SystemBinds makes /usr visible read-only, with the top-level directories
// that merged-/usr systems keep as symbolic links into it: a race-enabled
// Go program needs the C library. Nothing else of the host (no /etc,
// /home, /root, other submissions) is visible.
func SystemBinds() []string {
	args := []string{"--ro-bind", "/usr", "/usr"}
	for _, dir := range []string{"/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"} {
		fi, err := os.Lstat(dir)
		switch {
		case err != nil:
		case fi.Mode()&os.ModeSymlink != 0:
			if target, err := os.Readlink(dir); err == nil {
				args = append(args, "--symlink", target, dir)
			}
		case fi.IsDir():
			args = append(args, "--ro-bind", dir, dir)
		}
	}
	return args
}
