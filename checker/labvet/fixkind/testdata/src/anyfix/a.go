package anyfix

var n int

func inc() { n++ }
