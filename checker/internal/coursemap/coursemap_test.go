package coursemap

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/racelab/racelab/checker/lab"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata from the current output")

// fixtureCourse is a small course: three parts (the last one empty) and
// three notes sections.
func fixtureCourse() *lab.Course {
	return &lab.Course{
		Path: "labs/course.toml",
		Parts: []lab.Part{
			{Number: 1, Title: lab.Text{EN: "Three ways to run work", ID: "Tiga cara menjalankan pekerjaan"},
				About: lab.Text{EN: "Sequential, parallel and concurrent.", ID: "Sekuensial, paralel, dan konkuren."}},
			{Number: 2, Title: lab.Text{EN: "Data races and the three fixes", ID: "Data race dan tiga cara memperbaikinya"},
				About: lab.Text{EN: "Wait, hand off, or take turns.", ID: "Menunggu, serah-terima, atau bergiliran."}},
			{Number: 3, Title: lab.Text{EN: "Capstone", ID: "Proyek akhir"},
				About: lab.Text{EN: "Everything together.", ID: "Semuanya sekaligus."}},
		},
		Notes: []lab.Section{
			{ID: "seq-par-concurrent", Title: lab.Text{EN: "Sequential, parallel and concurrent execution", ID: "Eksekusi sekuensial, paralel, dan konkuren"}},
			{ID: "race-waitgroup", Title: lab.Text{EN: "Fixing a race: WaitGroup", ID: "Memperbaiki race: WaitGroup"}},
			{ID: "race-mutex", Title: lab.Text{EN: "Fixing a race: mutex", ID: "Memperbaiki race: mutex"}},
		},
	}
}

func fixtureLab(n int, slug string, part int, notes string) *lab.Lab {
	return &lab.Lab{
		Number: n, Slug: slug, Dir: filepath.Join("labs", fmt.Sprintf("%02d-%s", n, slug)),
		Title:    lab.Text{EN: "Lab " + slug, ID: "Lab " + slug + " (id)"},
		Part:     part,
		Notes:    notes,
		Concepts: []string{slug, "goroutine"},
		Fix:      []string{"any"},
		Level:    n%3 + 1,
		Minutes:  10 + 5*n,
		Points:   10,
	}
}

func TestGolden(t *testing.T) {
	tests := []struct {
		name string
		labs []*lab.Lab
	}{
		// Every lab in its part, one beyond the notes, the last part empty.
		{"parts", []*lab.Lab{
			fixtureLab(1, "seq-par-concurrent", 1, "seq-par-concurrent"),
			fixtureLab(2, "waitgroup", 2, "race-waitgroup"),
			fixtureLab(3, "mutex", 2, "race-mutex"),
			fixtureLab(4, "cond", 2, ""),
		}},
		// The course of today: labs from before the parts, none named.
		{"no-parts", []*lab.Lab{
			fixtureLab(1, "waitgroup", 0, ""),
			fixtureLab(2, "channel-blocking", 0, ""),
			fixtureLab(5, "seq-par-concurrent", 0, ""),
		}},
		// Halfway through: some labs in parts, the others listed apart,
		// a part whose labs are not numbered in a row.
		{"some-parts", []*lab.Lab{
			fixtureLab(1, "seq-par-concurrent", 1, "seq-par-concurrent"),
			fixtureLab(2, "waitgroup", 0, "race-waitgroup"),
			fixtureLab(3, "mutex", 2, "race-mutex"),
			fixtureLab(4, "busy-wait", 0, ""),
			fixtureLab(5, "once", 2, ""),
			fixtureLab(6, "crawler", 3, ""),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var whole bytes.Buffer
			require.NoError(t, Write(&whole, fixtureCourse(), tt.labs))
			var langs []string
			for _, lang := range []string{"en", "id"} {
				var b bytes.Buffer
				require.NoError(t, WriteLang(&b, fixtureCourse(), tt.labs, lang))
				golden(t, filepath.Join("testdata", tt.name+"."+lang+".golden"), b.String())
				langs = append(langs, b.String())
			}
			assert.Equal(t, Header+"\n"+langs[0]+"\n"+langs[1], whole.String(), "Write is the header, the English map, then the Indonesian one")
			assertLinksLand(t, whole.String())
		})
	}
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run `go test ./checker/internal/coursemap -update` to write it")
	assert.Equal(t, string(want), got, "%s is not what the map writes now: if the change is meant, run `go test ./checker/internal/coursemap -update` and read the diff", path)
}

