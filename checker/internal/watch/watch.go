// Package watch tells when a student saves one of a lab's files.
//
// It watches the lab's directory, not the files, because many editors save
// by writing a new file and renaming it over the old one. File system
// events (fsnotify) are used where they work; where they do not arrive
// (network file systems, WSL's view of Windows drives, some containers) it
// notices by itself, through a probe file, and falls back to polling the
// files' size, time and content.
package watch

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Options tunes a watch. The zero value watches with file system events,
// falling back to polling every half second.
type Options struct {
	Poll       bool          // poll from the start
	Interval   time.Duration // between polls; default 500ms
	Debounce   time.Duration // quiet time that ends a burst of events; default 100ms
	ProbeWait  time.Duration // how long the probe's event may take; default 2s
	OnFallback func(reason string)

	// probe replaces the event probe in tests, which cannot make a local
	// file system drop events.
	probe func(w *fsnotify.Watcher, dir string, wait time.Duration) error
}

func (o *Options) defaults() {
	if o.Interval <= 0 {
		o.Interval = 500 * time.Millisecond
	}
	if o.Debounce <= 0 {
		o.Debounce = 100 * time.Millisecond
	}
	if o.ProbeWait <= 0 {
		o.ProbeWait = 2 * time.Second
	}
	if o.probe == nil {
		o.probe = probe
	}
}

// probeName is the file written to check that events arrive. It starts
// with a dot so go tooling ignores it.
const probeName = ".racelab-watch-probe"

// Watch sends the base name of a file in files (names inside dir) each time
// it is saved, once per burst of writes, until ctx is done; then it closes
// the channel.
func Watch(ctx context.Context, dir string, files []string, opts Options) (<-chan string, error) {
	opts.defaults()
	out := make(chan string)
	if !opts.Poll {
		w, err := fsnotify.NewWatcher()
		if err == nil {
			if err = w.Add(dir); err == nil {
				if err = opts.probe(w, dir, opts.ProbeWait); err == nil {
					go events(ctx, w, files, opts, out)
					return out, nil
				}
			}
			w.Close()
		}
		if opts.OnFallback != nil {
			opts.OnFallback(err.Error())
		}
	}
	snap, err := snapshot(dir, files)
	if err != nil {
		return nil, err
	}
	go poll(ctx, dir, files, snap, opts, out)
	return out, nil
}

// probe writes a file in dir and waits for fsnotify to say so.
func probe(w *fsnotify.Watcher, dir string, wait time.Duration) error {
	path := filepath.Join(dir, probeName)
	if err := os.WriteFile(path, []byte("racelab\n"), 0o644); err != nil {
		return fmt.Errorf("cannot write the probe file: %w", err)
	}
	defer os.Remove(path)
	timeout := time.After(wait)
	for {
		select {
		case ev := <-w.Events:
			if filepath.Base(ev.Name) == probeName {
				return nil
			}
		case err := <-w.Errors:
			return fmt.Errorf("file events failed: %w", err)
		case <-timeout:
			return fmt.Errorf("no file event arrived within %v", wait)
		}
	}
}

func events(ctx context.Context, w *fsnotify.Watcher, files []string, opts Options, out chan<- string) {
	defer close(out)
	defer w.Close()
	pending := map[string]bool{}
	var quiet <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			name := filepath.Base(ev.Name)
			if slices.Contains(files, name) && ev.Op&(fsnotify.Write|fsnotify.Create|fsnotify.Rename) != 0 {
				pending[name] = true
				quiet = time.After(opts.Debounce)
			}
		case <-w.Errors:
			// A lost event costs one missed save; the next save is seen.
		case <-quiet:
			quiet = nil
			if !flush(ctx, pending, out) {
				return
			}
		}
	}
}

// flush sends the pending names in a stable order.
func flush(ctx context.Context, pending map[string]bool, out chan<- string) bool {
	names := make([]string, 0, len(pending))
	for n := range pending {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		delete(pending, n)
		select {
		case out <- n:
		case <-ctx.Done():
			return false
		}
	}
	return true
}

type state struct {
	size    int64
	modTime time.Time
	sum     [32]byte
}

func snapshot(dir string, files []string) (map[string]state, error) {
	snap := map[string]state{}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			if os.IsNotExist(err) {
				continue // a file being replaced; seen at the next poll
			}
			return nil, fmt.Errorf("watching %s: %w", f, err)
		}
		info, err := os.Stat(filepath.Join(dir, f))
		if err != nil {
			continue
		}
		snap[f] = state{info.Size(), info.ModTime(), sha256.Sum256(data)}
	}
	return snap, nil
}

func poll(ctx context.Context, dir string, files []string, last map[string]state, opts Options, out chan<- string) {
	defer close(out)
	tick := time.NewTicker(opts.Interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		now, err := snapshot(dir, files)
		if err != nil {
			continue
		}
		pending := map[string]bool{}
		for _, f := range files {
			a, b := last[f], now[f]
			if a.size != b.size || !a.modTime.Equal(b.modTime) || !bytes.Equal(a.sum[:], b.sum[:]) {
				if _, ok := now[f]; ok {
					pending[f] = true
				}
			}
		}
		last = now
		if !flush(ctx, pending, out) {
			return
		}
	}
}
