package linediff

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDiff(t *testing.T) {
	tests := []struct {
		name      string
		old, new  string
		wantAdded []int
		deleted   int
	}{
		{"same", "a b c", "a b c", nil, 0},
		{"insert", "a c", "a b c", []int{1}, 0},
		{"delete", "a b c", "a c", nil, 1},
		{"replace", "a b c", "a x c", []int{1}, 1},
		{"both ends", "a b c", "x b y", []int{0, 2}, 2},
		{"empty old", "", "a b", []int{0, 1}, 0},
		{"moved", "a b c d", "a c d b", []int{3}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old, new := strings.Fields(tt.old), strings.Fields(tt.new)
			lines := Diff(old, new)
			var added []int
			deleted, same := 0, 0
			for _, l := range lines {
				switch l.Kind {
				case Added:
					added = append(added, l.New)
				case Deleted:
					deleted++
				case Same:
					same++
					assert.Equal(t, old[l.Old], new[l.New])
				}
			}
			assert.Equal(t, tt.wantAdded, added)
			assert.Equal(t, tt.deleted, deleted)
			assert.Equal(t, len(old), same+deleted, "every old line accounted for")
			assert.Equal(t, len(new), same+len(added), "every new line accounted for")
		})
	}
}

func TestAddedLines(t *testing.T) {
	assert.Equal(t, map[int]bool{1: true}, AddedLines([]string{"a", "c"}, []string{"a", "b", "c"}))
}
