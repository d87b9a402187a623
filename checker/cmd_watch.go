package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/internal/stability"
	"github.com/racelab/racelab/checker/internal/watch"
	"github.com/racelab/racelab/checker/lab"
)

// cmdWatch is the student's home screen: it runs the current lab, and again
// each time one of its files is saved. On a terminal it clears and redraws
// one screen (the course's progress bar, the last verdict explained, the
// keys: h hint, l the list, r reset, n next, q quit); after a pass it checks
// in the background that the fix holds under load. Elsewhere (a pipe, an
// editor's task runner) it prints what happens as it happens and moves on
// to the next lab after a pass.
func cmdWatch(ctx context.Context, e *env, args []string) error {
	u := e.ui()
	fs := flag.NewFlagSet("watch", flag.ContinueOnError)
	poll := fs.Bool("poll", e.getenv("POLL") == "1", u.t(i18n.FlagPoll))
	runs := fs.Int("runs", envInt(e, "RUNS", stability.DefaultRuns), u.t(i18n.FlagRuns))
	if err := u.parse(fs, args, "go tool checker watch [-poll] [-runs K] [N]"); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return u.fail(i18n.ErrNameLab, u.cmd("watch", 1))
	}
	root, err := e.needRoot()
	if err != nil {
		return err
	}
	all, _ := lab.Discover(root)
	if len(all) == 0 {
		return u.fail(i18n.ErrNoLabs, root)
	}
	var current *lab.Lab
	switch {
	case fs.NArg() == 1:
		if current, err = lab.Find(all, fs.Arg(0)); err != nil {
			return u.noSuchLab(fs.Arg(0), all)
		}
	case labAt(root, e.dir, all) != nil:
		current = labAt(root, e.dir, all)
	default:
		s, err := store(root, all).Load()
		if err != nil {
			return u.progressErr(err)
		}
		u.notes(s)
		current = firstUnfinished(all, s)
	}
	if current == nil {
		u.say(i18n.WatchAllDone)
		return nil
	}
	if err := ensureWarm(ctx, e, root, all, current); err != nil {
		return err
	}
	checker, err := stability.New(root)
	if err != nil {
		return err
	}
	defer checker.Close()

	h := &home{
		e: e, root: root, all: all, cur: current, runs: *runs,
		run:    func(ctx context.Context, e *env, l *lab.Lab) (report, error) { return runLab(ctx, e, root, l, false) },
		stable: checker.Check,
		files: func(ctx context.Context, l *lab.Lab, fallback func(string)) (<-chan string, error) {
			return watch.Watch(ctx, l.ProgramDir(), l.Editable, watch.Options{Poll: *poll, OnFallback: fallback})
		},
	}
	in, out := fileOf(e.stdin), fileOf(e.stdout)
	if in == nil || out == nil || !term.IsTerminal(int(in.Fd())) || !term.IsTerminal(int(out.Fd())) {
		return h.loop(ctx, nil, nil)
	}
	tty, err := openTerminal(in, out)
	if err != nil {
		return errors.New(u.t(i18n.ErrTerminal, err))
	}
	defer tty.restore()
	keys := make(chan watch.Key)
	go watch.ReadKeys(ctx, in, keys)
	err = h.loop(ctx, tty, keys)
	tty.restore()
	if h.view.running {
		u.say(i18n.LabInterrupted)
	}
	u.say(i18n.WatchStop)
	return err
}

func fileOf(x any) *os.File {
	f, _ := x.(*os.File)
	return f
}

// screen is where the home screen draws: the terminal, or a fake one of a
// given size in tests.
type screen interface {
	size() (width, height int)
	draw(lines []string)
}

// terminal is a real terminal in raw mode: keys arrive one by one without
// Enter, and Ctrl-C arrives as a key, so that stopping a run is the home
// screen's decision rather than a signal's.
type terminal struct {
	in, out  *os.File
	old      *term.State
	restored bool
}

