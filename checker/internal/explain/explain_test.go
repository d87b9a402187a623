package explain

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/protocol"
)

var update = flag.Bool("update", false, "rewrite the golden renderings in testdata/golden")

// The captures are real runs of the throwaway labs in testdata/labs under
// the real judge (see testdata/capture.sh): for each lab, NN-slug.verdict.json
// is the judge's verdict and NN-slug.json the go test -json stream of the
// same run; for some, NN-slug.txt is another run's plain go test -v text,
// and NN-slug.norace.txt the program run by hand without the race detector.

// load reads a capture and the metadata of the lab it ran.
func load(t testing.TB, capture string) Input {
	t.Helper()
	name, _, _ := strings.Cut(capture, ".")
	l, err := lab.Load(filepath.Join("testdata", "labs", name))
	if err != nil {
		t.Fatalf("loading the lab of %s: %v", capture, err)
	}
	in := Input{ProgramDir: l.ProgramDir(), Editable: l.Editable, Fix: l.Fix}
	path := filepath.Join("testdata", "captures", capture)
	if strings.HasSuffix(capture, ".verdict.json") {
		if in.Verdict, err = protocol.ReadVerdict(path); err != nil {
			t.Fatal(err)
		}
		return in
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	in.Output = string(data)
	if strings.HasSuffix(capture, ".json") {
		if in.Output, err = TestOutput(bytes.NewReader(data)); err != nil {
			t.Fatal(err)
		}
	}
	return in
}

// render is the explanation with every problem's places listed, as
// Render writes it when it draws no diagram: the checks of what an
// explanation says read it. The diagrams have tests of their own
// (diagram_test.go), and the golden files show both.
func render(t *testing.T, ps []Problem, lang i18n.Lang) string {
	t.Helper()
	var b strings.Builder
	r := &renderer{w: &b, l: lang, why: map[i18n.Key]bool{}}
	if err := r.render(ps); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// renderAt is what a student sees on a terminal width columns wide (0: not
// a terminal).
func renderAt(t testing.TB, ps []Problem, lang i18n.Lang, width int) string {
	t.Helper()
	var b strings.Builder
	if err := Render(&b, ps, lang, false, width); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// variants lists the captures of one lab.
func variants(t *testing.T, name string) []string {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join("testdata", "captures", name+".*"))
	if err != nil || len(matches) == 0 {
		t.Fatalf("no captures of %s", name)
	}
	var out []string
	for _, m := range matches {
		out = append(out, filepath.Base(m))
	}
	return out
}

// access describes an expected access: its place, read or write ("*" for
// either: reports of a line that both reads and writes, x++, come either
// way), the variable, and whether the main goroutine made it.
type access struct {
	at, rw, v string
	main      bool
}

// phrases returns what the explanation must say about the access, in
// English and Indonesian, as patterns (goroutine numbers vary by run).
func (a access) phrases() (en, id string) {
	whoEN, whoID := `goroutine \d+`, `goroutine \d+`
	if a.main {
		whoEN, whoID = "the main goroutine", "goroutine main"
	}
	verbEN, verbID := map[string]string{"read": "reads", "write": "writes", "*": "(?:reads|writes)",
		"send": "sends on", "close": "closes", "map-read": "reads from the map", "map-write": "writes to the map", "map-*": "(?:reads from|writes to) the map"}[a.rw],
		map[string]string{"read": "membaca", "write": "menulis", "*": "(?:membaca|menulis)",
			"send": "mengirim ke", "close": "menutup", "map-read": "membaca dari map", "map-write": "menulis ke map", "map-*": "(?:membaca dari|menulis ke) map"}[a.rw]
	v := regexp.QuoteMeta(a.v)
	return a.at + `  ` + whoEN + " " + verbEN + " " + v, a.at + `  ` + whoID + " " + verbID + " " + v
}

func (a access) matches(got Access) bool {
	rw := "read"
	switch {
	case got.Op == OpChanSend:
		rw = "send"
	case got.Op == OpChanClose:
		rw = "close"
	case got.Op == OpMapRead:
		rw = "map-read"
	case got.Op == OpMapWrite:
		rw = "map-write"
	case got.Write:
		rw = "write"
	}
	rwOK := a.rw == rw || a.rw == "*" && (rw == "read" || rw == "write") || a.rw == "map-*" && strings.HasPrefix(rw, "map-")
	return got.At.String() == a.at && rwOK && got.Var == a.v && got.Main == a.main && got.At.Source != ""
}

// race is an expected data race.
type race struct {
	accesses [2]access
	created  string // the go statement shown, file:line
	calls    string // a call on the way, file:line
	fn       string // the function named, when not main or a literal
	v        string // the problem's variable
}

func findRace(ps []Problem, want race) (Problem, bool) {
	for _, p := range ps {
		if p.Kind != Race || len(p.Accesses) != 2 {
			continue
		}
		a, b := p.Accesses[0], p.Accesses[1]
		if want.accesses[0].matches(a) && want.accesses[1].matches(b) ||
			want.accesses[0].matches(b) && want.accesses[1].matches(a) {
			return p, true
		}
	}
	return Problem{}, false
}

func checkRaces(t *testing.T, ps []Problem, en, id string, races ...race) {
	t.Helper()
	if n := count(ps, Race); n != len(races) {
		t.Errorf("got %d races, want %d:\n%s", n, len(races), en)
	}
	for _, want := range races {
		p, ok := findRace(ps, want)
		if !ok {
			t.Errorf("no race matching %+v in %+v", want.accesses, races)
			continue
		}
		if p.Var != want.v {
			t.Errorf("race on %q, want %q", p.Var, want.v)
		}
		created := false
		for _, a := range p.Accesses {
			if a.Created.String() == want.created {
				created = true
			}
			if want.calls != "" && (len(a.Calls) == 0 || a.Calls[0].String() != want.calls) {
				t.Errorf("access at %s: calls %v, want %s first", a.At, a.Calls, want.calls)
			}
			if want.fn != "" && a.At.Func != want.fn {
				t.Errorf("access at %s: in function %q, want %q", a.At, a.At.Func, want.fn)
			}
		}
		if want.created != "" && !created {
			t.Errorf("race on %s: no access says its goroutine was started at %s", p.Var, want.created)
		}
		for _, a := range want.accesses {
			pen, pid := a.phrases()
			mustMatch(t, en, pen)
			mustMatch(t, id, pid)
		}
		if want.created != "" {
			mustMatch(t, en, regexp.QuoteMeta(want.created)+`  (?:both goroutines were started here|goroutine \d+ was started here)`)
			mustMatch(t, id, regexp.QuoteMeta(want.created)+`  (?:kedua goroutine dimulai di sini|goroutine \d+ dimulai di sini)`)
		}
		if want.calls != "" {
			mustMatch(t, en, "called at "+regexp.QuoteMeta(want.calls))
			mustMatch(t, id, "dipanggil di "+regexp.QuoteMeta(want.calls))
		}
		if want.fn != "" {
			mustMatch(t, en, " in "+regexp.QuoteMeta(want.fn))
			mustMatch(t, id, " di dalam "+regexp.QuoteMeta(want.fn))
		}
		mustMatch(t, en, "Data race on "+regexp.QuoteMeta(want.v))
		mustMatch(t, id, "Data race pada "+regexp.QuoteMeta(want.v))
	}
}

func mustMatch(t *testing.T, text, pattern string) {
	t.Helper()
	if !regexp.MustCompile(pattern).MatchString(text) {
		t.Errorf("the explanation does not match %q:\n%s", pattern, text)
	}
}

func mustContain(t *testing.T, text string, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if !strings.Contains(text, s) {
			t.Errorf("the explanation lacks %q:\n%s", s, text)
		}
	}
}

func count(ps []Problem, k Kind) int {
	n := 0
	for _, p := range ps {
		if p.Kind == k {
			n++
		}
	}
	return n
}

func first(t *testing.T, ps []Problem, k Kind) Problem {
	t.Helper()
	for _, p := range ps {
		if p.Kind == k {
			return p
		}
	}
	t.Fatalf("no %s problem in %+v", k, ps)
	return Problem{}
}

// hiddenInOutput is what must never reach a student: the machinery's
// frames, paths and addresses (goleak's frames; goleak itself is a tool
// a testing lab's student may use).
var hiddenInOutput = []string{
	"program.Main", "judged", "main.main", "main.go", "program.go", "overlap.go", "steps.go", "judge.",
	"testscript", "goleak.", "go.uber.org", "runtime.", "runtime/", "_testmain", "lab_test.go",
	"internal/", "/tmp/", "github.com/", "0x", "+0x", "WARNING: DATA RACE", "created by", "sema.go", "mutex.go",
	"racelab:",
}

func checkHidden(t *testing.T, text string) {
	t.Helper()
	for _, h := range hiddenInOutput {
		if strings.Contains(text, h) {
			t.Errorf("the explanation shows %q, which should be hidden:\n%s", h, text)
		}
	}
}

// checkInvariants holds for every explanation of every capture.
func checkInvariants(t *testing.T, in Input, ps []Problem) {
	t.Helper()
	if len(ps) == 0 {
		t.Fatal("no problems found")
	}
	var all []Place // every place of every problem
	for _, p := range ps {
		if p.Count < 1 {
			t.Errorf("%s: count %d", p.Kind, p.Count)
		}
		if p.Advice == "" {
			t.Errorf("%s: no advice", p.Kind)
		}
		var places []Place
		for _, a := range p.Accesses {
			places = append(places, a.At, a.Created)
			places = append(places, a.Calls...)
		}
		for _, g := range p.Goroutines {
			places = append(places, g.At, g.Created)
			places = append(places, g.Calls...)
			for _, l := range g.Holds {
				places = append(places, l.At)
			}
		}
		all = append(all, places...)
		for _, pl := range places {
			if pl.IsZero() {
				continue
			}
			if !slices.Contains(in.Editable, pl.File) {
				t.Errorf("%s: place %s is not in the student's files %v", p.Kind, pl, in.Editable)
			}
			if pl.Source == "" {
				t.Errorf("%s: place %s has no source line", p.Kind, pl)
			}
		}
	}
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ID} {
		text := render(t, ps, lang)
		// The student's own lines may call what the machinery's frames
		// are hidden for (runtime.Gosched, in a lab that teaches not to).
		shown := text
		for _, pl := range all {
			if pl.Source != "" {
				shown = strings.ReplaceAll(shown, pl.Source, "")
			}
		}
		checkHidden(t, shown)
		if strings.Contains(text, "%!") {
			t.Errorf("a message was formatted with the wrong arguments:\n%s", text)
		}
		for _, p := range ps {
			advice, _, _ := strings.Cut(lang.T(p.Advice), "%")
			if !strings.Contains(text, advice) {
				t.Errorf("%s: the advice is missing in %s:\n%s", p.Kind, lang, text)
			}
		}
	}
}

