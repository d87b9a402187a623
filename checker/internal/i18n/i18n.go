// Package i18n is the message catalog of racelab's student-facing commands:
// every message exists in English and in Bahasa Indonesia, keyed by a Key.
//
// The catalog is code (a switch in catalog.go), not data loaded at run time,
// so that a missing translation fails a test instead of a student's run, and
// so that there is no package state to initialise or to race on.
package i18n

import (
	"fmt"
	"strings"
)

// Lang is one of the course's languages.
type Lang string

// The course's languages. English is the fallback for everything.
const (
	EN Lang = "en"
	ID Lang = "id"
)

// Choose picks the language from the values of the L and LANG environment
// variables, which the caller reads (so tests and other front ends decide
// where they come from). L, racelab's own switch, wins when it names a
// language; otherwise a LANG such as id_ID.UTF-8 selects Indonesian. "in" is
// accepted as well as "id" because older systems (and Java) still use the
// withdrawn ISO code for Indonesian.
func Choose(l, lang string) Lang {
	if got, ok := parse(l); ok {
		return got
	}
	if got, ok := parse(lang); ok {
		return got
	}
	return EN
}

// parse reads a locale name such as "id", "ID", "id_ID.UTF-8" or "en-GB".
func parse(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "_-.@"); i >= 0 {
		s = s[:i]
	}
	switch s {
	case "id", "in":
		return ID, true
	case "en":
		return EN, true
	}
	return "", false
}

// Key names one message of the catalog.
type Key string

// Message is one catalog entry in both languages. The texts are fmt
// formats; both must take the same arguments (the Indonesian one may reorder
// them with explicit indexes such as %[2]s).
type Message struct {
	EN string
	ID string
}

// Lookup returns the message for k.
func Lookup(k Key) (Message, bool) {
	m := lookup(k)
	return m, m.EN != "" || m.ID != ""
}

// T returns message k in language l, formatted with args. An unknown key
// comes back as the key itself, so that a typo shows up in the output
// rather than as an empty line.
func (l Lang) T(k Key, args ...any) string {
	m, ok := Lookup(k)
	if !ok {
		return string(k)
	}
	text := m.EN
	if l == ID && m.ID != "" {
		text = m.ID
	}
	if len(args) == 0 {
		return text
	}
	return fmt.Sprintf(text, args...)
}
