package onlyeditable

var n int

func inc() { n++ }
