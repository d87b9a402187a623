package main

import (
	"fmt"
	"strings"

	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/internal/termtext"
)

// render lays the home screen out for a terminal of width × height: a
// header (the lab, the course's progress bar), the body (what the last run
// found, the stability check, a hint, a notice) and the keys at the
// bottom. Every line fits the width; a body too tall for the height is cut,
// with a line saying how to see all of it.
func (h *home) render(u ui, width, height int) []string {
	width = max(width, 20)
	if h.view.mode == modeList {
		return h.renderList(u, width, height)
	}
	l := h.cur
	s, _ := store(h.root, h.all).Load()
	header := []string{
		termtext.Truncate(u.bold(fmt.Sprintf("racelab · %s: %s", l.Name(), l.Title.In(string(u.lang)))), width),
	}
	if s != nil {
		header = append(header, courseBar(u, h.all, s, width))
	}
	rule := u.dim(strings.Repeat("─", width))
	header = append(header, rule)

	// The explanation takes what room is left after the rest: a hint or a
	// stability finding the student just asked for must not be cut.
	lines := func(text string) []string {
		if text == "" {
			return nil
		}
		var out []string
		for _, line := range strings.Split(termtext.Wrap(strings.TrimRight(text, "\n"), width), "\n") {
			out = append(out, termtext.Truncate(line, width))
		}
		return out
	}
	var top, explanation, rest []string
	rep := h.view.rep
	switch {
	case h.view.running:
		top = lines(u.yellow(u.t(i18n.WatchRunning, l.Name())))
	case rep != nil && rep.lab == l:
		top = lines(headline(u, *rep))
		if !rep.passed() {
			explanation = append([]string{""}, lines(rep.text)...)
		}
	}
	for _, part := range [][]string{h.view.stable, {h.view.hint}, {h.view.notice}} {
		text := strings.Join(part, "\n")
		if strings.TrimSpace(text) != "" {
			rest = append(append(rest, ""), lines(text)...)
		}
	}
	if !h.view.running {
		if rep != nil && rep.passed() {
			if next := nextUnfinished(h.root, h.all, l); next != nil && next != l {
				rest = append(append(rest, ""), lines(u.t(i18n.WatchNextLab, next.Name()))...)
			}
		} else {
			rest = append(append(rest, ""), lines(u.t(i18n.WatchSaveAgain, strings.Join(paths(l), ", ")))...)
		}
	}

	footer := []string{rule}
	if h.view.mode == modeAskReset {
		footer = append(footer, termtext.Truncate(u.yellow(u.t(i18n.WatchResetAsk, strings.Join(paths(l), ", "))), width))
	} else {
		footer = append(footer, termtext.Truncate(u.t(i18n.WatchKeys), width))
	}
	if height > 0 {
		room := height - len(header) - len(footer) - len(top) - len(rest)
		if len(explanation) > room {
			cut := max(room-1, 0)
			more := len(explanation) - cut
			explanation = explanation[:cut]
			if room > 0 {
				explanation = append(explanation, termtext.Truncate(u.dim(u.t(i18n.WatchMore, more, u.cmd("lab", l.Number))), width))
			}
		}
	}
	body := append(append(top, explanation...), rest...)
	if height > 0 && len(header)+len(body)+len(footer) > height {
		body = body[:max(height-len(header)-len(footer), 0)]
	}
	return append(append(header, body...), footer...)
}

// renderList is the list of labs with the student's status on each, the
// cursor on one; it scrolls to keep the cursor in view.
func (h *home) renderList(u ui, width, height int) []string {
	s, _ := store(h.root, h.all).Load()
	lines := []string{termtext.Truncate(u.bold(u.t(i18n.WatchListTitle)), width)}
	if s != nil {
		lines = append(lines, courseBar(u, h.all, s, width))
	}
	rule := u.dim(strings.Repeat("─", width))
	lines = append(lines, rule)
	footer := []string{rule, termtext.Truncate(u.t(i18n.WatchListKeys), width)}
	statuses := make([]string, len(h.all))
	widest := 0
	for i, l := range h.all {
		if s != nil {
			statuses[i] = status(u, l, s)
			widest = max(widest, termtext.Len(statuses[i]))
		}
	}
	room := max(width-widest-2, 8)
	rows := make([]string, len(h.all))
	for i, l := range h.all {
		mark := "  "
		if i == h.view.cursor {
			mark = "▸ "
		}
		left := fmt.Sprintf("%s%02d %s", mark, l.Number, l.Title.In(string(u.lang)))
		row := termtext.Pad(termtext.Truncate(left, room), room+2) + statuses[i]
		row = termtext.Truncate(row, width)
		if i == h.view.cursor {
			row = u.bold(row)
		}
		rows[i] = row
	}
	first, last := 0, len(rows)
	if room := height - len(lines) - len(footer); height > 0 && room > 0 && len(rows) > room {
		first = min(max(h.view.cursor-room/2, 0), len(rows)-room)
		last = first + room
	}
	lines = append(lines, rows[first:last]...)
	return append(lines, footer...)
}
