package i18n

// Keys of the messages. Names group them by the command and the part of the
// output they belong to; every key has a case in lookup, and the package's
// test fails if one lacks a language.
const (
	// Shared words.
	WhoMain         Key = "who.main"
	WhoN            Key = "who.n"
	WhoCount        Key = "who.count"
	Or              Key = "word.or"
	And             Key = "word.and"
	SeenTimes       Key = "seen.times"
	CheckLabel      Key = "check.label"
	AdviceLabel     Key = "advice.label"
	CalledAt        Key = "called.at"
	InFunc          Key = "in.func"
	StartedAt       Key = "started.at"
	StartedAtMany   Key = "started.at.many"
	StartedHere     Key = "started.here"
	LikeOthers      Key = "like.others"
	BothStartedHere Key = "both.started.here"
	SomeVariable    Key = "some.variable"
	SomeChannel     Key = "some.channel"
	SomeMutex       Key = "some.mutex"
	SomeWaitGroup   Key = "some.waitgroup"
	SomeGoroutine   Key = "some.goroutine"

	// The kinds of fix, as the advice names them.
	FixWaitGroup Key = "fix.waitgroup"
	FixChannel   Key = "fix.channel"
	FixMutex     Key = "fix.mutex"
	FixRWMutex   Key = "fix.rwmutex"
	FixAtomic    Key = "fix.atomic"
	FixOnce      Key = "fix.once"
	FixCond      Key = "fix.cond"
	FixErrgroup  Key = "fix.errgroup"
	FixContext   Key = "fix.context"
	SomeFix      Key = "fix.some"

	// A fix that works, of another kind than the lab practises.
	OtherKindTitle       Key = "otherkind.title"
	OtherKindUses        Key = "otherkind.uses"
	OtherKindNone        Key = "otherkind.none"
	OtherKindSerialTitle Key = "otherkind.serial.title"
	OtherKindReaders     Key = "otherkind.readers"
	OtherKindSerialised  Key = "otherkind.serialised"

	// Data races.
	RaceTitle         Key = "race.title"
	RaceTitleNoVar    Key = "race.title.novar"
	RaceRead          Key = "race.read"
	RaceWrite         Key = "race.write"
	RaceChanSend      Key = "race.chan.send"
	RaceChanReceive   Key = "race.chan.receive"
	RaceChanClose     Key = "race.chan.close"
	RaceMapRead       Key = "race.map.read"
	RaceMapWrite      Key = "race.map.write"
	RaceMapDelete     Key = "race.map.delete"
	RaceWaitGroupAdd  Key = "race.waitgroup.add"
	RaceWaitGroupWait Key = "race.waitgroup.wait"
	RaceWhy           Key = "race.why"

	// The runtime's concurrent map crash.
	MapTitle Key = "map.title"
	MapWhere Key = "map.where"
	MapWhy   Key = "map.why"

	// Panics and other fatal errors.
	PanicTitle Key = "panic.title"
	FatalTitle Key = "fatal.title"
	PanicWhere Key = "panic.where"

	// What a stuck goroutine waits for.
	WaitSend      Key = "wait.send"
	WaitReceive   Key = "wait.receive"
	WaitSelect    Key = "wait.select"
	WaitLock      Key = "wait.lock"
	WaitRLock     Key = "wait.rlock"
	WaitWaitGroup Key = "wait.waitgroup"
	WaitCond      Key = "wait.cond"
	WaitSleep     Key = "wait.sleep"
	WaitRunning   Key = "wait.running"
	WaitLate      Key = "wait.late"
	WaitStep      Key = "wait.step"
	WaitOther     Key = "wait.other"
	HeldBy        Key = "wait.held.by"
	Holds         Key = "wait.holds"

	// Leaks.
	LeakTitle     Key = "leak.title"
	LeakWhy       Key = "leak.why"
	LeakNone      Key = "leak.none"
	LeakElsewhere Key = "leak.elsewhere"

	// Deadlocks.
	DeadlockTitle         Key = "deadlock.title"
	DeadlockTitleWatchdog Key = "deadlock.title.watchdog"
	DeadlockCycle         Key = "deadlock.cycle"
	DeadlockSelf          Key = "deadlock.self"
	DeadlockSelfAt        Key = "deadlock.self.at"
	LineN                 Key = "line.n"
	DeadlockWhy           Key = "deadlock.why"
	DeadlockNone          Key = "deadlock.none"

	// Diagrams: a race, deadlock or leak drawn as goroutine lanes.
	DiagramRaceHeading     Key = "diagram.race.heading"
	DiagramDeadlockHeading Key = "diagram.deadlock.heading"
	DiagramWaitHeading     Key = "diagram.wait.heading"
	DiagramLeakHeading     Key = "diagram.leak.heading"
	DiagramLaneMain        Key = "diagram.lane.main"
	DiagramLaneMany        Key = "diagram.lane.many"
	DiagramStarts          Key = "diagram.starts"
	DiagramStart           Key = "diagram.start"
	DiagramStartsAll       Key = "diagram.starts.all"
	DiagramStartAll        Key = "diagram.start.all"
	DiagramLocksEach       Key = "diagram.locks.each"
	DiagramNoOrder         Key = "diagram.no.order"
	DiagramFinished        Key = "diagram.finished"
	DiagramLocks           Key = "diagram.locks"
	DiagramHeldBySelf      Key = "diagram.held.by.self"
	DiagramHeldByNext      Key = "diagram.held.by.next"
	DiagramReturns         Key = "diagram.returns"
	DiagramForever         Key = "diagram.forever"
	DiagramSVGTitle        Key = "diagram.svg.title"
	DiagramLegend          Key = "diagram.legend"

	// Not concurrent.
	NotConcurrentTitle     Key = "notconcurrent.title"
	NotConcurrentNoneTitle Key = "notconcurrent.none.title"
	NotConcurrentNoneWhy   Key = "notconcurrent.none.why"
	NotConcurrentWhy       Key = "notconcurrent.why"
	NotConcurrentWhere     Key = "notconcurrent.where"

	NotConcurrentWhyNoGo      Key = "notconcurrent.why.nogo"
	NotConcurrentLoop         Key = "notconcurrent.loop"
	NotConcurrentLocked       Key = "notconcurrent.locked"
	NotConcurrentWaits        Key = "notconcurrent.waits"
	NotConcurrentStartedTitle Key = "notconcurrent.started.title"
	NotConcurrentSkippedTitle Key = "notconcurrent.skipped.title"
	NotConcurrentSkippedWhy   Key = "notconcurrent.skipped.why"

	// Wrong output.
	WrongOutputTitle     Key = "wrongoutput.title"
	WrongOutputExpected  Key = "wrongoutput.expected"
	WrongOutputGot       Key = "wrongoutput.got"
	WrongOutputNothing   Key = "wrongoutput.nothing"
	WrongOutputWhy       Key = "wrongoutput.why"
	WrongOutputWhyLost   Key = "wrongoutput.why.lost"
	WrongOutputWhyCancel Key = "wrongoutput.why.cancel"
	WrongOutputWhere     Key = "wrongoutput.where"

	// Static checks.
	StaticTitle       Key = "static.title"
	StaticFixKind     Key = "static.fixkind"
	StaticInstead     Key = "static.instead"
	StaticSleep       Key = "static.sleep"
	StaticGosched     Key = "static.gosched"
	StaticGOMAXPROCS  Key = "static.gomaxprocs"
	StaticExit        Key = "static.exit"
	StaticConfine     Key = "static.confine"
	StaticConfineExit Key = "static.confine.exit"
	StaticRefused     Key = "static.refused"

	// go vet's concurrency checks.
	VetWaitGroupTitle  Key = "vet.waitgroup.title"
	VetWaitGroup       Key = "vet.waitgroup"
	RaceFromAdd        Key = "vet.waitgroup.race"
	RaceFromAtomic     Key = "vet.atomic.race"
	VetCopyTitle       Key = "vet.copy.title"
	VetCopyTitleAn     Key = "vet.copy.title.an"
	VetCopyHolds       Key = "vet.copy.holds"
	VetCopyHoldsAn     Key = "vet.copy.holds.an"
	VetCopyParam       Key = "vet.copy.param"
	VetCopyParamLit    Key = "vet.copy.param.lit"
	VetCopyAssign      Key = "vet.copy.assign"
	VetCopyRange       Key = "vet.copy.range"
	VetCopyCall        Key = "vet.copy.call"
	VetCopyReturn      Key = "vet.copy.return"
	VetCopyOther       Key = "vet.copy.other"
	VetCopyWhy         Key = "vet.copy.why"
	VetCopyWhyWG       Key = "vet.copy.why.waitgroup"
	VetCopyWhyAtomic   Key = "vet.copy.why.atomic"
	VetLostCancelTitle Key = "vet.lostcancel.title"
	VetCancelDiscarded Key = "vet.lostcancel.discarded"
	VetCancelPaths     Key = "vet.lostcancel.paths"
	VetCancelReturn    Key = "vet.lostcancel.return"
	VetLostCancelWhy   Key = "vet.lostcancel.why"
	VetAtomicTitle     Key = "vet.atomic.title"
	VetAtomic          Key = "vet.atomic"
	VetLoadStoreTitle  Key = "vet.loadstore.title"
	VetLoadStoreLoad   Key = "vet.loadstore.load"
	VetLoadStore       Key = "vet.loadstore"
	VetLoadStoreWhy    Key = "vet.loadstore.why"
	VetLoadSwap        Key = "vet.loadstore.swap"
	VetLoadCAS         Key = "vet.loadstore.cas"
	VetLoadCASWhy      Key = "vet.loadstore.cas.why"
	VetAddLoadTitle    Key = "vet.addload.title"
	VetAddLoadAdd      Key = "vet.addload.add"
	VetAddLoad         Key = "vet.addload"
	VetAddLoadWhy      Key = "vet.addload.why"
	VetSplitLockTitle  Key = "vet.splitlock.title"
	VetTornTitle       Key = "vet.torn.title"
	VetTorn            Key = "vet.torn.at"
	VetTornWhy         Key = "vet.torn.why"
	VetSplitLockRead   Key = "vet.splitlock.read"
	VetSplitLock       Key = "vet.splitlock"
	VetSplitLockWhy    Key = "vet.splitlock.why"
	// A check and its act split the same way.
	VetCheckActLockTitle   Key = "vet.checkact.lock.title"
	VetCheckActLockTest    Key = "vet.checkact.lock.test"
	VetCheckActLock        Key = "vet.checkact.lock"
	VetCheckActLockWhy     Key = "vet.checkact.lock.why"
	VetCheckActAtomicTitle Key = "vet.checkact.atomic.title"
	VetCheckActAtomicLoad  Key = "vet.checkact.atomic.load"
	VetCheckActAtomic      Key = "vet.checkact.atomic"
	VetCheckActAtomicWhy   Key = "vet.checkact.atomic.why"

	// A goroutine that spins while it waits.
	BusyWaitTitle  Key = "busywait.title"
	BusyWaitWhere  Key = "busywait.where"
	BusyWaitLoop   Key = "busywait.loop"
	BusyWaitSelect Key = "busywait.select"
	BusyWaitWhy    Key = "busywait.why"

	// A loop in the student's code that waits by checking again and again
	// (labvet's spin check), found in the source whatever the runs did.
	SpinTitle  Key = "spin.title"
	SpinPoll   Key = "spin.poll"
	SpinLock   Key = "spin.lock"
	SpinSelect Key = "spin.select"
	SpinTick   Key = "spin.tick"
	SpinWhy    Key = "spin.why"

	TimeGuessTitle Key = "timeguess.title"
	TimeGuess      Key = "timeguess"
	TimeGuessWhy   Key = "timeguess.why"
	// A goroutine that cancels the others before it hands on its error
	// (labvet's cancelfirst check).
	CancelFirstTitle Key = "cancelfirst.title"
	CancelFirst      Key = "cancelfirst"
	CancelFirstWhy   Key = "cancelfirst.why"
	AddOrderTitle    Key = "addorder.title"
	AddOrder         Key = "addorder"
	AddOrderWhy      Key = "addorder.why"
	TryLockTitle     Key = "trylock.title"
	TryLock          Key = "trylock"
	TryLockWhy       Key = "trylock.why"
	WakeOrderTitle   Key = "wakeorder.title"
	WakeOrder        Key = "wakeorder.at"
	WakeOrderWhy     Key = "wakeorder.why"

	// A testing lab: the student's test, run against versions of the code.
	MissedTitle   Key = "test.missed.title"
	MissedAbout   Key = "test.missed.about"
	MissedNoAbout Key = "test.missed.noabout"
	MissedWhy     Key = "test.missed.why"
	AlarmTitle    Key = "test.alarm.title"
	AlarmPrinted  Key = "test.alarm.printed"
	AlarmWhy      Key = "test.alarm.why"
	TestAgainst   Key = "test.against"
	TestHangTitle Key = "test.hang.title"

	// A run that did not wait for its goroutines, or ended early.
	UnwaitedTitle   Key = "unwaited.title"
	UnwaitedWhere   Key = "unwaited.where"
	UnwaitedPrinted Key = "unwaited.printed"
	UnwaitedWhy     Key = "unwaited.why"
	EarlyExitTitle  Key = "earlyexit.title"
	EarlyExitWhy    Key = "earlyexit.why"

	// Compile errors.
	BuildTitle Key = "build.title"

	// Other script failures.
	ScriptTitle          Key = "script.title"
	ScriptExit           Key = "script.exit"
	ScriptPrinted        Key = "script.printed"
	ScriptUnwantedStderr Key = "script.unwanted.stderr"
	ScriptAudit          Key = "script.audit"

	// Advice: one sentence of what to do.
	AdviceRaceWaitGroup       Key = "advice.race.waitgroup"
	AdviceRaceMutex           Key = "advice.race.mutex"
	AdviceRaceRWMutex         Key = "advice.race.rwmutex"
	AdviceRaceAtomic          Key = "advice.race.atomic"
	AdviceRaceChannel         Key = "advice.race.channel"
	AdviceRaceOnce            Key = "advice.race.once"
	AdviceRaceAny             Key = "advice.race.any"
	AdviceRaceSome            Key = "advice.race.some"
	AdviceCloseAfterSends     Key = "advice.close.after.sends"
	AdviceCloseOnce           Key = "advice.close.once"
	AdviceCloseNil            Key = "advice.close.nil"
	AdviceNegativeWaitGroup   Key = "advice.negative.waitgroup"
	AdviceUnlockUnlocked      Key = "advice.unlock.unlocked"
	AdviceNilMap              Key = "advice.nil.map"
	AdviceNilPointer          Key = "advice.nil.pointer"
	AdviceIndex               Key = "advice.index"
	AdviceIndexEmpty          Key = "advice.index.empty"
	AdvicePanic               Key = "advice.panic"
	AdvicePanicElsewhere      Key = "advice.panic.elsewhere"
	AdviceLeakSend            Key = "advice.leak.send"
	AdviceLeakReceive         Key = "advice.leak.receive"
	AdviceLeakSelect          Key = "advice.leak.select"
	AdviceLeakLock            Key = "advice.leak.lock"
	AdviceLeakWaitGroup       Key = "advice.leak.waitgroup"
	AdviceLeakOther           Key = "advice.leak.other"
	AdviceLeakElsewhere       Key = "advice.leak.elsewhere"
	AdviceDeadlockCycle       Key = "advice.deadlock.cycle"
	AdviceDeadlockSelf        Key = "advice.deadlock.self"
	AdviceDeadlockSelfSame    Key = "advice.deadlock.self.same"
	AdviceDeadlockLock        Key = "advice.deadlock.lock"
	AdviceDeadlockChannel     Key = "advice.deadlock.channel"
	AdviceDeadlockOther       Key = "advice.deadlock.other"
	AdviceDeadlockLate        Key = "advice.deadlock.late"
	AdviceSerialLock          Key = "advice.serial.lock"
	AdviceSerialGo            Key = "advice.serial.go"
	AdviceWindowSkipped       Key = "advice.window.skipped"
	AdviceCheckThenAct        Key = "advice.checkthenact"
	AdviceCheckThenActMutex   Key = "advice.checkthenact.mutex"
	AdviceWrongOutput         Key = "advice.wrongoutput"
	AdviceReportedCancel      Key = "advice.wrongoutput.cancel"
	AdviceStaticFixKind       Key = "advice.static.fixkind"
	AdviceWaitGroupAdd        Key = "advice.waitgroup.add"
	AdviceWaitGroupAddUnnamed Key = "advice.waitgroup.add.unnamed"
	AdviceUnwaited            Key = "advice.unwaited"
	AdviceEarlyExit           Key = "advice.earlyexit"
	AdviceCopyLock            Key = "advice.copylock"
	AdviceCopyWaitGroup       Key = "advice.copylock.waitgroup"
	AdviceCopyAtomic          Key = "advice.copylock.atomic"
	AdviceLostCancel          Key = "advice.lostcancel"
	AdviceAtomicAssign        Key = "advice.atomic.assign"
	AdviceLoadStore           Key = "advice.loadstore"
	AdviceAddLoad             Key = "advice.addload"
	AdviceSplitLock           Key = "advice.splitlock"
	AdviceTorn                Key = "advice.torn"
	AdviceCheckActLock        Key = "advice.checkact.lock"
	AdviceCheckActAtomic      Key = "advice.checkact.atomic"
	AdviceBusyWait            Key = "advice.busywait"
	AdviceWakeOrder           Key = "advice.wakeorder"
	AdviceTryLock             Key = "advice.trylock"
	AdviceAddOrder            Key = "advice.addorder"
	AdviceTimeGuess           Key = "advice.timeguess"
	AdviceCancelFirst         Key = "advice.cancelfirst"
	AdviceSpinLock            Key = "advice.spin.lock"
	AdviceMissed              Key = "advice.test.missed"
	AdviceFalseAlarm          Key = "advice.test.alarm"
	AdviceAlarmLeak           Key = "advice.test.alarm.leak"
	AlarmLeakWhy              Key = "test.alarm.leak.why"
	AdviceOtherKind           Key = "advice.otherkind"
	AdviceOtherReaders        Key = "advice.otherkind.readers"
	AdviceOtherSerialised     Key = "advice.otherkind.serialised"
	AdviceStaticFake          Key = "advice.static.fake"
	AdviceStaticOther         Key = "advice.static.other"
	AdviceStaticConfine       Key = "advice.static.confine"
	AdviceBuild               Key = "advice.build"
	AdviceScript              Key = "advice.script"
	AdviceScriptStderr        Key = "advice.script.stderr"
	AdviceScriptAudit         Key = "advice.script.audit"
)

