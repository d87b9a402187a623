package secret

func X() int { return 1 }
