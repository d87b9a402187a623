package watch

import (
	"context"
	"io"
	"unicode/utf8"
)

// Key is one key press read from a terminal in raw mode.
type Key struct {
	Rune rune    // the character typed, for KeyRune
	Kind KeyKind //
}

// KeyKind tells keys without a character apart.
type KeyKind int

// The keys the home screen knows.
const (
	KeyRune KeyKind = iota
	KeyEnter
	KeyEsc
	KeyUp
	KeyDown
	KeyBackspace
	KeyCtrlC // in raw mode the terminal sends Ctrl-C as a byte, not SIGINT
	KeyCtrlD
)

// ParseKeys splits what one read of a raw terminal returned into keys.
// Arrow keys arrive as escape sequences (ESC [ A); an escape alone is Esc.
// Unknown sequences are dropped.
func ParseKeys(b []byte) []Key {
	var keys []Key
	for len(b) > 0 {
		switch c := b[0]; {
		case c == 0x1b:
			if len(b) >= 3 && (b[1] == '[' || b[1] == 'O') {
				switch b[2] {
				case 'A':
					keys = append(keys, Key{Kind: KeyUp})
				case 'B':
					keys = append(keys, Key{Kind: KeyDown})
				}
				// Skip the rest of the sequence: parameters, then a
				// final byte in @..~.
				i := 2
				for i < len(b) && (b[i] < 0x40 || b[i] > 0x7e) {
					i++
				}
				b = b[min(i+1, len(b)):]
				continue
			}
			keys = append(keys, Key{Kind: KeyEsc})
			b = b[1:]
		case c == '\r' || c == '\n':
			keys = append(keys, Key{Kind: KeyEnter})
			b = b[1:]
		case c == 0x03:
			keys = append(keys, Key{Kind: KeyCtrlC})
			b = b[1:]
		case c == 0x04:
			keys = append(keys, Key{Kind: KeyCtrlD})
			b = b[1:]
		case c == 0x7f || c == 0x08:
			keys = append(keys, Key{Kind: KeyBackspace})
			b = b[1:]
		case c < 0x20:
			b = b[1:] // other control keys mean nothing here
		default:
			r, size := utf8.DecodeRune(b)
			keys = append(keys, Key{Kind: KeyRune, Rune: r})
			b = b[size:]
		}
	}
	return keys
}

// ReadKeys sends the keys read from r until r ends or fails (then it
// closes out) or ctx ends.
func ReadKeys(ctx context.Context, r io.Reader, out chan<- Key) {
	defer close(out)
	buf := make([]byte, 64)
	for {
		n, err := r.Read(buf)
		for _, k := range ParseKeys(buf[:n]) {
			select {
			case out <- k:
			case <-ctx.Done():
				return
			}
		}
		if err != nil {
			return
		}
	}
}
