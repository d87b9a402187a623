//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package main

import "os"

// terminalWidth is 0 where racelab does not ask the terminal (Windows):
// the output is then not wrapped, unless COLUMNS says a width.
func terminalWidth(*os.File) int { return 0 }
