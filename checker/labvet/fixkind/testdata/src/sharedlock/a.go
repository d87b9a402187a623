package sharedlock

import "sync"

type Stats struct {
	mu sync.Mutex
	n  int
}

// Embedded has its mutex embedded: s.Lock locks it.
type Embedded struct {
	sync.Mutex
	n int
}

// Ref holds a pointer to a mutex: a copy of a Ref still shares it.
type Ref struct {
	mu *sync.Mutex
}

var global Stats

func (s Stats) copyRecv()                   { s.mu.Lock() }      // a copy: false
func (s *Stats) ptrRecv()                   { s.mu.Lock() }      // the caller's: true
func (e Embedded) copyEmbedded()            { e.Lock() }         // a copy: false
func (e *Embedded) ptrEmbedded()            { e.Lock() }         // the caller's: true
func copyParam(s Stats)                     { s.mu.Lock() }      // a copy: false
func ptrParam(s *Stats)                     { s.mu.Lock() }      // the caller's: true
func derefParam(s *Stats)                   { (*s).mu.Lock() }   // the caller's: true
func refCopy(r Ref)                         { r.mu.Lock() }      // a copy of a pointer: true
func mutexPtr(mu *sync.Mutex)               { mu.Lock() }        // true
func pkgVar()                               { global.mu.Lock() } // a package variable: true
func sliceElem(ss []Stats)                  { ss[0].mu.Lock() }  // a slice's element: true
func arrayElem(ss [2]Stats)                 { ss[0].mu.Lock() }  // an element of a copied array: false
func rlockCopy(s struct{ mu sync.RWMutex }) { s.mu.RLock() }     // a copy: false

func rangeCopy(ss []Stats) {
	for _, s := range ss {
		s.mu.Lock() // the range variable is a copy: false
	}
}
