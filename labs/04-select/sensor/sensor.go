// Do not edit: part of the lab's fixture.

// Package sensor is the thermometer that command thermo reads: what it
// measures, reading after reading. The program and the lab's tests both
// take the readings from here, so the tests know the right average without
// trusting the program.
package sensor

// Reading is reading number i of the thermometer that seed picks, in
// tenths of a degree Celsius.
func Reading(seed, i int) int {
	return 150 + (seed*37+i*53)%200
}
