package i18n

import "github.com/racelab/racelab/checker/protocol"

// Keys of the student commands' messages (make lab, hint, progress, reset,
// solution, watch).
const (
	LabPass         Key = "lab.pass"
	LabFail         Key = "lab.fail"
	LabNext         Key = "lab.next"
	LabNextHint     Key = "lab.next.hint"
	LabNextRaw      Key = "lab.next.raw"
	LabAllDone      Key = "lab.all.done"
	LabMoveOn       Key = "lab.move.on"
	LabRawHeader    Key = "lab.raw.header"
	LabNoExplain    Key = "lab.no.explain"
	ReasonRace      Key = "reason.race"
	ReasonLeak      Key = "reason.leak"
	ReasonDeadlock  Key = "reason.deadlock"
	ReasonSerial    Key = "reason.not.concurrent"
	ReasonOutput    Key = "reason.wrong.output"
	ReasonWrongFix  Key = "reason.wrong.fix"
	ReasonBuild     Key = "reason.build"
	ReasonCrash     Key = "reason.crash"
	ReasonTimeout   Key = "reason.timeout"
	ReasonFail      Key = "reason.fail"
	ReasonRefused   Key = "reason.refused"
	ReasonEarlyExit Key = "reason.early.exit"
	ReasonTooMuch   Key = "reason.output.limit"
	ReasonOtherKind Key = "reason.other.kind"
	ReasonUnwaited  Key = "reason.unwaited"
	ReasonBusyWait  Key = "reason.busy.wait"
	ReasonMissed    Key = "reason.missed"
	ReasonAlarm     Key = "reason.false.alarm"
	HintHeader      Key = "hint.header"
	HintMore        Key = "hint.more"
	HintLast        Key = "hint.last"
	ProgressTitle   Key = "progress.title"
	ProgressHeader  Key = "progress.header"
	ProgressPassed  Key = "progress.passed"
	ProgressFailing Key = "progress.failing"
	ProgressNotYet  Key = "progress.not.yet"
	ProgressCount   Key = "progress.count"
	ProgressNext    Key = "progress.next"
	ProgressDone    Key = "progress.done"
	ResetAsk        Key = "reset.ask"
	ResetCancelled  Key = "reset.cancelled"
	ResetNeedYes    Key = "reset.need.yes"
	ResetDone       Key = "reset.done"
	ResetBackup     Key = "reset.backup"
	ResetSame       Key = "reset.same"
	SolutionLocked  Key = "solution.locked"
	SolutionHeader  Key = "solution.header"
	SolutionSame    Key = "solution.same"
	WatchStart      Key = "watch.start"
	WatchSaved      Key = "watch.saved"
	WatchFallback   Key = "watch.fallback"
	WatchPolling    Key = "watch.polling"
	WatchAllDone    Key = "watch.all.done"
	WatchStop       Key = "watch.stop"
)

// ReasonKey names a run's reason in words: the one table of reasons that
// make lab, watch and the grader's feedback all use.
func ReasonKey(r protocol.Reason) Key {
	switch r {
	case protocol.Race:
		return ReasonRace
	case protocol.Leak:
		return ReasonLeak
	case protocol.Deadlock:
		return ReasonDeadlock
	case protocol.NotConcurrent:
		return ReasonSerial
	case protocol.WrongOutput:
		return ReasonOutput
	case protocol.WrongFix:
		return ReasonWrongFix
	case protocol.Build:
		return ReasonBuild
	case protocol.Crash:
		return ReasonCrash
	case protocol.Timeout:
		return ReasonTimeout
	case protocol.Refused:
		return ReasonRefused
	case protocol.EarlyExit:
		return ReasonEarlyExit
	case protocol.OutputLimit:
		return ReasonTooMuch
	case protocol.OtherKind:
		return ReasonOtherKind
	case protocol.Unwaited:
		return ReasonUnwaited
	case protocol.BusyWait:
		return ReasonBusyWait
	case protocol.Missed:
		return ReasonMissed
	case protocol.FalseAlarm:
		return ReasonAlarm
	}
	return ReasonFail
}

