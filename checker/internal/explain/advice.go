package explain

import (
	"regexp"
	"slices"
	"strings"

	"github.com/racelab/racelab/checker/internal/i18n"
)

// advise chooses the problem's variable and its one sentence of advice.
// The advice points at the tool the lab teaches (its fix kinds) and at
// what is wrong, never at the finished fix: the student still writes it.
func advise(p *Problem) {
	switch p.Kind {
	case Race:
		for _, a := range p.Accesses {
			if a.Var != "" && (p.Var == "" || len(a.Var) < len(p.Var)) {
				p.Var = a.Var
			}
		}
		if slices.ContainsFunc(p.Accesses, func(a Access) bool { return a.Op == OpWaitGroupAdd }) && p.CauseCheck == "" {
			p.Advice = i18n.AdviceWaitGroupAddUnnamed
			return
		}
		if slices.ContainsFunc(p.Accesses, func(a Access) bool { return a.Op == OpChanClose }) {
			p.Advice = i18n.AdviceCloseAfterSends
			return
		}
		switch p.CauseCheck { // the race follows from it
		case vetWaitGroup:
			p.Advice = i18n.AdviceWaitGroupAdd
			return
		case vetAtomic:
			p.Advice = i18n.AdviceAtomicAssign
			return
		}
		p.Advice = raceAdvice(p.Fix)
	case ConcurrentMap:
		if len(p.Goroutines) > 0 {
			p.Var = p.Goroutines[0].On
		}
		p.Advice = raceAdvice(p.Fix)
	case Panic:
		p.Advice = panicAdvice(p.Message)
		if p.Advice == i18n.AdvicePanic && p.At.IsZero() {
			p.Advice = i18n.AdvicePanicElsewhere
		}
	case Leak:
		p.Advice = i18n.AdviceLeakOther
		if len(p.Goroutines) == 0 && len(p.Elsewhere) > 0 {
			p.Advice = i18n.AdviceLeakElsewhere
		}
		if len(p.Goroutines) > 0 {
			// Advise on the biggest group of stuck goroutines.
			most := p.Goroutines[0]
			for _, g := range p.Goroutines {
				if g.Count > most.Count {
					most = g
				}
			}
			switch most.Wait {
			case WaitSend:
				p.Advice = i18n.AdviceLeakSend
			case WaitReceive:
				p.Advice = i18n.AdviceLeakReceive
			case WaitSelect:
				p.Advice = i18n.AdviceLeakSelect
			case WaitLock, WaitRLock:
				p.Advice = i18n.AdviceLeakLock
			case WaitWaitGroup:
				p.Advice = i18n.AdviceLeakWaitGroup
			}
		}
	case Deadlock:
		p.Advice = deadlockAdvice(p)
	case NotConcurrent:
		switch {
		case p.Skipped:
			p.Advice = i18n.AdviceWindowSkipped
		case p.Most == 0 && p.Want > 0 && !p.Started:
			p.Advice = i18n.AdviceUnwaited
		case p.NoGo || p.Serial == SerialLoop || p.Started:
			p.Advice = i18n.AdviceSerialGo
		case p.Serial == SerialLock:
			p.Advice = i18n.AdviceSerialLock
		case p.Serial == SerialWait:
			p.Advice = i18n.AdviceSerialGo
		default:
			p.Advice = i18n.AdviceSerialGo
			if slices.Contains(p.Fix, "mutex") || slices.Contains(p.Fix, "rwmutex") {
				p.Advice = i18n.AdviceSerialLock
			}
		}
	case WrongOutput:
		switch {
		case p.ReportedCancel:
			p.Advice = i18n.AdviceReportedCancel
		case !p.CheckThenAct:
			p.Advice = i18n.AdviceWrongOutput
		case slices.Contains(p.Fix, "mutex") || slices.Contains(p.Fix, "rwmutex"):
			p.Advice = i18n.AdviceCheckThenActMutex
		default:
			p.Advice = i18n.AdviceCheckThenAct
		}
	case Static:
		switch p.StaticCheck {
		case "fixkind":
			p.Advice = i18n.AdviceStaticFixKind
		case "fakesync":
			p.Advice = i18n.AdviceStaticFake
		case "confine":
			p.Advice = i18n.AdviceStaticConfine
		case vetWaitGroup:
			p.Advice = i18n.AdviceWaitGroupAdd
		case vetCopyLocks:
			p.Advice = i18n.AdviceCopyLock
			if p.Copy != nil {
				switch p.Copy.Kind() {
				case CopyWaitGroup:
					p.Advice = i18n.AdviceCopyWaitGroup
				case CopyAtomic:
					p.Advice = i18n.AdviceCopyAtomic
				}
			}
		case vetLostCancel:
			p.Advice = i18n.AdviceLostCancel
		case vetAtomic:
			p.Advice = i18n.AdviceAtomicAssign
		case vetLoadStore:
			p.Advice = i18n.AdviceLoadStore
			switch {
			case p.Call == "Add":
				p.Advice = i18n.AdviceAddLoad
			case p.CheckThenAct:
				p.Advice = i18n.AdviceCheckActAtomic
			}
		case vetSplitLock:
			p.Advice = i18n.AdviceSplitLock
			switch {
			case p.CheckThenAct:
				p.Advice = i18n.AdviceCheckActLock
			case p.Torn:
				p.Advice = i18n.AdviceTorn
			}
		case vetSpin:
			p.Advice = i18n.AdviceBusyWait
			if p.Call != "" {
				p.Advice = i18n.AdviceSpinLock
			}
		case vetWakeOrder:
			p.Advice = i18n.AdviceWakeOrder
		case vetTryLock:
			p.Advice = i18n.AdviceTryLock
		case vetAddOrder:
			p.Advice = i18n.AdviceAddOrder
		case vetTimeGuess:
			p.Advice = i18n.AdviceTimeGuess
		case vetCancelFirst:
			p.Advice = i18n.AdviceCancelFirst
		default:
			p.Advice = i18n.AdviceStaticOther
		}
	case Unwaited:
		p.Advice = i18n.AdviceUnwaited
	case EarlyExit:
		p.Advice = i18n.AdviceEarlyExit
	case BusyWait:
		p.Advice = i18n.AdviceBusyWait
	case Missed:
		p.Advice = i18n.AdviceMissed
	case FalseAlarm:
		p.Advice = i18n.AdviceFalseAlarm
		for _, g := range p.Got {
			if strings.Contains(g, "found unexpected goroutines") {
				// The correct version's goroutine was still running when
				// the test's leak check looked: the check came too early.
				p.AlarmLeak, p.Advice = true, i18n.AdviceAlarmLeak
			}
		}
	case OtherKind:
		switch p.Other {
		case OtherReaders:
			p.Advice = i18n.AdviceOtherReaders
		case OtherSerialised:
			p.Advice = i18n.AdviceOtherSerialised
		default:
			p.Advice = i18n.AdviceOtherKind
		}
	case Build:
		p.Advice = i18n.AdviceBuild
	case Script:
		p.Advice = i18n.AdviceScript
		if p.UnwantedStderr {
			p.Advice = i18n.AdviceScriptStderr
		}
		if p.Audit {
			p.Advice = i18n.AdviceScriptAudit
		}
	}
}

