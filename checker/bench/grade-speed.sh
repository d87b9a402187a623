#!/usr/bin/env bash
# Measures `checker grade` against the grader of an older commit, the naive
# loop and the floor, side by side in one run on this machine, and prints
# the ratios. Timings on a shared machine drift; ratios measured minutes
# apart in one run hold up.
#
#   checker/bench/grade-speed.sh                 # 12 submissions, every lab, against OLD
#   N=30 K=3 LABS=1,3 OLD=40f2472 checker/bench/grade-speed.sh
#
# The class: for each lab, a third of the students did not touch it (the
# shipped file), a third submit the reference fix, a third a fix of their own
# (unique content). That is how a real class looks, and it is what content
# hashing is for; UNIQUE=1 makes every submission unique instead (the worst
# case for the grader). The old grader grades the same class written for its
# own tree (its labs' layout and solutions).
#
# old:   `checker grade -runs K -j J` of commit OLD (default 40f2472, the last
#        grader whose judge shared the test binary with the student's code),
#        built from a git worktree of that commit.
# grade: `checker grade -runs K -j J` of this tree.
# naive: per submission, copy the repository, put the files in, run
#        `go test -race -count=1 ./labs/...` (the labs graded, each once), one
#        after another.
# floor: the work no grader that runs student code safely can skip,
#        perfectly spread over the cores: each lab's judge built once, and
#        for each distinct (lab, files) pair U one program compile after an
#        edit (with the grader's build flags) and K runs of the judge on it,
#        every program start in the grader's sandbox; each step measured
#        here alone (three times: before, between and after the gradings, as
#        the load drifts), in CPU seconds of the whole machine (from
#        /proc/stat, so the sandbox's and the kernel's work counts):
#        floor = sum over labs of (judge + U_lab * (compile + K * run)) / cores.
#        CPU, not wall time: a compile alone keeps more than one core busy,
#        so its wall time divided by the cores would count that twice. The
#        floor without the sandbox (the judge starting programs directly) is
#        printed too.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
N=${N:-12}
K=${K:-3}
J=${J:-$(nproc)}
CORES=${CORES:-$(nproc)}
UNIQUE=${UNIQUE:-0}
OLD=${OLD:-40f2472}

