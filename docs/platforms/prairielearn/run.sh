#!/usr/bin/env bash
# racelab's PrairieLearn external grader entrypoint, for a question that is
# one lab. PrairieLearn puts the student's files (by name: squares.go) in
# /grade/student and reads /grade/results/results.json. The course (your
# racelab repository) is in serverFilesCourse/racelab; RACELAB_LAB, set in
# the question's externalGradingOptions.environment, is the lab's number.
set -euo pipefail

# GRADE is PrairieLearn's /grade; the tests point it elsewhere.
grade=${GRADE:-/grade}
course=$grade/serverFilesCourse/racelab
lab=${RACELAB_LAB:?set RACELAB_LAB to the lab number in externalGradingOptions.environment}
# More flags for checker grade, e.g. "-runs 5".
read -r -a flags <<< "${RACELAB_GRADE_FLAGS:-}"
mkdir -p "$grade/results"
cd "$course"

# Lay the student's files where the lab keeps them, in a submission of
# their own: a file the lab does not have is left out, as the grader would
# ignore it anyway. go.mod marks the folder as one submission.
sub=$(mktemp -d)/student
labdir=$(find labs -maxdepth 1 -type d -name "$(printf '%02d' "$lab")-*" | head -n 1)
if [ -z "$labdir" ]; then
  echo "no lab $lab in $course/labs" >&2
  exit 1
fi
mkdir -p "$sub"
cp go.mod "$sub/"
for f in "$grade"/student/*; do
  [ -f "$f" ] || continue
  dest=$(find "$labdir" -type f -name "$(basename "$f")" | head -n 1)
  [ -n "$dest" ] || continue
  mkdir -p "$sub/$(dirname "$dest")"
  cp "$f" "$sub/$dest"
done

checker=(go run ./checker)
if command -v racelab-checker >/dev/null; then
  checker=(racelab-checker) # built into the image: no compile per submission
fi
out=$(mktemp -d)
# Student code runs in bubblewrap; in a grading container that cannot
# create user namespaces set RACELAB_SANDBOX=none (docs/grading.md).
"${checker[@]}" grade --sandbox "${RACELAB_SANDBOX:-bwrap}" --progress plain "${flags[@]}" -labs "$lab" -o "$out" "$sub"
cp "$out/student/prairielearn.json" "$grade/results/results.json"
