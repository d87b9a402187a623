//go:build !race

package overlap

// Without the race detector there is nothing to hide (unseen_race.go).
func hideSync() {}

func showSync() {}
