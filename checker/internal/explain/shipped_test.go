package explain

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/protocol"
)

// bodyOf is what the explanation's first problem must be about for a run
// whose headline (make lab's "does not pass yet: …", the grader's reason)
// is the reason r: a headline that says "the program crashes" over an
// explanation of a failed check, or "wrong fix" over a race, tells the
// student two stories.
func bodyOf(r protocol.Reason) []Kind {
	switch r {
	case protocol.Build:
		return []Kind{Build}
	case protocol.Refused, protocol.WrongFix:
		return []Kind{Static}
	case protocol.Race:
		return []Kind{Race, ConcurrentMap}
	case protocol.Leak:
		return []Kind{Leak}
	case protocol.Deadlock:
		return []Kind{Deadlock}
	case protocol.NotConcurrent:
		return []Kind{NotConcurrent}
	case protocol.Crash:
		return []Kind{Panic, ConcurrentMap}
	case protocol.EarlyExit:
		return []Kind{EarlyExit}
	case protocol.Unwaited:
		return []Kind{Unwaited}
	case protocol.WrongOutput:
		return []Kind{WrongOutput, Script}
	case protocol.OtherKind:
		return []Kind{OtherKind}
	case protocol.BusyWait:
		return []Kind{BusyWait}
	case protocol.Missed:
		return []Kind{Missed}
	case protocol.FalseAlarm:
		return []Kind{FalseAlarm}
	}
	return []Kind{Script}
}

// checkHeadline checks that the explanation of v opens with the problem
// its headline reason names.
func checkHeadline(t *testing.T, v *protocol.Verdict, ps []Problem) {
	t.Helper()
	r := protocol.Primary(v.Reasons)
	if r == protocol.Pass || len(ps) == 0 {
		return
	}
	if want := bodyOf(r); !slices.Contains(want, ps[0].Kind) {
		t.Errorf("headline %q (%s) over an explanation that opens with a %s problem", i18n.EN.T(i18n.ReasonKey(r)), r, ps[0].Kind)
	}
}

// TestHeadlineMatchesBody checks every captured verdict: the headline's
// reason and the explanation's first problem tell the same story.
func TestHeadlineMatchesBody(t *testing.T) {
	for _, glob := range []string{"captures/*.verdict.json", "shipped/*.verdict.json", "heldout/*/*.verdict.json"} {
		paths, err := filepath.Glob(filepath.Join("testdata", glob))
		if err != nil || len(paths) == 0 {
			t.Fatalf("no verdicts in testdata/%s (%v)", glob, err)
		}
		for _, path := range paths {
			t.Run(filepath.Base(path), func(t *testing.T) {
				in := loadVerdict(t, path)
				checkHeadline(t, in.Verdict, Parse(in))
			})
		}
	}
}

// loadVerdict reads a captured verdict and the metadata of the lab it
// judged (in testdata/labs, or beside it in testdata/shipped and
// testdata/heldout/NAME).
func loadVerdict(t *testing.T, path string) Input {
	t.Helper()
	name := strings.TrimSuffix(filepath.Base(path), ".verdict.json")
	dir := filepath.Join(filepath.Dir(path), name) // shipped/, heldout/NAME/
	if filepath.Base(filepath.Dir(path)) == "captures" {
		dir = filepath.Join("testdata", "labs", name)
	}
	l, err := lab.Load(dir)
	if err != nil {
		t.Fatalf("loading the lab of %s: %v", path, err)
	}
	v, err := protocol.ReadVerdict(path)
	if err != nil {
		t.Fatal(err)
	}
	return Input{Verdict: v, ProgramDir: l.ProgramDir(), Editable: l.Editable, Fix: l.Fix, Concepts: l.Concepts}
}

// TestShipped checks what a student reads from make lab before changing
// anything, for every lab of the course as shipped (captured by
// testdata/capture-shipped.sh, with the files the explanation reads): the
// lab's failure, headed as what it is, with the run's numbers and none of
// the lab's machinery, and no finding about a fix nobody has written yet.
// The renderings are golden files (testdata/golden/shipped), so that a
// reviewer reads them too.
func TestShipped(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "shipped", "*.verdict.json"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no shipped verdicts (%v): run testdata/capture-shipped.sh", err)
	}
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".verdict.json")
		t.Run(name, func(t *testing.T) {
			in := loadVerdict(t, path)
			ps := Parse(in)
			if len(ps) == 0 {
				t.Fatal("a shipped lab fails, and its explanation says why: no problem found")
			}
			checkInvariants(t, in, ps)
			checkHeadline(t, in.Verdict, ps)
			for _, p := range ps {
				if p.Kind == Static || p.Kind == OtherKind {
					t.Errorf("a finding about a fix on a lab nobody has fixed yet: %+v", p)
				}
			}
			for _, lang := range []i18n.Lang{i18n.EN, i18n.ID} {
				text := renderAt(t, ps, lang, 0)
				for _, bad := range []string{"$N", "$SEED", "RACELAB_", "halt_on_error", "Wrong fix", "Perbaikan tidak sesuai", "no longer", "tidak lagi berjalan", "%!"} {
					if strings.Contains(text, bad) {
						t.Errorf("%s: the student reads %q:\n%s", lang, bad, text)
					}
				}
				compareGolden(t, filepath.Join("testdata", "golden", "shipped", name+"."+string(lang)+".txt"), text)
			}
		})
	}
}
