// Package directives holds compiler directives a student could add.
// analysistest cannot take a want comment on a directive's line, so the
// test reads the diagnostics itself.
package directives

var count int

//go:norace
func bump() { count++ }

//go:nosplit
func quick() int { return 1 }

//go:noinline
func kept() int { return 2 }

var _, _, _ = bump, quick, kept
