//go:build !unix

package archive

// inUse cannot tell, on this system, whether another process has the
// archive open; Restore relies on the user having closed it.
func inUse(path string) error { return nil }

// folderWritable cannot tell on this system; Open falls back on the
// errors SQLite gives.
func folderWritable(dir string) bool { return true }
