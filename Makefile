# racelab. `make` alone lists the commands. Students: `make lab N=1`, `make watch`.
# Instructors: `make verify`, `make grade`. Maintainers: `make test`.
#
# This file also serves every lab's folder (their Makefile includes it), so
# it names its own files from ROOT and leaves the working directory alone:
# run from inside a lab's folder, the checker takes that lab.

ROOT    := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
GO      ?= go
CHECKER := $(ROOT)/.bin/checker
# Runs of each lab variant per GOMAXPROCS setting in `make test`; the
# instructor's full proof is `make verify COUNT=20`.
COUNT   ?= 1
# make test proves every lab's shipped program and solution (with -hog, on a
# loaded machine too). The cheats and the corpus of student fixes (about 900
# race builds for 32 labs) are `make verify`'s: CI has 20 minutes on 2 cores.
TEST_VERIFY ?= -mutants=false

.DEFAULT_GOAL := help

# The checker's sources, found by make itself (a find would cost a process
# on every `make lab`), four folders deep as checker/ is.
CHECKER_SRC := $(filter-out %_test.go,$(wildcard $(addprefix $(ROOT)/checker/,*.go */*.go */*/*.go */*/*/*.go))) \
	$(ROOT)/go.mod $(ROOT)/go.sum

# The checker is built once and rebuilt only when its source changes, so
# `make lab` costs no more than the test run itself.
# The first build, on a machine whose Go build cache is empty, takes a minute
# or more before the checker can say anything itself: say it here.
$(CHECKER): $(CHECKER_SRC)
	@test -x $(CHECKER) || echo "$(if $(filter id%,$(L)),racelab: membangun checker (sekali saja; pertama kali di mesin ini bisa satu menit atau lebih)…,racelab: building the checker (once; the first time on a machine can take a minute or more)…)"
	@cd $(ROOT) && $(GO) build -o .bin/checker ./checker

.PHONY: help lab watch hint progress reset solution setup verify test vet grade grade-example new-lab import \
	need-grade need-test

# The students' part comes from the checker, in the student's language (L=id).
help: $(CHECKER)
	@$(CHECKER) help
	@echo
	@echo "instructors: make verify         prove every lab right (COUNT=20 LABS='3 4')"
	@echo "             make grade SUBMISSIONS=class/   grade a class into grades/ (OUT=dir)"
	@echo "             make grade-example  grade the bundled example class into grades/example"
	@echo "             make new-lab NAME=bank-transfer [FIX=mutex] [CONCEPTS='mutex check-then-act']"
	@echo "             make import RACY=dir FIXED=dir [FIX=mutex] [SLUG=name] [ARGS='-n 5']"
	@echo "             (guide: docs/instructors.md)"
	@echo "maintainers: make test           vet, unit tests, and verify every lab"

# The student's commands. A lab that does not pass is the checker's exit
# status 1, and a mistake in the command 2, each with its explanation;
# make would add "make: *** [lab] Error 1" under it, so these targets end
# quietly on those. Scripts that need the verdict as a status run
# `go tool checker lab N`.
student = @$(CHECKER) $(1) || [ $$? -le 2 ]

lab: $(CHECKER)
	$(call student,lab $(N))

watch: $(CHECKER)
	$(call student,watch $(N))

hint: $(CHECKER)
	$(call student,hint $(N))

progress: $(CHECKER)
	$(call student,progress)

reset: $(CHECKER)
	$(call student,reset $(N))

solution: $(CHECKER)
	$(call student,solution $(N))

setup: $(CHECKER)
	$(call student,setup)

verify: $(CHECKER)
	cd $(ROOT) && $(CHECKER) verify -count $(COUNT) $(LABS)

# A new lab from a working example; `make verify LABS=NN` then lists what is
# left to write.
new-lab: $(CHECKER)
	@test -n "$(NAME)" || { echo "usage: make new-lab NAME=bank-transfer [FIX=mutex] [CONCEPTS='mutex check-then-act']"; exit 2; }
	cd $(ROOT) && $(CHECKER) new $(NAME) $(if $(FIX),--fix $(FIX)) $(foreach c,$(CONCEPTS),--concept $(c))

# A new lab from an existing racy program and its fix, measured and verified.
import: $(CHECKER)
	@test -n "$(RACY)" -a -n "$(FIXED)" || { echo "usage: make import RACY=dir FIXED=dir [FIX=mutex] [SLUG=name] [ARGS='-n 5']"; exit 2; }
	$(CHECKER) import $(RACY) --solution $(FIXED) $(if $(FIX),--fix $(FIX)) $(if $(SLUG),--slug $(SLUG)) $(if $(ARGS),--args '$(ARGS)')

vet:
	@cd $(ROOT) && test -z "$$(gofmt -l checker labs solutions)" || { gofmt -l checker labs solutions; echo "gofmt: the files above need formatting"; exit 1; }
	@# A lab's program as shipped may be the finding a lesson is about (go vet's
	@# copylocks, waitgroup): verify vets every solution and corpus fix instead.
	cd $(ROOT) && $(GO) vet ./checker/... ./labs/internal/... $$($(GO) list ./labs/... | grep -E '/labs/[0-9]+-[^/]+$$')

test: need-test vet $(CHECKER)
	cd $(ROOT) && $(GO) test -race -count=1 -timeout=30m ./checker/... ./labs/internal/...
	cd $(ROOT) && $(CHECKER) verify -count $(COUNT) $(TEST_VERIFY)

# What the grader and the tests need from the system, installed when
# missing: with apt-get as root (or through sudo that asks no password);
# otherwise make stops with the one line to run.
#   $(call need,COMMANDS (any one will do),DEBIAN PACKAGE,WHAT NEEDS IT)
define need
	@for c in $(1); do command -v $$c >/dev/null 2>&1 && exit 0; done; \
	if command -v apt-get >/dev/null 2>&1 && { [ "$$(id -u)" = 0 ] && sudo= || { sudo -n true 2>/dev/null && sudo=sudo; }; }; then \
	  echo "$(3) needs $(2): installing it (apt-get install $(2))"; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $(2) >/dev/null; \
	else \
	  echo "$(3) needs $(2). Run this, then make again:  sudo apt-get install -y $(2)"; exit 1; \
	fi
endef

need-grade:
	$(call need,bwrap,bubblewrap,grading (the sandbox student code runs in))

need-test: need-grade
	$(call need,chromium chromium-browser google-chrome,chromium,the report's browser test)

# Grading: see docs/grading.md. Student code runs only inside bubblewrap.
OUT ?= grades

grade: need-grade $(CHECKER)
	@test -n "$(SUBMISSIONS)" || { echo "usage: make grade SUBMISSIONS=path/to/class [OUT=grades]"; exit 2; }
	$(CHECKER) grade -o $(OUT) $(SUBMISSIONS)

grade-example: need-grade $(CHECKER)
	cd $(ROOT) && $(CHECKER) grade -o $(OUT)/example checker/testdata/class