func openTerminal(in, out *os.File) (*terminal, error) {
	old, err := term.MakeRaw(int(in.Fd()))
	if err != nil {
		return nil, err
	}
	fmt.Fprint(out, "\x1b[?25l") // hide the cursor while drawing
	return &terminal{in: in, out: out, old: old}, nil
}

func (t *terminal) size() (int, int) {
	w, h, err := term.GetSize(int(t.out.Fd()))
	if err != nil || w <= 0 {
		return 80, 24
	}
	return w, h
}

// draw clears the screen and writes lines; raw mode does not turn "\n"
// into a new line at the left margin, so lines end in "\r\n".
func (t *terminal) draw(lines []string) {
	var b strings.Builder
	b.WriteString("\x1b[H\x1b[2J")
	b.WriteString(strings.Join(lines, "\r\n"))
	io.WriteString(t.out, b.String())
}

// restore puts the terminal back as it was; again is a no-op.
func (t *terminal) restore() {
	if t.restored {
		return
	}
	t.restored = true
	fmt.Fprint(t.out, "\r\n\x1b[?25h")
	term.Restore(int(t.in.Fd()), t.old)
}

// home is the home screen's state and what it runs. The run, stability and
// file functions are fields so that tests replace them.
type home struct {
	e    *env
	root string
	all  []*lab.Lab
	cur  *lab.Lab
	runs int // of a stability check; 0: none
	// interactive is set while the screen draws on a terminal (real or
	// fake) and takes keys.
	interactive bool

	run    func(ctx context.Context, e *env, l *lab.Lab) (report, error)
	stable func(ctx context.Context, l *lab.Lab, runs int, progress func(done, failures int)) (stability.Outcome, error)
	files  func(ctx context.Context, l *lab.Lab, fallback func(string)) (<-chan string, error)

	view view
}

// view is what the screen shows.
type view struct {
	mode    viewMode
	running bool
	rep     *report  // the last run of the current lab
	stable  []string // the stability check: progress, or what it found
	hint    string
	notice  string
	cursor  int    // in the list
	typed   string // digits typed in the list
}

type viewMode int

const (
	modeLab viewMode = iota
	modeList
	modeAskReset
)

// The events the loop waits for, from the goroutines it starts. Each
// carries the generation of the run it belongs to: a result of a run that
// was cancelled (another save, another lab) is dropped.
type (
	runDone struct {
		gen int
		rep report
		err error
	}
	stableStep struct {
		gen, done int
	}
	stableDone struct {
		gen int
		out stability.Outcome
		err error
	}
)

