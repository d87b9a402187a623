// Package sandbox runs a lab's compiled test binary, which contains student
// code, so that the code can harm nothing: inside bubblewrap (bwrap) with no
// network, a read-only view of /usr and of the lab's directory, a small
// private tmpfs as the only writable place, its own PID namespace (so killing
// its first process kills everything it started), and resource limits on
// CPU time, memory, processes and file size. A wall-clock timeout kills the
// whole process group, and the output kept from a run is capped.
//
// The grader compiles outside the sandbox (the go command needs the module
// cache and the build cache) and only ever runs student code in here.
package sandbox

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/racelab/racelab/checker/internal/run"
)

// Limits bound one run of a test binary.
type Limits struct {
	CPU       time.Duration // CPU time of each process (RLIMIT_CPU)
	Memory    int64         // bytes of data segment of each process (RLIMIT_DATA)
	Procs     int           // processes and threads of the run's user (RLIMIT_NPROC)
	FileSize  int64         // bytes of any one file written (RLIMIT_FSIZE)
	Scratch   int64         // bytes of the private tmpfs at /tmp
	Wall      time.Duration // wall-clock time of the whole run
	MaxOutput int           // bytes of output kept; past it the run is killed

	// Compiling runs no student code, but a crafted file can still make
	// the compiler take minutes or gigabytes; these bound each compile.
	CompileCPU    time.Duration // CPU time of each compiler process
	CompileMemory int64         // bytes of data segment of each compiler process
	CompileWall   time.Duration // wall-clock time of one compile
}

// DefaultLimits are generous for lab programs, which finish in
// milliseconds, and small enough that a class full of fork bombs and
// memory hogs cannot take the grading machine down. The wall clock is the
// test binary's own -test.timeout plus a margin, so that a hung test still
// reports its own timeout (with a goroutine dump) before being killed.
func DefaultLimits() Limits {
	return Limits{
		CPU:      run.TestTimeout,
		Memory:   2 << 30,
		Procs:    256,
		FileSize: 128 << 20, // testscript copies the ~15 MB test binary into its work dir
		Scratch:  512 << 20,
		// The race runtime's shadow memory is reserved, not committed, so it
		// fits in RLIMIT_DATA; RLIMIT_AS would break it.
		Wall:      run.TestTimeout + 15*time.Second,
		MaxOutput: 1 << 20,
		// A lab compiles in seconds with a few hundred MB.
		CompileCPU:    2 * time.Minute,
		CompileMemory: 4 << 30,
		CompileWall:   3 * time.Minute,
	}
}

// Compile builds a lab's test binary from student files within the compile
// limits: prlimit around the go command (its compiler and linker processes
// inherit the limits) and a wall clock. A compile over the limits fails as
// a build failure whose output says why.
// overlay, if not empty, is a go build -overlay file.
func (s *Sandbox) Compile(ctx context.Context, dir, pkg, out, overlay string) (run.Result, error) {
	ctx, cancel := context.WithTimeout(ctx, s.limits.CompileWall)
	defer cancel()
	return run.CompileWith(ctx, dir, pkg, out, run.CompileOptions{Wrap: s.compileCommand, Overlay: overlay})
}

// compileCommand puts the compile limits around the go command's argv.
func (s *Sandbox) compileCommand(argv []string) []string {
	l := s.limits
	return append([]string{s.prlimit,
		"--cpu=" + strconv.Itoa(max(int(l.CompileCPU.Seconds()), 1)),
		"--data=" + strconv.FormatInt(l.CompileMemory, 10),
		"--core=0",
		"--"}, argv...)
}

// Sandbox runs test binaries. Its zero value is not usable: call New or
// Unsandboxed.
type Sandbox struct {
	bwrap, setpriv, prlimit string // absolute paths; bwrap is "" when unsandboxed
	test2json               string // absolute path, or "" to go through `go tool`
	limits                  Limits
	// uids hands each concurrent run a user id of its own (when the grader
	// runs as root), so that RLIMIT_NPROC, which counts per user, bounds one
	// run and not the sum of all. Root is exempt from RLIMIT_NPROC, which is
	// why runs never keep uid 0.
	uids chan int
	// procsBase is added to Limits.Procs when the grader is not root: its
	// runs share the user's process count with everything else it runs.
	procsBase int
	system    []string // bwrap arguments that make the read-only system view
}