// reEmpty matches the runtime's words for an index into an empty slice.
var reEmpty = regexp.MustCompile(`with (?:length|capacity) 0\b`)

func raceAdvice(fix []string) i18n.Key {
	if len(fix) != 1 {
		if len(fix) == 0 {
			return i18n.AdviceRaceAny
		}
		return i18n.AdviceRaceSome
	}
	switch fix[0] {
	case "waitgroup":
		return i18n.AdviceRaceWaitGroup
	case "mutex":
		return i18n.AdviceRaceMutex
	case "rwmutex":
		return i18n.AdviceRaceRWMutex
	case "atomic":
		return i18n.AdviceRaceAtomic
	case "channel":
		return i18n.AdviceRaceChannel
	case "once":
		return i18n.AdviceRaceOnce
	}
	return i18n.AdviceRaceAny
}

func panicAdvice(msg string) i18n.Key {
	switch {
	case strings.Contains(msg, "send on closed channel"):
		return i18n.AdviceCloseAfterSends
	case strings.Contains(msg, "close of closed channel"):
		return i18n.AdviceCloseOnce
	case strings.Contains(msg, "close of nil channel"):
		return i18n.AdviceCloseNil
	case strings.Contains(msg, "negative WaitGroup counter"):
		return i18n.AdviceNegativeWaitGroup
	case strings.Contains(msg, "unlock of unlocked"):
		return i18n.AdviceUnlockUnlocked
	case strings.Contains(msg, "assignment to entry in nil map"):
		return i18n.AdviceNilMap
	case strings.Contains(msg, "nil pointer dereference"):
		return i18n.AdviceNilPointer
	case strings.Contains(msg, "index out of range"), strings.Contains(msg, "slice bounds out of range"):
		// An empty slice is seldom a wrong bound: more often it was read
		// before the goroutine meant to fill it had done so.
		if reEmpty.MatchString(msg) {
			return i18n.AdviceIndexEmpty
		}
		return i18n.AdviceIndex
	}
	return i18n.AdvicePanic
}

func deadlockAdvice(p *Problem) i18n.Key {
	switch {
	case len(p.Cycle) == 1:
		for _, g := range p.Goroutines {
			if g.ID == p.Cycle[0] && g.Again != nil && g.Again.At.Func == g.At.Func {
				// Locked twice in one function: an Unlock is missing,
				// there is no helper to split off.
				return i18n.AdviceDeadlockSelfSame
			}
		}
		return i18n.AdviceDeadlockSelf
	case len(p.Cycle) > 1:
		return i18n.AdviceDeadlockCycle
	}
	waits := func(ws ...Wait) bool {
		return slices.ContainsFunc(p.Goroutines, func(g Goroutine) bool { return slices.Contains(ws, g.Wait) })
	}
	switch {
	case waits(WaitLate):
		return i18n.AdviceDeadlockLate
	case waits(WaitStep) && !waits(WaitLock, WaitRLock, WaitSend, WaitReceive, WaitSelect):
		// Only the lab's slow step is waited in: the tasks never came
		// together, because something runs them one at a time.
		return i18n.AdviceSerialGo
	case waits(WaitLock, WaitRLock):
		return i18n.AdviceDeadlockLock
	case waits(WaitSend, WaitReceive, WaitSelect):
		return i18n.AdviceDeadlockChannel
	}
	return i18n.AdviceDeadlockOther
}
