package importer

import (
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"strings"

	"github.com/racelab/racelab/checker/internal/linediff"
	"github.com/racelab/racelab/checker/lab"
)

// studentTODO marks, in the shipped program, where the fix changes it: the
// lab format's "// TODO" that shows a student where the work is.
const studentTODO = "// TODO: fix the concurrency bug here."

// fixNote ends each line of the solution that the fix changed; the
// instructor replaces the placeholder with why.
const fixNote = "// fix: " + lab.Placeholder + ": say why this line changed"

// removedNote stands where the fix only removed lines.
const removedNote = "// fix: " + lab.Placeholder + ": say why the racy lines here were removed"

// hunk is a run of changed lines: racy lines [oldFrom, oldTo) became fixed
// lines [newFrom, newTo).
type hunk struct{ oldFrom, oldTo, newFrom, newTo int }

func hunks(racy, fixed []string) []hunk {
	var out []hunk
	diff := linediff.Diff(trimmed(racy), trimmed(fixed))
	oldAt, newAt := 0, 0
	for i := 0; i < len(diff); {
		if diff[i].Kind == linediff.Same {
			oldAt, newAt = diff[i].Old+1, diff[i].New+1
			i++
			continue
		}
		h := hunk{oldFrom: oldAt, newFrom: newAt}
		for ; i < len(diff) && diff[i].Kind != linediff.Same; i++ {
			if diff[i].Kind == linediff.Deleted {
				oldAt = diff[i].Old + 1
			} else {
				newAt = diff[i].New + 1
			}
		}
		h.oldTo, h.newTo = oldAt, newAt
		if !onlyBlankOrComments(racy[h.oldFrom:h.oldTo]) || !onlyBlankOrComments(fixed[h.newFrom:h.newTo]) {
			out = append(out, h)
		}
	}
	return out
}

func trimmed(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.TrimSpace(l)
	}
	return out
}

func onlyBlankOrComments(lines []string) bool {
	for _, l := range lines {
		if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "//") {
			return false
		}
	}
	return true
}

// markTODOs puts studentTODO before the first change in each function of
// the racy file (one mark says where the work is; one per changed line
// would spell out the fix), and returns the file with them and how many it
// placed. A mark that would change the code (inside a raw string, say) is
// left out.
func markTODOs(name string, racy, fixed []byte) ([]byte, int) {
	racyLines := strings.Split(string(racy), "\n")
	bodies := funcBodies(name, racy)
	bodyOf := func(line int) int { // 0-based line -> index of its function, or -1
		for i, b := range bodies {
			if line > b[0] && line < b[1] {
				return i
			}
		}
		return -1
	}
	at := map[int]bool{}
	marked := map[int]bool{} // functions with a mark
	for _, h := range hunks(racyLines, strings.Split(string(fixed), "\n")) {
		line := h.oldFrom
		if line >= len(racyLines) {
			continue
		}
		if fn := bodyOf(line); fn >= 0 && !marked[fn] {
			at[line] = true
			marked[fn] = true
		}
	}
	out := racy
	placed := 0
	for line := len(racyLines) - 1; line >= 0; line-- {
		if !at[line] {
			continue
		}
		lines := strings.Split(string(out), "\n")
		indent := lines[line][:len(lines[line])-len(strings.TrimLeft(lines[line], " \t"))]
		next := strings.Join(append(append(append([]string{}, lines[:line]...), indent+studentTODO), lines[line:]...), "\n")
		if sameTokens(out, []byte(next)) {
			out = []byte(next)
			placed++
		}
	}
	return gofmt(out), placed
}

// gofmt formats src, or returns it as it is if it does not parse (the
// type-check has already reported that).
func gofmt(src []byte) []byte {
	if out, err := format.Source(src); err == nil {
		return out
	}
	return src
}

// funcBodies are the 0-based line ranges (braces included) of the bodies
// of the file's functions (function literals belong to theirs).
func funcBodies(name string, src []byte) [][2]int {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
	if err != nil {
		return nil
	}
	var out [][2]int
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Body != nil {
			out = append(out, [2]int{fset.Position(fn.Body.Lbrace).Line - 1, fset.Position(fn.Body.Rbrace).Line - 1})
		}
	}
	return out
}

// markFixes ends each line the fix added or changed with fixNote, and puts
// removedNote where it only removed lines. It returns the fixed file with
// the notes and how many it placed.
func markFixes(racy, fixed []byte) ([]byte, int) {
	fixedLines := strings.Split(string(fixed), "\n")
	notes := map[int]string{}  // line -> appended note
	before := map[int]string{} // line -> note line inserted before it
	for _, h := range hunks(strings.Split(string(racy), "\n"), fixedLines) {
		marked := false
		for l := h.newFrom; l < h.newTo; l++ {
			t := strings.TrimSpace(fixedLines[l])
			if t == "" || strings.HasPrefix(t, "//") || strings.Contains(t, "// fix:") || strings.Trim(t, "(){}[],;") == "" {
				continue // nothing a reader needs explained: blank, a comment, a lone bracket
			}
			notes[l] = fixNote
			marked = true
		}
		if !marked && h.newFrom < len(fixedLines) && h.newTo == h.newFrom {
			before[h.newFrom] = removedNote
		}
	}
	out := fixed
	placed := 0
	for l := len(fixedLines) - 1; l >= 0; l-- {
		lines := strings.Split(string(out), "\n")
		var next string
		switch {
		case notes[l] != "":
			lines[l] = strings.TrimRight(lines[l], " \t") + " " + notes[l]
			next = strings.Join(lines, "\n")
		case before[l] != "":
			indent := lines[l][:len(lines[l])-len(strings.TrimLeft(lines[l], " \t"))]
			next = strings.Join(append(append(append([]string{}, lines[:l]...), indent+before[l]), lines[l:]...), "\n")
		default:
			continue
		}
		if sameTokens(out, []byte(next)) {
			out = []byte(next)
			placed++
		}
	}
	return gofmt(out), placed
}
