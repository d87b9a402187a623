package lab

import (
	"fmt"
	"strings"
)

// Marshal renders l as a lab.toml laid out the way docs/lab-format.md shows
// it, so that generated labs (checker new, checker import) read like
// hand-written ones. Load(Marshal(l)) gives l back.
func (l *Lab) Marshal() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "title = { en = %s, id = %s }\n", quote(l.Title.EN), quote(l.Title.ID))
	fmt.Fprintf(&b, "program = %s\n", quote(l.Program))
	fmt.Fprintf(&b, "part = %d\n", l.Part)
	if l.Notes != "" {
		fmt.Fprintf(&b, "notes = %s\n", quote(l.Notes))
	}
	fmt.Fprintf(&b, "concepts = %s\n", quoteList(l.Concepts))
	fmt.Fprintf(&b, "fix = %s\n", quoteList(l.Fix))
	if len(l.Other) > 0 {
		fmt.Fprintf(&b, "other = %s\n", quoteList(l.Other))
	}
	if l.OtherPoints != nil {
		fmt.Fprintf(&b, "other_points = %d\n", *l.OtherPoints)
	}
	fmt.Fprintf(&b, "editable = %s\n", quoteList(l.Editable))
	fmt.Fprintf(&b, "expect = %s\n", quote(l.Expect))
	fmt.Fprintf(&b, "points = %d\n", l.Points)
	fmt.Fprintf(&b, "level = %d\n", l.Level)
	fmt.Fprintf(&b, "minutes = %d\n", l.Minutes)
	for _, h := range l.Hints {
		fmt.Fprintf(&b, "\n[[hint]]\nen = %s\nid = %s\n", quote(h.EN), quote(h.ID))
	}
	if t := l.Test; t != nil {
		fmt.Fprintf(&b, "\n[test]\nimplementation = %s\n", quote(t.Implementation))
		for _, v := range t.Variants {
			fmt.Fprintf(&b, "\n[[test.variant]]\nname = %s\ncorrect = %t\n", quote(v.Name), v.Correct)
			if v.About != (Text{}) {
				fmt.Fprintf(&b, "about = { en = %s, id = %s }\n", quote(v.About.EN), quote(v.About.ID))
			}
		}
	}
	return []byte(b.String())
}

func quoteList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = quote(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// quote writes s as a TOML basic string. strconv.Quote is not enough: it
// may produce \x escapes, which TOML does not have.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
