package fixkind_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/racelab/racelab/checker/labvet/fixkind"
)

func TestCounts(t *testing.T) {
	tests := []struct {
		pkg   string
		files []string
		want  map[string]int
	}{
		{"usesmutex", nil, map[string]int{"mutex": 1}},
		{"usesatomic", nil, map[string]int{"atomic": 1}},
		{"declaredonly", nil, map[string]int{}},            // a mutex never locked fixes nothing
		{"waitgroup", nil, map[string]int{"waitgroup": 2}}, // wg.Go and wg.Wait
		{"channel", nil, map[string]int{"channel": 3}},     // a receive, a buffer, a close
		{"rwmutex", nil, map[string]int{"rwmutex": 1, "mutex": 1}},
		{"rlocker", nil, map[string]int{"rwmutex": 4, "mutex": 1}},                                  // RLocker().Lock is RLock
		{"rwonlylock", nil, map[string]int{"mutex": 2}},                                             // an RWMutex never read-locked is a mutex
		{"more", nil, map[string]int{"cond": 1, "context": 1, "once": 1, "channel": 3, "mutex": 1}}, // select and two receives
		{"flight", nil, map[string]int{"once": 1}},                                                  // singleflight: one call per key, shared
		{"onlyeditable", []string{"a.go"}, map[string]int{}},                                        // the lock in b.go does not count
	}
	for _, tt := range tests {
		t.Run(tt.pkg, func(t *testing.T) {
			results := analysistest.Run(t, analysistest.TestData(), fixkind.New(tt.files), tt.pkg)
			if len(results) == 1 {
				assert.Equal(t, tt.want, results[0].Result.(fixkind.Uses).Counts())
			}
		})
	}
}

// A lock tells whether it locks the caller's mutex (through a pointer, a
// slice element, a package variable) or a copy the function holds (a value
// receiver or parameter, a range variable): a copylocks fix changes only
// that, on the same Lock line.
func TestShared(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), fixkind.New(nil), "sharedlock")
	if len(results) != 1 {
		return
	}
	var got []bool
	for _, u := range results[0].Result.(fixkind.Uses) {
		got = append(got, u.Shared)
	}
	want := []bool{
		false, // copyRecv
		true,  // ptrRecv
		false, // copyEmbedded
		true,  // ptrEmbedded
		false, // copyParam
		true,  // ptrParam
		true,  // derefParam
		true,  // refCopy
		true,  // mutexPtr
		true,  // pkgVar
		true,  // sliceElem
		false, // arrayElem
		false, // rlockCopy
		false, // rangeCopy
	}
	assert.Equal(t, want, got)
}