// ErrNoBubblewrap is returned by New when bwrap is not installed.
var ErrNoBubblewrap = errors.New("bubblewrap (bwrap) is not installed: the grader runs student code only inside it.\n" +
	"Install it: sudo apt-get install bubblewrap (Debian, Ubuntu), sudo dnf install bubblewrap (Fedora).\n" +
	"Or pass --sandbox=none to run student code without a sandbox (unsafe: only for code you trust)")

// New finds bubblewrap and checks that it can build a sandbox on this
// machine. concurrency is the most runs that will be in flight at once.
func New(ctx context.Context, limits Limits, concurrency int) (*Sandbox, error) {
	bwrap, err := exec.LookPath("bwrap")
	if err != nil {
		return nil, ErrNoBubblewrap
	}
	s, err := base(limits, concurrency)
	if err != nil {
		return nil, err
	}
	s.bwrap = bwrap
	s.system = systemBinds()
	// A sandbox that cannot start (user namespaces disabled, a broken
	// install) would fail every lab for a reason that is not the student's:
	// find out now, once, and say how to fix it.
	uid := <-s.uids
	defer func() { s.uids <- uid }()
	argv := s.command(uid, Spec{}, []string{"/bin/true"}, "/bin/true")
	out, err := exec.CommandContext(ctx, argv[0], argv[1:]...).CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("bubblewrap is installed but cannot create a sandbox here (%v): %s\n"+
			"It needs unprivileged user namespaces: check `sysctl kernel.unprivileged_userns_clone` (Debian) or "+
			"`kernel.apparmor_restrict_unprivileged_userns` (Ubuntu), or run the grader in a VM or container that allows them",
			err, strings.TrimSpace(string(out)))
	}
	return s, nil
}

// Unsandboxed returns a runner that applies the resource limits but no
// isolation, for --sandbox=none: student code can then read and write
// whatever the grader can.
func Unsandboxed(limits Limits, concurrency int) (*Sandbox, error) {
	return base(limits, concurrency)
}

func base(limits Limits, concurrency int) (*Sandbox, error) {
	prlimit, err := exec.LookPath("prlimit")
	if err != nil {
		return nil, fmt.Errorf("prlimit (util-linux) is not installed; the grader needs it to set resource limits: %w", err)
	}
	s := &Sandbox{prlimit: prlimit, limits: limits, uids: make(chan int, max(concurrency, 1))}
	// Found once: started through `go tool` each run costs as much CPU as
	// the run. If it cannot be found, runs fall back to `go tool`.
	s.test2json, _ = run.Test2JSON(context.Background())
	if os.Geteuid() == 0 {
		if s.setpriv, err = exec.LookPath("setpriv"); err != nil {
			return nil, fmt.Errorf("setpriv (util-linux) is not installed; the grader needs it to run student code as an unprivileged user: %w", err)
		}
		// A block of ids no account uses, picked at random so that two
		// graders on one machine (shards) rarely share one.
		first := 1_000_000 + rand.IntN(900)*1000
		for i := range cap(s.uids) {
			s.uids <- first + i
		}
	} else {
		s.procsBase = userProcesses(os.Getuid())
		for range cap(s.uids) {
			s.uids <- -1
		}
	}
	return s, nil
}

// Enabled reports whether runs are isolated (false for --sandbox=none).
func (s *Sandbox) Enabled() bool { return s.bwrap != "" }

// Limits returns the limits every run gets.
func (s *Sandbox) Limits() Limits { return s.limits }

// Spec describes one run.
type Spec struct {
	// LabDir is the lab's directory (scripts, lab.toml), bound read-only
	// at /lab and made the working directory. It and the test binary must
	// be readable, and their parent directories searchable, by any user.
	LabDir string
	// Env is the whole environment of the test binary: the sandbox starts
	// from an empty one so the grader's own variables (tokens, paths) do
	// not leak into student code.
	Env []string
}

// Paths inside the sandbox.
const (
	labMount = "/lab"
	binMount = "/racelab/lab.test"
)

// Result is the outcome of one sandboxed run.
type Result struct {
	run.Result
	TimedOut bool // killed by the wall-clock limit
}

