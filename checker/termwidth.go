package main

import (
	"os"
	"strconv"
)

// width is how many columns the student commands' output may take: COLUMNS
// when it is set (a shell sets it without exporting it; a student or a
// test may), else the width of the terminal stdout is, else 0: not a
// terminal, wrap nothing.
func (e *env) width() int {
	if n, err := strconv.Atoi(e.getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	f, ok := e.stdout.(*os.File)
	if !ok || !isTerminal(f) {
		return 0
	}
	return terminalWidth(f)
}
