package grade

import (
	"strings"
	"testing"
)

func TestScan(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // substrings, one per finding; none for a clean file
	}{
		{"clean", "package main\n\nimport \"sync\"\n\nvar wg sync.WaitGroup\n", nil},
		{"cgo import", "package main\n\n// #include <stdlib.h>\nimport \"C\"\n", []string{`a.go:4: imports "C"`}},
		{"cgo flags", "package main\n\n/*\n#cgo LDFLAGS: -fplugin=/tmp/x.so\n*/\nimport \"C\"\n", []string{"#cgo directive", `imports "C"`}},
		{"linkname", "package main\n\nimport _ \"unsafe\"\n\n//go:linkname now runtime.nanotime\nfunc now() int64\n", []string{"//go:linkname directive"}},
		{"testing is confine's to refuse", "package main\n\nimport \"testing\"\n\nvar _ = testing.Verbose\n", nil},
		{"text that looks like test results is only text now", "package main\n\nimport \"fmt\"\n\nfunc init() { fmt.Println(\"--- PASS: TestLab (0.00s)\") }\n", nil},
		{"does not parse: left to the compiler", "package main\n\nfunc {", nil},
		{"a syntax error does not hide cgo", "package main\n\n// #cgo LDFLAGS: -lm\nimport \"C\"\n\nfunc {", []string{"#cgo directive", `imports "C"`}},
		{"pass in a comment is fine", "package main\n\n// prints --- PASS when done\nfunc main() {}\n", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := scan("a.go", []byte(tc.src))
			if len(got) != len(tc.want) {
				t.Fatalf("findings %q, want %d", got, len(tc.want))
			}
			for i, w := range tc.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("finding %q, want it to contain %q", got[i], w)
				}
			}
		})
	}
}
