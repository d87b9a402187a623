#!/bin/sh
# capture.sh re-records the real lab runs the explain tests parse.
#
# The throwaway labs under labs/ import the lab harness, which is internal to
# the racelab module, so they must run inside a copy of the repository; they
# are never added to the real labs/ tree. Run from this directory:
#
#	sh capture.sh            # every lab
#	sh capture.sh 97-transfer
#
# Each lab is recorded as captures/NN-slug.json (go test -race -json) and
# captures/NN-slug.trimpath.json (the same with -trimpath, so stack paths are
# module paths); a few also as plain -v text, and 95-words and 97-transfer
# once more as programs run without the harness or the race detector, where
# the runtime's own checks catch them (concurrent map writes; all
# goroutines asleep).
set -eu

here=$(pwd)
root=$(git rev-parse --show-toplevel)
tmp=$(mktemp -d /tmp/explain-capture.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
git -C "$root" archive HEAD | tar -x -C "$tmp"
mkdir -p captures

# Short timeouts keep the deadlock and not-concurrent runs quick; a fixed
# seed makes the captures reproducible.
export RACELAB_WATCHDOG=2s RACELAB_OVERLAP_TIMEOUT=500ms RACELAB_SEED=1 GORACE=atexit_sleep_ms=0

labs=${*:-$(cd labs && ls)}
for lab in $labs; do
	rm -rf "$tmp/labs/$lab"
	cp -r "labs/$lab" "$tmp/labs/$lab"
	echo "capturing $lab" >&2
	(cd "$tmp" && go test -race -count=1 -json "./labs/$lab" >"$here/captures/$lab.json" || true)
	(cd "$tmp" && go test -race -count=1 -json -trimpath "./labs/$lab" >"$here/captures/$lab.trimpath.json" || true)
	case $lab in
	01-waitgroup | 96-mirrors)
		(cd "$tmp" && go test -race -count=1 -v "./labs/$lab" >"$here/captures/$lab.txt" 2>&1 || true)
		;;
	97-transfer)
		(cd "$tmp" && go test -race -count=1 -v "./labs/$lab" >"$here/captures/$lab.txt" 2>&1 || true)
		# Outside the harness there is no watchdog: once the window's
		# timers have fired, the runtime itself finds every goroutine
		# asleep.
		(cd "$tmp" && RACELAB_WINDOW=2 go run "./labs/$lab" >"$here/captures/$lab.norace.txt" 2>&1 || true)
		;;
	95-words)
		# The runtime notices concurrent map writes only when two of them
		# overlap in time: retry until one run crashes.
		(cd "$tmp" && go build -o words "./labs/$lab")
		for try in $(seq 20); do
			"$tmp/words" -n 1000 >"$here/captures/$lab.norace.txt" 2>&1 || true
			if grep -q 'fatal error' "$here/captures/$lab.norace.txt"; then
				break
			fi
		done
		;;
	esac
done
