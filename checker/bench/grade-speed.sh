#!/usr/bin/env bash
# Measures `checker grade` against the naive loop and against the floor, side
# by side in one run on this machine, and prints the ratios. Timings on a
# shared machine drift; ratios measured minutes apart in one run hold up.
#
#   checker/bench/grade-speed.sh            # 12 submissions, every lab
#   N=30 K=3 LABS=1 checker/bench/grade-speed.sh
#
# The class: for each lab, a third of the students did not touch it (the
# shipped file), a third submit the reference fix, a third a fix of their own
# (unique content). That is how a real class looks, and it is what content
# hashing is for; UNIQUE=1 makes every submission unique instead (the worst
# case for the grader).
#
# naive: per submission, copy the repository, put the files in, run
#        `go test -race -count=1 ./labs/...` (the labs graded, each once), one
#        after another.
# grade: `checker grade -runs K -j J` (each lab K times, sandboxed, every output).
# floor: the work no grader can skip, perfectly spread over the cores: for each
#        distinct (lab, files) pair U, one compile after an edit and K runs of
#        the scripts, each measured here alone (three times: before, between
#        and after the gradings, as the load drifts), in CPU seconds (user +
#        system, children included):
#        floor = sum over labs of U_lab * (compile + K * run) / cores.
#        CPU, not wall time: a compile alone keeps about 1.4 cores busy
#        (the go command compiles and links in parallel), so its wall time
#        divided by the cores would count that parallelism twice. The floor
#        from wall times is printed too, for comparison.
#        The static check is left out: the test binary's own static step
#        (printed, for comparison) loads the package with go list, but a
#        prepared labvet.Loader checks a file in ~5 ms
#        (go test -bench Static ./checker/labvet), so it is not a cost any
#        grader must pay.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
N=${N:-12}
K=${K:-3}
J=${J:-$(nproc)}
CORES=${CORES:-$(nproc)}
UNIQUE=${UNIQUE:-0}

