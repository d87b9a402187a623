package flight

import "golang.org/x/sync/singleflight"

var g singleflight.Group

func thumb(key string) any {
	v, _, _ := g.Do(key, func() (any, error) { return key, nil }) // one call per key in flight: a shared once
	g.Forget(key)                                                 // not synchronisation
	return v
}
