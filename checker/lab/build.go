package lab

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"github.com/racelab/racelab/checker/protocol"
)

// Build is one go command that builds a lab's program, or one binary of it.
type Build struct {
	Args []string // the go command's arguments, without "go"
	Out  string   // the binary it writes
}

// Builds returns the go commands, run from the module root, that build l's
// program race-enabled (protocol.BuildFlags) at out. overlay, if not empty,
// is the caller's go build -overlay file (the student's files).
//
// A program lab's program is one binary: `go build`. A testing lab's is a
// folder of test binaries of the program's package, out/VARIANT for each
// variant (lab.Shipped included): `go test -c` with the variant's source
// standing in for the implementation file, through an overlay written into
// tmp, so that every binary holds the same student test and the same file
// names.
//
// The judge, the grader and verify all build through it: how a lab is
// built is said once.
func (l *Lab) Builds(out, overlay, tmp string) ([]Build, error) {
	// The program's folder by its absolute path: the go command then finds
	// it from anywhere in the module, the lab's folder (the judge) or the
	// root (the grader), and names files in errors the same way.
	pkg, err := filepath.Abs(l.ProgramDir())
	if err != nil {
		return nil, err
	}
	if l.Test == nil {
		args := append([]string{"build", "-o", out}, protocol.BuildFlags()...)
		if overlay != "" {
			args = append(args, "-overlay", overlay)
		}
		return []Build{{Args: append(args, pkg), Out: out}}, nil
	}
	replace := map[string]string{}
	if overlay != "" {
		data, err := os.ReadFile(overlay)
		if err != nil {
			return nil, fmt.Errorf("reading the overlay: %w", err)
		}
		var o struct{ Replace map[string]string }
		if err := json.Unmarshal(data, &o); err != nil {
			return nil, fmt.Errorf("reading the overlay %s: %w", overlay, err)
		}
		replace = o.Replace
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	impl := filepath.Join(pkg, l.Test.Implementation)
	var builds []Build
	for _, v := range l.AllVariants() {
		delete(replace, impl) // a student's overlay never replaces the implementation, but be sure
		if v.Name != Shipped {
			// Laid over from a copy, as a student's file is: the
			// variants' own files, checked out together, may share a
			// size and a modification time (writeStamped).
			data, err := os.ReadFile(l.VariantFile(v.Name))
			if err != nil {
				return nil, fmt.Errorf("reading variant %s: %w", v.Name, err)
			}
			src := filepath.Join(tmp, v.Name, filepath.Base(impl))
			if err := os.MkdirAll(filepath.Dir(src), 0o755); err != nil {
				return nil, err
			}
			if err := writeStamped(src, data); err != nil {
				return nil, fmt.Errorf("copying variant %s: %w", v.Name, err)
			}
			replace[impl] = src
		}
		file, err := writeReplace(filepath.Join(tmp, "overlay-"+v.Name+".json"), replace)
		if err != nil {
			return nil, fmt.Errorf("the overlay of variant %s: %w", v.Name, err)
		}
		bin := Exe(filepath.Join(out, v.Name))
		args := append([]string{"test", "-c", "-o", bin}, protocol.BuildFlags()...)
		builds = append(builds, Build{Args: append(args, "-overlay", file, pkg), Out: bin})
	}
	return builds, nil
}

// Binary is the file a judge starts for a run with args, in the program
// built at prog: the program itself, or for a testing lab the test binary
// of the variant args[0] names, with the rest of args.
func (l *Lab) Binary(prog string, args []string) (string, []string, error) {
	if l.Test == nil {
		return prog, args, nil
	}
	if len(args) == 0 {
		return "", nil, fmt.Errorf("%s: name the variant to test against first, one of %s", l.Program, l.variantNames())
	}
	if _, ok := l.Variant(args[0]); !ok {
		return "", nil, fmt.Errorf("%s: no variant %q: name one of %s", l.Program, args[0], l.variantNames())
	}
	return Exe(filepath.Join(prog, args[0])), args[1:], nil
}

// ProgramPath is where to build l's program (Builds' out) so that Binary
// then starts what was built: for a program lab the binary itself, named
// as the system starts it (Exe), for a testing lab the folder of variant
// binaries, whose names Builds and Binary make alike. Remove it with
// os.RemoveAll: it may be a folder.
func (l *Lab) ProgramPath(path string) string {
	if l.Test == nil {
		return Exe(path)
	}
	return path
}

// Exe is path as a file the system can start: Windows starts only files
// named .exe.
func Exe(path string) string {
	if runtime.GOOS == "windows" {
		return path + ".exe"
	}
	return path
}

func (l *Lab) variantNames() string {
	var names []string
	for _, v := range l.AllVariants() {
		names = append(names, v.Name)
	}
	return fmt.Sprint(names)
}
