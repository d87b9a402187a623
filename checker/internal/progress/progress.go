// Package progress keeps a student's progress through the course in one
// small JSON file at the repository root (.racelab-progress.json, ignored
// by git): which labs passed, how many attempts each took, how many hints
// were shown. It is rewritten atomically, so an interrupted command never
// leaves half a file behind.
package progress

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// File is the state file's name, relative to the repository root.
const File = ".racelab-progress.json"

// version is bumped when the file's meaning changes incompatibly.
const version = 1

// Lab is what is known about one lab.
type Lab struct {
	Attempts int       `json:"attempts,omitempty"`
	Hints    int       `json:"hints,omitempty"` // hints shown so far
	Passed   bool      `json:"passed,omitempty"`
	PassedAt time.Time `json:"passed_at,omitzero"`
	LastRun  time.Time `json:"last_run,omitzero"`
	LastFail string    `json:"last_fail,omitempty"` // the reason of the last failed run
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
func (l Lab) Status() Status {
	switch {
	case l.Passed:
		return Passed
	case l.Attempts > 0:
		return Failing
	}
	return NotStarted
}

// State is the whole file.
type State struct {
	Version int             `json:"version"`
	Labs    map[string]*Lab `json:"labs"` // by lab name, e.g. "03-mutex"
}

// Lab returns the record of the named lab, creating it if needed.
func (s *State) Lab(name string) *Lab {
	if s.Labs == nil {
		s.Labs = map[string]*Lab{}
	}
	l, ok := s.Labs[name]
	if !ok {
		l = &Lab{}
		s.Labs[name] = l
	}
	return l
}

// StatusOf is the named lab's status, without creating a record for it.
func (s *State) StatusOf(name string) Status {
	if l, ok := s.Labs[name]; ok {
		return l.Status()
	}
	return NotStarted
}

// Record notes one run of a lab: reason is "" when it passed.
func (s *State) Record(name string, passed bool, reason string, now time.Time) {
	l := s.Lab(name)
	l.Attempts++
	l.LastRun = now
	l.LastFail = reason
	if passed && !l.Passed {
		l.Passed, l.PassedAt = true, now
	}
}

// Load reads the state under root. A missing file is an empty state; a
// damaged one is an error that says how to recover.
func Load(root string) (*State, error) {
	path := filepath.Join(root, File)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &State{Version: version, Labs: map[string]*Lab{}}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading progress: %w", err)
	}
	var s State
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("reading progress from %s: %w (delete the file to start the record afresh; your code is not affected)", path, err)
	}
	if s.Version > version {
		return nil, fmt.Errorf("%s was written by a newer racelab (version %d): update your clone (git pull)", path, s.Version)
	}
	if s.Labs == nil {
		s.Labs = map[string]*Lab{}
	}
	s.Version = version
	return &s, nil
}

// Save writes the state under root atomically.
func (s *State) Save(root string) error {
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

// Update loads the state, lets fn change it and saves it.
func Update(root string, fn func(*State)) error {
	s, err := Load(root)
	if err != nil {
		return err
	}
	fn(s)
	return s.Save(root)
}
