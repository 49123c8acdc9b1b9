package archive

import (
	"syscall"
	"time"
	"unsafe"
)

// processCPU returns the CPU time used so far by the process, from
// clock_gettime(CLOCK_PROCESS_CPUTIME_ID): what a query costs, whatever
// else the machine is doing, also when part of it runs on another thread
// (a search counts its matches meanwhile).
func processCPU() time.Duration {
	var ts syscall.Timespec
	const clockProcessCPUTime = 2
	if _, _, errno := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockProcessCPUTime, uintptr(unsafe.Pointer(&ts)), 0); errno != 0 {
		return 0
	}
	return time.Duration(ts.Nano())
}