func lookupStudent(k Key) Message {
	switch k {
	case LabPass:
		return Message{"✓ Lab %s passes: %s", "✓ Lab %s lulus: %s"}
	case LabFail:
		return Message{"✗ Lab %s does not pass yet: %s", "✗ Lab %s belum lulus: %s"}
	case LabNext:
		return Message{"Next: edit %s, then run `make lab N=%d` again.", "Selanjutnya: ubah %s, lalu jalankan `make lab N=%d` lagi."}
	case LabNextHint:
		return Message{"Stuck? `make hint N=%d` gives the next hint.", "Buntu? `make hint N=%d` memberi petunjuk berikutnya."}
	case LabNextRaw:
		return Message{"The raw test output: `make lab N=%d V=1`.", "Output tes mentah: `make lab N=%d V=1`."}
	case LabAllDone:
		return Message{"That was the last lab: you have finished the course. Well done!", "Itu lab terakhir: kamu sudah menyelesaikan kursus ini. Hebat!"}
	case LabMoveOn:
		return Message{"Next lab: `make lab N=%d` (%s).", "Lab berikutnya: `make lab N=%d` (%s)."}
	case LabRawHeader:
		return Message{"---- raw test output ----", "---- output tes mentah ----"}
	case LabNoExplain:
		return Message{"The tests failed without a report racelab recognises; the raw output follows.", "Tes gagal tanpa laporan yang dikenali racelab; berikut output mentahnya."}
	case ReasonRace:
		return Message{"a data race", "ada data race"}
	case ReasonLeak:
		return Message{"goroutines are left running or stuck when main returns (a goroutine leak)", "ada goroutine yang masih berjalan atau macet saat main selesai (goroutine leak)"}
	case ReasonDeadlock:
		return Message{"the program never finishes (deadlock, or a loop that never ends)", "program tidak pernah selesai (deadlock, atau loop yang tidak berhenti)"}
	case ReasonSerial:
		return Message{"the tasks do not run at the same time", "tugas-tugasnya tidak berjalan bersamaan"}
	case ReasonOutput:
		return Message{"the program prints the wrong result", "program mencetak hasil yang salah"}
	case ReasonWrongFix:
		return Message{"the fix does not use what this lab teaches", "perbaikannya tidak memakai apa yang diajarkan lab ini"}
	case ReasonBuild:
		return Message{"the code does not compile", "kodenya tidak bisa dikompilasi"}
	case ReasonCrash:
		return Message{"the program crashes", "programnya crash"}
	case ReasonTimeout:
		return Message{"the tests took too long and were stopped", "tes terlalu lama dan dihentikan"}
	case ReasonFail:
		return Message{"the tests fail", "tesnya gagal"}
	case ReasonRefused:
		return Message{"the file uses something a lab program may not (os.Exit, unsafe, cgo, other programs, …): it was not built or run",
			"file ini memakai sesuatu yang tidak boleh dipakai program lab (os.Exit, unsafe, cgo, program lain, …): file ini tidak di-build atau dijalankan"}
	case ReasonEarlyExit:
		return Message{"the program ended before run returned, so the lab's checks never ran",
			"program berhenti sebelum run selesai, sehingga pemeriksaan lab tidak pernah berjalan"}
	case ReasonOtherKind:
		return Message{"it works (the race is gone), but with another tool than this lab practises: try it the lab's way",
			"programnya sudah benar (race-nya hilang), tetapi memakai alat lain dari yang dilatih lab ini: coba dengan cara lab ini"}
	case ReasonUnwaited:
		return Message{"run returns before its goroutines are done, so their work is lost",
			"run selesai sebelum goroutine-nya selesai, sehingga hasil kerja mereka hilang"}
	case ReasonBusyWait:
		return Message{"a goroutine waits by spinning (a loop that keeps checking, a select with a default) instead of blocking until it is told",
			"ada goroutine yang menunggu sambil berputar terus (loop yang terus memeriksa, select dengan default) alih-alih memblok sampai diberi tahu"}
	case ReasonMissed:
		return Message{"your test passes against a version with a bug: it does not catch that bug yet",
			"tesmu lulus pada versi yang punya bug: tes itu belum menangkap bug tersebut"}
	case ReasonAlarm:
		return Message{"your test fails against a correct version: the test itself is wrong",
			"tesmu gagal pada versi yang benar: tesnya sendiri yang salah"}
	case ReasonTooMuch:
		return Message{"the program printed far too much output and was stopped", "program mencetak output yang terlalu banyak dan dihentikan"}
	case HintHeader:
		return Message{"Hint %d of %d for lab %s (%s):", "Petunjuk %d dari %d untuk lab %s (%s):"}
	case HintMore:
		return Message{"Ask again for the next hint: `make hint N=%d`.", "Minta lagi untuk petunjuk berikutnya: `make hint N=%d`."}
	case HintLast:
		return Message{"That was the last hint. The lab's README explains the idea in full.", "Itu petunjuk terakhir. README lab ini menjelaskan gagasannya secara lengkap."}
	case ProgressTitle:
		return Message{"racelab: your progress", "racelab: kemajuanmu"}
	case ProgressHeader:
		return Message{"LAB\tTITLE\tCONCEPTS\tSTATUS", "LAB\tJUDUL\tKONSEP\tSTATUS"}
	case ProgressPassed:
		return Message{"✓ passed", "✓ lulus"}
	case ProgressFailing:
		return Message{"✗ not passing yet", "✗ belum lulus"}
	case ProgressNotYet:
		return Message{"· not started", "· belum dimulai"}
	case ProgressCount:
		return Message{"%d of %d labs passed, %d of %d points.", "%d dari %d lab lulus, %d dari %d poin."}
	case ProgressNext:
		return Message{"Next: `make lab N=%d` (%s).", "Selanjutnya: `make lab N=%d` (%s)."}
	case ProgressDone:
		return Message{"Every lab passes. Congratulations!", "Semua lab lulus. Selamat!"}
	case ResetAsk:
		return Message{"Put %s back as shipped? Your changes are kept in %s. [y/N] ", "Kembalikan %s seperti semula? Perubahanmu disimpan di %s. [y/N] "}
	case ResetCancelled:
		return Message{"Nothing changed.", "Tidak ada yang diubah."}
	case ResetNeedYes:
		return Message{"reset discards your work on %s: run it in a terminal to be asked, or add -y (make reset N=%d Y=1)", "reset membuang pekerjaanmu di %s: jalankan di terminal agar ditanya, atau tambahkan -y (make reset N=%d Y=1)"}
	case ResetDone:
		return Message{"%s is back as shipped.", "%s sudah kembali seperti semula."}
	case ResetBackup:
		return Message{"Your version is kept in %s.", "Versimu disimpan di %s."}
	case ResetSame:
		return Message{"%s is already as shipped.", "%s memang masih seperti semula."}
	case SolutionLocked:
		return Message{"The reference fix of lab %s opens once your own fix passes: `make lab N=%d`.", "Perbaikan acuan lab %s terbuka setelah perbaikanmu sendiri lulus: `make lab N=%d`."}
	case SolutionHeader:
		return Message{"Lab %s: your version (-) against the reference fix (+). Lines marked `// fix:` say why.", "Lab %s: versimu (-) dibandingkan perbaikan acuan (+). Baris bertanda `// fix:` menjelaskan alasannya."}
	case SolutionSame:
		return Message{"Your %s is the reference fix, line for line.", "%s milikmu sama persis dengan perbaikan acuan."}
	case WatchStart:
		return Message{"Watching lab %s (%s): save %s and it runs again. Ctrl-C stops.", "Mengawasi lab %s (%s): simpan %s dan lab dijalankan lagi. Ctrl-C untuk berhenti."}
	case WatchSaved:
		return Message{"%s saved: running lab %s…", "%s disimpan: menjalankan lab %s…"}
	case WatchFallback:
		return Message{"File events do not arrive here (%s): a network or WSL file system? Watching by polling instead.", "Event file tidak sampai di sini (%s): file system jaringan atau WSL? Beralih ke polling."}
	case WatchPolling:
		return Message{"Watching by polling every %v.", "Mengawasi dengan polling setiap %v."}
	case WatchAllDone:
		return Message{"Every lab passes: nothing left to watch. Congratulations!", "Semua lab lulus: tidak ada lagi yang perlu diawasi. Selamat!"}
	case WatchStop:
		return Message{"Stopped watching.", "Berhenti mengawasi."}
	}
	return lookupGrader(k)
}
