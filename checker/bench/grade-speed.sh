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
#        and after the gradings, as the load drifts):
#        floor = sum over labs of U_lab * (compile + K * run) / cores.
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
declare -A sum_c sum_s sum_r
samples=0
sample_floor() {
  samples=$((samples + 1))
  for l in "${labs[@]}"; do
    for f in $(editable "$l"); do
      { cat "solutions/$l/$f"; printf '\n// floor %s\n' "$RANDOM$RANDOM"; } > "$floorcopy/labs/$l/$f"
    done
    local t c full r
    t=$(now); (cd "$floorcopy" && go test -race -trimpath -c -o "$work/floor.test" "./labs/$l" >/dev/null); c=$(since "$t")
    t=$(now); (cd "$floorcopy/labs/$l" && GORACE=atexit_sleep_ms=0 "$work/floor.test" -test.count=1 >/dev/null 2>&1 || true); full=$(since "$t")
    t=$(now); (cd "$floorcopy/labs/$l" && RACELAB_SKIP_STATIC=1 GORACE=atexit_sleep_ms=0 "$work/floor.test" -test.count=1 >/dev/null 2>&1 || true); r=$(since "$t")
    sum_c[$l]=$(awk -v a="${sum_c[$l]:-0}" -v b="$c" 'BEGIN { print a + b }')
    sum_s[$l]=$(awk -v a="${sum_s[$l]:-0}" -v b="$full" -v r="$r" 'BEGIN { s = b - r; if (s < 0) s = 0; print a + s }')
    sum_r[$l]=$(awk -v a="${sum_r[$l]:-0}" -v b="$r" 'BEGIN { print a + b }')
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
for l in "${labs[@]}"; do
  # Distinct builds of this lab: its (lab, hash) pairs in the gradebook.
  u=$(awk -F'"' '/"lab": /{lab=$4} /"hash": /{print lab, $4}' "$work/out/gradebook.json" | sort -u | grep -c "^$l " || true)
  read -r c s r < <(awk -v c="${sum_c[$l]}" -v s="${sum_s[$l]}" -v r="${sum_r[$l]}" -v n="$samples" 'BEGIN { printf "%.2f %.2f %.2f\n", c/n, s/n, r/n }')
  f=$(awk -v u="$u" -v c="$c" -v r="$r" -v k="$K" -v n="$CORES" 'BEGIN { printf "%.2f", u * (c + k * r) / n }')
  echo "floor $l: $u distinct builds; compile ${c}s, run ${r}s (mean of $samples samples) -> ${f}s (the harness's own static step: ${s}s, not counted)"
  floor=$(awk -v a="$floor" -v b="$f" 'BEGIN { printf "%.2f", a + b }')
done
echo "floor:          ${floor}s"
awk -v n="$naive" -v g="$grade" -v f="$floor" 'BEGIN {
  printf "speed-up over the naive loop: %.1fx (target >= 5x)\n", n / g
  printf "grade / floor:                %.2fx (target <= 1.3x)\n", g / f
}'
