package harness

var X int
