// Package progress keeps a student's progress through the course in one
// small JSON file at the repository root (.racelab-progress.json, ignored
// by git): which labs passed, how many attempts each took, how many hints
// were shown, whether a pass held up under load.
//
// Several racelab commands may run at once (watch in one terminal, hint in
// another), so every change is a read-modify-write under a file lock
// (.racelab-progress.json.lock, go-internal's lockedfile), and the file is
// replaced atomically, so an interrupted command never leaves half a file.
//
// Labs are recorded by slug ("waitgroup"), not by directory name: when the
// course is renumbered a lab keeps its slug, and so the student's record.
package progress

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/rogpeppe/go-internal/lockedfile"

	"github.com/racelab/racelab/checker/lab"
)

// File is the state file's name, relative to the repository root.
const File = ".racelab-progress.json"

// LockFile is the file whose lock guards File.
const LockFile = File + ".lock"

// version is bumped when the file's meaning changes incompatibly. Version 1
// recorded labs by directory name ("01-waitgroup"); 2 by slug.
const version = 2

// Lab is what is known about one lab.
type Lab struct {
	Attempts int       `json:"attempts,omitempty"`
	Hints    int       `json:"hints,omitempty"` // hints shown so far
	Passed   bool      `json:"passed,omitempty"`
	PassedAt time.Time `json:"passed_at,omitzero"`
	LastRun  time.Time `json:"last_run,omitzero"`
	LastFail string    `json:"last_fail,omitempty"` // the reason of the last failed run
	// Stability is how the last pass held up when run again under load;
	// nil until a stability run finished.
	Stability *Stability `json:"stability,omitempty"`
}

// Stability is the outcome of a stability run: the passing program run
// many times, on one thread and two, with a core kept busy.
type Stability struct {
	Runs     int       `json:"runs"`
	Failures int       `json:"failures"`
	Reason   string    `json:"reason,omitempty"` // of the first failing run
	At       time.Time `json:"at"`
}

// Status is a lab's standing in the course map.
type Status int

// The statuses, in the order a student goes through them.
const (
	NotStarted Status = iota
	Failing
	Passed
)

// Status tells whether the lab was never run, runs but fails, or passed.
// A pass that its stability run overturned is not one: the program failed
// under the same tests when run again, so its fix is not done, however the
// first run went.
func (l Lab) Status() Status {
	switch {
	case l.Passed && (l.Stability == nil || l.Stability.Failures == 0):
		return Passed
	case l.Attempts > 0:
		return Failing
	}
	return NotStarted
}

// State is the whole file.
type State struct {
	Version int             `json:"version"`
	Labs    map[string]*Lab `json:"labs"` // by slug, e.g. "mutex"
	// Warm records that the build cache held the race-enabled standard
	// library (see checker's warm-up); empty until it did.
	Warm string `json:"warm,omitempty"`

	// Dropped names the records Load removed because their lab is no
	// longer in the course (as the file named them), for a note.
	Dropped []string `json:"-"`
}

// Lab returns the record of the lab with the given slug, creating it if
// needed.
func (s *State) Lab(slug string) *Lab {
	if s.Labs == nil {
		s.Labs = map[string]*Lab{}
	}
	l, ok := s.Labs[slug]
	if !ok {
		l = &Lab{}
		s.Labs[slug] = l
	}
	return l
}

// StatusOf is the status of the lab with the given slug, without creating
// a record for it.
func (s *State) StatusOf(slug string) Status {
	if l, ok := s.Labs[slug]; ok {
		return l.Status()
	}
	return NotStarted
}

// Record notes one run of a lab: reason is "" when it passed. A new pass
// forgets the stability of an earlier one: it was another program.
func (s *State) Record(slug string, passed bool, reason string, now time.Time) {
	l := s.Lab(slug)
	l.Attempts++
	l.LastRun = now
	l.LastFail = reason
	if passed {
		l.Stability = nil
		if !l.Passed {
			l.Passed, l.PassedAt = true, now
		}
	}
}

// Reset forgets a lab's runs and its pass, as when the student puts its
// file back as shipped; the hints already shown stay shown.
func (s *State) Reset(slug string) {
	l, ok := s.Labs[slug]
	if !ok {
		return
	}
	*l = Lab{Hints: l.Hints}
	if l.Hints == 0 {
		delete(s.Labs, slug)
	}
}

// Store is the progress file of one clone of the course.
type Store struct {
	Root string
	// Slugs are the course's labs. A record of any other lab (one the
	// course dropped) is removed when the file is read; nil keeps all.
	Slugs []string
}

