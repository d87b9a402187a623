package explain

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/protocol"
)

// A testing lab (lab.toml's [test]) runs the student's test against
// versions of the code, its variants: the judge says which one a test
// missed a bug in, or failed although it is correct.

var (
	// reAgainst reads the variant the judge's missed and false-alarm
	// reports name ("the test passes against racy, which has a bug: …").
	reAgainst = regexp.MustCompile(`against (\S+), which (?:has a bug: (.*)|is correct)`)
	// reTestTimedOut matches the testing package's end of a test binary
	// that ran past its -test.timeout: the test hangs.
	reTestTimedOut = regexp.MustCompile(`^panic: test timed out after (\S+)$`)
)

// testVariants returns the testing lab's variants: Input.Variants, or
// those of the lab.toml beside the program's folder; nil for a lab that
// is not a testing lab.
func (p *state) testVariants() []lab.Variant {
	if p.variants != nil || p.in.ProgramDir == "" {
		return p.variants
	}
	p.variants = p.in.Variants
	if p.variants == nil {
		if l := p.labToml(); l != nil && l.Test != nil {
			p.variants = l.AllVariants()
		}
	}
	if p.variants == nil {
		p.variants = []lab.Variant{} // looked: none
	}
	return p.variants
}

// labToml is the lab.toml beside the program's folder, read once; nil
// when there is none (a run explained away from its lab).
func (p *state) labToml() *lab.Lab {
	if !p.labRead && p.in.ProgramDir != "" {
		p.labRead = true
		p.lab, _ = lab.Load(filepath.Dir(filepath.Clean(p.in.ProgramDir)))
	}
	return p.lab
}

// checkThenAct reports whether the lab is about check-then-act
// (Input.Concepts, or its lab.toml's).
func (p *state) checkThenAct() bool {
	concepts := p.in.Concepts
	if concepts == nil {
		if l := p.labToml(); l != nil {
			concepts = l.Concepts
		}
	}
	return slices.Contains(concepts, "check-then-act")
}

// testingLab reports whether the lab is one in which the student writes
// a test.
func (p *state) testingLab() bool { return len(p.testVariants()) > 0 }

// variant returns the variant called name ("shipped" is the code as
// shipped).
func (p *state) variant(name string) (lab.Variant, bool) {
	for _, v := range p.testVariants() {
		if v.Name == name {
			return v, true
		}
	}
	return lab.Variant{Name: name}, false
}

// testVerdict explains a testing lab's script that failed with the
// judge's missed or false-alarm report, msg; stdout is what the test
// printed. It reports whether msg was one.
func (p *state) testVerdict(msg string, stdout []string) bool {
	var kind Kind
	switch {
	case strings.Contains(msg, protocol.MarkMissed):
		kind = Missed
	case strings.Contains(msg, protocol.MarkFalseAlarm):
		kind = FalseAlarm
	default:
		return false
	}
	pr := &Problem{Kind: kind}
	if m := reAgainst.FindStringSubmatch(msg); m != nil {
		v, ok := p.variant(m[1])
		pr.Variant = m[1]
		pr.About = i18n.Message{EN: v.About.EN, ID: v.About.ID}
		if !ok || pr.About.EN == "" {
			pr.About.EN = strings.TrimSuffix(strings.TrimSpace(m[2]), ".")
		}
	}
	if kind == FalseAlarm {
		var got []string
		for _, l := range stdout {
			t := strings.TrimSpace(l)
			if t == "FAIL" || t == "PASS" || strings.HasPrefix(t, "=== RUN") || reFrameLine.MatchString(t) || t == "]" {
				continue // a stack's frames (goleak's report) say nothing the first line does not
			}
			if m := reLeakedHead.FindStringSubmatch(l); m != nil {
				l = m[1] + shortFunc(m[2]) + m[3]
			}
			got = append(got, l)
		}
		if len(got) > maxShown {
			got = append(got[:maxShown:maxShown], "…")
		}
		pr.Got = got
	}
	p.add(pr)
	return true
}

var (
	// reFrameLine matches the two lines of one stack frame, and a
	// "created by" line: "pkg.F(0xc000...)", "/path/f.go:12 +0x1f".
	reFrameLine = regexp.MustCompile(`^(created by \S+( in goroutine \d+)?|\S+\(.*\)|\S+\.go:\d+( \+0x[0-9a-f]+)?)$`)
	// reLeakedHead matches the head of one goroutine in goleak's report,
	// to name its function without the module path.
	reLeakedHead = regexp.MustCompile(`^(.*\[Goroutine \d+ in state [^,]+, with )(\S+)( on top of the stack:?)$`)
)

// againstCorrect is the correct variant a testing lab's run was against,
// "" when it was none (or the lab is not a testing lab): a race or a hang
// against it is the test's own.
func (p *state) againstCorrect(r protocol.Run) string {
	if len(r.Args) == 0 || !p.testingLab() {
		return ""
	}
	if v, ok := p.variant(r.Args[0]); ok && v.Correct {
		return v.Name
	}
	return ""
}
