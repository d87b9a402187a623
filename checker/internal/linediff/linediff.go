// Package linediff compares two versions of a file line by line. The
// checker needs to know which lines a fix added (to mutate only the fix's
// synchronisation, to mark an imported solution's changed lines with
// "// fix:") and where the racy version differs (to put the student's
// "// TODO" there); a longest common subsequence of lines is all that takes.
package linediff

// Kind says what happened to a line.
type Kind int

const (
	Same    Kind = iota // in both versions
	Deleted             // only in the old version
	Added               // only in the new version
)

// Line is one line of the comparison. Old and New are 0-based indexes into
// the two inputs, -1 where the line is absent.
type Line struct {
	Kind     Kind
	Old, New int
}

// maxCells bounds the quadratic table; beyond it the differing middle is
// treated as entirely replaced, which is still a correct (if coarse) diff.
const maxCells = 20_000_000

// Diff returns the lines of old and new in order, each marked Same, Deleted
// or Added. Lines are compared exactly: callers normalise them first (trim
// space, drop comments) when that is what "the same" should mean.
func Diff(old, new []string) []Line {
	pre := 0
	for pre < len(old) && pre < len(new) && old[pre] == new[pre] {
		pre++
	}
	suf := 0
	for suf < len(old)-pre && suf < len(new)-pre && old[len(old)-1-suf] == new[len(new)-1-suf] {
		suf++
	}
	var out []Line
	for i := range pre {
		out = append(out, Line{Same, i, i})
	}
	a, b := old[pre:len(old)-suf], new[pre:len(new)-suf]
	out = append(out, middle(a, b, pre)...)
	for k := suf; k > 0; k-- {
		out = append(out, Line{Same, len(old) - k, len(new) - k})
	}
	return out
}

// middle diffs the parts between the common prefix and suffix, offset by
// the prefix length.
func middle(a, b []string, off int) []Line {
	var out []Line
	if len(a)*len(b) > maxCells {
		for i := range a {
			out = append(out, Line{Deleted, off + i, -1})
		}
		for j := range b {
			out = append(out, Line{Added, -1, off + j})
		}
		return out
	}
	// lcs[i][j] is the length of the longest common subsequence of a[i:]
	// and b[j:].
	lcs := make([][]int32, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			out = append(out, Line{Same, off + i, off + j})
			i++
			j++
		case j < len(b) && (i == len(a) || lcs[i][j+1] >= lcs[i+1][j]):
			out = append(out, Line{Added, -1, off + j})
			j++
		default:
			out = append(out, Line{Deleted, off + i, -1})
			i++
		}
	}
	return out
}

// AddedLines returns the 0-based indexes of the lines of new that old does
// not have.
func AddedLines(old, new []string) map[int]bool {
	added := map[int]bool{}
	for _, l := range Diff(old, new) {
		if l.Kind == Added {
			added[l.New] = true
		}
	}
	return added
}
