package verify

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// maxSample bounds how much of a deviating run's output is shown.
const maxSample = 3000

// Print writes a table of results, one row per lab, then the details of
// every problem and deviating check.
func Print(w io.Writer, results []*Result) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "LAB\tSHIPPED\tSOLUTION\tCHEATS\tVERDICT")
	for _, r := range results {
		shipped, solution := "-", "-"
		cheats, rejected := 0, 0
		for _, c := range r.Checks {
			switch c.Name {
			case "shipped":
				shipped = c.Summary()
			case "solution":
				solution = c.Summary()
			default:
				cheats++
				if c.OK() {
					rejected++
				}
			}
		}
		cheatCol := "-"
		if cheats > 0 {
			cheatCol = fmt.Sprintf("%d/%d rejected", rejected, cheats)
		}
		verdict := "ok"
		if !r.OK() {
			verdict = "FAIL"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.Lab.Name(), shipped, solution, cheatCol, verdict)
	}
	tw.Flush()
	for _, r := range results {
		if r.OK() {
			continue
		}
		fmt.Fprintf(w, "\n== %s\n", r.Lab.Name())
		for _, p := range r.Problems {
			fmt.Fprintf(w, "- %s\n", p)
		}
		for _, c := range r.Checks {
			if c.OK() {
				continue
			}
			switch {
			case c.Err != nil:
				fmt.Fprintf(w, "- %s: could not run: %v\n", c.Name, c.Err)
			case c.Want == "fail":
				fmt.Fprintf(w, "- cheat %s was accepted (%s): the lab lets a wrong fix pass; make the scripts or checks catch it\n", c.Name, c.Summary())
			default:
				fmt.Fprintf(w, "- %s: want %s every run, got %s\n", c.Name, c.Want, c.Summary())
			}
			if c.Sample != "" {
				s := c.Sample
				if len(s) > maxSample {
					s = s[:maxSample] + "\n[... cut]"
				}
				fmt.Fprintf(w, "  output of one such run:\n%s\n", indent(s))
			}
		}
	}
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "    | " + l
	}
	return strings.Join(lines, "\n")
}