// lookup holds the catalog. A switch rather than a map variable: nothing
// to initialise, nothing anyone can change at run time.
func lookup(k Key) Message {
	switch k {
	case WhoMain:
		return Message{"the main goroutine", "goroutine main"}
	case WhoN:
		return Message{"goroutine %d", "goroutine %d"}
	case WhoCount:
		return Message{"%d goroutines", "%d goroutine"}
	case Or:
		return Message{"or", "atau"}
	case And:
		return Message{"and", "dan"}
	case SeenTimes:
		return Message{"seen %d times", "terjadi %d kali"}
	case CheckLabel:
		return Message{"Check: %s", "Pemeriksaan: %s"}
	case AdviceLabel:
		return Message{"What to do:", "Yang perlu dilakukan:"}
	case CalledAt:
		return Message{"called at %s", "dipanggil di %s"}
	case InFunc:
		return Message{"in %s", "di dalam %s"}
	case StartedAt:
		return Message{"%s was started at %s", "%s dimulai di %s"}
	case StartedAtMany:
		return Message{"all of them were started at %s", "semuanya dimulai di %s"}
	case LikeOthers:
		return Message{"(and %d more goroutines just like it)", "(dan %d goroutine lain yang sama persis)"}
	case StartedHere:
		return Message{"%s was started here", "%s dimulai di sini"}
	case BothStartedHere:
		return Message{"both goroutines were started here", "kedua goroutine dimulai di sini"}
	case SomeVariable:
		return Message{"a shared variable", "sebuah variabel bersama"}
	case SomeChannel:
		return Message{"a channel", "sebuah channel"}
	case SomeMutex:
		return Message{"a mutex", "sebuah mutex"}
	case SomeWaitGroup:
		return Message{"a WaitGroup", "sebuah WaitGroup"}
	case SomeGoroutine:
		return Message{"a goroutine", "sebuah goroutine"}

	case FixWaitGroup:
		return Message{"a sync.WaitGroup", "sync.WaitGroup"}
	case FixChannel:
		return Message{"a channel", "channel"}
	case FixMutex:
		return Message{"a sync.Mutex", "sync.Mutex"}
	case FixRWMutex:
		return Message{"a sync.RWMutex", "sync.RWMutex"}
	case FixAtomic:
		return Message{"sync/atomic", "sync/atomic"}
	case FixOnce:
		return Message{"sync.Once", "sync.Once"}
	case FixCond:
		return Message{"a sync.Cond", "sync.Cond"}
	case FixErrgroup:
		return Message{"an errgroup.Group", "errgroup.Group"}
	case FixContext:
		return Message{"a context", "context"}
	case SomeFix:
		// A lab that accepts any fix: the three it names in the notes.
		return Message{"a channel, a sync.WaitGroup or a sync.Mutex", "channel, sync.WaitGroup, atau sync.Mutex"}

	case OtherKindTitle:
		return Message{"It works, with another tool than this lab practises", "Programnya sudah benar, tetapi memakai alat lain dari yang dilatih lab ini"}
	case OtherKindUses:
		return Message{
			"This works — it passes the lab's tests — but this lab practises %s; your fix uses %s: try it the lab's way.",
			"Programnya sudah benar — lolos semua tes lab ini — tetapi lab ini melatih %s, sedangkan perbaikanmu memakai %s: coba dengan cara lab ini.",
		}
	case OtherKindNone:
		return Message{
			"This works — it passes the lab's tests — but this lab practises %s, and your change adds none of it: try it the lab's way.",
			"Programnya sudah benar — lolos semua tes lab ini — tetapi lab ini melatih %s, dan perubahanmu sama sekali tidak memakainya: coba dengan cara lab ini.",
		}
	case OtherKindSerialTitle:
		return Message{"It works, but every caller waited for every other", "Programnya sudah benar, tetapi setiap pemanggil menunggu semua yang lain"}
	case OtherKindReaders:
		return Message{
			"This works — it passes the lab's tests — but at most %d of %d readers were ever reading at the same time, though none of them writes: one lock made every reader wait for every other. This lab practises %s, which lets readers in together.",
			"Programnya sudah benar — lolos semua tes lab ini — tetapi paling banyak %d dari %d pembaca pernah membaca bersamaan, padahal tidak ada yang menulis: satu kunci membuat setiap pembaca menunggu semua yang lain. Lab ini melatih %s, yang mengizinkan para pembaca masuk bersamaan.",
		}
	case OtherKindSerialised:
		return Message{
			"This works — it passes the lab's tests — but at most %d of the %d callers that could be in that step together ever were: one lock around everything made every caller wait for every other. This lab practises %s, used so that callers that do not conflict go on together.",
			"Programnya sudah benar — lolos semua tes lab ini — tetapi dari %[2]d pemanggil yang bisa berada di langkah itu bersamaan, paling banyak %[1]d yang pernah benar-benar bersamaan: satu kunci di sekitar semuanya membuat setiap pemanggil menunggu semua yang lain. Lab ini melatih %[3]s, dipakai sedemikian rupa sehingga pemanggil yang tidak saling bentrok bisa berjalan bersamaan.",
		}

	case RaceTitle:
		return Message{"Data race on %s", "Data race pada %s"}
	case RaceTitleNoVar:
		return Message{"Data race", "Data race"}
	case RaceRead:
		return Message{"%s reads %s", "%s membaca %s"}
	case RaceWrite:
		return Message{"%s writes %s", "%s menulis %s"}
	case RaceChanSend:
		return Message{"%s sends on %s", "%s mengirim ke %s"}
	case RaceChanReceive:
		return Message{"%s receives from %s", "%s menerima dari %s"}
	case RaceChanClose:
		return Message{"%s closes %s", "%s menutup %s"}
	case RaceWaitGroupAdd:
		// The second argument (the variable) is unknown: the race
		// runtime names no line for a WaitGroup's own accesses.
		return Message{"%s calls a WaitGroup's Add%.0s", "%s memanggil Add pada sebuah WaitGroup%.0s"}
	case RaceWaitGroupWait:
		return Message{"%s is already waiting in that WaitGroup's Wait%.0s", "%s sudah menunggu di Wait milik WaitGroup itu%.0s"}
	case RaceMapRead:
		return Message{"%s reads from the map %s", "%s membaca dari map %s"}
	case RaceMapWrite:
		return Message{"%s writes to the map %s", "%s menulis ke map %s"}
	case RaceMapDelete:
		return Message{"%s deletes from the map %s", "%s menghapus dari map %s"}
	case RaceWhy:
		return Message{
			"Two goroutines used the same memory at the same time, at least one of them writing, and nothing made one wait for the other: the result depends on luck.",
			"Dua goroutine memakai memori yang sama pada saat bersamaan, setidaknya satu menulis, dan tidak ada yang membuat salah satunya menunggu yang lain: hasilnya bergantung pada keberuntungan.",
		}

	case MapTitle:
		return Message{"The program crashed: %s", "Program berhenti paksa: %s"}
	case MapWhere:
		return Message{"%s used the map %s here while another goroutine was writing to it", "%s memakai map %s di sini saat goroutine lain sedang menulis ke map itu"}
	case MapWhy:
		return Message{
			"A Go map is not safe for concurrent use: when goroutines use one at the same time and one of them writes, the runtime stops the program.",
			"Map di Go tidak aman dipakai bersamaan: jika beberapa goroutine memakainya pada saat yang sama dan salah satunya menulis, runtime menghentikan program.",
		}

	case PanicTitle:
		return Message{"The program crashed (panic): %s", "Program crash (panic): %s"}
	case FatalTitle:
		return Message{"The program crashed: %s", "Program crash: %s"}
	case PanicWhere:
		return Message{"%s stopped here", "%s berhenti di sini"}

	case WaitSend:
		return Message{"%s waits to send on %s", "%s menunggu untuk mengirim ke %s"}
	case WaitReceive:
		return Message{"%s waits to receive from %s", "%s menunggu untuk menerima dari %s"}
	case WaitSelect:
		return Message{"%s waits in a select on %s", "%s menunggu di select pada %s"}
	case WaitLock:
		return Message{"%s waits to lock %s", "%s menunggu untuk mengunci %s"}
	case WaitRLock:
		return Message{"%s waits to read-lock (RLock) %s", "%s menunggu untuk mengunci baca (RLock) %s"}
	case WaitWaitGroup:
		return Message{"%s waits for %s (WaitGroup.Wait)", "%s menunggu %s (WaitGroup.Wait)"}
	case WaitCond:
		return Message{"%s waits on %s (Cond.Wait)", "%s menunggu %s (Cond.Wait)"}
	case WaitSleep:
		return Message{"%s is sleeping (time.Sleep)", "%s sedang tidur (time.Sleep)"}
	case WaitRunning:
		return Message{"%s is still running", "%s masih berjalan"}
	case WaitStep:
		return Message{"%s waits in the lab's slow step for the other tasks to join it", "%s menunggu di langkah lambat milik lab sampai tugas-tugas lain ikut masuk"}
	case WaitLate:
		return Message{"%s brings the slow answer, which comes only once run has returned", "%s membawa jawaban yang lambat, yang baru datang setelah run selesai"}
	case WaitOther:
		return Message{"%s is blocked (%s)", "%s terblokir (%s)"}
	case HeldBy:
		return Message{"%s holds that lock", "kunci itu dipegang %s"}
	case Holds:
		return Message{"it holds %s, locked at %s", "goroutine ini memegang %s, dikunci di %s"}

	case LeakTitle:
		return Message{"Goroutine leak: main returned while goroutines were still blocked", "Kebocoran goroutine: main selesai padahal masih ada goroutine yang terblokir"}
	case LeakWhy:
		return Message{
			"A blocked goroutine never finishes: in a server, each one like it holds memory forever.",
			"Goroutine yang terblokir tidak pernah selesai: di sebuah server, setiap goroutine seperti itu memakan memori selamanya.",
		}
	case LeakElsewhere:
		return Message{
			"None of them is stuck in your files: they wait in the lab's own code, in goroutines a function your file calls started for you.",
			"Tidak ada yang tertahan di file kamu: mereka menunggu di kode milik lab, di goroutine yang dijalankan oleh fungsi yang dipanggil file kamu.",
		}
	case LeakNone:
		return Message{"None of them is stuck in your files.", "Tidak ada yang tertahan di file kamu."}

	case DeadlockTitle:
		return Message{"Deadlock: the program never finished", "Deadlock: program tidak pernah selesai"}
	case DeadlockTitleWatchdog:
		return Message{"Deadlock: the program never finished (stopped after %s)", "Deadlock: program tidak pernah selesai (dihentikan setelah %s)"}
	case DeadlockCycle:
		return Message{
			"%s: each one waits for a lock the next one holds, in a circle, so none of them can ever go on.",
			"%s: masing-masing menunggu kunci yang dipegang goroutine berikutnya, berputar dalam lingkaran, jadi tidak ada yang bisa lanjut.",
		}
	case DeadlockSelf:
		return Message{
			"Go's sync.Mutex is not reentrant: %s waits to lock a mutex it already holds, so it waits for itself, forever.",
			"sync.Mutex di Go tidak reentrant: %s menunggu untuk mengunci mutex yang sudah dipegangnya sendiri, jadi ia menunggu dirinya sendiri, selamanya.",
		}
	case DeadlockSelfAt:
		return Message{
			"Go's sync.Mutex is not reentrant: %[1]s already holds %[2]s (locked at %[3]s) and waits to lock it again at %[4]s, so it waits for itself, forever.",
			"sync.Mutex di Go tidak reentrant: %[1]s sudah memegang %[2]s (dikunci di %[3]s) dan menunggu untuk menguncinya lagi di %[4]s, jadi ia menunggu dirinya sendiri, selamanya.",
		}
	case LineN:
		return Message{"line %d", "baris %d"}
	case DeadlockWhy:
		return Message{"Every goroutine is waiting for another one, so none of them can go on.", "Setiap goroutine menunggu goroutine lain, jadi tidak ada yang bisa lanjut."}
	case DeadlockNone:
		return Message{"No goroutine is waiting in your files: perhaps a loop there never ends.", "Tidak ada goroutine yang menunggu di file kamu: mungkin ada loop yang tidak pernah berhenti."}

	case DiagramRaceHeading:
		return Message{"What happened, in this order (time runs down):", "Yang terjadi, berurutan (waktu berjalan ke bawah):"}
	case DiagramDeadlockHeading:
		return Message{"Who holds which lock, and who waits for it:", "Siapa memegang kunci apa, dan siapa menunggunya:"}
	case DiagramWaitHeading:
		return Message{"Where each goroutine waits:", "Di mana setiap goroutine menunggu:"}
	case DiagramLeakHeading:
		return Message{"Where each goroutine is stuck when run returns:", "Di mana setiap goroutine tertahan saat run selesai:"}
	case DiagramLaneMain:
		return Message{"main goroutine", "goroutine main"}
	case DiagramLaneMany:
		return Message{"%s and %d more like it", "%s dan %d lainnya yang serupa"}
	case DiagramStarts:
		return Message{"%s starts %s", "%s memulai %s"}
	case DiagramStart:
		return Message{"%s starts", "%s dimulai"}
	case DiagramStartsAll:
		return Message{"%s starts these %d goroutines here, with one go statement", "%s memulai %d goroutine ini di sini, dengan satu pernyataan go"}
	case DiagramStartAll:
		return Message{"these %d goroutines start here, from one go statement", "%d goroutine ini dimulai di sini, dari satu pernyataan go"}
	case DiagramNoOrder:
		return Message{"no happens-before: nothing makes one of them wait for the other", "tidak ada happens-before: tidak ada yang membuat salah satunya menunggu yang lain"}
	case DiagramFinished:
		return Message{"%s has finished, but nothing waited for it", "%s sudah selesai, tetapi tidak ada yang menunggunya"}
	case DiagramLocks:
		return Message{"%s locks %s", "%s mengunci %s"}
	case DiagramLocksEach:
		return Message{"each of these goroutines locks its own %s", "masing-masing goroutine ini mengunci %s miliknya sendiri"}
	case DiagramHeldBySelf:
		return Message{"it holds that lock itself", "kunci itu dipegangnya sendiri"}
	case DiagramHeldByNext:
		return Message{"each one's lock is held by the next one, the last one's by %s", "kunci yang ditunggu masing-masing dipegang goroutine berikutnya, yang terakhir oleh %s"}
	case DiagramReturns:
		return Message{"run returns: the program's work is done", "run selesai: pekerjaan program sudah beres"}
	case DiagramForever:
		return Message{"still blocked: these goroutines never finish", "masih terblokir: goroutine ini tidak akan pernah selesai"}
	case DiagramSVGTitle:
		return Message{"%s: a diagram of %s", "%s: diagram %s"}
	case DiagramLegend:
		return Message{"Each goroutine is a lane; time runs down.", "Setiap goroutine adalah satu jalur; waktu berjalan ke bawah."}

	case NotConcurrentTitle:
		return Message{"Not concurrent: at most %d of the %d tasks ran at the same time", "Tidak konkuren: paling banyak %d dari %d tugas berjalan bersamaan"}
	case NotConcurrentNoneTitle:
		return Message{"Not concurrent: none of the %d tasks reached its slow step before the program finished", "Tidak konkuren: tidak satu pun dari %d tugas sampai ke langkah lambatnya sebelum program selesai"}
	case NotConcurrentNoneWhy:
		return Message{
			"run went on, and returned, before its goroutines had done their work: whatever should have waited for them let it go on too early.",
			"run terus berjalan, lalu selesai, sebelum goroutine-nya menyelesaikan pekerjaannya: apa pun yang seharusnya menunggu mereka membiarkannya lanjut terlalu cepat.",
		}
	case NotConcurrentWhy:
		return Message{
			"The tasks ran one after another. Nothing races when nothing overlaps, but the program lost the speed the goroutines were for.",
			"Tugas-tugasnya berjalan satu per satu. Tidak ada race kalau tidak ada yang bersamaan, tetapi program kehilangan kecepatan yang menjadi alasan memakai goroutine.",
		}
	case NotConcurrentWhere:
		return Message{"the slow step of each task, which should run in many goroutines at once", "langkah lambat setiap tugas, yang seharusnya berjalan di banyak goroutine sekaligus"}
	case NotConcurrentWhyNoGo:
		return Message{
			"Nothing started the tasks at the same time: each one began only when the one before it had finished, so their waits added up.",
			"Tidak ada yang menjalankan tugas-tugasnya bersamaan: setiap tugas baru mulai setelah tugas sebelumnya selesai, jadi waktu tunggunya menumpuk.",
		}
	case NotConcurrentLoop:
		return Message{
			"this loop runs the tasks one at a time: each call waits for the one before it to finish",
			"loop ini menjalankan tugas satu per satu: setiap panggilan menunggu panggilan sebelumnya selesai",
		}
	case NotConcurrentLocked:
		return Message{
			"%s is held around each task's slow step, so the tasks take turns",
			"%s dipegang di sekitar langkah lambat setiap tugas, jadi tugas-tugasnya bergiliran",
		}
	case NotConcurrentWaits:
		return Message{
			"the loop waits here for each goroutine before it starts the next one, so only one runs at a time",
			"loop ini menunggu di sini untuk setiap goroutine sebelum memulai goroutine berikutnya, jadi hanya satu yang berjalan pada satu waktu",
		}
	case NotConcurrentStartedTitle:
		return Message{
			"Not concurrent: the program started %d goroutines, where a correct fix starts %d",
			"Tidak konkuren: program memulai %d goroutine, padahal perbaikan yang benar memulai %d",
		}
	case NotConcurrentSkippedTitle:
		return Message{
			"The program no longer goes through the step this lab watches",
			"Program tidak lagi melewati langkah yang diamati lab ini",
		}
	case NotConcurrentSkippedWhy:
		return Message{
			"The lab lines goroutines up inside %s, between the check and the act, to show whether a gap is left there; your change never calls it, so nothing could be checked.",
			"Lab ini membariskan goroutine di dalam %s, di antara pemeriksaan dan tindakan, untuk menunjukkan apakah masih ada celah di sana; perubahanmu tidak pernah memanggilnya, jadi tidak ada yang bisa diperiksa.",
		}

	case WrongOutputTitle:
		return Message{"Wrong output", "Output salah"}
	case WrongOutputExpected:
		return Message{"expected the line: %s", "seharusnya ada baris: %s"}
	case WrongOutputGot:
		return Message{"the program printed:", "program mencetak:"}
	case WrongOutputNothing:
		return Message{"the program printed nothing", "program tidak mencetak apa pun"}
	case WrongOutputWhy:
		return Message{
			"No race was reported, yet the answer is wrong: a value was checked, then acted upon, and other goroutines changed it in between.",
			"Tidak ada race yang dilaporkan, tetapi jawabannya salah: sebuah nilai diperiksa, lalu dipakai untuk bertindak, dan goroutine lain mengubahnya di antara keduanya.",
		}
	case WrongOutputWhyLost:
		return Message{
			"No race was reported, yet the answer is wrong: some work was lost, done twice, or done with the wrong value.",
			"Tidak ada race yang dilaporkan, tetapi jawabannya salah: ada pekerjaan yang hilang, dikerjakan dua kali, atau dikerjakan dengan nilai yang salah.",
		}
	case WrongOutputWhyCancel:
		return Message{
			"The program reported context.Canceled: the error of work it had itself given up on, not the failure that made it give up.",
			"Program melaporkan context.Canceled: error dari pekerjaan yang sudah ia batalkan sendiri, bukan kegagalan yang membuatnya membatalkan.",
		}
	case WrongOutputWhere:
		return Message{"the gap between a check and the act that depends on it", "celah antara pemeriksaan dan tindakan yang bergantung padanya"}

	case StaticTitle:
		return Message{"Wrong fix", "Perbaikan tidak sesuai"}
	case StaticFixKind:
		return Message{"%s does not use %s, the tool this lab teaches", "%s tidak memakai %s, alat yang diajarkan lab ini"}
	case StaticInstead:
		return Message{"(it uses %s instead)", "(yang dipakai justru %s)"}
	case StaticSleep:
		return Message{
			"time.Sleep is not synchronisation: sleeping only changes the timing, it never makes one goroutine wait for another",
			"time.Sleep bukan sinkronisasi: jeda hanya mengubah waktu, tidak pernah membuat satu goroutine menunggu goroutine lain",
		}
	case StaticGosched:
		return Message{
			"runtime.Gosched is not synchronisation: yielding changes the timing, it never orders memory accesses",
			"runtime.Gosched bukan sinkronisasi: mengalah mengubah waktu, tetapi tidak pernah mengurutkan akses memori",
		}
	case StaticGOMAXPROCS:
		return Message{
			"runtime.GOMAXPROCS does not fix a race: with one thread goroutines still interleave, and the race detector still reports it",
			"runtime.GOMAXPROCS tidak memperbaiki race: dengan satu thread pun goroutine tetap bergantian, dan race detector tetap melaporkannya",
		}
	case StaticConfine:
		return Message{
			"%s is not allowed in a lab file: it reaches around the lab (memory, system calls, other programs or the test framework)",
			"%s tidak boleh ada di file lab: ia menembus batas lab (memori, system call, program lain, atau framework test)",
		}
	case StaticConfineExit:
		return Message{
			"%s is not allowed in a lab file: it can end the program with any status, even the one that says the lab's checks passed: return from run instead",
			"%s tidak boleh ada di file lab: ia bisa mengakhiri program dengan status apa pun, bahkan status yang menandakan pemeriksaan lab lulus: cukup return dari run",
		}
	case StaticRefused:
		return Message{
			"Until it is gone the program is not built or run, so nothing else was checked.",
			"Selama itu masih ada, program tidak di-build maupun dijalankan, jadi belum ada hal lain yang diperiksa.",
		}
	case StaticExit:
		return Message{
			"%s ends the program before the lab's checks run (leaked goroutines, lost results): return from run instead",
			"%s mengakhiri program sebelum pemeriksaan lab berjalan (goroutine yang bocor, hasil yang hilang): cukup return dari run",
		}

	case VetWaitGroupTitle:
		return Message{"%s.Add inside the goroutine it counts", "%s.Add di dalam goroutine yang dihitungnya"}
	case VetWaitGroup:
		return Message{
			"the goroutine counts itself only once it runs, so %[1]s.Wait can return before it has even started: whoever waits goes on while goroutines still work",
			"goroutine ini baru menghitung dirinya sendiri setelah berjalan, jadi %[1]s.Wait bisa selesai sebelum goroutine itu mulai: yang menunggu lanjut padahal goroutine masih bekerja",
		}
	case RaceFromAdd:
		return Message{
			"this race follows from %[1]s.Add inside the goroutine: %[1]s.Wait returned before that goroutine was counted, so nothing ordered the two accesses",
			"race ini berasal dari %[1]s.Add di dalam goroutine: %[1]s.Wait selesai sebelum goroutine itu terhitung, jadi tidak ada yang mengurutkan kedua akses itu",
		}
	case RaceFromAtomic:
		return Message{
			"this race follows from assigning the atomic function's result back to %[1]s: that assignment is a plain write, which no atomic orders",
			"race ini berasal dari penulisan hasil fungsi atomik kembali ke %[1]s: penulisan itu adalah penulisan biasa, yang tidak diurutkan oleh operasi atomik apa pun",
		}
	case VetCopyTitle:
		return Message{"A %s copied by value", "%s tersalin sebagai nilai"}
	case VetCopyTitleAn:
		return Message{"An %s copied by value", "%s tersalin sebagai nilai"}
	case VetCopyHolds:
		return Message{"%s (which holds a %s)", "%s (yang berisi %s)"}
	case VetCopyHoldsAn:
		return Message{"%s (which holds an %s)", "%s (yang berisi %s)"}
	case VetCopyParam:
		return Message{"%s takes its %s by value: every call works on a copy", "%s menerima %s sebagai nilai: setiap panggilan bekerja pada salinannya"}
	case VetCopyParamLit:
		return Message{"this function takes its %[2]s by value: every call works on a copy", "fungsi ini menerima %[2]s sebagai nilai: setiap panggilan bekerja pada salinannya"}
	case VetCopyAssign:
		return Message{"%s gets a copy of the %s", "%s mendapat salinan dari %s"}
	case VetCopyRange:
		return Message{"the loop's %s is a copy of each %s", "%s milik loop ini adalah salinan dari setiap %s"}
	case VetCopyCall:
		return Message{"the call of %s gets a copy of the %s", "panggilan %s mendapat salinan dari %s"}
	case VetCopyReturn:
		return Message{"this return hands back a copy of the %[2]s", "return ini mengembalikan salinan dari %[2]s"}
	case VetCopyOther:
		return Message{"this line copies a %[2]s", "baris ini menyalin %[2]s"}
	case VetCopyWhy:
		return Message{
			"Each copy is a different lock: goroutines that lock different copies never wait for each other, so the lock protects nothing.",
			"Setiap salinan adalah kunci yang berbeda: goroutine yang mengunci salinan yang berbeda tidak pernah saling menunggu, jadi kuncinya tidak melindungi apa pun.",
		}
	case VetCopyWhyWG:
		return Message{
			"Each copy keeps its own count: a Done on a copy never counts down the WaitGroup that Wait waits on, so Wait never returns.",
			"Setiap salinan punya hitungannya sendiri: Done pada salinan tidak pernah mengurangi hitungan WaitGroup yang ditunggu Wait, jadi Wait tidak pernah selesai.",
		}
	case VetCopyWhyAtomic:
		return Message{
			"Each copy is a separate value: an update made to a copy never reaches the original, so it is lost.",
			"Setiap salinan adalah nilai yang terpisah: perubahan pada salinan tidak pernah sampai ke aslinya, jadi perubahan itu hilang.",
		}
	case VetLostCancelTitle:
		return Message{"A context that is never cancelled", "Context yang tidak pernah dibatalkan"}
	case VetCancelDiscarded:
		return Message{"the cancel function %s returns is thrown away: nothing can ever cancel this context", "fungsi cancel yang dikembalikan %s dibuang: tidak ada yang bisa membatalkan context ini"}
	case VetCancelPaths:
		return Message{"on some path from here %s is never called", "di salah satu jalur dari sini %s tidak pernah dipanggil"}
	case VetCancelReturn:
		return Message{"this return leaves without calling %s (defined at line %s)", "return ini keluar tanpa memanggil %s (didefinisikan di baris %s)"}
	case VetLostCancelWhy:
		return Message{
			"A context that is never cancelled keeps what it holds (its timer, the goroutines watching it) until its parent ends: a leak, one per call.",
			"Context yang tidak pernah dibatalkan menahan semua yang dipegangnya (timer-nya, goroutine yang mengawasinya) sampai induknya berakhir: sebuah kebocoran, satu untuk setiap panggilan.",
		}
	case VetAtomicTitle:
		return Message{"An atomic update assigned back", "Hasil operasi atomik ditulis ulang"}
	case VetAtomic:
		return Message{
			"the atomic function already updated %[1]s; assigning its result back to %[1]s is a plain write, not atomic, and races with the other goroutines' updates",
			"fungsi atomik sudah memperbarui %[1]s; menulis hasilnya kembali ke %[1]s adalah penulisan biasa, bukan atomik, dan bertabrakan (race) dengan pembaruan dari goroutine lain",
		}
	case VetLoadStoreTitle:
		return Message{"A read-modify-write of %s split in two", "Baca-ubah-tulis %s yang terbelah dua"}
	case VetLoadStoreLoad:
		return Message{"here Load reads %s", "di sini Load membaca %s"}
	case VetLoadStore:
		return Message{
			"and here a separate Store writes back a value computed from it: an update another goroutine makes in between is overwritten, as with a plain %[1]s++",
			"dan di sini Store yang terpisah menulis kembali nilai yang dihitung darinya: pembaruan dari goroutine lain di antara keduanya tertimpa, sama seperti %[1]s++ biasa",
		}
	case VetLoadStoreWhy:
		return Message{
			"Each step is atomic, so the race detector stays silent, but the two together are not: the read, the change and the write must be one step.",
			"Setiap langkahnya atomik, jadi race detector diam saja, tetapi gabungan keduanya tidak: membaca, mengubah, dan menulis harus menjadi satu langkah.",
		}
	case VetLoadSwap:
		return Message{
			"and here a separate Swap writes back a value computed from it: an update another goroutine makes in between is overwritten, as with a plain %[1]s++",
			"dan di sini Swap yang terpisah menulis kembali nilai yang dihitung darinya: pembaruan dari goroutine lain di antara keduanya tertimpa, sama seperti %[1]s++ biasa",
		}
	case VetLoadCAS:
		return Message{
			"and here a single CompareAndSwap writes a value computed from it, with no retry: when another goroutine changes %[1]s in between, it fails and this update is silently dropped",
			"dan di sini satu CompareAndSwap menulis nilai yang dihitung darinya, tanpa diulang: kalau goroutine lain mengubah %[1]s di antara keduanya, CompareAndSwap gagal dan pembaruan ini hilang begitu saja",
		}
	case VetLoadCASWhy:
		return Message{
			"A CompareAndSwap fails when the value changed since the Load, and then nothing is written: it is only a complete update in a loop that loads again and retries until it succeeds.",
			"CompareAndSwap gagal kalau nilainya sudah berubah sejak Load, dan saat itu tidak ada yang ditulis: ia baru menjadi pembaruan yang utuh di dalam loop yang memanggil Load lagi dan mencoba ulang sampai berhasil.",
		}
	case VetAddLoadTitle:
		return Message{"A decision on %s taken from a separate Load", "Keputusan tentang %s diambil dari Load yang terpisah"}
	case VetAddLoadAdd:
		return Message{"here Add changes %s, and the new value it returns is thrown away", "di sini Add mengubah %s, dan nilai baru yang dikembalikannya dibuang"}
	case VetAddLoad:
		return Message{
			"and here a separate Load reads %s again to decide: another goroutine's Add can land in between, so two goroutines can see the same value (both close, say) and another value is seen by none",
			"dan di sini Load yang terpisah membaca %s lagi untuk memutuskan: Add dari goroutine lain bisa terjadi di antaranya, jadi dua goroutine bisa melihat nilai yang sama (misalnya keduanya melakukan close) dan ada nilai yang tidak dilihat siapa pun",
		}
	case VetAddLoadWhy:
		return Message{
			"Add changes the value and returns the result in one atomic step: that result is this goroutine's alone. A later Load reads whatever the variable holds by then, after the other goroutines' updates.",
			"Add mengubah nilai dan mengembalikan hasilnya dalam satu langkah atomik: hasil itu hanya milik goroutine ini. Load sesudahnya membaca apa pun isi variabel saat itu, setelah pembaruan dari goroutine lain.",
		}
	case VetTornTitle:
		return Message{"Two values read in two separate critical sections", "Dua nilai dibaca di dua critical section yang terpisah"}
	case VetTorn:
		return Message{"%s and %s are read under %s in two separate holds and returned together", "%s dan %s dibaca di bawah %s dalam dua kali penguncian yang terpisah lalu dikembalikan bersama"}
	case VetTornWhy:
		return Message{
			"Each read is locked, so no data race is reported, but between the two holds another goroutine can change both: the pair returned can mix an old value with a new one, a state the program was never in.",
			"Setiap pembacaan dikunci, jadi tidak ada data race yang dilaporkan, tetapi di antara dua penguncian itu goroutine lain bisa mengubah keduanya: pasangan yang dikembalikan bisa mencampur nilai lama dengan nilai baru, keadaan yang tidak pernah dialami program.",
		}
	case VetSplitLockTitle:
		return Message{"A read-modify-write of %s split across two critical sections", "Baca-ubah-tulis %s yang terbelah di dua critical section"}
	case VetSplitLockRead:
		return Message{"here %s is read while %s is held, and then %[2]s is unlocked", "di sini %s dibaca selagi %s dipegang, lalu %[2]s dibuka"}
	case VetSplitLock:
		return Message{
			"and here, with %[2]s locked again, %[1]s is written from what was read: an update another goroutine made while the lock was free is overwritten",
			"dan di sini, setelah %[2]s dikunci lagi, %[1]s ditulis dari hasil bacaan tadi: pembaruan yang dibuat goroutine lain selagi kuncinya lepas jadi tertimpa",
		}
	case VetSplitLockWhy:
		return Message{
			"Every access is locked, so the race detector stays silent, but the lock was let go between the read and the write: the read, the change and the write must be one critical section.",
			"Setiap akses sudah dikunci, jadi race detector diam saja, tetapi kuncinya dilepas di antara pembacaan dan penulisan: membaca, mengubah, dan menulis harus berada dalam satu critical section.",
		}
	case VetCheckActLockTitle:
		return Message{"A check of %s and its act in two critical sections", "Pemeriksaan %s dan tindakannya terpisah di dua critical section"}
	case VetCheckActLockTest:
		return Message{"here %s is tested while %s is held, and then %[2]s is unlocked", "di sini %s diperiksa selagi %s dipegang, lalu %[2]s dibuka"}
	case VetCheckActLock:
		return Message{
			"and here, with %[2]s locked again, %[1]s is written because of that test, without testing it again",
			"dan di sini, setelah %[2]s dikunci lagi, %[1]s ditulis karena hasil pemeriksaan tadi, tanpa diperiksa lagi",
		}
	case VetCheckActLockWhy:
		return Message{
			"The check and the act are in two critical sections: between them another goroutine can make the same check, and then both act (both load, both take the last place). Every access is locked, so the race detector stays silent.",
			"Pemeriksaan dan tindakannya berada di dua critical section: di antara keduanya goroutine lain bisa melakukan pemeriksaan yang sama, lalu keduanya bertindak (keduanya memuat, keduanya mengambil tempat terakhir). Setiap akses sudah dikunci, jadi race detector diam saja.",
		}
	case VetCheckActAtomicTitle:
		return Message{"A check of %s and its act in two atomic steps", "Pemeriksaan %s dan tindakannya terpisah dalam dua langkah atomik"}
	case VetCheckActAtomicLoad:
		return Message{"here Load reads %s, and the code tests it", "di sini Load membaca %s, lalu kodenya memeriksa nilai itu"}
	case VetCheckActAtomic:
		return Message{
			"and here a separate %[2]s sets %[1]s because of that test: two goroutines can both pass the check before either sets it",
			"dan di sini %[2]s yang terpisah mengisi %[1]s karena hasil pemeriksaan tadi: dua goroutine bisa sama-sama lolos pemeriksaan sebelum salah satunya mengisinya",
		}
	case VetCheckActAtomicWhy:
		return Message{
			"Each step is atomic, so the race detector stays silent, but the check and the act are two steps: both goroutines act (both close the channel, say).",
			"Setiap langkahnya atomik, jadi race detector diam saja, tetapi pemeriksaan dan tindakannya adalah dua langkah: kedua goroutine bertindak (misalnya keduanya melakukan close pada channel).",
		}

	case SpinTitle:
		return Message{"A loop that waits by spinning", "Loop yang menunggu sambil terus berputar"}
	case SpinPoll:
		return Message{
			"this loop checks %s over and over: nothing in it blocks, so it keeps running the whole time it waits for another goroutine",
			"loop ini memeriksa %s berulang-ulang: tidak ada yang memblok di dalamnya, jadi loop ini terus berjalan selama menunggu goroutine lain",
		}
	case SpinLock:
		return Message{
			"this loop calls %s over and over until it gets the lock: it never sleeps while another goroutine holds it",
			"loop ini memanggil %s berulang-ulang sampai mendapatkan kuncinya: ia tidak pernah tidur selama goroutine lain memegangnya",
		}
	case SpinSelect:
		return Message{
			"whenever no case of this select is ready, its default case sends the loop straight round again: it never blocks",
			"setiap kali belum ada case di select ini yang siap, case default-nya langsung memutar loop lagi: ia tidak pernah memblok",
		}
	case SpinTick:
		return Message{
			"the %s case of this select wakes the loop only to look again without waiting: it polls, again and again, instead of waiting for what it looks at",
			"case %s di select ini membangunkan loop hanya untuk memeriksa lagi tanpa menunggu: ia terus memeriksa berulang-ulang, bukannya menunggu hal yang diperiksanya",
		}
	case TimeGuessTitle:
		return Message{"A timer decides that everything has come", "Timer yang memutuskan bahwa semuanya sudah datang"}
	case TimeGuess:
		return Message{
			"when %s fires, the wait for %s ends and the program goes on as if everything had come",
			"ketika %s berbunyi, penantian pada %s berakhir dan program jalan terus seolah-olah semuanya sudah datang",
		}
	case TimeGuessWhy:
		return Message{
			"How long the other goroutines take is a guess, not synchronisation. While they are all quicker than the timer, every run passes; a slower one is cut off: its result is lost and its goroutine is stuck on its send.",
			"Berapa lama goroutine lain bekerja hanyalah tebakan, bukan sinkronisasi. Selama semuanya lebih cepat daripada timer-nya, setiap run lulus; yang lebih lambat terpotong: hasilnya hilang dan goroutine-nya macet pada pengirimannya.",
		}
	case CancelFirstTitle:
		return Message{"The error is kept after the cancel", "Error disimpan setelah pembatalan"}
	case CancelFirst:
		return Message{
			"%s comes before %s is handed on",
			"%s dipanggil sebelum %s diteruskan",
		}
	case CancelFirstWhy:
		return Message{
			"The moment the cancel returns, the goroutines it gave up on return context.Canceled, and any of them can hand its error on first: the error reported is then one the program caused, not the failure. A run rarely shows it, because the goroutine that cancels usually keeps the CPU until it blocks.",
			"Begitu cancel kembali, goroutine-goroutine yang dibatalkannya mengembalikan context.Canceled, dan salah satunya bisa meneruskan error-nya lebih dulu: error yang dilaporkan lalu berasal dari program sendiri, bukan dari kegagalannya. Satu run jarang memperlihatkannya, karena goroutine yang membatalkan biasanya tetap memegang CPU sampai ia memblok.",
		}
	case AddOrderTitle:
		return Message{"A goroutine counted after it starts", "Goroutine dihitung setelah ia mulai"}
	case AddOrder:
		return Message{
			"%s runs only after the go statement above it has started the goroutine it counts",
			"%s baru berjalan setelah pernyataan go di atasnya memulai goroutine yang dihitungnya",
		}
	case AddOrderWhy:
		return Message{
			"The new goroutine may finish, and call Done, before the Add: the counter goes below zero and the program panics, or a Wait that runs meanwhile returns too early. A run shows it only when the goroutine is very quick, so many runs pass.",
			"Goroutine baru itu bisa selesai, dan memanggil Done, sebelum Add: penghitungnya menjadi di bawah nol dan program panic, atau Wait yang berjalan saat itu kembali terlalu cepat. Sebuah run hanya memperlihatkannya jika goroutine itu sangat cepat, jadi banyak run yang lulus.",
		}
	case TryLockTitle:
		return Message{"Work skipped when the lock is busy", "Pekerjaan dilewati saat kuncinya sedang dipakai"}
	case TryLock:
		return Message{
			"when another goroutine holds the lock, %s fails and the work it guards is skipped",
			"saat goroutine lain memegang kuncinya, %s gagal dan pekerjaan yang dijaganya dilewati",
		}
	case TryLockWhy:
		return Message{
			"Nothing races, so the race detector stays silent, but the update is lost, not delayed. A run loses one only when two goroutines meet at that very moment, so many runs pass.",
			"Tidak ada yang berebut, jadi race detector diam saja, tetapi pembaruannya hilang, bukan tertunda. Sebuah run kehilangan satu pembaruan hanya jika dua goroutine bertemu tepat pada saat itu, jadi banyak run yang lulus.",
		}
	case WakeOrderTitle:
		return Message{"A wake-up sent before the change", "Bangunkan dikirim sebelum perubahannya"}
	case WakeOrder:
		return Message{"%s wakes the waiters before %s is changed, outside the lock", "%s membangunkan yang menunggu sebelum %s diubah, di luar kunci"}
	case WakeOrderWhy:
		return Message{
			"A goroutine woken this early can take the lock before the change, see the old state, and Wait again: nobody wakes it after that (a lost wake-up). Whether it happens depends on which goroutine gets the lock first, so many runs pass.",
			"Goroutine yang dibangunkan sedini ini bisa mengambil kunci sebelum perubahan, melihat keadaan lama, lalu Wait lagi: setelah itu tidak ada yang membangunkannya (wake-up yang hilang). Terjadi atau tidak bergantung pada goroutine mana yang lebih dulu mendapat kunci, jadi banyak run yang lulus.",
		}
	case SpinWhy:
		return Message{
			"A goroutine that waits by checking again and again keeps a CPU core busy doing nothing, and takes that time from the goroutines it waits for. A run shows it only when the goroutine it waits for is slow, but in a real program the wait can be long.",
			"Goroutine yang menunggu dengan memeriksa berulang-ulang membuat satu core CPU sibuk tanpa mengerjakan apa pun, dan mengambil waktu itu dari goroutine yang ditunggunya. Sebuah run hanya memperlihatkannya jika goroutine yang ditunggu lambat, padahal dalam program sungguhan penantiannya bisa lama.",
		}
	case BusyWaitTitle:
		return Message{"A goroutine waits by spinning", "Ada goroutine yang menunggu sambil terus berputar"}
	case BusyWaitWhere:
		return Message{"%s was still running here after %s of waiting", "%s masih berjalan di sini setelah menunggu %s"}
	case BusyWaitLoop:
		return Message{"%s goes round and round this loop while it waits: nothing in it blocks", "%s terus berputar di loop ini selama menunggu: tidak ada yang memblok di dalamnya"}
	case BusyWaitSelect:
		return Message{"%s goes round this select, whose default case lets it go on at once: it never blocks", "%s terus berputar di select ini, yang case default-nya membuatnya langsung lanjut: ia tidak pernah memblok"}
	case BusyWaitWhy:
		return Message{
			"The program waited for every other goroutine to block (on a channel, a lock, a WaitGroup) before the event, and this one never did. A goroutine that spins keeps a CPU core busy doing nothing, and takes that time from the goroutines it waits for.",
			"Sebelum peristiwanya terjadi, program menunggu setiap goroutine lain memblok (pada channel, kunci, atau WaitGroup), dan goroutine ini tidak pernah memblok. Goroutine yang terus berputar membuat satu inti CPU sibuk tanpa hasil, dan mengambil waktu itu dari goroutine yang ditunggunya.",
		}

	case MissedTitle:
		return Message{"Your test misses a bug: it passes against %s", "Tesmu melewatkan sebuah bug: tes itu lulus pada %s"}
	case MissedAbout:
		return Message{"%s has a bug: %s.", "%s punya bug: %s."}
	case MissedNoAbout:
		return Message{"%s is a version of the code with a bug.", "%s adalah versi kode yang punya bug."}
	case MissedWhy:
		return Message{
			"Your test is run against several versions of the code: every correct one must pass it, and every one with a bug must fail it, every run. A test that passes a bug does not protect the code from it.",
			"Tesmu dijalankan pada beberapa versi kode: setiap versi yang benar harus lulus, dan setiap versi yang punya bug harus gagal, di setiap run. Tes yang meloloskan bug tidak melindungi kode dari bug itu.",
		}
	case AlarmTitle:
		return Message{"Your test fails against %s, which is correct", "Tesmu gagal pada %s, padahal versi itu benar"}
	case AlarmPrinted:
		return Message{"what your test printed:", "yang dicetak tesmu:"}
	case AlarmWhy:
		return Message{
			"The correct versions differ only inside (a lock, an atomic, another way to store the data), never in what they do: a test that tells them apart checks how the code works, not whether it works.",
			"Versi-versi yang benar hanya berbeda di bagian dalamnya (kunci, atomik, cara lain menyimpan data), tidak pernah pada apa yang dilakukannya: tes yang membedakan mereka memeriksa cara kode bekerja, bukan apakah kode itu bekerja.",
		}
	case TestHangTitle:
		return Message{"Deadlock: your test never finished (stopped after %s)", "Deadlock: tesmu tidak pernah selesai (dihentikan setelah %s)"}
	case TestAgainst:
		return Message{"This happened against %s, a correct version of the code: the fault is in the test.", "Ini terjadi pada %s, versi kode yang benar: kesalahannya ada di tes."}

	case UnwaitedTitle:
		return Message{"run returned before its goroutines were done", "run selesai sebelum goroutine-nya selesai"}
	case UnwaitedWhere:
		return Message{"goroutines started here were still working when run returned", "goroutine yang dimulai di sini masih bekerja saat run selesai"}
	case UnwaitedPrinted:
		return Message{"They printed %d more bytes after run returned.", "Goroutine itu masih mencetak %d byte lagi setelah run selesai."}
	case UnwaitedWhy:
		return Message{
			"A real program loses this output, and whatever else they had left to do: its process ends as soon as main returns. Wait for them.",
			"Program sungguhan kehilangan output ini, dan apa pun yang belum sempat mereka kerjakan: prosesnya berakhir begitu main selesai. Tunggu mereka.",
		}
	case EarlyExitTitle:
		return Message{"The program ended before run returned", "Program berhenti sebelum run selesai"}
	case EarlyExitWhy:
		return Message{
			"It exited with status 0 without going back through the end of run, so none of the lab's checks ran: goroutines left behind, tasks at once, the answer.",
			"Program keluar dengan status 0 tanpa kembali melewati akhir run, jadi tidak satu pun pemeriksaan lab yang berjalan: goroutine yang tertinggal, tugas yang berjalan bersamaan, jawabannya.",
		}

	case BuildTitle:
		return Message{"The program does not compile", "Program tidak bisa dikompilasi"}

	case ScriptTitle:
		return Message{"A check failed: %s", "Sebuah pemeriksaan gagal: %s"}
	case ScriptExit:
		return Message{"the program exited with status %d", "program keluar dengan status %d"}
	case ScriptUnwantedStderr:
		return Message{
			"This check expects the program to print nothing on stderr, debugging output included.",
			"Pemeriksaan ini mengharapkan program tidak mencetak apa pun ke stderr, termasuk output untuk debug.",
		}
	case ScriptPrinted:
		return Message{"what the program printed on %s:", "yang dicetak program ke %s:"}
	case ScriptAudit:
		return Message{
			"The lab's own code, which watches what your program does, saw a mistake the output cannot show, and reported it (this is not a print of yours):",
			"Kode milik lab, yang mengawasi apa yang dilakukan programmu, melihat kesalahan yang tidak terlihat di output, dan melaporkannya (ini bukan cetakanmu):",
		}

	case AdviceRaceWaitGroup:
		return Message{
			"Make the goroutine that uses %s wait until the goroutines writing it are done: this lab asks for a sync.WaitGroup.",
			"Buat goroutine yang memakai %s menunggu sampai goroutine yang menulisnya selesai: lab ini meminta sync.WaitGroup.",
		}
	case AdviceRaceMutex:
		return Message{
			"Lock the same sync.Mutex around every access to %s, reads as well as writes.",
			"Kunci sync.Mutex yang sama di sekitar setiap akses ke %s, baik membaca maupun menulis.",
		}
	case AdviceRaceRWMutex:
		return Message{
			"Guard every access to %s with the same sync.RWMutex: RLock where it is read, Lock where it is written.",
			"Lindungi setiap akses ke %s dengan sync.RWMutex yang sama: RLock saat membaca, Lock saat menulis.",
		}
	case AdviceRaceAtomic:
		return Message{
			"Make %s an atomic value (sync/atomic), so that each update is one step no other goroutine can cut into.",
			"Jadikan %s nilai atomik (sync/atomic), supaya setiap perubahan menjadi satu langkah yang tidak bisa disela goroutine lain.",
		}
	case AdviceRaceChannel:
		return Message{
			"Stop sharing %s: let one goroutine own it, and have the others send it what they have over a channel.",
			"Berhenti berbagi %s: biarkan satu goroutine yang memilikinya, dan goroutine lain mengirimkan datanya lewat channel.",
		}
	case AdviceRaceOnce:
		return Message{
			"Let sync.Once do the initialisation, so that it runs once and before anyone uses %s.",
			"Biarkan sync.Once yang melakukan inisialisasi, supaya berjalan sekali saja dan sebelum ada yang memakai %s.",
		}
	case AdviceRaceAny:
		return Message{
			"Make one access to %s happen before the other: a WaitGroup, a mutex, a channel or an atomic can each do it.",
			"Buat akses yang satu ke %s terjadi sebelum yang lain: WaitGroup, mutex, channel, atau atomic masing-masing bisa melakukannya.",
		}
	case AdviceRaceSome:
		return Message{
			"Make one access to %s happen before the other, with %s.",
			"Buat akses yang satu ke %s terjadi sebelum yang lain, dengan %s.",
		}
	case AdviceCloseAfterSends:
		return Message{
			"Close a channel only after every send on it has finished: the side that sends is the side that closes.",
			"Tutup channel hanya setelah semua pengiriman ke channel itu selesai: pihak yang mengirim adalah pihak yang menutup.",
		}
	case AdviceCloseOnce:
		return Message{"Close each channel exactly once, from the one goroutine that owns it.", "Tutup setiap channel tepat satu kali, dari satu goroutine yang memilikinya."}
	case AdviceCloseNil:
		return Message{"Create the channel with make before closing it.", "Buat channel dengan make sebelum menutupnya."}
	case AdviceNegativeWaitGroup:
		return Message{"Call Done exactly once for every Add(1): here Done ran more often than Add.", "Panggil Done tepat satu kali untuk setiap Add(1): di sini Done dipanggil lebih sering daripada Add."}
	case AdviceUnlockUnlocked:
		return Message{"Unlock only a mutex you locked, and only once.", "Unlock hanya mutex yang sudah kamu kunci, dan hanya sekali."}
	case AdviceNilMap:
		return Message{"Create the map with make before writing to it.", "Buat map dengan make sebelum menulis ke dalamnya."}
	case AdviceNilPointer:
		return Message{"A pointer was nil on this line: make sure it is set before it is used.", "Ada pointer yang nil di baris ini: pastikan sudah diisi sebelum dipakai."}
	case AdviceIndex:
		return Message{"An index was outside the slice: check the loop's bounds against the length.", "Ada indeks di luar slice: periksa batas loop terhadap panjangnya."}
	case AdviceIndexEmpty:
		return Message{
			"The slice was still empty when it was read: it may be read before the goroutine that fills it has finished (wait for that goroutine first), or the loop's bounds do not match the length.",
			"Slice-nya masih kosong saat dibaca: mungkin dibaca sebelum goroutine yang mengisinya selesai (tunggu goroutine itu dulu), atau batas loop tidak sesuai dengan panjangnya.",
		}
	case AdvicePanic:
		return Message{"Read the message and the line above: that is where the program stopped.", "Baca pesannya dan baris di atas: di situlah program berhenti."}
	case AdvicePanicElsewhere:
		return Message{
			"The program stopped outside your files: the message above says what went wrong.",
			"Program berhenti di luar file kamu: pesan di atas menjelaskan apa yang salah.",
		}
	case AdviceLeakSend:
		return Message{
			"Nobody will ever receive what is being sent: make sure every value sent has a receiver, or room in a buffered channel.",
			"Tidak akan ada yang menerima nilai yang dikirim: pastikan setiap nilai yang dikirim punya penerima, atau ada ruang di channel ber-buffer.",
		}
	case AdviceLeakReceive:
		return Message{
			"Nothing will ever be sent on that channel again: close it when the sending is over (a for-range loop stops at close).",
			"Tidak akan ada lagi yang dikirim ke channel itu: tutup channel setelah pengiriman selesai (loop for-range berhenti saat channel ditutup).",
		}
	case AdviceLeakSelect:
		return Message{
			"None of the select's cases will ever be ready: give the goroutine a way out, such as a channel that is closed when its work is no longer needed.",
			"Tidak ada case di select yang akan pernah siap: beri goroutine jalan keluar, misalnya channel yang ditutup saat pekerjaannya tidak dibutuhkan lagi.",
		}
	case AdviceLeakLock:
		return Message{
			"It waits for a lock that is never unlocked: make sure every Lock has its Unlock on every path.",
			"Goroutine ini menunggu kunci yang tidak pernah dibuka: pastikan setiap Lock punya Unlock di setiap jalur.",
		}
	case AdviceLeakWaitGroup:
		return Message{"The WaitGroup's count never gets back to zero: every Add needs its Done.", "Hitungan WaitGroup tidak pernah kembali ke nol: setiap Add membutuhkan Done-nya."}
	case AdviceLeakElsewhere:
		return Message{
			"Read the comment of the function your file calls there: it says how to make its goroutine stop (a context you cancel, a channel you close). Give it that before run returns.",
			"Baca komentar fungsi yang dipanggil file kamu di sana: komentar itu menjelaskan cara menghentikan goroutine-nya (context yang kamu batalkan, channel yang kamu tutup). Berikan itu sebelum run selesai.",
		}
	case AdviceLeakOther:
		return Message{"Make sure every goroutine you start can finish before main returns.", "Pastikan setiap goroutine yang kamu jalankan bisa selesai sebelum main selesai."}
	case AdviceDeadlockCycle:
		return Message{
			"Make every goroutine take the locks in the same order, so that no two of them can each hold what the other one wants.",
			"Buat setiap goroutine mengambil kunci dengan urutan yang sama, supaya tidak ada dua goroutine yang saling memegang kunci yang diinginkan yang lain.",
		}
	case AdviceDeadlockSelf:
		return Message{
			"Lock it once on each path: split the function that locks it again into one that locks and one that expects the lock already held (for example value() beside Value()), and call the second where the lock is held.",
			"Kunci sekali saja di setiap jalur: pecah fungsi yang menguncinya lagi menjadi satu yang mengunci dan satu yang menganggap kunci sudah dipegang (misalnya value() di samping Value()), lalu panggil yang kedua di tempat kunci sedang dipegang.",
		}
	case AdviceDeadlockSelfSame:
		return Message{
			"Each Lock needs its Unlock before the same goroutine locks that mutex again: on this path the second Lock comes while the first is still held.",
			"Setiap Lock membutuhkan Unlock-nya sebelum goroutine yang sama mengunci mutex itu lagi: di jalur ini Lock kedua datang saat yang pertama masih dipegang.",
		}
	case AdviceDeadlockLock:
		return Message{
			"Find where that lock was taken and make sure every path unlocks it (defer mu.Unlock() right after mu.Lock() helps).",
			"Cari di mana kunci itu diambil dan pastikan setiap jalur membukanya (defer mu.Unlock() tepat setelah mu.Lock() membantu).",
		}
	case AdviceDeadlockChannel:
		return Message{
			"Check that every receive has a matching send (or a close), and every send a receiver.",
			"Pastikan setiap penerimaan punya pengiriman yang cocok (atau close), dan setiap pengiriman punya penerima.",
		}
	case AdviceTorn:
		return Message{
			"Read the values that belong together under one hold of the lock.",
			"Baca nilai-nilai yang saling terkait di bawah satu kali penguncian.",
		}
	case AdviceWakeOrder:
		return Message{
			"Make the change first, under the lock, and Signal or Broadcast after it.",
			"Lakukan perubahannya dulu, di bawah kunci, lalu Signal atau Broadcast sesudahnya.",
		}
	case AdviceDeadlockLate:
		return Message{
			"The slow answer comes only once the program no longer needs it: return without waiting for it, and give the goroutine that brings it a way to finish on its own (room in a buffered channel, or a done channel it can select on).",
			"Jawaban yang lambat baru datang setelah program tidak membutuhkannya lagi: kembalilah tanpa menunggunya, dan beri goroutine yang membawanya cara untuk selesai sendiri (ruang di channel ber-buffer, atau channel done yang bisa ia select).",
		}
	case AdviceDeadlockOther:
		return Message{"Look at what each goroutine waits for, and who was supposed to let it go on.", "Lihat apa yang ditunggu setiap goroutine, dan siapa yang seharusnya membuatnya bisa lanjut."}
	case AdviceSerialLock:
		return Message{
			"Hold the lock only around the shared data, never around the slow work, and keep a go statement for every task.",
			"Pegang kunci hanya di sekitar data bersama, jangan di sekitar pekerjaan yang lambat, dan tetap pakai pernyataan go untuk setiap tugas.",
		}
	case AdviceWindowSkipped:
		return Message{
			"Keep calling %s where the program shipped it, and make the fix around it.",
			"Tetap panggil %s di tempat aslinya dalam program, dan buat perbaikannya di sekitarnya.",
		}
	case AdviceSerialGo:
		return Message{
			"Start every task with go first, and wait for them only after all of them have started.",
			"Jalankan dulu setiap tugas dengan go, dan tunggu semuanya hanya setelah semuanya sudah dimulai.",
		}
	case AdviceCheckThenAct:
		return Message{
			"Make the check and the act one step that no other goroutine can cut into.",
			"Jadikan pemeriksaan dan tindakan satu langkah yang tidak bisa disela goroutine lain.",
		}
	case AdviceCheckThenActMutex:
		return Message{
			"Hold one lock from the check all the way to the act, so that no other goroutine can slip in between.",
			"Pegang satu kunci dari pemeriksaan sampai tindakan, supaya tidak ada goroutine lain yang bisa menyelip di antaranya.",
		}
	case AdviceReportedCancel:
		return Message{
			"Report the error that made you cancel, the first in time (not the first by position): keep it before you call cancel (under the lock, in the sync.Once, or returned to the errgroup), and let no later error replace it.",
			"Laporkan error yang membuatmu membatalkan, yaitu yang pertama menurut waktu (bukan menurut urutan posisi): simpan sebelum kamu memanggil cancel (di bawah lock, di dalam sync.Once, atau dikembalikan ke errgroup), dan jangan biarkan error yang datang kemudian menggantikannya.",
		}
	case AdviceWrongOutput:
		return Message{
			"Look for a send that can be dropped (a select with a default case), an update made to a copy (a value receiver, a struct passed by value), or a value read before it was ready or after another goroutine changed it.",
			"Cari pengiriman yang bisa terbuang (select dengan case default), perubahan yang dibuat pada salinan (receiver berupa nilai, struct yang dioper sebagai nilai), atau nilai yang dibaca sebelum siap atau setelah goroutine lain mengubahnya.",
		}
	case AdviceStaticFixKind:
		return Message{"Make the fix with %s.", "Buat perbaikannya dengan %s."}
	case AdviceUnwaited:
		return Message{"Wait for every goroutine before run returns, with %s.", "Tunggu setiap goroutine sebelum run selesai, dengan %s."}
	case AdviceEarlyExit:
		return Message{
			"Let run return normally: no os.Exit, log.Fatal or runtime.Goexit, and no flag that stops the program (such as -h).",
			"Biarkan run selesai dengan normal: jangan pakai os.Exit, log.Fatal, atau runtime.Goexit, dan jangan pakai flag yang menghentikan program (misalnya -h).",
		}
	case AdviceWaitGroupAddUnnamed:
		return Message{
			"Add ran while Wait was already waiting, so Wait may return before that goroutine was counted: call Add before the go statement (or Add(n) once, before the loop), and keep only Done in the goroutine.",
			"Add berjalan saat Wait sudah menunggu, jadi Wait bisa selesai sebelum goroutine itu terhitung: panggil Add sebelum pernyataan go (atau Add(n) sekali, sebelum loop), dan sisakan hanya Done di dalam goroutine.",
		}
	case AdviceWaitGroupAdd:
		return Message{
			"Call %[1]s.Add(1) before the go statement (or %[1]s.Add(n) once, before the loop), and keep only %[1]s.Done in the goroutine.",
			"Panggil %[1]s.Add(1) sebelum pernyataan go (atau %[1]s.Add(n) sekali, sebelum loop), dan sisakan hanya %[1]s.Done di dalam goroutine.",
		}
	case AdviceCopyLock:
		return Message{
			"Share one %[1]s through a pointer (*%[1]s): a pointer receiver or parameter, a slice or map of pointers, so that every goroutine locks the same mutex.",
			"Bagikan satu %[1]s lewat pointer (*%[1]s): receiver atau parameter pointer, slice atau map berisi pointer, supaya setiap goroutine mengunci mutex yang sama.",
		}
	case AdviceCopyWaitGroup:
		return Message{
			"Share one %[1]s through a pointer (*%[1]s): a pointer parameter or receiver, so that every Done counts down the WaitGroup that Wait waits on.",
			"Bagikan satu %[1]s lewat pointer (*%[1]s): parameter atau receiver pointer, supaya setiap Done mengurangi hitungan WaitGroup yang ditunggu Wait.",
		}
	case AdviceCopyAtomic:
		return Message{
			"Share one %[1]s through a pointer (*%[1]s): a pointer receiver or parameter, a slice or map of pointers, so that every goroutine updates the same value.",
			"Bagikan satu %[1]s lewat pointer (*%[1]s): receiver atau parameter pointer, slice atau map berisi pointer, supaya setiap goroutine memperbarui nilai yang sama.",
		}
	case AdviceLostCancel:
		return Message{
			"Call %[1]s on every path once the context is no longer needed: defer %[1]s() right after context.WithCancel or WithTimeout does it.",
			"Panggil %[1]s di setiap jalur setelah context tidak dibutuhkan lagi: defer %[1]s() tepat setelah context.WithCancel atau WithTimeout sudah cukup.",
		}
	case AdviceAtomicAssign:
		return Message{
			"Call the atomic function on its own, without assigning its result back (atomic.AddInt64(&n, 1)), or use an atomic.Int64 and its Add method.",
			"Panggil fungsi atomiknya saja, tanpa menulis hasilnya kembali (atomic.AddInt64(&n, 1)), atau pakai atomic.Int64 dan method Add-nya.",
		}
	case AdviceOtherKind:
		return Message{"Make the fix with %s: that is what this lab is for.", "Buat perbaikannya dengan %s: untuk itulah lab ini ada."}
	case AdviceOtherReaders:
		return Message{
			"Let the readers in together: RLock and RUnlock where the data is only read, Lock only where it is written.",
			"Biarkan para pembaca masuk bersamaan: RLock dan RUnlock di tempat data hanya dibaca, Lock hanya di tempat data ditulis.",
		}
	case AdviceOtherSerialised:
		return Message{
			"Lock only what conflicts: callers that do not touch the same data should not wait for each other (a lock per key, or the lock held only around the shared data).",
			"Kunci hanya yang bentrok: pemanggil yang tidak menyentuh data yang sama tidak perlu saling menunggu (satu kunci per key, atau kunci yang dipegang hanya di sekitar data bersama).",
		}
	case AdviceStaticFake:
		return Message{"Remove the call, and order the accesses with %s.", "Hapus panggilan itu, dan urutkan aksesnya dengan %s."}
	case AdviceStaticConfine:
		return Message{
			"Remove it: a fix needs only goroutines, sync, channels and the plain standard library.",
			"Hapus itu: perbaikannya cukup dengan goroutine, sync, channel, dan standard library biasa.",
		}
	case AdviceStaticOther:
		return Message{"Change the line the check points at.", "Ubah baris yang ditunjuk pemeriksaan itu."}
	case AdviceBuild:
		return Message{
			"Fix this first: nothing else can be checked until the program compiles.",
			"Perbaiki ini dulu: tidak ada yang bisa diperiksa sebelum program bisa dikompilasi.",
		}
	case AdviceScript:
		return Message{
			"Run the program yourself with the same arguments and compare its output with what the check expects.",
			"Jalankan sendiri programnya dengan argumen yang sama dan bandingkan output-nya dengan yang diharapkan pemeriksaan itu.",
		}
	case AdviceLoadStore:
		return Message{
			"Make the read and the write of %s one atomic step: Add for a count or a sum, a CompareAndSwap loop for any other change, or one sync.Mutex held around both in every goroutine that changes it.",
			"Jadikan pembacaan dan penulisan %s satu langkah atomik: Add untuk hitungan atau jumlah, loop CompareAndSwap untuk perubahan lain, atau satu sync.Mutex yang dipegang di sekitar keduanya di setiap goroutine yang mengubahnya.",
		}
	case AdviceAddLoad:
		return Message{
			"Decide on the value %s's Add returns (if it is 0, close), not on a separate Load: each value is then seen by exactly one goroutine.",
			"Putuskan berdasarkan nilai yang dikembalikan Add pada %s (kalau hasilnya 0, lakukan close), bukan dari Load yang terpisah: dengan begitu setiap nilai dilihat tepat oleh satu goroutine.",
		}
	case AdviceCheckActLock:
		return Message{
			"Keep the check of %[1]s and the act under one hold of %[2]s, or test %[1]s again after locking %[2]s again, before writing it.",
			"Letakkan pemeriksaan %[1]s dan tindakannya di bawah satu kali penguncian %[2]s, atau periksa %[1]s lagi setelah mengunci %[2]s kembali, sebelum menulisnya.",
		}
	case AdviceCheckActAtomic:
		return Message{
			"Use CompareAndSwap so that the check and the act are one step: %s.CompareAndSwap(false, true) succeeds for one goroutine only, and only that one acts.",
			"Pakai CompareAndSwap supaya pemeriksaan dan tindakannya menjadi satu langkah: %s.CompareAndSwap(false, true) hanya berhasil untuk satu goroutine, dan hanya goroutine itu yang bertindak.",
		}
	case AdviceSplitLock:
		return Message{
			"Hold %[2]s from the read of %[1]s to its write: one Lock, then the read, the change and the write, then one Unlock.",
			"Pegang %[2]s dari pembacaan %[1]s sampai penulisannya: satu Lock, lalu baca, ubah, dan tulis, lalu satu Unlock.",
		}
	case AdviceBusyWait:
		return Message{
			"Let the goroutine block until it is told: receive from a channel that is closed (or sent on) when the event happens, or Wait on a sync.Cond or a sync.WaitGroup; no select with a default, no loop that polls a flag.",
			"Biarkan goroutine itu memblok sampai diberi tahu: terima dari channel yang ditutup (atau dikirimi nilai) saat peristiwanya terjadi, atau Wait pada sync.Cond atau sync.WaitGroup; jangan pakai select dengan default, jangan pakai loop yang terus memeriksa flag.",
		}
	case AdviceCancelFirst:
		return Message{
			"Keep the error first, then cancel: store it under the lock (or in the sync.Once, or return it to the errgroup) and call cancel after, or cancel while you hold the lock you keep it under. A CancelCauseFunc does both at once: cancel(err) keeps the first cause, and context.Cause reads it.",
			"Simpan error-nya dulu, baru batalkan: simpan di bawah lock (atau di dalam sync.Once, atau kembalikan ke errgroup) lalu panggil cancel sesudahnya, atau batalkan selagi kamu memegang lock tempat error itu disimpan. CancelCauseFunc melakukan keduanya sekaligus: cancel(err) menyimpan penyebab pertama, dan context.Cause membacanya.",
		}
	case AdviceTimeGuess:
		return Message{
			"Wait for the goroutines themselves: receive exactly as many results as they send, or range over the channel and have the senders close it once a sync.WaitGroup says they are all done. Keep a timer only to give up with an error.",
			"Tunggulah goroutine-goroutine itu sendiri: terima hasil persis sebanyak yang mereka kirim, atau pakai range pada channel-nya dan biarkan pengirimnya menutupnya setelah sync.WaitGroup menyatakan semuanya selesai. Pakai timer hanya untuk menyerah dengan sebuah error.",
		}
	case AdviceAddOrder:
		return Message{
			"Call Add before the go statement (or Add the whole count once, before the loop), and keep Done inside the goroutine.",
			"Panggil Add sebelum pernyataan go (atau Add seluruh jumlahnya sekali, sebelum loop), dan biarkan Done tetap di dalam goroutine.",
		}
	case AdviceTryLock:
		return Message{
			"Take the lock with Lock (RLock for a reader): it waits until the lock is free, and then the work is done, every time.",
			"Ambil kuncinya dengan Lock (RLock untuk pembaca): ia menunggu sampai kuncinya bebas, lalu pekerjaannya dikerjakan, setiap kali.",
		}
	case AdviceSpinLock:
		return Message{
			"Take the lock with Lock (RLock for a reader): it blocks until the lock is free and uses no CPU while it waits. Never try again and again in a loop.",
			"Ambil kuncinya dengan Lock (RLock untuk pembaca): ia memblok sampai kuncinya bebas dan tidak memakai CPU selama menunggu. Jangan mencoba berulang-ulang di dalam loop.",
		}
	case AdviceMissed:
		return Message{
			"Make the test fail on this bug: call the code from many goroutines at once (under -race the race shows), run it many times (-count), check that no goroutine is left behind (goleak), or control time with testing/synctest.",
			"Buat tesnya gagal pada bug ini: panggil kodenya dari banyak goroutine sekaligus (dengan -race, race-nya terlihat), jalankan berkali-kali (-count), periksa bahwa tidak ada goroutine yang tertinggal (goleak), atau kendalikan waktu dengan testing/synctest.",
		}
	case AlarmLeakWhy:
		return Message{
			"The test's leak check found a goroutine of the correct version still running: the check ran before what stops that goroutine (its Close, its cancel). Deferred calls run last first, so a deferred VerifyNone(t) written after defer s.Close() runs before Close.",
			"Pemeriksaan kebocoran di tes menemukan goroutine dari versi yang benar masih berjalan: pemeriksaan itu berjalan sebelum hal yang menghentikan goroutine tersebut (Close-nya, cancel-nya). Pemanggilan defer berjalan dari yang terakhir, jadi VerifyNone(t) yang di-defer setelah defer s.Close() berjalan sebelum Close.",
		}
	case AdviceAlarmLeak:
		return Message{
			"Let the leak check come last: defer it before the defers that stop things, or call it after them.",
			"Biarkan pemeriksaan kebocoran berjalan paling akhir: tulis defer-nya sebelum defer yang menghentikan sesuatu, atau panggil setelahnya.",
		}
	case AdviceFalseAlarm:
		return Message{
			"Check behaviour, not internals: what the calls return and what is left afterwards, not which lock the code uses, how long it takes or in what order its goroutines run.",
			"Periksa perilaku, bukan bagian dalamnya: apa yang dikembalikan pemanggilan dan apa yang tersisa sesudahnya, bukan kunci mana yang dipakai kode, berapa lama waktunya, atau urutan goroutine-nya berjalan.",
		}
	case AdviceScriptStderr:
		return Message{
			"Remove the prints to stderr (log.Print writes there too) once you are done debugging.",
			"Hapus cetakan ke stderr (log.Print juga menulis ke sana) setelah selesai debug.",
		}
	case AdviceScriptAudit:
		return Message{
			"Do what the report says: it names the moment your code let happen. The lab's hints (make hint) explain the same mistake.",
			"Lakukan apa yang dikatakan laporan itu: laporan itu menyebut saat yang dibiarkan terjadi oleh kodemu. Petunjuk lab (make hint) menjelaskan kesalahan yang sama.",
		}
	}
	return lookupStudent(k)
}
