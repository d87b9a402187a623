package explain_test

import (
	"fmt"
	"os"

	"github.com/racelab/racelab/checker/internal/explain"
	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/protocol"
)

// A command that ran a lab (make lab, verify, the grader) has the judge's
// verdict (run.Result.Verdict). It hands that to Parse with the lab's
// program folder and metadata, and prints the explanation in the
// student's language (here as if L=id were set), with colour only on a
// terminal without NO_COLOR.
func Example() {
	v, err := protocol.ReadVerdict("testdata/captures/99-tickets.verdict.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	problems := explain.Parse(explain.Input{
		Verdict:    v,
		ProgramDir: "testdata/labs/99-tickets/tickets",
		Editable:   []string{"tickets.go"},
		Fix:        []string{"mutex"},
	})
	lang := i18n.Choose("id", "en_US.UTF-8")
	if err := explain.Render(os.Stdout, problems, lang, false, 0); err != nil {
		fmt.Println(err)
	}
	// Output:
	// Output salah
	//    Pemeriksaan: Jangan pernah menjual tiket lebih banyak dari yang ada, berapa pun pembeli yang datang bersamaan.
	//    seharusnya ada baris: sold 3 tickets
	//    program mencetak:
	//        sold 10 tickets
	//    tickets.go:48  celah antara pemeriksaan dan tindakan yang bergantung padanya
	//        overlap.Window()
	//    Tidak ada race yang dilaporkan, tetapi jawabannya salah: sebuah nilai diperiksa, lalu dipakai untuk bertindak, dan goroutine lain mengubahnya di antara keduanya.
	//    Yang perlu dilakukan: Pegang satu kunci dari pemeriksaan sampai tindakan, supaya tidak ada goroutine lain yang bisa menyelip di antaranya.
}

// Without a verdict (a judge that could not write one, say), Parse reads
// the text of go test -json on the lab instead: TestOutput puts each
// script's lines back together.
func ExampleTestOutput() {
	f, err := os.Open("testdata/captures/99-tickets.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	out, err := explain.TestOutput(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	problems := explain.Parse(explain.Input{
		Output:     out,
		ProgramDir: "testdata/labs/99-tickets/tickets",
		Editable:   []string{"tickets.go"},
		Fix:        []string{"mutex"},
	})
	for _, p := range problems {
		fmt.Printf("%s at %s: expected %q, got %q\n", p.Kind, p.At, p.Expected, p.Got)
	}
	// Output:
	// wrong-output at tickets.go:48: expected "sold 3 tickets", got ["sold 10 tickets"]
}
