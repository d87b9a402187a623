# racelab. Students: `make lab N=1`. Instructors: `make verify`, `make grade`.
# Maintainers: `make test`.

GO      ?= go
CHECKER := .bin/checker
# Runs of each lab variant per GOMAXPROCS setting in `make test`; the
# instructor's full proof is `make verify COUNT=20`.
COUNT   ?= 2

CHECKER_SRC := $(shell find checker -name '*.go' -not -name '*_test.go') go.mod go.sum

# The checker is built once and rebuilt only when its source changes, so
# `make lab` costs no more than the test run itself.
$(CHECKER): $(CHECKER_SRC)
	@$(GO) build -o $@ ./checker

.PHONY: lab verify test vet help grade grade-example

help:
	@echo "students:    make lab N=1        run lab 1 as the grader does, explained"
	@echo "instructors: make verify         prove every lab right (COUNT=20 LABS='3 4')"
	@echo "             make grade SUBMISSIONS=class/   grade a class into grades/ (OUT=dir)"
	@echo "             make grade-example  grade the bundled example class into grades/example"
	@echo "maintainers: make test           vet, unit tests, and verify every lab"

lab: $(CHECKER)
	@test -n "$(N)" || { echo "usage: make lab N=1"; exit 2; }
	@$(CHECKER) lab $(N)

verify: $(CHECKER)
	$(CHECKER) verify -count $(COUNT) $(LABS)

vet:
	@test -z "$$(gofmt -l checker labs solutions)" || { gofmt -l checker labs solutions; echo "gofmt: the files above need formatting"; exit 1; }
	$(GO) vet ./checker/... ./labs/...

test: vet $(CHECKER)
	$(GO) test -race -count=1 ./checker/... ./labs/internal/...
	$(CHECKER) verify -count $(COUNT)

# Grading: see docs/grading.md. Student code runs only inside bubblewrap.
OUT ?= grades

grade: $(CHECKER)
	@test -n "$(SUBMISSIONS)" || { echo "usage: make grade SUBMISSIONS=path/to/class [OUT=grades]"; exit 2; }
	$(CHECKER) grade -o $(OUT) $(SUBMISSIONS)

grade-example: $(CHECKER)
	$(CHECKER) grade -o $(OUT)/example checker/testdata/class
