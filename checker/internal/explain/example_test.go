package explain_test

import (
	"fmt"
	"os"

	"github.com/racelab/racelab/checker/internal/explain"
	"github.com/racelab/racelab/checker/internal/i18n"
)

// A command that runs a lab feeds its go test -json output to Parse and
// prints the explanation in the student's language (here as if L=id were
// set), with colour only on a terminal without NO_COLOR.
func Example() {
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
		Output:   out,
		LabDir:   "testdata/labs/99-tickets",
		Editable: []string{"tickets.go"},
		Fix:      []string{"mutex"},
	})
	lang := i18n.Choose("id", "en_US.UTF-8")
	if err := explain.Render(os.Stdout, problems, lang, false); err != nil {
		fmt.Println(err)
	}
	// Output:
	// Output salah
	//    Pemeriksaan: Never sell more tickets than there are, however many buyers come at once.
	//    seharusnya ada baris: sold 3 tickets
	//    program mencetak:
	//        sold 10 tickets
	//    tickets.go:48  celah antara pemeriksaan dan tindakan yang bergantung padanya
	//        overlap.Window()
	//    Tidak ada race yang dilaporkan, tetapi jawabannya salah: sebuah nilai diperiksa, lalu dipakai untuk bertindak, dan goroutine lain mengubahnya di antara keduanya.
	//    Yang perlu dilakukan: Pegang satu kunci dari pemeriksaan sampai tindakan, supaya tidak ada goroutine lain yang bisa menyelip di antaranya.
}
