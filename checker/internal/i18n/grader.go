package i18n

// Keys of the grader's own feedback (checker grade): what only the grader
// can say about a run, beside the harness's reasons.
const (
	GradeFlaky        Key = "grade.flaky"
	GradeInRuns       Key = "grade.in-runs"
	GradeStatic       Key = "grade.static"
	GradeReplay       Key = "grade.replay"
	GradeScriptFailed Key = "grade.script-failed"
	GradeSymlink      Key = "grade.symlink"
	GradeCannot       Key = "grade.cannot"
	GradeTooBig       Key = "grade.too-big"
)

func lookupGrader(k Key) Message {
	switch k {
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
	case GradeScriptFailed:
		return Message{"script %s failed: %s", "script %s gagal: %s"}
	case GradeSymlink:
		return Message{
			"%s is a symbolic link (to %s): the grader never follows links, so the shipped file was graded; submit the file itself",
			"%s adalah symbolic link (ke %s): grader tidak pernah mengikuti link, jadi yang dinilai adalah file bawaan lab; kumpulkan file-nya sendiri",
		}
	case GradeTooBig:
		return Message{
			"%s is %d bytes, more than the %d a lab file may have: this lab was not graded (the others were)",
			"%s berukuran %d byte, lebih dari %d yang boleh dimiliki file lab: lab ini tidak dinilai (lab lainnya tetap dinilai)",
		}
	case GradeCannot:
		return Message{
			"the grader could not grade this lab: %s",
			"grader tidak bisa menilai lab ini: %s",
		}
	}
	return Message{}
}
