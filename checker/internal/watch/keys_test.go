package watch

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestParseKeys(t *testing.T) {
	got := ParseKeys([]byte("h\x1b[A\x1b[B\r\x1b\x03é\x7f\x1b[1;5C"))
	assert.Equal(t, []Key{
		{Kind: KeyRune, Rune: 'h'}, {Kind: KeyUp}, {Kind: KeyDown}, {Kind: KeyEnter},
		{Kind: KeyEsc}, {Kind: KeyCtrlC}, {Kind: KeyRune, Rune: 'é'}, {Kind: KeyBackspace},
	}, got, "an unknown sequence (Ctrl-Right) is dropped")
}

func TestReadKeysEndsWithItsInput(t *testing.T) {
	out := make(chan Key)
	go ReadKeys(context.Background(), strings.NewReader("qn"), out)
	var got []rune
	for k := range out {
		got = append(got, k.Rune)
	}
	assert.Equal(t, []rune{'q', 'n'}, got)
}
