# racelab. Students: `make lab N=1`. Instructors: `make verify`, `make grade`.
# Maintainers: `make test`.

GO      ?= go
CHECKER := .bin/checker
# Runs of each lab variant per GOMAXPROCS setting in `make test`; the
# instructor's full proof is `make verify COUNT=20`.
COUNT   ?= 1

CHECKER_SRC := $(shell find checker -name '*.go' -not -name '*_test.go') go.mod go.sum

# The checker is built once and rebuilt only when its source changes, so
# `make lab` costs no more than the test run itself.
$(CHECKER): $(CHECKER_SRC)
	@$(GO) build -o $@ ./checker

.PHONY: lab watch hint progress reset solution verify test vet help grade grade-example new-lab import

help:
	@echo "students:    make lab N=1        run lab 1 as the grader does, explained (V=1: raw output)"
	@echo "             make watch          rerun the current lab on every save, move on when it passes"
	@echo "             make hint N=1       the next hint;  make progress   the course map"
	@echo "             make reset N=1      the lab's file as shipped;  make solution N=1  once it passes"
	@echo "             L=id                messages in Bahasa Indonesia"
	@echo "instructors: make verify         prove every lab right (COUNT=20 LABS='3 4')"
	@echo "             make grade SUBMISSIONS=class/   grade a class into grades/ (OUT=dir)"
	@echo "             make grade-example  grade the bundled example class into grades/example"
	@echo "             make new-lab NAME=bank-transfer [FIX=mutex] [CONCEPTS='mutex check-then-act']"
	@echo "             make import RACY=dir FIXED=dir [FIX=mutex] [SLUG=name] [ARGS='-n 5']"
	@echo "             (guide: docs/instructors.md)"
	@echo "maintainers: make test           vet, unit tests, and verify every lab"

lab: $(CHECKER)
	@test -n "$(N)" || { echo "usage: make lab N=1"; exit 2; }
	@$(CHECKER) lab $(N)

watch: $(CHECKER)
	@$(CHECKER) watch $(N)

hint: $(CHECKER)
	@test -n "$(N)" || { echo "usage: make hint N=1"; exit 2; }
	@$(CHECKER) hint $(N)

progress: $(CHECKER)
	@$(CHECKER) progress

reset: $(CHECKER)
	@test -n "$(N)" || { echo "usage: make reset N=1"; exit 2; }
	@$(CHECKER) reset $(N)

solution: $(CHECKER)
	@test -n "$(N)" || { echo "usage: make solution N=1"; exit 2; }
	@$(CHECKER) solution $(N)

verify: $(CHECKER)
	$(CHECKER) verify -count $(COUNT) $(LABS)

# A new lab from a working example; `make verify LABS=NN` then lists what is
# left to write.
new-lab: $(CHECKER)
	@test -n "$(NAME)" || { echo "usage: make new-lab NAME=bank-transfer [FIX=mutex] [CONCEPTS='mutex check-then-act']"; exit 2; }
	$(CHECKER) new $(NAME) $(if $(FIX),--fix $(FIX)) $(foreach c,$(CONCEPTS),--concept $(c))

# A new lab from an existing racy program and its fix, measured and verified.
import: $(CHECKER)
	@test -n "$(RACY)" -a -n "$(FIXED)" || { echo "usage: make import RACY=dir FIXED=dir [FIX=mutex] [SLUG=name] [ARGS='-n 5']"; exit 2; }
	$(CHECKER) import $(RACY) --solution $(FIXED) $(if $(FIX),--fix $(FIX)) $(if $(SLUG),--slug $(SLUG)) $(if $(ARGS),--args '$(ARGS)')

vet:
	@test -z "$$(gofmt -l checker labs solutions)" || { gofmt -l checker labs solutions; echo "gofmt: the files above need formatting"; exit 1; }
	$(GO) vet ./checker/... ./labs/...

test: vet $(CHECKER)
	$(GO) test -race -count=1 -timeout=30m ./checker/... ./labs/internal/...
	$(CHECKER) verify -count $(COUNT)

# Grading: see docs/grading.md. Student code runs only inside bubblewrap.
OUT ?= grades

grade: $(CHECKER)
	@test -n "$(SUBMISSIONS)" || { echo "usage: make grade SUBMISSIONS=path/to/class [OUT=grades]"; exit 2; }
	$(CHECKER) grade -o $(OUT) $(SUBMISSIONS)

grade-example: $(CHECKER)
	$(CHECKER) grade -o $(OUT)/example checker/testdata/class
