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

func indirect() {
	exit := os.Exit // want `os.Exit ends the program before the lab's checks run`
	exit(0)
	defer os.Exit(1)    // want `os.Exit ends the program before the lab's checks run`
	go runtime.Goexit() // want `runtime.Goexit ends the program before the lab's checks run`
	nap := time.Sleep   // want `time.Sleep is not synchronisation`
	nap(time.Millisecond)
}