// assertLinksLand checks every in-page link of a map has its heading.
func assertLinksLand(t *testing.T, page string) {
	t.Helper()
	anchors := headingAnchors(page)
	for _, l := range links(page) {
		if frag, ok := strings.CutPrefix(l, "#"); ok {
			assert.Contains(t, anchors, frag, "link %q has no heading", l)
		}
	}
}

func TestRefusesLabsTheCourseDoesNotHave(t *testing.T) {
	tests := []struct {
		name string
		labs []*lab.Lab
		want []string
	}{
		{"unknown part", []*lab.Lab{fixtureLab(1, "a", 9, "")},
			[]string{"labs/01-a/lab.toml: part: 9 is not a part of labs/course.toml: use 1 to 3"}},
		{"unknown notes", []*lab.Lab{fixtureLab(1, "a", 1, "mutx")},
			[]string{`labs/01-a/lab.toml: notes: "mutx" is not a section of labs/course.toml`}},
		{"unknown notes, no part", []*lab.Lab{fixtureLab(1, "a", 0, "mutx")},
			[]string{`labs/01-a/lab.toml: notes: "mutx" is not a section of labs/course.toml: use one of seq-par-concurrent, race-waitgroup, race-mutex`}},
		{"parts out of order", []*lab.Lab{fixtureLab(1, "a", 2, ""), fixtureLab(2, "b", 1, "")},
			[]string{"labs/02-b/lab.toml: part: 1 comes after a lab of part 2"}},
		{"every problem at once", []*lab.Lab{fixtureLab(1, "a", 9, ""), fixtureLab(2, "b", 0, "nope"), fixtureLab(3, "c", 1, "nada")},
			[]string{"labs/01-a/lab.toml: part: 9", `labs/02-b/lab.toml: notes: "nope"`, `labs/03-c/lab.toml: notes: "nada"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			err := Write(&b, fixtureCourse(), tt.labs)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "the course map needs labs that agree with labs/course.toml")
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
			assert.Empty(t, b.String(), "nothing is written when the labs disagree with the course")
		})
	}
}

func TestRanges(t *testing.T) {
	tests := []struct {
		numbers []int
		want    string
	}{
		{[]int{7}, "07"},
		{[]int{1, 2}, "01–02"},
		{[]int{1, 2, 3, 5, 7, 8}, "01–03, 05, 07–08"},
		{[]int{9, 10, 11}, "09–11"},
	}
	for _, tt := range tests {
		var labs []*lab.Lab
		for _, n := range tt.numbers {
			labs = append(labs, &lab.Lab{Number: n})
		}
		assert.Equal(t, tt.want, ranges(labs), "%v", tt.numbers)
	}
}

func TestAnchor(t *testing.T) {
	tests := []struct{ heading, want string }{
		{"Course map", "course-map"},
		{"Part 4: The race detector's usual suspects", "part-4-the-race-detectors-usual-suspects"},
		{"Bagian 6: Bug nyata, dan menguji kode konkuren", "bagian-6-bug-nyata-dan-menguji-kode-konkuren"},
		{"wg.Add inside the goroutine", "wgadd-inside-the-goroutine"},
		{"Parallel, concurrent, sequential", "parallel-concurrent-sequential"},
		{"`sync.Cond`", "synccond"},
		{"Alat mana, kapan?", "alat-mana-kapan"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Anchor(tt.heading), tt.heading)
	}
}
