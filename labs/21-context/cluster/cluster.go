// Do not edit: part of the lab's fixture.

// Package cluster makes up the logs of the servers of a cluster, where
// command trace looks for a request. The program and the lab's tests both
// take them from here, so the tests know which server served the request,
// and on which line, without trusting the program.
package cluster

import "fmt"

// RequestID names a request the way the logs write it.
func RequestID(n int) string {
	return fmt.Sprintf("req-%07d", n)
}

// Length is how many lines the log of server holds so far, in the cluster
// that seed picks.
func Length(server, seed int) int {
	return 5 + (seed+server*7)%20
}

// Served returns where request number seed is in the logs of a cluster of
// servers servers: it was served by exactly one server, and it is one line
// of that server's log, counting from 0. Never the first line: under the
// lab's tests every log's first line must have been taken, by a follower of
// its own, before a later line comes (trace's servers.go), so a program
// whose followers cannot all wait at once never finds the request by luck.
func Served(servers, seed int) (server, line int) {
	server = seed % servers
	return server, 1 + seed%(Length(server, seed)-1)
}

// paths are the pages the servers serve.
var paths = []string{"/", "/cart", "/login", "/search", "/checkout", "/help"}

// Line returns line i of the log of server, counting from 0, in a cluster
// of servers servers that seed picks. Request number seed is on the line
// that Served names; every other line is another request.
func Line(server, servers, seed, i int) string {
	n := seed + 1 + server*100 + i // never seed itself
	if s, line := Served(servers, seed); server == s && i == line {
		n = seed
	}
	return fmt.Sprintf("%s GET %s %d", RequestID(n), paths[(seed+server+i)%len(paths)], 200+(n%3)*100)
}
