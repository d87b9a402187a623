package gradebook

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

func unmarshal(data []byte, v any) error { return json.Unmarshal(data, v) }

// Merge combines the gradebooks of shards (each an output folder of
// `checker grade --shard i/n`) into one, as an unsharded run would have
// written it, and copies each submission's own folder into out.
func Merge(out string, dirs []string) (*Gradebook, error) {
	var merged *Gradebook
	seen := map[string]string{}
	for _, dir := range dirs {
		g, err := Read(filepath.Join(dir, JSONFile))
		if err != nil {
			return nil, fmt.Errorf("shard %s: %w", dir, err)
		}
		if merged == nil {
			merged = &Gradebook{Version: Version, Runs: g.Runs, Sandbox: g.Sandbox, Labs: g.Labs}
		}
		if g.Runs != merged.Runs || g.Sandbox != merged.Sandbox || !slices.Equal(g.Labs, merged.Labs) {
			return nil, fmt.Errorf("shard %s was graded differently (labs, runs or sandbox) from %s: grade every shard with the same checker and flags", dir, dirs[0])
		}
		for _, s := range g.Submissions {
			if other, dup := seen[s.Name]; dup {
				return nil, fmt.Errorf("submission %s is in two shards (%s and %s): merge the outputs of one sharded run", s.Name, other, dir)
			}
			seen[s.Name] = dir
			merged.Submissions = append(merged.Submissions, s)
			if err := copyDir(filepath.Join(dir, s.Name), filepath.Join(out, s.Name)); err != nil {
				return nil, err
			}
		}
		// The shards ran side by side: the class took as long as the slowest.
		merged.ElapsedMS = max(merged.ElapsedMS, g.ElapsedMS)
	}
	if merged == nil {
		return nil, fmt.Errorf("no shard folders given")
	}
	merged.Sort()
	return merged, nil
}

// copyDir copies the regular files of a submission's output folder.
func copyDir(src, dst string) error {
	if filepath.Clean(src) == filepath.Clean(dst) {
		return nil
	}
	entries, err := os.ReadDir(src)
	if os.IsNotExist(err) {
		return nil // an error row may have no folder
	}
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			return err
		}
		if err := WriteFile(filepath.Join(dst, e.Name()), data); err != nil {
			return err
		}
	}
	return nil
}
