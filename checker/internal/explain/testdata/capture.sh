#!/bin/sh
# capture.sh re-records the real lab runs the explain tests parse.
#
# The throwaway labs under labs/ have the layout of a real lab (lab.toml,
# lab_test.go calling the judge, testdata/*.txtar, the program in its own
# folder) and import racelab's internal packages, so they must run inside a
# copy of the repository, at labs/NN-slug; they are never added to the real
# labs/ tree. Run from this directory:
#
#	sh capture.sh            # every lab
#	sh capture.sh 97-transfer
#
# Each lab is run once as `make lab` runs it (go test -json, -trimpath, the
# judge asked for its verdict), and recorded twice:
#
#	captures/NN-slug.verdict.json  the judge's verdict (protocol.Verdict):
#	                               what make lab, verify and grade explain
#	captures/NN-slug.json          the go test -json stream of the same run:
#	                               the text Parse falls back on
#
# A few are also recorded as plain go test -v text (NN-slug.txt), and
# 95-words and 97-transfer once more as programs run by hand, without the
# judge or the race detector, where the runtime's own checks catch them
# (concurrent map writes; all goroutines asleep): NN-slug.norace.txt.
set -eu

here=$(pwd)
root=$(git rev-parse --show-toplevel)
tmp=$(mktemp -d /tmp/explain-capture.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
git -C "$root" archive HEAD | tar -x -C "$tmp"
mkdir -p captures

# Short timeouts keep the deadlock and not-concurrent runs quick; a fixed
# seed makes the captures reproducible. GOFLAGS is what make lab uses
# (checker/internal/run.Env).
export RACELAB_WATCHDOG=2s RACELAB_OVERLAP_TIMEOUT=500ms RACELAB_SEED=1 GOFLAGS=-trimpath

labs=${*:-$(cd labs && ls)}
for lab in $labs; do
	rm -rf "$tmp/labs/$lab"
	cp -r "labs/$lab" "$tmp/labs/$lab"
	prog=$(sed -n 's/^program = "\(.*\)"$/\1/p' "labs/$lab/lab.toml")
	echo "capturing $lab ($prog)" >&2
	rm -f "$here/captures/$lab.verdict.json"
	(cd "$tmp" && RACELAB_VERDICT="$here/captures/$lab.verdict.json" \
		go test -count=1 -json "./labs/$lab" >"$here/captures/$lab.json" || true)
	chmod 644 "$here/captures/$lab.verdict.json"
	case $lab in
	01-waitgroup | 96-mirrors | 97-transfer)
		(cd "$tmp" && go test -count=1 -v "./labs/$lab" >"$here/captures/$lab.txt" 2>&1 || true)
		;;
	esac
	case $lab in
	97-transfer)
		# Run by hand there is no watchdog: once the window's timers
		# have fired, the runtime itself finds every goroutine asleep.
		(cd "$tmp" && RACELAB_WINDOW=2 GOFLAGS= go run "./labs/$lab/$prog" >"$here/captures/$lab.norace.txt" 2>&1 || true)
		;;
	95-words)
		# The runtime notices concurrent map writes only when two of them
		# overlap in time: retry until one run crashes.
		(cd "$tmp" && GOFLAGS= go build -o words "./labs/$lab/$prog")
		for try in $(seq 20); do
			"$tmp/words" -n 1000 >"$here/captures/$lab.norace.txt" 2>&1 || true
			if grep -q 'fatal error' "$here/captures/$lab.norace.txt"; then
				break
			fi
		done
		;;
	esac
	case $lab in
	71-alarm)
		# The log's reader drops the testing package's framing, the
		# student's test's own "--- FAIL" among it: only the verdict keeps
		# what a test that fails a correct version printed.
		rm -f "$here/captures/$lab.json"
		;;
	esac
done
