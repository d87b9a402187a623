package onlyeditable // want `this lab asks for a sync.Mutex`

var n int

func inc() { n++ }
