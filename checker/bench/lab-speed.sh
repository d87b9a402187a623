#!/usr/bin/env bash
# Measures the student's loop against bare go test of the same lab, all
# right after an edit of the student's file (so everything recompiles),
# taking turns in the same run so that the machine's load hits all alike:
#
#   bare go test        go test ./labs/NN-slug (what make lab runs, without the checker)
#   bare go test -race  go test -race ./labs/NN-slug (the judge race-enabled too)
#   make lab            make -s lab N=k (RUNS=0: a pass's stability check is extra, not the verdict)
#   watch               save -> verdict printed by a running `checker watch` (log mode)
#
# Targets (issue 14): make lab <= 1.1 x bare go test; watch within 0.3 s of make lab.
#
#   checker/bench/lab-speed.sh [LAB_NUMBER] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-1}
rounds=${2:-10}
dirs=(labs/"$(printf '%02d' "$n")"-*/)
dir=${dirs[0]%/}
prog=$(sed -n 's/^program = "\(.*\)"/\1/p' "$dir/lab.toml")
file=$dir/$prog/$(sed -n 's/^editable = \["\([^"]*\)".*/\1/p' "$dir/lab.toml")
orig=$(mktemp)
log=$(mktemp)
cp "$file" "$orig"
watcher=
cleanup() {
  [ -n "$watcher" ] && kill "$watcher" 2>/dev/null && wait "$watcher" 2>/dev/null
  cp "$orig" "$file"
  rm -f "$orig" "$log"
}
trap cleanup EXIT
make -s .bin/checker
export RUNS=0

edit() { printf '\n// bench edit %s\n' "$RANDOM$RANDOM" >>"$file"; }
now() { date +%s%N; }
# ms runs a command and prints its wall time and CPU time (its processes',
# user + system), in ms. On a machine others load too, the wall time swings
# with them; the CPU time is the work the command itself did.
ms() {
  local TIMEFORMAT='%R %U %S' t
  t=$({ time "$@" >/dev/null 2>&1; } 2>&1 | tail -1)
  awk -v t="$t" 'BEGIN { split(t, a, " "); printf "%d %d\n", a[1] * 1000, (a[2] + a[3]) * 1000 }'
}
# until_verdicts N waits until the watch log holds N verdicts. It polls with
# bash's builtins only (read from the log, a read with a timeout as the
# pause): forking grep and sleep every few milliseconds slowed the run it
# times measurably on two loaded cores.
exec {pause}<> <(:)
until_verdicts() {
  local c line
  while :; do
    c=0
    while IFS= read -r line; do
      case $line in *"does not pass yet"* | *" passes: "*) c=$((c + 1)) ;; esac
    done <"$log"
    [ "$c" -ge "$1" ] && return
    read -r -t 0.02 -u "$pause" || true
  done
}

# One warm-up of each, so that no round pays for a first build.
go test "./$dir" >/dev/null 2>&1 || true
go test -race "./$dir" >/dev/null 2>&1 || true
make -s lab N="$n" >/dev/null 2>&1 || true

# watch in log mode (its output is a file, not a terminal), started for its
# round only: a watcher left running would run the lab on every other
# round's edit too, and slow what those rounds measure.
watch_once() {
  local s t
  : >"$log"
  .bin/checker watch "$n" >"$log" 2>&1 &
  watcher=$!
  until_verdicts 1
  sleep 0.3 # the watcher's own first save probe settles
  s=$(now)
  edit
  until_verdicts 2
  t=$((($(now) - s) / 1000000))
  kill "$watcher"; wait "$watcher" 2>/dev/null || true
  watcher=
  echo "$t"
}

bare=() race=() lab=() wat=() barecpu=() racecpu=() labcpu=()
for ((i = 0; i < rounds; i++)); do
  edit; read -r w c < <(ms go test "./$dir"); bare+=("$w"); barecpu+=("$c")
  edit; read -r w c < <(ms go test -race "./$dir"); race+=("$w"); racecpu+=("$c")
  edit; read -r w c < <(ms make -s lab N="$n"); lab+=("$w"); labcpu+=("$c")
  wat+=("$(watch_once)")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
mb=$(median "${bare[@]}") mr=$(median "${race[@]}") ml=$(median "${lab[@]}") mw=$(median "${wat[@]}")
cb=$(median "${barecpu[@]}") cr=$(median "${racecpu[@]}") cl=$(median "${labcpu[@]}")
echo "lab $dir, $rounds rounds, after an edit each time; load average now: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
echo "(median, then every round; ms)   wall                 cpu"
echo "bare go test:         ${mb}   (${bare[*]})   cpu ${cb}   (${barecpu[*]})"
echo "bare go test -race:   ${mr}   (${race[*]})   cpu ${cr}   (${racecpu[*]})"
echo "make lab N=$n:         ${ml}   (${lab[*]})   cpu ${cl}   (${labcpu[*]})"
echo "watch save->verdict:  ${mw}   (${wat[*]})"
awk -v l="$ml" -v b="$mb" -v r="$mr" -v w="$mw" -v cl="$cl" -v cb="$cb" -v cr="$cr" 'BEGIN {
  printf "make lab / bare go test:       wall %.2f, cpu %.2f (target <= 1.10)\n", l / b, cl / cb
  printf "make lab / bare go test -race: wall %.2f, cpu %.2f\n", l / r, cl / cr
  printf "watch - make lab:              %+d ms (target <= +300)\n", w - l
}'
