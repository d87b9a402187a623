package harness

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/racelab/racelab/checker/proof"
)

func TestProofEmitted(t *testing.T) {
	key := []byte("0123456789abcdef0123456789abcdef")
	tests := []struct {
		name   string
		key    []byte
		calls  []string // files Run was called from, each call passing
		passed bool     // what those calls saw
		code   int
		want   bool
	}{
		{"passed", key, []string{"/src/labs/01-x/lab_test.go"}, true, 0, true},
		{"trimpath caller", key, []string{"github.com/racelab/racelab/labs/01-x/lab_test.go"}, true, 0, true},
		{"a script failed or was left out", key, []string{"lab_test.go"}, false, 0, false},
		{"nonzero exit", key, []string{"lab_test.go"}, true, 1, false},
		{"called from the student's file", key, []string{"squares.go"}, true, 0, false},
		{"called twice", key, []string{"lab_test.go", "lab_test.go"}, true, 0, false},
		{"never called", key, nil, true, 0, false},
		{"no key", nil, []string{"lab_test.go"}, true, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &prover{key: tt.key}
			for _, f := range tt.calls {
				p.record(f, tt.passed)
			}
			var out bytes.Buffer
			p.emit(&out, tt.code)
			if tt.want {
				assert.Equal(t, "\n"+proof.Line(key)+"\n", out.String())
			} else {
				assert.Empty(t, out.String())
			}
		})
	}
}

func TestTakeProofKey(t *testing.T) {
	t.Setenv(proof.EnvKey, "00112233445566778899aabbccddeeff")
	p := takeProofKey()
	assert.Len(t, p.key, 16)
	_, still := os.LookupEnv(proof.EnvKey)
	assert.False(t, still, "the key must leave the environment before the program's code runs")

	t.Setenv(proof.EnvKey, "not hex")
	assert.Nil(t, takeProofKey().key)
}