// Load reads the state. A missing file is an empty state; a damaged one is
// an error that says how to recover. A file of an older version, or with
// records of labs no longer in the course, is brought up to date and
// saved, so that what was dropped is said once (State.Dropped).
func (st Store) Load() (*State, error) {
	var out *State
	err := st.locked(func(s *State, changed bool) (bool, error) {
		out = s
		return changed, nil
	})
	return out, err
}

// Update reads the state, lets fn change it and saves it, all under the
// lock: two commands updating at once both count.
func (st Store) Update(fn func(*State)) (*State, error) {
	var out *State
	err := st.locked(func(s *State, _ bool) (bool, error) {
		fn(s)
		out = s
		return true, nil
	})
	return out, err
}

// locked runs fn on the state under the lock and saves the state when fn
// says so. changed tells fn that reading it brought it up to date.
func (st Store) locked(fn func(s *State, changed bool) (save bool, err error)) error {
	unlock, err := lockedfile.MutexAt(filepath.Join(st.Root, LockFile)).Lock()
	if err != nil {
		return fmt.Errorf("locking the progress file: %w", err)
	}
	defer unlock()
	s, changed, err := st.read()
	if err != nil {
		return err
	}
	save, err := fn(s, changed)
	if err != nil || !save {
		return err
	}
	return s.save(st.Root)
}

// ErrDamaged is the error of a progress file that is not JSON.
var ErrDamaged = errors.New("the progress file is damaged")

// ErrNewer is the error of a progress file written by a newer racelab.
var ErrNewer = errors.New("the progress file was written by a newer racelab")

// PathError is a progress file that cannot be used, with its path: the
// commands say in the student's language what to do about Err.
type PathError struct {
	Path string
	Err  error
}

func (e *PathError) Error() string {
	switch {
	case errors.Is(e.Err, ErrDamaged):
		return fmt.Sprintf("reading progress from %s: %v (delete the file to start the record afresh; your code is not affected)", e.Path, e.Err)
	case errors.Is(e.Err, ErrNewer):
		return fmt.Sprintf("%s: %v: update your clone (git pull)", e.Path, e.Err)
	}
	return fmt.Sprintf("progress file %s: %v", e.Path, e.Err)
}

func (e *PathError) Unwrap() error { return e.Err }

// read reads the file and brings it up to date.
func (st Store) read() (s *State, changed bool, err error) {
	path := filepath.Join(st.Root, File)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &State{Version: version, Labs: map[string]*Lab{}}, false, nil
	}
	if err != nil {
		return nil, false, &PathError{path, err}
	}
	s = &State{}
	if err := json.Unmarshal(data, s); err != nil {
		return nil, false, &PathError{path, fmt.Errorf("%w: %v", ErrDamaged, err)}
	}
	if s.Version > version {
		return nil, false, &PathError{path, fmt.Errorf("%w (version %d)", ErrNewer, s.Version)}
	}
	if s.Labs == nil {
		s.Labs = map[string]*Lab{}
	}
	if s.Version < 2 {
		s.Labs = bySlug(s.Labs)
		changed = true
	}
	s.Version = version
	if st.Slugs != nil {
		for _, slug := range slices.Sorted(maps.Keys(s.Labs)) {
			if !slices.Contains(st.Slugs, slug) {
				s.Dropped = append(s.Dropped, slug)
				delete(s.Labs, slug)
				changed = true
			}
		}
	}
	return s, changed, nil
}

// bySlug re-keys a version 1 file's records, by directory name, by slug.
// Should a renumbered course have left two records of one slug, the one
// that passed (or was run last) wins.
func bySlug(old map[string]*Lab) map[string]*Lab {
	names := slices.Sorted(maps.Keys(old))
	out := map[string]*Lab{}
	for _, name := range names {
		slug := name
		if _, s, ok := lab.ParseDirName(name); ok {
			slug = s
		}
		rec := old[name]
		if prev, ok := out[slug]; ok && (prev.Passed || prev.LastRun.After(rec.LastRun)) {
			continue
		}
		out[slug] = rec
	}
	return out
}

// save writes the state atomically: a new file renamed over the old.
func (s *State) save(root string) error {
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return fmt.Errorf("saving progress: %w", err)
	}
	tmp, err := os.CreateTemp(root, File+".tmp-*")
	if err != nil {
		return fmt.Errorf("saving progress: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		tmp.Close()
		return fmt.Errorf("saving progress: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("saving progress: %w", err)
	}
	if err := os.Rename(tmp.Name(), filepath.Join(root, File)); err != nil {
		return fmt.Errorf("saving progress: %w", err)
	}
	return nil
}
