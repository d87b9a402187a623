package singleflight

type Group struct{}
