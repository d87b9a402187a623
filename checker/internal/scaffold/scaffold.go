// Package scaffold creates a new lab in racelab's lab format:
// labs/NN-slug with its judge (lab_test.go), a script, lab.toml and both
// READMEs, and the program in its own folder labs/NN-slug/PROGRAM (the
// student's file, whose run holds the work, the fixture main.go that hands
// run to program.Main, and the fixture work.go that holds the slow step,
// the one caller of racelab's overlap machinery, which never goes in the
// student's file); and solutions/NN-slug with the fix. The
// program is a small working example for the chosen fix kind (a racy
// total, a missing wait, a lazy initialisation), so that the new lab
// passes `checker verify`'s checks from the first minute and the
// instructor changes something that works. Everything the instructor must
// write carries lab.Placeholder, which verify lists as "left to write".
package scaffold

import (
	"bytes"
	"fmt"
	"go/format"
	"path"
	"slices"
	"strings"
	"text/template"

	"github.com/racelab/racelab/checker/lab"
)

// Options describe the lab to create.
type Options struct {
	Slug     string   // lower-case words joined by dashes
	Fix      []string // accepted fix kinds; default mutex
	Concepts []string // default: DefaultConcepts(Fix)
	File     string   // the student's file; default: the slug's last word + ".go"
	Number   int      // 0: the next free number
	Part     int      // the course part (labs/course.toml); 0: the last one
}

// Lab is a planned lab: its name and files.
type Lab struct {
	Name    string // e.g. "07-bank"
	Number  int
	Program string // the program's folder, and the script command that runs it
	File    string // the student's file, in the program's folder
	Files   Files
}

// Plan works out the new lab's files without writing anything.
func Plan(root string, opts Options) (*Lab, error) {
	if err := CheckSlug(root, opts.Slug); err != nil {
		return nil, err
	}
	if len(opts.Fix) == 0 {
		opts.Fix = []string{"mutex"}
	}
	for _, k := range opts.Fix {
		if !slices.Contains(lab.FixKinds(), k) {
			return nil, fmt.Errorf("fix kind %q: use one of %s", k, strings.Join(lab.FixKinds(), ", "))
		}
	}
	if len(opts.Concepts) == 0 {
		opts.Concepts = DefaultConcepts(opts.Fix)
	}
	for _, c := range opts.Concepts {
		if !slices.Contains(lab.Concepts(), c) {
			return nil, fmt.Errorf("concept %q: use one of %s", c, strings.Join(lab.Concepts(), ", "))
		}
	}
	if opts.File == "" {
		words := strings.Split(opts.Slug, "-")
		opts.File = words[len(words)-1] + ".go"
	}
	if path.Base(opts.File) != opts.File || !strings.HasSuffix(opts.File, ".go") || strings.HasSuffix(opts.File, "_test.go") {
		return nil, fmt.Errorf("file %q: name a non-test .go file, e.g. bank.go", opts.File)
	}
	switch opts.File {
	case fixtureMain:
		return nil, fmt.Errorf("file %q: main.go is the program's fixture, which hands run to program.Main: name the student's file for what the program does, e.g. bank.go", opts.File)
	case fixtureWork:
		return nil, fmt.Errorf("file %q: work.go is the program's fixture, which holds the slow step (racelab's overlap machinery): name the student's file for what the program does, e.g. bank.go", opts.File)
	}
	part, err := Part(root, opts.Part)
	if err != nil {
		return nil, err
	}
	number := opts.Number
	if number == 0 {
		n, err := NextNumber(root)
		if err != nil {
			return nil, err
		}
		number = n
	}
	name := fmt.Sprintf("%02d-%s", number, opts.Slug)
	prog := ProgramName(opts.File)
	ex := exampleFor(opts.Fix[0])
	data := map[string]any{"Cmd": prog, "Name": name, "File": opts.File, "Placeholder": lab.Placeholder}

	var rendered [5][]byte
	for i, t := range []struct{ name, text string }{
		{"shipped", ex.shipped}, {"solution", ex.solution}, {"lab_test.go", labTest}, {fixtureMain, mainFixture}, {fixtureWork, workFixture},
	} {
		src, err := render(t.name, t.text, data)
		if err != nil {
			return nil, err
		}
		rendered[i] = src
	}
	shipped, solution, test, fixture, work := rendered[0], rendered[1], rendered[2], rendered[3], rendered[4]
	meta := &lab.Lab{
		Title:    lab.Text{EN: lab.Placeholder + ": the lab's title", ID: lab.Placeholder + ": judul lab"},
		Program:  prog,
		Part:     part,
		Concepts: opts.Concepts,
		Fix:      opts.Fix,
		Editable: []string{opts.File},
		Expect:   "race",
		Points:   10,
		Level:    2,
		Minutes:  20,
		Hints: []lab.Text{
			{EN: lab.Placeholder + ": a gentle nudge: what should the student look at first?",
				ID: lab.Placeholder + ": petunjuk ringan: apa yang perlu dilihat lebih dulu?"},
			{EN: lab.Placeholder + ": nearly the answer: which tool, used where?",
				ID: lab.Placeholder + ": hampir jawabannya: alat apa, dipakai di mana?"},
		},
	}
	en, id := READMEs(Doc{Number: number, Name: name, Program: prog, Files: meta.Editable, Fix: opts.Fix, RunArgs: "-n 10"})
	// The script starts the program with the command named after it: the
	// judge runs the program's own binary, never `exec`.
	script := fmt.Sprintf("# %[1]s: say, in a student's words, what this script checks (it is shown when it fails).\n"+
		"# $N tasks run at once, and the total counts every task exactly once.\n"+
		"# id: %[1]s: katakan dalam bahasa mahasiswa apa yang dicek script ini.\n"+
		"# id: $N tugas berjalan bersamaan, dan totalnya menghitung setiap tugas tepat sekali.\n"+
		"env RACELAB_OVERLAP=$N\n%[2]s -n $N\nwant %[2]s $N\n! stderr .\n", lab.Placeholder, prog)

	labDir, progDir, solDir := "labs/"+name+"/", "labs/"+name+"/"+prog+"/", "solutions/"+name+"/"
	return &Lab{Name: name, Number: number, Program: prog, File: opts.File, Files: Files{
		progDir + opts.File:                  shipped,
		progDir + fixtureMain:                fixture,
		progDir + fixtureWork:                work,
		labDir + "lab_test.go":               test,
		labDir + lab.File:                    Metadata(meta),
		labDir + "README.md":                 en,
		labDir + "README.id.md":              id,
		labDir + "testdata/" + "total.txtar": []byte(script),
		solDir + opts.File:                   solution,
		labDir + "Makefile":                  []byte(lab.FolderMakefile),
		progDir + "Makefile":                 []byte(lab.FolderMakefile),
	}}, nil
}

// render fills a Go template and gofmts the result, which also proves that
// the scaffold produces valid Go.
func render(name, text string, data any) ([]byte, error) {
	t, err := template.New(name).Parse(text)
	if err != nil {
		return nil, fmt.Errorf("scaffold: template %s: %w", name, err)
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return nil, fmt.Errorf("scaffold: template %s: %w", name, err)
	}
	src, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("scaffold: template %s does not make valid Go: %w", name, err)
	}
	return src, nil
}
