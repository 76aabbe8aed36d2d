//go:build unix

package usage

import (
	"os"
	"runtime"
	"syscall"
	"time"
)

// Of is what wait4 reported for an exited process: its own use and
// that of every descendant it waited for.
func Of(ps *os.ProcessState) Usage {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return Usage{}
	}
	rss := ru.Maxrss * 1024 // Linux reports KiB
	if runtime.GOOS == "darwin" {
		rss = ru.Maxrss // macOS reports bytes
	}
	return Usage{
		CPU:    time.Duration(ru.Utime.Nano() + ru.Stime.Nano()),
		MaxRSS: int64(rss),
	}
}
