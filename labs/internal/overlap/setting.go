package overlap

import "fmt"

// onOff reads a setting that is on ("1") or off ("0", or unset), as
// getenv gives it. Anything else is a mistake in the lab's script.
func onOff(getenv func(string) string, name string) (bool, error) {
	switch v := getenv(name); v {
	case "", "0":
		return false, nil
	case "1":
		return true, nil
	default:
		return false, fmt.Errorf("%s=%q: want 1 (or leave it unset)", name, v)
	}
}
