package world

func X() int { return 1 }
