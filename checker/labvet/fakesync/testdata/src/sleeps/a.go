package sleeps

import (
	"log"
	"os"
	"runtime"
	"time"
)

func f() {
	time.Sleep(time.Millisecond) // want `time.Sleep is not synchronisation`
	runtime.Gosched()            // want `runtime.Gosched is not synchronisation`
	runtime.GOMAXPROCS(1)        // want `runtime.GOMAXPROCS does not fix a race`
	log.Fatal("x")               // want `log.Fatal ends the program before the lab's checks run`
	os.Exit(0)                   // want `os.Exit ends the program before the lab's checks run`
}