work=$(mktemp -d /tmp/racelab-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

go build -o "$work/checker" ./checker

labs=()
for d in labs/[0-9][0-9]-*/; do
  d=${d%/}
  n=${d#labs/}
  n=$((10#${n%%-*}))
  if [ -z "${LABS:-}" ] || [[ " ${LABS//,/ } " == *" $n "* ]]; then labs+=("${d#labs/}"); fi
done
editable() { sed -n 's/^editable *= *\[\(.*\)\]/\1/p' "labs/$1/lab.toml" | tr -d '",' ; }

# The class.
for i in $(seq 1 "$N"); do
  s="$work/class/s$(printf %03d "$i")"
  for l in "${labs[@]}"; do
    mkdir -p "$s/labs/$l"
    kind=$((i % 3))
    [ "$UNIQUE" = 1 ] && kind=2
    for f in $(editable "$l"); do
      case $kind in
        0) : ;;                                  # not attempted: the shipped file
        1) cp "solutions/$l/$f" "$s/labs/$l/$f" ;;   # the reference fix
        2) { cat "solutions/$l/$f"; printf '\n// student %s\n' "$i"; } > "$s/labs/$l/$f" ;;
      esac
    done
  done
done
echo "class: $N submissions x ${#labs[@]} labs (${labs[*]}), K=$K, -j $J, $CORES cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

# Warm the module and build caches as an instructor's machine would be.
for l in "${labs[@]}"; do go test -race -trimpath -c -o /dev/null "./labs/$l" >/dev/null; done

# The floor's steps, each timed alone in a private copy after an edit. The
# machine's load drifts over minutes, so they are sampled before, between
# and after the two timed gradings, and averaged.
floorcopy="$work/floorcopy"
mkdir -p "$floorcopy"
tar -C "$root" --exclude=.git --exclude=.bin --exclude=grades -cf - . | tar -C "$floorcopy" -xf -
declare -A sum_c sum_s sum_r cpu_c cpu_r
samples=0
# timed CMD…: runs CMD (its output dropped, its failure ignored) and prints
# "WALL CPU" in seconds, CPU being user + system time of it and its children.
timed() {
  local TIMEFORMAT='%R %U %S' out
  out=$( { time "$@" >/dev/null 2>&1 || true; } 2>&1 )
  awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' <<<"$out"
}
add() { awk -v a="${1:-0}" -v b="$2" 'BEGIN { print a + b }'; }
sample_floor() {
  samples=$((samples + 1))
  for l in "${labs[@]}"; do
    for f in $(editable "$l"); do
      { cat "solutions/$l/$f"; printf '\n// floor %s\n' "$RANDOM$RANDOM"; } > "$floorcopy/labs/$l/$f"
    done
    local c cc full fc r rc
    read -r c cc < <(cd "$floorcopy" && timed go test -race -trimpath -c -o "$work/floor.test" "./labs/$l")
    read -r full fc < <(cd "$floorcopy/labs/$l" && GORACE=atexit_sleep_ms=0 timed "$work/floor.test" -test.count=1)
    read -r r rc < <(cd "$floorcopy/labs/$l" && RACELAB_SKIP_STATIC=1 GORACE=atexit_sleep_ms=0 timed "$work/floor.test" -test.count=1)
    sum_c[$l]=$(add "${sum_c[$l]:-0}" "$c")
    cpu_c[$l]=$(add "${cpu_c[$l]:-0}" "$cc")
    sum_s[$l]=$(awk -v a="${sum_s[$l]:-0}" -v b="$full" -v r="$r" 'BEGIN { s = b - r; if (s < 0) s = 0; print a + s }')
    sum_r[$l]=$(add "${sum_r[$l]:-0}" "$r")
    cpu_r[$l]=$(add "${cpu_r[$l]:-0}" "$rc")
  done
}

sample_floor

# naive: the labs graded (all of them: ./labs/...)
pkgs=()
for l in "${labs[@]}"; do pkgs+=("./labs/$l"); done
t=$(now)
for s in "$work"/class/s*; do
  copy="$work/naive"
  rm -rf "$copy"
  mkdir -p "$copy"
  tar -C "$root" --exclude=.git --exclude=.bin --exclude=grades -cf - . | tar -C "$copy" -xf -
  (cd "$s" && find labs -type f -name '*.go' -exec cp {} "$copy/{}" \;)
  (cd "$copy" && go test -race -count=1 "${pkgs[@]}" >/dev/null 2>&1 || true)
done
naive=$(since "$t")
echo "naive loop:     ${naive}s"

sample_floor

# grade
lab_nums=$(for l in "${labs[@]}"; do echo $((10#${l%%-*})); done | paste -sd, -)
t=$(now)
"$work/checker" grade -runs "$K" -j "$J" -labs "$lab_nums" -progress plain -o "$work/out" "$work/class" >/dev/null 2>"$work/grade.log"
grade=$(since "$t")
echo "checker grade:  ${grade}s"

sample_floor

floor=0
wallfloor=0
for l in "${labs[@]}"; do
  # Distinct builds of this lab: its (lab, hash) pairs in the gradebook.
  u=$(awk -F'"' '/"lab": /{lab=$4} /"hash": /{print lab, $4}' "$work/out/gradebook.json" | sort -u | grep -c "^$l " || true)
  read -r c s r cc rc < <(awk -v c="${sum_c[$l]}" -v s="${sum_s[$l]}" -v r="${sum_r[$l]}" -v cc="${cpu_c[$l]}" -v rc="${cpu_r[$l]}" -v n="$samples" \
    'BEGIN { printf "%.2f %.2f %.2f %.2f %.2f\n", c/n, s/n, r/n, cc/n, rc/n }')
  f=$(awk -v u="$u" -v c="$cc" -v r="$rc" -v k="$K" -v n="$CORES" 'BEGIN { printf "%.2f", u * (c + k * r) / n }')
  w=$(awk -v u="$u" -v c="$c" -v r="$r" -v k="$K" -v n="$CORES" 'BEGIN { printf "%.2f", u * (c + k * r) / n }')
  echo "floor $l: $u distinct builds; compile ${cc}s CPU (${c}s wall), run ${rc}s CPU (${r}s wall), mean of $samples samples -> ${f}s (from wall times: ${w}s; the harness's own static step: ${s}s, not counted)"
  floor=$(add "$floor" "$f")
  wallfloor=$(add "$wallfloor" "$w")
done
echo "floor:          ${floor}s (from wall times: ${wallfloor}s)"
awk -v n="$naive" -v g="$grade" -v f="$floor" -v w="$wallfloor" 'BEGIN {
  printf "speed-up over the naive loop: %.1fx (target >= 5x)\n", n / g
  printf "grade / floor:                %.2fx (target <= 1.3x; against the floor from wall times: %.2fx)\n", g / f, g / w
}'
