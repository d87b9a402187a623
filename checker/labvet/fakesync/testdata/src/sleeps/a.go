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
	os.Exit(0)                   // confine refuses it; not fakesync's to report
}

func indirect() {
	fatal := log.Fatalln // want `log.Fatalln ends the program before the lab's checks run`
	fatal(0)
	defer log.Fatalf("") // want `log.Fatalf ends the program before the lab's checks run`
	go runtime.Goexit()  // want `runtime.Goexit ends the program before the lab's checks run`
	nap := time.Sleep    // want `time.Sleep is not synchronisation`
	nap(time.Millisecond)
}
