package protocol

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestBuildFault(t *testing.T) {
	for _, tc := range []struct {
		name, output string
		fault        bool
	}{
		{"killed", "example.com/m/prog: /go/pkg/tool/linux_amd64/compile: signal: killed", true},
		{"no memory", "fatal error: runtime: out of memory", true},
		{"cache lost a dependency", "# example.com/m/prog\nprog/stats.go:12:2: could not import maps (open : no such file or directory)", true},
		{"a missing package is the code's", "prog/stats.go:12:2: package mapz is not in std", false},
		{"cache lost a file", "prog/x.go:3:8: could not import example.com/m/y (open /root/.cache/go-build/ab/abc-d: no such file or directory)", true},
		{"a compile error", "prog/main.go:3:15: undefined: undefinedThing", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			why, ok := BuildFault(tc.output)
			assert.Equal(t, tc.fault, ok, why)
			if ok {
				assert.NotEmpty(t, why)
			}
		})
	}
}
