#!/usr/bin/env bash
# Measures `make lab N=k` against a bare `go test -race` of the same lab,
# both right after an edit of the student's file (so both recompile), taking
# turns in the same run. Prints the medians and their ratio; the target
# (issue 5) is a ratio of at most 1.2.
#
#   checker/bench/lab-speed.sh [LAB_NUMBER] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-1}
rounds=${2:-10}
dir=$(ls -d labs/$(printf '%02d' "$n")-* | head -1)
file=$(sed -n 's/^editable = \["\([^"]*\)".*/\1/p' "$dir/lab.toml")
orig=$(mktemp)
cp "$dir/$file" "$orig"
trap 'cp "$orig" "$dir/$file"; rm -f "$orig"' EXIT
make -s .bin/checker

edit() { printf '\n// bench edit %s\n' "$RANDOM$RANDOM" >>"$dir/$file"; }
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(((e - s) / 1000000)); }

bare=() lab=()
for ((i = 0; i < rounds; i++)); do
  edit; bare+=("$(ms go test -race "./$dir")")
  edit; lab+=("$(ms make -s lab N="$n")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
mb=$(median "${bare[@]}")
ml=$(median "${lab[@]}")
echo "lab $dir, $rounds rounds, after an edit each time"
echo "bare go test -race:  median ${mb} ms   (${bare[*]})"
echo "make lab N=$n:        median ${ml} ms   (${lab[*]})"
awk -v l="$ml" -v b="$mb" 'BEGIN { printf "ratio make lab / bare go test: %.2f (target <= 1.20)\n", l / b }'
