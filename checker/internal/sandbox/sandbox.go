// Package sandbox is the grader's policy for running student code: which
// sandbox, which limits, which user id. Two things touch student code:
//
//   - compiling it (Compile): outside any sandbox, since the go command
//     needs the module and build caches, but under prlimit and a wall clock,
//     because a crafted file can make the compiler work for minutes or take
//     gigabytes (cgo, which would run the student's flags, is refused before);
//   - running it: only the program a judge starts, each time inside the
//     sandbox of package checker/isolate, with an unprivileged user id of its
//     run's own and rlimits. The judge itself (Judge) is the lab's test
//     binary, which holds no student code: it runs outside, under a wall
//     clock, and is told the sandbox in protocol.EnvSandbox.
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
	"time"

	"github.com/racelab/racelab/checker/internal/run"
	"github.com/racelab/racelab/checker/isolate"
	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/protocol"
)

// Limits bound what student code may take.
type Limits struct {
	// Each run of a program:
	CPU       time.Duration // CPU time of each process (RLIMIT_CPU)
	Memory    int64         // bytes of data segment of each process (RLIMIT_DATA)
	Procs     int           // processes and threads of the run's user (RLIMIT_NPROC)
	FileSize  int64         // bytes of any one file written (RLIMIT_FSIZE)
	Scratch   int64         // bytes of the private tmpfs at /tmp
	Run       time.Duration // wall-clock time of one run of the program
	MaxOutput int           // bytes of output of one run; past it the run is stopped

	// Wall bounds one whole run of a judge: every script of the lab.
	Wall time.Duration

	// Compiling runs no student code, but a crafted file can still make
	// the compiler take minutes or gigabytes; these bound each compile.
	CompileCPU    time.Duration // CPU time of each compiler process
	CompileMemory int64         // bytes of data segment of each compiler process
	CompileWall   time.Duration // wall-clock time of one compile, from when it starts
}

// DefaultLimits are generous for lab programs, which finish in
// milliseconds, and small enough that a class full of fork bombs and
// memory hogs cannot take the grading machine down.
func DefaultLimits() Limits {
	return Limits{
		CPU:      time.Minute,
		Memory:   2 << 30, // the race runtime's shadow memory is reserved, not committed: it fits in RLIMIT_DATA; RLIMIT_AS would break it
		Procs:    256,
		FileSize: 64 << 20,
		Scratch:  256 << 20,
		Run:      time.Minute,
		// A lab program prints a few lines.
		MaxOutput: 1 << 20,
		Wall:      run.TestTimeout + 15*time.Second,
		// A lab program compiles in a second or two with a few hundred MB.
		CompileCPU:    2 * time.Minute,
		CompileMemory: 4 << 30,
		CompileWall:   3 * time.Minute,
	}
}

// Sandbox runs judges and compiles programs within the limits. Its zero
// value is not usable: call New or Unsandboxed.
type Sandbox struct {
	bwrap, setpriv, prlimit string // absolute paths; bwrap is "" when unsandboxed
	limits                  Limits
	// uids hands each concurrent judge run a user id of its own (when the
	// grader runs as root), so that RLIMIT_NPROC, which counts per user,
	// bounds one run and not the sum of all. Root is exempt from
	// RLIMIT_NPROC, which is why programs never keep uid 0.
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
// machine. concurrency is the most judge runs that will be in flight at
// once.
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
	s.system = isolate.SystemBinds()
	// A sandbox that cannot start (user namespaces disabled, a broken
	// install) would fail every lab for a reason that is not the student's:
	// find out now, once, and say how to fix it.
	uid := <-s.uids
	defer func() { s.uids <- uid }()
	cmd, release, err := s.Spec(uid).Command(ctx, "/bin/true", nil, nil)
	if err != nil {
		return nil, fmt.Errorf("preparing a sandbox: %w", err)
	}
	defer release()
	if out, err := cmd.CombinedOutput(); err != nil {
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

// Slots is how many judge runs the sandbox takes at once; a caller that
// holds one of its own slots per run never waits inside Judge.
func (s *Sandbox) Slots() int { return cap(s.uids) }

// Enabled reports whether runs are isolated (false for --sandbox=none).
func (s *Sandbox) Enabled() bool { return s.bwrap != "" }

// Limits returns the limits every run gets.
func (s *Sandbox) Limits() Limits { return s.limits }

// Spec is the isolation of a program run as user uid (-1: the grader's).
// Unsandboxed, the program keeps the grader's user, as --sandbox=none
// promises ("your rights, only the rlimits"): another user could not read
// the grader's private work folder.
func (s *Sandbox) Spec(uid int) isolate.Spec {
	l := s.limits
	if !s.Enabled() {
		uid = -1
	}
	spec := isolate.Spec{
		Bwrap: s.bwrap, Prlimit: s.prlimit, UID: uid,
		CPUSeconds: max(int(l.CPU.Seconds()), 1), Data: l.Memory, FileSize: l.FileSize, Scratch: l.Scratch,
		System: s.system,
	}
	if uid >= 0 {
		spec.Setpriv = s.setpriv
	}
	if uid >= 0 || s.procsBase > 0 {
		spec.Procs = s.procsBase + l.Procs
	}
	return spec
}

// Judge runs lab l's judge judgeBin (outside the sandbox: it holds no
// student code) on the program binary, which it starts in the sandbox for
// every script command, with env added to the judge's environment
// (RACELAB_SEED, GOMAXPROCS, ...). An error means the run could not be made
// or was interrupted: never the student's doing.
func (s *Sandbox) Judge(ctx context.Context, judgeBin string, l *lab.Lab, program string, env []string) (run.Result, error) {
	var uid int
	select {
	case uid = <-s.uids:
	case <-ctx.Done():
		return run.Result{}, ctx.Err()
	}
	defer func() { s.uids <- uid }()
	runCtx, cancel := context.WithTimeout(ctx, s.limits.Wall)
	defer cancel()
	env = append(env,
		protocol.EnvSandbox+"="+s.Spec(uid).String(),
		protocol.EnvMaxOutput+"="+strconv.Itoa(s.limits.MaxOutput),
		protocol.EnvRunLimit+"="+s.limits.Run.String(),
	)
	res, err := run.Judge(runCtx, judgeBin, l, run.JudgeOptions{Program: program, Env: env})
	if ctx.Err() != nil {
		return res, ctx.Err() // the grader was interrupted: not the student's doing
	}
	if errors.Is(runCtx.Err(), context.DeadlineExceeded) {
		return res, fmt.Errorf("the lab's tests took longer than %v: the grading machine may be overloaded", s.limits.Wall)
	}
	return res, err
}

// Compile builds lab l's program from the student's files within the
// compile limits: prlimit around the go command (its compiler and linker
// processes inherit the limits) and a wall clock that starts now, so the
// caller takes its build slot first and queueing never counts against a
// compile. overlay, if not empty, is a go build -overlay file. A compile
// stopped by a limit, or failed through the go command's fault, is a
// *run.ErrCompileFault.
func (s *Sandbox) Compile(ctx context.Context, root string, l *lab.Lab, out, overlay string) (run.Result, error) {
	ctx, cancel := context.WithTimeout(ctx, s.limits.CompileWall)
	defer cancel()
	return run.BuildProgram(ctx, root, l, out, run.CompileOptions{Wrap: s.compileCommand, Overlay: overlay})
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