work=$(mktemp -d /tmp/racelab-bench-XXXXXX)
cleanup() {
  git -C "$root" worktree remove --force "$work/old" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
add() { awk -v a="${1:-0}" -v b="$2" 'BEGIN { print a + b }'; }
# cpu: CPU seconds the whole machine has spent so far (every process and
# the kernel's own threads: a sandbox's namespaces are set up and torn
# down there).
cpu() { awk -v hz="$(getconf CLK_TCK)" '/^cpu /{ printf "%.3f\n", ($2 + $3 + $4 + $6 + $7 + $8) / hz }' /proc/stat; }
# timed CMD…: runs CMD (its output dropped, its failure ignored) and prints
# "WALL CPU" in seconds, CPU being the machine's while it ran: measure on
# an otherwise quiet machine.
timed() {
  local a b t0
  a=$(cpu); t0=$(now)
  "$@" >/dev/null 2>&1 || true
  b=$(cpu)
  awk -v a="$a" -v b="$b" -v t="$t0" -v n="$(now)" 'BEGIN { printf "%.3f %.3f\n", n - t, b - a }'
}

go build -o "$work/checker" ./checker
spec=$(go run ./checker/bench/sandboxspec)
buildflags=(-race -trimpath -buildvcs=false "-ldflags=-s -w") # protocol.BuildFlags
git worktree add --detach "$work/old" "$OLD" >/dev/null 2>&1
(cd "$work/old" && go build -o "$work/checker-old" ./checker)

# toml KEY LABDIR: a top-level string or list value of a lab.toml.
toml() { sed -n "s/^$1 *= *\[*\(.*\)\]*$/\1/p" "$2/lab.toml" | tr -d '",[]' ; }

labs=()
for d in labs/[0-9][0-9]-*/; do
  d=${d%/}
  n=${d#labs/}
  n=$((10#${n%%-*}))
  if [ -z "${LABS:-}" ] || [[ " ${LABS//,/ } " == *" $n "* ]]; then labs+=("${d#labs/}"); fi
done

# class TREE OUT: the class written for the tree at TREE, whose labs may
# keep the program in a folder of its own (program = …) or not.
class() {
  local tree=$1 out=$2 i l f prog dst kind
  for i in $(seq 1 "$N"); do
    local s="$out/s$(printf %03d "$i")"
    for l in "${labs[@]}"; do
      [ -d "$tree/labs/$l" ] || continue
      prog=$(toml program "$tree/labs/$l")
      dst="$s/labs/$l${prog:+/$prog}"
      mkdir -p "$dst"
      kind=$((i % 3))
      [ "$UNIQUE" = 1 ] && kind=2
      for f in $(toml editable "$tree/labs/$l"); do
        case $kind in
          0) : ;;                                                  # not attempted: the shipped file
          1) cp "$tree/solutions/$l/$f" "$dst/$f" ;;                # the reference fix
          2) { cat "$tree/solutions/$l/$f"; printf '\n// student %s\n' "$i"; } > "$dst/$f" ;;
        esac
      done
    done
  done
}
class "$root" "$work/class"
class "$work/old" "$work/class-old"
echo "class: $N submissions x ${#labs[@]} labs, K=$K, -j $J, $CORES cores, old=$OLD, load $(cut -d' ' -f1-3 /proc/loadavg)"

# Warm the module and build caches as an instructor's machine would be, for
# both trees.
for l in "${labs[@]}"; do
  prog=$(toml program "labs/$l")
  go test -c -trimpath -o /dev/null "./labs/$l" >/dev/null
  go build "${buildflags[@]}" -o /dev/null "./labs/$l/$prog" >/dev/null
  [ -d "$work/old/labs/$l" ] && (cd "$work/old" && go test -race -trimpath -c -o /dev/null "./labs/$l" >/dev/null)
done

# The floor's steps, each timed alone in a private copy after an edit.
floorcopy="$work/floorcopy"
mkdir -p "$floorcopy"
tar -C "$root" --exclude=.git --exclude=.bin --exclude=grades -cf - . | tar -C "$floorcopy" -xf -
declare -A sum_j sum_c sum_r cpu_j cpu_c cpu_r cpu_u
samples=0
sample_floor() {
  samples=$((samples + 1))
  local l prog f j jc c cc r rc u uc
  for l in "${labs[@]}"; do
    prog=$(toml program "labs/$l")
    for f in $(toml editable "labs/$l"); do
      { cat "solutions/$l/$f"; printf '\n// floor %s\n' "$RANDOM$RANDOM"; } > "$floorcopy/labs/$l/$prog/$f"
    done
    # The judge is built once per lab whatever the class: its own line in
    # the lab's test file changes, so it is really rebuilt.
    printf '\n// floor %s\n' "$RANDOM$RANDOM" >> "$floorcopy/labs/$l/lab_test.go"
    read -r j jc < <(cd "$floorcopy" && timed go test -c -trimpath -o "$work/floor.judge" "./labs/$l")
    read -r c cc < <(cd "$floorcopy" && timed go build "${buildflags[@]}" -o "$work/floor.prog" "./labs/$l/$prog")
    read -r r rc < <(cd "$floorcopy/labs/$l" && RACELAB_SANDBOX="$spec" RACELAB_PROGRAM="$work/floor.prog" timed "$work/floor.judge" -test.count=1)
    read -r u uc < <(cd "$floorcopy/labs/$l" && RACELAB_PROGRAM="$work/floor.prog" timed "$work/floor.judge" -test.count=1)
    sum_j[$l]=$(add "${sum_j[$l]:-0}" "$j"); cpu_j[$l]=$(add "${cpu_j[$l]:-0}" "$jc")
    sum_c[$l]=$(add "${sum_c[$l]:-0}" "$c"); cpu_c[$l]=$(add "${cpu_c[$l]:-0}" "$cc")
    sum_r[$l]=$(add "${sum_r[$l]:-0}" "$r"); cpu_r[$l]=$(add "${cpu_r[$l]:-0}" "$rc")
    cpu_u[$l]=$(add "${cpu_u[$l]:-0}" "$uc")
  done
}

sample_floor

# old grader, on its own tree
lab_nums=$(for l in "${labs[@]}"; do echo $((10#${l%%-*})); done | paste -sd, -)
t=$(now)
(cd "$work/old" && "$work/checker-old" grade -runs "$K" -j "$J" -labs "$lab_nums" -progress plain -o "$work/out-old" "$work/class-old" >/dev/null 2>"$work/old.log")
old=$(since "$t")
echo "old grader:     ${old}s"

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
t=$(now)
"$work/checker" grade -runs "$K" -j "$J" -labs "$lab_nums" -progress plain -o "$work/out" "$work/class" >/dev/null 2>"$work/grade.log"
grade=$(since "$t")
echo "checker grade:  ${grade}s"

sample_floor

floor=0
wallfloor=0
bare=0
pairs=0
for l in "${labs[@]}"; do
  # Distinct programs of this lab: its (lab, hash) pairs in the gradebook.
  u=$(awk -F'"' '/"lab": /{lab=$4} /"hash": /{print lab, $4}' "$work/out/gradebook.json" | sort -u | grep -c "^$l " || true)
  pairs=$((pairs + N))
  read -r j c r jc cc rc uc < <(awk -v j="${sum_j[$l]}" -v c="${sum_c[$l]}" -v r="${sum_r[$l]}" \
    -v jc="${cpu_j[$l]}" -v cc="${cpu_c[$l]}" -v rc="${cpu_r[$l]}" -v uc="${cpu_u[$l]}" -v n="$samples" \
    'BEGIN { printf "%.2f %.2f %.2f %.2f %.2f %.2f %.2f\n", j/n, c/n, r/n, jc/n, cc/n, rc/n, uc/n }')
  f=$(awk -v u="$u" -v j="$jc" -v c="$cc" -v r="$rc" -v k="$K" -v n="$CORES" 'BEGIN { printf "%.2f", (j + u * (c + k * r)) / n }')
  w=$(awk -v u="$u" -v j="$j" -v c="$c" -v r="$r" -v k="$K" -v n="$CORES" 'BEGIN { printf "%.2f", (j + u * (c + k * r)) / n }')
  b=$(awk -v u="$u" -v j="$jc" -v c="$cc" -v r="$uc" -v k="$K" -v n="$CORES" 'BEGIN { printf "%.2f", (j + u * (c + k * r)) / n }')
  echo "floor $l: judge ${jc}s CPU, $u distinct programs; compile ${cc}s CPU (${c}s wall), judge run ${rc}s CPU sandboxed (${r}s wall; ${uc}s CPU without), mean of $samples samples -> ${f}s (from wall times: ${w}s; without the sandbox: ${b}s)"
  floor=$(add "$floor" "$f")
  wallfloor=$(add "$wallfloor" "$w")
  bare=$(add "$bare" "$b")
done
echo "floor:          ${floor}s (from wall times: ${wallfloor}s; without the sandbox: ${bare}s)"
awk -v o="$old" -v n="$naive" -v g="$grade" -v f="$floor" -v w="$wallfloor" -v b="$bare" -v p="$pairs" -v k="$K" 'BEGIN {
  printf "new grader vs old:            %.2fx faster (target >= 1.5x)\n", o / g
  printf "new grader / floor:           %.2fx (target <= 1.2x; against the floor from wall times: %.2fx; without the sandbox: %.2fx)\n", g / f, g / w, g / b
  printf "speed-up over the naive loop: %.1fx\n", n / g
  printf "per submission-lab:           %.3fs new, %.3fs old (wall, K=%d runs each)\n", g / p, o / p, k
}'
