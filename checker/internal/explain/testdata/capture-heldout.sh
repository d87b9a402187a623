#!/bin/sh
# capture-heldout.sh records how a course lab judges a student's wrong
# fix (a held-out case, or one of solutions/NN-*/wrong/), for the explain
# tests (TestHeldOut): the lab's file is replaced by the fix for one run,
# then restored. The record has the layout of shipped/ (lab.toml, scripts,
# the program's Go files, the verdict), under heldout/NAME/NN-slug: the
# lab's own folder name, which the explanation matches the reports' paths
# by. Run from this directory:
#
#	sh capture-heldout.sh 16-atomic metrics-value-receiver path/to/server.go
#
# then `go test -run TestHeldOut -update` to rewrite the golden renderings.
set -eu

here=$(pwd)
root=$(git rev-parse --show-toplevel)
export RACELAB_WATCHDOG=2s RACELAB_OVERLAP_TIMEOUT=500ms RACELAB_SEED=1 GOFLAGS=-trimpath

lab=$1
name=$2
src="$root/labs/$lab"
prog=$(sed -n 's/^program = "\(.*\)"$/\1/p' "$src/lab.toml")
file=$(sed -n 's/^editable = \["\(.*\)"\]$/\1/p' "$src/lab.toml")
fix=$(realpath "$3")
dst="$here/heldout/$name/$lab"
echo "capturing $lab with $name ($prog/$file)" >&2
trap 'git -C "$root" checkout -- "labs/$lab/$prog/$file"' EXIT
cp "$fix" "$src/$prog/$file"
rm -rf "$dst" "$dst.verdict.json"
mkdir -p "$dst/testdata" "$dst/$prog"
cp "$src/lab.toml" "$dst/"
cp "$src"/testdata/*.txtar "$dst/testdata/"
if [ -d "$src/testdata/variants" ]; then
	cp -r "$src/testdata/variants" "$dst/testdata/" # a testing lab's versions of the code
fi
for f in "$src/$prog"/*.go; do
	case $f in *_test.go) ;; *) cp "$f" "$dst/$prog/" ;; esac
done
# A testing lab's student edits a test: copy it (the fix) too.
case $file in *_test.go) cp "$src/$prog/$file" "$dst/$prog/" ;; esac
(cd "$root" && RACELAB_VERDICT="$dst.verdict.json" \
	go test -count=1 "./labs/$lab" >/dev/null 2>&1 || true)
chmod 644 "$dst.verdict.json"