// Run runs the test binary bin as spec says, through package run (so the
// flags and the event-stream classification are those of every lab run),
// and waits for it within the wall-clock limit.
func (s *Sandbox) Run(ctx context.Context, bin string, spec Spec) (Result, error) {
	var uid int
	select {
	case uid = <-s.uids:
	case <-ctx.Done():
		return Result{}, ctx.Err()
	}
	defer func() { s.uids <- uid }()
	runCtx, cancel := context.WithTimeout(ctx, s.limits.Wall)
	defer cancel()
	labDir := spec.LabDir
	wrap := func(argv []string) []string { return s.command(uid, spec, argv[1:], argv[0]) }
	var env []string
	if !s.Enabled() {
		env = spec.Env // no --clearenv without bwrap: at least set what the lab needs
	}
	res, err := run.ExecWith(runCtx, bin, labDir, run.ExecOptions{Wrap: wrap, Env: env, MaxOutput: s.limits.MaxOutput, Test2JSON: s.test2json})
	out := Result{Result: res}
	if ctx.Err() != nil {
		return out, ctx.Err() // the grader was interrupted: not the student's doing
	}
	if errors.Is(runCtx.Err(), context.DeadlineExceeded) {
		out.TimedOut = true
		out.Reasons = []run.Reason{run.Timeout}
		out.Output += fmt.Sprintf("\nracelab: the run took longer than %v and was killed\n", s.limits.Wall)
		return out, nil
	}
	return out, err
}

// command is the full command line of one run: prlimit sets the limits,
// setpriv drops root, bwrap isolates, and bin runs with args.
func (s *Sandbox) command(uid int, spec Spec, args []string, bin string) []string {
	l := s.limits
	argv := []string{s.prlimit,
		"--cpu=" + strconv.Itoa(max(int(l.CPU.Seconds()), 1)),
		"--data=" + strconv.FormatInt(l.Memory, 10),
		"--fsize=" + strconv.FormatInt(l.FileSize, 10),
		"--core=0",
	}
	if uid >= 0 || s.procsBase > 0 {
		argv = append(argv, "--nproc="+strconv.Itoa(s.procsBase+l.Procs))
	}
	argv = append(argv, "--")
	if !s.Enabled() {
		return append(append(argv, bin), args...)
	}
	if uid >= 0 {
		id := strconv.Itoa(uid)
		argv = append(argv, s.setpriv, "--reuid="+id, "--regid="+id, "--clear-groups", "--no-new-privs", "--")
	}
	argv = append(argv, s.bwrap,
		"--unshare-all", "--unshare-user", "--disable-userns", // no network, own PID namespace, no nested namespaces
		"--die-with-parent", // killing bwrap (the timeout) kills the PID namespace and all in it
		"--new-session",     // no access to the grader's terminal
		"--clearenv",
	)
	for _, kv := range append([]string{"PATH=/usr/bin:/bin", "HOME=/tmp", "TMPDIR=/tmp"}, spec.Env...) {
		k, v, _ := strings.Cut(kv, "=")
		argv = append(argv, "--setenv", k, v)
	}
	argv = append(argv, s.system...)
	argv = append(argv,
		"--proc", "/proc", "--dev", "/dev",
		"--size", strconv.FormatInt(l.Scratch, 10), "--tmpfs", "/tmp",
	)
	target := bin
	if spec.LabDir != "" {
		argv = append(argv, "--ro-bind", spec.LabDir, labMount, "--chdir", labMount)
	}
	if bin != "/bin/true" {
		argv = append(argv, "--ro-bind", bin, binMount)
		target = binMount
	}
	argv = append(argv, "--remount-ro", "/dev", "--remount-ro", "/", "--")
	return append(append(argv, target), args...)
}

// systemBinds makes /usr visible read-only, with the top-level directories
// that merged-/usr systems keep as symbolic links into it. Nothing else of
// the host (no /etc, /home, /root, other submissions) is visible.
func systemBinds() []string {
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

// userProcesses counts the tasks (processes and their threads) of uid,
// since RLIMIT_NPROC counts them all and not only the run's.
func userProcesses(uid int) int {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	n := 0
	for _, e := range entries {
		if _, err := strconv.Atoi(e.Name()); err != nil {
			continue
		}
		fi, err := os.Stat(filepath.Join("/proc", e.Name()))
		if err != nil || fileUID(fi) != uid {
			continue
		}
		tasks, _ := os.ReadDir(filepath.Join("/proc", e.Name(), "task"))
		n += max(len(tasks), 1) // a process that has just ended counts as one
	}
	return n
}

func fileUID(fi os.FileInfo) int {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return int(st.Uid)
	}
	return -1
}
