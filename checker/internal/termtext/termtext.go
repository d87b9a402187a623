// Package termtext lays text out for a terminal of a given width: it wraps
// prose at word boundaries, shortens table cells and draws progress bars,
// counting what a terminal shows (ANSI colour codes take no room; a rune
// takes one column).
//
// It knows nothing of terminals themselves, so the student commands' output
// can be tested at any width.
package termtext

import (
	"strings"
	"unicode/utf8"
)

// Len is how many columns s takes on a terminal.
func Len(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if j := escapeEnd(s, i); j > i {
			i = j
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		n++
	}
	return n
}

// escapeEnd returns the end of the ANSI escape sequence (CSI ... final
// byte) starting at s[i], or i when none starts there.
func escapeEnd(s string, i int) int {
	if i+1 >= len(s) || s[i] != '\x1b' || s[i+1] != '[' {
		return i
	}
	for j := i + 2; j < len(s); j++ {
		if c := s[j]; c >= 0x40 && c <= 0x7e {
			return j + 1
		}
	}
	return len(s)
}

// Wrap breaks every line of s longer than width at spaces, so that no line
// is longer (unless one word is). A wrapped line's continuation keeps its
// indentation, and a list item's ("- ", "1. ") text stays aligned. A
// width below 1 leaves s as it is.
func Wrap(s string, width int) string {
	if width < 1 {
		return s
	}
	lines := strings.Split(s, "\n")
	var out []string
	for _, line := range lines {
		out = append(out, wrapLine(line, width)...)
	}
	return strings.Join(out, "\n")
}

func wrapLine(line string, width int) []string {
	if Len(line) <= width {
		return []string{line}
	}
	body := strings.TrimLeft(line, " ")
	indent := strings.Repeat(" ", len(line)-len(body)+hanging(body))
	if len(indent) > width/2 {
		indent = "" // a deep indent would leave no room for the words
	}
	var out []string
	cur := line[:len(line)-len(body)]
	curLen := len(cur)
	empty := true
	for _, w := range strings.Fields(body) {
		wl := Len(w)
		if !empty && curLen+1+wl > width {
			out = append(out, cur)
			cur, curLen, empty = indent, len(indent), true
		}
		if !empty {
			cur += " "
			curLen++
		}
		cur += w
		curLen += wl
		empty = false
	}
	return append(out, cur)
}

// hanging is the width of a list marker that starts s ("- ", "• ", "12. "),
// so that the item's further lines line up with its text.
func hanging(s string) int {
	for _, m := range []string{"- ", "* ", "• ", "✗ ", "✓ "} {
		if strings.HasPrefix(s, m) {
			return Len(m)
		}
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < 4 && strings.HasPrefix(s[i:], ". ") {
		return i + 2
	}
	return 0
}

// Truncate shortens s to at most width columns, ending it with "…" when it
// had to cut. Colour codes are kept (and a reset added after a cut).
func Truncate(s string, width int) string {
	if Len(s) <= width {
		return s
	}
	if width < 1 {
		return ""
	}
	var b strings.Builder
	n, colored := 0, false
	for i := 0; i < len(s); {
		if j := escapeEnd(s, i); j > i {
			b.WriteString(s[i:j])
			colored = true
			i = j
			continue
		}
		if n == width-1 {
			break
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		b.WriteString(s[i : i+size])
		i += size
		n++
	}
	b.WriteString("…")
	if colored {
		b.WriteString("\x1b[0m")
	}
	return b.String()
}

// Pad fills s with spaces to width columns.
func Pad(s string, width int) string {
	if n := Len(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

// Bar draws done of total as a bar width columns wide: [██████░░░░].
func Bar(done, total, width int) string {
	inner := max(width-2, 1)
	filled := 0
	if total > 0 {
		filled = min(inner*done/total, inner)
	}
	return "[" + strings.Repeat("█", filled) + strings.Repeat("░", inner-filled) + "]"
}
