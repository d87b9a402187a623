// Do not edit: part of the lab's fixture.

// Package forms makes up the signup forms that command signup registers:
// which username each user asks for, and the password they pick. The
// program and the lab's tests both take them from here, so the tests know
// which names exist without trusting the program.
package forms

import "fmt"

// Fill returns what user i writes on the signup form: one of names
// usernames, the same for every user i with the same i%names, and a
// password. The same seed, names and i always give the same form.
func Fill(seed, names, i int) (name, password string) {
	return fmt.Sprintf("gopher%d", seed+i%names), fmt.Sprintf("secret-%d-%d", seed, i)
}
