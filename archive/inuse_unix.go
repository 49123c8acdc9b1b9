//go:build unix

package archive

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// sharedFirst and sharedSize are the bytes of the database file SQLite
// locks to read it (its SHARED lock, held continuously by every
// connection of a WAL archive), as its unix VFS lays them out.
const (
	sharedFirst = 0x40000000 + 2
	sharedSize  = 510
)

// inUse returns an error wrapping ErrBusy when another process has the
// archive file at path open through SQLite (it holds a lock on it); nil
// when none has, or the file does not exist.
func inUse(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	lk := syscall.Flock_t{Type: syscall.F_WRLCK, Whence: 0, Start: sharedFirst, Len: sharedSize}
	if err := syscall.FcntlFlock(f.Fd(), syscall.F_GETLK, &lk); err != nil {
		return err
	}
	if lk.Type != syscall.F_UNLCK {
		return &storeError{kind: ErrBusy, err: fmt.Errorf("process %d has it open", lk.Pid)}
	}
	return nil
}

// folderWritable reports whether this process may create files in dir
// (false on a read-only mount, or a folder without write permission).
func folderWritable(dir string) bool {
	const wOK = 2 // W_OK of access(2)
	return syscall.Access(dir, wOK) == nil
}
