#!/bin/sh
# capture-shipped.sh records how the course's shipped labs fail, for the
# explain tests: what a student who has not changed anything yet reads
# from `make lab N`, in both languages (TestShipped).
#
# Each lab of the repository's labs/ is run once as `make lab` runs it (go
# test -json, -trimpath, the judge asked for its verdict, a fixed seed so
# that $N is the same each time), and recorded with what the explanation
# reads besides the verdict: lab.toml, the scripts, and the program's Go
# files (the student's file, and the fixture files that show where the
# lab's slow step is). Run from this directory:
#
#	sh capture-shipped.sh            # every lab
#	sh capture-shipped.sh 08-mutex
#
# then `go test -run TestShipped -update` to rewrite the golden renderings.
set -eu

here=$(pwd)
root=$(git rev-parse --show-toplevel)
export RACELAB_WATCHDOG=2s RACELAB_OVERLAP_TIMEOUT=500ms RACELAB_SEED=1 GOFLAGS=-trimpath

labs=${*:-$(cd "$root/labs" && ls -d [0-9]*)}
for lab in $labs; do
	src="$root/labs/$lab"
	dst="$here/shipped/$lab"
	prog=$(sed -n 's/^program = "\(.*\)"$/\1/p' "$src/lab.toml")
	echo "capturing $lab ($prog)" >&2
	rm -rf "$dst" "$here/shipped/$lab.verdict.json"
	mkdir -p "$dst/testdata" "$dst/$prog"
	cp "$src/lab.toml" "$dst/"
	cp "$src"/testdata/*.txtar "$dst/testdata/"
	if [ -d "$src/testdata/variants" ]; then
		cp -r "$src/testdata/variants" "$dst/testdata/" # a testing lab's versions of the code
	fi
	for f in "$src/$prog"/*.go; do
		case $f in *_test.go) ;; *) cp "$f" "$dst/$prog/" ;; esac
	done
	# A testing lab's student edits a test: copy it too.
	for f in $(sed -n 's/^editable = \[\(.*\)\]$/\1/p' "$src/lab.toml" | tr -d '",'); do
		case $f in *_test.go) cp "$src/$prog/$f" "$dst/$prog/" ;; esac
	done
	(cd "$root" && RACELAB_VERDICT="$here/shipped/$lab.verdict.json" \
		go test -count=1 "./labs/$lab" >/dev/null 2>&1 || true)
	chmod 644 "$here/shipped/$lab.verdict.json"
done
