package i18n

// Keys of the grader's own feedback (checker grade): what only the grader
// can say about a run, beside the harness's reasons.
const (
	GradeRefused      Key = "grade.refused"
	GradeNoResult     Key = "grade.no-result"
	GradeNoProof      Key = "grade.no-proof"
	GradeOutputLimit  Key = "grade.output-limit"
	GradeFlaky        Key = "grade.flaky"
	GradeInRuns       Key = "grade.in-runs"
	GradeStatic       Key = "grade.static"
	GradeReplay       Key = "grade.replay"
	GradeNoReports    Key = "grade.no-reports"
	GradeScriptFailed Key = "grade.script-failed"
	GradeSymlink      Key = "grade.symlink"
	GradeCannot       Key = "grade.cannot"
)

func lookupGrader(k Key) Message {
	switch k {
	case GradeRefused:
		return Message{
			"the file contains something a lab program may not use (cgo, linkname, the testing package, fake test output); it was not built",
			"file ini berisi sesuatu yang tidak boleh dipakai program lab (cgo, linkname, package testing, output test palsu); file ini tidak di-build",
		}
	case GradeNoResult:
		return Message{
			"the test binary exited with status 0 but never reported its tests as passed: code in the program ended the tests early (an os.Exit in init?) or printed fake results",
			"binary test keluar dengan status 0 tetapi tidak pernah melaporkan test-nya lulus: kode di program mengakhiri test lebih awal (os.Exit di init?) atau mencetak hasil palsu",
		}
	case GradeNoProof:
		return Message{
			"every test was reported as passed, but the lab's tests never vouched for it (their signed proof line is missing): the reports were printed by the program itself",
			"semua test dilaporkan lulus, tetapi test lab tidak pernah menjaminnya (baris bukti bertanda tangannya tidak ada): laporan itu dicetak oleh programnya sendiri",
		}
	case GradeOutputLimit:
		return Message{
			"the program printed far too much output and was stopped",
			"program mencetak output yang terlalu banyak dan dihentikan",
		}
	case GradeFlaky:
		return Message{
			"flaky fix: %s seen in %d of %d runs.",
			"perbaikan belum stabil: %s muncul di %d dari %d run.",
		}
	case GradeInRuns:
		return Message{" (%s in %d of %d runs)", " (%s di %d dari %d run)"}
	case GradeStatic:
		return Message{"static check: %s", "pemeriksaan statis: %s"}
	case GradeReplay:
		return Message{
			"replay this run: RACELAB_SEED=%s make lab N=%d",
			"ulangi run ini: RACELAB_SEED=%s make lab N=%d",
		}
	case GradeNoReports:
		return Message{
			"the test binary exited with status 0 without reporting as passed: %s",
			"binary test keluar dengan status 0 tanpa melaporkan lulus: %s",
		}
	case GradeScriptFailed:
		return Message{"script %s failed: %s", "script %s gagal: %s"}
	case GradeSymlink:
		return Message{
			"%s is a symbolic link (to %s): the grader never follows links, so the shipped file was graded; submit the file itself",
			"%s adalah symbolic link (ke %s): grader tidak pernah mengikuti link, jadi yang dinilai adalah file bawaan lab; kumpulkan file-nya sendiri",
		}
	case GradeCannot:
		return Message{
			"the grader could not grade this lab: %s",
			"grader tidak bisa menilai lab ini: %s",
		}
	}
	return Message{}
}
