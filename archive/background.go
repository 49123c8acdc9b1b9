package archive

import "sync"

// background counts the work a search leaves running on other
// connections when it returns (a count it no longer needs, cancelled but
// not yet stopped), so that Close can wait for it: a connection still
// open after Close would close later, and its last checkpoint then holds
// the archive's lock while the next process, or the next command in the
// same process, opens the file ("database is locked").
type background struct {
	mu   sync.Mutex
	n    int
	idle *sync.Cond // signalled when n drops to 0
}

// goWork runs fn on a goroutine of its own, counted until it returns. fn
// may itself call goWork.
func (b *background) goWork(fn func()) {
	b.mu.Lock()
	if b.idle == nil {
		b.idle = sync.NewCond(&b.mu)
	}
	b.n++
	b.mu.Unlock()
	go func() {
		defer b.done()
		fn()
	}()
}

func (b *background) done() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.n--; b.n == 0 {
		b.idle.Broadcast()
	}
}

// wait returns when no work counted by goWork is running.
func (b *background) wait() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for b.n > 0 {
		b.idle.Wait()
	}
}
