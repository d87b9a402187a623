package scaffold

import (
	"fmt"
	"path"
	"strings"

	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/labvet/fixkind"
)

// DescribeFix names the accepted fix kinds for a README, in English ("en")
// or Bahasa Indonesia ("id").
func DescribeFix(kinds []string, lang string) string {
	var parts []string
	for _, k := range kinds {
		if lang == "id" {
			parts = append(parts, describeID(k))
		} else if k == "any" {
			parts = append(parts, "any correct fix")
		} else {
			parts = append(parts, fixkind.Describe(k))
		}
	}
	or := " or "
	if lang == "id" {
		or = " atau "
	}
	return strings.Join(parts, or)
}

func describeID(kind string) string {
	switch kind {
	case "waitgroup":
		return "sebuah sync.WaitGroup (Add/Done, lalu Wait)"
	case "channel":
		return "sebuah channel (satu goroutine mengirim, yang lain menunggu di penerimaan)"
	case "mutex":
		return "sebuah sync.Mutex (Lock/Unlock di sekitar setiap akses)"
	case "rwmutex":
		return "sebuah sync.RWMutex (RLock untuk pembaca, Lock untuk penulis)"
	case "atomic":
		return "sync/atomic (atomic.Int64, atomic.Bool, ...)"
	case "once":
		return "sync.Once (atau sync.OnceValue/OnceFunc)"
	case "any":
		return "perbaikan apa pun yang benar"
	}
	return kind
}

// DefaultConcepts are the concepts a lab fixed with kinds most likely
// teaches, for when the instructor names none.
func DefaultConcepts(kinds []string) []string {
	var out []string
	add := func(cs ...string) {
		for _, c := range cs {
			if !contains(out, c) {
				out = append(out, c)
			}
		}
	}
	for _, k := range kinds {
		switch k {
		case "waitgroup":
			add("goroutine", "waitgroup")
		case "channel":
			add("goroutine", "channel")
		case "mutex", "rwmutex", "atomic", "once":
			add(k, "shared-variable")
		default:
			add("shared-variable")
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// Doc is what a lab's READMEs are made from. Empty prose fields become
// placeholders for the instructor.
type Doc struct {
	Number   int
	Name     string   // directory name, e.g. "07-counter"
	Program  string   // the program's folder in the lab's directory, e.g. "counter"
	Files    []string // the editable files, in the program's folder
	Fix      []string
	RunArgs  string // arguments for the "run it by hand" example, if any
	TitleEN  string
	TitleID  string
	IdeaEN   string
	IdeaID   string
	TaskEN   string
	TaskID   string
	Source   string // where an imported program came from, if it was
	Expected string // how the shipped program fails, for the task section
}

func orPlaceholder(s, ask string) string {
	if s != "" {
		return s
	}
	return lab.Placeholder + ": " + ask
}

// READMEs renders README.md and README.id.md.
func READMEs(d Doc) (en, id []byte) {
	links := func() string {
		var l []string
		for _, f := range d.Files {
			l = append(l, fmt.Sprintf("[`%s`](%s)", f, path.Join(d.Program, f)))
		}
		return strings.Join(l, ", ")
	}()
	run := func(lang string) string {
		args := ""
		if d.RunArgs != "" {
			args = " " + d.RunArgs
		}
		tests, same, byHand := "the tests, exactly as the grader runs them", "the same, raw", "the program by hand"
		if lang == "id" {
			tests, same, byHand = "tes, persis seperti yang dijalankan penilai", "sama, versi mentah", "jalankan programnya sendiri"
		}
		// The judge builds the race-enabled program itself: plain go test.
		prog := "./" + path.Join("labs", d.Name, d.Program)
		return fmt.Sprintf("```\nmake lab N=%d%s# %s\ngo test ./labs/%s%s# %s\ngo run %s%s%s# %s\n```\n",
			d.Number, pad(fmt.Sprintf("make lab N=%d", d.Number)), tests,
			d.Name, pad("go test ./labs/"+d.Name), same,
			prog, args, pad("go run "+prog+args), byHand)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# Lab %02d — %s\n\n*Bahasa Indonesia: [README.id.md](README.id.md)*\n\n", d.Number,
		orPlaceholder(d.TitleEN, "the lab's title, as in lab.toml"))
	fmt.Fprintf(&b, "## The idea\n\n%s\n\n", orPlaceholder(d.IdeaEN, "explain the idea the lab teaches in a few short paragraphs (a diagram helps)"))
	fmt.Fprintf(&b, "## The task\n\nEdit %s only. %s\n\n", links,
		orPlaceholder(d.TaskEN, "say what the student must make true, without giving the fix away"))
	if d.Expected != "" {
		fmt.Fprintf(&b, "As shipped, the program fails its tests: %s.\n\n", d.Expected)
	}
	fmt.Fprintf(&b, "The checks accept %s.\n\n", DescribeFix(d.Fix, "en"))
	fmt.Fprintf(&b, "## Run it\n\n%s\n", run("en"))
	if d.Source != "" {
		fmt.Fprintf(&b, "## Where it comes from\n\n%s\n\n", d.Source)
	}
	b.WriteString("## Further reading\n\n- [The Go Memory Model](https://go.dev/ref/mem) — what \"happens before\" means\n- [Data Race Detector](https://go.dev/doc/articles/race_detector)\n")
	en = []byte(b.String())

	b.Reset()
	fmt.Fprintf(&b, "# Lab %02d — %s\n\n*English: [README.md](README.md)*\n\n", d.Number,
		orPlaceholder(d.TitleID, "judul lab, sama dengan di lab.toml"))
	fmt.Fprintf(&b, "## Gagasannya\n\n%s\n\n", orPlaceholder(d.IdeaID, "jelaskan gagasan yang diajarkan lab ini dalam beberapa paragraf pendek"))
	fmt.Fprintf(&b, "## Tugasmu\n\nUbah %s saja. %s\n\n", links,
		orPlaceholder(d.TaskID, "katakan apa yang harus benar, tanpa membocorkan perbaikannya"))
	if d.Expected != "" {
		fmt.Fprintf(&b, "Seperti apa adanya, program ini gagal dalam tes: %s.\n\n", d.Expected)
	}
	fmt.Fprintf(&b, "Pemeriksaan menerima %s.\n\n", DescribeFix(d.Fix, "id"))
	fmt.Fprintf(&b, "## Cara menjalankan\n\n%s\nUntuk pesan dalam Bahasa Indonesia: `make lab N=%d L=id`.\n\n", run("id"), d.Number)
	if d.Source != "" {
		fmt.Fprintf(&b, "## Asal program\n\n%s\n\n", d.Source)
	}
	b.WriteString("## Bacaan lanjutan\n\n- [The Go Memory Model](https://go.dev/ref/mem) — arti \"happens before\"\n- [Data Race Detector](https://go.dev/doc/articles/race_detector)\n")
	id = []byte(b.String())
	return en, id
}

// pad aligns the comments of the "run it" block.
func pad(cmd string) string {
	const col = 36
	if len(cmd) >= col {
		return "  "
	}
	return strings.Repeat(" ", col-len(cmd))
}
