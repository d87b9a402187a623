package lab

import (
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
)

// Shipped returns the editable files as the course shipped them (base name
// → content), read from git: the upstream of the student's clone, else
// origin, else HEAD. A student's own commits are not the shipped version;
// the course's are. It fails when the lab's folder is not in a git clone
// of the course.
func (l *Lab) Shipped() (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, f := range l.Editable {
		data, err := shippedVersion(l.ProgramDir(), f)
		if err != nil {
			return nil, err
		}
		out[f] = data
	}
	return out, nil
}

// ShippedFile is the shipped version of the file at rel (a slash path from
// the repository root root).
func ShippedFile(root, rel string) ([]byte, error) {
	return shippedVersion(filepath.Join(root, filepath.FromSlash(filepath.Dir(rel))), filepath.Base(rel))
}

func shippedVersion(dir, name string) ([]byte, error) {
	prefix, err := exec.Command("git", "-C", dir, "rev-parse", "--show-prefix").Output()
	if err != nil {
		return nil, fmt.Errorf("cannot find the shipped version of %s: %s is not in a git clone of the course (download the file again from the course repository)", name, dir)
	}
	rel := strings.TrimSpace(string(prefix)) + name
	for _, rev := range []string{"@{upstream}", "origin/HEAD", "origin/main", "HEAD"} {
		cmd := exec.Command("git", "-C", dir, "show", rev+":./"+name)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if data, err := cmd.Output(); err == nil {
			return data, nil
		}
	}
	return nil, fmt.Errorf("cannot find the shipped version of %s in git: is this a git clone of racelab? (download the file again from the course repository)", rel)
}
