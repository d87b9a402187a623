package protocol

import (
	"regexp"
	"strings"
	"time"
)

// BuildFault reports whether a failed build's output is the builder's
// fault rather than the code's, and why, in words for the person running
// the grader. A compile is stopped by a limit (killed, out of memory, out
// of processes), or the go command hands the compiler no file for a
// dependency it should have built: "could not import maps (open : no such
// file or directory)" names an empty path. That was the go command's
// package index taking one overlaid file for another of the same name,
// size and modification time; lab.WriteOverlay now gives every file a time
// of its own content, and the sign stays here for any other way the go
// command may lose a file. Never the student's code: such a build is tried
// again, and if it fails again it is an error of the grader, never the
// student's "does not compile".
func BuildFault(output string) (why string, ok bool) {
	for _, sign := range []string{"signal: killed", "signal: cputime limit exceeded", "signal: file size limit exceeded",
		"runtime: out of memory", "cannot allocate memory", "resource temporarily unavailable"} {
		if strings.Contains(output, sign) {
			return "a compiler or linker process was stopped by a limit (" + sign + "): it may have run out of the memory, processes or CPU time the grader allows", true
		}
	}
	if m := lostImport.FindString(output); m != "" {
		return "the go command gave the compiler no file for a package it imports (" + m + "): a fault of the go command's build cache, not of the code", true
	}
	return "", false
}

// BuildFaultPauses are the waits before each new try of a build that
// failed through the builder's fault (BuildFault), one per try: a limit
// may pass with the load that caused it.
func BuildFaultPauses() []time.Duration {
	return []time.Duration{100 * time.Millisecond, 2 * time.Second}
}

// lostImport is the compiler's complaint when the file the import config
// names for a package (empty, or gone from the cache) cannot be opened:
// the go command should have built it, and no source file can make it
// missing (an unknown import is the go command's "is not in std").
var lostImport = regexp.MustCompile(`could not import \S+ \(open [^)]*: no such file or directory\)`)
