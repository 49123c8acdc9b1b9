package app

import (
	"log/slog"
	"os"
	"runtime/pprof"
	"time"
)

// timingEnv, when set to 1, makes the window log how long its main
// actions take (start, open an article, search), for measuring.
const timingEnv = "CLIPPINGS_TIMING"

// processStart is about when the program started (package variables are
// set before main runs).
var processStart = time.Now()

// timing logs durations when enabled.
type timing struct {
	on  bool
	log *slog.Logger
}

func newTiming(log *slog.Logger) timing {
	return timing{on: os.Getenv(timingEnv) == "1", log: log}
}

// profileEnv, when set, names a file where the window writes a CPU
// profile of its whole life (go tool pprof reads it).
const profileEnv = "CLIPPINGS_CPUPROFILE"

// startProfile starts the CPU profile profileEnv asks for and returns
// what stops it (nil when there is none).
func startProfile(log *slog.Logger) func() {
	path := os.Getenv(profileEnv)
	if path == "" {
		return nil
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		log.Warn("cpu profile", "err", err)
		return nil
	}
	return func() {
		pprof.StopCPUProfile()
		_ = f.Close()
	}
}

// start returns the time an action starts.
func (t timing) start() time.Time { return time.Now() }

// since logs how long what took since start.
func (t timing) since(what string, start time.Time) {
	if t.on {
		t.log.Info("timing", "what", what, "ms", float64(time.Since(start).Microseconds())/1000)
	}
}
