#!/usr/bin/env bash
# Builds autograder.zip for Gradescope from this repository's committed
# HEAD: setup.sh and run_autograder at the root, the course as racelab/.
# Usage: docs/platforms/gradescope/make-zip.sh [OUT.zip]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(git -C "$here" rev-parse --show-toplevel)
zip=$(realpath -m "${1:-autograder.zip}")
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp "$here/setup.sh" "$here/run_autograder" "$stage/"
mkdir "$stage/racelab"
git -C "$root" archive HEAD | tar -x -C "$stage/racelab"
rm -f "$zip"
(cd "$stage" && zip -qr "$zip" setup.sh run_autograder racelab)
echo "wrote $zip: upload it as the assignment's autograder (Configure Autograder, Zip file upload)"