func TestCaptures(t *testing.T) {
	for _, tc := range []struct {
		lab   string
		check func(t *testing.T, ps []Problem, en, id string)
	}{
		{"01-waitgroup", func(t *testing.T, ps []Problem, en, id string) {
			checkRaces(t, ps, en, id, race{
				accesses: [2]access{{"squares.go:21", "write", "squares[i]", false}, {"squares.go:28", "read", "squares", true}},
				created:  "squares.go:20", v: "squares",
			})
			if p := first(t, ps, Race); p.Count != 2 {
				t.Errorf("the race of both scripts should fold into one seen twice, got %d", p.Count)
			}
			mustContain(t, en, "sync.WaitGroup", "squares[i] = square(i)", "for _, s := range squares {", "go func() {", "seen 2 times")
			mustContain(t, id, "sync.WaitGroup", "terjadi 2 kali")
			checkStatic(t, ps, en, id, "fixkind", "", "squares.go does not use a sync.WaitGroup")
		}},
		{"91-tally", func(t *testing.T, ps []Problem, en, id string) {
			// The program stops at its first race (GORACE halt_on_error):
			// on whichever of the three variables the goroutines met first.
			var races []race
			for line, v := range map[int]string{28: "votes", 29: "ballots", 30: "boxes"} {
				at := "tally.go:" + strconv.Itoa(line)
				races = append(races, race{accesses: [2]access{{at, "*", v, false}, {at, "*", v, false}}, created: "tally.go:25", v: v})
			}
			p := first(t, ps, Race)
			i := slices.IndexFunc(races, func(r race) bool { return r.v == p.Var })
			if i < 0 {
				t.Fatalf("a race on %q, want one of votes, ballots, boxes", p.Var)
			}
			checkRaces(t, ps, en, id, races[i])
			mustContain(t, en, "Lock the same sync.Mutex around every access to "+p.Var, "(it uses a sync.WaitGroup instead)")
			mustContain(t, id, "Kunci sync.Mutex yang sama di sekitar setiap akses ke "+p.Var)
		}},
		{"92-closure", func(t *testing.T, ps []Problem, en, id string) {
			checkRaces(t, ps, en, id, race{
				accesses: [2]access{{"sum.go:22", "*", "total", false}, {"sum.go:22", "*", "total", false}},
				created:  "sum.go:28", calls: "sum.go:30", v: "total",
			})
			mustContain(t, en, "total += x", "add(i)", "with a sync.Mutex or sync/atomic")
			mustContain(t, id, "dengan sync.Mutex atau sync/atomic")
		}},
		{"93-field", func(t *testing.T, ps []Problem, en, id string) {
			checkRaces(t, ps, en, id, race{
				accesses: [2]access{{"server.go:27", "*", "s.requests", false}, {"server.go:27", "*", "s.requests", false}},
				created:  "server.go:25", v: "s.requests",
			})
		}},
		{"94-method", func(t *testing.T, ps []Problem, en, id string) {
			checkRaces(t, ps, en, id, race{
				accesses: [2]access{{"bank.go:21", "*", "a.balance", false}, {"bank.go:21", "*", "a.balance", false}},
				created:  "bank.go:36", calls: "bank.go:38", fn: "(*Account).Deposit", v: "a.balance",
			})
			mustContain(t, en, "acct.Deposit(i + 1)")
		}},
		{"95-words", func(t *testing.T, ps []Problem, en, id string) {
			if count(ps, ConcurrentMap) == 1 {
				// The run without the race detector: the runtime's crash.
				p := first(t, ps, ConcurrentMap)
				if p.Message != "concurrent map writes" || p.Var != "counts" || p.At.String() != "words.go:28" ||
					len(p.Goroutines) != 1 || p.Goroutines[0].Created.String() != "words.go:24" {
					t.Errorf("map crash: %+v", p)
				}
				mustContain(t, en, "The program crashed: concurrent map writes", "words.go:28  goroutine", "used the map counts here", "counts[(i+j)%7]++", "not safe for concurrent use")
				mustContain(t, id, "Program berhenti paksa: concurrent map writes", "memakai map counts di sini", "tidak aman dipakai bersamaan")
				return
			}
			checkRaces(t, ps, en, id, race{
				accesses: [2]access{{"words.go:28", "map-*", "counts", false}, {"words.go:28", "map-*", "counts", false}},
				created:  "words.go:24", v: "counts",
			})
		}},
		{"86-results", func(t *testing.T, ps []Problem, en, id string) {
			// The race of the close with the sends stops the program
			// before any send panics.
			checkRaces(t, ps, en, id, race{
				accesses: [2]access{{"results.go:22", "send", "results", false}, {"results.go:25", "close", "results", true}},
				created:  "results.go:20", v: "results",
			})
			if p := first(t, ps, Race); p.Advice != i18n.AdviceCloseAfterSends {
				t.Errorf("race advice %s", p.Advice)
			}
			mustContain(t, en, "results <- i * i", "close(results)", "the side that sends is the side that closes")
			mustContain(t, id, "pihak yang mengirim adalah pihak yang menutup")
		}},
		{"83-bounds", func(t *testing.T, ps []Problem, en, id string) {
			p := first(t, ps, Panic)
			if len(ps) != 1 || p.Count != 2 || !strings.HasPrefix(p.Message, "runtime error: index out of range [") ||
				p.At.String() != "squares.go:26" || p.At.Func != "run.func1" ||
				len(p.Goroutines) != 1 || p.Goroutines[0].Main || p.Goroutines[0].Created.String() != "squares.go:24" {
				t.Errorf("panic in both scripts, at squares.go:26 in a goroutine started at squares.go:24: %+v", ps)
			}
			if p.Advice != i18n.AdviceIndex {
				t.Errorf("panic advice %s", p.Advice)
			}
			// Headed as the crash it is, as make lab's headline says.
			mustMatch(t, en, `The program crashed \(panic\): runtime error: index out of range \[\d+\] with length \d+ \(seen 2 times\)`)
			mustMatch(t, en, `squares.go:26  goroutine \d+ stopped here\n +squares\[i\] = square\(i\)`)
			mustMatch(t, en, `squares.go:24  goroutine \d+ was started here`)
			mustContain(t, en, "check the loop's bounds")
			mustContain(t, id, "Program crash (panic): runtime error", "berhenti di sini", "terjadi 2 kali", "periksa batas loop")
		}},
		{"82-exit", func(t *testing.T, ps []Problem, en, id string) {
			if len(ps) != 1 {
				t.Errorf("a refused file is all there is to say: %+v", ps)
			}
			p := checkStatic(t, ps, en, id, "confine", "mirrors.go:30", "os.Exit is not allowed in a lab file: it can end the program with any status")
			if p.Call != "os.Exit" || p.Advice != i18n.AdviceStaticConfine {
				t.Errorf("confine finding: %+v", p)
			}
			mustContain(t, en, "os.Exit(0)", "return from run instead", "the program is not built or run")
			mustContain(t, id, "os.Exit tidak boleh ada di file lab", "cukup return dari run", "program tidak di-build maupun dijalankan")
		}},
		{"96-mirrors", func(t *testing.T, ps []Problem, en, id string) {
			p := first(t, ps, Leak)
			want := []struct {
				at    string
				wait  Wait
				on    string
				count int
			}{
				{"mirrors.go:19", WaitReceive, "logs", 1},
				{"mirrors.go:27", WaitSelect, "quit, ticks", 1},
				{"mirrors.go:37", WaitSend, "results", 9},
			}
			if len(p.Goroutines) != len(want) {
				t.Fatalf("leak: %d goroutine groups, want %d: %+v", len(p.Goroutines), len(want), p.Goroutines)
			}
			for i, w := range want {
				g := p.Goroutines[i]
				if g.At.String() != w.at || g.Wait != w.wait || g.On != w.on || g.Count != w.count {
					t.Errorf("leaked goroutine %d: at %s waits %s on %q (×%d), want at %s %s on %q (×%d)",
						i, g.At, g.Wait, g.On, g.Count, w.at, w.wait, w.on, w.count)
				}
			}
			if p.Advice != i18n.AdviceLeakSend {
				t.Errorf("leak advice %s, want the one for the nine stuck senders", p.Advice)
			}
			mustMatch(t, en, `mirrors.go:19  goroutine \d+ waits to receive from logs`)
			mustContain(t, en, "waits in a select on quit, ticks",
				"waits to send on results (and 8 more goroutines just like it)", "all of them were started at mirrors.go:35")
			mustContain(t, id, "menunggu untuk menerima dari logs", "menunggu di select pada quit, ticks",
				"menunggu untuk mengirim ke results (dan 8 goroutine lain yang sama persis)", "semuanya dimulai di mirrors.go:35")
		}},
		{"97-transfer", func(t *testing.T, ps []Problem, en, id string) {
			p := first(t, ps, Deadlock)
			// Run by hand, the runtime finds the deadlock itself and
			// there is no watchdog.
			watchdog := "2s"
			if strings.Contains(t.Name(), "norace") {
				watchdog = ""
			}
			if len(p.Cycle) != 2 || p.Watchdog != watchdog {
				t.Fatalf("deadlock: cycle %v, watchdog %q", p.Cycle, p.Watchdog)
			}
			aliases := map[string]bool{}
			for _, g := range p.Goroutines[:2] {
				if g.At.String() != "transfer.go:25" || g.Wait != WaitLock || g.On != "to.mu" ||
					len(g.Holds) != 1 || g.Holds[0].Expr != "from.mu" || g.Holds[0].At.String() != "transfer.go:22" {
					t.Errorf("goroutine in the cycle: %+v", g)
				}
				if !slices.Contains(p.Cycle, g.WaitsFor) || g.WaitsFor == g.ID {
					t.Errorf("goroutine %d waits for %d, want the other one of %v", g.ID, g.WaitsFor, p.Cycle)
				}
				if len(g.Holds) == 1 {
					aliases[g.OnAlias+"/"+g.Holds[0].Alias] = true
				}
			}
			if !aliases["b.mu/a.mu"] || !aliases["a.mu/b.mu"] {
				t.Errorf("the callers' names for the locks: %v, want a goroutine holding a.mu and wanting b.mu, and the reverse", aliases)
			}
			if m := p.Goroutines[len(p.Goroutines)-1]; !m.Main || m.Wait != WaitWaitGroup || m.On != "wg" || m.At.String() != "transfer.go:51" {
				t.Errorf("main goroutine: %+v", m)
			}
			mustContain(t, en, "waits to lock to.mu (= b.mu) in transfer", "it holds from.mu (= a.mu), locked at transfer.go:22",
				"called at transfer.go:42: transfer(a, b, 1)", "called at transfer.go:48: transfer(b, a, 1)",
				"each one waits for a lock the next one holds", "the main goroutine waits for wg", "same order")
			mustMatch(t, en, `goroutine (\d+) → goroutine \d+ → goroutine \d+:`)
			mustContain(t, id, "menunggu untuk mengunci to.mu (= b.mu) di dalam transfer", "goroutine ini memegang from.mu (= a.mu), dikunci di transfer.go:22",
				"dipanggil di transfer.go:42: transfer(a, b, 1)", "masing-masing menunggu kunci yang dipegang goroutine berikutnya", "urutan yang sama")
		}},
		{"90-ring", func(t *testing.T, ps []Problem, en, id string) {
			// Six accounts in a circle, each paying the next: a lock
			// cycle of six goroutines, each holding its own account's
			// lock and waiting for the next one's.
			p := first(t, ps, Deadlock)
			if len(p.Cycle) != 6 {
				t.Fatalf("deadlock: cycle %v, want the six goroutines of the ring", p.Cycle)
			}
			for _, g := range p.Goroutines[:6] {
				if g.At.String() != "ring.go:25" || g.On != "to.mu" || len(g.Holds) != 1 || g.Holds[0].At.String() != "ring.go:22" ||
					g.Created.String() != "ring.go:43" || g.CreatedBy != 1 {
					t.Errorf("goroutine in the ring: %+v", g)
				}
			}
			mustMatch(t, en, `goroutine \d+ → goroutine \d+ → … → goroutine \d+ → goroutine \d+: each one waits for a lock the next one holds`)
			mustContain(t, id, "masing-masing menunggu kunci yang dipegang goroutine berikutnya")
		}},
		{"85-relock", func(t *testing.T, ps []Problem, en, id string) {
			p := first(t, ps, Deadlock)
			if len(p.Cycle) != 1 {
				t.Fatalf("deadlock: cycle %v, want the goroutine that locks c.mu twice", p.Cycle)
			}
			g := p.Goroutines[0]
			if g.ID != p.Cycle[0] || g.At.String() != "counter.go:34" || g.On != "c.mu" || len(g.Holds) != 1 ||
				g.Holds[0].At.String() != "counter.go:24" || len(g.Calls) < 1 || g.Calls[0].String() != "counter.go:27" {
				t.Errorf("the relocking goroutine: %+v", g)
			}
			others := p.Goroutines[1]
			if others.Count != 9 || others.WaitsFor != g.ID || others.At.String() != "counter.go:24" {
				t.Errorf("the goroutines queued behind it: %+v", others)
			}
			if p.Advice != i18n.AdviceDeadlockSelf {
				t.Errorf("advice %s", p.Advice)
			}
			if g.Again == nil || g.Again.Expr != "c.mu" || g.Again.At.String() != "counter.go:24" {
				t.Errorf("the lock it takes again: %+v", g.Again)
			}
			// Not "use defer": the student may already, and the fault is
			// that a Go mutex is not reentrant.
			mustMatch(t, en, `Go's sync.Mutex is not reentrant: goroutine \d+ already holds c.mu \(locked at line 24\) and waits to lock it again at line 34`)
			mustMatch(t, en, `\(and 8 more goroutines just like it\); goroutine \d+ holds that lock`)
			mustMatch(t, id, `sync.Mutex di Go tidak reentrant: goroutine \d+ sudah memegang c.mu \(dikunci di baris 24\) dan menunggu untuk menguncinya lagi di baris 34`)
			for _, text := range []string{en, id} {
				if strings.Contains(text, "defer") {
					t.Errorf("a re-locked mutex is not a missing Unlock:\n%s", text)
				}
			}
		}},
		{"98-serial", func(t *testing.T, ps []Problem, en, id string) {
			p := first(t, ps, NotConcurrent)
			// The lock held around the slow step, in the goroutine: not
			// the slow step inside square.
			if p.Most != 1 || p.Want != 10 || p.At.String() != "squares.go:27" || p.Serial != SerialLock || p.Var != "mu" || p.NoGo {
				t.Errorf("not concurrent: %+v", p)
			}
			if p.Advice != i18n.AdviceSerialLock {
				t.Errorf("advice %s", p.Advice)
			}
			mustContain(t, en, "Not concurrent: at most 1 of the 10 tasks ran at the same time", "squares.go:27  mu is held around each task's slow step", "mu.Lock()",
				"lost the speed the goroutines were for")
			mustContain(t, id, "Tidak konkuren: paling banyak 1 dari 10 tugas berjalan bersamaan", "mu dipegang di sekitar langkah lambat setiap tugas")
		}},
		{"99-tickets", func(t *testing.T, ps []Problem, en, id string) {
			p := first(t, ps, WrongOutput)
			if p.Expected != "sold 3 tickets" || !slices.Equal(p.Got, []string{"sold 10 tickets"}) || p.At.String() != "tickets.go:48" {
				t.Errorf("wrong output: %+v", p)
			}
			if p.Check != "Never sell more tickets than there are, however many buyers come at once." {
				t.Errorf("check %q", p.Check)
			}
			mustContain(t, en, "Wrong output", "expected the line: sold 3 tickets", "sold 10 tickets", "tickets.go:48  the gap between a check", "Hold one lock from the check")
			mustContain(t, id, "Output salah", "Pemeriksaan: Jangan pernah menjual tiket lebih banyak dari yang ada, berapa pun pembeli yang datang bersamaan.",
				"seharusnya ada baris: sold 3 tickets", "program mencetak:", "Pegang satu kunci")
		}},
		{"89-sleep", func(t *testing.T, ps []Problem, en, id string) {
			checkRaces(t, ps, en, id, race{
				accesses: [2]access{{"squares.go:23", "write", "squares[i]", false}, {"squares.go:29", "read", "squares", true}},
				created:  "squares.go:22", v: "squares",
			})
			checkStatic(t, ps, en, id, "fixkind", "", "squares.go does not use a sync.WaitGroup")
			checkStatic(t, ps, en, id, "fakesync", "squares.go:26", "time.Sleep is not synchronisation")
			mustContain(t, id, "time.Sleep bukan sinkronisasi")
		}},
		{"88-channel", func(t *testing.T, ps []Problem, en, id string) {
			p := checkStatic(t, ps, en, id, "fixkind", "", "squares.go does not use a sync.WaitGroup, the tool this lab teaches (it uses a channel instead)")
			if !slices.Equal(p.Instead, []string{"channel"}) {
				t.Errorf("instead: %v", p.Instead)
			}
			mustContain(t, id, "squares.go tidak memakai sync.WaitGroup, alat yang diajarkan lab ini (yang dipakai justru channel)")
		}},
		{"84-debug", func(t *testing.T, ps []Problem, en, id string) {
			p := first(t, ps, Script)
			if len(ps) != 1 || !p.UnwantedStderr || p.Stream != "stderr" || !slices.Equal(p.Got, []string{"debug: all squares done"}) {
				t.Errorf("script failure: %+v", ps)
			}
			mustContain(t, en, "A check failed: The total counts every square", "print nothing on stderr", "debug: all squares done")
			mustContain(t, id, "Sebuah pemeriksaan gagal", "tidak mencetak apa pun ke stderr")
		}},
		{"87-compile", func(t *testing.T, ps []Problem, en, id string) {
			var got []string
			for _, p := range ps {
				if p.Kind != Build {
					t.Errorf("a program that does not compile has a %s problem", p.Kind)
				}
				got = append(got, p.At.String()+" "+p.Message)
			}
			want := []string{`squares.go:11 "sync" imported and not used`, "squares.go:22 undefined: wg", "squares.go:24 undefined: wg", "squares.go:28 undefined: wg"}
			if !slices.Equal(got, want) {
				t.Errorf("compile errors:\n got %q\nwant %q", got, want)
			}
			if strings.Count(en, "The program does not compile") != 1 {
				t.Errorf("the compile errors should be one problem:\n%s", en)
			}
			mustContain(t, en, "squares.go:22  undefined: wg", "wg.Add(1)", "nothing else can be checked")
			mustContain(t, id, "Program tidak bisa dikompilasi", "squares.go:22  undefined: wg")
		}},
	} {
		for _, capture := range variants(t, tc.lab) {
			t.Run(capture, func(t *testing.T) {
				in := load(t, capture)
				ps := Parse(in)
				checkInvariants(t, in, ps)
				en, id := render(t, ps, i18n.EN), render(t, ps, i18n.ID)
				tc.check(t, ps, en, id)
				golden(t, capture, ps)
			})
		}
	}
}