// loop runs the home screen until q, Ctrl-C or ctx ends. scr nil: log
// mode, no keys, for output that is not a terminal.
func (h *home) loop(ctx context.Context, scr screen, keys <-chan watch.Key) error {
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	interactive := scr != nil
	h.interactive = interactive
	// The commands the screen calls print to a buffer that the screen
	// shows; in log mode they print as usual.
	u := h.e.ui()
	if interactive {
		width, _ := scr.size()
		u.width = width
	}

	events := make(chan any, 16)
	var (
		gen       int
		runCtx    = ctx
		cancelRun = func() {}
		cancelLab = func() {}
		changes   <-chan string
		lastSize  [2]int
	)
	// startRun runs the current lab, cancelling the run (and stability
	// check) before it: a save during a run starts it over.
	startRun := func(saved string) {
		cancelRun()
		gen++
		g := gen
		var cancel context.CancelFunc
		runCtx, cancel = context.WithCancel(ctx)
		cancelRun = cancel
		h.view.running, h.view.stable, h.view.notice = true, nil, ""
		if !interactive && saved != "" {
			fmt.Fprintln(h.e.stdout)
			u.say(i18n.WatchSaved, saved, h.cur.Name())
		}
		e, l, c := h.screenEnv(u), h.cur, runCtx
		go func() {
			rep, err := h.run(c, e, l)
			events <- runDone{g, rep, err}
		}()
	}
	// startStable checks the pass of run g under load, in the background:
	// the screen stays usable, and a save cancels it.
	startStable := func(g int) {
		l, c := h.cur, runCtx
		h.view.stable = []string{u.t(i18n.WatchStableRuns, 0, h.runs)}
		go func() {
			out, err := h.stable(c, l, h.runs, func(done, _ int) { events <- stableStep{g, done} })
			events <- stableDone{g, out, err}
		}()
	}
	openLab := func(l *lab.Lab) error {
		cancelRun()
		cancelLab()
		h.cur = l
		h.view = view{}
		labCtx, cancel := context.WithCancel(ctx)
		cancelLab = cancel
		var err error
		changes, err = h.files(labCtx, l, func(reason string) {
			if !interactive {
				u.say(i18n.WatchFallback, reason)
			}
		})
		if err != nil {
			return err
		}
		if !interactive {
			u.say(i18n.WatchStart, l.Name(), l.Title.In(string(u.lang)), strings.Join(paths(l), ", "))
		}
		startRun("")
		return nil
	}
	// moveOn opens the next unfinished lab in log mode, where no key can;
	// done when there is none.
	moveOn := func() (done bool, err error) {
		if next := nextUnfinished(h.root, h.all, h.cur); next != nil {
			return false, openLab(next)
		}
		u.say(i18n.WatchAllDone)
		return true, nil
	}
	defer func() { cancelRun(); cancelLab() }()
	if err := openLab(h.cur); err != nil {
		return err
	}

	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	dirty := true
	for {
		if interactive {
			w, ht := scr.size()
			if dirty || [2]int{w, ht} != lastSize {
				lastSize, u.width = [2]int{w, ht}, w
				scr.draw(h.render(u, w, ht))
			}
		}
		dirty = true
		select {
		case <-ctx.Done():
			if !interactive {
				u.say(i18n.WatchStop)
			}
			return nil
		case <-tick.C:
			dirty = false // redrawn above only if the size changed
		case name, ok := <-changes:
			if !ok {
				changes = nil
				continue
			}
			startRun(name)
		case ev := <-events:
			switch ev := ev.(type) {
			case runDone:
				if ev.gen != gen {
					continue
				}
				h.view.running = false
				if errors.Is(ev.err, errInterrupted) {
					h.view.notice = u.t(i18n.WatchCancelled)
					continue
				}
				if ev.err != nil {
					if !interactive {
						return ev.err
					}
					h.view.notice = ev.err.Error()
					continue
				}
				rep := ev.rep
				h.view.rep = &rep
				if err := record(h.screenEnv(u), h.root, h.all, rep); err != nil {
					h.view.notice = err.Error()
				}
				if !interactive {
					printReport(u, rep)
				}
				switch {
				case rep.passed() && h.runs > 0:
					startStable(ev.gen)
				case rep.passed() && !interactive:
					if done, err := moveOn(); done || err != nil {
						return err
					}
				}
			case stableStep:
				if ev.gen == gen {
					h.view.stable = []string{u.t(i18n.WatchStableRuns, ev.done, h.runs)}
				}
			case stableDone:
				if ev.gen != gen {
					continue
				}
				switch {
				case errors.Is(ev.err, context.Canceled):
					h.view.stable = nil
					continue
				case ev.err != nil:
					h.view.stable = []string{u.t(i18n.StableFailed, ev.err)}
				default:
					if err := recordStability(h.screenEnv(u), h.root, h.all, h.cur, ev.out); err != nil {
						h.view.notice = err.Error()
					}
					h.view.stable = stabilityLines(u, h.cur, ev.out)
				}
				if !interactive {
					for _, line := range h.view.stable {
						fmt.Fprintln(h.e.stdout, line)
					}
					if done, err := moveOn(); done || err != nil {
						return err
					}
				}
			}
		case k, ok := <-keys:
			if !ok {
				keys = nil
				continue
			}
			quit, next := h.key(u, k)
			switch {
			case quit:
				return nil
			case next != nil:
				if err := openLab(next); err != nil {
					return err
				}
			case k.Kind == watch.KeyEnter && h.view.mode == modeLab && !h.view.running:
				startRun("")
			}
		}
	}
}

