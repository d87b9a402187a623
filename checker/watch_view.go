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

	var body []string
	add := func(text string) {
		if text == "" {
			return
		}
		for _, line := range strings.Split(termtext.Wrap(strings.TrimRight(text, "\n"), width), "\n") {
			body = append(body, termtext.Truncate(line, width))
		}
	}
	rep := h.view.rep
	switch {
	case h.view.running:
		add(u.yellow(u.t(i18n.WatchRunning, l.Name())))
	case rep != nil && rep.lab == l:
		add(headline(u, *rep))
		if !rep.passed() {
			body = append(body, "")
			add(rep.text)
		}
	}
	if len(h.view.stable) > 0 {
		body = append(body, "")
		for _, line := range h.view.stable {
			add(line)
		}
	}
	if h.view.hint != "" {
		body = append(body, "")
		add(h.view.hint)
	}
	if h.view.notice != "" {
		body = append(body, "")
		add(h.view.notice)
	}
	if !h.view.running {
		body = append(body, "")
		if rep != nil && rep.passed() {
			if next := nextUnfinished(h.root, h.all, l); next != nil && next != l {
				add(u.t(i18n.WatchNextLab, next.Name()))
			}
		} else {
			add(u.t(i18n.WatchSaveAgain, strings.Join(paths(l), ", ")))
		}
	}

	footer := []string{rule}
	if h.view.mode == modeAskReset {
		footer = append(footer, termtext.Truncate(u.yellow(u.t(i18n.WatchResetAsk, strings.Join(paths(l), ", "))), width))
	} else {
		footer = append(footer, termtext.Truncate(u.t(i18n.WatchKeys), width))
	}
	if height > 0 {
		room := height - len(header) - len(footer)
		if len(body) > room && room > 1 {
			more := len(body) - room + 1
			body = append(body[:room-1], termtext.Truncate(u.dim(u.t(i18n.WatchMore, more, u.cmd("lab", l.Number))), width))
		}
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
	rows := make([]string, len(h.all))
	for i, l := range h.all {
		mark := "  "
		if i == h.view.cursor {
			mark = "▸ "
		}
		st := ""
		if s != nil {
			st = status(u, l, s)
		}
		left := fmt.Sprintf("%s%02d %s", mark, l.Number, l.Title.In(string(u.lang)))
		room := width - termtext.Len(st) - 2
		row := termtext.Pad(termtext.Truncate(left, max(room, 8)), max(room, 8)+2) + st
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