func checkStatic(t *testing.T, ps []Problem, en, id, check, at, text string) Problem {
	t.Helper()
	for _, p := range ps {
		if p.Kind == Static && p.StaticCheck == check {
			if p.At.Line != 0 && p.At.String() != at || p.At.Line == 0 && at != "" {
				t.Errorf("%s finding at %s, want %s", check, p.At, at)
			}
			mustContain(t, en, "Wrong fix", text)
			mustContain(t, id, "Perbaikan tidak sesuai")
			return p
		}
	}
	t.Errorf("no %s finding", check)
	return Problem{}
}

// goldenWidths are the terminal widths the golden files are rendered at:
// not a terminal (a pipe, a file), a narrow terminal, a wide one.
var goldenWidths = []int{0, 60, 120}

// golden compares what a student sees of a verdict with testdata/golden
// (NN-slug.LANG.txt when not on a terminal, 60/ and 120/ on terminals that
// wide), so that a reviewer sees it too; -update rewrites them.
func golden(t *testing.T, capture string, ps []Problem) {
	t.Helper()
	name, ok := strings.CutSuffix(capture, ".verdict.json")
	if !ok {
		return
	}
	for _, width := range goldenWidths {
		dir := filepath.Join("testdata", "golden")
		if width > 0 {
			dir = filepath.Join(dir, strconv.Itoa(width))
		}
		for _, lang := range []i18n.Lang{i18n.EN, i18n.ID} {
			text := renderAt(t, ps, lang, width)
			checkHidden(t, text)
			if width > 0 {
				checkWidth(t, text, width)
			}
			compareGolden(t, filepath.Join(dir, name+"."+string(lang)+".txt"), text)
		}
	}
}

