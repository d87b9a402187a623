#!/usr/bin/env bash
# racelab's Gradescope autograder, setup: Gradescope runs this once, as
# root, when it builds the autograder's image (Ubuntu). It installs Go,
# bubblewrap and the course, and builds everything a grading needs, so each
# submission starts warm. The course (your racelab repository) is in the
# zip as racelab/: make-zip.sh puts it there.
set -euo pipefail

GO_VERSION=1.26.8 # the Go of go.mod's go line, or newer

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# util-linux gives prlimit and setpriv; git reads git submissions.
apt-get install -y -qq --no-install-recommends bubblewrap ca-certificates curl git util-linux gcc libc6-dev >/dev/null

curl -fsSL "https://go.dev/dl/go${GO_VERSION}.linux-amd64.tar.gz" | tar -C /usr/local -xz
ln -sf /usr/local/go/bin/go /usr/local/bin/go

cd /autograder/source/racelab
go mod download
go build -o /usr/local/bin/racelab-checker ./checker
# The race-enabled standard library and the labs' packages, built once
# here rather than in every submission's grading.
go test -race -count=1 -run '^$' ./labs/... >/dev/null