// screenEnv is the environment for what the home screen runs: its output
// goes into the screen's notice rather than across the screen.
func (h *home) screenEnv(u ui) *env {
	e := *h.e
	e.width, e.color = u.width, u.color
	if h.interactive {
		e.stdout = io.Discard
	}
	return &e
}

// key handles one key press: whether to quit, and the lab to open.
func (h *home) key(u ui, k watch.Key) (quit bool, open *lab.Lab) {
	if k.Kind == watch.KeyCtrlC || k.Kind == watch.KeyCtrlD {
		return true, nil
	}
	switch h.view.mode {
	case modeAskReset:
		h.view.mode = modeLab
		if k.Kind == watch.KeyRune && (k.Rune == 'y' || k.Rune == 'Y') {
			var out bytes.Buffer
			e := h.screenEnv(u)
			e.stdout, e.width = &out, 0
			err := resetLab(e, h.root, h.all, h.cur, func(string, string) (bool, error) { return true, nil })
			h.view.notice = strings.TrimSpace(out.String())
			if err != nil {
				h.view.notice = err.Error()
			}
			// The save the reset made runs the lab again.
		} else {
			h.view.notice = u.t(i18n.ResetCancelled)
		}
		return false, nil
	case modeList:
		return false, h.listKey(k)
	}
	if k.Kind != watch.KeyRune {
		return false, nil
	}
	switch k.Rune {
	case 'q', 'Q':
		return true, nil
	case 'h', 'H':
		text, err := nextHint(h.screenEnv(u), h.root, h.all, h.cur)
		if err != nil {
			h.view.notice = err.Error()
		} else {
			h.view.hint = text
		}
	case 'l', 'L':
		h.view.mode, h.view.typed = modeList, ""
		for i, l := range h.all {
			if l == h.cur {
				h.view.cursor = i
			}
		}
	case 'r', 'R':
		h.view.mode = modeAskReset
	case 'n', 'N':
		if next := nextUnfinished(h.root, h.all, h.cur); next != nil && next != h.cur {
			return false, next
		}
		// Everything else passed: the next lab in the course, then.
		for i, l := range h.all {
			if l == h.cur && i+1 < len(h.all) {
				return false, h.all[i+1]
			}
		}
	}
	return false, nil
}

// listKey handles a key in the list: arrows and j/k move, digits pick a
// number, Enter opens, Esc (or l, q) goes back.
func (h *home) listKey(k watch.Key) *lab.Lab {
	v := &h.view
	switch k.Kind {
	case watch.KeyUp:
		v.cursor, v.typed = max(v.cursor-1, 0), ""
	case watch.KeyDown:
		v.cursor, v.typed = min(v.cursor+1, len(h.all)-1), ""
	case watch.KeyEsc:
		v.mode = modeLab
	case watch.KeyBackspace:
		if v.typed != "" {
			v.typed = v.typed[:len(v.typed)-1]
		}
	case watch.KeyEnter:
		v.mode = modeLab
		if l := h.all[v.cursor]; l != h.cur {
			return l
		}
	case watch.KeyRune:
		switch r := k.Rune; {
		case r >= '0' && r <= '9':
			v.typed += string(r)
			if l, err := lab.Find(h.all, v.typed); err == nil {
				for i, x := range h.all {
					if x == l {
						v.cursor = i
					}
				}
			}
		case r == 'k':
			v.cursor = max(v.cursor-1, 0)
		case r == 'j':
			v.cursor = min(v.cursor+1, len(h.all)-1)
		case r == 'l' || r == 'q':
			v.mode = modeLab
		}
	}
	return nil
}