// compareGolden compares got with the golden file at path, or with -update
// writes it there.
func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the rendering (run go test -update to accept it):\n%s", path, got)
	}
}

// checkWidth checks that text fits a terminal width columns wide. A line
// of code is never wrapped: in a list of places (a problem not drawn) it
// may stick out, as in an editor.
func checkWidth(t *testing.T, text string, width int) {
	t.Helper()
	for _, l := range strings.Split(text, "\n") {
		if n := utf8.RuneCountInString(l); n > width && !strings.HasPrefix(l, ind2) {
			t.Errorf("a line of %d columns at width %d:\n%s", n, width, l)
		}
	}
}

// TestTextSameAsVerdict checks that the text of a run explains it as its
// verdict does, in both languages: the go test -json stream of the same
// run exactly, another run's go test -v text up to goroutine numbers.
func TestTextSameAsVerdict(t *testing.T) {
	verdicts, err := filepath.Glob(filepath.Join("testdata", "captures", "*.verdict.json"))
	if err != nil || len(verdicts) == 0 {
		t.Fatalf("no verdicts in testdata/captures (%v)", err)
	}
	strip := regexp.MustCompile(`goroutine \d+|\d+ goroutine`)
	for _, v := range verdicts {
		name := strings.TrimSuffix(filepath.Base(v), ".verdict.json")
		for _, text := range []string{name + ".json", name + ".txt"} {
			if _, err := os.Stat(filepath.Join("testdata", "captures", text)); err != nil {
				continue
			}
			t.Run(text, func(t *testing.T) {
				want, got := Parse(load(t, name+".verdict.json")), Parse(load(t, text))
				for _, lang := range []i18n.Lang{i18n.EN, i18n.ID} {
					a, b := render(t, want, lang), render(t, got, lang)
					if strings.HasSuffix(text, ".txt") {
						a, b = strip.ReplaceAllString(a, "goroutine N"), strip.ReplaceAllString(b, "goroutine N")
					}
					if a != b {
						t.Errorf("%s: the verdict explains:\n%s\nthe text explains:\n%s", lang, a, b)
					}
				}
			})
		}
	}
}
