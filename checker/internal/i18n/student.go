package i18n

import "github.com/racelab/racelab/checker/protocol"

// Keys of the student commands' messages (make lab, watch, hint, progress,
// reset, solution, setup) and of the checker's usage and errors. Messages
// that suggest a command take it whole as an argument (%s), so that the
// suggestion keeps the way the student runs racelab: `make lab N=6 L=id`
// or `go tool checker lab 6`.
const (
	// The reasons a run fails.
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

	// make lab.
	LabPass        Key = "lab.pass"
	LabFail        Key = "lab.fail"
	LabNext        Key = "lab.next"
	LabNextHint    Key = "lab.next.hint"
	LabNextRaw     Key = "lab.next.raw"
	LabAllDone     Key = "lab.all.done"
	LabMoveOn      Key = "lab.move.on"
	LabRawHeader   Key = "lab.raw.header"
	LabNoExplain   Key = "lab.no.explain"
	LabInterrupted Key = "lab.interrupted"

	// The first run's build of the race-enabled standard library, and
	// make setup.
	WarmStart    Key = "warm.start"
	WarmProgress Key = "warm.progress"
	WarmDone     Key = "warm.done"
	WarmAhead    Key = "warm.ahead"
	SetupStart   Key = "setup.start"
	SetupDone    Key = "setup.done"
	SetupWarm    Key = "setup.warm"
	DurSeconds   Key = "duration.seconds"
	DurMinutes   Key = "duration.minutes"

	// The stability run after a pass.
	StableStart    Key = "stable.start"
	StableProgress Key = "stable.progress"
	StablePass     Key = "stable.pass"
	StableFlaky    Key = "stable.flaky"
	StableWhy      Key = "stable.why"
	StableFailed   Key = "stable.failed"

	// make hint.
	HintHeader Key = "hint.header"
	HintMore   Key = "hint.more"
	HintLast   Key = "hint.last"

	// make progress.
	ProgressTitle    Key = "progress.title"
	ProgressLab      Key = "progress.col.lab"
	ProgressColTitle Key = "progress.col.title"
	ProgressConcepts Key = "progress.col.concepts"
	ProgressStatus   Key = "progress.col.status"
	ProgressPassed   Key = "progress.passed"
	ProgressUnstable Key = "progress.unstable"
	ProgressFailing  Key = "progress.failing"
	ProgressNotYet   Key = "progress.not.yet"
	ProgressCount    Key = "progress.count"
	ProgressNext     Key = "progress.next"
	ProgressDone     Key = "progress.done"
	ProgressDropped  Key = "progress.dropped"

	// make reset.
	ResetAsk       Key = "reset.ask"
	ResetCancelled Key = "reset.cancelled"
	ResetNeedYes   Key = "reset.need.yes"
	ResetDone      Key = "reset.done"
	ResetBackup    Key = "reset.backup"
	ResetSame      Key = "reset.same"
	ResetCleared   Key = "reset.cleared"

	// make solution.
	SolutionLocked Key = "solution.locked"
	SolutionHeader Key = "solution.header"
	SolutionSame   Key = "solution.same"

	// make watch.
	WatchStart      Key = "watch.start"
	WatchSaved      Key = "watch.saved"
	WatchFallback   Key = "watch.fallback"
	WatchAllDone    Key = "watch.all.done"
	WatchStop       Key = "watch.stop"
	WatchKeys       Key = "watch.keys"
	WatchRunning    Key = "watch.running"
	WatchSaveAgain  Key = "watch.save.again"
	WatchNextLab    Key = "watch.next.lab"
	WatchListTitle  Key = "watch.list.title"
	WatchListKeys   Key = "watch.list.keys"
	WatchResetAsk   Key = "watch.reset.ask"
	WatchMore       Key = "watch.more"
	WatchCourse     Key = "watch.course"
	WatchStableRuns Key = "watch.stable.runs"
	WatchCancelled  Key = "watch.cancelled"

	// The checker's usage: its commands and their options.
	UsageHeader   Key = "usage.header"
	UsageStudents Key = "usage.students"
	UsageTeachers Key = "usage.teachers"
	UsageMore     Key = "usage.more"
	UsageMakeMore Key = "usage.make.more"
	UsageCommand  Key = "usage.command"
	CmdLab        Key = "cmd.lab"
	CmdWatch      Key = "cmd.watch"
	CmdHint       Key = "cmd.hint"
	CmdProgress   Key = "cmd.progress"
	CmdReset      Key = "cmd.reset"
	CmdSolution   Key = "cmd.solution"
	CmdSetup      Key = "cmd.setup"
	CmdCourseMap  Key = "cmd.coursemap"
	CmdVerify     Key = "cmd.verify"
	CmdGrade      Key = "cmd.grade"
	CmdMerge      Key = "cmd.merge"
	CmdNew        Key = "cmd.new"
	CmdImport     Key = "cmd.import"
	FlagVerbose   Key = "flag.verbose"
	FlagRuns      Key = "flag.runs"
	FlagPoll      Key = "flag.poll"
	FlagYes       Key = "flag.yes"

	// Mistakes in the command line, and what stops a command.
	ErrUnknownCommand Key = "err.unknown.command"
	ErrNameLab        Key = "err.name.lab"
	ErrNoSuchLab      Key = "err.no.such.lab"
	ErrNoArgs         Key = "err.no.args"
	ErrUnknownFlag    Key = "err.unknown.flag"
	ErrFlagNeedsValue Key = "err.flag.needs.value"
	ErrFlagValue      Key = "err.flag.value"
	ErrNotInRepo      Key = "err.not.in.repo"
	ErrNoLabs         Key = "err.no.labs"
	ErrNoHints        Key = "err.no.hints"
	ErrProgress       Key = "err.progress"
	ErrProgressBroken Key = "err.progress.broken"
	ErrProgressNewer  Key = "err.progress.newer"
	ErrNoShipped      Key = "err.no.shipped"
	ErrBackup         Key = "err.backup"
	ErrWrite          Key = "err.write"
	ErrCompare        Key = "err.compare"
	ErrRun            Key = "err.run"
	ErrWarm           Key = "err.warm"
	ErrTerminal       Key = "err.terminal"
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
		// Every finding of the static checks: a sleep in place of
		// synchronisation, a spin, a split read-modify-write, a wake-up
		// too early. The runs may pass; the finding says why not.
		return Message{"the fix has a concurrency mistake the runs do not always show", "perbaikannya punya kesalahan konkurensi yang tidak selalu terlihat saat dijalankan"}
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
		return Message{"it works (it passes the tests), but with another tool than this lab practises: try it the lab's way",
			"programnya sudah benar (lolos tesnya), tetapi memakai alat lain dari yang dilatih lab ini: coba dengan cara lab ini"}
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
	case LabPass:
		return Message{"✓ Lab %s passes: %s", "✓ Lab %s lulus: %s"}
	case LabFail:
		return Message{"✗ Lab %s does not pass yet: %s", "✗ Lab %s belum lulus: %s"}
	case LabNext:
		return Message{"Next: edit %s, then run `%s` again.", "Selanjutnya: ubah %s, lalu jalankan `%s` lagi."}
	case LabNextHint:
		return Message{"Stuck? `%s` gives the next hint.", "Buntu? `%s` memberi petunjuk berikutnya."}
	case LabNextRaw:
		return Message{"The raw test output: `%s`.", "Output tes mentah: `%s`."}
	case LabAllDone:
		return Message{"That was the last lab: you have finished the course. Well done!", "Itu lab terakhir: kamu sudah menyelesaikan kursus ini. Hebat!"}
	case LabMoveOn:
		return Message{"Next lab: `%s` (%s).", "Lab berikutnya: `%s` (%s)."}
	case LabRawHeader:
		return Message{"---- raw test output ----", "---- output tes mentah ----"}
	case LabNoExplain:
		return Message{"The tests failed without a report racelab recognises; the raw output follows.", "Tes gagal tanpa laporan yang dikenali racelab; berikut output mentahnya."}
	case LabInterrupted:
		return Message{"Stopped. This run was not recorded.", "Dihentikan. Run ini tidak dicatat."}
	case WarmStart:
		return Message{
			"First run on this machine: building the race-enabled standard library and racelab's test tools (%d packages). This happens once and takes about %s here…",
			"Run pertama di mesin ini: membangun standard library dengan race detector dan alat tes racelab (%d paket). Ini hanya sekali dan butuh sekitar %s di sini…"}
	case WarmProgress:
		return Message{"building %d/%d packages, about %s left: %s", "membangun %d/%d paket, sekitar %s lagi: %s"}
	case WarmDone:
		return Message{"Built in %s: from now on a lab takes seconds.", "Selesai dalam %s: mulai sekarang sebuah lab hanya butuh beberapa detik."}
	case WarmAhead:
		return Message{"(`make setup` does this ahead of class.)", "(`make setup` melakukan ini sebelum kelas.)"}
	case SetupStart:
		return Message{"Building what every lab needs, so that the first `make lab` does not wait: %d packages, about %s here…",
			"Membangun semua yang dibutuhkan lab, agar `make lab` pertama tidak menunggu: %d paket, sekitar %s di sini…"}
	case SetupDone:
		return Message{"Ready: every lab starts in seconds. Begin with `%s`.", "Siap: setiap lab mulai dalam beberapa detik. Mulailah dengan `%s`."}
	case SetupWarm:
		return Message{"Already built: every lab starts in seconds. Begin with `%s`.", "Sudah dibangun: setiap lab mulai dalam beberapa detik. Mulailah dengan `%s`."}
	case DurSeconds:
		return Message{"%d s", "%d detik"}
	case DurMinutes:
		return Message{"%d min", "%d menit"}
	case StableStart:
		return Message{"Checking that your fix holds: %d more runs on 1 and 2 threads with a core kept busy, as the grader runs it (Ctrl-C skips)…",
			"Memeriksa apakah perbaikanmu bertahan: %d run lagi dengan 1 dan 2 thread dan satu core dibuat sibuk, seperti grader menjalankannya (Ctrl-C untuk melewati)…"}
	case StableProgress:
		return Message{"stability: %d/%d runs", "stabilitas: %d/%d run"}
	case StablePass:
		return Message{"✓ Stable: passes %d/%d runs under load.", "✓ Stabil: lulus %d/%d run di bawah beban."}
	case StableFlaky:
		return Message{"✗ Passed now, but fails %d of %d runs under load (about 1 in %d): your fix is timing-dependent, so the lab does not count as passed yet.",
			"✗ Lulus sekarang, tetapi gagal %d dari %d run di bawah beban (sekitar 1 dari %d): perbaikanmu bergantung pada waktu, jadi lab ini belum dihitung lulus."}
	case StableWhy:
		return Message{"The grader runs your program many times; the first run that failed (%s):", "Grader menjalankan programmu berkali-kali; run pertama yang gagal (%s):"}
	case StableFailed:
		return Message{"The stability check could not run: %v", "Pemeriksaan stabilitas tidak bisa berjalan: %v"}
	case HintHeader:
		return Message{"Hint %d of %d for lab %s (%s):", "Petunjuk %d dari %d untuk lab %s (%s):"}
	case HintMore:
		return Message{"Ask again for the next hint: `%s`.", "Minta lagi untuk petunjuk berikutnya: `%s`."}
	case HintLast:
		return Message{"That was the last hint. The lab's README explains the idea in full.", "Itu petunjuk terakhir. README lab ini menjelaskan gagasannya secara lengkap."}
	case ProgressTitle:
		return Message{"racelab: your progress", "racelab: kemajuanmu"}
	case ProgressLab:
		return Message{"LAB", "LAB"}
	case ProgressColTitle:
		return Message{"TITLE", "JUDUL"}
	case ProgressConcepts:
		return Message{"CONCEPTS", "KONSEP"}
	case ProgressStatus:
		return Message{"STATUS", "STATUS"}
	case ProgressPassed:
		return Message{"✓ passed", "✓ lulus"}
	case ProgressUnstable:
		return Message{"✓ passed, fails %d/%d under load", "✓ lulus, gagal %d/%d di bawah beban"}
	case ProgressFailing:
		return Message{"✗ not passing yet", "✗ belum lulus"}
	case ProgressNotYet:
		return Message{"· not started", "· belum dimulai"}
	case ProgressCount:
		return Message{"%d of %d labs passed, %d of %d points.", "%d dari %d lab lulus, %d dari %d poin."}
	case ProgressNext:
		return Message{"Next: `%s` (%s).", "Selanjutnya: `%s` (%s)."}
	case ProgressDone:
		return Message{"Every lab passes. Congratulations!", "Semua lab lulus. Selamat!"}
	case ProgressDropped:
		return Message{"Note: the course no longer has a lab %q, so its record was dropped from your progress.", "Catatan: kursus ini tidak lagi punya lab %q, jadi catatannya dihapus dari kemajuanmu."}
	case ResetAsk:
		return Message{"Put %s back as shipped? Your changes are kept in %s. [y/N] ", "Kembalikan %s seperti semula? Perubahanmu disimpan di %s. [y/N] "}
	case ResetCancelled:
		return Message{"Nothing changed.", "Tidak ada yang diubah."}
	case ResetNeedYes:
		return Message{"reset discards your work on %s: run it in a terminal to be asked, or add -y (%s)", "reset membuang pekerjaanmu di %s: jalankan di terminal agar ditanya, atau tambahkan -y (%s)"}
	case ResetDone:
		return Message{"%s is back as shipped.", "%s sudah kembali seperti semula."}
	case ResetBackup:
		return Message{"Your version is kept in %s.", "Versimu disimpan di %s."}
	case ResetSame:
		return Message{"%s is already as shipped.", "%s memang masih seperti semula."}
	case ResetCleared:
		return Message{"Lab %s starts afresh in your progress: its pass is cleared.", "Lab %s dimulai lagi dari awal di kemajuanmu: status lulusnya dihapus."}
	case SolutionLocked:
		return Message{"The reference fix of lab %s opens once your own fix passes: `%s`.", "Perbaikan acuan lab %s terbuka setelah perbaikanmu sendiri lulus: `%s`."}
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
	case WatchAllDone:
		return Message{"Every lab passes: nothing left to watch. Congratulations!", "Semua lab lulus: tidak ada lagi yang perlu diawasi. Selamat!"}
	case WatchStop:
		return Message{"Stopped watching.", "Berhenti mengawasi."}
	case WatchKeys:
		return Message{"h hint · l labs · r reset · n next lab · q quit", "h petunjuk · l daftar lab · r reset · n lab berikutnya · q keluar"}
	case WatchRunning:
		return Message{"⟳ Running lab %s…", "⟳ Menjalankan lab %s…"}
	case WatchSaveAgain:
		return Message{"Edit %s and save: the lab runs again.", "Ubah %s lalu simpan: lab dijalankan lagi."}
	case WatchNextLab:
		return Message{"Press n for the next lab: %s.", "Tekan n untuk lab berikutnya: %s."}
	case WatchListTitle:
		return Message{"racelab: the labs", "racelab: daftar lab"}
	case WatchListKeys:
		return Message{"↑/↓ or a number to choose · Enter opens · Esc goes back", "↑/↓ atau nomor untuk memilih · Enter membuka · Esc kembali"}
	case WatchResetAsk:
		return Message{"Put %s back as shipped? Your version is kept in a backup. y/N", "Kembalikan %s seperti semula? Versimu disimpan sebagai cadangan. y/N"}
	case WatchMore:
		return Message{"… %d more lines: `%s` shows them all.", "… %d baris lagi: `%s` menampilkan semuanya."}
	case WatchCourse:
		return Message{"%d/%d labs · %d/%d points", "%d/%d lab · %d/%d poin"}
	case WatchStableRuns:
		return Message{"⟳ Checking that your fix holds under load: %d/%d runs…", "⟳ Memeriksa apakah perbaikanmu bertahan di bawah beban: %d/%d run…"}
	case WatchCancelled:
		return Message{"Stopped. This run was not recorded: save, or press n or l.", "Dihentikan. Run ini tidak dicatat: simpan, atau tekan n atau l."}
	case UsageHeader:
		return Message{"usage: %s COMMAND [options] [arguments]", "pemakaian: %s PERINTAH [opsi] [argumen]"}
	case UsageStudents:
		return Message{"commands for students:", "perintah untuk siswa:"}
	case UsageTeachers:
		return Message{"commands for instructors:", "perintah untuk pengajar:"}
	case UsageMore:
		return Message{"`%s COMMAND -h` lists a command's options. L=id: messages in Bahasa Indonesia.", "`%s PERINTAH -h` menampilkan opsi sebuah perintah. L=en: pesan dalam bahasa Inggris."}
	case UsageMakeMore:
		return Message{
			"  Inside a lab's folder N can be left out; V=1 adds the raw output; L=id: messages in Bahasa Indonesia.\n  Without make: go tool checker help.",
			"  Di dalam folder lab, N boleh tidak ditulis; V=1 menambahkan output mentah; L=en: pesan dalam bahasa Inggris.\n  Tanpa make: go tool checker help."}
	case UsageCommand:
		return Message{"usage: %s", "pemakaian: %s"}
	case CmdLab:
		return Message{"run one lab exactly as the grader does and explain the result", "jalankan satu lab persis seperti grader dan jelaskan hasilnya"}
	case CmdWatch:
		return Message{"the home screen: rerun the current lab on every save; keys for hints, the list, reset", "layar utama: jalankan lagi lab saat ini setiap kali disimpan; tombol untuk petunjuk, daftar, reset"}
	case CmdHint:
		return Message{"show the next hint of a lab", "tampilkan petunjuk berikutnya dari sebuah lab"}
	case CmdProgress:
		return Message{"the course map with your progress, and what to do next", "peta kursus dengan kemajuanmu, dan langkah berikutnya"}
	case CmdReset:
		return Message{"put a lab's file back as shipped and clear its pass (keeps a backup)", "kembalikan file lab seperti semula dan hapus status lulusnya (menyimpan cadangan)"}
	case CmdSolution:
		return Message{"show the reference fix against your version, once your lab passes", "tampilkan perbaikan acuan dibandingkan versimu, setelah lab-mu lulus"}
	case CmdSetup:
		return Message{"build the race-enabled standard library and the labs' tools ahead of class", "bangun standard library dengan race detector dan alat lab sebelum kelas"}
	case CmdCourseMap:
		return Message{"write labs/README.md, the course map, from the labs' lab.toml files", "tulis labs/README.md, peta kursus, dari file lab.toml setiap lab"}
	case CmdVerify:
		return Message{"prove labs right: shipped fails as declared, solution passes, cheats fail", "buktikan lab benar: versi bawaan gagal sesuai deklarasi, solusi lulus, kecurangan gagal"}
	case CmdGrade:
		return Message{"grade a class: submissions in, gradebook and feedback out (sandboxed)", "nilai satu kelas: kumpulan tugas masuk, buku nilai dan umpan balik keluar (dalam sandbox)"}
	case CmdMerge:
		return Message{"combine the outputs of sharded `grade --shard I/N` runs into one gradebook", "gabungkan hasil `grade --shard I/N` yang terpisah menjadi satu buku nilai"}
	case CmdNew:
		return Message{"create the next lab from a working example, with what is left to write marked", "buat lab berikutnya dari contoh yang berjalan, dengan bagian yang belum ditulis ditandai"}
	case CmdImport:
		return Message{"turn a racy program and its fix into the next lab, measured and verified", "jadikan program yang racy beserta perbaikannya lab berikutnya, diukur dan diverifikasi"}
	case FlagVerbose:
		return Message{"also print the raw test output (or set V=1)", "cetak juga output tes mentah (atau set V=1)"}
	case FlagRuns:
		return Message{"runs of the stability check after a pass; 0 skips it (or set RUNS=…)", "jumlah run pemeriksaan stabilitas setelah lulus; 0 melewatinya (atau set RUNS=…)"}
	case FlagPoll:
		return Message{"poll the files instead of using file system events (or set POLL=1)", "periksa file secara berkala alih-alih memakai event file system (atau set POLL=1)"}
	case FlagYes:
		return Message{"do not ask (or set Y=1)", "jangan bertanya (atau set Y=1)"}
	case ErrUnknownCommand:
		return Message{"unknown command %q", "perintah %q tidak dikenal"}
	case ErrNameLab:
		return Message{"name one lab, e.g. `%s`, or run it from inside the lab's folder", "sebutkan satu lab, misalnya `%s`, atau jalankan dari dalam folder lab itu"}
	case ErrNoSuchLab:
		return Message{"there is no lab %q: give a number from %d to %d or a name such as %s (`%s` lists them)", "tidak ada lab %q: berikan nomor dari %d sampai %d atau nama seperti %s (`%s` menampilkan semuanya)"}
	case ErrNoArgs:
		return Message{"`%s` takes no arguments", "`%s` tidak menerima argumen"}
	case ErrUnknownFlag:
		return Message{"unknown option %s (`%s -h` lists the options)", "opsi %s tidak dikenal (`%s -h` menampilkan opsinya)"}
	case ErrFlagNeedsValue:
		return Message{"option %s needs a value", "opsi %s membutuhkan nilai"}
	case ErrFlagValue:
		return Message{"option %s: %q is not a valid value", "opsi %s: %q bukan nilai yang sah"}
	case ErrNotInRepo:
		return Message{"not inside the racelab repository: cd into your clone of it (the folder with go.mod and labs/) and try again", "tidak berada di dalam repositori racelab: cd ke clone-mu (folder yang berisi go.mod dan labs/) lalu coba lagi"}
	case ErrNoLabs:
		return Message{"no labs under %s", "tidak ada lab di %s"}
	case ErrNoHints:
		return Message{"lab %s has no hints in its lab.toml: tell your instructor", "lab %s tidak punya petunjuk di lab.toml-nya: beri tahu pengajarmu"}
	case ErrProgress:
		return Message{"your progress file: %v", "file kemajuanmu: %v"}
	case ErrProgressBroken:
		return Message{"your progress file %s cannot be read: delete it to start the record afresh (your code is not affected)", "file kemajuanmu %s tidak bisa dibaca: hapus file itu untuk memulai catatan dari awal (kodemu tidak terpengaruh)"}
	case ErrProgressNewer:
		return Message{"your progress file %s was written by a newer racelab: update your clone (git pull)", "file kemajuanmu %s ditulis oleh racelab yang lebih baru: perbarui clone-mu (git pull)"}
	case ErrNoShipped:
		return Message{"cannot find the shipped version of %s in git: is this a git clone of racelab? (download the file again from the course repository)", "versi bawaan %s tidak ditemukan di git: apakah ini clone git dari racelab? (unduh lagi file itu dari repositori kursus)"}
	case ErrBackup:
		return Message{"keeping a backup: %v", "menyimpan cadangan: %v"}
	case ErrWrite:
		return Message{"writing %s: %v", "menulis %s: %v"}
	case ErrCompare:
		return Message{"comparing %s with %s: %v", "membandingkan %s dengan %s: %v"}
	case ErrRun:
		return Message{"the lab could not be run: %v", "lab tidak bisa dijalankan: %v"}
	case ErrWarm:
		return Message{"building the standard library failed: %v", "membangun standard library gagal: %v"}
	case ErrTerminal:
		return Message{"the terminal: %v", "terminal: %v"}
	}
	return lookupGrader(k)
}
