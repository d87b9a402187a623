package program

func Main(func()) {}
