// The reference fixes are not built where they stand: the checker copies
// each one over its lab's file in a private copy of the repository. This
// file makes solutions/ a module of its own so that `go build ./...` and
// `go vet ./...` at the root leave it out (its files import the labs'
// internal packages, which is only allowed from inside labs/).
module github.com/racelab/racelab/solutions

go 1.26
