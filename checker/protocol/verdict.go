package protocol

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// Limits a judge puts on one run of a program. Under them a lab program,
// which finishes in milliseconds, is never stopped; a program that prints
// forever or never ends is.
const (
	DefaultMaxOutput = 1 << 20
	DefaultRunLimit  = "60s"
)

// Why a judge stopped a run (Run.Limit).
const (
	LimitOutput = "output" // it printed more than the limit allows
	LimitWall   = "wall"   // it ran longer than the wall-clock limit
)

// Verdict is what a judge decided about a lab, written as JSON to the file
// EnvVerdict names. Everything in it comes from the judge's own process:
// the program's output appears only as data (Run.Stdout, Run.Stderr).
type Verdict struct {
	Lab     string   `json:"lab"`
	Passed  bool     `json:"passed"`
	Reasons []Reason `json:"reasons,omitempty"` // precedence order; empty when passed
	// Static holds the static checks' findings, "file:line:col: message",
	// when the judge ran them (not with EnvSkipStatic or EnvProgram).
	Static []Finding `json:"static,omitempty"`
	// Kinds are the kinds of fix the student's change uses (labvet's
	// fixkind, against the shipped files), when the judge ran the static
	// checks: with behaviour that passes, they decide pass or other-kind.
	Kinds []string `json:"kinds,omitempty"`
	// Build is the compiler's output when the program did not build.
	Build string `json:"build,omitempty"`
	// Fault says why the judge could not judge, through no fault of the
	// program's (the go command failed to build it, protocol.BuildFault):
	// a verdict with a Fault is the grader's error, not a failure.
	Fault   string   `json:"fault,omitempty"`
	Scripts []Script `json:"scripts"`
}

// Finding is one static finding about a student file.
type Finding struct {
	File    string `json:"file"` // base name, in the program's folder
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Check   string `json:"check"` // the analyzer: confine, fixkind, fakesync, ...
	Message string `json:"message"`
}

func (f Finding) String() string {
	return fmt.Sprintf("%s:%d:%d: %s", f.File, f.Line, f.Column, f.Message)
}

// Script is the outcome of one of the lab's scripts.
type Script struct {
	Name    string   `json:"name"` // the file name without .txtar
	Passed  bool     `json:"passed"`
	Reasons []Reason `json:"reasons,omitempty"`
	Runs    []Run    `json:"runs,omitempty"` // every start of the program, in order
	// Failure is what made the script fail, as testscript said it (the
	// failed command and why), when it failed.
	Failure string `json:"failure,omitempty"`
	// Vars are the script's random inputs ($N, $SEED), so that what the
	// script checks can be told with the numbers it used.
	Vars map[string]string `json:"vars,omitempty"`
}

// Run is one start of the program by a script.
type Run struct {
	Args       []string `json:"args"`
	Exit       int      `json:"exit"`            // -1 when killed
	Limit      string   `json:"limit,omitempty"` // LimitOutput or LimitWall when the judge stopped it
	DurationMS int64    `json:"duration_ms"`
	Stdout     string   `json:"stdout,omitempty"`
	Stderr     string   `json:"stderr,omitempty"`
}

// Write stores v at path atomically: a reader sees the whole verdict or
// none.
func (v *Verdict) Write(path string) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".verdict-*")
	if err != nil {
		return fmt.Errorf("writing the verdict: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("writing the verdict: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing the verdict: %w", err)
	}
	return os.Rename(tmp.Name(), path)
}

// ReadVerdict reads the verdict a judge wrote at path.
func ReadVerdict(path string) (*Verdict, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading the judge's verdict: %w", err)
	}
	var v Verdict
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, fmt.Errorf("reading the judge's verdict %s: %w", path, err)
	}
	return &v, nil
}
