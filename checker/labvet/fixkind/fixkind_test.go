package fixkind_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/racelab/racelab/checker/labvet/fixkind"
)

func TestFixKind(t *testing.T) {
	tests := []struct {
		pkg    string
		accept []string
		files  []string
	}{
		{"usesmutex", []string{"mutex"}, nil},                 // locks a mutex: accepted
		{"usesatomic", []string{"mutex"}, nil},                // atomic instead: reported, naming it
		{"declaredonly", []string{"mutex"}, nil},              // a mutex never locked fixes nothing
		{"waitgroup", []string{"waitgroup"}, nil},             // wg.Wait
		{"channel", []string{"channel"}, nil},                 // a receive
		{"channel", []string{"waitgroup", "channel"}, nil},    // either accepted
		{"anyfix", []string{"any"}, nil},                      // anything goes
		{"onlyeditable", []string{"mutex"}, []string{"a.go"}}, // the lock in b.go does not count
	}
	for _, tt := range tests {
		t.Run(tt.pkg, func(t *testing.T) {
			analysistest.Run(t, analysistest.TestData(), fixkind.New(tt.accept, tt.files), tt.pkg)
		})
	}
}
