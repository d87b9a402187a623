// Do not edit: part of the lab's fixture.

// Package logfile makes up the log that command logs reads: the levels its
// lines may have, and the lines themselves. The program and the lab's tests
// both take them from here, so the tests know how many lines of each level
// the log holds without trusting the program.
package logfile

// Levels are the severities of log lines, from least to most important.
var Levels = []string{"DEBUG", "INFO", "WARN", "ERROR"}

// messages are what the log lines say.
var messages = []string{"disk almost full", "user logged in", "cache miss", "retrying request", "connection reset", "config reloaded"}

// Level returns the level of line i of the log that seed picks, counting
// from 0: an index into Levels.
func Level(seed, i int) int {
	return (seed + i*i + i/3) % len(Levels)
}

// Line returns line i of the log that seed picks, counting from 0: a level,
// a space, a message. The same seed and i always give the same line.
func Line(seed, i int) string {
	return Levels[Level(seed, i)] + " " + messages[(seed*7+i)%len(messages)]
}
