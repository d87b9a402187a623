package syncmap

type Map struct{}
